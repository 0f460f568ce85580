// libFuzzer target for the feed parser (collect/feed.h): arbitrary bytes,
// the first byte choosing the Content-Type the feed claims to come with.
// Checks the contract: no crash, bounds kept, errors only with no result.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "collect/feed.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static const char* const kTypes[] = {
      "", "text/xml", "application/xml", "application/rss+xml; charset=utf-8",
      "application/atom+xml; charset=iso-8859-1", "text/xml; charset=\"windows-1252\"",
      "application/json", "text/plain; charset=utf-16", "text/html; charset=shift_jis",
      "application/feed+json", "text/xml; charset=bogus", "application/xml; charset=utf-32"};
  tidings::FeedParseOptions options;
  options.content_type = kTypes[data[0] % (sizeof kTypes / sizeof kTypes[0])];
  options.base_url = (data[0] & 0x80) ? "http://example.com/feeds/feed.xml" : "";
  options.max_items = 50;
  options.max_bytes = 1u << 20;
  const std::string_view input(reinterpret_cast<const char*>(data + 1), size - 1);
  auto feed = tidings::parse_feed(input, options);
  if (feed) {
    if (feed->items.size() > options.max_items) std::abort();
    if (feed->format.empty()) std::abort();
    if (feed->bozo == feed->bozo_message.empty()) std::abort();
  } else if (feed.error().message.empty()) {
    std::abort();
  }
  return 0;
}
