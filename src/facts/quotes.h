// What was said, and by whom: direct quotes in any of the usual marks
// (" " “ ” ‘ ’ « » „ “), split around their attribution ("Such crimes," he
// said, "can be ..."), running over sentences and paragraphs (a paragraph
// that opens a quote without closing it continues in the next one that opens
// with a mark), and indirect quotes with a cue verb ("the ministry said
// that ...", "..., according to officials"). Each quote has its speaker as
// written and resolved: to a person of the article (people.h), pronouns
// ("he said") included, or to an organisation entity, or kept as a nominal
// speaker ("the ministry", "officials"). docs/quotes-people.md.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "facts/facts.h"
#include "facts/people.h"

namespace tidings::facts {

enum class QuoteKind : uint8_t {
  kDirect,    ///< inside quotation marks
  kIndirect,  ///< reported speech with a cue verb, no marks
};

enum class SpeakerKind : uint8_t {
  kNone,          ///< no attribution found
  kPerson,        ///< `person` is set (a name, or a pronoun resolved to a name)
  kOrganization,  ///< `entity` is an ORG or GPE entity ("the Health Ministry", "Israel"),
                  ///< or the one "the ministry" / "it" refers to
  kNominal,       ///< a description only: "the ministry", "officials", "a spokesman"
  kPronoun,       ///< a pronoun no person of the article fits
};

struct Speaker {
  uint32_t start = 0, end = 0;  ///< as written: "Khaji", "he", "the ministry"; empty if none
  SpeakerKind kind = SpeakerKind::kNone;
  int32_t person = -1;  ///< index into People::persons
  int32_t entity = -1;  ///< index into the entities: the speaker's own mention, if tagged
};

struct QuotePart {
  uint32_t start = 0, end = 0;  ///< bytes of the words quoted, marks excluded
};

struct Quote {
  QuoteKind kind = QuoteKind::kDirect;
  uint32_t start = 0, end = 0;   ///< from the first part's start to the last part's end
  std::vector<QuotePart> parts;  ///< one per pair of marks; one for an indirect quote
  std::string text;              ///< the parts joined by a space, white space collapsed
  uint32_t sentence = 0;         ///< index of the sentence where the quote starts
  uint32_t cue_start = 0, cue_end = 0;  ///< "said", "told", "according to"; empty if none
  Speaker speaker;
  /// True when the quote has no attribution of its own and takes the speaker
  /// of the attributed quote just before it (a quote paragraph that goes on).
  bool speaker_inferred = false;
};

/// The quotes of `text`, in text order. `entities` as the tagger gave them,
/// `people` from find_people on the same text and entities. Never fails;
/// linear in the text with bounded look-around whatever the input (1 MB
/// quotes, unbalanced or thousands of marks). Thread-safe, no I/O.
std::vector<Quote> find_quotes(const Segmented& text, const std::vector<Entity>& entities,
                               const People& people);

}  // namespace tidings::facts
