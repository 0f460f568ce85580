// The closed vocabulary of figures.cc (private to it): number words, scale
// words, event verbs and nouns, counted nouns and their normalised keys,
// auxiliaries, currencies and reporting verbs (docs/figures.md lists them).
#pragma once

#include <cstdint>
#include <string_view>

namespace tidings::facts::figures_lexicon {

enum Flag : uint32_t {
  kVerb = 1u << 0,        ///< active event verb before the number: "killing 12"
  kParticiple = 1u << 1,  ///< event after the counted noun: "were killed", "dead", "died"
  kEventNoun = 1u << 2,   ///< a counted event: "45 deaths", "arrests"; "massacre of N"
  kPerson = 1u << 3,      ///< a counted noun of people: "children", "Palestinians"
  kThing = 1u << 4,       ///< a counted noun of things: "homes", "rockets"
  kModifier = 1u << 5,    ///< may stand between number and noun: "Palestinian", "other"
  kAux = 1u << 6,         ///< between noun and participle: "were", "have", "still"
  kSay = 1u << 7,         ///< reporting verb: "said", "reported", "estimated"
  kUnitWord = 1u << 8,    ///< "one" .. "ninety": number = its value
  kScale = 1u << 9,       ///< "hundred", "thousand", "million", "dozen": number = factor
  kVague = 1u << 10,      ///< "dozens", "hundreds", "scores": number = the unit (12, 100, 20)
  kCurrency = 1u << 11,   ///< "dollars", "euros", "USD": key = ISO 4217 code
  kPercent = 1u << 12,    ///< "percent", "pct"
  kFuzzy = 1u << 13,      ///< "several", "few", "many" before a scale: number = factor
  kMonth = 1u << 14,      ///< month names and abbreviations (dates, not figures)
  kTimeNoun = 1u << 15,   ///< "years", "days", "hours": ages and durations, not figures
  kStarter = 1u << 16,    ///< may start a number: "a" (dozen), "half", "US" ($), "A" ($)
};

struct Word {
  uint32_t flags = 0;
  std::string_view key;  ///< event key, subject key or currency code
  double number = 0;
};

/// The entry for `token` compared case-insensitively (ASCII), or nullptr.
const Word* lookup(std::string_view token);

}  // namespace tidings::facts::figures_lexicon
