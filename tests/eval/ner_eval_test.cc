// The NER evaluation's error lists (eval/ner_eval.h: write_ner_errors), on
// hand-made sentences: each error lands in its kind.
#include <gtest/gtest.h>

#include <string>

#include "eval/ner_eval.h"
#include "facts/ner.h"

namespace tidings::eval {
namespace {

NerGoldSentence sentence(std::vector<std::string> words, std::vector<std::string> labels, uint32_t document) {
  NerGoldSentence s;
  s.words = std::move(words);
  s.labels = std::move(labels);
  s.document = document;
  return s;
}

TEST(NerErrors, AModelThatFindsNothingMissesEveryName) {
  const std::vector<NerGoldSentence> gold = {
      sentence({"Anna", "met", "Boris", "in", "Oslo", "."}, {"B-PER", "O", "B-PER", "O", "B-LOC", "O"}, 0),
      sentence({"Nothing", "here", "."}, {"O", "O", "O"}, 1)};
  std::string out;
  const auto counts = write_ner_errors(facts::NerModel(), gold, NerCorpus::kUner, out);
  EXPECT_EQ(counts[0], 0u);  // wrong type
  EXPECT_EQ(counts[1], 0u);  // boundary
  EXPECT_EQ(counts[2], 0u);  // spurious
  EXPECT_EQ(counts[3], 3u);  // missed
  EXPECT_NE(out.find("missed\tPER:Anna\t-\tAnna met Boris in Oslo .\n"), std::string::npos) << out;
  EXPECT_NE(out.find("missed\tLOC:Oslo\t-\t"), std::string::npos) << out;
}

}  // namespace
}  // namespace tidings::eval
