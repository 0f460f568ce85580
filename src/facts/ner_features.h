// The NER tagger's features (private to src/facts/ner*): each token's
// static features are hashed once per sentence into buckets of the weight
// table; the features that read the previous tags are added while decoding.
// Training (ner_train.cc) and tagging (ner.cc) share this file so that they
// can never disagree on a feature.
#pragma once

#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "facts/ner.h"
#include "facts/ner_clusters.h"
#include "facts/ner_gazetteer.h"

namespace tidings::facts::ner {

/// 64-bit hash of bytes (FNV-1a, then the splitmix64 finaliser).
uint64_t hash_bytes(std::string_view bytes, uint64_t seed = 0);
inline uint64_t mix(uint64_t a, uint64_t b) {
  uint64_t z = a ^ (b + 0x9E3779B97F4A7C15ULL + (a << 6) + (a >> 2));
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

/// How a word is written.
enum class Case : uint8_t { kNone, kLower, kCapitalised, kAllCaps, kMixed };

/// Words longer than this are read by their shape and length only.
constexpr size_t kMaxWordBytes = 48;

/// Lower-cases UTF-8 (ASCII fast path, ICU for the rest; invalid bytes kept).
void lower_case(std::string_view word, std::string& out);
Case word_case(std::string_view word);

/// The capitalisation statistics of a word in unlabelled news, as a small
/// class (0 = unseen): how often it is capitalised away from a sentence's
/// start. Keys are hash_bytes(lower case word) truncated to 32 bits.
struct CaseTable {
  std::vector<uint32_t> keys;  ///< sorted
  std::vector<uint8_t> classes;
  uint8_t lookup(uint64_t lower_hash) const;
};

/// Counts occurrences to build a CaseTable (ner_train.cc and tests).
class CaseCounter {
 public:
  /// One sentence of unlabelled text, as words, counted `weight` times.
  void add_sentence(const NerWords& words, uint32_t weight = 1);
  CaseTable table(uint32_t min_count) const;

 private:
  std::unordered_map<uint32_t, std::pair<uint32_t, uint32_t>> counts_;  // lower, capitalised
};

/// Per-document memory: how each word (by its lower-case hash) is written
/// away from a sentence's start elsewhere in the document.
class DocumentCases {
 public:
  explicit DocumentCases(const std::vector<NerWords>& sentences);
  /// 0: not seen elsewhere; 1 only capitalised; 2 only lower case; 3 both.
  uint8_t state(uint64_t lower_hash, size_t position, Case own_case) const;

 private:
  std::unordered_map<uint64_t, std::pair<uint16_t, uint16_t>> counts_;  // lower, capitalised
};

/// Per-document memory of the tagger's own answers in earlier sentences
/// (Ratinov & Roth 2009's "extended prediction history"): for each word, by
/// its lower-case hash, the kinds it was tagged as when written with a
/// capital, whether in a name of several words, and whether it was left out
/// of every name while capitalised away from a sentence's start. So a
/// later "Khaji" after "Ali Asghar Khaji", or a lower-case "ahmadian", can
/// take the tag its full mention got.
class DocumentHistory {
 public:
  /// Bits of a word's value: 1 << NerKind for each kind it was tagged as,
  /// then these two.
  static constexpr uint8_t kInLongerName = 0x40, kCapitalisedO = 0x80;
  /// Records a tagged sentence (its TokenKeys and tags, as many of each).
  void add(const struct TokenKeys* keys, const uint8_t* tags, size_t n);
  /// The word's bits so far (0: never seen capitalised).
  uint8_t lookup(uint64_t lower_hash) const {
    if (seen_.empty()) return 0;
    const auto it = seen_.find(lower_hash);
    return it == seen_.end() ? 0 : it->second;
  }

 private:
  std::unordered_map<uint64_t, uint8_t> seen_;
};

/// Static features per token.
constexpr int kStaticFeatures = 46;
/// Features that read the previous tag (first-order, for Viterbi decoding).
constexpr int kDynamicFeatures = 3;

/// What the dynamic features need of each token.
struct TokenKeys {
  uint64_t lower = 0, shape = 0;
  Case casing = Case::kNone;
};

/// Fills `out` with words.size() * kStaticFeatures hashes and `keys` with
/// one TokenKeys per word.
/// `persons` is the person-name list (ner_person_names.h), `history` the
/// tags of the document's earlier sentences.
void static_features(const NerWords& words, const CaseTable& cases, const ClusterTable& clusters,
                     const NameList& names, const NameList& persons, const DocumentCases& doc,
                     const DocumentHistory& history, std::vector<uint64_t>& out, std::vector<TokenKeys>& keys);

/// The previous tag alone: the same for every token (a transition weight).
inline uint64_t transition_feature(uint8_t prev) { return mix(0xD1000 + prev, 1); }
/// The previous tag with the word and with its shape.
inline void token_transition_features(const TokenKeys& k, uint8_t prev, uint64_t* out) {
  const uint64_t p1 = 0xD1000 + prev;
  out[0] = mix(k.lower, mix(p1, 3));
  out[1] = mix(k.shape, mix(p1, 4));
}
inline void dynamic_features(const TokenKeys& k, uint8_t prev, uint64_t* out) {
  out[0] = transition_feature(prev);
  token_transition_features(k, prev, out + 1);
}

/// Whether `tag` may follow `prev` (an I-k only after B-k or I-k).
inline bool allowed(uint8_t prev, uint8_t tag) {
  if (tag == kTagO || is_begin(tag)) return true;
  return prev == tag || prev + 1 == tag;
}

}  // namespace tidings::facts::ner
