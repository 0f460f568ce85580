// Relative URLs inside HTML fields (summaries, content, HTML titles)
// resolved against the element's base (xml:base, then the feed URL), as
// feedparser does: an item's HTML is read far from its feed. A scan for
// attribute names, not an HTML parse: values are rewritten in place and
// everything else is copied as it was.
#include <cctype>

#include "collect/feed_internal.h"
#include "core/url.h"
#include "core/utf8.h"

namespace tidings::feed {
namespace {

// Length of a URL attribute name ending just before s[i] ("href", "src"...),
// 0 when there is none.
size_t url_attribute_before(std::string_view s, size_t eq) {
  static constexpr std::string_view kNames[] = {"href", "src", "cite", "poster", "longdesc", "background"};
  for (std::string_view name : kNames) {
    if (eq < name.size() + 1) continue;
    const size_t start = eq - name.size();
    bool same = true;
    for (size_t k = 0; k < name.size() && same; ++k) {
      same = std::tolower(static_cast<unsigned char>(s[start + k])) == name[k];
    }
    if (same && std::isspace(static_cast<unsigned char>(s[start - 1]))) return name.size();
  }
  return 0;
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// curl percent-encodes non-ASCII characters while resolving ("À" becomes
// "%c3%80"); HTML links are IRIs, so the characters are put back, as
// written, where the escapes decode to well-formed UTF-8.
std::string keep_iri_characters(const std::string& url) {
  if (url.find('%') == std::string::npos) return url;
  std::string out;
  out.reserve(url.size());
  for (size_t i = 0; i < url.size();) {
    size_t j = i;
    std::string bytes;
    while (j + 2 < url.size() && url[j] == '%' && hex_digit(url[j + 1]) >= 8 && hex_digit(url[j + 2]) >= 0) {
      bytes += static_cast<char>(hex_digit(url[j + 1]) * 16 + hex_digit(url[j + 2]));
      j += 3;
    }
    size_t bad = 0;
    bool valid = !bytes.empty();
    for (size_t k = 0; valid && k < bytes.size();) {
      const size_t n = utf8_sequence(bytes, k, bad);
      valid = n > 0;
      k += n;
    }
    if (valid) {
      out += bytes;
      i = j;
    } else {
      out += url[i++];
    }
  }
  return out;
}

}  // namespace

bool has_scheme(std::string_view v) {
  for (size_t i = 0; i < v.size(); ++i) {
    const char c = v[i];
    if (c == ':') return i > 0;
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') return false;
  }
  return false;
}

bool resolve_html_urls(std::string_view html, std::string_view base, std::string& out) {
  size_t copied = 0;
  bool changed = false;
  for (size_t eq = html.find('='); eq != std::string_view::npos; eq = html.find('=', eq + 1)) {
    if (url_attribute_before(html, eq) == 0) continue;
    size_t v = eq + 1;
    const char quote = v < html.size() && (html[v] == '"' || html[v] == '\'') ? html[v] : 0;
    if (quote) ++v;
    size_t end = v;
    while (end < html.size() && (quote ? html[end] != quote : !std::isspace(static_cast<unsigned char>(html[end])) && html[end] != '>')) {
      ++end;
    }
    if (quote && end >= html.size()) break;  // unterminated: leave the rest alone
    const std::string_view value = trim_space(html.substr(v, end - v));
    if (has_scheme(value) || value.empty() || value[0] == '#') continue;
    std::string absolute = resolve_link(base, value);
    if (absolute.empty()) continue;
    if (value.find('%') == std::string_view::npos) absolute = keep_iri_characters(absolute);
    if (!changed) {
      changed = true;
      out.clear();
      out.reserve(html.size() + 64);
    }
    out.append(html.substr(copied, eq + 1 - copied));
    out += '"';
    for (char c : absolute) {
      if (c == '"') out += "&quot;";
      else out += c;
    }
    out += '"';
    copied = quote ? end + 1 : end;
    eq = copied - 1;
  }
  if (changed) out.append(html.substr(copied));
  return changed;
}

}  // namespace tidings::feed
