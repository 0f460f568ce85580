// Private to quotes.cc: cue verbs ("said", "according to") and the speaker
// next to them, found and resolved to a person or an entity.
#pragma once

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "facts/facts.h"
#include "facts/people.h"
#include "facts/quotes.h"

namespace tidings::facts {

enum class CueKind : uint8_t {
  kNone,
  kClause,      ///< takes what was said as a clause: "said (that) ...", "warned"
  kObject,      ///< takes it as an object: "denied the claims", "called for an end"
  kAccording,   ///< "according to" SPEAKER
};

struct Cue {
  CueKind kind = CueKind::kNone;
  uint32_t first = 0, last = 0;  ///< tokens [first, last): "said", "called for"
  bool participle = false;       ///< "saying", "calling for": the subject is the sentence's
  bool tell = false;             ///< "told": an addressee may follow ("told reporters")
};

/// Looks into one text's tokens around cue verbs. Holds views of its inputs.
class SpeakerFinder {
 public:
  SpeakerFinder(const Segmented& text, const std::vector<Entity>& entities, const People& people);

  /// The cue starting at token t, or kind kNone.
  Cue cue_at(uint32_t t) const;

  /// The speaker ending right before the cue at token `cue` ("Khaji said",
  /// "the ministry also said", "Khaji, a senior aide ..., said"); not
  /// before token `floor`. kind kNone when there is none.
  Speaker before(uint32_t cue, uint32_t floor) const;
  /// The first token of the speaker `before` found (valid when found).
  uint32_t before_first_token(const Speaker& s) const;

  /// The speaker starting at token `at` ("said Khaji", "according to
  /// officials", "said Foreign Minister X"), not reaching `limit`; `*next`
  /// gets the token after it.
  Speaker after(uint32_t at, uint32_t limit, uint32_t* next) const;

  /// The subject of the sentence that opens at token `floor`, for a
  /// participle cue at token `cue` ("Khaji blamed ..., saying").
  Speaker subject(uint32_t floor, uint32_t cue) const;

  const std::vector<int32_t>& entity_of_token() const { return ent_; }
  const Entity& entity(int32_t e) const { return entities_[static_cast<size_t>(e)]; }

  /// The byte spans of the direct quotes, sorted: a pronoun after a quote
  /// never refers to a name inside it ("“I met Putin,” he said").
  void set_quoted(std::vector<std::pair<uint32_t, uint32_t>> spans) { quoted_ = std::move(spans); }

 private:
  Speaker entity_speaker(int32_t entity, uint32_t first, uint32_t last) const;
  /// The first token that starts at or after byte `byte` (logarithmic).
  uint32_t token_from(uint32_t byte) const;
  Speaker pronoun(uint32_t t) const;
  Speaker nominal_before(uint32_t last, uint32_t floor) const;
  bool inside_quote(uint32_t at) const;
  /// A nominal speaker in tokens [first, end): to its ORG entity, or "the
  /// envoy" / "the ministry" to the person or organisation named so before.
  void resolve_nominal(Speaker& sp, uint32_t first, uint32_t end) const;
  /// "the minister said": the latest person whose role has that head word.
  int32_t person_with_role(std::string_view head, uint32_t before) const;
  /// "the ministry said": the latest organisation whose name ends with it.
  int32_t organization_named(std::string_view head, uint32_t before) const;

  const Segmented& text_;
  const std::vector<Entity>& entities_;
  const People& people_;
  std::vector<int32_t> ent_;
  std::vector<std::pair<uint32_t, uint32_t>> quoted_;
  std::vector<int32_t> organizations_;  ///< valid ORG entities, by start
};

}  // namespace tidings::facts
