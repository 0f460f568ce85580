// Word clusters for the NER tagger (private to src/facts/ner*): words that
// occur in the same contexts of unlabelled text share a path in a binary
// tree, and prefixes of the path are features (as Brown clusters are in
// Ratinov & Roth 2009), so that a word seen in unlabelled news but never in
// the labelled data still looks like the words it is used like.
//
// The tree is learnt by bisecting k-means (Steinbach et al. 2000) on word
// vectors: pre-trained ones (GloVe, through clusters_from_vectors: what the
// shipped model uses), or each frequent word's contexts in the given text,
// its left and right neighbours among the most frequent words, weighted by
// positive PMI and reduced by a fixed random projection (Achlioptas 2003).
// Deterministic: the same input gives the same table.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "facts/ner.h"
#include "facts/ner_key_index.h"

namespace tidings::facts::ner {

/// A word's path: a leading 1 bit, then one bit per level (root = 1).
/// 0 is "no cluster" (a rare or unseen word).
struct ClusterTable {
  std::vector<uint32_t> keys;  ///< sorted; 32 bits of hash_bytes(lower case word)
  std::vector<uint16_t> paths;
  /// Builds the hash index lookup() reads (after keys and paths are set;
  /// the functions below that make a table call it).
  void index();
  uint16_t lookup(uint64_t lower_hash) const;

 private:
  KeyIndex index_;
};

/// The first `length` bits of a path (the whole path when it is shorter).
inline uint16_t path_prefix(uint16_t path, int length) {
  int depth = 0;
  for (uint16_t p = path; p > 1; p >>= 1) ++depth;
  return depth <= length ? path : static_cast<uint16_t>(path >> (depth - length));
}

struct ClusterOptions {
  uint32_t min_count = 3;     ///< words seen fewer times get no cluster
  uint32_t context_words = 800;
  uint32_t dimensions = 64;   ///< of the random projection
  int depth = 14;             ///< at most 15 (paths are 16 bits)
  uint32_t min_leaf = 3;      ///< a node with fewer words is not split
  int iterations = 8;         ///< of each 2-means
};

/// Learns the clusters of the words of `sentences` (lower-cased).
ClusterTable learn_word_clusters(const std::vector<NerWords>& sentences, const ClusterOptions& options);

/// The clusters of given word vectors (`d` floats per word, words most
/// frequent first): the same bisecting tree over the unit vectors.
ClusterTable clusters_from_vectors(const std::vector<std::string>& words, std::vector<float> vectors, uint32_t d,
                                   const ClusterOptions& options);

}  // namespace tidings::facts::ner
