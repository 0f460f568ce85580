// The online story clusterer (cluster/cluster.h): joins, splits, numbering,
// add_to and replay, fading, and the reference clusterer beside it.
#include "cluster/cluster.h"
#include "cluster/reference.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace tidings::cluster {
namespace {

ClusterDoc doc(std::string title, std::string text, int64_t at = 0) {
  ClusterDoc d;
  d.title = std::move(title);
  d.text = std::move(text);
  d.language = "en";
  if (at) d.published_at = Instant(std::chrono::seconds(at));
  return d;
}

// Two events of one kind, as ECB+ has them, and an unrelated one.
std::vector<ClusterDoc> stream() {
  return {
      doc("Magnitude 8.8 earthquake strikes Chile", "A magnitude 8.8 earthquake struck near Concepcion, Chile, on Saturday. Officials in Santiago said hundreds died."),
      doc("Lakers beat Celtics in Boston", "Kobe Bryant scored 40 points as the Los Angeles Lakers beat the Boston Celtics 104-98."),
      doc("Chile quake toll rises", "The toll of the 8.8 earthquake near Concepcion rose on Sunday, Chile's President Michelle Bachelet said in Santiago."),
      doc("Magnitude 7.0 earthquake devastates Haiti", "A magnitude 7.0 earthquake struck Port-au-Prince, Haiti, on Tuesday. President Rene Preval said the palace collapsed."),
      doc("Haiti quake: Port-au-Prince in ruins", "Rescuers searched Port-au-Prince after the 7.0 earthquake; Haiti's President Rene Preval slept outside."),
      doc("Bryant leads Lakers past Celtics", "Kobe Bryant had 40 points and the Lakers beat the Celtics 104-98 in Boston."),
  };
}

TEST(StoryClusterer, JoinsTheSameEventAndSplitsOthers) {
  StoryClusterer c;
  std::vector<int64_t> s;
  for (const ClusterDoc& d : stream()) s.push_back(c.add(d));
  EXPECT_EQ(s[0], 1);  // numbered in the order they start
  EXPECT_EQ(s[1], 2);
  EXPECT_EQ(s[2], s[0]);
  EXPECT_EQ(s[3], 3);  // another earthquake is another story
  EXPECT_EQ(s[4], s[3]);
  EXPECT_EQ(s[5], s[1]);
  EXPECT_EQ(c.live_stories(), 3u);
  EXPECT_GT(c.memory_bytes(), 0u);
}

TEST(StoryClusterer, AStoryWhoseMainPersonTheArticleNeverNamesIsAnotherEvent) {
  // Two title fights of one champion: the words are alike, the opponents
  // are not. With the people the tagger found, the second fight starts a
  // story of its own, and a later report of the first fight still joins it.
  auto fight = [](const std::string& opponent, const std::string& round) {
    ClusterDoc d = doc("Klitschko stops " + opponent + " to retain heavyweight titles",
                       "Wladimir Klitschko stopped " + opponent + " in the " + round +
                           " round to retain his heavyweight title belts. Klitschko dominated " +
                           opponent + " from the opening bell.");
    d.people = {"Wladimir Klitschko", opponent, "Klitschko", opponent};
    return d;
  };
  ClusterOptions o;
  o.people_penalty = 0.6;
  StoryClusterer with_people(o), without_people(o);
  ClusterDoc rahman = fight("Hasim Rahman", "seventh"), thompson = fight("Tony Thompson", "sixth");
  EXPECT_EQ(with_people.add(rahman), 1);
  EXPECT_EQ(with_people.add(thompson), 2);
  ClusterDoc again = fight("Hasim Rahman", "seventh");
  again.title = "Rahman no match for Klitschko";
  EXPECT_EQ(with_people.add(again), 1);
  // Without a tagger's people (the names channel alone) nothing is penalised.
  rahman.people.clear();
  thompson.people.clear();
  EXPECT_EQ(without_people.add(rahman), 1);
  EXPECT_EQ(without_people.add(thompson), 1);
}

TEST(StoryClusterer, AStoryThatNeverNamesTheArticlesMainPersonWeighsLess) {
  // Two reports of riots in Athens, then a strike whose report is about
  // Papandreou, whom the riot story never names: own_person_penalty lowers
  // the score (a veto at 1); with 0 it joins. A story of one article is not
  // judged this way, and a story that names the person is not penalised.
  auto riot = [](const std::string& who) {
    ClusterDoc d = doc("Riots in Athens as protesters clash with police",
                       "Protesters clashed with police in Athens as riots spread across Greece after " + who +
                           " spoke to the crowd.");
    d.people = {who};
    return d;
  };
  ClusterDoc strike = doc("Strike in Athens as protesters clash with police",
                          "Protesters clashed with police in Athens as a strike spread across Greece. George "
                          "Papandreou backed the strike. Papandreou spoke to the crowd.");
  strike.people = {"George Papandreou", "Papandreou"};
  ClusterOptions o;
  o.join_threshold = 0.2;
  o.own_person_penalty = 0;
  StoryClusterer lenient(o);
  Decision why;
  EXPECT_EQ(lenient.add(riot("Alexandros Grigoropoulos")), 1);
  EXPECT_EQ(lenient.add(riot("Kostas Karamanlis")), 1);
  EXPECT_EQ(lenient.add(strike, &why), 1);
  EXPECT_FALSE(why.missed_own_person);  // a penalty of 0 is never applied
  o.own_person_penalty = 1;
  StoryClusterer strict(o);
  EXPECT_EQ(strict.add(riot("Alexandros Grigoropoulos")), 1);
  EXPECT_EQ(strict.add(strike, &why), 1);  // a story of one article: not judged
  EXPECT_FALSE(why.missed_own_person);
  StoryClusterer strict2(o);
  EXPECT_EQ(strict2.add(riot("Alexandros Grigoropoulos")), 1);
  EXPECT_EQ(strict2.add(riot("Kostas Karamanlis")), 1);
  EXPECT_EQ(strict2.add(strike, &why), 2);
  EXPECT_TRUE(why.missed_own_person);
  EXPECT_EQ(why.best, 1);
  EXPECT_EQ(why.score, 0);
  // Once a member names him, the story is his too.
  StoryClusterer strict3(o);
  EXPECT_EQ(strict3.add(riot("Alexandros Grigoropoulos")), 1);
  EXPECT_EQ(strict3.add(riot("George Papandreou")), 1);
  EXPECT_EQ(strict3.add(strike, &why), 1);
  EXPECT_FALSE(why.missed_own_person);
}

TEST(StoryClusterer, DisjointYearsWeighAgainstJoining) {
  // The same words, but one story is of 2008 and the article of 2013: the
  // score is lowered (year_penalty), so a borderline article starts anew.
  ClusterOptions o;
  o.join_threshold = 0.95;
  StoryClusterer with_years(o), without(o);
  const std::string text = "Microsoft issued an emergency patch for Internet Explorer";
  EXPECT_EQ(with_years.add(doc("IE patch", text + " in December 2008.")), 1);
  EXPECT_EQ(with_years.add(doc("IE patch", text + " in December 2013.")), 2);
  EXPECT_EQ(without.add(doc("IE patch", text + " in December.")), 1);
  EXPECT_EQ(without.add(doc("IE patch", text + " in December.")), 1);
}

TEST(StoryClusterer, TheYearPenaltyIsASettingAndTheDecisionTellsWhy) {
  // The same pair of years: with year_penalty 0 nothing is lowered, and
  // the Decision says which story was best, its score and that the years
  // missed; with year_penalty 1 (a veto) the score is 0.
  const std::string text = "Microsoft issued an emergency patch for Internet Explorer";
  ClusterOptions o;
  o.join_threshold = 0.8;  // the pair scores about 0.87 before any penalty
  o.year_penalty = 0;
  StoryClusterer lenient(o);
  Decision why;
  EXPECT_EQ(lenient.add(doc("IE patch", text + " in December 2008."), &why), 1);
  EXPECT_EQ(why.best, 0);  // nothing to compare with
  EXPECT_EQ(why.story, 1);
  EXPECT_EQ(lenient.add(doc("IE patch", text + " in December 2013."), &why), 1);
  EXPECT_EQ(why.best, 1);
  EXPECT_EQ(why.story, 1);
  EXPECT_TRUE(why.missed_year);
  EXPECT_FALSE(why.missed_person);
  EXPECT_GE(why.score, 0.8);
  o.year_penalty = 1;
  StoryClusterer veto(o);
  EXPECT_EQ(veto.add(doc("IE patch", text + " in December 2008.")), 1);
  EXPECT_EQ(veto.add(doc("IE patch", text + " in December 2013."), &why), 2);
  EXPECT_EQ(why.best, 1);
  EXPECT_EQ(why.story, 2);
  EXPECT_TRUE(why.missed_year);
  EXPECT_EQ(why.score, 0);
}

TEST(StoryClusterer, AddToJoinsAndNumbersAboveEverySeen) {
  StoryClusterer c;
  c.add_to(stream()[0], 10);
  EXPECT_EQ(c.add(stream()[1]), 11);
  EXPECT_EQ(c.add(stream()[2]), 10);  // joins the story it was put in
  c.add_to(stream()[3], 5);           // a lower number is still a new story
  EXPECT_EQ(c.add(stream()[4]), 5);
  EXPECT_EQ(c.add(doc("Parliament passes budget", "Lawmakers in Oslo passed the budget.")), 12);
}

TEST(StoryClusterer, ReplayingStoredAssignmentsRestoresTheState) {
  const std::vector<ClusterDoc> docs = stream();
  StoryClusterer first;
  std::vector<int64_t> stories;
  for (size_t i = 0; i + 2 < docs.size(); ++i) stories.push_back(first.add(docs[i]));
  StoryClusterer restored;
  for (size_t i = 0; i < stories.size(); ++i) restored.add_to(docs[i], stories[i]);
  for (size_t i = docs.size() - 2; i < docs.size(); ++i) EXPECT_EQ(restored.add(docs[i]), first.add(docs[i]));
  EXPECT_EQ(restored.live_stories(), first.live_stories());
}

TEST(StoryClusterer, StoriesFade) {
  ClusterOptions o;
  o.story_lifetime_seconds = 3600;
  StoryClusterer c(o);
  const auto docs = stream();
  const int64_t t0 = 1700000000;
  EXPECT_EQ(c.add(doc(docs[0].title, docs[0].text, t0)), 1);
  EXPECT_EQ(c.add(doc(docs[2].title, docs[2].text, t0 + 1800)), 1);  // within the hour
  EXPECT_EQ(c.live_stories(), 1u);
  // A day later the story has faded: the same event starts a new story.
  EXPECT_EQ(c.add(doc(docs[2].title, docs[2].text, t0 + 86400)), 2);
  EXPECT_EQ(c.live_stories(), 1u);
  // Undated documents are taken as the latest time seen.
  EXPECT_EQ(c.add(docs[2]), 2);
}

TEST(StoryClusterer, NeverFadesWithLifetimeZero) {
  ClusterOptions o;
  o.story_lifetime_seconds = 0;
  StoryClusterer c(o);
  const auto docs = stream();
  c.add(doc(docs[0].title, docs[0].text, 1000));
  EXPECT_EQ(c.add(doc(docs[2].title, docs[2].text, 1000 + 10 * 365 * 86400)), 1);
}

TEST(StoryClusterer, EmptyAndOddDocumentsStartStories) {
  StoryClusterer c;
  EXPECT_EQ(c.add(doc("", "")), 1);
  EXPECT_EQ(c.add(doc("", "")), 2);  // nothing in common with anything
  EXPECT_EQ(c.add(doc("!!!", "... --- ...")), 3);
  EXPECT_EQ(c.add(doc("\xff", "\xc3")), 4);
}

TEST(StoryClusterer, OptionsResolveToDefaults) {
  ClusterOptions o = resolved({});
  EXPECT_GT(o.join_threshold, 0);
  EXPECT_GE(o.title_weight, 1);
  EXPECT_GE(o.name_share, 0);
  EXPECT_LE(o.name_share, 1);
  ClusterOptions strict;
  strict.join_threshold = 1.01;  // nothing is ever that similar
  StoryClusterer c(strict);
  EXPECT_EQ(c.add(stream()[0]), 1);
  EXPECT_EQ(c.add(stream()[0]), 2);
}

TEST(StoryClusterer, ManyLiveStoriesStayFindable) {
  StoryClusterer c;
  for (int i = 0; i < 3000; ++i) {
    const std::string n = std::to_string(i);
    c.add(doc("Zorblax" + n + " and Quuxly" + n, "Zorblax" + n + " met Quuxly" + n + " in Town" + n + "."));
  }
  EXPECT_EQ(c.live_stories(), 3000u);
  EXPECT_EQ(c.add(doc("Zorblax1234 and Quuxly1234 again", "Zorblax1234 left Town1234 with Quuxly1234.")), 1235);
}

TEST(ReferenceClusterer, SinglePassOnCosine) {
  ReferenceClusterer r;
  const auto docs = stream();
  EXPECT_EQ(r.add(docs[0]), 1);
  EXPECT_EQ(r.add(docs[1]), 2);
  EXPECT_EQ(r.add(docs[5]), 2);
  EXPECT_EQ(r.stories(), 2u);
  EXPECT_GT(r.memory_bytes(), 0u);
}

}  // namespace
}  // namespace tidings::cluster
