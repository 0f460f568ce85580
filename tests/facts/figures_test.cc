// Figures claimed in hand-written news sentences (src/facts/figures.h).
#include "facts/figures.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "facts/dates.h"
#include "facts/segment.h"

namespace tidings::facts {
namespace {

// A text with its segmentation, dates and figures, kept together because
// the results view the text.
struct Extracted {
  std::string text;
  Segmented segmented;
  std::vector<DateExpression> dates;
  std::vector<Figure> figures;

  explicit Extracted(std::string t, std::string_view published = "2023-11-01T12:00:00+03:30")
      : text(std::move(t)) {
    segmented = segment(text);
    dates = find_dates(segmented, parse_publication_time(published));
    figures = find_figures(segmented, dates);
  }
  std::string str(TextSpan s) const { return text.substr(s.start, s.end - s.start); }
  size_t size() const { return figures.size(); }
  const Figure& operator[](size_t i) const { return figures.at(i); }
};

// The one figure of a sentence (fails the test when there is not exactly one).
Figure only(const Extracted& r) {
  EXPECT_EQ(r.size(), 1u) << r.text;
  return r.size() ? r[0] : Figure{};
}

TEST(Figures, SeedParagraphComesOutExactly) {
  const Extracted r(
      "Since the start of the aggression, the regime has been committing war crimes in Gaza, "
      "killing at least 8,796 people, including 3,648 children and 2,290 women, according to "
      "officials.\n\nAround 2,000 people are still missing, including 1,100 children. The vast "
      "majority of these people are believed to be dead and buried under rubble. At least 22,219 "
      "people have been wounded.");
  ASSERT_EQ(r.size(), 6u);

  EXPECT_EQ(r[0].value, 8796);
  EXPECT_EQ(r.str(r[0].number), "8,796");
  EXPECT_EQ(r.str(r[0].span), "at least 8,796 people");
  EXPECT_EQ(r[0].unit, FigureUnit::kCount);
  EXPECT_EQ(r[0].event, "killed");
  EXPECT_EQ(r.str(r[0].event_span), "killing");
  EXPECT_EQ(r[0].subject, "people");
  EXPECT_TRUE(r[0].subject_stated);
  EXPECT_EQ(r[0].qualifier, Qualifier::kAtLeast);
  EXPECT_EQ(r.str(r[0].qualifier_span), "at least");
  EXPECT_EQ(r[0].parent, -1);
  EXPECT_EQ(r.str(r[0].attribution), "according to officials");
  EXPECT_EQ(r.str(r[0].source), "officials");
  EXPECT_EQ(r[0].as_of, -1);

  for (size_t i : {1u, 2u}) {
    EXPECT_EQ(r[i].parent, 0);
    EXPECT_EQ(r[i].event, "killed");
    EXPECT_EQ(r[i].qualifier, Qualifier::kNone);
    EXPECT_EQ(r.str(r[i].attribution), "according to officials");
  }
  EXPECT_EQ(r[1].value, 3648);
  EXPECT_EQ(r[1].subject, "children");
  EXPECT_EQ(r[2].value, 2290);
  EXPECT_EQ(r[2].subject, "women");

  EXPECT_EQ(r[3].value, 2000);
  EXPECT_EQ(r[3].event, "missing");
  EXPECT_EQ(r[3].subject, "people");
  EXPECT_EQ(r[3].qualifier, Qualifier::kAround);
  EXPECT_EQ(r[3].parent, -1);
  EXPECT_TRUE(r[3].attribution.empty());
  EXPECT_EQ(r[4].value, 1100);
  EXPECT_EQ(r[4].subject, "children");
  EXPECT_EQ(r[4].event, "missing");
  EXPECT_EQ(r[4].parent, 3);

  EXPECT_EQ(r[5].value, 22219);
  EXPECT_EQ(r[5].event, "wounded");
  EXPECT_EQ(r[5].subject, "people");
  EXPECT_EQ(r[5].qualifier, Qualifier::kAtLeast);
  EXPECT_EQ(r[5].parent, -1);
}

TEST(Figures, MeasureKeys) {
  const Extracted r(
      "Killing at least 8,796 people, including 3,648 children. Some 300 homes stood. "
      "It cost $2.5 billion. 40 percent of residents fled.");
  ASSERT_EQ(r.size(), 5u);
  EXPECT_EQ(measure_key(r[0]), "killed/people");
  EXPECT_EQ(measure_key(r[1]), "killed/children");
  EXPECT_EQ(measure_key(r[2]), "count/homes");
  EXPECT_EQ(measure_key(r[3]), "money/USD");
  EXPECT_EQ(measure_key(r[4]), "percent/displaced");
}

TEST(Figures, SeedSiegeSentenceCountsPalestiniansWithoutAnEvent) {
  const Extracted r(
      "Israel has also imposed a \xE2\x80\x9C" "complete siege\xE2\x80\x9D on the territory, "
      "cutting off fuel, electricity, food and water to the more than two million Palestinians "
      "living there.");
  const Figure f = only(r);
  EXPECT_EQ(f.value, 2e6);
  EXPECT_EQ(r.str(f.number), "two million");
  EXPECT_EQ(f.subject, "palestinians");
  EXPECT_EQ(f.qualifier, Qualifier::kMoreThan);
  EXPECT_TRUE(f.event.empty());
}

TEST(Figures, PassiveActiveAndIntransitiveShapes) {
  struct Case {
    const char* text;
    double value;
    const char* event;
    const char* subject;
  };
  const Case cases[] = {
      {"12 people were killed in the strike.", 12, "killed", "people"},
      {"The strike killed 12 people.", 12, "killed", "people"},
      {"Twelve civilians died overnight.", 12, "killed", "civilians"},
      {"The blast left 14 dead.", 14, "killed", "people"},
      {"The explosion claimed the lives of 45 people.", 45, "killed", "people"},
      {"Police arrested 200 protesters.", 200, "arrested", "protesters"},
      {"Some 350 people have been detained since Friday.", 350, "detained", "people"},
      {"More than 1.5 million people have been displaced.", 1.5e6, "displaced", "people"},
      {"About 2 million people, or three quarters of the population, have been displaced.", 2e6,
       "displaced", "people"},
      {"The UN says 1.4 million Gazans are internally displaced.", 1.4e6, "displaced",
       "palestinians"},
      {"Dozens were injured.", 24, "wounded", "people"},
      {"Hundreds of people were evacuated from the area.", 200, "evacuated", "people"},
      {"Tens of thousands of Ukrainians have fled.", 20000, "displaced", "ukrainians"},
      {"The militants took 240 hostages, and 240 were taken hostage.", 240, "abducted", "people"},
      {"Israeli strikes destroyed some 300 homes.", 300, "destroyed", "homes"},
      {"There were 45 deaths and 200 injuries.", 45, "killed", "people"},
      {"Floods displaced 30,000 people in the region.", 30000, "displaced", "people"},
      {"At least seven soldiers were wounded.", 7, "wounded", "soldiers"},
      {"A dozen journalists were killed.", 12, "killed", "journalists"},
      {"Half a million people have fled the city.", 5e5, "displaced", "people"},
      {"Twenty-five Palestinians were arrested.", 25, "arrested", "palestinians"},
      {"Killing all 239 people on board.", 239, "killed", "people"},
      {"Police detained another 30 people.", 30, "detained", "people"},
      {"Several hundred migrants are missing.", 300, "missing", "migrants"},
      {"Officials fear 2,000 people may have died.", 2000, "killed", "people"},
  };
  for (const Case& c : cases) {
    const Extracted r(c.text);
    ASSERT_GE(r.size(), 1u) << c.text;
    // The sentence's last figure is the one under test (the hostage
    // sentence also counts "240 hostages").
    const Figure& f = r.figures.back().parent >= 0 ? r[0] : r.figures.back();
    const Figure& g = std::string(c.text).find("deaths") != std::string::npos ? r[0] : f;
    EXPECT_EQ(g.value, c.value) << c.text;
    EXPECT_EQ(g.event, c.event) << c.text;
    EXPECT_EQ(g.subject, c.subject) << c.text;
  }
}

TEST(Figures, TheEventAfterAParenthesis) {
  const Extracted r("Some 300 families (about 1,500 people) were displaced by the floods.");
  ASSERT_GE(r.size(), 1u);
  EXPECT_EQ(r[0].value, 300);
  EXPECT_EQ(r[0].event, "displaced");
  EXPECT_EQ(r[0].subject, "families");
}

TEST(Figures, AnotherSourcePutsTheFigureAt) {
  // The ministry's count and the union's, of one measure: where sources
  // disagree.
  const Extracted r(
      "About 1.2 million people marched across France, according to the ministry, while the CGT union "
      "put the figure at 3.5 million. The health ministry said 45 people were killed. The Red Crescent "
      "put the death toll at 52.");
  ASSERT_EQ(r.size(), 4u);
  EXPECT_EQ(measure_key(r[0]), "count/people");
  EXPECT_EQ(r[1].value, 3.5e6);
  EXPECT_EQ(measure_key(r[1]), "count/people");
  EXPECT_FALSE(r[1].subject_stated);
  EXPECT_EQ(r.str(r[1].source), "the CGT union");
  EXPECT_EQ(r.str(r[1].attribution), "the CGT union put the figure at");
  EXPECT_EQ(measure_key(r[3]), "killed/people");
  EXPECT_EQ(r[3].value, 52);
  EXPECT_EQ(r.str(r[3].source), "The Red Crescent");
  // A coordinated source, and "there" before "at".
  const Extracted two(
      "Turkish officials said the death toll had climbed to 31,643, while Syria" "\xE2\x80\x99" "s government "
      "and a rescue group in the northwest put the toll there at more than 5,700.");
  ASSERT_EQ(two.size(), 2u);
  EXPECT_EQ(measure_key(two[1]), "killed/people");
  EXPECT_EQ(two.str(two[1].source), "Syria" "\xE2\x80\x99" "s government and a rescue group in the northwest");
  EXPECT_EQ(two[1].qualifier, Qualifier::kMoreThan);
  // With no figure before it, "put the figure at" restates nothing.
  const Extracted alone("The union put the figure at 3.5 million.");
  EXPECT_EQ(alone.size(), 0u);
}

TEST(Figures, DeathTollRoseTo) {
  const Extracted r("The death toll rose to 45 on Tuesday, health officials in Gaza said.");
  const Figure f = only(r);
  EXPECT_EQ(f.value, 45);
  EXPECT_EQ(f.event, "killed");
  EXPECT_EQ(r.str(f.event_span), "death toll");
  EXPECT_EQ(f.subject, "people");
  EXPECT_FALSE(f.subject_stated);
  EXPECT_TRUE(f.subject_span.empty());
  EXPECT_EQ(r.str(f.attribution), "health officials in Gaza said");
  EXPECT_EQ(r.str(f.source), "health officials in Gaza");
  ASSERT_GE(f.as_of, 0);
  EXPECT_EQ(r.dates[f.as_of].value, "2023-10-31");
}

TEST(Figures, KilledAndWoundedInOneSentence) {
  const Extracted r("Twelve people were killed and 30 wounded in the attack, the ministry said.");
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].value, 12);
  EXPECT_EQ(r[0].event, "killed");
  EXPECT_EQ(r[1].value, 30);
  EXPECT_EQ(r[1].event, "wounded");
  EXPECT_EQ(r[1].parent, -1);
  EXPECT_EQ(r.str(r[1].attribution), "the ministry said");
  EXPECT_EQ(r.str(r[1].source), "the ministry");
}

TEST(Figures, Qualifiers) {
  struct Case {
    const char* text;
    Qualifier qualifier;
    const char* words;
  };
  const Case cases[] = {
      {"at least 12 people were killed", Qualifier::kAtLeast, "at least"},
      {"no fewer than 12 people were killed", Qualifier::kAtLeast, "no fewer than"},
      {"more than 12 people were killed", Qualifier::kMoreThan, "more than"},
      {"over 12 people were killed", Qualifier::kMoreThan, "over"},
      {"just over 12 people were killed", Qualifier::kMoreThan, "just over"},
      {"around 12 people were killed", Qualifier::kAround, "around"},
      {"about 12 people were killed", Qualifier::kAround, "about"},
      {"some 12 people were killed", Qualifier::kAround, "some"},
      {"roughly 12 people were killed", Qualifier::kAround, "roughly"},
      {"nearly 12 people were killed", Qualifier::kNearly, "nearly"},
      {"almost 12 people were killed", Qualifier::kNearly, "almost"},
      {"up to 12 people were killed", Qualifier::kUpTo, "up to"},
      {"as many as 12 people were killed", Qualifier::kUpTo, "as many as"},
      {"fewer than 12 people were killed", Qualifier::kLessThan, "fewer than"},
      {"an estimated 12 people were killed", Qualifier::kEstimated, "an estimated"},
      {"12 people were killed", Qualifier::kNone, ""},
  };
  for (const Case& c : cases) {
    const Extracted r(c.text);
    const Figure f = only(r);
    EXPECT_EQ(f.qualifier, c.qualifier) << c.text;
    EXPECT_EQ(r.str(f.qualifier_span), c.words) << c.text;
    EXPECT_EQ(f.value, 12) << c.text;
    EXPECT_EQ(f.event, "killed") << c.text;
  }
  EXPECT_STREQ(qualifier_name(Qualifier::kAtLeast), "at_least");
  EXPECT_STREQ(qualifier_name(Qualifier::kAround), "around");
}

TEST(Figures, Ranges) {
  const Extracted a("Between 2 and 3 million people have fled.");
  Figure f = only(a);
  EXPECT_EQ(f.qualifier, Qualifier::kBetween);
  EXPECT_EQ(f.value, 2e6);
  EXPECT_EQ(f.value_max, 3e6);
  EXPECT_EQ(f.event, "displaced");
  const Extracted b("The attack killed 10 to 15 soldiers.");
  f = only(b);
  EXPECT_EQ(f.value, 10);
  EXPECT_EQ(f.value_max, 15);
  EXPECT_EQ(f.qualifier, Qualifier::kBetween);
  // "from 30 to 45" is a change: the count is 45, and 30 is not a range.
  const Extracted c("The death toll rose from 30 to 45.");
  ASSERT_GE(c.size(), 1u);
  EXPECT_EQ(c.figures.back().value, 45);
  EXPECT_EQ(c.figures.back().value_max, 0);
}

TEST(Figures, Breakdowns) {
  const Extracted a("12 Palestinians, including 5 children, were killed, said the ministry.");
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0].event, "killed");
  EXPECT_EQ(a[0].subject, "palestinians");
  EXPECT_EQ(a[1].parent, 0);
  EXPECT_EQ(a[1].subject, "children");
  EXPECT_EQ(a[1].event, "killed");
  EXPECT_EQ(a.str(a[1].attribution), "said the ministry");
  EXPECT_EQ(a.str(a[1].source), "the ministry");

  const Extracted b("Gaza's Health Ministry said 9,061 people had been killed, among them 3,760 children.");
  ASSERT_EQ(b.size(), 2u);
  EXPECT_EQ(b[1].parent, 0);
  EXPECT_EQ(b[1].value, 3760);
  EXPECT_EQ(b.str(b[0].source), "Gaza's Health Ministry");

  const Extracted c("The strike killed 12 people, including five children and two women.");
  ASSERT_EQ(c.size(), 3u);
  EXPECT_EQ(c[1].value, 5);
  EXPECT_EQ(c[2].value, 2);
  EXPECT_EQ(c[1].parent, 0);
  EXPECT_EQ(c[2].parent, 0);
  EXPECT_EQ(c[2].event, "killed");

  const Extracted e("Of the 45 dead, 12 were children.");
  ASSERT_EQ(e.size(), 2u);
  EXPECT_EQ(e[1].parent, 0);
  EXPECT_EQ(e[1].subject, "children");
  EXPECT_EQ(e[1].event, "killed");

  // Two claims joined by "and" are not a breakdown of one another.
  const Extracted d("Police arrested 200 protesters and detained another 30 people.");
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[1].parent, -1);
  EXPECT_EQ(d[1].event, "detained");
}

TEST(Figures, Attributions) {
  struct Case {
    const char* text;
    const char* attribution;
    const char* source;
  };
  const Case cases[] = {
      {"At least 45 people were killed, according to the Gaza health ministry.",
       "according to the Gaza health ministry", "the Gaza health ministry"},
      {"The ministry said 45 people were killed.", "The ministry said", "The ministry"},
      {"45 people were killed, officials said.", "officials said", "officials"},
      {"45 people were killed, said the ministry.", "said the ministry", "the ministry"},
      {"45 people were killed, the ministry has said.", "the ministry has said", "the ministry"},
      {"Nearly 70 journalists have been killed, the Committee to Protect Journalists said.",
       "the Committee to Protect Journalists said", "the Committee to Protect Journalists"},
      {"The UN estimates that 1.4 million Gazans are displaced.", "The UN estimates", "The UN"},
      {"45 people were killed, citing hospital officials.", "citing hospital officials",
       "hospital officials"},
      {"At least 12 people were killed, according to the U.N. humanitarian office.",
       "according to the U.N. humanitarian office", "the U.N. humanitarian office"},
      {"Russia lost 300,000 troops, according to estimates by U.S. officials.",
       "according to estimates by U.S. officials", "estimates by U.S. officials"},
      {"45 people were killed.", "", ""},
  };
  for (const Case& c : cases) {
    const Extracted r(c.text);
    const Figure f = only(r);
    EXPECT_EQ(r.str(f.attribution), c.attribution) << c.text;
    EXPECT_EQ(r.str(f.source), c.source) << c.text;
  }
  // A trailing source ends its clause; a source ends at a verb.
  const Extracted men("The source said the men drove a large car into 12 homes.");
  ASSERT_EQ(men.size(), 1u);
  EXPECT_EQ(men.str(men[0].source), "The source");
  const Extracted quoted("IRNA quoted him as saying the quake caused damage estimated at 54 million "
                         "dollars.");
  ASSERT_EQ(quoted.size(), 1u);
  EXPECT_TRUE(quoted[0].source.empty()) << quoted.str(quoted[0].source);
  // "were reported killed" and "an estimated" are not sources.
  const Extracted r("An estimated 40 people were reported killed.");
  const Figure f = only(r);
  EXPECT_TRUE(f.attribution.empty());
  EXPECT_EQ(f.qualifier, Qualifier::kEstimated);
}

TEST(Figures, MoneyAndPercentagesAreTheirOwnUnits) {
  struct Case {
    const char* text;
    FigureUnit unit;
    double value;
    const char* currency;
  };
  const Case cases[] = {
      {"The EU pledged $2.5 billion in aid.", FigureUnit::kMoney, 2.5e9, "USD"},
      {"It raised US$40 million.", FigureUnit::kMoney, 4e7, "USD"},
      {"The company earned \xE2\x82\xAC" "300m last year.", FigureUnit::kMoney, 3e8, "EUR"},
      {"Damage is put at \xC2\xA3" "1.2bn.", FigureUnit::kMoney, 1.2e9, "GBP"},
      {"They paid 2.5 billion dollars.", FigureUnit::kMoney, 2.5e9, "USD"},
      {"Fines reached 500 million euros.", FigureUnit::kMoney, 5e8, "EUR"},
      {"Prices rose 40 percent of late.", FigureUnit::kPercent, 40, ""},
      {"Turnout was 61.5%.", FigureUnit::kPercent, 61.5, ""},
      {"Some 40 per cent were children.", FigureUnit::kPercent, 40, ""},
  };
  for (const Case& c : cases) {
    const Extracted r(c.text);
    const Figure f = only(r);
    EXPECT_EQ(f.unit, c.unit) << c.text;
    EXPECT_DOUBLE_EQ(f.value, c.value) << c.text;
    EXPECT_EQ(f.currency, c.currency) << c.text;
  }
  EXPECT_STREQ(unit_name(FigureUnit::kMoney), "money");
}

TEST(Figures, PercentOfAPopulationCarriesTheEvent) {
  const Extracted r("Around 60 percent of the 2.3 million residents have fled their homes.");
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].unit, FigureUnit::kPercent);
  EXPECT_EQ(r[0].value, 60);
  EXPECT_EQ(r[0].event, "displaced");
  EXPECT_EQ(r[0].subject, "people");
  EXPECT_EQ(r[1].value, 2.3e6);
  EXPECT_TRUE(r[1].event.empty());
}

TEST(Figures, NonClaimsAreNotFigures) {
  const char* texts[] = {
      "The war began in 2019 and ended in 2021.",
      "Israel waged war on the Gaza Strip on October 7.",
      "On 7 October 2023 the attack began.",
      "A 30-year-old man was arrested, and another man aged 45 was questioned.",
      "He is 30 years old and spent 10 days in hospital.",
      "Call 555-1234 or +1 (555) 123-4567 for details.",
      "The 7th and 21st divisions held the line.",
      "The meeting started at 10:30 and Barcelona won 2-1.",
      "1. Stay at home.",
      "He lives at No. 10 and voted for Resolution 2334.",
      "The two sides discussed the crisis with the two senior diplomats.",
      "Windows 11 ships with version 3.5 of the tool.",
      "The 1990s were a decade of growth.",
      "The officer fired two or three times in the air.",
      "Over $76 million (in 2006 dollars) was spent.",
      "Police arrested a woman in the 1967 killings.",
      "Internet Explorer 8 Beta 2 is affected.",
      "Orozco was arrested five buildings away.",
  };
  for (const char* t : texts) {
    const Extracted r(t);
    // (Money is a figure: only the "$76 million" of the second text.)
    const size_t money = std::string(t).find('$') != std::string::npos ? 1 : 0;
    EXPECT_EQ(r.size(), money) << t << " -> " << (r.size() ? r.str(r.figures.back().span) : "");
  }
}

TEST(Figures, EventsOfPeopleAndOfThingsDoNotMix) {
  const Extracted r("Her hairstyle launched a thousand girls to the salon.");
  const Figure f = only(r);
  EXPECT_EQ(f.subject, "girls");
  EXPECT_TRUE(f.event.empty());
  const Extracted rockets("Militants fired 20 rockets and killed two soldiers.");
  ASSERT_EQ(rockets.size(), 2u);
  EXPECT_EQ(rockets[0].event, "fired");
  EXPECT_EQ(rockets[0].subject, "rockets");
  EXPECT_EQ(rockets[1].event, "killed");
}

TEST(Figures, AsOfTheDateInTheSentenceOrPublication) {
  const Extracted a("By Tuesday, 45 people had been killed.");
  Figure f = only(a);
  ASSERT_GE(f.as_of, 0);
  EXPECT_EQ(a.dates[f.as_of].value, "2023-10-31");
  // "since October 7" starts the count; the count is as of publication.
  const Extracted b("More than 1,400 people have been killed since October 7.");
  f = only(b);
  EXPECT_EQ(f.as_of, -1);
  // Without dates every figure is as of publication.
  const Segmented s = segment("By Tuesday, 45 people had been killed.");
  const auto figures = find_figures(s);
  ASSERT_EQ(figures.size(), 1u);
  EXPECT_EQ(figures[0].as_of, -1);
}

TEST(Figures, ThreadSafe) {
  const std::string text =
      "Killing at least 8,796 people, including 3,648 children, according to officials. "
      "Around 2,000 people are still missing on Tuesday.";
  const Extracted expected(text);
  std::vector<std::thread> threads;
  std::atomic<int> mismatches{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 200; ++i) {
        const Extracted r(text);
        if (r.size() != expected.size() || r[1].parent != expected[1].parent ||
            r[2].as_of != expected[2].as_of) {
          ++mismatches;
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(mismatches.load(), 0);
}

TEST(Figures, SentencesAreIndexed) {
  const Extracted r("Nothing here. Five people died. Then 12 more were injured.");
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].sentence, 1u);
  EXPECT_EQ(r[1].sentence, 2u);
  EXPECT_EQ(r[1].event, "wounded");
}

// Hostile input: never crash, never take more than linear time.
double seconds_for(const std::string& text) {
  const auto t0 = std::chrono::steady_clock::now();
  const Segmented s = segment(text);
  const auto dates = find_dates(s, parse_publication_time("2023-11-01T12:00:00Z"));
  const auto figures = find_figures(s, dates);
  const auto t1 = std::chrono::steady_clock::now();
  // Every span lies inside the text.
  for (const Figure& f : figures) {
    EXPECT_LE(f.span.end, s.text.size());
    EXPECT_LE(f.span.start, f.span.end);
    EXPECT_TRUE(f.parent < 0 || static_cast<size_t>(f.parent) < figures.size());
    EXPECT_TRUE(f.as_of < 0 || static_cast<size_t>(f.as_of) < dates.size());
  }
  return std::chrono::duration<double>(t1 - t0).count();
}

std::string repeat(std::string_view unit, size_t bytes) {
  std::string out;
  out.reserve(bytes + unit.size());
  while (out.size() < bytes) out += unit;
  return out;
}

TEST(FiguresHostile, OneMegabyteSentences) {
  // No sentence ends: every look-around must stay bounded.
  const std::string claims =
      repeat("at least 12 people, including 3 children, were killed, according to officials and ",
             1 << 20);
  EXPECT_LT(seconds_for(claims), 5.0);
  const Extracted r(claims.substr(0, 1 << 16));
  EXPECT_GT(r.size(), 100u);
  const std::string said = repeat("officials said the ministry said ", 1 << 20);
  EXPECT_LT(seconds_for(said), 5.0);
  const std::string words = repeat("million ", 1 << 20);
  EXPECT_LT(seconds_for(words), 5.0);
  const std::string mixed = repeat("two million and 5 hundred thousand dozens of ", 1 << 20);
  EXPECT_LT(seconds_for(mixed), 5.0);
}

TEST(FiguresHostile, LinearInTheText) {
  const std::string unit = "The strike killed 12 people, including five children, on Tuesday, "
                           "officials said. ";
  const double small = seconds_for(repeat(unit, 1 << 19));
  const double large = seconds_for(repeat(unit, 1 << 21));
  // Four times the text; allow generous noise on a shared machine.
  EXPECT_LT(large, small * 12 + 0.05) << small << " s vs " << large << " s";
}

TEST(FiguresHostile, TextEndingInsideAPattern) {
  // Found by fuzzing (ASan): look-arounds read past the last token.
  const Extracted a("12 people were killed, according to officials");
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a.str(a[0].source), "officials");
  for (const char* t : {"killed 1999", "according to", "said", "at least", "$", "12 people were",
                        "including 5", "between 2 and", "the death toll rose to", "in 2019"}) {
    const Extracted r(t);
    EXPECT_LE(r.size(), 1u) << t;
  }
}

TEST(FiguresHostile, HugeNumbersAndDigits) {
  const std::string digits(1000000, '7');
  EXPECT_LT(seconds_for(digits + " people were killed"), 5.0);
  const Extracted overflow("1" + std::string(400, '0') + " million billion trillion people were killed.");
  EXPECT_EQ(overflow.size(), 0u);
  const Extracted commas(repeat("1,000,", 60000) + "000 people were killed.");
  EXPECT_EQ(commas.size(), 0u);
  const Extracted big("999,999,999,999 million people were killed.");  // 1e18: not a count
  EXPECT_EQ(big.size(), 0u);
  const Extracted ok("1,000,000 people were killed.");
  ASSERT_EQ(ok.size(), 1u);
  EXPECT_EQ(ok[0].value, 1e6);
}

TEST(FiguresHostile, QuotesScriptsAndRandomBytes) {
  EXPECT_LT(seconds_for(repeat("\xE2\x80\x9C" "12 people were killed, \" he said \xE2\x80\x98", 1 << 18)),
            5.0);
  const Extracted other("\xD8\xB9\xD8\xB4\xD8\xB1\xD8\xA9 12 people were killed in "
                        "\xE4\xB8\xAD\xE6\x96\x87 \xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0.");
  ASSERT_EQ(other.size(), 1u);
  EXPECT_EQ(other[0].event, "killed");
  std::mt19937 rng(7);
  const std::string alphabet = "0123456789,.$%- killed people at least including said ";
  std::string noise;
  for (int i = 0; i < (1 << 20); ++i) {
    noise += (rng() % 5 == 0) ? static_cast<char>(rng() % 256) : alphabet[rng() % alphabet.size()];
  }
  EXPECT_LT(seconds_for(noise), 5.0);
}

}  // namespace
}  // namespace tidings::facts
