// One libcurl easy transfer: options, callbacks and outcome (fetch_transfer.h).
#include "collect/fetch_transfer.h"

#include <sys/socket.h>

#include <algorithm>
#include <cctype>
#include <memory>

#include "collect/host_policy.h"

namespace tidings::collect {

namespace {

constexpr size_t kMaxHeaderBytes = 256 << 10;

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// The last value of header `name` (lower case) in a raw header block.
std::string header_value(std::string_view block, std::string_view name) {
  std::string value;
  while (!block.empty()) {
    const size_t eol = block.find('\n');
    const std::string_view line = block.substr(0, eol);
    block.remove_prefix(eol == std::string_view::npos ? block.size() : eol + 1);
    const size_t colon = line.find(':');
    if (colon != std::string_view::npos && lower(trim(line.substr(0, colon))) == name) {
      value = std::string(trim(line.substr(colon + 1)));
    }
  }
  return value;
}

size_t on_body(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const size_t n = size * count;
  if (t->result.body.size() + n > t->max_body) {
    // robots.txt: what fits is kept and the rest ignored (RFC 9309 §2.5).
    t->result.body.append(data, t->max_body - t->result.body.size());
    t->body_capped = true;
    return 0;  // aborts the transfer with CURLE_WRITE_ERROR
  }
  t->result.body.append(data, n);
  return n;
}

size_t on_header(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const size_t n = size * count;
  const std::string_view line(data, n);
  if (line.substr(0, 5) == "HTTP/") t->result.headers.clear();  // a new response (redirect, 100)
  if (t->result.headers.size() + n > kMaxHeaderBytes) {
    t->headers_capped = true;
    return 0;  // aborts the transfer with CURLE_WRITE_ERROR
  }
  t->result.headers.append(line);
  return n;
}

// Whether FetchOptions::allow_address_kinds lets `c` through.
bool kind_allowed(AddressClass c, const std::vector<std::string>& kinds) {
  const char* name = c == AddressClass::kSharedCgnat ? "shared" : address_class_name(c);
  return std::find(kinds.begin(), kinds.end(), name) != kinds.end();
}

// The SSRF guard: every socket libcurl opens, for every hop and every
// address it tries, passes here with the address it will connect to, so
// neither a redirect nor a DNS answer that changes between checks
// (rebinding) reaches a private network.
curl_socket_t on_open_socket(void* user, curlsocktype purpose, curl_sockaddr* address) {
  auto* t = static_cast<Transfer*>(user);
  if (!t->allow_private) {
    const AddressClass c = classify_address(&address->addr);
    if (c != AddressClass::kPublic && !kind_allowed(c, t->allow_kinds)) {
      t->refused =
          "private address " + address_text(&address->addr) + " (" + address_class_name(c) + ")";
      return CURL_SOCKET_BAD;
    }
  }
  return socket(address->family, address->socktype, address->protocol);
}

std::string url_part(CURLU* u, CURLUPart part, unsigned flags = 0) {
  char* out = nullptr;
  if (curl_url_get(u, part, &out, flags) != CURLUE_OK || out == nullptr) return "";
  std::string s(out);
  curl_free(out);
  return s;
}

// "too large: body over N bytes", naming the content coding and how little
// came over the wire when the cap was reached by decoding (a bomb).
std::string too_large_message(const Transfer& t) {
  std::string message = "too large: body over " + std::to_string(t.max_body) + " bytes";
  const std::string coding = header_value(t.result.headers, "content-encoding");
  curl_off_t received = 0;
  if (coding.empty() || coding == "identity" ||
      curl_easy_getinfo(t.easy, CURLINFO_SIZE_DOWNLOAD_T, &received) != CURLE_OK) {
    return message;
  }
  message += " once " + coding.substr(0, 32) + "-decoded, from " + std::to_string(received) +
             " bytes received";
  // Text compresses ten times or so; a hundred times is a bomb.
  if (received > 0 && t.max_body / static_cast<size_t>(received) >= 100) {
    message += " (a decompression bomb)";
  }
  return message;
}

}  // namespace

Transfer::~Transfer() {
  if (easy != nullptr) curl_easy_cleanup(easy);
  curl_slist_free_all(request_headers);
}

bool split_url(std::string_view url, UrlParts& parts, FetchFailure& failure, std::string& message) {
  struct Deleter {
    void operator()(CURLU* u) const { curl_url_cleanup(u); }
  };
  std::unique_ptr<CURLU, Deleter> u(curl_url());
  const std::string s(url);
  if (!u || s.size() > 8192 ||
      curl_url_set(u.get(), CURLUPART_URL, s.c_str(), CURLU_NON_SUPPORT_SCHEME) != CURLUE_OK) {
    failure = FetchFailure::kInvalidUrl;
    message = "invalid url";
    return false;
  }
  parts.scheme = lower(url_part(u.get(), CURLUPART_SCHEME));
  if (parts.scheme != "http" && parts.scheme != "https") {
    failure = FetchFailure::kScheme;
    message = "unsupported scheme: " + parts.scheme.substr(0, 32);
    return false;
  }
  const std::string host = lower(url_part(u.get(), CURLUPART_HOST));
  const std::string port = url_part(u.get(), CURLUPART_PORT, CURLU_DEFAULT_PORT);
  if (host.empty()) {
    failure = FetchFailure::kInvalidUrl;
    message = "invalid url: no host";
    return false;
  }
  parts.host_key = port == "80" || port == "443" ? host : host + ":" + port;
  parts.origin = parts.scheme + "://" + host + ":" + port;
  return true;
}

bool prepare_transfer(Transfer& t, const FetchOptions& o) {
  t.easy = curl_easy_init();
  if (t.easy == nullptr) return false;
  CURL* e = t.easy;
  t.allow_private = o.allow_private;
  t.allow_kinds = o.allow_address_kinds;
  t.max_body = t.is_robots ? std::min(o.max_body_bytes, kRobotsMaxBytes) : o.max_body_bytes;
  bool ok = curl_easy_setopt(e, CURLOPT_URL, t.result.final_url.c_str()) == CURLE_OK;
  curl_easy_setopt(e, CURLOPT_PRIVATE, &t);
  curl_easy_setopt(e, CURLOPT_ERRORBUFFER, t.error_buffer);
  curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(e, CURLOPT_PROXY, "");  // never a proxy from the environment
  ok = ok && curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https") == CURLE_OK;
  ok = ok && curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https") == CURLE_OK;
  curl_easy_setopt(e, CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_2TLS));
  curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");  // every coding libcurl was built with
  curl_easy_setopt(e, CURLOPT_USERAGENT, o.user_agent.c_str());
  if (!o.ca_file.empty()) {
    ok = ok && curl_easy_setopt(e, CURLOPT_CAINFO, o.ca_file.c_str()) == CURLE_OK;
  }
  curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, static_cast<long>(o.timeout.count()));
  curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(o.connect_timeout.count()));
  curl_easy_setopt(e, CURLOPT_LOW_SPEED_LIMIT, o.low_speed_bytes);
  curl_easy_setopt(e, CURLOPT_LOW_SPEED_TIME, static_cast<long>(o.low_speed_time.count()));
  // A Content-Length past the cap ends a page before its body; robots.txt
  // is read up to the cap instead.
  if (!t.is_robots) {
    curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(t.max_body));
  }
  // Pages: each hop goes back through the scheduler (robots, politeness).
  // robots.txt: libcurl follows, as RFC 9309 §2.3.1.2 asks, up to five hops.
  curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, t.is_robots ? 1L : 0L);
  curl_easy_setopt(e, CURLOPT_MAXREDIRS, static_cast<long>(std::max(o.max_redirects, 0)));
  curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(e, CURLOPT_WRITEDATA, &t);
  curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(e, CURLOPT_HEADERDATA, &t);
  curl_easy_setopt(e, CURLOPT_OPENSOCKETFUNCTION, on_open_socket);
  curl_easy_setopt(e, CURLOPT_OPENSOCKETDATA, &t);
  const FetchRequest& r = t.result.request;
  if (!t.is_robots && !r.etag.empty() && r.etag.find_first_of("\r\n") == std::string::npos) {
    t.request_headers = curl_slist_append(t.request_headers, ("If-None-Match: " + r.etag).c_str());
  }
  if (!t.is_robots && !r.last_modified.empty() &&
      r.last_modified.find_first_of("\r\n") == std::string::npos) {
    t.request_headers =
        curl_slist_append(t.request_headers, ("If-Modified-Since: " + r.last_modified).c_str());
  }
  if (t.request_headers != nullptr) curl_easy_setopt(e, CURLOPT_HTTPHEADER, t.request_headers);
  return ok;
}

void finish_transfer(Transfer& t, CURLcode code) {
  FetchResult& r = t.result;
  long status = 0;
  curl_easy_getinfo(t.easy, CURLINFO_RESPONSE_CODE, &status);
  r.status = static_cast<int>(status);
  char* effective = nullptr;
  if (curl_easy_getinfo(t.easy, CURLINFO_EFFECTIVE_URL, &effective) == CURLE_OK &&
      effective != nullptr) {
    r.final_url = effective;
  }
  long version = CURL_HTTP_VERSION_NONE;
  if (curl_easy_getinfo(t.easy, CURLINFO_HTTP_VERSION, &version) == CURLE_OK) {
    r.http_version = version == CURL_HTTP_VERSION_3   ? 3
                     : version == CURL_HTTP_VERSION_2_0 ? 2
                     : version == CURL_HTTP_VERSION_NONE ? 0
                                                         : 1;
  }
  long redirects = 0;
  if (t.is_robots && curl_easy_getinfo(t.easy, CURLINFO_REDIRECT_COUNT, &redirects) == CURLE_OK) {
    r.redirects = static_cast<int>(redirects);
  }
  while (!r.headers.empty() && (r.headers.back() == '\n' || r.headers.back() == '\r')) {
    r.headers.pop_back();
  }
  r.content_type = header_value(r.headers, "content-type");
  r.content_language = header_value(r.headers, "content-language");
  r.etag = header_value(r.headers, "etag");
  r.last_modified = header_value(r.headers, "last-modified");
  t.location = header_value(r.headers, "location");
  t.retry_after = header_value(r.headers, "retry-after");
  r.not_modified = r.status == 304;
  if (r.not_modified) {
    if (r.etag.empty()) r.etag = r.request.etag;
    if (r.last_modified.empty()) r.last_modified = r.request.last_modified;
  }

  auto fail = [&](FetchFailure f, ErrorCode c, std::string message) {
    r.failure = f;
    r.error = Error(c, std::move(message));
  };
  const std::string detail = t.error_buffer[0] != '\0' ? t.error_buffer : curl_easy_strerror(code);
  const std::string cap = std::to_string(t.max_body);
  switch (code) {
    case CURLE_OK:
      break;
    case CURLE_WRITE_ERROR:
      if (t.body_capped && t.is_robots) break;  // truncated robots.txt is still read
      if (t.headers_capped) {
        fail(FetchFailure::kTooLarge, ErrorCode::kTooLarge,
             "too large: headers over " + std::to_string(kMaxHeaderBytes) + " bytes");
      } else if (t.body_capped) {
        fail(FetchFailure::kTooLarge, ErrorCode::kTooLarge, too_large_message(t));
      } else {
        fail(FetchFailure::kNetwork, ErrorCode::kIo, "write error: " + detail);
      }
      break;
    case CURLE_FILESIZE_EXCEEDED:
      fail(FetchFailure::kTooLarge, ErrorCode::kTooLarge,
           "too large: Content-Length over " + cap + " bytes");
      break;
    case CURLE_COULDNT_RESOLVE_HOST:
      fail(FetchFailure::kDns, ErrorCode::kIo, "dns failure: " + detail);
      break;
    case CURLE_COULDNT_CONNECT:
      if (!t.refused.empty()) {
        fail(FetchFailure::kRefusedPrivate, ErrorCode::kIo, "refused: " + t.refused);
      } else {
        fail(FetchFailure::kConnect, ErrorCode::kIo, "connection failed: " + detail);
      }
      break;
    case CURLE_OPERATION_TIMEDOUT:
      fail(FetchFailure::kTimeout, ErrorCode::kIo, "timeout: " + detail);
      break;
    case CURLE_TOO_MANY_REDIRECTS:
      fail(FetchFailure::kTooManyRedirects, ErrorCode::kIo, "too many redirects");
      break;
    case CURLE_UNSUPPORTED_PROTOCOL:
      fail(FetchFailure::kScheme, ErrorCode::kInvalidInput, "unsupported scheme: " + detail);
      break;
    case CURLE_URL_MALFORMAT:
      fail(FetchFailure::kInvalidUrl, ErrorCode::kInvalidInput, "invalid url: " + detail);
      break;
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
      fail(FetchFailure::kTls, ErrorCode::kIo, "tls: " + detail);
      break;
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
      fail(FetchFailure::kConnect, ErrorCode::kIo, "connection broken: " + detail);
      break;
    default:
      fail(FetchFailure::kNetwork, ErrorCode::kIo, "network error: " + detail);
      break;
  }
  if (r.error) {
    // One line, whatever libcurl put in its buffer.
    std::string& m = r.error->message;
    std::replace_if(
        m.begin(), m.end(), [](char c) { return c == '\n' || c == '\r'; }, ' ');
    while (!m.empty() && m.back() == ' ') m.pop_back();
  }
}

}  // namespace tidings::collect
