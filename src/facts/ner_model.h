// The NER model's weights in memory (private to src/facts/ner*): a hashed
// feature table of 2^bits buckets, of which only the buckets that carry
// weight have a row of kNerTags weights, each row stored as int8 times a
// per-row scale (docs/ner.md "Model file").
#pragma once

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
                            CaseTable cases);

/// The best tag allowed after `prev` (ties go to the lower tag).
inline uint8_t best_tag(const float* scores, uint8_t prev) {
  uint8_t best = kTagO;
  float best_score = scores[kTagO];
  for (uint8_t t = 1; t < kNerTags; ++t) {
    if (scores[t] > best_score && allowed(prev, t)) {
      best = t;
      best_score = scores[t];
    }
  }
  return best;
}

}  // namespace ner
}  // namespace tidings::facts
