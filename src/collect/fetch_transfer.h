// One libcurl easy transfer of the fetcher (fetch.h): its options, its
// callbacks (body cap, header capture, the SSRF guard on every socket) and
// the translation of its outcome into a FetchResult. Private to collect.
#pragma once

#include <curl/curl.h>

#include <string>
#include <string_view>
#include <vector>

#include "collect/fetch.h"

namespace tidings::collect {

/// Where a URL belongs: `host_key` groups requests for politeness (host,
/// plus the port when it is not 80/443), `origin` is robots.txt's scope
/// (scheme://host:port, RFC 9309 §2.3).
struct UrlParts {
  std::string scheme;
  std::string host_key;
  std::string origin;
};

/// Splits an absolute URL; on failure sets `failure` (kInvalidUrl or kScheme)
/// and `message`.
bool split_url(std::string_view url, UrlParts& parts, FetchFailure& failure, std::string& message);

struct Transfer {
  CURL* easy = nullptr;
  curl_slist* request_headers = nullptr;
  FetchResult result;      ///< request, redirects and final_url set by the owner
  UrlParts parts;          ///< of result.final_url
  bool is_robots = false;  ///< a robots.txt fetch for parts.origin
  size_t max_body = 0;
  bool body_capped = false;     ///< the write callback refused more bytes
  bool headers_capped = false;  ///< the header callback did
  bool allow_private = false;
  std::vector<std::string> allow_kinds;  ///< FetchOptions::allow_address_kinds
  std::string refused;      ///< "private address 10.0.0.1 (private)" when the guard said no
  std::string location;     ///< Location of the last response
  std::string retry_after;  ///< Retry-After of the last response
  char error_buffer[CURL_ERROR_SIZE] = {};

  Transfer() = default;
  Transfer(const Transfer&) = delete;
  Transfer& operator=(const Transfer&) = delete;
  ~Transfer();
};

/// Creates the easy handle for `t.result.final_url` with every limit from
/// `options`. robots.txt transfers follow redirects themselves and keep
/// only the first kRobotsMaxBytes. Returns false if libcurl refused.
bool prepare_transfer(Transfer& t, const FetchOptions& options);

/// Fills status, headers, validators, failure and error after libcurl
/// finished with `code`.
void finish_transfer(Transfer& t, CURLcode code);

}  // namespace tidings::collect
