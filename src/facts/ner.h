// Named entities (PER, ORG, LOC) with a structured averaged-perceptron tagger
// (Collins 2002) decoded by Viterbi over BIO tags, over hashed features
// (Ratinov & Roth 2009 for the feature set): word, case, shape, affixes, a
// ±2 window, the previous tag, how often the word is capitalised in
// unlabelled news, its cluster of words used alike in unlabelled news, the
// place names of the gazetteer (three tables shipped in the model) and
// whether the document writes the word capitalised elsewhere.
// docs/ner.md has the data, the scores and the model format.
//
// The model is trained (ner_train.h) on corpora with different conventions,
// so it knows a few more kinds than it reports: titles ("President" before a
// name, inside the person in GMB), nationalities ("Iranian") and
// miscellaneous names. tag() drops them; the token-level API keeps them so
// that an evaluation can rebuild a corpus' own convention.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "facts/facts.h"

namespace tidings::facts {

/// What the tagger can label. The first three are the public entities.
enum class NerKind : uint8_t {
  kPer,
  kOrg,
  kLoc,    ///< places, countries and cities alike (GPE is not kept apart)
  kNorp,   ///< nationalities, religious and political groups ("Iranian", "Sunni")
  kTitle,  ///< a title or office right before a name ("President", "Foreign Minister")
  kMisc,   ///< other names (events, works, products)
};
constexpr int kNerKinds = 6;
/// BIO tags: 0 is O, 1 + 2k is B-k, 2 + 2k is I-k.
constexpr int kNerTags = 1 + 2 * kNerKinds;
constexpr uint8_t kTagO = 0;
inline uint8_t begin_tag(NerKind k) { return static_cast<uint8_t>(1 + 2 * static_cast<int>(k)); }
inline uint8_t inside_tag(NerKind k) { return static_cast<uint8_t>(2 + 2 * static_cast<int>(k)); }
inline NerKind tag_kind(uint8_t tag) { return static_cast<NerKind>((tag - 1) / 2); }
inline bool is_begin(uint8_t tag) { return tag != kTagO && (tag - 1) % 2 == 0; }
/// "PER", "ORG", "LOC", "NORP", "TITLE", "MISC".
const char* ner_kind_name(NerKind kind);

/// One sentence as words, the token-level input of the tagger.
using NerWords = std::vector<std::string_view>;

/// A span of tokens [first, first + count) of one kind, from BIO tags.
struct NerSpan {
  uint32_t first = 0, count = 0;
  NerKind kind = NerKind::kPer;
};
/// The spans of a BIO tag sequence, read as conlleval does (an I- after O
/// or after another kind starts a span).
std::vector<NerSpan> ner_spans(const std::vector<uint8_t>& tags);

struct NerWeights;  // ner_model.h

/// A loaded model: immutable, cheap to copy (shared), and safe to use from
/// any number of threads at once.
class NerModel {
 public:
  NerModel();
  explicit NerModel(std::shared_ptr<const NerWeights> weights);

  /// Reads a model file (docs/ner.md "Model file"). kNotFound, kIo, or
  /// kInvalidInput for a file that is not a model of this version.
  static Result<NerModel> load(const std::string& path);
  /// The committed model: $TIDINGS_MODELS/ner/ner.model when that variable
  /// is set, else models/ner/ner.model in the source tree this binary was
  /// built from.
  static Result<NerModel> load_default();
  static Result<NerModel> from_bytes(std::string_view bytes);
  /// The model file's bytes (zstd; the same model gives the same bytes).
  std::string to_bytes() const;

  /// Tags the sentences of one document in order (the document features
  /// look at all of them). Returns one tag per word. Words longer than a
  /// few dozen bytes count by their shape only; any bytes are accepted.
  std::vector<std::vector<uint8_t>> tag_document(const std::vector<NerWords>& sentences) const;

  /// The PER, ORG and LOC entities of a segmented text (one document).
  std::vector<Entity> tag(const Segmented& text) const;

  bool empty() const { return weights_ == nullptr; }
  /// Rows of weights kept and words in the capitalisation table.
  size_t weight_rows() const;
  size_t case_words() const;
  /// Words with a cluster.
  size_t cluster_words() const;

 private:
  std::shared_ptr<const NerWeights> weights_;
};

/// Where load_default() looks.
std::string default_ner_model_path();

}  // namespace tidings::facts
