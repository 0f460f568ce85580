// The Scrapinghub word-shingle metric on hand-computed cases (expected
// tokens checked against Python 3's re.findall(r'\w+', ...)).
#include "eval/shingle_score.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace tidings::eval {
namespace {

std::vector<std::string> tokens(std::string_view text) {
  std::vector<std::string> out;
  for (std::string_view t : word_tokens(text)) out.emplace_back(t);
  return out;
}

using Tokens = std::vector<std::string>;

TEST(WordTokens, AsciiWordsDigitsAndUnderscore) {
  EXPECT_EQ(tokens("Hello, world_1! 42"), (Tokens{"Hello", "world_1", "42"}));
  EXPECT_EQ(tokens("don't"), (Tokens{"don", "t"}));
  EXPECT_EQ(tokens(""), Tokens{});
  EXPECT_EQ(tokens(" -- ... "), Tokens{});
}

TEST(WordTokens, CombiningMarksSplitTokens) {
  // Devanagari vowel signs and virama are Mn/Mc: not \w in Python.
  EXPECT_EQ(tokens("\u0939\u093F\u0928\u094D\u0926\u0940"),
            (Tokens{"\u0939", "\u0928", "\u0926"}));
  // Decomposed e + U+0301 splits; precomposed U+00E9 does not.
  EXPECT_EQ(tokens("cafe\u0301 caf\u00E9"), (Tokens{"cafe", "caf\u00E9"}));
}

TEST(WordTokens, UnicodeLettersAndNumbers) {
  EXPECT_EQ(tokens("\u00BD \u216B \u00B2"), (Tokens{"\u00BD", "\u216B", "\u00B2"}));  // No, Nl, No
  EXPECT_EQ(tokens("\u65E5\u672C\u8A9E\u30C6\u30AD\u30B9\u30C8\u3001\u3067\u3059"),
            (Tokens{"\u65E5\u672C\u8A9E\u30C6\u30AD\u30B9\u30C8", "\u3067\u3059"}));
  EXPECT_EQ(tokens("\u01C5a"), (Tokens{"\u01C5a"}));  // Lt
  EXPECT_EQ(tokens("a\u00ADb x\u200By"), (Tokens{"a", "b", "x", "y"}));  // Cf splits
}

TEST(WordTokens, InvalidUtf8IsNotAWordCharacter) {
  EXPECT_EQ(tokens(std::string("ab\xFF" "cd")), (Tokens{"ab", "cd"}));
  EXPECT_EQ(tokens(std::string("ab\xC3")), (Tokens{"ab"}));
}

TEST(ShingleMatch, PrefixOfTheTruth) {
  // truth shingles {abcd, bcde}, prediction {abcd}: tp 1, fn 1 of 2.
  const ShingleMatch m = match_shingles("a b c d e", "a, b, c, d");
  EXPECT_DOUBLE_EQ(m.tp, 0.5);
  EXPECT_DOUBLE_EQ(m.fp, 0.0);
  EXPECT_DOUBLE_EQ(m.fn, 0.5);
  EXPECT_DOUBLE_EQ(m.precision(), 1.0);
  EXPECT_DOUBLE_EQ(m.recall(), 0.5);
}

TEST(ShingleMatch, ShinglesAreAMultiset) {
  // truth: abcd twice, bcda, cdab, dabc; prediction: abcd once.
  const ShingleMatch m = match_shingles("a b c d a b c d", "a b c d");
  EXPECT_DOUBLE_EQ(m.tp, 0.2);
  EXPECT_DOUBLE_EQ(m.fn, 0.8);
  EXPECT_DOUBLE_EQ(m.precision(), 1.0);
  EXPECT_DOUBLE_EQ(m.recall(), 0.2);
}

TEST(ShingleMatch, ShortTextsGiveOneShortShingle) {
  EXPECT_DOUBLE_EQ(match_shingles("a b", "a b").precision(), 1.0);
  EXPECT_DOUBLE_EQ(match_shingles("one", "one").recall(), 1.0);
  // (a, b) and (a, b, c) are different shingles.
  const ShingleMatch m = match_shingles("a b", "a b c");
  EXPECT_DOUBLE_EQ(m.tp, 0.0);
  EXPECT_DOUBLE_EQ(m.fp, 0.5);
  EXPECT_DOUBLE_EQ(m.fn, 0.5);
  EXPECT_DOUBLE_EQ(m.precision(), 0.0);
  EXPECT_DOUBLE_EQ(m.recall(), 0.0);
  // Case is kept.
  EXPECT_DOUBLE_EQ(match_shingles("A b c", "a b c").tp, 0.0);
}

TEST(ShingleMatch, EmptyTexts) {
  const ShingleMatch both = match_shingles("", "...");
  EXPECT_DOUBLE_EQ(both.tp + both.fp + both.fn, 0.0);
  EXPECT_DOUBLE_EQ(both.precision(), 1.0);  // fp == fn == 0
  EXPECT_DOUBLE_EQ(both.recall(), 1.0);
  const ShingleMatch nothing = match_shingles("a b c d e", "");
  EXPECT_DOUBLE_EQ(nothing.precision(), 0.0);  // tp == fp == 0
  EXPECT_DOUBLE_EQ(nothing.recall(), 0.0);
}

ExtractionScore score(const std::map<std::string, std::string>& truth,
                      const std::map<std::string, std::string>& prediction) {
  auto r = score_bodies(truth, prediction);
  EXPECT_TRUE(r.has_value()) << r.error().message;
  return r ? r->total : ExtractionScore{};
}

TEST(ScoreBodies, EmptyPredictionIsLeftOutOfPrecision) {
  const ExtractionScore s =
      score({{"1", "a b c d e"}, {"2", "f g h i j"}}, {{"1", "a b c d e"}, {"2", ""}});
  EXPECT_DOUBLE_EQ(s.precision, 1.0);  // only document 1 has a predicted shingle
  EXPECT_DOUBLE_EQ(s.recall, 0.5);
  EXPECT_DOUBLE_EQ(s.f1, 2 * 1.0 * 0.5 / 1.5);
  EXPECT_DOUBLE_EQ(s.accuracy, 0.5);
  EXPECT_EQ(s.documents, 2u);
}

TEST(ScoreBodies, NothingToFindAndNothingFoundIsLeftOutOfBoth) {
  // Document 2: fp == fn == 0 with tp == 0; counted in neither mean, but exact.
  const ExtractionScore s = score({{"1", "a b c d e"}, {"2", ""}}, {{"1", "a b c d"}, {"2", ""}});
  EXPECT_DOUBLE_EQ(s.precision, 1.0);
  EXPECT_DOUBLE_EQ(s.recall, 0.5);
  EXPECT_DOUBLE_EQ(s.accuracy, 0.5);
}

TEST(ScoreBodies, TextWhereTheTruthHasNoneCountsInPrecisionOnly) {
  const ExtractionScore s = score({{"1", "a b c d"}, {"2", ""}}, {{"1", "a b c d"}, {"2", "x y"}});
  EXPECT_DOUBLE_EQ(s.precision, 0.5);
  EXPECT_DOUBLE_EQ(s.recall, 1.0);
  EXPECT_DOUBLE_EQ(s.f1, 2 * 0.5 / 1.5);
}

TEST(ScoreBodies, F1IsOfTheAveragesNotAnAverageOfF1) {
  // doc 1: P 1, R 0.5 (F1 2/3); doc 2: P 0.5, R 1 (F1 2/3). P = R = 0.75.
  const ExtractionScore s = score({{"1", "a b c d e"}, {"2", "a b c d"}},
                                  {{"1", "a b c d"}, {"2", "a b c d e"}});
  EXPECT_DOUBLE_EQ(s.precision, 0.75);
  EXPECT_DOUBLE_EQ(s.recall, 0.75);
  EXPECT_DOUBLE_EQ(s.f1, 0.75);
  EXPECT_DOUBLE_EQ(s.accuracy, 0.0);
}

TEST(ScoreBodies, AccuracyComparesTokensNotText) {
  const ExtractionScore s = score({{"1", "Hello,  world!"}}, {{"1", "Hello\n\nworld"}});
  EXPECT_DOUBLE_EQ(s.accuracy, 1.0);
  EXPECT_DOUBLE_EQ(s.f1, 1.0);
}

TEST(ScoreBodies, IdsMustMatch) {
  auto r = score_bodies({{"1", "a"}, {"2", "b"}}, {{"1", "a"}, {"3", "b"}});
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidInput);
  EXPECT_NE(r.error().message.find("1 missing, 1 extra"), std::string::npos);
}

TEST(BodiesFromJson, PlainAndWrapped) {
  const auto plain = nlohmann::json::parse(
      R"({"a": {"articleBody": "text", "url": "u"}, "b": {"articleBody": null}, "c": {}})");
  auto r = bodies_from_json(plain);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->at("a"), "text");
  EXPECT_EQ(r->at("b"), "");
  EXPECT_EQ(r->at("c"), "");
  auto w = bodies_from_json(nlohmann::json::parse(
      R"({"version": "1", "output": {"a": {"articleBody": "x"}}})"));
  ASSERT_TRUE(w.has_value());
  EXPECT_EQ(w->size(), 1u);
  EXPECT_EQ(w->at("a"), "x");
  EXPECT_FALSE(bodies_from_json(nlohmann::json::parse("[1]")).has_value());
  EXPECT_FALSE(bodies_from_json(nlohmann::json::parse(R"({"a": {"articleBody": 3}})")).has_value());
}

}  // namespace
}  // namespace tidings::eval
