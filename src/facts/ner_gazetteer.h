// Gazetteer features for the NER tagger (private to src/facts/ner*): the
// names of the geocoder's places (build/data/gazetteer.bin, docs/geo.md:
// countries, regions, first-level divisions, cities) as a list of word
// sequences shipped inside the model, and the longest match at each word
// (Ratinov & Roth 2009). The weights learn how much a match means: "Of" and
// "Mobile" are towns too.
#pragma once

#include <cstdint>
#include <vector>

#include "facts/ner.h"
#include "facts/ner_key_index.h"

namespace tidings::facts {
class Gazetteer;
}

namespace tidings::facts::ner {

/// What a name is (bits; a name may be several).
enum NameClass : uint8_t {
  kNameCountry = 1,    ///< a country or territory
  kNameRegion = 2,     ///< a continent, region or sea
  kNameAdmin = 4,      ///< a first-level division
  kNameBigCity = 8,    ///< a city of 100,000 people or more
  kNameCity = 16,      ///< a town of kMinTownPopulation or more
};
constexpr uint32_t kMinTownPopulation = 5000;
/// Longest name matched, in words.
constexpr int kMaxNameWords = 4;

/// In a class byte: a longer name starts with these words.
constexpr uint8_t kNamePrefix = 0x80;

/// Names as the 32-bit keys of their lower-cased words (kNameSeed), and the
/// first words of longer names (kNamePrefix).
struct NameList {
  std::vector<uint32_t> keys;  ///< sorted
  std::vector<uint8_t> classes;
  /// Builds the hash index lookup() reads (after keys and classes are set).
  void index();
  uint8_t lookup(uint64_t key) const;
  bool empty() const { return keys.empty(); }

 private:
  KeyIndex index_;
};

/// The key of a name: words' hash_bytes(lower case) chained by mix from
/// kNameSeed.
constexpr uint64_t kNameSeed = 0x6A27E11ULL;

/// The place names of a gazetteer (each place's own name; names of more
/// than kMaxNameWords words are left out).
NameList place_names(const Gazetteer& gazetteer);

/// Per word of a sentence (given the hashes of its lower-cased words): 0,
/// or the classes of the longest name that covers it times 4 plus 1 for its
/// first word, 2 for a later one. Names are matched left to right, longest
/// first.
void match_names(const NameList& names, const std::vector<uint64_t>& lower_hashes, std::vector<uint16_t>& out);

}  // namespace tidings::facts::ner
