// Stories: online clustering of articles into stories as they stream in
// (DESIGN.md "cluster").
//
// Articles arrive in publication order; each is assigned at once to the
// story it is most similar to, or starts a new one. There is no batch
// re-clustering: a story's assignment never changes afterwards. Similarity
// is over TF-IDF weights of normalised (stemmed) words with the title
// weighted up, plus the names, numbers and places an article mentions, and
// a story fades with the time since its last article.
//
// The same algorithm and settings run at ingest and in `tidings cluster`.
// A StoryClusterer is not thread-safe; one owner feeds it in order.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/time.h"

namespace tidings::cluster {

struct ClusterDoc {
  std::string title;
  std::string text;
  std::optional<Instant> published_at;  ///< unset: taken as the latest time seen
  std::string language;                 ///< ISO 639-1, "" = unknown (stemming by language)
  /// Names of the people, organisations and places the document mentions,
  /// when a tagger has found them (the facts stage). They join the names
  /// the clusterer reads from capitalisation and numbers in the text.
  std::vector<std::string> entities;
  /// The people it names, one entry per mention, each by the full name
  /// the facts stage linked the mention to ("Ali Asghar Khaji" for a later
  /// "Khaji"). A story whose main person the document never names is
  /// another event of the same kind (docs/stories.md).
  std::vector<std::string> people;
};

struct ClusterOptions {
  /// A story with no new article for this long takes no more (it has
  /// faded); 0 = never.
  int64_t story_lifetime_seconds = 7 * 24 * 3600;
  /// Similarity at or above which a document joins a story. Tuned on the
  /// ECB+ dev topics; see docs/stories.md.
  double join_threshold = -1;  ///< < 0 = the built-in default
  /// How many times a title word counts (< 0 = the built-in default).
  double title_weight = -1;
  /// Share of the similarity that comes from names and numbers rather than
  /// all words, in [0, 1] (< 0 = the built-in default).
  double name_share = -1;
  /// Share of the similarity that comes from the closest member rather
  /// than the story's centroid, in [0, 1] (< 0 = the built-in default).
  double member_share = -1;
  /// The score is multiplied by (1 - people_penalty) when the story's main
  /// person is not named by the document (< 0 = the built-in default).
  double people_penalty = -1;
  /// The score is multiplied by (1 - own_person_penalty) when the
  /// document's own main person (the one it names most, at least twice) is
  /// never named by a story of two articles or more (< 0 = the built-in
  /// default).
  double own_person_penalty = -1;
  /// The score is multiplied by (1 - year_penalty) when the document and
  /// the story both name years (1900-2099) and share none (< 0 = the
  /// built-in default).
  double year_penalty = -1;
};

/// Why `add` chose what it did (for evaluation and tuning).
struct Decision {
  int64_t story = 0;           ///< the story it went to
  int64_t best = 0;            ///< the best-scoring live story, 0 when none was a candidate
  double score = 0;            ///< that story's score (joined when >= join_threshold)
  bool missed_person = false;  ///< that story's main person went unnamed (people_penalty applied)
  bool missed_own_person = false;  ///< the story never names the document's main person (own_person_penalty applied)
  bool missed_year = false;    ///< both named years and shared none (year_penalty applied)
};

/// The options with every default filled in (what `add` uses).
ClusterOptions resolved(ClusterOptions options);

class StoryClusterer {
 public:
  explicit StoryClusterer(ClusterOptions options = {});
  ~StoryClusterer();
  StoryClusterer(StoryClusterer&&) noexcept;
  StoryClusterer& operator=(StoryClusterer&&) noexcept;

  /// Assigns `doc` to a story and returns the story's number (stories are
  /// numbered 1, 2, ... in the order they start).
  /// `why`, when given, is filled with the reasons.
  int64_t add(const ClusterDoc& doc, Decision* why = nullptr);
  /// Adds `doc` to story `story` without deciding: a copy joins its
  /// original's story, and a process restoring its state from the store
  /// replays the stored assignments. `story` may be new (any number > 0);
  /// later new stories are numbered above every number seen.
  void add_to(const ClusterDoc& doc, int64_t story);
  /// New stories are numbered above `number` from now on: a clusterer
  /// restored from a window of recent articles must not reuse the number
  /// of an older story it has not seen.
  void number_stories_above(int64_t number);

  size_t live_stories() const;  ///< stories that have not faded
  size_t memory_bytes() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace tidings::cluster
