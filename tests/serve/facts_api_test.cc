// Facts over a real WebServer on 127.0.0.1 and a real in-memory SQLite
// store seeded through the Store API: GET /api/articles/{id}/facts,
// /api/stories/{id}/facts, /api/stories/{id}/disagreements with its window,
// the facts on the article and story pages, bad parameters (400, never
// 500), and hostile labels escaped.
#include <gtest/gtest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>

#include "serve/handlers.h"
#include "serve/html.h"
#include "serve/page_parts.h"
#include "serve/running_server.h"
#include "store/fact_fixtures.h"
#include "store/story_fixtures.h"

namespace tidings {
namespace {

using nlohmann::json;
using testing::link_article;
using testing::RunningServer;
using testing::seed_article;

// A figure as the server tests show it: sentence 1, code points 40..60,
// with the extractor's JSON.
FactRecord figure(const std::string& key, double value, const std::string& qualifier,
                  const std::string& attribution = "") {
  FactRecord f = testing::figure_fact(key, value, qualifier, attribution);
  f.label.clear();
  f.sentence = 1;
  f.start = 40;
  f.end = 60;
  f.json = R"({"type":"figure"})";
  return f;
}

FactRecord named(const std::string& kind, const std::string& key, const std::string& label) {
  FactRecord f = testing::named_fact(kind, key, label);
  f.end = 5;
  return f;
}

class FactsServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = open_sqlite_store(":memory:");
    ASSERT_TRUE(opened) << opened.error().message;
    store_ = std::move(*opened);
    // Story 3: the wire's report and its copy; an independent outlet with
    // another number three hours later.
    wire_ = seed_article(*store_, "https://wire.example/gaza", "Toll rises", "Wire",
                         "2023-11-01T09:00:00Z");
    copy_ = seed_article(*store_, "https://copier.example/gaza", "Toll rises", "Copier",
                         "2023-11-01T10:00:00Z");
    daily_ = seed_article(*store_, "https://daily.example/gaza", "Count", "Daily",
                          "2023-11-01T12:00:00Z");
    link_article(*store_, wire_, 3);
    link_article(*store_, copy_, 3, wire_);
    link_article(*store_, daily_, 3);
    FactRecord place = named("place", "geonames:281133", "Gaza Strip");
    place.lat = 31.4;
    place.lon = 34.4;
    FactRecord said = named("quote", "ali asghar khaji", "Such crimes are collective punishment.");
    said.attribution = "Khaji";
    const std::vector<FactRecord> wire_facts = {
        named("person", "ali asghar khaji", "Ali Asghar Khaji"), place, said,
        figure("killed/people", 8796, "at_least", "according to officials")};
    EXPECT_TRUE(store_->set_article_facts(wire_, 1, wire_facts));
    EXPECT_TRUE(store_->set_article_facts(copy_, 1, wire_facts));
    EXPECT_TRUE(store_->set_article_facts(
        daily_, 1,
        {figure("killed/people", 8525, "exact", "<script>alert('ministry')</script>"),
         named("person", "<b>x</b>", "<img src=x onerror=alert(1)>")}));
    server_ = std::make_unique<RunningServer>(*store_);
  }
  httplib::Result get(const std::string& path) { return server_->client().Get(path); }

  std::unique_ptr<Store> store_;
  std::unique_ptr<RunningServer> server_;
  int64_t wire_ = 0, copy_ = 0, daily_ = 0;
};

TEST_F(FactsServerTest, ServesAnArticlesFacts) {
  auto r = get("/api/articles/" + std::to_string(wire_) + "/facts");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("Content-Type"), "application/json; charset=utf-8");
  const json j = json::parse(r->body);
  EXPECT_EQ(j["article"], wire_);
  EXPECT_EQ(j["version"], 1);
  EXPECT_EQ(j["stale"], false);
  EXPECT_EQ(j["count"], 4);
  ASSERT_EQ(j["facts"].size(), 4u);
  const json& fig = j["facts"][3];
  EXPECT_EQ(fig["kind"], "figure");
  EXPECT_EQ(fig["key"], "killed/people");
  EXPECT_EQ(fig["value"].dump(), "8796");
  EXPECT_EQ(fig["qualifier"], "at_least");
  EXPECT_EQ(fig["attribution"], "according to officials");
  EXPECT_EQ(fig["sentence"], 1);
  EXPECT_EQ(fig["start"], 40);
  EXPECT_EQ(fig["end"], 60);
  EXPECT_EQ(fig["parent"], nullptr);
  EXPECT_EQ(fig["fact"]["type"], "figure");
  EXPECT_EQ(j["facts"][1]["lat"], 31.4);

  // An article facts never ran on: no facts, version null.
  const int64_t bare = seed_article(*store_, "https://bare.example/1", "Bare", "Bare", "");
  const json none = json::parse(get("/api/articles/" + std::to_string(bare) + "/facts")->body);
  EXPECT_EQ(none["version"], nullptr);
  EXPECT_TRUE(none["facts"].empty());
}

TEST_F(FactsServerTest, ServesAStorysFactsPerClaim) {
  auto r = get("/api/stories/3/facts");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  const json j = json::parse(r->body);
  EXPECT_EQ(j["story"], 3);
  EXPECT_EQ(j["articles"], 3);
  EXPECT_EQ(j["articles_with_facts"], 3);
  const json& killed = j["figures"]["measures"][0];
  EXPECT_EQ(killed["key"], "killed/people");
  EXPECT_EQ(killed["claim_count"], 2);  // the wire's (with its copy) and Daily's
  const json& wire_claim = killed["claims"][0];
  EXPECT_EQ(wire_claim["value"], 8796);
  EXPECT_EQ(wire_claim["carrier_count"], 2);
  EXPECT_EQ(wire_claim["article"]["outlet"], "Wire");
  EXPECT_EQ(wire_claim["carriers"][1]["copy_of"], wire_);
  EXPECT_EQ(wire_claim["time"], "2023-11-01T09:00:00Z");
  const json& khaji = j["people"]["items"][0];
  EXPECT_EQ(khaji["key"], "ali asghar khaji");
  EXPECT_EQ(khaji["reports"], 1);
  EXPECT_EQ(khaji["articles"], 2);
  EXPECT_EQ(khaji["outlets"], 2);
  EXPECT_EQ(khaji["first_seen"], "2023-11-01T09:00:00Z");
  EXPECT_EQ(j["places"]["items"][0]["lon"], 34.4);
  EXPECT_EQ(j["quotes"]["items"][0]["speaker"], "Khaji");
  EXPECT_EQ(j["quotes"]["items"][0]["carrier_count"], 2);
  EXPECT_EQ(j["disagreements_href"], "/api/stories/3/disagreements");
}

TEST_F(FactsServerTest, ListsWhereSourcesDisagree) {
  auto r = get("/api/stories/3/disagreements");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  json j = json::parse(r->body);
  EXPECT_EQ(j["window_seconds"], 86400);
  EXPECT_EQ(j["window"], "1d");
  ASSERT_EQ(j["measures"].size(), 1u);
  const json& m = j["measures"][0];
  EXPECT_EQ(m["key"], "killed/people");
  ASSERT_EQ(m["values"].size(), 2u);
  EXPECT_EQ(m["values"][0]["value"], 8525);
  EXPECT_EQ(m["values"][0]["outlets"], json({"Daily"}));
  EXPECT_EQ(m["values"][1]["value"], 8796);
  EXPECT_EQ(m["values"][1]["qualifier"], "at_least");
  EXPECT_EQ(m["values"][1]["claims"], 1);
  EXPECT_EQ(m["values"][1]["outlets"], json({"Wire", "Copier"}));
  EXPECT_EQ(m["values"][1]["first_at"], "2023-11-01T09:00:00Z");
  EXPECT_EQ(m["conflicts"], json::parse("[[0, 1]]"));
  // Three hours apart: none within two.
  j = json::parse(get("/api/stories/3/disagreements?window=2h")->body);
  EXPECT_EQ(j["window_seconds"], 7200);
  EXPECT_TRUE(j["measures"].empty());
  j = json::parse(get("/api/stories/3/disagreements?window=1h30m")->body);
  EXPECT_EQ(j["window_seconds"], 5400);
}

TEST_F(FactsServerTest, BadParametersAre400AndUnknownIds404) {
  for (const std::string path :
       {"/api/stories/3/disagreements?window=", "/api/stories/3/disagreements?window=24",
        "/api/stories/3/disagreements?window=-1h", "/api/stories/3/disagreements?window=31d",
        "/api/stories/3/disagreements?window=99999999999999999999h",
        "/api/stories/3/disagreements?window=1h&window=2h",
        "/api/stories/3/disagreements?window=%00", "/api/stories/abc/facts",
        "/api/stories/0/disagreements", "/api/articles/-1/facts",
        "/api/articles/99999999999999999999/facts"}) {
    auto r = get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->status, 400) << path << " " << r->body;
    const json j = json::parse(r->body);
    EXPECT_EQ(j["error"]["code"], "invalid_parameter") << path;
    EXPECT_FALSE(j["error"]["message"].get<std::string>().empty());
  }
  auto r = get("/api/stories/3/disagreements?window=bad");
  EXPECT_NE(json::parse(r->body)["error"]["message"].get<std::string>().find("24h"),
            std::string::npos);
  for (const std::string path :
       {"/api/stories/99/facts", "/api/stories/99/disagreements", "/api/articles/999/facts"}) {
    auto nf = get(path);
    ASSERT_TRUE(nf);
    EXPECT_EQ(nf->status, 404) << path;
    EXPECT_EQ(json::parse(nf->body)["error"]["code"], "not_found");
  }
}

TEST_F(FactsServerTest, PagesShowTheFactsEscaped) {
  auto r = get("/stories/3");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  const std::string& page = r->body;
  EXPECT_NE(page.find("Where sources disagree"), std::string::npos);
  EXPECT_NE(page.find("<tr class=\"disputed\">"), std::string::npos);
  EXPECT_NE(page.find("at least <strong>8,796</strong>"), std::string::npos);
  EXPECT_NE(page.find("killed \xC2\xB7 people"), std::string::npos);
  EXPECT_NE(page.find("carried by 2 articles in 2 outlets"), std::string::npos);
  EXPECT_NE(page.find("Ali Asghar Khaji"), std::string::npos);
  EXPECT_NE(page.find("Gaza Strip"), std::string::npos);
  EXPECT_NE(page.find("Such crimes are collective punishment."), std::string::npos);
  EXPECT_EQ(page.find("<script>"), std::string::npos);
  EXPECT_EQ(page.find("<img src=x"), std::string::npos);
  EXPECT_NE(page.find("&lt;script&gt;alert(&#39;ministry&#39;)"), std::string::npos);

  r = get("/articles/" + std::to_string(daily_));
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  EXPECT_NE(r->body.find("id=\"facts-heading\""), std::string::npos);
  EXPECT_NE(r->body.find("<strong>8,525</strong>"), std::string::npos);
  EXPECT_EQ(r->body.find("<img src=x"), std::string::npos);
  EXPECT_EQ(r->body.find("<script>"), std::string::npos);
  EXPECT_NE(r->body.find("&lt;img src=x onerror=alert(1)&gt;"), std::string::npos);

  // The wire's person, place and quote (offsets 0..5 of "Body text.") are
  // marked in its text, nested as they nest.
  r = get("/articles/" + std::to_string(wire_));
  ASSERT_TRUE(r);
  EXPECT_NE(r->body.find("<p><mark class=\"fact fact-person\" title=\"person: ali asghar khaji"),
            std::string::npos)
      << r->body;
}

TEST(FactPages, RenderNothingForNoFacts) {
  EXPECT_EQ(serve::article_facts_html(ArticleFacts{}), "");
  EXPECT_EQ(serve::story_facts_html(StoryFacts{}, {}), "");
  EXPECT_EQ(serve::quantity_text(8796), "8,796");
  EXPECT_EQ(serve::quantity_text(2.5), "2.50");
  EXPECT_EQ(serve::quantity_text(-3), "-3");
}

FactRecord span(const std::string& kind, int64_t start, int64_t end, const std::string& key) {
  FactRecord f = named(kind, key, key);
  f.start = start;
  f.end = end;
  return f;
}

TEST(FactMarks, MarksEachFactsCodePointSpan) {
  // "é" and "’" are one code point each, two and three bytes.
  const std::string text =
      "Café talk: Khaji said \xE2\x80\x99" "crimes\xE2\x80\x99 in Tehran.\n\nAt least 8,796 "
      "people died.";
  ArticleFacts a;
  a.facts = {span("person", 11, 16, "ali asghar khaji"), span("quote", 22, 30, "ali"),
             span("place", 34, 40, "geonames:112931"), figure("killed/people", 8796, "at_least")};
  a.facts[3].start = 43;
  a.facts[3].end = 64;
  const std::string html = serve::marked_paragraphs_html(text, a);
  EXPECT_NE(html.find("<mark class=\"fact fact-person\" title=\"person: ali asghar khaji\">"
                      "Khaji</mark>"),
            std::string::npos)
      << html;
  EXPECT_NE(html.find(">\xE2\x80\x99" "crimes\xE2\x80\x99</mark>"), std::string::npos) << html;
  EXPECT_NE(html.find(">Tehran</mark>."), std::string::npos) << html;
  EXPECT_NE(html.find("<p><mark class=\"fact fact-figure\" title=\"figure: killed/people = "
                      "at_least 8,796\">At least 8,796 people</mark> died.</p>"),
            std::string::npos)
      << html;
  // Without facts, the same paragraphs as the plain page.
  EXPECT_EQ(serve::marked_paragraphs_html(text, ArticleFacts{}), serve::paragraphs_html(text));
}

TEST(FactMarks, HostileSpansAndTextStayWellFormed) {
  // The text's own private-use code points cannot forge a mark.
  const std::string text = "A \xF3\xB0\x80\x80 B \xF4\x80\x80\x80 C\nD E F <b>";
  ArticleFacts a;
  FactRecord evil = span("person", 0, 1, "<script>alert(1)</script>");
  evil.detail = "\" onmouseover=\"x";
  a.facts = {evil,
             span("place", 0, 3, "outer"),           // contains the first
             span("place", 2, 9, "partial"),         // partly overlaps: left out
             span("figure", 8, 13, "across"),        // crosses the line break: left out
             span("date", 12, 13, "end"),
             span("person", 50, 90, "past the end"),  // never opens
             span("quote", 5, 5, "empty")};
  const std::string html = serve::marked_paragraphs_html(text, a);
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_EQ(html.find("\" onmouseover"), std::string::npos);
  EXPECT_EQ(html.find("<b>"), std::string::npos);
  EXPECT_EQ(html.find("\xF3\xB0"), std::string::npos);
  EXPECT_EQ(html.find("\xF4\x80"), std::string::npos);
  size_t opens = 0, closes = 0;
  for (size_t p = html.find("<mark"); p != std::string::npos; p = html.find("<mark", p + 1)) ++opens;
  for (size_t p = html.find("</mark>"); p != std::string::npos; p = html.find("</mark>", p + 1)) {
    ++closes;
  }
  EXPECT_EQ(opens, 3u) << html;  // evil inside outer, and end
  EXPECT_EQ(closes, 3u);
  EXPECT_NE(html.find("title=\"place: outer\"><mark class=\"fact fact-person\""),
            std::string::npos)
      << html;
  EXPECT_EQ(html.find("partial"), std::string::npos);
  EXPECT_EQ(html.find("across"), std::string::npos);
}

TEST(FactParams, Window) {
  serve::QueryParams none;
  EXPECT_EQ(*serve::parse_window_param(none), 86400);
  EXPECT_EQ(*serve::parse_window_param({{"window", "90m"}}), 5400);
  EXPECT_EQ(*serve::parse_window_param({{"window", "30d"}}), 30 * 86400);
  EXPECT_FALSE(serve::parse_window_param({{"window", "0h"}}));
  EXPECT_FALSE(serve::parse_window_param({{"window", std::string(5000, '9') + "h"}}));
}

}  // namespace
}  // namespace tidings
