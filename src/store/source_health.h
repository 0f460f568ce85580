// Source health: what the recent fetches of a source turned out to be, and
// plain-language flags when its yield drops, its pages come back blocked,
// paywalled, JavaScript-only, empty or far shorter than usual, or no new
// article has come for far longer than its usual rhythm. Computed from the
// store (fetch log and articles); the assessment itself is a pure function.
// Thresholds and their reasons: docs/collecting.md "Source health".
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "store/store.h"

namespace tidings {

/// The recent window: the last kHealthWindowFetches fetches no older than
/// kHealthWindowAge. Everything before it is the source's earlier history
/// (up to kHealthHistoryFetches fetches), its "usual".
inline constexpr int kHealthWindowFetches = 50;
inline constexpr std::chrono::hours kHealthWindowAge{7 * 24};
inline constexpr int kHealthHistoryFetches = 500;
inline constexpr int kHealthArticleTimes = 200;  ///< article times read for the rhythm

/// A kind of bad page is flagged at this share of the window, and at
/// least kHealthMinFlagPages pages.
inline constexpr double kHealthFlagShare = 0.2;
inline constexpr int kHealthMinFlagPages = 2;
/// "Far shorter than usual": under this share of the median text length of
/// the source's earlier articles (needs kHealthMinBaseline of them).
inline constexpr double kHealthShortShare = 0.3;
inline constexpr int kHealthMinBaseline = 10;
/// Yield drop: the window's articles per fetched page under this share of
/// the earlier yield, with at least kHealthMinYieldWindow fetches in the
/// window and kHealthMinYieldHistory before it.
inline constexpr double kHealthYieldDropRatio = 0.5;
inline constexpr int kHealthMinYieldWindow = 10;
inline constexpr int kHealthMinYieldHistory = 20;
/// Coverage gap: no new article for kHealthGapFactor times the median
/// interval between its articles, and at least kHealthMinGap (or twice its
/// poll interval); needs kHealthMinRhythmArticles articles.
inline constexpr int kHealthGapFactor = 4;
inline constexpr std::chrono::hours kHealthMinGap{6};
inline constexpr int kHealthMinRhythmArticles = 10;

struct HealthFlag {
  std::string code;     ///< "blocked", "paywalled", "needs_javascript", "empty_or_short",
                        ///< "yield_drop", "coverage_gap"
  std::string message;  ///< one plain sentence
};

struct SourceHealth {
  // The recent window ("unchanged" refetches are not counted).
  int64_t fetched = 0;
  int64_t articles = 0;
  int64_t empty = 0;
  int64_t short_pages = 0;     ///< articles far shorter than usual
  int64_t blocked = 0;
  int64_t paywalled = 0;
  int64_t needs_javascript = 0;
  int64_t failed = 0;          ///< extraction failed
  int64_t errors = 0;          ///< no usable response (network, 404, 5xx, not a page)
  std::optional<Instant> window_since;   ///< its oldest fetch
  std::optional<double> yield;           ///< articles / fetched in the window
  // The earlier history.
  int64_t earlier_fetched = 0;
  std::optional<double> earlier_yield;
  std::optional<int64_t> usual_length;   ///< median characters of its earlier articles
  // Rhythm.
  std::optional<Instant> last_article_at;              ///< when its newest article was stored
  std::optional<int64_t> usual_interval_seconds;       ///< median interval between its articles
  std::vector<HealthFlag> flags;

  bool ok() const { return flags.empty(); }
};

/// Assesses a source from its history. `poll_every_seconds` (the source's
/// interval) raises the coverage-gap minimum for slowly polled sources.
SourceHealth assess_source_health(const SourceHistory& history, int64_t poll_every_seconds,
                                  Instant now);

/// Reads the history from the store and assesses it.
Result<SourceHealth> source_health(Store& store, const Source& source, Instant now);

/// The health of each source, in the order given.
Result<std::vector<SourceHealth>> sources_health(Store& store, const std::vector<Source>& sources,
                                                 Instant now);

/// Every registered source with its health, and the URLs waiting in the
/// frontier: what `tidings status`, /sources and /api/sources show.
struct SourcesOverview {
  std::vector<Source> sources;
  std::vector<SourceHealth> health;  ///< one per source, in the same order
  int64_t frontier_pending = 0;
};

/// Reads the overview from the store.
Result<SourcesOverview> sources_overview(Store& store, Instant now);

/// "45 min", "5 h", "3 days": a duration for the flags' messages.
std::string human_duration(int64_t seconds);

}  // namespace tidings
