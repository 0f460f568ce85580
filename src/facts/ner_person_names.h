// Person-name features for the NER tagger (private to src/facts/ner*): lists
// of first names and of name parts (first, middle or family names of any
// culture) shipped inside the model as 32-bit hashes of the lower-cased
// word, as the place names are (ner_gazetteer.h). The lists come from npm
// packages (data/names, docs/ner.md); the weights learn how much a match
// means ("Will", "May" and "Rose" are first names too).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "facts/ner_gazetteer.h"

namespace tidings::facts::ner {

/// What a word is in the person-name lists (bits).
enum PersonNameClass : uint8_t {
  kPersonFirst = 1,    ///< a first name
  kPersonPart = 2,     ///< a part of a person's name (first, middle or family)
  kPersonByParts = 4,  ///< set on a hyphenated word whose parts matched ("Ali-Akbar")
};

/// The list of (word, class bits) entries, words in any case; an empty or
/// overlong word is skipped, duplicates are merged.
NameList person_names(const std::vector<std::pair<std::string, uint8_t>>& entries);

/// The classes of a word given its lower case and the hash_bytes of it: the
/// word's own entry, else for a hyphenated word the union of its parts'
/// classes with kPersonByParts (0 when no part matches).
uint8_t person_name_class(const NameList& names, std::string_view lower, uint64_t lower_hash);

}  // namespace tidings::facts::ner
