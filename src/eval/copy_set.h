// A labelled near-duplicate test set: copies of real originals made with
// the edits republishing makes (site chrome, related links, truncation,
// teasers, house style, ...), beside the independently written articles
// about the same events as hard negatives (`tidings eval copies`,
// docs/copies.md). Deterministic for a seed; no I/O.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "dedup/dedup.h"

namespace tidings::eval {

/// A real article used as an original: an ECB+ document.
struct SourceDocument {
  std::string id;       ///< "1_10ecbplus"
  std::string cluster;  ///< its story: independently written story-mates share it
  std::string title;
  std::string text;     ///< title on the first line, a sentence per line
  std::string url;      ///< its real URL, "" if unknown
};

/// One article of the set, as ingest would see it.
struct CopySetArticle {
  size_t source = 0;        ///< index into CopySet::sources of the text it carries
  std::string kind;         ///< "original" or the edit kind that made it
  std::string evidence;     ///< the group's evidence mode: "source_link", "canonical", "agency", "none"
  std::string text;
  dedup::CopyCandidate candidate;  ///< id left 0: the simulation numbers articles in ingest order
};

struct CopySet {
  std::vector<SourceDocument> sources;
  /// Wire families: sources whose word-5-shingle containment is >= 0.5 (one
  /// agency story carried by two outlets inside the corpus) share a family;
  /// their pairs are ambiguous, neither positives nor negatives.
  std::vector<size_t> family;
  size_t wire_pairs = 0;     ///< such source pairs
  size_t originals = 0;      ///< sources that were given copies
  std::vector<CopySetArticle> articles;  ///< every source once ("original"), then the copies
};

/// The edit kinds, in report order.
const std::vector<std::string>& copy_edit_kinds();

/// Sources of at least this many words get copies (shorter ones are still
/// articles of the set, as negatives).
constexpr size_t kMinOriginalWords = 40;

/// Builds the set: each source of kMinOriginalWords words or more gets
/// `copies_per_original` copies of random kinds (the mixed kind combines
/// several). Related-link blocks take headlines of other topics.
CopySet generate_copy_set(std::vector<SourceDocument> sources, uint64_t seed, size_t copies_per_original = 6);

/// Containment from which two texts are copies for the labels (the ECB+
/// README's 0.5).
constexpr double kWireContainment = 0.5;

/// Word-5-shingle containment of the smaller text in the larger (exact),
/// for labelling wire copies.
double shingle_containment(const std::string& a, const std::string& b);

}  // namespace tidings::eval
