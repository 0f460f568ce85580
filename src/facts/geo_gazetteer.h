// The loaded gazetteer (private to src/facts/geo*): its places, and the
// index from folded names to them. The file format is docs/geo.md "The
// gazetteer file"; scripts/build_gazetteer.py writes it.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "facts/geo.h"

namespace tidings::facts {

constexpr uint32_t kNoPlace = 0xFFFFFFFFu;

enum class NameKind : uint8_t {
  kName,          ///< the place's own name
  kAlternate,     ///< official name, other spelling, former name ("Zaire")
  kAbbreviation,  ///< "UK", "USA", "NSW": matches only when the text writes it in capitals
  kDemonym,       ///< "Iranian", "Israelis"
  kCode,          ///< two-letter division codes ("TX"): only right after a comma, "Paris, TX"
};

enum PlaceFlags : uint8_t {
  kCapital = 1,    ///< GeoNames PPLC: a country's capital
  kAdminSeat = 2,  ///< GeoNames PPLA: seat of a first-level division
};

/// One place as stored (32 bytes in the file).
struct PlaceRecord {
  uint32_t name = 0;      ///< offset into the string pool
  uint32_t id = 0;        ///< cities: the GeoNames id; others: offset of the id string
  int32_t lat_e5 = 0, lon_e5 = 0;
  uint32_t population = 0;
  uint32_t admin = kNoPlace;    ///< index of its first-level division
  uint32_t country = kNoPlace;  ///< index of its country (itself for a country)
  char country_code[2] = {'-', '-'};
  PlaceClass feature = PlaceClass::kCity;
  uint8_t flags = 0;

  double lat() const { return lat_e5 / 1e5; }
  double lon() const { return lon_e5 / 1e5; }
};

/// A name's entry point into the places.
struct NameMatch {
  uint32_t place = 0;
  NameKind kind = NameKind::kName;
};

class Gazetteer {
 public:
  /// Validates and indexes a whole file's bytes.
  static Result<std::shared_ptr<const Gazetteer>> parse(std::string bytes);

  const PlaceRecord& record(uint32_t i) const { return places_[i]; }
  size_t place_count() const { return places_.size(); }
  size_t name_count() const { return names_.size(); }
  std::string_view string_at(uint32_t offset) const;
  /// A record as the public Place (confidence 0).
  Place place(uint32_t i) const;

  /// Every name whose folded form equals fold_name(`folded`): `folded` must
  /// already be folded. Matches of abbreviations are returned too; the
  /// caller checks the text's capitals.
  std::vector<NameMatch> find(std::string_view folded) const;

 private:
  struct Key {
    uint64_t hash;
    uint32_t name;  ///< index into names_
  };
  struct Name {
    uint32_t folded_offset, folded_length;  ///< into folded_
    uint32_t place;
    NameKind kind;
  };
  std::string bytes_;
  std::string_view pool_;
  std::vector<PlaceRecord> places_;
  std::vector<Name> names_;
  std::string folded_;
  std::vector<Key> index_;
};

/// The key names are matched by: case folded, accents and marks removed,
/// hyphens and slashes as spaces, dots and apostrophes dropped, spaces
/// collapsed, "St"/"Mt"/"Ft" spelled out ("St. Marc" = "Saint-Marc",
/// "Côte d'Ivoire" = "Cote d’Ivoire", "U.S." = "US").
std::string fold_name(std::string_view name);

}  // namespace tidings::facts
