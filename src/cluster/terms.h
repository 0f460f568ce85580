// A document as weighted terms, the features the story clusterers compare:
// ICU word segmentation (any script), case folding, Snowball stemming by
// language, and a second channel of names, numbers and entities.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "cluster/cluster.h"

namespace tidings::cluster {

/// A term is the 64-bit FNV-1a hash of its channel and its normalised text;
/// collisions at this width are rare enough not to matter for similarity.
using TermId = uint64_t;

struct Term {
  TermId id = 0;
  float weight = 0;
};
/// Sorted by id, one entry per term, so two vectors meet by a merge.
using TermVector = std::vector<Term>;

struct DocTerms {
  /// Every word, case folded and stemmed: 1 + ln(tf), a title word counting
  /// `title_weight` times.
  TermVector words;
  /// Capitalised name sequences (each word and the whole sequence), numbers
  /// and the caller's entities, unstemmed: the same sublinear tf.
  TermVector names;
  /// Years the text mentions (four-digit numbers 1900-2099), sorted, once each.
  std::vector<int> years;
};

/// Turns documents into DocTerms. Holds an ICU word iterator and the
/// stemmers it has opened; not thread-safe (one per clusterer).
class TermExtractor {
 public:
  TermExtractor();
  ~TermExtractor();
  TermExtractor(TermExtractor&&) noexcept;
  TermExtractor& operator=(TermExtractor&&) noexcept;

  DocTerms extract(const ClusterDoc& doc, double title_weight);
  /// Lower-case words only, unstemmed, raw counts (the reference
  /// clusterer's plain bag of words).
  TermVector plain_words(const ClusterDoc& doc);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

TermId term_id(char channel, std::string_view text);

/// The key of a person's name: its last word, case folded, as a term of the
/// names channel ("Ali Asghar Khaji" and "KHAJI" are one key, and a
/// document naming "Khaji" without a tagger has it among its names).
TermId person_key(std::string_view name);

}  // namespace tidings::cluster
