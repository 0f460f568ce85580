// FetchResult helpers (fetch.h): failure names and the Document view.
#include "collect/fetch.h"

namespace tidings {

const char* fetch_failure_name(FetchFailure failure) {
  switch (failure) {
    case FetchFailure::kNone:
      return "none";
    case FetchFailure::kInvalidUrl:
      return "invalid_url";
    case FetchFailure::kScheme:
      return "scheme";
    case FetchFailure::kDns:
      return "dns";
    case FetchFailure::kConnect:
      return "connect";
    case FetchFailure::kRefusedPrivate:
      return "refused_private";
    case FetchFailure::kTimeout:
      return "timeout";
    case FetchFailure::kTooLarge:
      return "too_large";
    case FetchFailure::kTooManyRedirects:
      return "too_many_redirects";
    case FetchFailure::kRobotsDisallowed:
      return "robots_disallowed";
    case FetchFailure::kRobotsUnavailable:
      return "robots_unavailable";
    case FetchFailure::kBackedOff:
      return "backed_off";
    case FetchFailure::kTls:
      return "tls";
    case FetchFailure::kNetwork:
      return "network";
  }
  return "network";
}

bool is_address_kind(std::string_view kind) {
  return kind == "loopback" || kind == "private" || kind == "link-local" || kind == "shared";
}

Document to_document(const FetchResult& result) {
  Document d;
  d.url = result.request.url;
  d.final_url = result.final_url == result.request.url ? "" : result.final_url;
  d.origin = result.request.url;
  d.headers = result.headers;
  d.content_type = result.content_type;
  d.http_status = result.status;
  d.fetched_at = result.fetched_at;
  d.body = result.body;
  return d;
}

}  // namespace tidings
