// figure_places: the place each figure was counted in, from hand-written
// wire sentences. The places are given as entities (what the tagger and
// the geocoder would find), so the rules are tested apart from the model.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "facts/figure_places.h"
#include "facts/segment.h"

namespace tidings::facts {
namespace {

struct Given {
  std::string text;   // the place as written
  std::string name;   // the gazetteer's name
  bool demonym = false;
};

// Each figure's text and the name of its place ("" when none).
std::vector<std::pair<std::string, std::string>> places_of(const std::string& text, const std::vector<Given>& given) {
  const Segmented s = segment(text);
  std::vector<Entity> entities;
  std::vector<std::optional<Place>> places;
  for (const Given& g : given) {
    size_t from = 0;
    for (size_t at; (at = text.find(g.text, from)) != std::string::npos; from = at + g.text.size()) {
      Entity e;
      e.start = static_cast<uint32_t>(at);
      e.end = static_cast<uint32_t>(at + g.text.size());
      e.type = EntityType::kGpe;
      auto t = std::lower_bound(s.tokens.begin(), s.tokens.end(), e.start,
                                [](const Token& k, uint32_t o) { return k.start < o; });
      e.first_token = static_cast<uint32_t>(t - s.tokens.begin());
      for (; t != s.tokens.end() && t->end <= e.end; ++t) ++e.token_count;
      entities.push_back(e);
      Place p;
      p.name = g.name;
      p.demonym = g.demonym;
      places.push_back(p);
    }
  }
  const std::vector<Figure> figures = find_figures(s);
  const std::vector<int32_t> at = figure_places(s, entities, places, figures);
  std::vector<std::pair<std::string, std::string>> out;
  for (size_t i = 0; i < figures.size(); ++i) {
    const std::string figure(text.substr(figures[i].span.start, figures[i].span.end - figures[i].span.start));
    out.emplace_back(figure, at[i] >= 0 ? places[static_cast<size_t>(at[i])]->name : std::string());
  }
  return out;
}

using Result = std::vector<std::pair<std::string, std::string>>;

TEST(FigurePlaces, APlaceBehindAPrepositionAfterTheFigure) {
  EXPECT_EQ(places_of("The death toll rose to 31,643 in Turkey on Sunday, the disaster agency said.",
                      {{"Turkey", "T\xC3\xBCrkiye"}}),
            (Result{{"31,643", "T\xC3\xBCrkiye"}}));
  EXPECT_EQ(places_of("At least 45 people were killed in northern Gaza overnight.", {{"Gaza", "Gaza Strip"}}),
            (Result{{"At least 45 people", "Gaza Strip"}}));
}

TEST(FigurePlaces, ThereNamesTheLastPlaceButNotTheSentencesSubject) {
  EXPECT_EQ(places_of("Syria's government and a rescue group put the toll there at more than 5,700.",
                      {{"Syria", "Syria"}}),
            (Result{{"more than 5,700", "Syria"}}));
  // "there" is the territory of the sentence before, not Israel.
  const std::string seed =
      "Rockets were fired from Gaza on Saturday. Israel imposed a siege on the territory, cutting off water "
      "to the more than two million Palestinians living there.";
  const auto got = places_of(seed, {{"Gaza", "Gaza Strip"}, {"Israel", "Israel"}});
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].second, "Gaza Strip");
  // The same sentence alone: no place.
  const auto alone = places_of(seed.substr(seed.find("Israel")), {{"Israel", "Israel"}});
  ASSERT_EQ(alone.size(), 1u);
  EXPECT_EQ(alone[0].second, "");
  // The existential "there" names nothing.
  EXPECT_EQ(places_of("Fighting went on in Sudan. There were at least 50 people killed in the clashes.",
                      {{"Sudan", "Sudan"}}),
            (Result{{"at least 50 people", ""}}));
  // ... with a modal or "do" before its verb too.
  for (const char* verb : {"must be", "could be", "should be", "can be", "may have been", "did not seem to be"}) {
    EXPECT_EQ(places_of(std::string("Fighting went on in Sudan. There ") + verb + " at least 50 people killed in the clashes.",
                        {{"Sudan", "Sudan"}}),
              (Result{{"at least 50 people", ""}}))
        << verb;
  }
}

TEST(FigurePlaces, APlaceBeforeTheFigureAndBreakdownsFollowTheirParent) {
  EXPECT_EQ(places_of("In Syria, at least 1,200 people were injured.", {{"Syria", "Syria"}}),
            (Result{{"at least 1,200 people", "Syria"}}));
  EXPECT_EQ(places_of("Officials in Gaza said 45 people were killed, including 12 children.",
                      {{"Gaza", "Gaza Strip"}}),
            (Result{{"45 people", "Gaza Strip"}, {"12 children", "Gaza Strip"}}));
  EXPECT_EQ(places_of("Turkey's disaster agency said 2,000 people were missing.", {{"Turkey", "T\xC3\xBCrkiye"}}),
            (Result{{"2,000 people", "T\xC3\xBCrkiye"}}));
}

TEST(FigurePlaces, NoPlaceSaidNoPlaceGuessed) {
  // A demonym is who, not where; a subject is not where either.
  EXPECT_EQ(places_of("Iranian officials said 600 people died.", {{"Iranian", "Iran", true}}),
            (Result{{"600 people", ""}}));
  EXPECT_EQ(places_of("Israel said 1,400 people were killed.", {{"Israel", "Israel"}}),
            (Result{{"1,400 people", ""}}));
  EXPECT_EQ(places_of("At least 30 people were killed.", {}), (Result{{"At least 30 people", ""}}));
  // Each figure of a sentence looks in its own clause.
  const auto two = places_of("In Turkey, 31,643 people were killed, while officials said 5,700 died in Syria.",
                             {{"Turkey", "T\xC3\xBCrkiye"}, {"Syria", "Syria"}});
  ASSERT_EQ(two.size(), 2u);
  EXPECT_EQ(two[0].second, "T\xC3\xBCrkiye");
  EXPECT_EQ(two[1].second, "Syria");
}

TEST(FigurePlaces, HostileInputStaysLinear) {
  // 20,000 figures and 20,000 places in one sentence: bounded work.
  std::string text;
  std::vector<Given> given = {{"Gaza", "Gaza Strip"}};
  for (int i = 0; i < 20000; ++i) text += std::to_string(i + 1) + " people were killed in Gaza and ";
  text += "nothing more.";
  const auto got = places_of(text, given);
  ASSERT_FALSE(got.empty());
  for (const auto& [figure, place] : got) ASSERT_EQ(place, "Gaza Strip") << figure;
  // Places with no preposition before them, and "there" after every
  // figure: each search looks back over a bounded number of places.
  std::string crowd;
  for (int i = 0; i < 20000; ++i) crowd += "Gaza Gaza " + std::to_string(i + 1) + " people were killed there , ";
  crowd += "end.";
  const auto crowded = places_of(crowd, given);
  ASSERT_FALSE(crowded.empty());
  for (const auto& [figure, place] : crowded) ASSERT_EQ(place, "") << figure;  // the sentence's own places, bare
  // Mismatched inputs are safe.
  const Segmented s = segment("5 people were killed there.");
  const auto figures = find_figures(s);
  EXPECT_EQ(figure_places(s, {}, {}, figures), std::vector<int32_t>(figures.size(), -1));
  EXPECT_TRUE(figure_places(s, {}, {}, {}).empty());
}

}  // namespace
}  // namespace tidings::facts
