// Full-text search over the stored articles, and attention over time
// (docs/search.md). One interface, two real backends on the same data:
// Xapian (Debian's libxapian) and SQLite FTS5. The index is derived from
// the store: it lives in a directory beside the database
// (`<db>.search/`), `tidings reindex` rebuilds it and ingest keeps it
// current; losing it loses nothing.
//
// Queries: words (stemmed, English Snowball), "phrases", AND OR NOT
// (upper case; juxtaposed words are ANDed), parentheses, and a leading "-"
// for NOT. Ranking is BM25 (title words weigh more). A malformed query is
// kInvalidInput with a message a person can act on; a query that runs past
// its time bound is kTooLarge. Nothing throws across this header.
//
// Thread safety: a SearchIndex is used by one thread at a time; open one
// per thread (opening a reader is cheap). One writer at a time per index
// directory: a second writer gets kIo ("locked").
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/time.h"

namespace tidings::search {

enum class Backend { kXapian, kFts5 };
/// "xapian", "fts5".
const char* backend_name(Backend backend);
std::optional<Backend> parse_backend(std::string_view name);
/// The default backend (docs/search.md says why).
inline constexpr Backend kDefaultBackend = Backend::kXapian;

/// Where the index of the database at `db_path` lives: "<db>.search".
std::string index_dir_for(const std::string& db_path);

/// One article as the index takes it (search/from_store.h builds it).
struct SearchDoc {
  int64_t article_id = 0;  ///< > 0; the index's document id
  std::string title;
  std::string url;
  std::string outlet;
  std::string language;     ///< ISO 639-1, "" when unknown
  Instant published_at{};   ///< its publication time, else its fetch time
  int64_t story_id = 0;     ///< 0 = none
  std::string text;
  /// Names from its stored facts: people and organisations (keys and
  /// labels), and places (labels and keys such as "geonames:112931").
  std::vector<std::string> entities;
  std::vector<std::string> places;
};

/// Bounds every caller gets.
inline constexpr size_t kMaxQueryBytes = 1024;
inline constexpr size_t kMaxQueryTerms = 64;
inline constexpr int kMaxLimit = 200;
inline constexpr int kMaxOffset = 10'000;
inline constexpr double kQueryTimeLimitSeconds = 2.0;

/// Filters: each given one must hold (AND). Strings match case-insensitively.
struct Filters {
  std::optional<Instant> from;  ///< published at or after
  std::optional<Instant> to;    ///< published before
  std::string outlet;
  std::string language;
  std::optional<int64_t> story_id;
  std::string entity;  ///< a person's or organisation's name or key
  std::string place;   ///< a place's name, "geonames:N", or N (a geonames id)
  bool any() const;
};

struct SearchRequest {
  /// The query; may be empty when a filter is given (then every article
  /// the filters pass, newest first).
  std::string query;
  Filters filters;
  int limit = 20;   ///< 1..kMaxLimit
  int offset = 0;   ///< 0..kMaxOffset
};

/// A highlighted range of a snippet: byte offsets, [start, end).
struct Span {
  size_t start = 0;
  size_t end = 0;
};

struct Hit {
  int64_t article_id = 0;
  std::string title;
  std::string url;
  std::string outlet;
  std::string language;
  Instant published_at{};
  int64_t story_id = 0;
  double score = 0;            ///< BM25, higher is better (0 for a filter-only list)
  std::string snippet;         ///< plain text, whitespace collapsed
  std::vector<Span> highlights;  ///< the query's words in `snippet`, in order
};

struct SearchResults {
  std::vector<Hit> hits;
  int64_t total = 0;   ///< matches, estimated when !exact
  bool exact = true;
};

/// Hour-sized counts of the matching articles per outlet: what attention
/// is computed from.
struct HourCount {
  int64_t hour = 0;  ///< seconds since the epoch / 3600
  std::string outlet;
  int64_t articles = 0;
};

/// What hourly_counts found. `complete` is false when the count stopped at
/// the query time bound (kQueryTimeLimitSeconds): the counts are then a
/// lower bound, and say so rather than undercount silently.
struct HourCounts {
  std::vector<HourCount> counts;
  bool complete = true;
};

class SearchIndex {
 public:
  virtual ~SearchIndex() = default;
  virtual Backend backend() const = 0;
  /// Adds or replaces (by article id) and commits. kInvalidInput for a doc
  /// without a positive id; kIo when the index cannot be written.
  virtual Result<void> add(const std::vector<SearchDoc>& docs) = 0;
  virtual Result<SearchResults> search(const SearchRequest& request) = 0;
  /// The counts of `query` (empty: everything the filters pass) per hour
  /// and outlet within the filters.
  virtual Result<HourCounts> hourly_counts(std::string_view query, const Filters& filters) = 0;
  virtual Result<int64_t> doc_count() = 0;
  /// Bytes the index takes on disk.
  virtual Result<int64_t> size_bytes() = 0;
  /// Rewrites the index compactly (Xapian: xapian-compact's merge of the
  /// posting lists into full blocks, document ids kept; FTS5: its b-trees
  /// merged into one and the file vacuumed). For an index no other process
  /// writes: `reindex` calls it on the fresh index before the swap. On an
  /// error the index is left as it was and stays open.
  virtual Result<void> compact() = 0;
  /// Empty, or a line for the user when the index was written in an older
  /// format than this tidings writes (it answers the same, more slowly, and
  /// `tidings reindex` rebuilds it).
  virtual std::string upgrade_note() const { return {}; }
};

/// Creates an empty index of `backend` in `dir` (which must not exist),
/// open for writing.
Result<std::unique_ptr<SearchIndex>> create_index(const std::string& dir, Backend backend);
/// Opens the index in `dir`, whichever backend it is. kNotFound when there
/// is none.
Result<std::unique_ptr<SearchIndex>> open_index(const std::string& dir, bool writable);
/// The backend of the index in `dir`; kNotFound when there is none.
Result<Backend> index_backend(const std::string& dir);

// --- attention.cc: counts over time ---

enum class Interval { kDay, kHour };
const char* interval_name(Interval interval);
std::optional<Interval> parse_interval(std::string_view name);

inline constexpr size_t kMaxAttentionQueries = 10;
inline constexpr size_t kMaxBuckets = 2000;

struct AttentionRequest {
  /// 1..kMaxAttentionQueries queries; a "" query counts what the filters
  /// pass (an entity, a place...).
  std::vector<std::string> queries;
  /// `from` and `to` when given are rounded out to whole buckets; when
  /// one is absent the range runs to the first or last match (the last
  /// kMaxBuckets buckets of it at most).
  Filters filters;
  Interval interval = Interval::kDay;
  /// The range when there is no match and no `from` or `to`: the 30 days
  /// (Interval::kHour: 48 hours) before `now`.
  Instant now{};
};

struct AttentionSeries {
  std::string query;
  std::vector<int64_t> articles;  ///< per bucket
  std::vector<int64_t> outlets;   ///< distinct outlets per bucket
  int64_t total_articles = 0;
  /// False when the count stopped at the time bound: the numbers are a
  /// lower bound (JSON "complete": false; the page says so).
  bool complete = true;
};

struct Attention {
  Interval interval = Interval::kDay;
  Instant from{};  ///< the first bucket's start
  Instant to{};    ///< the end of the last bucket
  std::vector<Instant> buckets;  ///< each bucket's start (UTC)
  std::vector<AttentionSeries> series;
};

/// The buckets of [from, to): from rounded down to the interval, to rounded
/// up. kInvalidInput when from >= to or there would be more than
/// kMaxBuckets.
Result<std::vector<Instant>> attention_buckets(Instant from, Instant to, Interval interval);
/// Article and distinct-outlet counts per bucket for each query.
Result<Attention> attention(SearchIndex& index, const AttentionRequest& request);

}  // namespace tidings::search
