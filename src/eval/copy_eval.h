// Scores copy detection on a CopySet (eval/copy_set.h) by simulating
// ingest: articles arrive in a seeded shuffled order, each is fingerprinted,
// looked up among those before it, joins the group of its best match, and
// the group's original is chosen again (dedup::choose_original).
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "eval/copy_set.h"

namespace tidings::eval {

struct Ratio {
  size_t hit = 0, total = 0;
  double value() const { return total ? double(hit) / total : 1.0; }
};

struct CopyScores {
  std::string matcher;               ///< "minhash" or "simhash<=D"
  size_t articles = 0, copies = 0;
  std::map<std::string, size_t> copies_per_kind;
  // The copy relation over pairs: same predicted group vs same source text.
  size_t positive_pairs = 0, predicted_pairs = 0, true_pairs = 0;
  size_t ambiguous_pairs = 0;        ///< predicted pairs of one wire family or textual copies (not scored)
  size_t ambiguous_text_pairs = 0;   ///< of which pairs of different families whose texts are copies
  size_t story_mate_false = 0;       ///< false pairs of one story (independent reports)
  size_t other_false = 0;            ///< false pairs of different stories
  double precision = 0, recall = 0, f1 = 0;
  std::map<std::string, Ratio> recall_per_kind;  ///< copies grouped with their original
  // The chosen original of each group that holds an original and its copies.
  Ratio original;
  std::map<std::string, Ratio> original_per_evidence;
  std::map<std::string, size_t> reasons;  ///< choose_original's reasons, final groups
  double fingerprint_seconds = 0, lookup_seconds = 0;
};

enum class CopyMatcher { kMinHash, kSimHash };

/// Runs the simulation with the CopyIndex (kMinHash) or a brute-force
/// SimHash scan at Hamming distance <= `simhash_distance` (kSimHash).
CopyScores evaluate_copies(const CopySet& set, uint64_t seed, CopyMatcher matcher, int simhash_distance = 3);

}  // namespace tidings::eval
