// CopyIndex: exact and near-duplicate lookups, limits, memory.
#include <gtest/gtest.h>

#include <string>

#include "dedup/dedup.h"
#include "dedup/texts.h"

namespace tidings::dedup {
namespace {

using test::numbered_words;

TEST(CopyIndex, EmptyIndexFindsNothing) {
  CopyIndex index;
  EXPECT_EQ(index.size(), 0u);
  EXPECT_TRUE(index.find(fingerprint(numbered_words(1, 200))).empty());
  EXPECT_TRUE(index.find(Fingerprint{}).empty());
}

TEST(CopyIndex, FindsExactAndNearCopiesMostSimilarFirst) {
  CopyIndex index;
  index.add(1, fingerprint(numbered_words(1, 300)));
  index.add(2, fingerprint(numbered_words(2, 300)));
  index.add(3, fingerprint("Menu | Home\n" + numbered_words(1, 300) + "\nSource link"));
  index.add(4, fingerprint(numbered_words(1, 300)));  // the same text again
  const auto matches = index.find(fingerprint(numbered_words(1, 300)));
  ASSERT_EQ(matches.size(), 3u);
  EXPECT_EQ(matches[0].id, 1);
  EXPECT_TRUE(matches[0].exact);
  EXPECT_EQ(matches[1].id, 4);
  EXPECT_EQ(matches[2].id, 3);
  EXPECT_FALSE(matches[2].exact);
  EXPECT_GE(matches[2].similarity, 0.9);
  EXPECT_EQ(index.find(fingerprint(numbered_words(1, 300)), 1).size(), 1u);
  // A teaser of story 1 finds story 1 and its copy, not story 2.
  const auto teaser = index.find(fingerprint(numbered_words(1, 50) + " read more"));
  ASSERT_EQ(teaser.size(), 3u);
  for (const auto& m : teaser) EXPECT_NE(m.id, 2);
}

TEST(CopyIndex, ShortTextsMatchOnlyExactly) {
  CopyIndex index;
  index.add(1, fingerprint("A short note."));
  EXPECT_EQ(index.find(fingerprint("a SHORT note")).size(), 1u);
  EXPECT_TRUE(index.find(fingerprint("A short note, longer")).empty());
}

TEST(CopyIndex, AThousandCopiesOfOneTextStayBounded) {
  CopyIndex index;
  const Fingerprint fp = fingerprint(numbered_words(9, 200));
  for (int i = 0; i < 1000; ++i) index.add(i + 1, fp);
  const auto matches = index.find(fp, 1000);
  EXPECT_GE(matches.size(), 1u);
  EXPECT_LE(matches.size(), 1000u);
  EXPECT_EQ(index.size(), 1000u);
  EXPECT_GT(index.memory_bytes(), 0u);
}

TEST(CopyIndex, MovesAndRejectsMalformedFingerprints) {
  CopyIndex index;
  index.add(7, fingerprint(numbered_words(3, 200)));
  Fingerprint odd;
  odd.exact = 5;
  odd.minhash = {1, 2, 3};  // wrong size: treated as no MinHash
  odd.shingles = 3;
  index.add(8, odd);
  CopyIndex moved = std::move(index);
  EXPECT_EQ(moved.size(), 2u);
  EXPECT_EQ(moved.find(fingerprint(numbered_words(3, 200)))[0].id, 7);
  EXPECT_EQ(moved.find(odd)[0].id, 8);
}

}  // namespace
}  // namespace tidings::dedup
