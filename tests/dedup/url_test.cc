// canonicalize_url, registrable_domain and article_url_key (dedup.h "URLs").
#include <gtest/gtest.h>

#include "dedup/dedup.h"

namespace tidings::dedup {
namespace {

TEST(CanonicalizeUrl, DropsTrackingFragmentDefaultPortAndCase) {
  EXPECT_EQ(canonicalize_url("HTTPS://WWW.Example.COM:443/News/Story.html?utm_source=x&id=7&fbclid=abc#top"),
            "https://example.com/News/Story.html?id=7");
  EXPECT_EQ(canonicalize_url("http://example.com:80/a"), "https://example.com/a");
  EXPECT_EQ(canonicalize_url("http://example.com:8080/a"), "https://example.com:8080/a");
}

TEST(CanonicalizeUrl, OneKeyForTheVariantsOfOnePage) {
  const std::string key = canonicalize_url("https://www.example.com/world/story-1");
  for (const char* variant : {"http://example.com/world/story-1", "https://m.example.com/world/story-1",
                              "https://amp.example.com/world/story-1", "https://www.example.com/world/story-1/amp",
                              "https://www.example.com/world/story-1/", "https://www.example.com/amp/world/story-1",
                              "https://www.example.com/world/story-1?amp", "https://www.example.com/world/story-1?gclid=1",
                              "https://www.example.com/world/%73tory-1", " https://www.example.com/world/story-1 "}) {
    EXPECT_EQ(canonicalize_url(variant), key) << variant;
  }
  EXPECT_EQ(canonicalize_url("https://example.com/a.amp.html"), "https://example.com/a.html");
}

TEST(CanonicalizeUrl, NormalisesEscapesAndSortsParameters) {
  EXPECT_EQ(canonicalize_url("https://example.com/caf%c3%a9?b=2&a=1"), "https://example.com/caf%C3%A9?a=1&b=2");
  EXPECT_EQ(canonicalize_url("https://example.com/a/../b/./c"), "https://example.com/b/c");
}

TEST(CanonicalizeUrl, KeepsAHostThatIsOnlyASuffixPlusPrefix) {
  // "www.co.uk" is not www. in front of a registrable domain.
  EXPECT_EQ(canonicalize_url("https://www.co.uk/x"), "https://www.co.uk/x");
  EXPECT_EQ(canonicalize_url("https://m.bbc.co.uk/news"), "https://bbc.co.uk/news");
}

TEST(CanonicalizeUrl, RejectsWhatIsNotHttp) {
  for (const char* bad : {"", "ftp://example.com/x", "javascript:alert(1)", "mailto:a@b.c", "not a url", "https://",
                          "http://[::1", "file:///etc/passwd", "//example.com/x"}) {
    EXPECT_EQ(canonicalize_url(bad), "") << bad;
  }
  EXPECT_EQ(canonicalize_url(std::string("https://exa\0mple.com/", 20)), "");
  EXPECT_EQ(canonicalize_url("https://example.com/" + std::string(10000, 'a')), "");
}

TEST(RegistrableDomain, UsesThePublicSuffixList) {
  EXPECT_EQ(registrable_domain("www.bbc.co.uk"), "bbc.co.uk");
  EXPECT_EQ(registrable_domain("https://en.irna.ir/news/1"), "irna.ir");
  EXPECT_EQ(registrable_domain("WWW.Example.COM."), "example.com");
  EXPECT_EQ(registrable_domain("user.github.io"), "user.github.io");
  EXPECT_EQ(registrable_domain("co.uk"), "");
  EXPECT_EQ(registrable_domain("192.168.1.1"), "");
  EXPECT_EQ(registrable_domain("http://[::1]/x"), "");
  EXPECT_EQ(registrable_domain(""), "");
}

TEST(ArticleUrlKey, CanonicalOnTheSameSiteOnly) {
  Article a;
  a.url = "https://www.example.com/story?utm_source=rss";
  EXPECT_EQ(article_url_key(a), "https://example.com/story");
  a.canonical_url = "https://example.com/2023/story-full";
  EXPECT_EQ(article_url_key(a), "https://example.com/2023/story-full");
  a.canonical_url = "https://agency.com/original";  // a credit, not an alias
  EXPECT_EQ(article_url_key(a), "https://example.com/story");
  a.url = "file:///tmp/x.html";
  EXPECT_EQ(article_url_key(a), "https://agency.com/original");
}

}  // namespace
}  // namespace tidings::dedup

namespace tidings::dedup {
namespace {

// A key is its own key, whatever order the folds apply in (dedup_fuzz found
// "/story.amp.html/" folding to ".amp.html" in one pass, ".html" in two).
TEST(UrlKey, IsAFixedPoint) {
  EXPECT_EQ(canonicalize_url("https://a.example/x/story.amp.html/"), "https://a.example/x/story.html");
  EXPECT_EQ(canonicalize_url("https://a.example/x/story/amp/amp/"), "https://a.example/x/story");
  for (const char* url : {"https://a.example/x/story.amp.html/", "https://a.example/amp/amp/x.amp/",
                          "http://m.a.example//amp//", "https://a.example/.amp", "https://a.example/%7Ex/amp/?b=1&a=2",
                          "https://t/..?ps://x%%617m", "https://t/a%%2541%", "https:/1.???I:"}) {
    const std::string key = canonicalize_url(url);
    EXPECT_EQ(canonicalize_url(key), key) << url;
  }
}

}  // namespace
}  // namespace tidings::dedup
