// The web UI's pages as pure functions from values to HTML strings: no I/O,
// no store, so each page can be tested on hostile values alone. Every value
// from a page goes through html.h.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/types.h"
#include "store/source_health.h"
#include "store/store.h"

namespace tidings::serve {

/// One page of the article list.
struct ListPage {
  std::vector<StoredArticle> articles;  ///< newest first, as the store lists them
  std::string older_href;               ///< link to the next (older) page; "" = none
  bool first_page = true;               ///< false: also link back to the newest
  std::optional<StoreCounts> counts;    ///< shown under the heading when known
  std::vector<Story> top_stories;       ///< shown first on the first page, when any
};

std::string render_list_page(const ListPage& page);
/// `relations`, when given, adds what the article is a copy of, its copies,
/// its story and who reported that first; `facts`, its facts.
std::string render_article_page(const StoredArticle& article,
                                const ArticleRelations* relations = nullptr,
                                const ArticleFacts* facts = nullptr);

/// One page of the story list (story_pages.cc).
struct StoryListPage {
  std::vector<Story> stories;
  std::string sort = "latest";          ///< "latest" or "coverage"
  std::string older_href;               ///< the next page; "" = none
  bool first_page = true;
};
std::string render_story_list_page(const StoryListPage& page);
/// A story's facts and the figures its sources disagree on, for its page.
struct StoryFactsView {
  StoryFacts facts;
  std::vector<FigureDisagreement> disagreements;
};
/// A story: headline, first report, coverage chart, articles with their
/// copies folded under them; then its facts, when given.
std::string render_story_page(const StoryDetail& story, const StoryFactsView* facts = nullptr);
/// A source's volume: its articles per day over the last days.
struct SourceVolume {
  std::vector<int64_t> per_day;  ///< oldest first, today last
  bool partial = false;          ///< the times read did not reach back to the first day
};
/// Counts `times` (article times, any order) into the `days` calendar days
/// (UTC) ending with `now`'s; times outside them are left out. `partial`
/// when `reached_limit` (the times are a capped read) and the oldest of
/// them falls inside the window.
SourceVolume source_volume(const std::vector<Instant>& times, Instant now, int days,
                           bool reached_limit);
/// The sources page: each registered source with its last poll, status,
/// error, items and articles; `frontier_pending` URLs wait to be fetched.
/// `health`, when given, is one per source: its flags are shown and the row
/// marked. `volumes`, when one per source, adds each one's articles per day
/// with a small bar chart.
std::string render_sources_page(const std::vector<Source>& sources, int64_t frontier_pending,
                                const std::vector<SourceHealth>& health = {},
                                const std::vector<SourceVolume>& volumes = {});
/// A page for 4xx/5xx answers; `message` is shown escaped.
std::string render_error_page(int status, std::string_view title, std::string_view message);

/// The stylesheet served at /static/style.css (style.cc).
std::string_view style_css();
/// The icon served at /static/favicon.svg (style.cc).
std::string_view favicon_svg();

}  // namespace tidings::serve
