// Plain-text sitemaps (sitemaps.org "Text file"): one absolute http(s) URL
// per line, UTF-8. Blank lines are skipped; any other line makes the input
// "not a sitemap" unless most lines are URLs (then it is skipped, bozo).
#include "collect/feed_internal.h"
#include "core/url.h"

namespace tidings::feed {

std::optional<ParsedFeed> parse_text_sitemap(std::string_view utf8, const FeedParseOptions& options) {
  ParsedFeed feed;
  feed.format = "sitemaptxt";
  size_t bad = 0;
  size_t pos = 0;
  while (pos < utf8.size()) {
    size_t end = utf8.find('\n', pos);
    if (end == std::string_view::npos) end = utf8.size();
    const std::string_view line = trim_space(utf8.substr(pos, end - pos));
    pos = end + 1;
    if (line.empty()) continue;
    if (line.size() > 4096 || !is_http_url(line)) {
      if (++bad > feed.items.size()) {
        if (feed.items.empty() || bad > 16) return std::nullopt;
      }
      set_bozo(feed, "a line that is not a URL");
      continue;
    }
    if (feed.items.size() >= options.max_items) {
      set_bozo(feed, "more than " + std::to_string(options.max_items) + " URLs; the rest dropped");
      break;
    }
    FeedItem item;
    item.link = std::string(line);
    feed.items.push_back(std::move(item));
  }
  if (feed.items.empty()) return std::nullopt;
  return feed;
}

}  // namespace tidings::feed
