// Private to people.cc and quotes.cc: the words of titles, roles and speech
// in English news, and small token tests both extractors share.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "facts/facts.h"
#include "facts/people.h"

namespace tidings::facts::words {

enum class RoleClass : uint8_t {
  kNone,
  kHonorific,  ///< "Mr", "Mrs", "Dr", "Sir": taken off a name, no role
  kHead,       ///< a role by itself: "minister", "envoy", "spokesman", "Gen"
  kModifier,   ///< only inside a role: "foreign", "deputy", "special", "former"
};

struct RoleWord {
  RoleClass role = RoleClass::kNone;
  Gender gender = Gender::kUnknown;
};

/// The class of one word, case-insensitive ("President", "president").
RoleWord role_word(std::string_view word);

/// "Iranian" -> "Iran", "Russian" -> "Russia"; empty when not a demonym.
std::string_view country_of_demonym(std::string_view word);

/// True for a country's short name as the demonym table spells it ("Iran").
bool is_country_name(std::string_view word);

/// Lower-cases ASCII letters of `word` into `out` (at most 31 bytes, the rest
/// dropped) and returns a view of it.
std::string_view ascii_lower(std::string_view word, char (&out)[32]);

/// Case-insensitive ASCII equality.
bool iequals(std::string_view a, std::string_view b);

/// The first character is an upper-case letter (any script with case).
bool is_capitalised(std::string_view word);

/// Every letter is upper case and there are at least two: "SNSC", "U.S".
bool is_acronym(std::string_view word);

/// The determiners and possessive pronouns that open a noun phrase.
bool is_determiner(std::string_view word);

/// Auxiliaries and modals, lower case: "had", "was", "would", "may", "did" ...
bool is_auxiliary(std::string_view word);

/// Month and weekday names, which are never surnames when untagged.
bool is_calendar_word(std::string_view word);

/// Per token: the index of the entity covering it, or -1. Entities with
/// token ranges outside the text or disagreeing with their bytes are ignored.
std::vector<int32_t> entity_of_token(const Segmented& text, const std::vector<Entity>& entities);

/// Per token: the index of its sentence.
std::vector<uint32_t> sentence_of_token(const Segmented& text);

/// True when the entity's bytes and token range agree with `text`.
bool entity_is_valid(const Segmented& text, const Entity& e);

}  // namespace tidings::facts::words
