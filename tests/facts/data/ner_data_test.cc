// The entity tagger on ../shared/data/ner (docs/ner.md): the corpus readers
// against the counts the data's README gives, and the committed model held
// at the F1 it reached (a little below, so that a regression fails). Only
// GMB's held-out sentences are unseen by the committed model; wikigold and
// UNER dev are in its training data, so their floors only catch breakage
// (the honest cross-validated scores are `tidings eval ner --cv 5`).
#include <gtest/gtest.h>

#include <string>

#include "eval/ner_eval.h"
#include "facts/ner.h"

namespace tidings::eval {
namespace {

const std::string kDir = std::string(TIDINGS_SHARED_DATA) + "/ner";

const NerData* data() {
  static const auto loaded = load_ner_data(kDir);
  return loaded ? &*loaded : nullptr;
}

#define REQUIRE_DATA()                                                   \
  if (data() == nullptr) GTEST_SKIP() << "no NER data in " << kDir;      \
  auto model = facts::NerModel::load_default();                          \
  ASSERT_TRUE(model) << model.error().message

size_t count_kind(const std::vector<NerGoldSentence>& corpus, NerCorpus c, int type) {
  size_t n = 0;
  for (const auto& s : corpus)
    for (const auto& span : gold_spans(s, c)) n += span.type == type;
  return n;
}

TEST(NerData, ReadersMatchTheReadme) {
  REQUIRE_DATA();
  EXPECT_EQ(data()->gmb_train.size() + data()->gmb_heldout.size(), 47959u);
  EXPECT_EQ(data()->gmb_heldout.size(), 47959u - kGmbFirstHeldOut + 1);
  EXPECT_EQ(data()->gmb_heldout.front().number, kGmbFirstHeldOut);
  size_t uner_tokens = 0;
  for (const auto& s : data()->uner) uner_tokens += s.words.size();
  EXPECT_EQ(data()->uner.size(), 2001u);
  EXPECT_EQ(uner_tokens, 25149u);
  EXPECT_EQ(count_kind(data()->uner, NerCorpus::kUner, 0), 343u);
  EXPECT_EQ(count_kind(data()->uner, NerCorpus::kUner, 1), 224u);
  EXPECT_EQ(count_kind(data()->uner, NerCorpus::kUner, 2), 399u);
  EXPECT_EQ(count_kind(data()->wikigold, NerCorpus::kWikigold, 0), 934u);
  EXPECT_EQ(count_kind(data()->wikigold, NerCorpus::kWikigold, 1), 898u);
  EXPECT_EQ(count_kind(data()->wikigold, NerCorpus::kWikigold, 2), 1014u);
  // GMB is Latin-1: its bytes come out as UTF-8.
  bool utf8_quote = false;
  for (const auto& s : data()->gmb_train)
    for (const auto& w : s.words) utf8_quote |= w == "\xE2\x80\x99";
  EXPECT_TRUE(utf8_quote);
}

TEST(NerData, TrainingLabelsGiveBackEachCorpusConvention) {
  REQUIRE_DATA();
  for (auto [corpus, name] : {std::pair{&data()->gmb_heldout, NerCorpus::kGmb},
                              {&data()->wikigold, NerCorpus::kWikigold}, {&data()->uner, NerCorpus::kUner}}) {
    NerScore s;
    for (const auto& x : *corpus) s.add(gold_spans(x, name), predicted_spans(training_tags(x, name), name));
    EXPECT_EQ(s.all.f1(), 1.0) << ner_corpus_name(name);
  }
}

TEST(NerData, UnlabelledTextForTheClusters) {
  REQUIRE_DATA();
  // ECB+ and the scrapinghub bodies beside the NER folder: about 18,000 sentences.
  EXPECT_GT(data()->unlabelled.size(), 15000u);
  size_t words = 0;
  for (const auto& s : data()->unlabelled) words += s.size();
  EXPECT_GT(words, 300000u);
}

TEST(NerData, CommittedModelOnGmbHeldOut) {
  REQUIRE_DATA();
  const NerScore s = score_ner(*model, data()->gmb_heldout, NerCorpus::kGmb);
  // 0.850 when committed (Viterbi, clusters, place names); the greedy tagger had 0.838.
  EXPECT_GE(s.all.f1(), 0.845) << "P " << s.all.precision() << " R " << s.all.recall();
  EXPECT_GE(s.by_type[0].f1(), 0.765);
  EXPECT_GE(s.by_type[1].f1(), 0.73);
  EXPECT_GE(s.by_type[2].f1(), 0.90);
}

TEST(NerData, CommittedModelOnItsGoldTrainingData) {
  REQUIRE_DATA();
  EXPECT_GE(score_ner(*model, data()->wikigold, NerCorpus::kWikigold).all.f1(), 0.96);
  EXPECT_GE(score_ner(*model, data()->uner, NerCorpus::kUner).all.f1(), 0.94);
}

}  // namespace
}  // namespace tidings::eval
