// decide_group: the ingest rule that keeps copy groups from growing by chains.
#include <gtest/gtest.h>

#include <string>

#include "dedup/dedup.h"
#include "dedup/texts.h"

namespace tidings::dedup {
namespace {

using test::numbered_words;

TEST(DecideGroup, NoMatchesStartsAGroup) {
  const auto d = decide_group(fingerprint(numbered_words(1, 200)), {}, {});
  EXPECT_EQ(d.join, 0);
  EXPECT_TRUE(d.merge.empty());
}

TEST(DecideGroup, JoinsAsACopyOfTheGroupsOriginal) {
  const Fingerprint original = fingerprint(numbered_words(1, 300));
  const Fingerprint copy = fingerprint("Menu\n" + numbered_words(1, 300) + "\nSource link");
  const auto d = decide_group(copy, {{5, 0.99, false}}, {{42, &original, 7}});
  EXPECT_EQ(d.join, 42);
}

TEST(DecideGroup, NoChainThroughAPartialCopy) {
  // The group's original shares only its first 100 words with the newcomer,
  // which matched one member (a teaser of those 100 words) of five.
  const Fingerprint original = fingerprint(numbered_words(1, 100) + numbered_words(2, 200));
  const Fingerprint newcomer = fingerprint(numbered_words(1, 100) + numbered_words(3, 200));
  const auto d = decide_group(newcomer, {{9, 1.0, false}}, {{7, &original, 5}});
  EXPECT_EQ(d.join, 0);
  // ...but a group of one it matches wholly is joined.
  EXPECT_EQ(decide_group(newcomer, {{9, 1.0, false}}, {{7, &original, 1}}).join, 7);
}

TEST(DecideGroup, MergesGroupsWhoseOriginalIsAFragment) {
  const Fingerprint whole = fingerprint(numbered_words(1, 400));
  const Fingerprint head = fingerprint(numbered_words(1, 120) + "Read more");
  const Fingerprint other_story = fingerprint(numbered_words(8, 300));
  const auto d = decide_group(whole, {{1, 1.0, false}, {2, 0.95, false}, {3, 0.7, false}},
                              {{10, &whole, 2}, {11, &head, 1}, {12, &other_story, 3}});
  EXPECT_EQ(d.join, 10);
  ASSERT_EQ(d.merge.size(), 1u);
  EXPECT_EQ(d.merge[0], 11);
}

TEST(DecideGroup, ToleratesMissingInfo) {
  const Fingerprint fp = fingerprint(numbered_words(1, 200));
  EXPECT_EQ(decide_group(fp, {{1, 1.0, true}}, {}).join, 0);
  EXPECT_EQ(decide_group(fp, {{1, 1.0, true}}, {{0, nullptr, 0}}).join, 0);
  EXPECT_EQ(decide_group(fp, {{1, 1.0, true}}, {{3, nullptr, 1}}).join, 3);  // matches 1 of 1
}

}  // namespace
}  // namespace tidings::dedup
