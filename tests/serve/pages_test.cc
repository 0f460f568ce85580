// Page rendering on hostile values (src/serve/pages.h): nothing from a page
// reaches the HTML unescaped, and only http(s) URLs become links.
#include "serve/pages.h"

#include <gtest/gtest.h>

#include "serve/fake_store.h"
#include "serve/page_parts.h"

namespace tidings::serve {
namespace {

using testing::make_article;

StoredArticle hostile_article() {
  StoredArticle s = make_article(7);
  s.outlet = "<b>Outlet</b>";
  s.article.title = "<script>alert(1)</script>";
  s.article.byline = "\"><img src=x onerror=alert(1)>";
  s.article.language = "en\" onload=\"alert(1)";
  s.article.text = "Hello \"><img onerror=alert(1)>\n\n<iframe src=//evil>";
  s.article.canonical_url = "javascript:alert(1)";
  s.article.url = "data:text/html,<script>alert(1)</script>";
  s.article.image = "javascript:alert('img')";
  s.article.source_links = {
      {"javascript:alert(1)", "<i>Source</i>", "link", ""},
      {"https://agency.example.org/x?a=1&b=\"2\"", "Agency's story", "canonical\"><script>", "<b>AP</b>"}};
  return s;
}

TEST(ArticlePage, EscapesEverythingFromThePage) {
  const std::string html = render_article_page(hostile_article());
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("<iframe"), std::string::npos);
  EXPECT_EQ(html.find("<b>Outlet"), std::string::npos);
  EXPECT_EQ(html.find("<i>Source"), std::string::npos);
  EXPECT_EQ(html.find("onload=\""), std::string::npos);
  EXPECT_EQ(html.find("href=\"javascript"), std::string::npos);
  EXPECT_EQ(html.find("href=\"data"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.find("<p>Hello &quot;&gt;&lt;img onerror=alert(1)&gt;</p>"), std::string::npos);
  // The hostile link stays visible as text.
  EXPECT_NE(html.find("<span class=\"unlinked\">&lt;i&gt;Source&lt;/i&gt; "
                      "<code>javascript:alert(1)</code></span>"),
            std::string::npos);
  // The http link is a link, its query escaped, with rel.
  EXPECT_NE(html.find("<a href=\"https://agency.example.org/x?a=1&amp;b=&quot;2&quot;\" "
                      "rel=\"noopener noreferrer nofollow\">Agency&#39;s story</a>"),
            std::string::npos);
  // An invalid language is not made an attribute.
  EXPECT_EQ(html.find("<article lang"), std::string::npos);
}

TEST(ArticlePage, ShowsTheSourceBoxFirstAndAllFields) {
  StoredArticle s = make_article(3);
  s.article.image = "https://img.example.com/lead.jpg";
  s.article.url = "https://m.example.com/a/3";
  const std::string html = render_article_page(s);
  const size_t source = html.find("<aside class=\"source-box\"");
  const size_t body = html.find("<div class=\"body\"");
  ASSERT_NE(source, std::string::npos);
  ASSERT_NE(body, std::string::npos);
  EXPECT_LT(source, body);
  EXPECT_NE(html.find(">Source</h2>"), std::string::npos);
  EXPECT_NE(html.find("href=\"https://agency.example.org/story\""), std::string::npos);
  EXPECT_NE(html.find("<h1 dir=\"auto\">Article number 3</h1>"), std::string::npos);
  EXPECT_NE(html.find("<article lang=\"en\">"), std::string::npos);
  EXPECT_NE(html.find("<time datetime=\"2023-11-01T03:00:00Z\">2023-11-01 03:00 UTC</time>"),
            std::string::npos);
  EXPECT_NE(html.find("<time datetime=\"2023-11-02T00:00:00Z\">"), std::string::npos);  // fetched
  EXPECT_NE(html.find("Jane Doe"), std::string::npos);
  EXPECT_NE(html.find("<p>First paragraph.</p>\n<p>Second paragraph.</p>"), std::string::npos);
  EXPECT_NE(html.find("href=\"https://img.example.com/lead.jpg\""), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);  // the lead image is a link, never loaded
  EXPECT_NE(html.find("href=\"https://m.example.com/a/3\""), std::string::npos);
  EXPECT_NE(html.find("name=\"viewport\""), std::string::npos);
}

TEST(ArticlePage, SaysSoWhenNoSourceIsCredited) {
  StoredArticle s = make_article(3);
  s.article.source_links.clear();
  s.article.published_at.reset();
  const std::string html = render_article_page(s);
  EXPECT_NE(html.find("This page credits no source."), std::string::npos);
  EXPECT_NE(html.find("fetched <time"), std::string::npos);
}

TEST(ListPage, ListsArticlesWithOutletTimeAndPaging) {
  ListPage page;
  page.articles = {make_article(2), make_article(1)};
  page.articles[0].article.title = "<script>alert(1)</script>";
  page.older_href = "/?before_id=1";
  page.first_page = false;
  page.counts = StoreCounts{1500, 1234, 0};
  const std::string html = render_list_page(page);
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_NE(html.find("href=\"/articles/2\">&lt;script&gt;"), std::string::npos);
  EXPECT_NE(html.find("href=\"/articles/1\">Article number 1</a>"), std::string::npos);
  EXPECT_LT(html.find("/articles/2"), html.find("/articles/1"));
  EXPECT_NE(html.find("<span class=\"outlet\">Example News</span>"), std::string::npos);
  EXPECT_NE(html.find("2023-11-01 02:00 UTC"), std::string::npos);
  EXPECT_NE(html.find("rel=\"next\" href=\"/?before_id=1\""), std::string::npos);
  EXPECT_NE(html.find("Newest"), std::string::npos);
  EXPECT_NE(html.find("1,234 articles from 1,500 documents"), std::string::npos);
}

TEST(ListPage, EmptyStore) {
  const std::string html = render_list_page(ListPage{});
  EXPECT_NE(html.find("No articles yet."), std::string::npos);
  EXPECT_EQ(html.find("class=\"pager\""), std::string::npos);
}

TEST(Layout, OffersAPagesFeedsEscaped) {
  const std::string html = layout("T", "<p>x</p>", "/search",
                                  FeedLink{"search: \"<b>\"", "/feeds/search", "?q=a&b"});
  EXPECT_NE(html.find("<link rel=\"alternate\" type=\"application/atom+xml\" "
                      "title=\"search: &quot;&lt;b&gt;&quot;\" href=\"/feeds/search.atom?q=a&amp;b\">"),
            std::string::npos)
      << html;
  EXPECT_NE(html.find("type=\"application/feed+json\""), std::string::npos);
  EXPECT_NE(html.find("href=\"/feeds/search.json?q=a&amp;b\""), std::string::npos);
  EXPECT_EQ(layout("T", "<p>x</p>", "/search").find("rel=\"alternate\""), std::string::npos)
      << "no feed, no link";
}

TEST(ErrorPage, EscapesTheMessage) {
  const std::string html = render_error_page(404, "Not found", "<no> such");
  EXPECT_NE(html.find("404"), std::string::npos);
  EXPECT_NE(html.find("&lt;no&gt; such"), std::string::npos);
}

}  // namespace
}  // namespace tidings::serve

namespace tidings::serve {
namespace {

TEST(SourcesPage, ListsSourcesEscapedWithTheirHealth) {
  Source ok;
  ok.id = 1;
  ok.url = "https://wire.example/feed.xml";
  ok.name = "Wire <script>alert(1)</script>";
  ok.kind = "feed";
  ok.last_status = 200;
  ok.items_found = 1234;
  ok.articles = 17;
  ok.last_fetch_at = parse_iso8601("2026-01-01T00:00:00Z");
  Source broken;
  broken.id = 2;
  broken.url = "javascript:alert(2)";
  broken.kind = "auto";
  broken.last_status = 503;
  broken.last_error = "HTTP 503 <b>";
  broken.last_warning = "lists 100000 items: added the newest 1000 <i>";
  broken.frontier_pending = 1500;
  broken.frontier_failed = 3;
  const std::string html = render_sources_page({ok, broken}, 5);
  EXPECT_NE(html.find("<small class=\"warning\">lists 100000 items: added the newest 1000 &lt;i&gt;"),
            std::string::npos);
  EXPECT_NE(html.find("pages: 1,500 waiting, 3 failed"), std::string::npos);
  EXPECT_EQ(html.find("pages: 0 waiting"), std::string::npos);  // none for the healthy one
  EXPECT_EQ(html.find("<script>alert(1)"), std::string::npos);
  EXPECT_NE(html.find("Wire &lt;script&gt;"), std::string::npos);
  EXPECT_NE(html.find("href=\"https://wire.example/feed.xml\""), std::string::npos);
  EXPECT_EQ(html.find("href=\"javascript:"), std::string::npos);
  EXPECT_NE(html.find("class=\"failing\""), std::string::npos);
  EXPECT_NE(html.find("HTTP 503 &lt;b&gt;"), std::string::npos);
  EXPECT_NE(html.find("1,234"), std::string::npos);
  EXPECT_NE(html.find("5 URLs waiting"), std::string::npos);
  EXPECT_NE(render_sources_page({}, 0).find("tidings sources add"), std::string::npos);
}

TEST(SourcesPage, FlagsUnhealthySourcesWithEscapedReasons) {
  Source good;
  good.id = 1;
  good.url = "https://wire.example/feed.xml";
  Source troubled;
  troubled.id = 2;
  troubled.url = "https://post.example/feed.xml";
  troubled.last_error = "HTTP 500";
  SourceHealth fine;
  fine.fetched = 8;
  fine.articles = 6;
  fine.yield = 0.75;
  SourceHealth bad;
  bad.fetched = 9;
  bad.flags.push_back({"blocked", "2 of 9 recent pages were blocked <b>"});
  bad.flags.push_back({"coverage_gap", "no new article for 3 days; usually one every 2 h"});
  SourceHealth none;
  const std::string html = render_sources_page({good, troubled}, 0, {fine, bad});
  EXPECT_NE(html.find("<th scope=\"col\">Health</th>"), std::string::npos);
  EXPECT_NE(html.find("75% of 8 recent pages gave an article"), std::string::npos);
  EXPECT_NE(html.find("<tr class=\"failing flagged\">"), std::string::npos);
  EXPECT_NE(html.find("<strong>blocked</strong> 2 of 9 recent pages were blocked &lt;b&gt;"),
            std::string::npos);
  EXPECT_EQ(html.find("blocked <b>"), std::string::npos);
  EXPECT_NE(html.find("usually one every 2 h"), std::string::npos);
  EXPECT_NE(render_sources_page({good}, 0, {none}).find("no pages yet"), std::string::npos);
  // Without health (or a mismatched list) there is no health column.
  EXPECT_EQ(render_sources_page({good}, 0).find("Health"), std::string::npos);
}

}  // namespace
}  // namespace tidings::serve
