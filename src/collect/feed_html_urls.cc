// Relative URLs inside HTML fields (summaries, content, HTML titles)
// resolved against the element's base (xml:base, then the feed URL), as
// feedparser does: an item's HTML is read far from its feed. A scan for
// attribute names, not an HTML parse: values are rewritten in place and
// everything else is copied as it was.
#include <cctype>

#include "collect/feed_internal.h"
#include "core/url.h"

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

}  // namespace

bool has_scheme(std::string_view v) {
  for (size_t i = 0; i < v.size(); ++i) {
    const char c = v[i];
    if (c == ':') return i > 0;
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') return false;
  }
  return false;
}

std::string resolve_html_urls(std::string_view html, std::string_view base) {
  std::string out;
  out.reserve(html.size() + 64);
  size_t copied = 0;
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
    const std::string absolute = resolve_url(base, value);
    if (absolute.empty()) continue;
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
  out.append(html.substr(copied));
  return out;
}

}  // namespace tidings::feed
