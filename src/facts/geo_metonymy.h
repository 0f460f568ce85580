// Place names used for a government or its officials rather than for the
// place (Markert & Nissim 2007's "place-for-people": "Moscow warned",
// "Washington said", "the Tel Aviv regime"): cues read from the words around
// the name. Private to src/facts/geo*.
#pragma once

#include <cstdint>

#include "facts/facts.h"

namespace tidings::facts {

enum class MetonymyCue : uint8_t {
  kNone,
  kGovernmentNoun,  ///< "the Tel Aviv regime", "the Beijing government": any place
  kSpeechVerb,      ///< "Moscow warned", "Washington has said": only capitals and countries
};

/// The cue around the name at bytes [start, end) of `text`. A name after
/// "in", "at", "from", "of", "near", "to"... is a place ("officials in
/// Moscow said", "a district of Nairobi said").
MetonymyCue metonymy_cue(const Segmented& text, uint32_t start, uint32_t end);

}  // namespace tidings::facts
