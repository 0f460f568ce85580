// Scores of a clustering against gold clusters: pairwise P/R/F1 (over all
// document pairs, as Miranda et al. 2018 report) and BCubed P/R/F1 (Bagga &
// Baldwin 1998). Pure functions: no I/O, no state, safe on any thread.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tidings::eval {

struct PrecisionRecall {
  double precision = 0, recall = 0, f1 = 0;
};

struct ClusterScore {
  PrecisionRecall pairwise, bcubed;
  size_t documents = 0, gold_clusters = 0, predicted_clusters = 0;
};

/// `gold[i]` and `predicted[i]` are document i's gold and predicted
/// cluster. Pairwise: P = pairs together in both / pairs predicted
/// together (1 when none is predicted together), R likewise over gold.
/// BCubed: per document |pred ∩ gold| / |pred| and / |gold|, averaged.
/// Sizes must match; empty input scores all zero.
ClusterScore score_clustering(const std::vector<std::string>& gold, const std::vector<int64_t>& predicted);

/// The MD5 of `text` in lower-case hex (RFC 1321): the document order the
/// ECB+ README asks for.
std::string md5_hex(std::string_view text);

}  // namespace tidings::eval
