// mark_polities: GPE kept apart from LOC by what the geocoder resolved.
#include <gtest/gtest.h>

#include "facts/article_facts.h"

namespace tidings::facts {
namespace {

Entity loc(EntityType type = EntityType::kLocation) {
  Entity e;
  e.type = type;
  return e;
}

Place place(PlaceClass feature, bool metonymic = false) {
  Place p;
  p.feature = feature;
  p.metonymic = metonymic;
  return p;
}

TEST(MarkPolities, CountriesDivisionsAndCitiesAreGpeRegionsStayLoc) {
  std::vector<Entity> e = {loc(), loc(), loc(), loc(), loc(), loc(), loc(), loc(EntityType::kPerson)};
  std::vector<std::optional<Place>> p = {
      place(PlaceClass::kCountry),    place(PlaceClass::kAdmin),  place(PlaceClass::kCity),
      place(PlaceClass::kCity, true),  // "Moscow warned": still a polity
      place(PlaceClass::kRegion),     place(PlaceClass::kContinent),
      std::nullopt,                   place(PlaceClass::kCountry)};
  mark_polities(e, p);
  EXPECT_EQ(e[0].type, EntityType::kGpe);
  EXPECT_EQ(e[1].type, EntityType::kGpe);
  EXPECT_EQ(e[2].type, EntityType::kGpe);
  EXPECT_EQ(e[3].type, EntityType::kGpe);
  EXPECT_EQ(e[4].type, EntityType::kLocation);  // "Gaza Strip", "Middle East"
  EXPECT_EQ(e[5].type, EntityType::kLocation);
  EXPECT_EQ(e[6].type, EntityType::kLocation);  // not geocoded: no evidence either way
  EXPECT_EQ(e[7].type, EntityType::kPerson);    // only LOC is refined
}

TEST(MarkPolities, ShorterPlaceListIsSafe) {
  std::vector<Entity> e = {loc(), loc()};
  std::vector<std::optional<Place>> p = {place(PlaceClass::kCountry)};
  mark_polities(e, p);
  EXPECT_EQ(e[0].type, EntityType::kGpe);
  EXPECT_EQ(e[1].type, EntityType::kLocation);
}

}  // namespace
}  // namespace tidings::facts
