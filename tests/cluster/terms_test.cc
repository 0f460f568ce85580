// The clusterer's features (cluster/terms.h): words folded and stemmed by
// language, names from capitalisation, numbers, entities, any script.
#include "cluster/terms.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>

namespace tidings::cluster {
namespace {

bool has(const TermVector& v, TermId id) {
  return std::any_of(v.begin(), v.end(), [&](const Term& t) { return t.id == id; });
}

float weight(const TermVector& v, TermId id) {
  for (const Term& t : v) {
    if (t.id == id) return t.weight;
  }
  return 0;
}

ClusterDoc doc(std::string title, std::string text, std::string language = "en") {
  ClusterDoc d;
  d.title = std::move(title);
  d.text = std::move(text);
  d.language = std::move(language);
  return d;
}

TEST(Terms, WordsAreFoldedAndStemmedByLanguage) {
  TermExtractor x;
  DocTerms t = x.extract(doc("", "Earthquakes EARTHQUAKE earthquake"), 1);
  ASSERT_EQ(t.words.size(), 1u);  // one stem, three times
  EXPECT_TRUE(has(t.words, term_id('w', "earthquak")));
  EXPECT_NEAR(t.words[0].weight, 1 + std::log(3.0f), 1e-5);
  DocTerms plain = x.extract(doc("", "Earthquakes earthquake", ""), 1);  // unknown language: no stemming
  EXPECT_EQ(plain.words.size(), 2u);
  DocTerms german = x.extract(doc("", "Erdbeben Erdbebens", "de"), 1);
  EXPECT_EQ(german.words.size(), 1u);
}

TEST(Terms, TitleWordsCountMore) {
  TermExtractor x;
  DocTerms t = x.extract(doc("quake", "quake"), 3);
  EXPECT_NEAR(weight(t.words, term_id('w', "quak")), 1 + std::log(4.0f), 1e-5);
}

TEST(Terms, NamesAreCapitalisedRunsNotSentenceStarts) {
  TermExtractor x;
  DocTerms t = x.extract(doc("", "Police said Tara Reid checked in. Yesterday she left. The Betty Ford Center agreed."), 1);
  EXPECT_TRUE(has(t.names, term_id('n', "tara reid")));
  EXPECT_TRUE(has(t.names, term_id('n', "tara")));
  EXPECT_TRUE(has(t.names, term_id('n', "reid")));
  EXPECT_FALSE(has(t.names, term_id('n', "police")));     // opens the text
  EXPECT_FALSE(has(t.names, term_id('n', "yesterday")));  // opens a sentence
  EXPECT_TRUE(has(t.names, term_id('n', "the betty ford center")));
}

TEST(Terms, TitleCaseHeadlinesGiveNoNames) {
  TermExtractor x;
  DocTerms t = x.extract(doc("Star Checks Into Rehab Clinic", ""), 1);
  EXPECT_TRUE(t.names.empty());
  EXPECT_FALSE(t.words.empty());
}

TEST(Terms, NumbersAndEntitiesAreNames) {
  TermExtractor x;
  ClusterDoc d = doc("", "a magnitude 8.8 quake in 2010");
  d.entities = {"Concepción", "CHILE"};
  DocTerms t = x.extract(d, 1);
  EXPECT_TRUE(has(t.names, term_id('#', "8.8")));
  EXPECT_TRUE(has(t.names, term_id('#', "2010")));
  EXPECT_TRUE(has(t.names, term_id('n', "concepción")));
  EXPECT_TRUE(has(t.names, term_id('n', "chile")));
}

TEST(Terms, YearsAreFourDigitNumbersFrom1900To2099) {
  TermExtractor x;
  DocTerms t = x.extract(doc("Quake of 2010", "In 2010, not 1850 or 3000 or 20101; again in 2013 and 2010."), 1);
  EXPECT_EQ(t.years, (std::vector<int>{2010, 2013}));
}

TEST(Terms, AnyScript) {
  TermExtractor x;
  EXPECT_EQ(x.extract(doc("", "Землетрясение в Чили", "ru"), 1).words.size(), 3u);
  EXPECT_FALSE(x.extract(doc("", "智利发生强烈地震", "zh"), 1).words.empty());
  EXPECT_FALSE(x.extract(doc("", "زلزال قوي يضرب تشيلي", "ar"), 1).words.empty());
}

TEST(Terms, BadBytesAndHugeTextsAreBounded) {
  TermExtractor x;
  EXPECT_NO_THROW(x.extract(doc("\xff\xfe", std::string("ab\xc3\x28 cd \xed\xa0\x80 ef", 14)), 1));
  std::string huge;
  for (int i = 0; i < 1000000; ++i) huge += "word" + std::to_string(i % 5000) + " ";
  DocTerms t = x.extract(doc("", huge), 1);
  EXPECT_LE(t.words.size(), 5001u);  // read up to 1 MB: the last word may be cut
  EXPECT_TRUE(x.extract(doc("", ""), 1).words.empty());
}

TEST(Terms, SortedByIdWithoutDuplicates) {
  TermExtractor x;
  DocTerms t = x.extract(doc("Chile quake", "Chile Chile quake quake 8.8 8.8 Santiago Santiago"), 2);
  for (const TermVector* v : {&t.words, &t.names}) {
    for (size_t i = 1; i < v->size(); ++i) EXPECT_LT((*v)[i - 1].id, (*v)[i].id);
  }
}

}  // namespace
}  // namespace tidings::cluster
