// Sentences and tokens of news typography (src/facts/segment.h).
#include "facts/segment.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace tidings::facts {
namespace {

std::vector<std::string> words(const Segmented& s) {
  std::vector<std::string> out;
  for (size_t i = 0; i < s.tokens.size(); ++i) out.emplace_back(s.token_text(i));
  return out;
}

std::vector<std::string> sentences(const Segmented& s) {
  std::vector<std::string> out;
  for (size_t i = 0; i < s.sentences.size(); ++i) out.emplace_back(s.sentence_text(i));
  return out;
}

TEST(Segment, SeedSentenceKeepsNumbersHyphensAndSplitsPossessive) {
  const std::string text =
      "Israel's attacks on al-Aqsa have killed at least 8,796 people, including 3,648 children.";
  const Segmented s = segment(text);
  EXPECT_EQ(words(s), (std::vector<std::string>{"Israel", "'s", "attacks", "on", "al-Aqsa", "have",
                                                "killed", "at", "least", "8,796", "people", ",",
                                                "including", "3,648", "children", "."}));
  EXPECT_TRUE(s.tokens[1].possessive);
  EXPECT_EQ(s.tokens[9].kind, TokenKind::kNumber);
  EXPECT_EQ(s.tokens[11].kind, TokenKind::kPunctuation);
  ASSERT_EQ(s.sentences.size(), 1u);
  EXPECT_EQ(s.sentences[0].token_count, s.tokens.size());
}

TEST(Segment, CurlyQuotesAndApostrophes) {
  const std::string text = "\xE2\x80\x9CSuch crimes,\xE2\x80\x9D said Iran\xE2\x80\x99s envoy.";
  const Segmented s = segment(text);
  EXPECT_EQ(words(s), (std::vector<std::string>{"\xE2\x80\x9C", "Such", "crimes", ",",
                                                "\xE2\x80\x9D", "said", "Iran", "\xE2\x80\x99s",
                                                "envoy", "."}));
  EXPECT_TRUE(s.tokens[7].possessive);
  EXPECT_FALSE(s.tokens[1].space_before);
  EXPECT_TRUE(s.tokens[5].space_before);
}

TEST(Segment, SentencesDoNotEndAfterTitlesOrInitials) {
  const std::string text =
      "Gen. Mark Milley met Mr. Smith in the U.S. capital on Monday. He said J. Doe left.\n"
      "A new paragraph";
  const Segmented s = segment(text);
  EXPECT_EQ(sentences(s), (std::vector<std::string>{
                              "Gen. Mark Milley met Mr. Smith in the U.S. capital on Monday.",
                              "He said J. Doe left.", "A new paragraph"}));
}

TEST(Segment, DottedAcronymsEndASentenceOnlyBeforeASentenceOpener) {
  const Segmented s = segment(
      "He met U.S. Secretary of State Antony Blinken. Talks at the U.N. went on. He moved to the U.S. "
      "The move was quiet.");
  EXPECT_EQ(sentences(s), (std::vector<std::string>{"He met U.S. Secretary of State Antony Blinken.",
                                                    "Talks at the U.N. went on.", "He moved to the U.S.",
                                                    "The move was quiet."}));
}

TEST(Segment, OffsetsPointIntoTheText) {
  const std::string text = "  Tehran \xE2\x80\x94 Ali Asghar Khaji met Lavrentiev.  ";
  const Segmented s = segment(text);
  for (size_t i = 0; i < s.tokens.size(); ++i) {
    EXPECT_LT(s.tokens[i].start, s.tokens[i].end);
    EXPECT_LE(s.tokens[i].end, text.size());
  }
  ASSERT_EQ(s.sentences.size(), 1u);
  EXPECT_EQ(s.sentence_text(0), "Tehran \xE2\x80\x94 Ali Asghar Khaji met Lavrentiev.");
}

TEST(Segment, HostileInputsNeverCrash) {
  EXPECT_TRUE(segment("").sentences.empty());
  EXPECT_TRUE(segment("   \n\t ").tokens.empty());
  const std::string invalid = "abc \xFF\xFE\xC3 def \xE2\x80";
  const Segmented s = segment(invalid);
  for (const Token& t : s.tokens) EXPECT_LE(t.end, invalid.size());
  const std::string digits(1 << 20, '7');
  const Segmented d = segment(digits);
  ASSERT_EQ(d.tokens.size(), 1u);
  EXPECT_EQ(d.tokens[0].kind, TokenKind::kNumber);
  std::string huge(kMaxTextBytes + 100, 'a');
  for (size_t i = 5; i < huge.size(); i += 6) huge[i] = ' ';
  const Segmented h = segment(huge);
  EXPECT_LE(h.text.size(), kMaxTextBytes);
  const std::string mixed = "Путин встретился с Си Цзиньпином в 北京 سلام.";
  EXPECT_FALSE(segment(mixed).tokens.empty());
}

}  // namespace
}  // namespace tidings::facts
