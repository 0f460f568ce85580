// Stories over a real WebServer on 127.0.0.1 and a real in-memory SQLite
// store seeded through the Store API: GET /api/stories, /api/stories/{id},
// the story pages, the home page's top stories, the article's copies and
// story, bad parameters, and hostile titles, outlets and URLs escaped.
#include <gtest/gtest.h>
#include <httplib.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "serve/handlers.h"
#include "serve/page_parts.h"
#include "serve/pages.h"
#include "serve/running_server.h"
#include "store/story_fixtures.h"

namespace tidings {
namespace {

using nlohmann::json;
using testing::link_article;
using testing::RunningServer;
using testing::seed_article;

class StoriesServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = open_sqlite_store(":memory:");
    ASSERT_TRUE(opened) << opened.error().message;
    store_ = std::move(*opened);
    // Story 1: three outlets, a copy folded under the wire's article.
    wire_ = seed_article(*store_, "https://wire.example/quake", "Quake hits the coast", "Wire",
                         "2024-01-02T09:00:00Z");
    copy_ = seed_article(*store_, "https://copier.example/quake", "Quake hits coast (copy)",
                         "Copier", "2024-01-02T09:40:00Z");
    other_ = seed_article(*store_, "https://daily.example/quake", "Coast shaken", "Daily",
                          "2024-01-02T11:10:00Z");
    link_article(*store_, wire_, 1);
    link_article(*store_, copy_, 1, wire_, 0.971, "near:source_link");
    link_article(*store_, other_, 1);
    // Story 2: one hostile outlet, newer.
    hostile_ = seed_article(*store_, "javascript:alert(1)", "<script>alert('t')</script>",
                            "<img src=x onerror=alert(1)>", "2024-01-03T08:00:00Z");
    link_article(*store_, hostile_, 2);
    server_ = std::make_unique<RunningServer>(*store_);
  }
  httplib::Result get(const std::string& path) { return server_->client().Get(path); }

  std::unique_ptr<Store> store_;
  std::unique_ptr<RunningServer> server_;
  int64_t wire_ = 0, copy_ = 0, other_ = 0, hostile_ = 0;
};

TEST_F(StoriesServerTest, ListsStoriesLatestFirstAndByCoverage) {
  auto r = get("/api/stories");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  const json latest = json::parse(r->body);
  ASSERT_EQ(latest["stories"].size(), 2u);
  EXPECT_EQ(latest["stories"][0]["id"], 2);
  EXPECT_EQ(latest["next"], nullptr);
  r = get("/api/stories?sort=coverage&limit=1");
  const json coverage = json::parse(r->body);
  ASSERT_EQ(coverage["stories"].size(), 1u);
  const json& top = coverage["stories"][0];
  EXPECT_EQ(top["id"], 1);
  EXPECT_EQ(top["headline"], "Quake hits the coast");
  EXPECT_EQ(top["article_count"], 3);
  EXPECT_EQ(top["outlet_count"], 3);
  EXPECT_EQ(top["first_reported_by"]["outlet"], "Wire");
  EXPECT_EQ(top["first_reported_by"]["published_at"], "2024-01-02T09:00:00Z");
  EXPECT_EQ(top["last_published_at"], "2024-01-02T11:10:00Z");
  EXPECT_EQ(top["href"], "/api/stories/1");
  EXPECT_EQ(coverage["next"], "/api/stories?limit=1&sort=coverage&before_id=1");
  r = get("/api/stories?limit=1&sort=coverage&before_id=1");
  EXPECT_EQ(json::parse(r->body)["stories"][0]["id"], 2);
  r = get("/api/stories?since=2024-01-03T00:00:00Z");
  EXPECT_EQ(json::parse(r->body)["stories"].size(), 1u);
}

TEST_F(StoriesServerTest, OneStoryWithCopiesNestedAndCoverage) {
  auto r = get("/api/stories/1");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  const json j = json::parse(r->body);
  ASSERT_EQ(j["articles"].size(), 2u);  // the copy is nested
  const json& first = j["articles"][0];
  EXPECT_EQ(first["id"], wire_);
  EXPECT_EQ(first["outlet"], "Wire");
  EXPECT_EQ(first["url"], "https://wire.example/quake");
  ASSERT_EQ(first["copies"].size(), 1u);
  EXPECT_EQ(first["copies"][0]["outlet"], "Copier");
  EXPECT_EQ(first["copies"][0]["similarity"], 0.971);
  EXPECT_EQ(first["copies"][0]["copy_reason"], "near:source_link");
  EXPECT_EQ(j["articles"][1]["copies"].size(), 0u);
  EXPECT_EQ(j["coverage"]["bucket"], "hour");
  ASSERT_EQ(j["coverage"]["buckets"].size(), 3u);  // 09, 10, 11
  EXPECT_EQ(j["coverage"]["buckets"][0]["start"], "2024-01-02T09:00:00Z");
  EXPECT_EQ(j["coverage"]["buckets"][0]["articles"], 2);
  EXPECT_EQ(j["coverage"]["buckets"][0]["outlets"], 2);
  EXPECT_EQ(j["coverage"]["buckets"][1]["articles"], 0);
}

TEST_F(StoriesServerTest, BadParametersAre400AndUnknownIds404) {
  for (const char* path :
       {"/api/stories?limit=0", "/api/stories?limit=abc", "/api/stories?sort=random",
        "/api/stories?sort=latest&sort=coverage", "/api/stories?before=1&before_id=2",
        "/api/stories?before=-1", "/api/stories?since=yesterday", "/api/stories/abc",
        "/api/stories/0", "/api/stories/99999999999999999999", "/stories?sort=x", "/stories/-3"}) {
    auto r = get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->status, 400) << path;
    if (std::string(path).rfind("/api/", 0) == 0) {
      EXPECT_EQ(json::parse(r->body)["error"]["code"], "invalid_parameter") << path;
    }
  }
  auto r = get("/api/stories/42");
  EXPECT_EQ(r->status, 404);
  EXPECT_EQ(json::parse(r->body)["error"]["code"], "not_found");
  EXPECT_EQ(get("/stories/42")->status, 404);
}

TEST_F(StoriesServerTest, ArticleJsonHasCopiesAndStory) {
  auto r = get("/api/articles/" + std::to_string(copy_));
  ASSERT_EQ(r->status, 200);
  const json copy = json::parse(r->body);
  EXPECT_EQ(copy["copy_of"]["id"], wire_);
  EXPECT_EQ(copy["copy_of"]["outlet"], "Wire");
  EXPECT_EQ(copy["copy_of"]["similarity"], 0.971);
  EXPECT_EQ(copy["story"], 1);
  EXPECT_EQ(copy["first_reported_by"]["outlet"], "Wire");
  const json wire = json::parse(get("/api/articles/" + std::to_string(wire_))->body);
  EXPECT_EQ(wire["copy_of"], nullptr);
  ASSERT_EQ(wire["copies"].size(), 1u);
  EXPECT_EQ(wire["copies"][0]["url"], "https://copier.example/quake");
}

TEST_F(StoriesServerTest, StoryPageShowsFirstReportChartAndFoldedCopies) {
  auto r = get("/stories/1");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  const std::string& html = r->body;
  EXPECT_NE(html.find("<h1 dir=\"auto\">Quake hits the coast</h1>"), std::string::npos);
  EXPECT_NE(
      html.find("First reported by <a class=\"first-outlet\" href=\"/articles/" +
                std::to_string(wire_) + "\">Wire</a> at <time datetime=\"2024-01-02T09:00:00Z\">"),
      std::string::npos);
  EXPECT_NE(html.find("<svg class=\"chart\""), std::string::npos);
  EXPECT_NE(html.find("<details class=\"copies\"><summary>1 copy</summary>"), std::string::npos);
  EXPECT_NE(html.find("97% similar"), std::string::npos);
  EXPECT_NE(html.find("href=\"https://daily.example/quake\""), std::string::npos);
  EXPECT_LT(html.find("Quake hits the coast</a>"), html.find("Coast shaken</a>"));
}

TEST_F(StoriesServerTest, HostileValuesAreEscapedEverywhere) {
  const std::vector<std::string> paths = {"/", "/stories", "/stories/2",
                                          "/articles/" + std::to_string(hostile_)};
  for (const std::string& path : paths) {
    auto r = get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->status, 200) << path;
    EXPECT_EQ(r->body.find("<script>alert"), std::string::npos) << path;
    EXPECT_EQ(r->body.find("<img src=x"), std::string::npos) << path;
    EXPECT_EQ(r->body.find("href=\"javascript:"), std::string::npos) << path;
  }
  const std::string story = get("/stories/2")->body;
  EXPECT_NE(story.find("&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(story.find("&lt;img src=x onerror=alert(1)&gt;"), std::string::npos);
}

TEST_F(StoriesServerTest, HomeListsTopStoriesByOutletsThenArticles) {
  auto r = get("/");
  ASSERT_EQ(r->status, 200);
  const std::string& html = r->body;
  EXPECT_NE(html.find("<h1 class=\"page-title\">Top stories</h1>"), std::string::npos);
  EXPECT_LT(html.find("href=\"/stories/1\""), html.find("href=\"/stories/2\""));
  EXPECT_NE(html.find("3 outlets"), std::string::npos);
  EXPECT_NE(html.find("Latest articles"), std::string::npos);
  EXPECT_NE(html.find("href=\"/articles/" + std::to_string(other_) + "\""), std::string::npos);
  const std::string list = get("/stories?sort=coverage")->body;
  EXPECT_LT(list.find("href=\"/stories/1\""), list.find("href=\"/stories/2\""));
  EXPECT_NE(list.find("<strong aria-current=\"page\">Most covered</strong>"), std::string::npos);
  EXPECT_NE(
      get("/stories?limit=1")->body.find("rel=\"next\" href=\"/stories?limit=1&amp;before_id=2\""),
      std::string::npos);
}

TEST_F(StoriesServerTest, ArticlePageShowsCopyOfCopiesAndStory) {
  const std::string copy = get("/articles/" + std::to_string(copy_))->body;
  EXPECT_NE(copy.find("<strong>Copy of</strong> <a dir=\"auto\" href=\"/articles/" +
                      std::to_string(wire_) + "\">Quake hits the coast</a>"),
            std::string::npos);
  EXPECT_NE(copy.find("href=\"/stories/1\">Quake hits the coast</a>"), std::string::npos);
  const std::string wire = get("/articles/" + std::to_string(wire_))->body;
  EXPECT_NE(wire.find("<summary>1 copy</summary>"), std::string::npos);
}

TEST(StoryPages, RelationsBoxEscapesHostileCopies) {
  ArticleRelations r;
  ArticleRef evil;
  evil.id = 5;
  evil.outlet = "<b onmouseover=x>";
  evil.title = "\"><script>alert(1)</script>";
  evil.url = "javascript:alert(1)";
  evil.similarity = 7.5;  // out of range: clamped, not trusted
  r.copy_of = evil;
  r.similarity = std::nan("");
  r.copies = {evil};
  r.story_id = 3;
  r.story_headline = "<i>story</i>";
  r.first_reported_by = evil;
  const std::string html = serve::relations_box_html(r);
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_EQ(html.find("<b "), std::string::npos);
  EXPECT_EQ(html.find("<i>"), std::string::npos);
  EXPECT_EQ(html.find("href=\"javascript:"), std::string::npos);
  EXPECT_NE(html.find("&lt;b onmouseover=x&gt;"), std::string::npos);
  EXPECT_NE(html.find("100% similar"), std::string::npos);
  EXPECT_EQ(html.find("nan"), std::string::npos);
  EXPECT_EQ(serve::relations_box_html(ArticleRelations{}), "");
}

TEST(StoryPages, EmptyListAndChartBounds) {
  EXPECT_NE(serve::render_story_list_page({}).find("No stories yet."), std::string::npos);
  EXPECT_EQ(serve::coverage_chart_html(Coverage{}), "");
  Coverage c;
  c.buckets = {{Instant{}, 4, 2}, {Instant{std::chrono::seconds(3600)}, 0, 0}};
  const std::string svg = serve::coverage_chart_html(c);
  EXPECT_NE(svg.find("height=\"100\""), std::string::npos);  // the tallest bar fills the chart
  EXPECT_NE(svg.find("height=\"50\""), std::string::npos);   // outlets: half of it
  EXPECT_NE(svg.find("per hour"), std::string::npos);
}

}  // namespace
}  // namespace tidings
