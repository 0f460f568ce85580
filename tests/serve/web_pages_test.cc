// The pages' hooks for charts.js and map.js, and the sources page's volume:
// pure functions on hostile values.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "core/time.h"
#include "serve/page_parts.h"
#include "serve/pages.h"

namespace tidings {
namespace {


Instant at(const char* text) { return *parse_iso8601(text); }

TEST(SourceVolume, CountsArticlesPerUtcDay) {
  const Instant now = at("2023-11-14T10:00:00Z");
  const auto v = serve::source_volume({at("2023-11-14T09:00:00Z"), at("2023-11-14T00:00:00Z"),
                                       at("2023-11-13T23:59:59Z"), at("2023-11-01T00:00:00Z"),
                                       at("2023-10-31T23:59:59Z"), at("2023-11-20T00:00:00Z")},
                                      now, 14, false);
  ASSERT_EQ(v.per_day.size(), 14u);
  EXPECT_EQ(v.per_day[13], 2);  // today
  EXPECT_EQ(v.per_day[12], 1);
  EXPECT_EQ(v.per_day[0], 1);   // 2023-11-01, the first day; Oct 31 and the future left out
  int64_t total = 0;
  for (int64_t n : v.per_day) total += n;
  EXPECT_EQ(total, 4);
  EXPECT_FALSE(v.partial);
}

TEST(SourceVolume, PartialWhenACappedReadEndsInsideTheWindow) {
  const Instant now = at("2023-11-14T10:00:00Z");
  EXPECT_TRUE(serve::source_volume({at("2023-11-10T00:00:00Z")}, now, 14, true).partial);
  EXPECT_FALSE(serve::source_volume({at("2023-10-10T00:00:00Z")}, now, 14, true).partial);
  EXPECT_FALSE(serve::source_volume({}, now, 14, true).partial);
  EXPECT_TRUE(serve::source_volume({}, now, 0, false).per_day.empty());
}

TEST(SourcesPage, ShowsVolumeWithAChart) {
  Source s;
  s.id = 1;
  s.url = "https://news.example/";
  s.name = "News <b>Example</b>";
  serve::SourceVolume v;
  v.per_day = {0, 3, 1, 0, 6, 2, 2};
  const std::string html = serve::render_sources_page({s}, 0, {}, {v});
  EXPECT_NE(html.find("<th scope=\"col\">Volume</th>"), std::string::npos);
  EXPECT_NE(html.find("2.0/day<svg class=\"volume\""), std::string::npos);
  EXPECT_NE(html.find("aria-label=\"14 articles in the last 7 days\""), std::string::npos);
  EXPECT_NE(html.find("<title>6 articles, 2 days ago</title>"), std::string::npos);
  EXPECT_EQ(html.find("<b>Example"), std::string::npos);
  v.partial = true;
  EXPECT_NE(serve::render_sources_page({s}, 0, {}, {v}).find("at least 2.0/day"), std::string::npos);
  // No volumes (or not one per source): no column.
  EXPECT_EQ(serve::render_sources_page({s}, 0).find("Volume"), std::string::npos);
}

TEST(CoverageChart, WrapsTheFallbackInAChartDivWhenGivenItsSource) {
  Coverage c;
  c.bucket_seconds = 3600;
  c.buckets.push_back({at("2024-01-02T09:00:00Z"), 2, 1});
  const std::string plain = serve::coverage_chart_html(c);
  EXPECT_EQ(plain.find("data-chart-kind"), std::string::npos);
  EXPECT_NE(plain.find("<svg class=\"chart\""), std::string::npos);
  const std::string html = serve::coverage_chart_html(c, "/api/stories/7\"><script>");
  EXPECT_NE(html.find("<div class=\"chart\" data-chart-kind=\"coverage\" "
                      "data-chart-src=\"/api/stories/7&quot;&gt;&lt;script&gt;\">"),
            std::string::npos);
  EXPECT_LT(html.find("<div class=\"chart\""), html.find("<svg"));
  EXPECT_LT(html.find("</svg>"), html.find("</div>"));
}

TEST(StoryPlaces, MapOnlyWhenAPlaceHasCoordinates) {
  StoryFacts s;
  s.story_id = 42;
  FactTally gaza;
  gaza.key = "gaza";
  gaza.label = "Gaza <Strip>";
  gaza.mentions = 3;
  s.places.push_back(gaza);
  s.places_total = 1;
  std::string html = serve::story_facts_html(s, {});
  EXPECT_NE(html.find("Gaza &lt;Strip&gt;"), std::string::npos);
  EXPECT_EQ(html.find("class=\"map\""), std::string::npos);
  s.places[0].lat = 31.4;
  s.places[0].lon = 34.4;
  html = serve::story_facts_html(s, {});
  EXPECT_NE(html.find("<div class=\"map\" data-map-src=\"/api/stories/42/facts\">"),
            std::string::npos);
  EXPECT_LT(html.find("class=\"map\""), html.find("<ul class=\"fact-tallies\">"));
  EXPECT_NE(html.find("1 place to map"), std::string::npos);
}

}  // namespace
}  // namespace tidings
