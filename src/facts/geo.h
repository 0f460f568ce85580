// Places geocoded: the toponyms of a text (the tagger's LOC/GPE entities, or
// gold spans) resolved to points of a gazetteer built from GeoNames,
// world-countries and ISO 3166 (docs/geo.md). Each name's candidates are
// ranked by kind of place and population and by the other places of the
// same document ("Paris, Texas"; a city of a country named elsewhere); names
// used for their government ("Moscow warned", "the Tel Aviv regime") are
// flagged as metonymic but still linked to their country.
//
// Thread safety: a loaded Gazetteer is immutable; any number of threads may
// call resolve_places on it at once. Nothing here prints or throws.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "facts/facts.h"

namespace tidings::facts {

enum class PlaceClass : uint8_t {
  kContinent,  ///< "Asia", "the Americas"
  kRegion,     ///< seas, regions and territories: "Middle East", "Gaza Strip", "Pacific"
  kCountry,    ///< ISO 3166-1 countries and territories
  kAdmin,      ///< first-level divisions: "Texas", "New South Wales", "Hubei"
  kCity,       ///< populated places of 1,000 people or more
};

/// "continent", "region", "country", "admin", "city".
const char* place_class_name(PlaceClass feature);

struct Place {
  std::string name;          ///< the gazetteer's name ("Türkiye" for "Turkey")
  std::string id;            ///< "geonames:2988507", "iso3166:FR", "admin1:US.TX", "region:middle-east"
  std::string country_code;  ///< ISO 3166-1 alpha-2; empty for continents and regions across countries
  double lat = 0, lon = 0;   ///< WGS84 degrees
  PlaceClass feature = PlaceClass::kCity;
  uint64_t population = 0;   ///< cities: GeoNames; countries and admins: the sum of their cities
  double confidence = 0;     ///< 0..1: how clearly this candidate beat the others
  bool metonymic = false;    ///< used for its government ("Moscow warned"): linked to the country, not a point to pin
  bool demonym = false;      ///< the text named it by its people ("Iranian" -> Iran)
};

class Gazetteer;

/// The gazetteer named by $TIDINGS_GAZETTEER, else the one the build made
/// (a path compiled in: <build>/data/gazetteer.bin).
std::string default_gazetteer_path();

/// Loads a gazetteer file (docs/geo.md "The gazetteer file"). Every offset
/// and index in it is checked: a damaged file is kInvalidInput, never a
/// crash. About 8 MB; loads in well under a second.
Result<std::shared_ptr<const Gazetteer>> load_gazetteer(const std::string& path);
/// The same from bytes already in memory (tests, fuzzing).
Result<std::shared_ptr<const Gazetteer>> parse_gazetteer(std::string bytes);

/// Places and names in a gazetteer (for reports).
size_t gazetteer_place_count(const Gazetteer& gazetteer);
size_t gazetteer_name_count(const Gazetteer& gazetteer);

/// Resolves each of `toponyms` (spans into `text.text`; their type is a
/// hint only) to a place, or nullopt when the gazetteer has no candidate.
/// The result has one element per toponym, in order. Reads at most the
/// first 4,096 toponyms (the rest are nullopt) and names of at most 200
/// bytes; spans outside the text are nullopt.
std::vector<std::optional<Place>> resolve_places(const Gazetteer& gazetteer, const Segmented& text,
                                                 std::span<const Entity> toponyms);

/// The candidates of one name, best known first (population), without any
/// document context: "Paris" -> Paris FR, Paris US-TX, ... At most `limit`.
std::vector<Place> lookup_places(const Gazetteer& gazetteer, std::string_view name, size_t limit = 10);

/// Great-circle distance in km (haversine, mean Earth radius 6371 km).
double distance_km(double lat1, double lon1, double lat2, double lon2);

}  // namespace tidings::facts
