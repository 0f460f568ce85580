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

namespace tidings::dedup {
namespace {

TEST(CopyGroups, FilesMergesRestoresAndCapsContenders) {
  CopyGroups g;
  EXPECT_EQ(g.group_of(1), 0);
  EXPECT_EQ(g.file(1, GroupDecision{}), 1);  // a new group, keyed by its first member
  EXPECT_EQ(g.file(2, GroupDecision{}), 2);
  EXPECT_EQ(g.file(3, GroupDecision{1, {}}), 1);
  std::vector<int64_t> moved;
  // 4 joins group 1 and group 2 (whose original is a fragment of 4) merges in.
  EXPECT_EQ(g.file(4, GroupDecision{1, {2, 2, 1}}, &moved), 1);
  EXPECT_EQ(moved, std::vector<int64_t>{2});
  EXPECT_EQ(g.group_of(2), 1);
  EXPECT_EQ(g.group(2), nullptr);
  ASSERT_NE(g.group(1), nullptr);
  EXPECT_EQ(g.group(1)->members, (std::vector<int64_t>{1, 3, 2, 4}));
  EXPECT_EQ(g.group(1)->original, 1);
  g.set_original(1, 4);
  EXPECT_EQ(g.group(1)->original, 4);
  EXPECT_EQ(g.contenders(1, 4).size(), 4u);
  EXPECT_EQ(g.articles(), 4u);

  // A group past kMaxContenders weighs its original and the newcomer only.
  for (int64_t id = 100; id < 100 + static_cast<int64_t>(kMaxContenders) + 1; ++id) g.file(id, GroupDecision{1, {}});
  EXPECT_EQ(g.contenders(1, 132), (std::vector<int64_t>{4, 132}));

  // Restored from the store, a copy may come before its original.
  CopyGroups r;
  r.restore(11, 10);
  r.restore(10, 10);
  r.restore(12, 10);
  EXPECT_EQ(r.group_of(11), r.group_of(10));
  EXPECT_EQ(r.group(r.group_of(12))->original, 10);
  EXPECT_EQ(r.group(r.group_of(10))->members.front(), 10);
  // A decision naming a group that does not exist starts a new one.
  EXPECT_EQ(r.file(13, GroupDecision{999, {}}), 13);
}

}  // namespace
}  // namespace tidings::dedup
