// Feeds out (serve/feeds_out.h): the Atom and JSON Feed renderers on
// hostile entries (control bytes, "]]>", <script>, javascript: links), and
// the feed routes over a real WebServer and an in-memory store seeded with
// stories and copies: entries, outlets named, copies folded, ETag and 304,
// the base URL, bad parameters, and the search feed from given hits.
#include "serve/feeds_out.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>

#include "serve/running_server.h"
#include "store/story_fixtures.h"

namespace tidings {
namespace {

using nlohmann::json;
using serve::FeedEntry;
using serve::FeedMeta;
using testing::link_article;
using testing::RunningServer;
using testing::seed_article;

size_t count(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t i = haystack.find(needle); i != std::string::npos; i = haystack.find(needle, i + 1)) {
    ++n;
  }
  return n;
}

FeedMeta test_meta() {
  FeedMeta m;
  m.id = "https://news.example/feeds/x.atom";
  m.title = "T & <feed>";
  m.self_url = "https://news.example/feeds/x.atom";
  m.home_url = "https://news.example/";
  m.other_url = "https://news.example/feeds/x.json";
  m.updated = *parse_iso8601("2024-01-02T00:00:00Z");
  return m;
}

FeedEntry hostile_entry() {
  FeedEntry e;
  e.id = "tag:news.example,2024-01-02:story/1";
  e.title = std::string("Evil ]]> <script>alert(1)</script> \x01\x0b bell\x07 & \xff end");
  e.url = "javascript:alert(1)";
  e.related_url = "https://news.example/stories/1";
  e.summary = "Summary with \"quotes\" and 'apostrophes' and \xEF\xBF\xBE nonchar";
  e.updated = *parse_iso8601("2024-01-02T10:00:00Z");
  e.published = *parse_iso8601("2024-01-02T09:00:00Z");
  e.authors = {"<b>Wire</b>"};
  e.outlets = {
      {"Wire", "https://wire.example/a", e.published, false},
      {"<img src=x onerror=alert(1)>", "data:text/html,<script>x</script>", std::nullopt, true}};
  return e;
}

TEST(XmlClean, DropsWhatXmlForbidsAndRepairsUtf8) {
  EXPECT_EQ(serve::xml_clean("a\x01"
                             "b\x0b"
                             "c\td\ne"),
            "abc\td\ne");
  EXPECT_EQ(serve::xml_clean("x\xff"
                             "y"),
            "x\xEF\xBF\xBDy");
  EXPECT_EQ(serve::xml_clean("u\xEF\xBF\xBF"
                             "v"),
            "uv");                                                      // U+FFFF
  EXPECT_EQ(serve::xml_clean("\xF0\x9F\x93\xB0"), "\xF0\x9F\x93\xB0");  // U+1F4F0 stays
  EXPECT_EQ(serve::xml_text("<a href=\"x\">&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;");
}

TEST(AtomRenderer, EscapesHostileTextAndNeverLinksNonHttp) {
  const std::string atom = serve::render_atom(test_meta(), {hostile_entry()});
  EXPECT_EQ(atom.find("<script"), std::string::npos);
  EXPECT_EQ(atom.find("]]>"), std::string::npos);
  EXPECT_EQ(atom.find("<img"), std::string::npos);
  EXPECT_EQ(atom.find('\x01'), std::string::npos);
  EXPECT_EQ(atom.find('\x0b'), std::string::npos);
  EXPECT_EQ(atom.find('\x07'), std::string::npos);
  EXPECT_EQ(atom.find("\xEF\xBF\xBE"), std::string::npos);
  EXPECT_EQ(atom.find("href=\"javascript"), std::string::npos);
  EXPECT_EQ(atom.find("href=\"data:"), std::string::npos);
  EXPECT_EQ(atom.find("<uri>data:"), std::string::npos);
  // The title is text, escaped once; the content is HTML, escaped twice.
  EXPECT_NE(atom.find("<title type=\"text\">Evil ]]&gt; &lt;script&gt;"), std::string::npos);
  EXPECT_NE(atom.find("&lt;p&gt;Reported by &lt;a href=&quot;https://wire.example/a&quot;"),
            std::string::npos);
  EXPECT_NE(atom.find("&amp;lt;img src=x onerror=alert(1)&amp;gt;"), std::string::npos);
  // Required RFC 4287 elements.
  for (const char* element : {"<id>", "<title", "<updated>", "<author>", "rel=\"self\"",
                              "rel=\"alternate\" type=\"text/html\"", "<published>", "<summary",
                              "<content type=\"html\">", "<contributor>"}) {
    EXPECT_NE(atom.find(element), std::string::npos) << element;
  }
  EXPECT_EQ(count(atom, "<entry>"), 1u);
  // No alternate link for the entry: its URL is javascript:.
  EXPECT_EQ(count(atom, "<link rel=\"alternate\" type=\"text/html\""), 1u);
  EXPECT_NE(
      atom.find(
          "<link rel=\"related\" type=\"text/html\" href=\"https://news.example/stories/1\"/>"),
      std::string::npos);
}

TEST(JsonFeedRenderer, HasTheRequiredFieldsAndNoHostileLinks) {
  const std::string body = serve::render_json_feed(test_meta(), {hostile_entry()});
  const json feed = json::parse(body);
  EXPECT_EQ(feed["version"], "https://jsonfeed.org/version/1.1");
  EXPECT_EQ(feed["title"], "T & <feed>");
  EXPECT_EQ(feed["feed_url"], test_meta().self_url);
  ASSERT_EQ(feed["items"].size(), 1u);
  const json& item = feed["items"][0];
  EXPECT_TRUE(item["id"].is_string());
  EXPECT_FALSE(item.contains("url"));  // javascript: is dropped
  EXPECT_EQ(item["title"].get<std::string>().find('\x01'), std::string::npos);
  EXPECT_EQ(item["date_published"], "2024-01-02T09:00:00Z");
  EXPECT_EQ(item["authors"][0]["name"], "<b>Wire</b>");  // JSON carries text as text
  const std::string html = item["content_html"];
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("href=\"data:"), std::string::npos);
  EXPECT_NE(html.find("&lt;img src=x onerror=alert(1)&gt;"), std::string::npos);
  EXPECT_NE(item["content_text"].get<std::string>().find("Reported by Wire"), std::string::npos);
  const json& outlets = item["_tidings"]["outlets"];
  ASSERT_EQ(outlets.size(), 2u);
  EXPECT_EQ(outlets[0]["url"], "https://wire.example/a");
  EXPECT_EQ(outlets[1]["url"], nullptr);
  EXPECT_EQ(outlets[1]["copy"], true);
}

TEST(FeedSite, BaseUrlsAndTagUris) {
  EXPECT_EQ(*serve::normalize_base_url("https://news.example/"), "https://news.example");
  EXPECT_EQ(*serve::normalize_base_url("http://h.example:8080/tidings"),
            "http://h.example:8080/tidings");
  EXPECT_FALSE(serve::normalize_base_url("ftp://x.example"));
  EXPECT_FALSE(serve::normalize_base_url("https://x.example/?a=1"));
  EXPECT_FALSE(serve::normalize_base_url("/relative"));
  const Instant day = *parse_iso8601("2024-01-02T10:00:00Z");
  EXPECT_EQ(serve::tag_uri({"https://news.example"}, day, "story/7"),
            "tag:news.example,2024-01-02:story/7");
  EXPECT_EQ(serve::tag_uri({"http://[::1]:8080"}, day, "story/7"),
            "tag:tidings.invalid,2024-01-02:story/7");
}

class FeedsServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = open_sqlite_store(":memory:");
    ASSERT_TRUE(opened) << opened.error().message;
    store_ = std::move(*opened);
    wire_ = seed_article(*store_, "https://wire.example/quake", "Quake hits the coast", "Wire",
                         "2024-01-02T09:00:00Z", "A quake hit the coast on Tuesday.");
    copy_ = seed_article(*store_, "https://copier.example/quake", "Quake hits coast (copy)",
                         "Copier", "2024-01-02T09:40:00Z");
    other_ = seed_article(*store_, "https://daily.example/quake", "Coast shaken", "Daily",
                          "2024-01-02T11:10:00Z");
    link_article(*store_, wire_, 1);
    link_article(*store_, copy_, 1, wire_, 0.971, "near:source_link");
    link_article(*store_, other_, 1);
    hostile_ = seed_article(*store_, "javascript:alert(1)", "<script>alert('t')</script>]]>",
                            "<img src=x onerror=alert(1)>", "2024-01-03T08:00:00Z");
    link_article(*store_, hostile_, 2);
    server_ = std::make_unique<RunningServer>(*store_);
    base_ = "http://127.0.0.1:" + std::to_string(server_->port());
  }
  httplib::Result get(const std::string& path, const httplib::Headers& headers = {}) {
    return server_->client().Get(path, headers);
  }

  std::unique_ptr<Store> store_;
  std::unique_ptr<RunningServer> server_;
  std::string base_;
  int64_t wire_ = 0, copy_ = 0, other_ = 0, hostile_ = 0;
};

TEST_F(FeedsServerTest, LatestStoriesAsAtom) {
  auto r = get("/feeds/stories.atom");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("Content-Type"), "application/atom+xml; charset=utf-8");
  const std::string& atom = r->body;
  EXPECT_EQ(count(atom, "<entry>"), 2u);
  EXPECT_NE(atom.find("<link rel=\"self\" type=\"application/atom+xml\" href=\"" + base_ +
                      "/feeds/stories.atom\"/>"),
            std::string::npos);
  // Story 1 links the wire's original and names every outlet.
  EXPECT_NE(atom.find("href=\"https://wire.example/quake\""), std::string::npos);
  EXPECT_NE(atom.find("<author><name>Wire</name></author>"), std::string::npos);
  EXPECT_NE(atom.find("<contributor><name>Copier</name><uri>https://copier.example/quake</uri>"),
            std::string::npos);
  EXPECT_NE(atom.find("<contributor><name>Daily</name>"), std::string::npos);
  EXPECT_NE(atom.find("A quake hit the coast on Tuesday."), std::string::npos);
  EXPECT_NE(atom.find("<updated>2024-01-03T08:00:00Z</updated>"), std::string::npos);
  // The hostile story: escaped, never linked.
  EXPECT_EQ(atom.find("<script"), std::string::npos);
  EXPECT_EQ(atom.find("<img"), std::string::npos);
  EXPECT_EQ(atom.find("]]>"), std::string::npos);
  EXPECT_EQ(atom.find("href=\"javascript"), std::string::npos);
  EXPECT_EQ(atom.find("<uri>javascript"), std::string::npos);
}

TEST_F(FeedsServerTest, OneStoryAsJsonFeedFoldsCopies) {
  auto r = get("/feeds/stories/1.json");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("Content-Type"), "application/feed+json; charset=utf-8");
  const json feed = json::parse(r->body);
  EXPECT_EQ(feed["feed_url"], base_ + "/feeds/stories/1.json");
  EXPECT_EQ(feed["home_page_url"], base_ + "/stories/1");
  ASSERT_EQ(feed["items"].size(), 2u);  // the copy folds under the wire's original
  const json& newest = feed["items"][0];
  const json& wire = feed["items"][1];
  EXPECT_EQ(newest["url"], "https://daily.example/quake");
  EXPECT_EQ(wire["url"], "https://wire.example/quake");
  EXPECT_EQ(wire["id"], "tag:127.0.0.1,2024-01-02:article/" + std::to_string(wire_));
  EXPECT_EQ(wire["authors"][0]["name"], "Wire");
  ASSERT_EQ(wire["_tidings"]["outlets"].size(), 2u);
  EXPECT_EQ(wire["_tidings"]["outlets"][1]["name"], "Copier");
  EXPECT_NE(wire["content_html"].get<std::string>().find("Also carried by 1 outlet"),
            std::string::npos);
  EXPECT_EQ(wire["date_modified"], "2024-01-02T09:40:00Z");
}

TEST_F(FeedsServerTest, EtagGivesNotModified) {
  auto r = get("/feeds/stories/1.atom");
  ASSERT_TRUE(r);
  const std::string etag = r->get_header_value("ETag");
  ASSERT_FALSE(etag.empty());
  EXPECT_EQ(r->get_header_value("Last-Modified"), "Tue, 02 Jan 2024 11:10:00 GMT");
  r = get("/feeds/stories/1.atom", {{"If-None-Match", "\"nope\", " + etag}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 304);
  EXPECT_TRUE(r->body.empty());
  r = get("/feeds/stories/1.atom", {{"If-None-Match", "\"other\""}});
  EXPECT_EQ(r->status, 200);
}

TEST_F(FeedsServerTest, BadParametersAre400AndUnknownStory404) {
  EXPECT_EQ(get("/feeds/stories.atom?limit=0")->status, 400);
  EXPECT_EQ(get("/feeds/stories.json?limit=abc")->status, 400);
  EXPECT_EQ(get("/feeds/stories.json?limit=1&limit=2")->status, 400);
  EXPECT_EQ(get("/feeds/stories/x.atom")->status, 400);
  EXPECT_EQ(get("/feeds/stories/-1.json")->status, 400);
  auto r = get("/feeds/stories/999.atom");
  EXPECT_EQ(r->status, 404);
  EXPECT_TRUE(json::parse(r->body)["error"].contains("message"));
  auto one = get("/feeds/stories.json?limit=1");
  EXPECT_EQ(json::parse(one->body)["items"].size(), 1u);
}

TEST_F(FeedsServerTest, SearchFeedFromHits) {
  serve::FeedSite site{"https://news.example"};
  // A hit on the copy links the original and names the copy's outlet too;
  // a second hit in the same group adds no entry.
  auto copy_ref = store_->article_copies(wire_);
  ASSERT_TRUE(copy_ref);
  ASSERT_EQ(copy_ref->size(), 1u);
  ASSERT_EQ(copy_ref->front().id, copy_);
  const std::vector<ArticleRef> hits = {copy_ref->front(), copy_ref->front()};
  serve::Reply reply =
      serve::feed_search_hits(*store_, site, "quake & <coast>", hits, serve::FeedFormat::kJson, "");
  ASSERT_EQ(reply.status, 200);
  const json feed = json::parse(reply.body);
  EXPECT_EQ(feed["feed_url"], "https://news.example/feeds/search.json?q=quake%20%26%20%3Ccoast%3E");
  EXPECT_EQ(feed["title"], "tidings: search for quake & <coast>");
  ASSERT_EQ(feed["items"].size(), 1u);
  EXPECT_EQ(feed["items"][0]["url"], "https://wire.example/quake");
  EXPECT_EQ(feed["items"][0]["_tidings"]["outlets"][1]["name"], "Copier");

  serve::QueryParams none;
  auto finder = [&](std::string_view q, int limit) -> Result<std::vector<ArticleRef>> {
    if (q == "bad(") return fail(ErrorCode::kInvalidInput, "unbalanced parenthesis");
    EXPECT_EQ(limit, serve::kDefaultFeedLimit);
    return hits;
  };
  EXPECT_EQ(serve::feed_search(*store_, site, none, serve::FeedFormat::kAtom, "", finder).status,
            400);
  serve::QueryParams bad{{"q", "bad("}};
  EXPECT_EQ(serve::feed_search(*store_, site, bad, serve::FeedFormat::kAtom, "", finder).status,
            400);
  serve::QueryParams good{{"q", "quake"}};
  serve::Reply atom = serve::feed_search(*store_, site, good, serve::FeedFormat::kAtom, "", finder);
  EXPECT_EQ(atom.status, 200);
  EXPECT_EQ(count(atom.body, "<entry>"), 1u);
}

TEST(FeedsBaseUrl, ServerUsesTheGivenBaseAndRefusesABadOne) {
  auto opened = open_sqlite_store(":memory:");
  ASSERT_TRUE(opened);
  const int64_t id =
      seed_article(**opened, "https://wire.example/a", "A", "Wire", "2024-01-02T09:00:00Z");
  link_article(**opened, id, 1);
  {
    WebServer bad(**opened, ServeOptions{"127.0.0.1", 0, "javascript:alert(1)"});
    EXPECT_FALSE(bad.bind());
  }
  WebServer server(**opened, ServeOptions{"127.0.0.1", 0, "https://news.example/tidings/"});
  auto port = server.bind();
  ASSERT_TRUE(port);
  std::thread t([&] { server.run(); });
  httplib::Client c("127.0.0.1", *port);
  auto r = c.Get("/feeds/stories.atom");
  server.stop();
  t.join();
  ASSERT_TRUE(r);
  EXPECT_NE(r->body.find("href=\"https://news.example/tidings/feeds/stories.atom\""),
            std::string::npos);
  EXPECT_NE(r->body.find("<id>tag:news.example,"), std::string::npos);
}

}  // namespace
}  // namespace tidings
