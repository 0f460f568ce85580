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

}  // namespace

std::string resolve_url(std::string_view base, std::string_view ref) {
  const std::string r = trim(ref);
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
