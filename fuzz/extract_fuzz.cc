// libFuzzer target for extract_article (DESIGN.md "Trust": every parser has a
// fuzz target). Any input must give an Article or a one-line error, within
// bounded time and memory, without crashing. The first byte picks a
// Content-Type so that the charset paths are fuzzed too.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "extract/extract.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static constexpr const char* kContentTypes[] = {
      "", "text/html; charset=utf-8", "text/html; charset=windows-1251",
      "text/html; charset=shift_jis", "text/html; charset=utf-16le", "text/html; charset=bogus",
  };
  if (size == 0) return 0;
  tidings::ExtractOptions options;
  options.content_type = kContentTypes[data[0] % (sizeof kContentTypes / sizeof *kContentTypes)];
  options.url = "https://fuzz.example/a/b.html";
  options.now = tidings::Instant{std::chrono::seconds{1700000000}};
  options.max_bytes = 1 << 20;
  const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  auto result = tidings::extract_article(bytes, options);
  if (!result) {
    const std::string& message = result.error().message;
    if (message.empty() || message.find('\n') != std::string::npos) std::abort();
  } else if (result->article.text.find("\n\n\n") != std::string::npos) {
    std::abort();  // paragraphs are separated by exactly one blank line
  }
  return 0;
}
