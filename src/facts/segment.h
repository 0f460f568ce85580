// Sentences and tokens of news text with ICU's break iterators (UAX #29),
// adjusted for news typography: "8,796" and "3.5" are one token, "al-Aqsa"
// is one word, "Iran's" is "Iran" plus the clitic "'s" (as the Penn Treebank
// and the NER training data split it), and no sentence ends after "Mr.",
// "Gen." or "U.S." before a name.
#pragma once

#include <string_view>

#include "facts/facts.h"

namespace tidings::facts {

/// Segments `text` (UTF-8; invalid bytes are kept inside tokens and never
/// read past). Reads at most kMaxTextBytes. Never fails: an empty text has
/// no sentences. Thread-safe (each call has its own ICU iterators).
Segmented segment(std::string_view text);

}  // namespace tidings::facts
