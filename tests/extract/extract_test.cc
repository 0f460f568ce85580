// extract_article on bad input: empty, binary, too large, too deep, broken
// UTF-8; every error one line, every call bounded in time.
#include "extract/extract.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "test_pages.h"

namespace tidings {
namespace {

using test::page;
using test::run_extract;

void expect_one_line(const Error& e) {
  EXPECT_FALSE(e.message.empty());
  EXPECT_EQ(e.message.find('\n'), std::string::npos) << e.message;
}

TEST(ExtractInput, EmptyDocument) {
  for (const std::string input : {"", "   \n\t "}) {
    auto r = run_extract(input);
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidInput);
    EXPECT_EQ(r.error().message, "empty document");
  }
}

TEST(ExtractInput, BinaryJunk) {
  std::string png = "\x89PNG\r\n\x1a\n";
  for (int i = 0; i < 4096; ++i) png += static_cast<char>((i * 7919) % 256);
  auto r = run_extract(png);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(r.error().message, "not HTML: binary content");
  expect_one_line(r.error());
}

TEST(ExtractInput, NulBytesAreBinary) {
  std::string html = "<html><body><p>text</p>";
  html += std::string(200, '\0');
  html += "</body></html>";
  auto r = run_extract(html);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().message, "not HTML: binary content");
}

TEST(ExtractInput, PlainTextIsNotHtml) {
  auto r = run_extract("Just a line of text, no markup at all.\nAnd another.");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(r.error().message, "not HTML: no markup");
}

TEST(ExtractInput, FiftyMegabytesIsTooLarge) {
  std::string big = "<html><body><p>";
  big.resize(50u << 20, 'a');
  const auto start = std::chrono::steady_clock::now();
  auto r = run_extract(big);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kTooLarge);
  EXPECT_NE(r.error().message.find(std::to_string(big.size())), std::string::npos);
  EXPECT_NE(r.error().message.find(std::to_string(16u << 20)), std::string::npos);
  expect_one_line(r.error());
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
}

TEST(ExtractInput, MaxBytesIsAnOption) {
  ExtractOptions options;
  options.max_bytes = 10;
  auto r = extract_article("<p>more than ten bytes</p>", options);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kTooLarge);
}

std::string nested(const std::string& open, const std::string& close, int depth) {
  std::string s = "<html><body>";
  for (int i = 0; i < depth; ++i) s += open;
  s += "deep text";
  for (int i = 0; i < depth; ++i) s += close;
  return s + "</body></html>";
}

TEST(ExtractInput, HundredThousandNestedDivsAreTooDeep) {
  const auto start = std::chrono::steady_clock::now();
  auto r = run_extract(nested("<div>", "</div>", 100000));
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kTooDeep);
  EXPECT_EQ(r.error().message, "html nesting deeper than 256 elements");
}

TEST(ExtractInput, HundredThousandUnclosedTagsEndCleanly) {
  // Tags libxml2 closes itself (<p>, <a>, <li>) never nest deep: a result or
  // kTooDeep, but fast either way.
  for (const std::string tag : {"<p>x", "<a href=/x>x", "<li>x", "<span>", "<b>"}) {
    std::string html = "<html><body>";
    for (int i = 0; i < 100000; ++i) html += tag;
    const auto start = std::chrono::steady_clock::now();
    auto r = run_extract(html);
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10)) << tag;
    if (!r) {
      EXPECT_EQ(r.error().code, ErrorCode::kTooDeep) << tag;
    }
  }
}

TEST(ExtractInput, TagWithHundredThousandAttributesIsBounded) {
  // libxml2 compares each attribute with all earlier ones: this would take a
  // minute to parse.
  std::string html = "<html><body><div";
  for (int i = 0; i < 100000; ++i) html += " a" + std::to_string(i) + "=1";
  html += ">x</div></body></html>";
  const auto start = std::chrono::steady_clock::now();
  auto r = run_extract(html);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kTooLarge);
  EXPECT_EQ(r.error().message, "html tags with too many attributes");
}

TEST(ExtractInput, ModerateNestingIsFine) {
  auto r = run_extract(nested("<div>", "</div>", 200));
  ASSERT_TRUE(r.has_value()) << r.error().message;
  EXPECT_EQ(r->article.text, "deep text");
}

TEST(ExtractInput, InvalidUtf8IsAWarningNotAnError) {
  ExtractOptions options;
  options.content_type = "text/html; charset=utf-8";
  options.now = test::test_now();
  const std::string html =
      page("<title>Broken bytes</title>",
           "<article><p>Caf\xC3\xA9 owners said the \xFF\xFE prices rose again this week, "
           "and the city promised help for small businesses.</p></article>");
  auto r = extract_article(html, options);
  ASSERT_TRUE(r.has_value()) << r.error().message;
  ASSERT_EQ(r->warnings.size(), 1u);
  EXPECT_EQ(r->warnings[0], "invalid UTF-8: 2 bytes replaced");
  EXPECT_NE(r->article.text.find("Caf\xC3\xA9 owners said the \xEF\xBF\xBD\xEF\xBF\xBD prices"),
            std::string::npos);
}

TEST(ExtractInput, LegacyCharsetFromMeta) {
  const std::string html =
      "<html><head><meta http-equiv=Content-Type content='text/html; charset=iso-8859-1'>"
      "<title>Caf\xE9</title></head><body><p>Le caf\xE9 est ouvert \x96 tous les jours.</p>"
      "</body></html>";
  const Article a = test::extract_ok(html);
  EXPECT_EQ(a.title, "Caf\xC3\xA9");
  EXPECT_EQ(a.text, "Le caf\xC3\xA9 est ouvert \xE2\x80\x93 tous les jours.");
}

TEST(ExtractInput, DocumentWithoutBodyText) {
  auto r = run_extract("<html><head><title>Only a title</title></head><body></body></html>");
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->article.title, "Only a title");
  EXPECT_EQ(r->article.text, "");
  ASSERT_EQ(r->warnings.size(), 1u);
  EXPECT_EQ(r->warnings[0], "no article text found");
}

TEST(ExtractInput, UrlIsCopiedAndCanonicalDefaultsToIt) {
  const Article a = test::extract_ok(page("", test::body_paragraphs(3)),
                                     "https://news.example/a/1");
  EXPECT_EQ(a.url, "https://news.example/a/1");
  EXPECT_EQ(a.canonical_url, "https://news.example/a/1");
}

}  // namespace
}  // namespace tidings
