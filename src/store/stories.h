// The values the store keeps about copies and stories (docs/store.md
// migration 7): an article's dedup keys and copy relation, the stories it
// joins, and what the API and pages show of them. Plain structs; the
// Store methods that read and write them are in store.h.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/time.h"

namespace tidings {

/// What dedup and clustering decided about one article, written beside it
/// (Store::set_article_links). The store does not interpret `fingerprint`
/// (dedup::encode_fingerprint's bytes) nor `copy_reason`.
struct ArticleLinks {
  std::string url_key;               ///< dedup::article_url_key; "" = none
  std::string fingerprint;           ///< opaque bytes; "" = none
  std::optional<int64_t> copy_of;    ///< the original's article id; nullopt = an original
  std::optional<double> similarity;  ///< to the original, 0..1 (1 = exact)
  /// How it matched and why the other is the original, "<match>:<origin>":
  /// "exact:source_link", "near:earliest", ... ("" = none). An original may
  /// carry its own origin reason ("original:agency").
  std::string copy_reason;
  std::optional<int64_t> story_id;  ///< > 0: the clusterer's story number
};

/// A stored fingerprint and where its article stands, as a process loads
/// them into dedup::CopyIndex at start-up (Store::load_fingerprints).
struct StoredFingerprint {
  int64_t article_id = 0;
  std::string_view fingerprint;      ///< dedup::encode_fingerprint's bytes
  std::optional<int64_t> copy_of;    ///< its original, when it is a copy
  std::optional<int64_t> story_id;
};

/// One copy in a re-pointed group (Store::set_original).
struct CopyAssignment {
  int64_t article_id = 0;
  double similarity = 0;
  std::string reason;
};

/// An article as stories and copy lists show it: no text.
struct ArticleRef {
  int64_t id = 0;
  std::string outlet;
  std::string url;  ///< the URL it was read from (else its canonical URL)
  std::string title;
  std::optional<Instant> published_at;
  Instant sort_time{};  ///< published_at, else the fetch time
  std::optional<int64_t> copy_of;
  std::optional<double> similarity;
  std::string copy_reason;
};

struct Story {
  int64_t id = 0;
  std::string headline;  ///< the first reporting article's title
  Instant created_at{};
  std::optional<Instant> first_published_at;    ///< earliest sort_time of its articles
  std::optional<Instant> last_published_at;     ///< latest sort_time of its articles
  int64_t article_count = 0;                    ///< copies included
  int64_t outlet_count = 0;                     ///< distinct outlets, copies included
  std::optional<ArticleRef> first_reported_by;  ///< its earliest original
};

/// A story with its articles, oldest first (sort_time, then id).
struct StoryDetail {
  Story story;
  std::vector<ArticleRef> articles;
};

struct StoryQuery {
  int limit = 50;  ///< 1..1000
  int offset = 0;
  std::optional<int64_t> before_id;  ///< keyset: stories after this one in the order
  std::string sort = "latest";       ///< "latest" (last article first) or "coverage" (outlets)
  std::optional<Instant> since;      ///< only stories with an article at or after this
};

/// What the store knows of an article's copies and story.
struct ArticleRelations {
  std::optional<ArticleRef> copy_of;  ///< its original, when it is a copy
  std::optional<double> similarity;   ///< to that original
  std::string copy_reason;
  std::vector<ArticleRef> copies;  ///< its copies, oldest first
  std::optional<int64_t> story_id;
  std::string story_headline;
  /// Its story's first report; without a story, the original of its copy
  /// group; nullopt when it has neither.
  std::optional<ArticleRef> first_reported_by;
};

/// An article of a story as the clusterer needs it to be replayed at
/// start-up (Store::load_story_assignments).
struct StoryAssignment {
  int64_t article_id = 0;
  int64_t story_id = 0;
  std::string title;
  std::string text;
  std::optional<Instant> published_at;
  std::string language;
};

/// One step of a story's coverage over time.
struct CoverageBucket {
  Instant start{};
  int64_t articles = 0;
  int64_t outlets = 0;  ///< distinct outlets in this bucket
};

struct Coverage {
  int64_t bucket_seconds = 3600;        ///< 3600 (hours) or 86400 (days)
  std::vector<CoverageBucket> buckets;  ///< contiguous, oldest first, empty steps included
};

/// An original of a story with its copies, oldest first.
struct StoryEntry {
  ArticleRef article;
  std::vector<ArticleRef> copies;
};

/// A story's articles (oldest first) with each copy folded under its
/// original; a copy whose original is not in the story is an entry of its
/// own. Entries keep the order of their originals.
std::vector<StoryEntry> fold_copies(const std::vector<ArticleRef>& articles);

/// Articles and outlets per hour, or per day when the story spans more
/// than two days; at most kMaxCoverageBuckets steps (the latest ones;
/// older articles are counted in the first).
Coverage story_coverage(const std::vector<ArticleRef>& articles);
inline constexpr size_t kMaxCoverageBuckets = 96;

}  // namespace tidings
