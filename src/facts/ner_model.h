// The NER model's weights in memory (private to src/facts/ner*): a hashed
// feature table of 2^bits buckets, of which only the buckets that carry
// weight have a row of kNerTags weights, each row stored as int8 times a
// per-row scale (docs/ner.md "Model file").
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "facts/ner.h"
#include "facts/ner_features.h"

namespace tidings::facts {

struct NerWeights {
  uint32_t bits = 0;
  std::vector<uint32_t> row_of;  ///< per bucket: 0 = no weight, else 1 + row index
  std::vector<float> scales;     ///< per row
  std::vector<int8_t> quantized; ///< kNerTags per row
  std::vector<float> rows;       ///< scales[r] * quantized[r][t], kept for speed
  ner::CaseTable cases;
  ner::ClusterTable clusters;
  ner::NameList names;
  ner::NameList persons;  ///< ner_person_names.h

  uint32_t bucket(uint64_t feature) const { return static_cast<uint32_t>(feature >> (64 - bits)); }
  /// Adds the row of `feature` (if any) to `scores`.
  void add(uint64_t feature, float* scores) const {
    const uint32_t r = row_of[bucket(feature)];
    if (r == 0) return;
    const float* w = &rows[size_t(r - 1) * kNerTags];
    for (int t = 0; t < kNerTags; ++t) scores[t] += w[t];
  }
};

namespace ner {

/// Builds weights from a dense table (bits buckets x kNerTags floats):
/// rows whose largest weight is below `min_weight` are dropped, the rest
/// quantized to int8 with a per-row scale.
NerWeights compress_weights(const std::vector<float>& dense, uint32_t bits, float min_weight,
                            CaseTable cases, ClusterTable clusters, NameList names, NameList persons);

/// States kept at each word by viterbi().
constexpr int kBeam = 3;

/// First-order Viterbi decoding of one sentence (n tokens, their static
/// features and keys): the tag sequence allowed by BIO with the highest
/// score, searched with a beam of kBeam states. `add(feature, scores)` adds
/// a feature's kNerTags weights to `scores`; training and tagging pass their
/// own tables. Ties go to the lower tag, so the result is deterministic.
template <class Add>
void viterbi(const uint64_t* features, const TokenKeys* keys, size_t n, const Add& add,
             std::vector<uint8_t>& back, std::vector<uint8_t>& tags) {
  tags.assign(n, kTagO);
  if (n == 0) return;
  constexpr float kNone = -3e38f;
  float transition[kNerTags][kNerTags] = {};  // [previous][tag]
  for (uint8_t p = 0; p < kNerTags; ++p) add(transition_feature(p), transition[p]);
  back.assign(n * kNerTags, kTagO);
  float score[kNerTags], next[kNerTags];
  for (int t = 0; t < kNerTags; ++t) score[t] = kNone;
  score[kTagO] = 0;  // before the first word: O
  for (size_t i = 0; i < n; ++i) {
    float emit[kNerTags] = {};
    const uint64_t* f = features + i * kStaticFeatures;
    for (int k = 0; k < kStaticFeatures; ++k) add(f[k], emit);
    for (int t = 0; t < kNerTags; ++t) next[t] = kNone;
    uint8_t* from = &back[i * kNerTags];
    // Only the kBeam best states are extended (a beam over the lattice):
    // each costs two weight lookups a word, and the others almost never win.
    uint8_t order[kNerTags];
    int alive = 0;
    for (uint8_t p = 0; p < kNerTags; ++p)
      if (score[p] != kNone) order[alive++] = p;
    // Selection of the best kBeam (ties to the lower tag).
    for (int a = 0; a < std::min(alive, kBeam); ++a) {
      int best = a;
      for (int b = a + 1; b < alive; ++b)
        if (score[order[b]] > score[order[best]] || (score[order[b]] == score[order[best]] && order[b] < order[best]))
          best = b;
      std::swap(order[a], order[best]);
    }
    alive = std::min(alive, kBeam);
    for (int a = 0; a < alive; ++a) {
      const uint8_t p = order[a];
      float row[kNerTags];
      for (int t = 0; t < kNerTags; ++t) row[t] = transition[p][t];
      uint64_t dynamic[2];
      token_transition_features(keys[i], p, dynamic);
      add(dynamic[0], row);
      add(dynamic[1], row);
      for (uint8_t t = 0; t < kNerTags; ++t) {
        if (!allowed(p, t)) continue;
        const float v = score[p] + row[t];
        if (v > next[t]) {
          next[t] = v;
          from[t] = p;
        }
      }
    }
    for (int t = 0; t < kNerTags; ++t) score[t] = next[t] == kNone ? kNone : next[t] + emit[t];
  }
  uint8_t best = kTagO;
  for (uint8_t t = 1; t < kNerTags; ++t)
    if (score[t] > score[best]) best = t;
  for (size_t i = n; i-- > 0;) {
    tags[i] = best;
    best = back[i * kNerTags + best];
  }
}

}  // namespace ner
}  // namespace tidings::facts
