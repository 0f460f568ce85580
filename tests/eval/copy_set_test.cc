// The generated copy set: deterministic for a seed, labelled, and scored
// by the ingest simulation.
#include <gtest/gtest.h>

#include <string>

#include "eval/copy_eval.h"
#include "eval/copy_set.h"

namespace tidings::eval {
namespace {

std::vector<SourceDocument> sources() {
  std::vector<SourceDocument> out;
  for (int d = 0; d < 12; ++d) {
    SourceDocument doc;
    doc.id = std::to_string(d / 4 + 1) + "_" + std::to_string(d) + "ecb";
    doc.cluster = std::to_string(d / 4 + 1) + "_ecb";
    doc.title = "Headline number " + std::to_string(d) + " about the event";
    doc.text = doc.title;
    for (int line = 0; line < 12; ++line) {
      doc.text += "\nSentence " + std::to_string(line) + " of document " + std::to_string(d * 7919) +
                  " tells what happened to subject " + std::to_string(d * 31 + line) + " on that day.";
    }
    out.push_back(doc);
  }
  out[1].text = out[0].text + "\nOne more line.";  // a wire copy inside the corpus
  return out;
}

TEST(CopySet, DeterministicForASeed) {
  const CopySet a = generate_copy_set(sources(), 7), b = generate_copy_set(sources(), 7);
  ASSERT_EQ(a.articles.size(), b.articles.size());
  for (size_t i = 0; i < a.articles.size(); ++i) {
    EXPECT_EQ(a.articles[i].text, b.articles[i].text);
    EXPECT_EQ(a.articles[i].kind, b.articles[i].kind);
    EXPECT_EQ(a.articles[i].candidate.url, b.articles[i].candidate.url);
  }
  const CopySet c = generate_copy_set(sources(), 8);
  bool differs = false;
  for (size_t i = 0; i < std::min(a.articles.size(), c.articles.size()); ++i) differs |= a.articles[i].text != c.articles[i].text;
  EXPECT_TRUE(differs);
}

TEST(CopySet, LabelsWireFamiliesAndCopies) {
  const CopySet set = generate_copy_set(sources(), 1, 5);
  EXPECT_EQ(set.wire_pairs, 1u);
  EXPECT_EQ(set.family[0], set.family[1]);
  EXPECT_NE(set.family[0], set.family[2]);
  EXPECT_EQ(set.originals, 12u);
  EXPECT_EQ(set.articles.size(), 12u * 6);
  for (const auto& a : set.articles) {
    EXPECT_FALSE(a.text.empty());
    EXPECT_FALSE(a.candidate.url.empty());
  }
}

TEST(CopySet, SimulationFindsTheCopies) {
  const CopySet set = generate_copy_set(sources(), 3, 6);
  const CopyScores s = evaluate_copies(set, 3, CopyMatcher::kMinHash);
  EXPECT_EQ(s.copies, 72u);
  EXPECT_GE(s.recall, 0.9);
  EXPECT_GE(s.precision, 0.9);
  EXPECT_GT(s.original.total, 0u);
}

}  // namespace
}  // namespace tidings::eval
