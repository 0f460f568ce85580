// mark_polities: GPE kept apart from LOC by what the geocoder resolved.
#include <gtest/gtest.h>

#include "facts/article_facts.h"
#include "facts/segment.h"

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

// One entity over the tokens [first, first + count) of `s`.
Entity over(const Segmented& s, uint32_t first, uint32_t count, EntityType type) {
  return Entity{s.tokens[first].start, s.tokens[first + count - 1].end, first, count, type};
}

uint32_t token_index(const Segmented& s, std::string_view word) {
  for (uint32_t i = 0; i < s.tokens.size(); ++i) {
    if (s.token_text(i) == word) return i;
  }
  ADD_FAILURE() << "no token " << word;
  return 0;
}

TEST(SplitPossessiveOwners, ACountrysOrganisationIsTwoEntities) {
  const Segmented s = segment("Secretary of Iran\u2019s Supreme National Security Council said so.");
  const uint32_t iran = token_index(s, "Iran");
  const uint32_t council = token_index(s, "Council");
  std::vector<Entity> e = {over(s, iran, council - iran + 1, EntityType::kOrganization)};
  split_possessive_owners(s, e);
  ASSERT_EQ(e.size(), 2u);
  EXPECT_EQ(s.text.substr(e[0].start, e[0].end - e[0].start), "Iran");
  EXPECT_EQ(e[0].type, EntityType::kLocation);
  EXPECT_EQ(e[0].token_count, 1u);
  EXPECT_EQ(s.text.substr(e[1].start, e[1].end - e[1].start), "Supreme National Security Council");
  EXPECT_EQ(e[1].type, EntityType::kOrganization);
  EXPECT_EQ(e[1].first_token, iran + 2);
  EXPECT_EQ(e[1].token_count, 4u);
}

TEST(SplitPossessiveOwners, OtherOwnersAndKindsStayWhole) {
  const Segmented s = segment("McDonald's Corporation and Iran's Army met. Iran's Ali Khaji spoke.");
  const uint32_t mc = token_index(s, "McDonald");
  const uint32_t army = token_index(s, "Army");
  const uint32_t ali = token_index(s, "Ali");
  std::vector<Entity> e = {over(s, mc, 3, EntityType::kOrganization),
                           over(s, army - 2, 3, EntityType::kOrganization),  // "Iran's Army"
                           over(s, ali - 2, 4, EntityType::kPerson)};
  split_possessive_owners(s, e);
  ASSERT_EQ(e.size(), 4u);
  EXPECT_EQ(s.text.substr(e[0].start, e[0].end - e[0].start), "McDonald's Corporation");
  EXPECT_EQ(s.text.substr(e[1].start, e[1].end - e[1].start), "Iran");
  EXPECT_EQ(s.text.substr(e[2].start, e[2].end - e[2].start), "Army");
  EXPECT_EQ(e[3].type, EntityType::kPerson);  // only organisations are split
  EXPECT_EQ(e[3].token_count, 4u);
}

TEST(AcronymNames, ADefinedAcronymNamesTheOrganisationEverywhere) {
  const Segmented s = segment(
      "Secretary of the Supreme National Security Council (SNSC) spoke. The SNSC met again. "
      "The United Nations Relief and Works Agency (UNRWA) said so; UNRWA staff left. "
      "Reporters Without Borders (RSF) said so, and the World Health Organization (WHO) too.");
  const uint32_t supreme = token_index(s, "Supreme"), unrwa_start = token_index(s, "United");
  const uint32_t rsf_start = token_index(s, "Reporters"), who_start = token_index(s, "World");
  std::vector<Entity> e = {over(s, supreme, 4, EntityType::kOrganization),
                           over(s, supreme + 5, 1, EntityType::kOrganization)};  // "(SNSC)"
  for (uint32_t i = supreme + 5; i < s.tokens.size(); ++i) {
    if (s.token_text(i) == "SNSC" && i != supreme + 5) e.push_back(over(s, i, 1, EntityType::kOrganization));
  }
  e.push_back(over(s, unrwa_start, 6, EntityType::kOrganization));
  for (uint32_t i = unrwa_start; i < s.tokens.size(); ++i) {
    if (s.token_text(i) == "UNRWA") e.push_back(over(s, i, 1, EntityType::kOrganization));
  }
  e.push_back(over(s, rsf_start, 3, EntityType::kOrganization));  // French initials: not defined here
  e.push_back(over(s, rsf_start + 4, 1, EntityType::kOrganization));
  e.push_back(over(s, who_start, 3, EntityType::kOrganization));
  e.push_back(over(s, who_start + 4, 1, EntityType::kOrganization));
  const std::vector<std::string> names = acronym_names(s, e);
  ASSERT_EQ(names.size(), e.size());
  EXPECT_EQ(names[0], "");  // the full name is its own
  EXPECT_EQ(names[1], "Supreme National Security Council");
  EXPECT_EQ(names[2], "Supreme National Security Council");  // "The SNSC met again"
  EXPECT_EQ(names[3], "");
  EXPECT_EQ(names[4], "United Nations Relief and Works Agency");
  EXPECT_EQ(names[5], "United Nations Relief and Works Agency");
  EXPECT_EQ(names[6], "");
  EXPECT_EQ(names[7], "");  // RSF is not R-W-B
  EXPECT_EQ(names[9], "World Health Organization");
}

TEST(AcronymNames, NothingDefinedNothingNamed) {
  const Segmented s = segment("NATO (NATO) and the UN (U.N.) met.");
  std::vector<Entity> e = {over(s, 0, 1, EntityType::kOrganization)};
  EXPECT_EQ(acronym_names(s, e), std::vector<std::string>{""});
  EXPECT_TRUE(acronym_names(s, {}).empty());
}

}  // namespace
}  // namespace tidings::facts
