// The values the store keeps about facts (docs/facts-store.md, migration
// 8): the facts of one article as the facts stage found them, and what a
// story's page and the "where do sources disagree" query make of them.
// Plain structs; the Store methods that read and write them are in store.h,
// the aggregation rules (per claim, not per copy) in fact_views.cc.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/time.h"
#include "store/stories.h"

namespace tidings {

/// The kinds of fact the store takes (FactRecord::kind).
inline constexpr std::string_view kFactKinds[] = {"entity", "person", "place",
                                                  "date",   "quote",  "figure"};
bool is_fact_kind(std::string_view kind);

/// One fact of one article, as the facts stage found it. The store checks
/// the shape (kind, offsets, parent, sizes) but not the meaning; `json` is
/// opaque to it. docs/facts-store.md lists what each kind fills in.
struct FactRecord {
  std::string kind;      ///< one of kFactKinds
  int64_t sentence = 0;  ///< index of its sentence in the article text, >= 0
  int64_t start = 0;     ///< code-point offsets into the article text, start <= end
  int64_t end = 0;
  /// The normalised identity facts are grouped by: a person's "ali asghar
  /// khaji", a place's "geonames:112931" or "iso:IR", a figure's measure
  /// "killed/people", a date's ISO value, a quote's speaker key ("" when
  /// the speaker is unknown).
  std::string key;
  std::string label;                 ///< display text (a quote: its text)
  std::optional<double> value;       ///< a figure's quantity (finite)
  /// The top of a figure's range ("between 10 and 20": value 10,
  /// value_max 20); finite and >= value, given only with value.
  std::optional<double> value_max;
  std::string qualifier;             ///< a figure's "at_least", "around", "exact", ...
  std::string attribution;           ///< "according to officials"; a quote: the speaker as named
  std::string detail;                ///< a person's role, an entity's type, a place's country...
  std::optional<Instant> as_of;      ///< a figure's as-of time
  std::optional<double> lat, lon;    ///< a place's coordinates (both or neither)
  int64_t parent = -1;               ///< index of the figure it breaks down, or -1
  std::string json;                  ///< the fact as the extractor printed it, opaque
};

/// Bounds set_article_facts enforces (a longer input is kInvalidInput: the
/// facts stage must bound what it finds, the store does not cut it).
inline constexpr size_t kMaxFactsPerArticle = 10'000;
inline constexpr size_t kMaxFactTextBytes = 16 * 1024;  ///< key, label, attribution, detail, ...
inline constexpr size_t kMaxFactJsonBytes = 64 * 1024;

/// An article's stored facts, in the order they were set.
struct ArticleFacts {
  int64_t article_id = 0;
  std::optional<int64_t> version;      ///< the facts version; nullopt: never computed
  std::optional<Instant> computed_at;  ///< when set_article_facts stored them
  /// The article's text changed since (re-extraction): the offsets may
  /// not fit it until the facts are computed again.
  bool stale = false;
  std::vector<FactRecord> facts;
};

/// A person, organisation, place or date of a story, counted over its
/// articles. `reports` counts independent reports: an original and its
/// copies are one.
struct FactTally {
  std::string key;
  std::string label;   ///< the label most reports use, then the longest
  std::string detail;  ///< the first non-empty detail (a person's role...)
  std::optional<double> lat, lon;
  int64_t mentions = 0;  ///< facts, in all articles
  int64_t articles = 0;  ///< articles naming it, copies included
  int64_t reports = 0;   ///< originals naming it (directly or through a copy)
  int64_t outlets = 0;   ///< distinct outlets naming it
  Instant first_seen{};  ///< the earliest article time naming it
  int64_t first_article_id = 0;
};

/// One claim: a fact of one report, carried by its original and its copies
/// (per claim, not per copy: GDELT's counts multiply with syndication).
struct FactClaim {
  std::string key;
  std::string label;
  std::optional<double> value;
  std::optional<double> value_max;  ///< the top of a range ("between")
  std::string qualifier;
  std::string attribution;
  std::string detail;  ///< a figure's place ("Gaza Strip"): where it was counted, when said
  std::optional<Instant> as_of;
  /// as_of when given, else the earliest carrier's time: what "at about the
  /// same time" compares.
  Instant time{};
  int64_t report_id = 0;              ///< the original of its carriers (or their article)
  ArticleRef article;                 ///< the original when it carries it, else the earliest carrier
  std::vector<ArticleRef> carriers;   ///< the articles carrying it, oldest first (capped)
  int64_t carrier_count = 0;          ///< before the cap
  int64_t sentence = 0;               ///< in `article`
  int64_t start = 0, end = 0;
  /// A breakdown ("including 3,648 children"): the figure it is part of.
  std::string part_of_key;
  std::optional<double> part_of_value;
};

/// The claims of one figure measure ("killed/people"), oldest first.
struct FigureMeasure {
  std::string key;
  std::vector<FactClaim> claims;  ///< at most kMaxClaimsPerMeasure
  int64_t claim_count = 0;        ///< before the cap
};

/// A story's facts, aggregated. Each list is capped (kMaxTallies...);
/// the totals say how many there were.
struct StoryFacts {
  int64_t story_id = 0;
  int64_t articles = 0;             ///< articles of the story
  int64_t articles_with_facts = 0;  ///< of those, with facts stored
  bool truncated = false;           ///< more than kMaxStoryFactRows facts: the rest unread
  /// Most reports first. `entities` are the mentions of kind "entity"
  /// (organisations and whatever the tagger did not resolve further).
  std::vector<FactTally> people, entities, places, dates;
  int64_t people_total = 0, entities_total = 0, places_total = 0, dates_total = 0;
  std::vector<FactClaim> quotes;  ///< oldest first
  int64_t quotes_total = 0;
  std::vector<FigureMeasure> figures;  ///< by measure key
  int64_t measures_total = 0;
};

inline constexpr size_t kMaxStoryFactRows = 50'000;
inline constexpr size_t kMaxTallies = 100;
inline constexpr size_t kMaxQuotes = 200;
inline constexpr size_t kMaxMeasures = 100;
inline constexpr size_t kMaxClaimsPerMeasure = 200;
inline constexpr size_t kMaxCarriersShown = 100;

/// One value of a disputed measure and who carries it.
struct DisputedValue {
  double value = 0;
  std::optional<double> value_max;  ///< the top of a range ("between")
  std::string qualifier;
  std::string place;                      ///< where it was counted (the claims' detail); empty: not said
  int64_t claims = 0;                     ///< independent reports of it
  std::vector<std::string> outlets;       ///< carriers' outlets, distinct, first seen first
  std::vector<int64_t> article_ids;       ///< carriers, oldest first
  std::vector<std::string> attributions;  ///< distinct, non-empty
  Instant first_at{};                     ///< the earliest claim time
};

/// A measure whose claims at about the same time differ.
struct FigureDisagreement {
  std::string key;
  std::vector<DisputedValue> values;  ///< smallest value first
  /// Pairs of indexes into `values` that contradict each other within the
  /// window.
  std::vector<std::pair<size_t, size_t>> conflicts;
};

struct StoryDisagreements {
  int64_t story_id = 0;
  int64_t window_seconds = 86400;
  std::vector<FigureDisagreement> measures;  ///< by key, at most kMaxMeasures
};

inline constexpr int64_t kDefaultDisagreementWindowSeconds = 86400;

// --- fact_views.cc: pure aggregation, shared by every Store ---

/// A fact row of a story with the article it came from.
struct StoryFactRow {
  FactRecord fact;
  size_t article = 0;   ///< index into the articles given with the rows
  int64_t position = 0; ///< its index in the article's facts
};

/// Aggregates a story's fact rows (`articles` are the story's articles,
/// with copy_of; rows point into it). Pure; bounded by the caps above.
StoryFacts aggregate_story_facts(int64_t story_id, const std::vector<ArticleRef>& articles,
                                 const std::vector<StoryFactRow>& rows);

/// The range a figure's value and qualifier claim: "at_least 5" is
/// [5, inf), "around 100" is [90, 110], "between 10 and 20" (value_max 20)
/// is [10, 20]... (docs/facts-store.md).
struct ClaimRange {
  double low = 0, high = 0;
};
ClaimRange claim_range(double value, std::string_view qualifier,
                       std::optional<double> value_max = std::nullopt);

/// The measures whose claims within `window_seconds` of each other claim
/// ranges that do not overlap.
std::vector<FigureDisagreement> find_disagreements(const std::vector<FigureMeasure>& figures,
                                                   int64_t window_seconds);

}  // namespace tidings
