// The polite HTTP fetcher: many hosts at once on one libcurl multi handle,
// one connection and a minimum delay per host, robots.txt (RFC 9309)
// fetched once per origin and obeyed, exponential back-off on 429/5xx
// honouring Retry-After, hard caps on size and time, and no connection to
// a private address unless allowed (the check runs on the resolved address
// of every connection, redirects included). docs/fetching.md says all this
// for operators.
//
// Threading: a Fetcher is driven by one thread at a time; callbacks run on
// that thread, inside step()/fetch_all(), and may call submit(). Separate
// Fetchers are independent. Nothing here throws or prints; every request
// submitted yields exactly one FetchResult.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "collect/robots.h"
#include "core/error.h"
#include "core/time.h"
#include "core/types.h"
#include "core/version.h"

namespace tidings {

inline constexpr char kDefaultUserAgent[] =
    "tidings/" TIDINGS_VERSION " (+https://github.com/tidings)";

struct FetchOptions {
  std::string user_agent = kDefaultUserAgent;
  std::string robots_token = "tidings";       ///< product token matched in robots.txt
  size_t max_body_bytes = 10u << 20;          ///< decoded bytes; more is "too large"
  std::chrono::milliseconds timeout{30'000};  ///< whole response, per hop
  std::chrono::milliseconds connect_timeout{10'000};
  long low_speed_bytes = 1024;              ///< abort below this many bytes/s ...
  std::chrono::seconds low_speed_time{15};  ///< ... sustained this long
  int max_redirects = 5;
  std::chrono::milliseconds min_delay{1'000};         ///< between requests to one host
  std::chrono::milliseconds max_crawl_delay{60'000};  ///< robots Crawl-delay is capped here
  int max_connections_per_host = 1;
  int max_total_connections = 64;
  bool allow_private = false;  ///< allow every address that is not public
  /// Without allow_private: allow only these kinds of non-public address,
  /// by name ("loopback", "private", "link-local", "shared"); every other
  /// kind stays refused (an intranet crawl that must never reach the cloud
  /// metadata address 169.254.169.254, a test on 127.0.0.1).
  std::vector<std::string> allow_address_kinds;
  bool respect_robots = true;
  std::string ca_file;  ///< PEM bundle of CAs to trust instead of the system's; "" = system
  std::chrono::milliseconds backoff_base{5'000};  ///< first back-off after a 429/5xx
  std::chrono::milliseconds max_backoff{3'600'000};
  /// A request whose host backs off (after a 429, 5xx, timeout or failed
  /// connection) for longer than this is not held: it ends at once with
  /// FetchFailure::kBackedOff and retry_after. The polite delay between
  /// requests (min_delay, Crawl-delay) is always waited.
  std::chrono::milliseconds max_queue_wait{60'000};
  std::chrono::milliseconds robots_ttl{24 * 3'600'000};     ///< cache of a fetched robots.txt
  std::chrono::milliseconds robots_error_ttl{15 * 60'000};  ///< "unreachable" is cached this long
  /// A host with nothing queued or running for this long is forgotten
  /// (its politeness state and robots.txt), so a run over very many hosts
  /// keeps memory for the recent ones only; it reads robots.txt again if
  /// it comes back.
  std::chrono::milliseconds host_idle_ttl{3'600'000};
};

struct FetchRequest {
  FetchRequest() = default;
  FetchRequest(std::string url_, std::string etag_ = {}, std::string last_modified_ = {},
               uint64_t tag_ = 0)
      : url(std::move(url_)),
        etag(std::move(etag_)),
        last_modified(std::move(last_modified_)),
        tag(tag_) {}

  std::string url;            ///< absolute http(s) URL
  std::string etag;           ///< sent as If-None-Match when set
  std::string last_modified;  ///< sent as If-Modified-Since when set
  uint64_t tag = 0;           ///< the caller's, returned untouched
};

/// Why a fetch produced no usable response. HTTP error statuses (404, 500)
/// are not failures: they arrive in `status`.
enum class FetchFailure {
  kNone,
  kInvalidUrl,         ///< not an absolute URL
  kScheme,             ///< not http/https (also a redirect to one)
  kDns,                ///< the host name did not resolve
  kConnect,            ///< the connection failed or broke
  kRefusedPrivate,     ///< the SSRF guard refused the resolved address
  kTimeout,            ///< total timeout or below the low-speed limit
  kTooLarge,           ///< body past max_body_bytes (decoded)
  kTooManyRedirects,   ///< more than max_redirects hops
  kRobotsDisallowed,   ///< robots.txt disallows the URL; nothing was fetched
  kRobotsUnavailable,  ///< robots.txt unreachable or 5xx: disallowed for now
  kBackedOff,          ///< the host is backed off past max_queue_wait
  kTls,                ///< certificate or handshake
  kNetwork,            ///< anything else libcurl reports
};

/// "dns", "timeout", "robots_disallowed", ...
const char* fetch_failure_name(FetchFailure failure);

/// Whether `kind` is a name FetchOptions::allow_address_kinds understands.
bool is_address_kind(std::string_view kind);

struct FetchResult {
  FetchRequest request;   ///< as submitted
  std::string final_url;  ///< the URL of the last hop
  int status = 0;         ///< last HTTP status, 0 when none
  std::string headers;    ///< raw headers of the last response
  std::string content_type;
  std::string content_language;  ///< the Content-Language header, "" when none
  std::string etag;           ///< of the response; on 304 the request's when absent
  std::string last_modified;  ///< likewise
  std::string body;           ///< decoded (gzip/deflate/br undone), <= max_body_bytes
  Instant fetched_at{};
  bool not_modified = false;  ///< 304 to a conditional request
  int redirects = 0;          ///< hops followed
  int http_version = 0;       ///< 1 (HTTP/1.x), 2 or 3 of the last response; 0 = none
  FetchFailure failure = FetchFailure::kNone;
  std::optional<Error> error;          ///< set iff failure != kNone; one line
  std::optional<int64_t> retry_after;  ///< seconds, from Retry-After or a back-off

  bool ok() const { return failure == FetchFailure::kNone; }
};

/// The result as a pipeline Document (origin = the request URL).
Document to_document(const FetchResult& result);

using FetchCallback = std::function<void(FetchResult&&)>;

class Fetcher {
 public:
  explicit Fetcher(FetchOptions options = {});
  ~Fetcher();
  Fetcher(const Fetcher&) = delete;
  Fetcher& operator=(const Fetcher&) = delete;

  /// Queues a request. Invalid URLs and other schemes end at the next step.
  void submit(FetchRequest request);

  /// Starts what politeness allows, waits up to `max_wait` for progress,
  /// and hands finished results to `callback`. Returns false once nothing
  /// is queued, running or undelivered.
  bool step(std::chrono::milliseconds max_wait, const FetchCallback& callback);

  /// Submits all requests and steps until every result (and any submitted
  /// from the callback) has been delivered.
  void fetch_all(std::vector<FetchRequest> requests, const FetchCallback& callback);

  size_t queued() const;   ///< waiting for their host
  size_t running() const;  ///< transfers in flight, robots.txt included
  size_t hosts_tracked() const;  ///< hosts whose politeness state is held
  /// Forgets the hosts idle for host_idle_ttl now (the fetcher also does
  /// this by itself at most once a minute). Returns how many.
  size_t prune_idle_hosts();

  /// When the host of `url` may next be contacted (back-off, Crawl-delay
  /// and min_delay included); nullopt when it has never been contacted.
  std::optional<Clock::time_point> host_next_allowed(std::string_view url) const;

  /// The cached robots.txt of the origin of `url` (Sitemap lines included);
  /// nullopt when not fetched, unavailable or expired.
  std::optional<RobotsTxt> cached_robots(std::string_view url) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace tidings
