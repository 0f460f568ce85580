// The reference story clusterer the issue measures tidings against: plain
// single-pass TF-IDF centroid clustering (each document joins the most
// similar story by cosine when it reaches the threshold, else starts one),
// comparing with every live story. Kept beside StoryClusterer so the
// evaluation and the benchmark run both in one process.
#pragma once

#include <cstdint>
#include <memory>
#include <unordered_map>

#include "cluster/cluster.h"

namespace tidings::cluster {

struct ReferenceOptions {
  double join_threshold = 0.20;
  /// Document frequencies known before the first document (a batch run's
  /// idf); empty = learnt as documents arrive, as StoryClusterer does.
  std::unordered_map<uint64_t, uint32_t> document_frequencies;
  uint64_t documents = 0;  ///< the count behind document_frequencies
};

class ReferenceClusterer {
 public:
  explicit ReferenceClusterer(ReferenceOptions options = {});
  ~ReferenceClusterer();
  ReferenceClusterer(ReferenceClusterer&&) noexcept;
  ReferenceClusterer& operator=(ReferenceClusterer&&) noexcept;

  int64_t add(const ClusterDoc& doc);  ///< stories numbered 1, 2, ...
  /// Starts a new story with `doc` without comparing it to any (to build a
  /// large state quickly in a benchmark); returns its number.
  int64_t start_story(const ClusterDoc& doc);
  size_t stories() const;
  size_t memory_bytes() const;

  /// The document frequencies of a whole collection, for a batch idf.
  static std::unordered_map<uint64_t, uint32_t> count_frequencies(const std::vector<ClusterDoc>& docs);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace tidings::cluster
