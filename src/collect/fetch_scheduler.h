// The fetcher's scheduler (fetch.h): per-host queues, politeness, the
// robots.txt cache, redirects and back-off around one libcurl multi handle.
// Private to collect; Fetcher is its public face.
#pragma once

#include <curl/curl.h>

#include <chrono>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "collect/fetch.h"
#include "collect/fetch_transfer.h"

namespace tidings::collect {

using std::chrono::milliseconds;
using Steady = std::chrono::steady_clock;

struct Pending {
  FetchRequest request;
  std::string url;  ///< this hop
  UrlParts parts;
  int redirects = 0;
};

struct HostState {
  std::deque<Pending> queue;
  int active = 0;
  bool contacted = false;
  Steady::time_point next_allowed{};
  int failures = 0;  ///< consecutive 429/5xx/timeouts: the back-off exponent
  milliseconds crawl_delay{0};
  Steady::time_point last_active{};  ///< last request queued or response read
  std::vector<std::string> origins;  ///< robots.txt entries made for this host
};

struct RobotsEntry {
  bool fetching = false;
  bool available = false;  ///< false: disallow everything until `expires`
  Steady::time_point expires{};
  RobotsTxt txt;
  RobotsPolicy policy;
  FetchFailure failure = FetchFailure::kRobotsUnavailable;  ///< when not available
  std::string message;
};

/// A result that ends `p` without a response.
FetchResult failed_result(const Pending& p, FetchFailure failure, ErrorCode code,
                          std::string message);

struct Scheduler {
  FetchOptions options;
  CURLM* multi = nullptr;
  std::map<std::string, HostState> hosts;
  std::map<std::string, RobotsEntry> robots;  ///< by origin
  std::map<CURL*, std::unique_ptr<Transfer>> transfers;
  std::vector<FetchResult> ready;
  size_t queued = 0;
  Steady::time_point next_prune{};

  /// Queues a hop; redirects go to the front of their host's queue.
  void enqueue(Pending p, bool front);
  /// Adds a prepared transfer to the multi handle; on failure a page's
  /// result is made ready at once.
  bool start(std::unique_ptr<Transfer> t, HostState& host);
  void start_robots(const UrlParts& parts, HostState& host);
  /// Starts what each host's politeness allows; ends at once the requests
  /// that robots.txt or a long back-off rule out.
  void schedule();
  void pop_with(HostState& host, FetchResult r);
  /// Politeness and back-off after any response or failure from a host.
  void after_response(HostState& host, const FetchResult& r, std::optional<int64_t> retry_after);
  /// RFC 9309 §2.3.1: what a robots.txt response means for its origin.
  void complete_robots(Transfer& t, HostState& host);
  /// A page hop finished: follow a redirect or make the result ready.
  void complete(std::unique_ptr<Transfer> t);
  /// Forgets hosts idle for options.host_idle_ttl (nothing queued or
  /// running, no back-off pending) with their robots.txt entries, so a
  /// long run over many hosts holds only the recent ones. Returns how many.
  size_t prune_idle_hosts(Steady::time_point now);
  /// Reads libcurl's finished transfers.
  void collect_done();
  /// How long until some queued request could start.
  milliseconds wait_hint(milliseconds max_wait) const;
  /// Hands ready results to the callback (which may submit more).
  void deliver(const FetchCallback& callback);
};

}  // namespace tidings::collect
