// Pairwise and BCubed clustering scores on hand-computed cases, and MD5.
#include "eval/cluster_score.h"

#include <gtest/gtest.h>

namespace tidings::eval {
namespace {

TEST(ClusterScore, PerfectAndSingletons) {
  ClusterScore s = score_clustering({"a", "a", "b"}, {7, 7, 9});
  EXPECT_DOUBLE_EQ(s.pairwise.f1, 1);
  EXPECT_DOUBLE_EQ(s.bcubed.f1, 1);
  EXPECT_EQ(s.gold_clusters, 2u);
  // Every document alone: no pair predicted (P = 1 by convention), R = 0.
  s = score_clustering({"a", "a", "b"}, {1, 2, 3});
  EXPECT_DOUBLE_EQ(s.pairwise.precision, 1);
  EXPECT_DOUBLE_EQ(s.pairwise.recall, 0);
  EXPECT_DOUBLE_EQ(s.bcubed.precision, 1);
  EXPECT_NEAR(s.bcubed.recall, (0.5 + 0.5 + 1) / 3, 1e-12);
}

TEST(ClusterScore, HandComputed) {
  // gold {0,1,2} {3,4}; predicted {0,1} {2,3,4}
  ClusterScore s = score_clustering({"a", "a", "a", "b", "b"}, {1, 1, 2, 2, 2});
  // pairs together in both: (0,1), (3,4) = 2; predicted 1 + 3 = 4; gold 3 + 1 = 4.
  EXPECT_DOUBLE_EQ(s.pairwise.precision, 0.5);
  EXPECT_DOUBLE_EQ(s.pairwise.recall, 0.5);
  EXPECT_DOUBLE_EQ(s.pairwise.f1, 0.5);
  // BCubed P: 1, 1, 1/3, 2/3, 2/3; R: 2/3, 2/3, 1/3, 1, 1.
  EXPECT_NEAR(s.bcubed.precision, (1 + 1 + 1.0 / 3 + 2.0 / 3 + 2.0 / 3) / 5, 1e-12);
  EXPECT_NEAR(s.bcubed.recall, (2.0 / 3 + 2.0 / 3 + 1.0 / 3 + 1 + 1) / 5, 1e-12);
  EXPECT_EQ(s.predicted_clusters, 2u);
}

TEST(ClusterScore, BadSizes) {
  EXPECT_EQ(score_clustering({}, {}).documents, 0u);
  EXPECT_EQ(score_clustering({"a"}, {1, 2}).documents, 0u);
}

TEST(Md5, Rfc1321Vectors) {
  EXPECT_EQ(md5_hex(""), "d41d8cd98f00b204e9800998ecf8427e");
  EXPECT_EQ(md5_hex("abc"), "900150983cd24fb0d6963f7d28e17f72");
}

}  // namespace
}  // namespace tidings::eval
