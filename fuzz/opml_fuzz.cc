// libFuzzer target: OPML reading, and writing what was read back again.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "collect/opml.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto doc = tidings::parse_opml(bytes);
  if (doc) {
    const std::string again = tidings::write_opml(*doc, "Fri, 27 Nov 2026 10:00:00 GMT");
    auto back = tidings::parse_opml(again);
    if (!back || back->outlines.size() != doc->outlines.size()) __builtin_trap();
  }
  return 0;
}
