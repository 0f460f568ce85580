// URL resolution through libcurl's CURLU handle (see url.h).
#include "core/url.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <memory>

namespace tidings {

namespace {

struct UrlDeleter {
  void operator()(CURLU* u) const { curl_url_cleanup(u); }
};
using UrlHandle = std::unique_ptr<CURLU, UrlDeleter>;

std::string get_part(CURLU* u, CURLUPart part, unsigned flags = 0) {
  char* out = nullptr;
  if (curl_url_get(u, part, &out, flags) != CURLUE_OK || out == nullptr) return "";
  std::string s(out);
  curl_free(out);
  return s;
}

bool has_control_chars(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](unsigned char c) { return c < 0x20 || c == 0x7f; });
}

std::string trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
}

bool is_lower_alpha(char c) { return c >= 'a' && c <= 'z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Path and query characters curl_url passes through as they are: the
// unreserved ones and the sub-delimiters, ':', '@', '/' and '?'. Not '%'
// (escapes), '#' (fragments) nor anything that CURLU_URLENCODE escapes.
bool is_plain_path_char(char c) {
  return is_lower_alpha(c) || (c >= 'A' && c <= 'Z') || is_digit(c) ||
         std::string_view("-._~!$&'()*+,;=:@/?").find(c) != std::string_view::npos;
}

// An IPv4 address as curl writes it: four decimal numbers of 0-255 without
// leading zeros (curl rewrites the other notations: 127.1, 0x7f.0.0.1, 010.0.0.1).
bool is_dotted_quad(std::string_view host) {
  int parts = 0;
  while (true) {
    size_t n = 0;
    while (n < host.size() && is_digit(host[n])) ++n;
    if (n == 0 || n > 3 || (n > 1 && host[0] == '0')) return false;
    if (std::stoi(std::string(host.substr(0, n))) > 255) return false;
    ++parts;
    if (n == host.size()) return parts == 4;
    if (host[n] != '.' || parts == 4) return false;
    host.remove_prefix(n + 1);
  }
}

// An absolute http(s) URL that curl_url hands back unchanged, so that
// resolve_url and is_http_url can answer without parsing it -- most links of
// most feeds and sitemaps look like this, and parsing them was a quarter of
// the feed parser's time. Lowercase scheme; a host of lowercase letters,
// digits, '-' and '.', no empty label, whose last label starts with a letter
// (so it is never an IPv4 address in the notations curl rewrites, like
// 0x7f.1), or a dotted quad as curl writes it; an optional port of 1-65535 without a leading zero; a path that
// starts with '/' and has only plain characters, no dot segment and no
// empty query.
// tests/core's differential test holds this against curl itself.
bool is_plain_http_url(std::string_view s) {
  size_t i = s.starts_with("https://") ? 8 : s.starts_with("http://") ? 7 : 0;
  if (i == 0) return false;
  const size_t host = i;
  size_t label = i;
  for (; i < s.size() && s[i] != '/' && s[i] != ':'; ++i) {
    const char c = s[i];
    if (c == '.') {
      if (i == label) return false;  // empty label
      label = i + 1;
    } else if (!is_lower_alpha(c) && !is_digit(c) && c != '-') {
      return false;
    }
  }
  if (i == host || label >= i) return false;
  if (!is_lower_alpha(s[label]) && !is_dotted_quad(s.substr(host, i - host))) return false;
  if (i < s.size() && s[i] == ':') {
    const size_t port = ++i;
    while (i < s.size() && is_digit(s[i])) ++i;
    if (i == port || i - port > 5 || s[port] == '0') return false;
    if (std::stoul(std::string(s.substr(port, i - port))) > 65535) return false;
  }
  if (i >= s.size() || s[i] != '/') return false;
  const std::string_view rest = s.substr(i);
  if (rest.find('?') == rest.size() - 1) return false;  // curl drops an empty query
  return rest.find("/.") == std::string_view::npos &&
         std::all_of(rest.begin(), rest.end(), is_plain_path_char);
}

}  // namespace

std::string resolve_url(std::string_view base, std::string_view ref) {
  const std::string r = trim(ref);
  if (r.size() <= 8192 && is_plain_http_url(r)) return r;  // absolute: the base plays no part
  if (r.empty() || r.size() > 8192 || has_control_chars(r)) return "";
  UrlHandle u(curl_url());
  if (!u) return "";
  const unsigned flags = CURLU_NON_SUPPORT_SCHEME | CURLU_URLENCODE;
  if (!base.empty()) {
    const std::string b(base);
    if (curl_url_set(u.get(), CURLUPART_URL, b.c_str(), flags) != CURLUE_OK) {
      u.reset(curl_url());
    }
  }
  if (curl_url_set(u.get(), CURLUPART_URL, r.c_str(), flags) != CURLUE_OK) return "";
  return get_part(u.get(), CURLUPART_URL);
}

bool is_http_url(std::string_view url) {
  if (url.size() <= 8192 && is_plain_http_url(url)) return true;
  if (url.empty() || url.size() > 8192 || has_control_chars(url)) return false;
  UrlHandle u(curl_url());
  const std::string s(url);
  if (curl_url_set(u.get(), CURLUPART_URL, s.c_str(), 0) != CURLUE_OK) return false;
  const std::string scheme = get_part(u.get(), CURLUPART_SCHEME);
  if (scheme != "http" && scheme != "https") return false;
  return !get_part(u.get(), CURLUPART_HOST).empty();
}

std::string url_host(std::string_view url) {
  UrlHandle u(curl_url());
  const std::string s(url);
  if (curl_url_set(u.get(), CURLUPART_URL, s.c_str(), CURLU_NON_SUPPORT_SCHEME) != CURLUE_OK) {
    return "";
  }
  std::string host = get_part(u.get(), CURLUPART_HOST);
  std::transform(host.begin(), host.end(), host.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return host;
}

std::string url_path(std::string_view url) {
  UrlHandle u(curl_url());
  const std::string s(url);
  if (curl_url_set(u.get(), CURLUPART_URL, s.c_str(), CURLU_NON_SUPPORT_SCHEME) != CURLUE_OK) {
    return "";
  }
  return get_part(u.get(), CURLUPART_PATH);
}

std::string file_url(std::string_view absolute_path) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out = "file://";
  for (unsigned char c : absolute_path) {
    if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

}  // namespace tidings
