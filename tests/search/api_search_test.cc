// The search handlers without sockets (src/serve/api_search.cc,
// search_pages.cc): JSON shapes, strict parameters (400), no index (503),
// escaping of hostile titles and snippets.
#include <gtest/gtest.h>

#include <filesystem>

#include <nlohmann/json.hpp>

#include "search/search.h"
#include "search/search_json.h"
#include "serve/handlers.h"

namespace tidings::serve {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

class SearchApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = (fs::temp_directory_path() / ("tidings-api-search-" + std::to_string(::getpid()))).string();
    fs::remove_all(dir_);
    auto index = search::create_index(dir_, search::kDefaultBackend);
    ASSERT_TRUE(index);
    std::vector<search::SearchDoc> docs;
    for (int i = 1; i <= 30; ++i) {
      search::SearchDoc d;
      d.article_id = i;
      d.title = i == 1 ? "<script>alert(1)</script> Gaza" : "Gaza report " + std::to_string(i);
      d.text = i == 1 ? "Gaza <img src=x onerror=alert(1)> hospital" : "News from Gaza and Iran, day " + std::to_string(i);
      d.outlet = i % 2 ? "Global Wire" : "Daily Ledger";
      d.url = i == 1 ? "javascript:alert(1)" : "https://example.com/" + std::to_string(i);
      d.language = "en";
      d.published_at = *parse_iso8601("2023-11-01T12:00:00Z") + std::chrono::hours(24 * (i % 5));
      d.story_id = 1 + i % 3;
      docs.push_back(d);
    }
    ASSERT_TRUE((*index)->add(docs));
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string dir_;
};

TEST_F(SearchApiTest, SearchShapeAndPaging) {
  Reply r = api_search(dir_, {{"q", "gaza"}, {"limit", "10"}, {"outlet", "Global Wire"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.content_type, kJsonType);
  json j = json::parse(r.body);
  EXPECT_EQ(j["query"], "gaza");
  EXPECT_EQ(j["total"], 15);
  EXPECT_EQ(j["hits"].size(), 10u);
  const json& h = j["hits"][0];
  for (const char* k : {"article_id", "title", "url", "outlet", "published_at", "story_id", "score",
                        "snippet", "highlights"}) {
    EXPECT_TRUE(h.contains(k)) << k;
  }
  EXPECT_EQ(h["outlet"], "Global Wire");
  ASSERT_TRUE(j["next"].is_string());
  const std::string next = j["next"];
  EXPECT_NE(next.find("offset=10"), std::string::npos);
  EXPECT_NE(next.find("outlet=Global%20Wire"), std::string::npos);
  r = api_search(dir_, {{"q", "gaza"}, {"limit", "10"}, {"offset", "10"}, {"outlet", "Global Wire"}});
  j = json::parse(r.body);
  EXPECT_EQ(j["hits"].size(), 5u);
  EXPECT_TRUE(j["next"].is_null());
}

TEST_F(SearchApiTest, BadParametersAre400WithJson) {
  for (const QueryParams& p :
       std::vector<QueryParams>{{{"q", "\"gaza"}},
                                {{"q", "(gaza"}},
                                {{"q", "NOT gaza"}},
                                {{"q", "AND OR"}},
                                {{"q", "gaza\x01"}},
                                {{"q", std::string(5000, 'a')}},
                                {{"q", "gaza"}, {"q", "iran"}},
                                {{"q", "gaza"}, {"limit", "0"}},
                                {{"q", "gaza"}, {"limit", "201"}},
                                {{"q", "gaza"}, {"offset", "-1"}},
                                {{"q", "gaza"}, {"from", "yesterday"}},
                                {{"q", "gaza"}, {"from", "2023-11-05"}, {"to", "2023-11-01"}},
                                {{"q", "gaza"}, {"story", "0"}},
                                {{"q", ""}}}) {
    Reply r = api_search(dir_, p);
    EXPECT_EQ(r.status, 400) << p.begin()->second << " " << r.body;
    json j = json::parse(r.body, nullptr, false);
    ASSERT_TRUE(j.is_object());
    EXPECT_TRUE(j["error"]["message"].is_string());
  }
}

TEST_F(SearchApiTest, NoIndexIs503) {
  Reply r = api_search(dir_ + "-none", {{"q", "gaza"}});
  EXPECT_EQ(r.status, 503);
  EXPECT_NE(r.body.find("tidings reindex"), std::string::npos);
  EXPECT_EQ(api_attention("", {{"q", "gaza"}}).status, 503);
  EXPECT_EQ(page_search("", {{"q", "gaza"}}).status, 503);
}

TEST_F(SearchApiTest, AttentionExactShape) {
  Reply r = api_attention(dir_, {{"q", "gaza"}, {"q", "iran"}, {"interval", "day"},
                                 {"from", "2023-11-01"}, {"to", "2023-11-05"}});
  ASSERT_EQ(r.status, 200) << r.body;
  json j = json::parse(r.body);
  EXPECT_EQ(j["interval"], "day");
  EXPECT_EQ(j["from"], "2023-11-01T00:00:00Z");
  EXPECT_EQ(j["to"], "2023-11-06T00:00:00Z");  // "to" a date: through its end
  ASSERT_EQ(j["buckets"].size(), 5u);
  EXPECT_EQ(j["buckets"][0], "2023-11-01T00:00:00Z");
  ASSERT_EQ(j["series"].size(), 2u);
  EXPECT_EQ(j["series"][0]["query"], "gaza");
  EXPECT_EQ(j["series"][0]["articles"], json({6, 6, 6, 6, 6}));
  EXPECT_EQ(j["series"][0]["outlets"], json({2, 2, 2, 2, 2}));
  EXPECT_EQ(j["series"][0]["total_articles"], 30);
  EXPECT_EQ(j["series"][1]["total_articles"], 29);
  EXPECT_EQ(j["series"][0]["complete"], true);
}

TEST(AttentionJson, ACountStoppedAtTheBoundSaysSo) {
  search::Attention a;
  a.buckets = {Instant(std::chrono::seconds(1698796800))};
  a.from = a.buckets[0];
  a.to = a.from + std::chrono::hours(24);
  search::AttentionSeries s;
  s.query = "gaza";
  s.articles = {7};
  s.outlets = {2};
  s.total_articles = 7;
  s.complete = false;
  a.series.push_back(s);
  const nlohmann::json j = search::attention_to_json(a);
  EXPECT_EQ(j["series"][0]["complete"], false);
  EXPECT_EQ(j["series"][0]["total_articles"], 7);
}

TEST_F(SearchApiTest, AttentionBadParams) {
  for (const QueryParams& p : std::vector<QueryParams>{
           {},
           {{"q", "gaza"}, {"interval", "week"}},
           {{"q", "gaza"}, {"interval", "day"}, {"interval", "hour"}},
           {{"q", "gaza"}, {"from", "2000-01-01"}, {"to", "2023-01-01"}},
           {{"q", "gaza"}, {"interval", "hour"}, {"from", "2023-01-01"}, {"to", "2023-11-01"}},
           {{"q", "\"x"}},
           {{"q", "a"}, {"q", "b"}, {"q", "c"}, {"q", "d"}, {"q", "e"}, {"q", "f"},
            {"q", "g"}, {"q", "h"}, {"q", "i"}, {"q", "j"}, {"q", "k"}}}) {
    Reply r = api_attention(dir_, p);
    EXPECT_EQ(r.status, 400) << r.body;
    EXPECT_TRUE(json::parse(r.body, nullptr, false)["error"].is_object());
  }
}

TEST_F(SearchApiTest, PageEscapesAndMarks) {
  Reply r = page_search(dir_, {{"q", "gaza hospital"}, {"compare", "iran"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.body.find("<script>"), std::string::npos);
  EXPECT_EQ(r.body.find("<img"), std::string::npos);
  EXPECT_EQ(r.body.find("href=\"javascript:"), std::string::npos);
  EXPECT_NE(r.body.find("&lt;script&gt;"), std::string::npos);
  EXPECT_NE(r.body.find("<mark>hospital</mark>"), std::string::npos);
  EXPECT_NE(r.body.find("<div class=\"chart\" data-chart-kind=\"attention\" "
                        "data-chart-src=\"/api/attention?q=gaza%20hospital&amp;q=iran&amp;interval=day\"></div>"),
            std::string::npos);
  EXPECT_NE(r.body.find("<table class=\"attention-counts\">"), std::string::npos);
  EXPECT_NE(r.body.find("href=\"/articles/1\""), std::string::npos);
  EXPECT_NE(r.body.find("href=\"/stories/"), std::string::npos);
}

TEST_F(SearchApiTest, PagePagingAndErrors) {
  Reply r = page_search(dir_, {{"q", "gaza"}});
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("rel=\"next\" href=\"/search?q=gaza&amp;offset=20\""), std::string::npos);
  EXPECT_EQ(page_search(dir_, {}).status, 200);  // the form alone
  // The form sends its empty fields.
  EXPECT_EQ(page_search(dir_, {{"q", "gaza"}, {"outlet", ""}, {"lang", ""}, {"from", ""}, {"to", ""}}).status, 200);
  EXPECT_EQ(page_search(dir_, {{"q", "\"gaza"}}).status, 400);
  EXPECT_EQ(page_search(dir_, {{"q", "gaza"}, {"limit", "x"}}).status, 400);
  EXPECT_EQ(page_search(dir_, {{"q", "gaza"}, {"from", "2023-13-45"}}).status, 400);
}

}  // namespace
}  // namespace tidings::serve
