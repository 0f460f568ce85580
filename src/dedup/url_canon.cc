// URL canonicalisation and registrable domains (dedup.h "URLs"): one page
// fetched under many URLs gets one key. Parsing is curl_url's (RFC 3986),
// the public-suffix list libpsl's.
#include <curl/curl.h>
#include <libpsl.h>

#include <algorithm>
#include <array>
#include <memory>

#include "core/url.h"
#include "dedup/dedup.h"

namespace tidings::dedup {

namespace {

constexpr size_t kMaxUrlBytes = 8192;

struct UrlDeleter {
  void operator()(CURLU* u) const { curl_url_cleanup(u); }
};

std::string get_part(CURLU* u, CURLUPart part) {
  char* out = nullptr;
  if (curl_url_get(u, part, &out, 0) != CURLUE_OK || out == nullptr) return "";
  std::string s(out);
  curl_free(out);
  return s;
}

char lower(char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; }
std::string to_lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), lower);
  return out;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = lower(c);
  return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

bool is_unreserved(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

// RFC 3986 §6.2.2: escapes of unreserved characters decoded, the others'
// hex digits upper-cased; bytes that need escaping are escaped.
std::string normalize_escapes(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == '%' && i + 2 < s.size() + 0 && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
      const auto v = static_cast<unsigned char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
      if (is_unreserved(v)) {
        out.push_back(static_cast<char>(v));
      } else {
        out += {'%', kHex[v >> 4], kHex[v & 15]};
      }
      i += 2;
    } else if (c <= 0x20 || c >= 0x7F || c == '%') {
      // A '%' that starts no escape is written as one ("%%61" -> "%25a"),
      // else the next pass would read "%a..." as an escape (dedup_fuzz).
      out += {'%', kHex[c >> 4], kHex[c & 15]};
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

// Query parameters that say how a reader arrived, not what the page is.
bool is_tracking_param(std::string_view name_raw) {
  const std::string name = to_lower(name_raw);
  if (name.starts_with("utm_") || name.starts_with("at_") || name.starts_with("mc_") ||
      name.starts_with("pk_") || name.starts_with("hsa_") || name.starts_with("__")) {
    return true;
  }
  static constexpr std::array<std::string_view, 30> kNames = {
      "fbclid", "gclid",  "dclid",     "gclsrc",   "msclkid", "yclid",  "igshid",   "_ga",
      "_gl",    "ref",    "ref_src",   "ref_url",  "cmpid",   "cmp",    "ncid",     "ocid",
      "sr_share", "share", "amp",      "outputtype", "spm",   "xtor",   "ito",      "wt_mc",
      "smid",   "smtyp",  "s_cid",     "mbid",     "rss",     "from"};
  return std::find(kNames.begin(), kNames.end(), name) != kNames.end();
}

std::string canonical_query(std::string_view query) {
  std::vector<std::string> kept;
  while (!query.empty()) {
    const size_t amp = query.find('&');
    const std::string_view param = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (param.empty()) continue;
    if (is_tracking_param(param.substr(0, param.find('=')))) continue;
    kept.push_back(normalize_escapes(param));
  }
  std::sort(kept.begin(), kept.end());  // parameter order does not name another page
  std::string out;
  for (const auto& p : kept) (out.empty() ? out : out += '&') += p;
  return out;
}

// AMP and mobile variants of a path: /amp, /amp/, /story.amp.html, /amp/story.
std::string canonical_path(std::string_view raw) {
  std::string path = raw.empty() ? std::string("/") : normalize_escapes(raw);
  // To a fixed point, so that a key is its own key: "/story.amp.html/"
  // loses its '/' and then its ".amp" (dedup_fuzz found the one-pass
  // version leaving ".amp.html" for the second pass). Each round shortens
  // the path or ends the loop.
  for (size_t before = 0; before != path.size();) {
    before = path.size();
    while (path.size() > 1 && path.back() == '/') path.pop_back();  // "/story/" is "/story"
    if (path.size() > 4 && path.ends_with("/amp")) path.resize(path.size() - 4);
    if (path.ends_with(".amp.html")) path.erase(path.size() - 9, 4);  // ".amp.html" -> ".html"
    if (path.ends_with(".amp")) path.resize(path.size() - 4);
    if (path.starts_with("/amp/") && path.size() > 5) path.erase(0, 4);
  }
  if (path.empty()) path = "/";
  return path;
}

// www., m., mobile. and amp. in front of a registrable domain are the
// same site.
std::string canonical_host(std::string host) {
  while (!host.empty() && host.back() == '.') host.pop_back();
  for (bool again = true; again;) {
    again = false;
    for (const std::string_view prefix : {"www.", "m.", "mobile.", "amp.", "www1.", "www2."}) {
      if (host.starts_with(prefix) && host.size() > prefix.size() &&
          registrable_domain(host.substr(prefix.size())) != "") {
        host.erase(0, prefix.size());
        again = true;
      }
    }
  }
  return host;
}

std::string canonicalize_once(std::string_view url) {
  while (!url.empty() && static_cast<unsigned char>(url.front()) <= ' ') url.remove_prefix(1);
  while (!url.empty() && static_cast<unsigned char>(url.back()) <= ' ') url.remove_suffix(1);
  if (url.empty() || url.size() > kMaxUrlBytes || url.find('\0') != std::string_view::npos) return "";
  std::unique_ptr<CURLU, UrlDeleter> handle(curl_url());
  if (!handle) return "";
  const std::string input(url);
  if (curl_url_set(handle.get(), CURLUPART_URL, input.c_str(), CURLU_URLENCODE) != CURLUE_OK) return "";
  const std::string scheme = to_lower(get_part(handle.get(), CURLUPART_SCHEME));
  if (scheme != "http" && scheme != "https") return "";
  std::string host = canonical_host(to_lower(get_part(handle.get(), CURLUPART_HOST)));
  if (host.empty()) return "";
  const std::string port = get_part(handle.get(), CURLUPART_PORT);
  // http and https name one page: the key is written https.
  std::string out = "https://" + host;
  if (!port.empty() && port != "80" && port != "443") out += ":" + port;
  out += canonical_path(get_part(handle.get(), CURLUPART_PATH));
  const std::string query = canonical_query(get_part(handle.get(), CURLUPART_QUERY));
  if (!query.empty()) out += "?" + query;
  return out;
}

}  // namespace

std::string canonicalize_url(std::string_view url) {
  // A key must be its own key. One pass is not always one: libcurl reads
  // the host it wrote ("1." -> "1") as a number the next time ("0.0.0.1"),
  // and folds can uncover each other (dedup_fuzz). So the key is taken again
  // until it stops changing, which real URLs do at once.
  std::string key = canonicalize_once(url);
  for (int pass = 0; pass < 3 && !key.empty(); ++pass) {
    std::string again = canonicalize_once(key);
    if (again == key) return key;
    key = std::move(again);
  }
  return key;
}

std::string registrable_domain(std::string_view url_or_host) {
  std::string host = url_or_host.find("://") != std::string_view::npos
                         ? url_host(url_or_host)
                         : to_lower(url_or_host.substr(0, std::min(url_or_host.size(), kMaxUrlBytes)));
  while (!host.empty() && host.back() == '.') host.pop_back();
  if (host.empty() || host.front() == '[') return "";  // IPv6
  if (std::all_of(host.begin(), host.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.'; })) {
    return "";  // IPv4
  }
  const psl_ctx_t* psl = psl_builtin();
  if (psl == nullptr) return "";
  const char* domain = psl_registrable_domain(psl, host.c_str());
  return domain ? std::string(domain) : "";
}

std::string article_url_key(const Article& article) {
  const std::string fetched = canonicalize_url(article.url);
  if (article.canonical_url.empty()) return fetched;
  const std::string canonical = canonicalize_url(article.canonical_url);
  if (canonical.empty()) return fetched;
  if (fetched.empty()) return canonical;
  return registrable_domain(canonical) == registrable_domain(fetched) ? canonical : fetched;
}

}  // namespace tidings::dedup
