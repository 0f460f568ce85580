// core: RFC 3339 time, URL resolution, the article JSON shape.
#include <gtest/gtest.h>

#include "core/article_json.h"
#include "core/error.h"
#include "core/time.h"
#include "core/url.h"

namespace tidings {
namespace {

std::string iso(std::string_view s) {
  auto t = parse_iso8601(s);
  return t ? format_rfc3339(*t) : "none";
}

TEST(Time, ParsesTheFormsPagesUse) {
  EXPECT_EQ(iso("2023-11-01T18:40:00+00:00"), "2023-11-01T18:40:00Z");
  EXPECT_EQ(iso("2023-11-01T21:40:00+03:00"), "2023-11-01T18:40:00Z");
  EXPECT_EQ(iso("2023-11-01T13:40:00-0500"), "2023-11-01T18:40:00Z");
  EXPECT_EQ(iso("2023-11-01T18:40:00.123Z"), "2023-11-01T18:40:00Z");
  EXPECT_EQ(iso("2023-11-01 18:40"), "2023-11-01T18:40:00Z");
  EXPECT_EQ(iso("2023-11-01"), "2023-11-01T00:00:00Z");
  EXPECT_EQ(iso("  2024-02-29T00:00:00Z "), "2024-02-29T00:00:00Z");
}

TEST(Time, RejectsWhatIsNotADate) {
  for (const char* bad : {"", "yesterday", "2023-13-01", "2023-02-30", "2023-11-01T25:00:00Z",
                          "1969-12-31", "99999-01-01", "2023-11-01T18:40:00+99:00",
                          "2023-11-01Tgarbage"}) {
    EXPECT_EQ(iso(bad), "none") << bad;
  }
}

TEST(Time, FormatsRfc822) {
  EXPECT_EQ(format_rfc822(*parse_iso8601("2026-11-27T10:00:05Z")), "Fri, 27 Nov 2026 10:00:05 GMT");
  EXPECT_EQ(format_rfc822(*parse_iso8601("2023-01-01T00:00:00Z")), "Sun, 01 Jan 2023 00:00:00 GMT");
}

TEST(Time, ReportsAMissingOffset) {
  bool had = true;
  ASSERT_TRUE(parse_iso8601("2023-11-01T18:40:00", &had));
  EXPECT_FALSE(had);
  ASSERT_TRUE(parse_iso8601("2023-11-01T18:40:00Z", &had));
  EXPECT_TRUE(had);
}

TEST(Url, ResolvesRelativeReferences) {
  const std::string base = "https://news.example/world/2023/story.html?x=1";
  EXPECT_EQ(resolve_url(base, "/about"), "https://news.example/about");
  EXPECT_EQ(resolve_url(base, "other.html"), "https://news.example/world/2023/other.html");
  EXPECT_EQ(resolve_url(base, "//cdn.example/i.jpg"), "https://cdn.example/i.jpg");
  EXPECT_EQ(resolve_url(base, "https://agency.example/a"), "https://agency.example/a");
  EXPECT_EQ(resolve_url("", "https://agency.example/a b"), "https://agency.example/a%20b");
  EXPECT_EQ(resolve_url(base, ""), "");
  EXPECT_EQ(resolve_url(base, "http://bad\nhost/"), "");
}

TEST(Url, OnlyHttpIsALink) {
  EXPECT_TRUE(is_http_url("https://a.example/x"));
  EXPECT_TRUE(is_http_url("http://a.example"));
  EXPECT_FALSE(is_http_url("javascript:alert(1)"));
  EXPECT_FALSE(is_http_url("JaVaScRiPt:alert(1)"));
  EXPECT_FALSE(is_http_url("data:text/html,hi"));
  EXPECT_FALSE(is_http_url("file:///etc/passwd"));
  EXPECT_FALSE(is_http_url("/relative"));
  EXPECT_FALSE(is_http_url(""));
}

TEST(Url, HostAndFileUrls) {
  EXPECT_EQ(url_host("https://WWW.Example.COM:8080/x"), "www.example.com");
  EXPECT_EQ(url_host("not a url"), "");
  EXPECT_EQ(file_url("/tmp/a b/c.html"), "file:///tmp/a%20b/c.html");
  EXPECT_EQ(url_path("https://x.example/2023/11/01/s.html?a=1#f"), "/2023/11/01/s.html");
  EXPECT_EQ(url_path("https://x.example"), "/");
  EXPECT_EQ(url_path("::"), "");
}

TEST(ArticleJson, HasEveryFieldWithNullsForMissingValues) {
  Article a;
  a.url = "https://x.example/1";
  a.title = "T";
  a.text = "p1\n\np2";
  a.published_at = parse_iso8601("2023-11-01T18:40:00Z");
  a.source_links.push_back({"https://agency.example/s", "Source link", "link", "Agency"});
  const auto j = article_to_json(a);
  for (const char* f : {"url", "canonical_url", "title", "byline", "published_at", "language",
                        "site_name", "image", "text", "source_links"}) {
    EXPECT_TRUE(j.contains(f)) << f;
  }
  EXPECT_TRUE(j["byline"].is_null());
  EXPECT_EQ(j["published_at"], "2023-11-01T18:40:00Z");
  EXPECT_EQ(j["source_links"][0]["url"], "https://agency.example/s");
  StoredArticle s;
  s.id = 7;
  s.outlet = "X";
  s.article = a;
  const auto k = stored_article_to_json(s);
  EXPECT_EQ(k["id"], 7);
  EXPECT_EQ(k["outlet"], "X");
  EXPECT_TRUE(k.contains("fetched_at"));
}

TEST(ArticleJson, InvalidUtf8NeverThrows) {
  Article a;
  a.title = std::string("bad \xff byte");
  EXPECT_NO_THROW(dump_json(article_to_json(a)));
}

TEST(Error, CodesHaveStableNames) {
  EXPECT_STREQ(error_code_name(ErrorCode::kTooLarge), "too_large");
  Result<int> r = fail(ErrorCode::kIo, "cannot open x");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "cannot open x");
}

}  // namespace
}  // namespace tidings

#include "core/duration.h"

namespace tidings {
namespace {

TEST(Duration, ParsesAndFormatsPollIntervals) {
  EXPECT_EQ(parse_duration("15m"), 900);
  EXPECT_EQ(parse_duration("90s"), 90);
  EXPECT_EQ(parse_duration("1h30m"), 5400);
  EXPECT_EQ(parse_duration("1d"), 86400);
  for (const char* bad : {"", "15", "m", "15x", "-5m", "0m", "31d", "1h 30m", "99999999999s"}) {
    EXPECT_FALSE(parse_duration(bad)) << bad;
  }
  EXPECT_EQ(format_duration(900), "15m");
  EXPECT_EQ(format_duration(5400), "1h30m");
  EXPECT_EQ(format_duration(90061), "1d1h1m1s");
}

}  // namespace
}  // namespace tidings

#include "core/utf8.h"

namespace tidings {
namespace {

TEST(Utf8, AppendsAndValidatesCodePoints) {
  std::string s;
  for (unsigned cp : {0x41u, 0xE9u, 0x20ACu, 0x1F600u}) append_utf8(s, cp);
  EXPECT_EQ(s, "A\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80");
  size_t bad = 0;
  EXPECT_EQ(utf8_sequence(s, 1, bad), 2u);
  EXPECT_EQ(utf8_sequence(s, 6, bad), 4u);
  EXPECT_EQ(utf8_sequence("\xE2\x82", 0, bad), 0u);
  EXPECT_EQ(bad, 2u);  // the truncated sequence is one maximal subpart
  EXPECT_EQ(utf8_sequence("\xC0\xAF", 0, bad), 0u);  // overlong
  EXPECT_EQ(bad, 1u);
}

}  // namespace
}  // namespace tidings
