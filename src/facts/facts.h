// The facts stage's shared vocabulary: the spans every extractor reads and
// writes (DESIGN.md "Fact"). Each extractor has its own header beside this
// one (segment.h, ner.h, people.h, geo.h, dates.h, quotes.h, figures.h); this
// file holds only what they all share, so that they can be built apart.
//
// Offsets are byte offsets into the UTF-8 text the caller passed, half-open
// [start, end). The text must outlive every view into it. Commands that print
// JSON convert them to code-point offsets (docs/facts.md).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace tidings::facts {

/// Longest text the facts pass reads; the rest is ignored (and said so by
/// the callers that print facts). Bounds the time and memory of every
/// extractor on hostile input.
constexpr size_t kMaxTextBytes = 4u << 20;

enum class TokenKind : uint8_t {
  kWord,         ///< letters (and marks, hyphens and apostrophes inside: "al-Aqsa", "O'Brien")
  kNumber,       ///< starts with a digit: "8,796", "3.5", "2023", "7th", "10:30"
  kPunctuation,  ///< one punctuation or symbol character: "," "\u201c" "%" "$"
  kOther,        ///< a character of a script written without spaces (Han, Thai ...), emoji
};

struct Token {
  uint32_t start = 0;  ///< byte offset of the first byte
  uint32_t end = 0;    ///< byte offset one past the last byte
  TokenKind kind = TokenKind::kWord;
  bool space_before = false;  ///< whitespace (or the text's start) precedes it
  bool possessive = false;    ///< the clitic "'s" / "\u2019s" split from the word before it
};

struct Sentence {
  uint32_t start = 0, end = 0;   ///< bytes, trailing whitespace excluded
  uint32_t first_token = 0;      ///< index into Segmented::tokens
  uint32_t token_count = 0;
};

/// A text cut into sentences and tokens (segment.h). Views `text`.
struct Segmented {
  std::string_view text;
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;

  std::string_view token_text(size_t i) const {
    return text.substr(tokens[i].start, tokens[i].end - tokens[i].start);
  }
  std::string_view sentence_text(size_t i) const {
    return text.substr(sentences[i].start, sentences[i].end - sentences[i].start);
  }
};

enum class EntityType : uint8_t {
  kPerson,        ///< PER
  kOrganization,  ///< ORG
  kLocation,      ///< LOC: places that are not polities (rivers, regions, the Gaza Strip)
  kGpe,           ///< GPE: countries, cities, states; scored as LOC where a scheme has no GPE
};

/// "PER", "ORG", "LOC", "GPE".
const char* entity_type_name(EntityType type);

/// One entity mention, as the tagger found it.
struct Entity {
  uint32_t start = 0, end = 0;      ///< bytes into the text
  uint32_t first_token = 0, token_count = 0;
  EntityType type = EntityType::kPerson;
};

}  // namespace tidings::facts
