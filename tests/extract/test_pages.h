// Helpers for the extract tests: run extract_article with a fixed clock and
// wrap body markup into a page.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "extract/extract.h"

namespace tidings::test {

/// 2024-01-01T00:00:00Z: the "now" every extraction test runs at.
inline Instant test_now() {
  return std::chrono::sys_days{std::chrono::year{2024} / 1 / 1};
}

inline Result<Extraction> run_extract(const std::string& html, const std::string& url = "") {
  ExtractOptions options;
  options.url = url;
  options.now = test_now();
  return extract_article(html, options);
}

/// Extraction that must succeed; the article.
inline Article extract_ok(const std::string& html, const std::string& url = "") {
  auto r = run_extract(html, url);
  EXPECT_TRUE(r.has_value()) << (r ? "" : r.error().message);
  return r ? r->article : Article{};
}

/// Paragraphs long enough to be an article body.
inline std::string body_paragraphs(int count, const std::string& topic = "the harbour") {
  std::string out;
  for (int i = 1; i <= count; ++i) {
    out += "<p>Paragraph " + std::to_string(i) + " tells the story of " + topic +
           ", where officials said on Tuesday that the new works would continue, and "
           "residents, who had waited for years, welcomed the decision.</p>\n";
  }
  return out;
}

inline std::string page(const std::string& head, const std::string& body) {
  return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">" + head +
         "</head><body>" + body + "</body></html>";
}

}  // namespace tidings::test
