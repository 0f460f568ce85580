// libFuzzer target for sitemaps through the feed parser (collect/feed.h):
// the input is wrapped as the body of a <urlset> with the sitemap, news,
// image and video namespaces declared, and also parsed as a plain-text
// sitemap, so the fuzzer spends its time inside sitemap elements.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "collect/feed.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  tidings::FeedParseOptions options;
  options.base_url = "https://example.com/sitemap.xml";
  options.max_items = 100;
  options.max_bytes = 1u << 20;
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
      "xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\" "
      "xmlns:image=\"http://www.google.com/schemas/sitemap-image/1.1\" "
      "xmlns:video=\"http://www.google.com/schemas/sitemap-video/1.1\">";
  xml.append(input);
  xml += "</urlset>";
  auto feed = tidings::parse_feed(xml, options);
  if (feed) {
    if (feed->format != "sitemap") std::abort();
    if (feed->items.size() > options.max_items) std::abort();
  }
  auto raw = tidings::parse_feed(input, options);  // as given: index, text list, anything
  if (raw && raw->items.size() > options.max_items) std::abort();
  return 0;
}
