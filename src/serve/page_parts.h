// Pieces shared by the page files (pages.cc, story_pages.cc): the page
// layout, number words and the story blocks other pages embed. Private to
// src/serve; every value goes through html.h.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "store/facts.h"
#include "store/stories.h"

namespace tidings::serve {

/// The whole HTML document around `main_html`: head, site header, footer.
std::string layout(std::string_view title, const std::string& main_html);
/// The same, with the nav link whose href is `current` ("/search",
/// "/stories", "/sources") marked as the page's (aria-current).
std::string layout(std::string_view title, const std::string& main_html,
                   std::string_view current);
/// A feed a page offers to feed readers (<link rel="alternate">): `href`
/// without its extension ("/feeds/stories/7"), `query` appended after it
/// ("?q=gaza", URL-encoded by the caller); both Atom and JSON Feed.
struct FeedLink {
  std::string title;
  std::string href;
  std::string query;
};
/// The same, offering `feed` to readers.
std::string layout(std::string_view title, const std::string& main_html,
                   std::string_view current, const FeedLink& feed);
/// "1,234".
std::string with_thousands(int64_t n);
/// "1 article", "3 articles".
std::string plural(int64_t n, std::string_view one, std::string_view many);

/// The stories as an <ol class="items">: headline, outlets and articles,
/// first report and time span (story_pages.cc).
std::string story_items_html(const std::vector<Story>& stories);
/// The article page's box: copy of..., N copies (folded), its story and
/// its first report; "" when the store knows none of these.
std::string relations_box_html(const ArticleRelations& relations);
/// The coverage over time as an inline SVG bar chart with its axis times;
/// with `data_src` (the story's JSON URL), inside a
/// `<div class="chart" data-chart-kind="coverage">` that charts.js redraws.
std::string coverage_chart_html(const Coverage& coverage, std::string_view data_src = "");

/// A quantity for people: "8,796", "2.50" (fact_pages.cc).
std::string quantity_text(double value);
/// The article page's facts, grouped by kind; "" when it has none
/// (fact_pages.cc).
std::string article_facts_html(const ArticleFacts& facts);
/// The text as paragraphs_html makes it, with each fact's span in a
/// `<mark class="fact fact-KIND" title="...">` (spans within one line,
/// properly nested; a partly overlapping one is left out) (fact_marks.cc).
std::string marked_paragraphs_html(std::string_view text, const ArticleFacts& facts);
/// The story page's figures (claims per measure, the disputed ones marked,
/// with a "where sources disagree" box), people, places, quotes and other
/// names; "" when the story has no facts (fact_pages.cc).
std::string story_facts_html(const StoryFacts& facts,
                             const std::vector<FigureDisagreement>& disagreements);

}  // namespace tidings::serve
