// Training the NER tagger (ner.h): a structured averaged perceptron (Collins
// 2002) over the features of ner_features.h, on sentences from corpora whose
// conventions differ. A corpus that does not annotate some kinds (UNER has no
// nationalities or titles) is not penalised when the tagger finds one of
// those where its gold says O: the guess counts as gold there ("partial
// labels").
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/error.h"
#include "facts/ner.h"
#include "facts/ner_clusters.h"
#include "facts/ner_gazetteer.h"

namespace tidings::facts {

class Gazetteer;  // geo.h

struct NerTrainSentence {
  std::vector<std::string> words;
  std::vector<uint8_t> tags;  ///< BIO tags (ner.h), one per word
  uint32_t document = 0;      ///< consecutive sentences with the same document and corpus form one
  uint8_t corpus = 0;         ///< index into NerTrainOptions::corpora
};

struct NerCorpusRule {
  /// Kinds (bit 1 << NerKind) the corpus does not annotate: predicting one
  /// where the gold says O or MISC is not an error.
  uint8_t unannotated = 0;
  /// How many times each of its sentences is seen per epoch (small gold
  /// corpora next to a large silver one).
  int repeats = 1;
};

struct NerTrainOptions {
  int epochs = 6;
  uint32_t bits = 21;        ///< 2^bits hashed buckets
  uint64_t seed = 20231101;  ///< the order of sentences in each epoch
  float min_weight = 0.02f;  ///< averaged rows below this are pruned
  uint32_t case_min_count = 2;
  /// Word clusters (ner_clusters.h) learnt from the unlabelled sentences and
  /// the training sentences' words; false: none (the features stay silent).
  bool word_clusters = true;
  ner::ClusterOptions clusters;
  /// Clusters of pre-trained word vectors (eval::load_embedding_clusters),
  /// used instead of learnt ones.
  std::shared_ptr<const ner::ClusterTable> given_clusters;
  /// The place names of the gazetteer features (ner_gazetteer.h), shipped in
  /// the model; none: the features stay silent.
  std::shared_ptr<const Gazetteer> gazetteer;
  /// Person names (ner_person_names.h: ner::person_names()), shipped in the
  /// model; empty: the features stay silent.
  ner::NameList person_names;
  /// A model whose tags of a document's earlier sentences give the training
  /// sentences' history features (ner::DocumentHistory): it must not have
  /// seen the documents it tags (docs/ner.md: GMB only for the gold
  /// corpora). None: the features stay silent in training.
  std::shared_ptr<const NerModel> first_stage;
  std::vector<NerCorpusRule> corpora;  ///< by NerTrainSentence::corpus; missing = default rule
  /// Called after each epoch with its number (1-based) and the errors made.
  std::function<void(int epoch, size_t errors, size_t tokens)> on_epoch;
};

/// Trains a model. The word capitalisation table is counted on the
/// `unlabelled` sentences (news text, as words) and the training sentences
/// (cross-fitted while training, ner_train.cc); the word clusters are
/// learnt on both. Deterministic: the same inputs give the same
/// model bytes. kInvalidInput when a sentence's tags do not match its words.
Result<NerModel> train_ner(const std::vector<NerTrainSentence>& sentences,
                           const std::vector<NerWords>& unlabelled, const NerTrainOptions& options);

}  // namespace tidings::facts
