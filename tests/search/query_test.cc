// The query language (src/search/query.h): parsing, hostile input, words,
// stems and snippets; backend-independent.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "search/query.h"

namespace tidings::search {
namespace {

std::string parsed(std::string_view q) {
  auto n = parse_query(q);
  return n ? describe(*n) : "error: " + n.error().message;
}

TEST(Query, WordsPhrasesAndOperators) {
  EXPECT_EQ(parsed("Gaza"), "gaza");
  EXPECT_EQ(parsed("gaza hospital"), "(AND gaza hospital)");
  EXPECT_EQ(parsed("gaza AND hospital"), "(AND gaza hospital)");
  EXPECT_EQ(parsed("gaza OR iran"), "(OR gaza iran)");
  EXPECT_EQ(parsed("a b OR c"), "(OR (AND a b) c)");
  EXPECT_EQ(parsed("a (b OR c)"), "(AND a (OR b c))");
  EXPECT_EQ(parsed("\"West Bank\" settlers"), "(AND \"west bank\" settlers)");
  EXPECT_EQ(parsed("gaza NOT \"west bank\""), "(AND gaza (NOT \"west bank\"))");
  EXPECT_EQ(parsed("gaza -iran"), "(AND gaza (NOT iran))");
  EXPECT_EQ(parsed("al-Shifa"), "\"al shifa\"");  // one chunk, two words: a phrase
  EXPECT_EQ(parsed("\"hospital\""), "hospital");
  // Lower-case operators are words.
  EXPECT_EQ(parsed("war and peace"), "(AND war and peace)");
}

TEST(Query, EmptyIsAll) {
  EXPECT_EQ(parsed(""), "*");
  EXPECT_EQ(parsed("   "), "*");
}

TEST(Query, HostileQueriesAreClearErrors) {
  for (const char* q : {"\"unbalanced", "(gaza", "gaza)", "()", "AND", "OR OR", "NOT", "NOT gaza",
                        "-gaza", "gaza AND", "gaza OR", "AND gaza", "gaza NOT", "( ) AND ( )",
                        "NOT NOT", "\"\" AND"}) {
    auto n = parse_query(q);
    EXPECT_FALSE(n) << q << " -> " << (n ? describe(*n) : "");
    if (!n) {
      EXPECT_EQ(n.error().code, ErrorCode::kInvalidInput) << q;
      EXPECT_FALSE(n.error().message.empty());
    }
  }
  EXPECT_FALSE(parse_query(std::string(kMaxQueryBytes + 1, 'a')));
  EXPECT_FALSE(parse_query("gaza\x01"));
  EXPECT_FALSE(parse_query(std::string("gaza\0x", 6)));
  EXPECT_FALSE(parse_query("gaza \xff\xfe"));
  std::string deep;
  for (int i = 0; i < 100; ++i) deep += "(";
  deep += "a";
  for (int i = 0; i < 100; ++i) deep += ")";
  EXPECT_FALSE(parse_query(deep));
  std::string many;
  for (int i = 0; i < 100; ++i) many += "w" + std::to_string(i) + " ";
  auto m = parse_query(many);
  ASSERT_FALSE(m);
  EXPECT_NE(m.error().message.find("words"), std::string::npos);
  // Tabs and newlines are spaces.
  EXPECT_EQ(parsed("gaza\tiran\n"), "(AND gaza iran)");
}

TEST(Query, PunctuationOnlyHasNoWords) {
  auto n = parse_query("!!! ??");
  ASSERT_TRUE(n);  // nothing to search for: the empty query
  EXPECT_EQ(n->kind, QueryNode::Kind::kAll);
  EXPECT_FALSE(parse_query("( !!! )"));
}

TEST(Query, PositiveWordsLeaveOutExcluded) {
  auto n = parse_query("gaza \"aid trucks\" NOT iran");
  ASSERT_TRUE(n);
  EXPECT_EQ(positive_words(*n), (std::vector<std::string>{"gaza", "aid", "trucks"}));
}

TEST(Words, SplitLowerAndStem) {
  auto w = split_words("Israel's ÉLITE forces, 2023_x!");
  std::vector<std::string> texts;
  for (const Word& x : w) texts.push_back(x.text);
  EXPECT_EQ(texts, (std::vector<std::string>{"israel", "s", "élite", "forces", "2023_x"}));
  EXPECT_EQ(w[0].start, 0u);
  EXPECT_EQ(w[0].end, 6u);
  EXPECT_EQ(stem("strikes"), stem("striking"));
  EXPECT_EQ(stem("hospitals"), "hospit");
  EXPECT_TRUE(split_words(std::string(1000, 'a')).empty());  // past kMaxWordBytes
  EXPECT_EQ(split_words("a\xff" "b").size(), 2u);
}

// make_snippet stems only the words that begin as a query stem does: it
// relies on a stem keeping its word's first byte. Checked on the English
// stemmer's special cases and on every word of the sample collection's pages.
TEST(Words, AStemKeepsTheFirstByteOfItsWord) {
  std::vector<std::string> words = {"dying", "lying", "tying", "skies", "skis", "idly", "gently", "ugly",
                                    "early", "only", "singly", "yelling", "yes", "youth", "sky", "news",
                                    "generously", "communism", "arsenal", "y", "s", "ys", "ying",
                                    "élite", "über", "путин", "غزة", "東京", "2023", "0x", "_a"};
  for (const auto& entry : std::filesystem::recursive_directory_iterator(TIDINGS_SOURCE_DIR "/data/sample/html")) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string page((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    for (const Word& w : split_words(page, 200'000)) words.push_back(w.text);
  }
  ASSERT_GT(words.size(), 10'000u);
  for (const std::string& w : words) {
    const std::string s = stem(w);
    ASSERT_FALSE(s.empty()) << w;
    EXPECT_EQ(s[0], w[0]) << w << " -> " << s;
  }
}

TEST(Snippet, HighlightsEveryFormOfAWordAndNoOther) {
  const std::string text = "Strikes, striking strikers: a strike. Stripe stride; hospital hospitals HOSPITALISED.";
  Snippet s = make_snippet(text, {"strike", "hospital"}, 300);
  std::vector<std::string> marked;
  for (const Span& h : s.highlights) marked.push_back(s.text.substr(h.start, h.end - h.start));
  std::vector<std::string> expected;
  for (const Word& w : split_words(text)) {
    if (stem(w.text) == stem("strike") || stem(w.text) == stem("hospital")) {
      expected.push_back(text.substr(w.start, w.end - w.start));
    }
  }
  EXPECT_EQ(marked, expected);
  EXPECT_GE(marked.size(), 5u);
}

TEST(Names, Normalised) {
  EXPECT_EQ(normalise_name("  Benjamin   NETANYAHU "), "benjamin netanyahu");
  EXPECT_EQ(normalise_place("112931"), "geonames:112931");
  EXPECT_EQ(normalise_place("GeoNames:112931"), "geonames:112931");
  EXPECT_EQ(normalise_place("Gaza City"), "gaza city");
}

TEST(Snippet, HighlightsStemmedMatches) {
  const std::string text =
      "Opening words that say little. Then many more words follow here to pad it out a lot so "
      "that the window must move. Israeli strikes hit a hospital in Gaza, officials said. "
      "The strike came at night.";
  Snippet s = make_snippet(text, {"strike", "hospital"}, 120);
  ASSERT_GE(s.highlights.size(), 2u);
  for (const Span& h : s.highlights) {
    const std::string m = s.text.substr(h.start, h.end - h.start);
    EXPECT_TRUE(m == "strikes" || m == "hospital" || m == "strike") << m;
  }
  EXPECT_EQ(s.text.rfind("… ", 0), 0u);  // cut at the start
  EXPECT_LE(s.text.size(), 130u);
}

TEST(Snippet, NoMatchGivesTheStartAndCollapsesSpace) {
  Snippet s = make_snippet("First  line\n\nsecond\tline", {"absent"});
  EXPECT_EQ(s.text, "First line second line");
  EXPECT_TRUE(s.highlights.empty());
}

TEST(Snippet, HostileTextStaysValid) {
  std::string text = "a\xff\xfe b \x01 gaza ";
  text += std::string(5000, 'x');
  Snippet s = make_snippet(text, {"gaza"});
  ASSERT_EQ(s.highlights.size(), 1u);
  EXPECT_EQ(s.text.substr(s.highlights[0].start, 4), "gaza");
  EXPECT_EQ(s.text.find('\x01'), std::string::npos);
  EXPECT_EQ(s.text.find('\xff'), std::string::npos);
}

}  // namespace
}  // namespace tidings::search
