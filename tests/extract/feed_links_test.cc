// Feed autodiscovery from <link rel="alternate">.
#include <gtest/gtest.h>

#include "extract/extract.h"

namespace tidings {
namespace {

TEST(FeedLinks, FindsAnnouncedFeedsResolvedAndDeduplicated) {
  const std::string html = R"html(<html><head>
<base href="https://daily.example/news/">
<link rel="alternate" type="application/rss+xml" title="All news" href="feed.xml">
<link rel="Alternate" type="application/atom+xml; charset=utf-8" href="/atom.xml">
<link rel="alternate" type="application/rss+xml" href="https://daily.example/news/feed.xml">
<link rel="alternate" hreflang="fr" href="https://daily.example/fr/">
<link rel="stylesheet" type="text/css" href="/s.css">
<link rel="alternate" type="application/feed+json" href="javascript:alert(1)">
<link rel="alternate" type="application/feed+json" href="//cdn.example/feed.json">
</head><body><p>Home</p></body></html>)html";
  auto links = find_feed_links(html, "https://daily.example/", "text/html");
  ASSERT_TRUE(links) << links.error().message;
  ASSERT_EQ(links->size(), 3u);
  EXPECT_EQ((*links)[0].url, "https://daily.example/news/feed.xml");
  EXPECT_EQ((*links)[0].title, "All news");
  EXPECT_EQ((*links)[1].url, "https://daily.example/atom.xml");
  EXPECT_EQ((*links)[1].type, "application/atom+xml");
  EXPECT_EQ((*links)[2].url, "https://cdn.example/feed.json");
}

TEST(FeedLinks, NoneOnAPageWithoutFeeds) {
  auto links = find_feed_links("<html><body><p>x</p></body></html>", "https://a.example/", "");
  ASSERT_TRUE(links);
  EXPECT_TRUE(links->empty());
  EXPECT_FALSE(find_feed_links("", "https://a.example/", ""));
}

}  // namespace
}  // namespace tidings
