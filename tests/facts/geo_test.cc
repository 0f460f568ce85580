// Toponym resolution (src/facts/geo.h) on hand-written sentences, with the
// gazetteer the build made; and the loader on damaged files.
#include "facts/geo.h"

#include <gtest/gtest.h>

#include <chrono>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "facts/geo_gazetteer.h"
#include "facts/segment.h"

namespace tidings::facts {
namespace {

const Gazetteer& gazetteer() {
  static const std::shared_ptr<const Gazetteer> g = [] {
    auto loaded = load_gazetteer(default_gazetteer_path());
    EXPECT_TRUE(loaded.has_value()) << (loaded ? "" : loaded.error().message);
    return loaded ? *loaded : nullptr;
  }();
  return *g;
}

// Resolves every occurrence of each of `names` in `text`, in text order.
std::vector<std::optional<Place>> resolve(const std::string& text, const std::vector<std::string>& names) {
  std::vector<Entity> spans;
  size_t from = 0;
  for (const std::string& n : names) {
    const size_t at = text.find(n, from);
    EXPECT_NE(at, std::string::npos) << n;
    if (at == std::string::npos) continue;
    Entity e;
    e.start = static_cast<uint32_t>(at);
    e.end = static_cast<uint32_t>(at + n.size());
    e.type = EntityType::kGpe;
    spans.push_back(e);
    from = at + n.size();
  }
  const Segmented seg = segment(text);
  return resolve_places(gazetteer(), seg, spans);
}

std::optional<Place> resolve_one(const std::string& text, const std::string& name) { return resolve(text, {name})[0]; }

TEST(Fold, AccentsCaseDotsApostrophesAndSaint) {
  EXPECT_EQ(fold_name("Côte d\xE2\x80\x99Ivoire"), fold_name("Cote d'Ivoire"));
  EXPECT_EQ(fold_name("U.S."), "us");
  EXPECT_EQ(fold_name("St. Marc"), fold_name("Saint-Marc"));
  EXPECT_EQ(fold_name("Toruń"), "torun");
  EXPECT_EQ(fold_name("  Port-Au-Prince "), "port au prince");
  EXPECT_EQ(fold_name("Østfold"), "ostfold");
  EXPECT_EQ(fold_name(""), "");
}

TEST(Geo, ADatelineNamesACity) {
  // "WASHINGTON (Reuters) -" is the capital, not the state; in running text
  // with nothing else to go by, "Washington" stays the state (GeoVirus).
  const auto dateline = resolve_one("WASHINGTON (Reuters) - The Fed held rates.", "WASHINGTON");
  ASSERT_TRUE(dateline);
  EXPECT_EQ(dateline->feature, PlaceClass::kCity);
  EXPECT_LT(distance_km(dateline->lat, dateline->lon, 38.9, -77.04), 30);
  const auto text = resolve_one("Cases rose in Washington, officials said.", "Washington");
  ASSERT_TRUE(text);
  EXPECT_EQ(text->feature, PlaceClass::kAdmin);
  // Not a dateline: not in capitals, or not opening a paragraph.
  const auto later = resolve_one("The storm hit WASHINGTON (state) hard.", "WASHINGTON");
  ASSERT_TRUE(later);
  EXPECT_EQ(later->feature, PlaceClass::kAdmin);
}

TEST(Geo, ALowerCaseDirectionIsNotPartOfTheName) {
  const auto libya = resolve_one("Floods in eastern Libya killed thousands.", "eastern Libya");
  ASSERT_TRUE(libya);
  EXPECT_EQ(libya->country_code, "LY");
  EXPECT_EQ(libya->feature, PlaceClass::kCountry);
  // Capitalised, the direction is the name's own.
  const auto carolina = resolve_one("Storms hit North Carolina overnight.", "North Carolina");
  ASSERT_TRUE(carolina);
  EXPECT_EQ(carolina->country_code, "US");
  EXPECT_EQ(carolina->feature, PlaceClass::kAdmin);
}

TEST(Geo, CapitalCity) {
  const auto p = resolve_one("Protests spread across Tehran on Sunday.", "Tehran");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->country_code, "IR");
  EXPECT_EQ(p->feature, PlaceClass::kCity);
  EXPECT_LT(distance_km(p->lat, p->lon, 35.69, 51.42), 30);
  EXPECT_GT(p->population, 5000000u);
  EXPECT_FALSE(p->metonymic);
  EXPECT_EQ(p->id.rfind("geonames:", 0), 0u);
}

TEST(Geo, RegionFromTheHandTable) {
  const auto p = resolve_one("Aid convoys reached the Gaza Strip at dawn.", "Gaza Strip");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->feature, PlaceClass::kRegion);
  EXPECT_EQ(p->country_code, "PS");
  EXPECT_LT(distance_km(p->lat, p->lon, 31.42, 34.35), 30);
}

TEST(Geo, CountryNameResolvesToTheCountry) {
  const auto p = resolve_one("The war in Syria entered its tenth year.", "Syria");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->feature, PlaceClass::kCountry);
  EXPECT_EQ(p->country_code, "SY");
  EXPECT_EQ(p->id, "iso3166:SY");
}

TEST(Geo, RenamedCountryAndFormerName) {
  const auto turkey = resolve_one("Flights to Turkey resumed.", "Turkey");
  ASSERT_TRUE(turkey);
  EXPECT_EQ(turkey->country_code, "TR");
  EXPECT_EQ(turkey->feature, PlaceClass::kCountry);
  const auto zaire = resolve_one("An outbreak in Zaire was reported.", "Zaire");
  ASSERT_TRUE(zaire);
  EXPECT_EQ(zaire->country_code, "CD");
}

TEST(Geo, DemonymsLinkToTheirCountry) {
  const auto places = resolve("Iranian and Russian diplomats met.", {"Iranian", "Russian"});
  ASSERT_TRUE(places[0]);
  EXPECT_EQ(places[0]->country_code, "IR");
  EXPECT_TRUE(places[0]->demonym);
  EXPECT_EQ(places[0]->feature, PlaceClass::kCountry);
  ASSERT_TRUE(places[1]);
  EXPECT_EQ(places[1]->country_code, "RU");
}

TEST(Geo, QualifierAfterACommaPicksTheDivision) {
  const auto texas = resolve_one("The festival moved to Paris, Texas, this year.", "Paris");
  ASSERT_TRUE(texas);
  EXPECT_EQ(texas->country_code, "US");
  EXPECT_LT(distance_km(texas->lat, texas->lon, 33.66, -95.56), 30);
  const auto france = resolve_one("The festival moved to Paris this year.", "Paris");
  ASSERT_TRUE(france);
  EXPECT_EQ(france->country_code, "FR");
}

TEST(Geo, AbbreviationsOnlyInCapitals) {
  const auto nsw = resolve_one("Floods hit NSW again.", "NSW");
  ASSERT_TRUE(nsw);
  EXPECT_EQ(nsw->feature, PlaceClass::kAdmin);
  EXPECT_EQ(nsw->country_code, "AU");
  const auto us = resolve_one("Officials in the U.S. said so.", "U.S.");
  ASSERT_TRUE(us);
  EXPECT_EQ(us->country_code, "US");
  EXPECT_FALSE(resolve_one("Give it to us now.", "us"));
}

TEST(Geo, OtherPlacesOfTheDocumentVote) {
  // Alone, "Victoria" is ambiguous; with Sydney and Queensland in the text it is the Australian state.
  const auto places = resolve("Fires burned in Victoria. Sydney and Queensland sent crews.",
                              {"Victoria", "Sydney", "Queensland"});
  ASSERT_TRUE(places[0]);
  EXPECT_EQ(places[0]->country_code, "AU");
  EXPECT_EQ(places[0]->feature, PlaceClass::kAdmin);
}

TEST(Geo, GeorgiaIsTheCountryAloneAndTheStateAmongUsPlaces) {
  const auto alone = resolve_one("Georgia held elections on Saturday.", "Georgia");
  ASSERT_TRUE(alone);
  EXPECT_EQ(alone->feature, PlaceClass::kCountry);
  EXPECT_EQ(alone->country_code, "GE");
  const auto places = resolve("Storms hit Atlanta, Alabama and Florida before reaching Georgia and Tennessee.",
                              {"Atlanta", "Alabama", "Florida", "Georgia", "Tennessee"});
  ASSERT_TRUE(places[3]);
  EXPECT_EQ(places[3]->country_code, "US");
  EXPECT_EQ(places[3]->feature, PlaceClass::kAdmin);
}

TEST(Geo, ContinentsAndAlternateSpellings) {
  const auto asia = resolve_one("Bird flu spread across Asia.", "Asia");
  ASSERT_TRUE(asia);
  EXPECT_EQ(asia->feature, PlaceClass::kContinent);
  const auto civ = resolve_one("Cocoa from Cote d'Ivoire.", "Cote d'Ivoire");
  ASSERT_TRUE(civ);
  EXPECT_EQ(civ->country_code, "CI");
}

TEST(Geo, MetonymyIsFlaggedButLinkedToTheCountry) {
  const auto regime = resolve_one("Analysts blamed the Tel Aviv regime for the strike.", "Tel Aviv");
  ASSERT_TRUE(regime);
  EXPECT_TRUE(regime->metonymic);
  EXPECT_EQ(regime->country_code, "IL");
  const auto moscow = resolve_one("Moscow warned that it would respond.", "Moscow");
  ASSERT_TRUE(moscow);
  EXPECT_TRUE(moscow->metonymic);
  EXPECT_EQ(moscow->country_code, "RU");
  const auto washington = resolve_one("Washington said the talks had failed.", "Washington");
  ASSERT_TRUE(washington);
  EXPECT_TRUE(washington->metonymic);
  EXPECT_EQ(washington->country_code, "US");
  EXPECT_LT(distance_km(washington->lat, washington->lon, 38.9, -77.04), 30);  // the capital, not the state
  const auto located = resolve_one("Officials in Moscow said the airport was shut.", "Moscow");
  ASSERT_TRUE(located);
  EXPECT_FALSE(located->metonymic);
}

TEST(Geo, NonLatinNamesAndUnknownNamesNeverCrash) {
  const std::string text = "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0 and \xE5\x8C\x97\xE4\xBA\xAC and Xyzzyville.";
  std::vector<Entity> spans = {{0, 12, 0, 0, EntityType::kGpe}, {17, 23, 0, 0, EntityType::kGpe},
                               {28, 38, 0, 0, EntityType::kGpe}};
  const auto places = resolve_places(gazetteer(), segment(text), spans);
  ASSERT_EQ(places.size(), 3u);
  EXPECT_FALSE(places[2]);
}

TEST(Geo, HostileSpansAndTextsAreBounded) {
  std::string text(100000, 'a');
  for (size_t i = 0; i < text.size(); i += 7) text[i] = ' ';
  text.replace(50, 5, "Paris");
  std::vector<Entity> spans;
  std::mt19937 rng(7);
  for (int i = 0; i < 20000; ++i) {  // more than the 4,096 read, some outside the text, some inverted
    const uint32_t a = rng() % 120000, b = rng() % 120000;
    spans.push_back({a, b, 0, 0, EntityType::kLocation});
  }
  spans.push_back({50, 55, 0, 0, EntityType::kGpe});
  const auto t0 = std::chrono::steady_clock::now();
  const auto places = resolve_places(gazetteer(), segment(text), spans);
  EXPECT_EQ(places.size(), spans.size());
  EXPECT_FALSE(places.back());  // past the 4,096th span: not read
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(), 10.0);
  // Invalid UTF-8 inside a name.
  const std::string bad = "In \xFF\xFE\xC3 and Par\xC3is.";
  const std::vector<Entity> bad_spans = {{3, 6, 0, 0, EntityType::kGpe}, {11, 17, 0, 0, EntityType::kGpe}};
  EXPECT_EQ(resolve_places(gazetteer(), segment(bad), bad_spans).size(), 2u);
}

TEST(Geo, ThousandsOfMentionsStayFast) {
  // 4,096 mentions of one ambiguous name, each with a qualifier, then of many names.
  std::string text;
  std::vector<Entity> same, many;
  const std::vector<std::string> names = {"Paris", "London", "Springfield", "Victoria", "Georgia", "Washington",
                                          "Moscow", "Cairo", "Sydney", "Perth", "Hamilton", "Richmond"};
  for (int i = 0; i < 4096; ++i) {
    const std::string& n = names[i % names.size()];
    const uint32_t at = static_cast<uint32_t>(text.size());
    text += n + ", Texas said. ";
    same.push_back({at, at + 5, 0, 0, EntityType::kGpe});  // "Paris" or the first five bytes of another name
    many.push_back({at, static_cast<uint32_t>(at + n.size()), 0, 0, EntityType::kGpe});
  }
  const Segmented seg = segment(text);
  for (const auto* spans : {&same, &many}) {
    const auto t0 = std::chrono::steady_clock::now();
    const auto places = resolve_places(gazetteer(), seg, *spans);
    EXPECT_EQ(places.size(), spans->size());
    EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(), 3.0);
  }
}

TEST(Geo, ThreadsShareOneGazetteer) {
  const std::string text = "Floods in Victoria, Sydney and Queensland; Moscow warned; the Tel Aviv regime; Paris, Texas.";
  const std::vector<std::string> names = {"Victoria", "Sydney", "Queensland", "Moscow", "Tel Aviv", "Paris"};
  const auto expected = resolve(text, names);
  std::vector<std::thread> threads;
  std::vector<int> same(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 50; ++round) {
        const auto got = resolve(text, names);
        bool all = got.size() == expected.size();
        for (size_t i = 0; all && i < got.size(); ++i) all = got[i] && expected[i] && got[i]->id == expected[i]->id;
        same[t] += all ? 1 : 0;
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int t = 0; t < 4; ++t) EXPECT_EQ(same[t], 50);
}

TEST(Geo, LookupListsCandidatesByImportance) {
  const auto paris = lookup_places(gazetteer(), "Paris", 5);
  ASSERT_GE(paris.size(), 2u);
  EXPECT_EQ(paris[0].country_code, "FR");
  EXPECT_TRUE(lookup_places(gazetteer(), "", 5).empty());
}

TEST(GazetteerFile, DamagedFilesAreErrorsNotCrashes) {
  EXPECT_FALSE(parse_gazetteer(""));
  EXPECT_FALSE(parse_gazetteer("TDGAZ001"));
  EXPECT_FALSE(parse_gazetteer(std::string(24, '\0')));
  // A header that promises more than the file holds.
  std::string header = "TDGAZ001";
  header += std::string("\x05\0\0\0\x05\0\0\0\x10\0\0\0\0\0\0\0", 16);
  EXPECT_FALSE(parse_gazetteer(header));
  // One place whose name offset points past the strings.
  std::string one = "TDGAZ001";
  one += std::string("\x01\0\0\0\x00\0\0\0\x02\0\0\0\0\0\0\0", 16);
  std::string place(32, '\0');
  place[0] = 9;         // name offset 9 >= 2 bytes of strings
  place[30] = 4;        // city
  one += place + std::string("A\0", 2);
  EXPECT_FALSE(parse_gazetteer(one));
  one[24] = 0;  // name offset 0: now valid
  const auto ok = parse_gazetteer(one);
  ASSERT_TRUE(ok) << ok.error().message;
  EXPECT_EQ(gazetteer_place_count(**ok), 1u);
  // Random bytes after a valid magic never crash.
  std::mt19937 rng(3);
  for (int round = 0; round < 200; ++round) {
    std::string junk = "TDGAZ001";
    const size_t n = rng() % 200;
    for (size_t i = 0; i < n; ++i) junk += static_cast<char>(rng() % 4 == 0 ? rng() : rng() % 3);
    (void)parse_gazetteer(junk);
  }
}

TEST(GazetteerFile, MissingFileIsNotFound) {
  const auto g = load_gazetteer("/nonexistent/gazetteer.bin");
  ASSERT_FALSE(g);
  EXPECT_EQ(g.error().code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace tidings::facts
