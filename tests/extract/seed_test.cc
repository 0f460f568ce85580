// Acceptance on the project's seed page (../shared/data/seed): metadata,
// body text against the expected text (bag-of-words F1 over \w+ tokens),
// the aggregator footer out of the text and its "Source link" kept.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "core/time.h"
#include "test_pages.h"

namespace tidings {
namespace {

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// \w+ tokens as Python's re finds them, for the text at hand (English):
// ASCII letters, digits and '_', and non-ASCII letters; U+0080..U+00BF
// (no-break space, ...) and U+2000..U+2FFF (curly quotes, dashes) split.
std::map<std::string, int> word_bag(const std::string& text) {
  std::map<std::string, int> bag;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) ++bag[word];
    word.clear();
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (std::isalnum(c) || c == '_') {
      word += static_cast<char>(c);
    } else if (c == 0xC2 && i + 1 < text.size()) {  // U+0080..U+00BF
      flush();
      i += 1;
    } else if (c == 0xE2 && i + 2 < text.size()) {  // U+2000..U+2FFF punctuation
      flush();
      i += 2;
    } else if (c >= 0x80) {
      word += static_cast<char>(c);
    } else {
      flush();
    }
  }
  flush();
  return bag;
}

double bag_f1(const std::string& expected, const std::string& got) {
  const auto e = word_bag(expected), g = word_bag(got);
  int tp = 0, ne = 0, ng = 0;
  for (const auto& [w, n] : e) ne += n;
  for (const auto& [w, n] : g) {
    ng += n;
    auto it = e.find(w);
    if (it != e.end()) tp += std::min(n, it->second);
  }
  if (tp == 0) return 0.0;
  const double p = double(tp) / ng, r = double(tp) / ne;
  return 2 * p * r / (p + r);
}

TEST(Seed, AggregatorCopyOfAnAgencyStory) {
  const std::filesystem::path dir = std::filesystem::path(TIDINGS_SHARED_DATA) / "seed";
  if (!std::filesystem::exists(dir / "seed-article.html")) GTEST_SKIP() << "no ../shared/data";
  const std::string html = read_file(dir / "seed-article.html");
  const std::string expected = read_file(dir / "seed-article.expected.txt");

  auto r = test::run_extract(html);
  ASSERT_TRUE(r.has_value()) << r.error().message;
  const Article& a = r->article;
  ASSERT_TRUE(a.published_at.has_value());
  EXPECT_EQ(format_rfc3339(*a.published_at), "2023-11-01T18:40:00Z");
  EXPECT_EQ(a.title, "Senior Iranian, Russian diplomats call for cessation of Israel\xE2\x80\x99s "
                     "atrocities in besieged Gaza");
  EXPECT_EQ(a.canonical_url,
            "https://worldnews-today.example/2023/11/01/senior-iranian-russian-diplomats-call-for-cessation/");
  EXPECT_EQ(a.language, "en");
  const double f1 = bag_f1(expected, a.text);
  EXPECT_GE(f1, 0.97) << a.text;
  RecordProperty("word_f1", std::to_string(f1));
  EXPECT_EQ(a.text.find("collected from reliable news agencies"), std::string::npos);
  EXPECT_EQ(a.text.find("Source link"), std::string::npos);
  EXPECT_EQ(a.text.find("\n\n\n"), std::string::npos);
  bool found = false;
  for (const SourceLink& l : a.source_links) {
    found |= l.url == "https://agency.example/detail/2023/11/01/iran-russia-diplomats-gaza";
  }
  EXPECT_TRUE(found);
  // The footer link is the only credit: "according to officials" names no agency.
  EXPECT_EQ(a.source_links.size(), 1u);
  EXPECT_TRUE(r->warnings.empty());
}

TEST(Seed, WordBagF1Sanity) {
  EXPECT_DOUBLE_EQ(bag_f1("a b c", "c b a"), 1.0);
  EXPECT_DOUBLE_EQ(bag_f1("a b", ""), 0.0);
  EXPECT_NEAR(bag_f1("a b c d", "a b"), 2 * 1.0 * 0.5 / 1.5, 1e-9);
}

}  // namespace
}  // namespace tidings
