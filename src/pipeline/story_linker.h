// Copies and stories at ingest (issue 6; docs/copies.md, docs/stories.md):
// each new article is fingerprinted, matched against the articles stored
// before it, filed as an original or as a copy of one, and put in a story.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "cluster/cluster.h"
#include "core/error.h"
#include "core/types.h"
#include "dedup/dedup.h"
#include "facts/ner.h"
#include "store/store.h"

namespace tidings {

/// The in-memory half of copies and stories: the near-duplicate index, the
/// copy groups and the online clusterer, rebuilt from the store when a
/// process starts (load) and kept in step with it by link(). The store
/// holds the decisions; this holds what is needed to make the next one.
///
/// Thread-safe: link() is serialised by a mutex (the pipeline calls it from
/// the one thread that writes a batch). A batch that rolls back leaves its
/// articles in the index and the clusterer although the store has none of
/// them: the pipeline then fails the run, and the next run reloads.
class StoryLinker {
 public:
  /// Reads every stored fingerprint (and copy relation) and replays the
  /// story assignments of the last story lifetime before the newest story.
  /// The entity tagger that finds the people of each article for the
  /// clusterer is the committed model (NerModel::load_default) unless
  /// `ner` is given; a model that cannot be read is an error, not a
  /// silently worse clustering.
  static Result<std::shared_ptr<StoryLinker>> load(Store& store,
                                                   const cluster::ClusterOptions& options = {},
                                                   std::optional<facts::NerModel> ner = std::nullopt);

  /// Files article `article_id`, just saved in the caller's transaction:
  /// writes its links (and re-points its copy group when it turns out to be
  /// the original, or to join groups), all through `store`.
  /// `outlet` is the name the article is filed under (outlet_name), the
  /// evidence of an agency credit that names it. `people` are its person
  /// mentions (facts::person_mentions of its title and text) when the
  /// caller found them already, off this serialised path; else the
  /// linker's tagger finds them. `restoried`, when given, receives the
  /// other stored articles whose story this changed (copy groups joined),
  /// for the caller to reindex.
  Result<void> link(Store& store, int64_t article_id, const Article& article,
                    const std::string& outlet, const dedup::Fingerprint& fingerprint,
                    const std::vector<std::string>* people = nullptr,
                    std::vector<int64_t>* restoried = nullptr);

  size_t articles() const;  ///< fingerprints in the index

 private:
  StoryLinker(const cluster::ClusterOptions& options, facts::NerModel ner);


  Result<dedup::Fingerprint> stored_fingerprint(Store& store, int64_t article_id);
  /// Files an article by its text: a copy in the group dedup::decide_group
  /// names, else the original of a new group.
  Result<void> file_by_text(Store& store, int64_t article_id, const Article& article,
                            const cluster::ClusterDoc& doc, const std::string& outlet,
                            const dedup::Fingerprint& fp, const std::string& url_key);
  /// `same_page`: it joins because it has the URL key of a member, not by text.
  std::vector<int64_t>* restoried_ = nullptr;  ///< link()'s `restoried`, while it runs
  Result<void> join_group(Store& store, int64_t article_id, const Article& article,
                          const cluster::ClusterDoc& doc, const std::string& outlet,
                          const dedup::Fingerprint& fp, const std::string& url_key, int64_t group_key,
                          const std::vector<int64_t>& merge, bool same_page);
  Result<void> start_group(Store& store, int64_t article_id, const cluster::ClusterDoc& doc,
                           const dedup::Fingerprint& fp, const std::string& url_key);

  mutable std::mutex mutex_;
  facts::NerModel ner_;
  dedup::CopyIndex index_;
  cluster::StoryClusterer clusterer_;
  dedup::CopyGroups groups_;
  std::unordered_map<int64_t, int64_t> story_of_group_;  ///< group key -> its original's story
};

/// The document the clusterer reads for an article: its title, text, time
/// and language, and `people` (facts::person_mentions of title and text).
cluster::ClusterDoc cluster_doc(const Article& article, std::vector<std::string> people);

}  // namespace tidings
