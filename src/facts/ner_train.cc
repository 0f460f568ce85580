// Training the NER tagger (ner_train.h).
#include "facts/ner_train.h"

#include <algorithm>
#include <random>

#include "facts/ner_features.h"
#include "facts/ner_model.h"

namespace tidings::facts {
namespace {

// The averaged perceptron's two tables (Daumé's trick): `w` the current
// weights, `u` the sum of step * update, so that the average after c steps
// is w - u / c without touching every weight at every step.
struct Perceptron {
  uint32_t bits;
  std::vector<float> w;
  std::vector<double> u;
  double step = 1;

  explicit Perceptron(uint32_t b) : bits(b), w((size_t(1) << b) * kNerTags), u(w.size()) {}
  size_t row(uint64_t feature) const { return size_t(feature >> (64 - bits)) * kNerTags; }
  void score(uint64_t feature, float* scores) const {
    const float* r = &w[row(feature)];
    for (int t = 0; t < kNerTags; ++t) scores[t] += r[t];
  }
  void update(uint64_t feature, uint8_t tag, float delta) {
    const size_t i = row(feature) + tag;
    w[i] += delta;
    u[i] += step * delta;
  }
  std::vector<float> averaged() const {
    std::vector<float> out(w.size());
    for (size_t i = 0; i < w.size(); ++i) out[i] = static_cast<float>(w[i] - u[i] / step);
    return out;
  }
};

// A sentence's static features, computed once.
struct Prepared {
  size_t first_feature = 0;
  size_t first_key = 0;
};

// Fisher-Yates with the standard engine, so that the order (and the model)
// does not depend on the library's std::shuffle.
void shuffle(std::vector<uint32_t>& v, std::mt19937_64& rng) {
  for (size_t i = v.size(); i > 1; --i) {
    const size_t j = static_cast<size_t>(rng() % i);
    std::swap(v[i - 1], v[j]);
  }
}

}  // namespace

Result<NerModel> train_ner(const std::vector<NerTrainSentence>& sentences,
                           const std::vector<NerWords>& unlabelled, const NerTrainOptions& options) {
  if (options.bits < 12 || options.bits > 24) return fail(ErrorCode::kInvalidInput, "ner: bits must be 12..24");
  for (const auto& s : sentences) {
    if (s.words.size() != s.tags.size()) return fail(ErrorCode::kInvalidInput, "ner: tags do not match words");
    for (uint8_t t : s.tags)
      if (t >= kNerTags) return fail(ErrorCode::kInvalidInput, "ner: bad tag");
  }
  // The capitalisation table the model ships is counted on the unlabelled
  // text and every training sentence. Training sentences see a table
  // cross-fitted on the other half of the documents (counts doubled), so
  // that a rare word's class never comes from its own occurrence: otherwise
  // "seen twice, always capitalised" is learnt from the very names it
  // describes, and unseen names at test time look nothing like them.
  ner::CaseCounter all, halves[2];
  for (const auto& words : unlabelled) {
    all.add_sentence(words);
    for (auto& h : halves) h.add_sentence(words);
  }
  std::vector<uint8_t> half_of(sentences.size());
  {
    uint32_t doc_index = 0;
    for (size_t s = 0; s < sentences.size(); ++s) {
      if (s > 0 && (sentences[s].document != sentences[s - 1].document || sentences[s].corpus != sentences[s - 1].corpus))
        ++doc_index;
      half_of[s] = doc_index % 2;
      const NerWords words(sentences[s].words.begin(), sentences[s].words.end());
      all.add_sentence(words);
      halves[1 - half_of[s]].add_sentence(words, 2);
    }
  }
  ner::CaseTable cases = all.table(options.case_min_count);
  ner::ClusterTable clusters;
  if (options.given_clusters) {
    clusters = *options.given_clusters;
  } else if (options.word_clusters) {
    std::vector<NerWords> text(unlabelled.begin(), unlabelled.end());
    for (const auto& s : sentences) text.emplace_back(s.words.begin(), s.words.end());
    clusters = ner::learn_word_clusters(text, options.clusters);
  }
  ner::NameList names;
  if (options.gazetteer) names = ner::place_names(*options.gazetteer);
  const ner::CaseTable half_cases[2] = {halves[0].table(options.case_min_count),
                                        halves[1].table(options.case_min_count)};

  // Static features of every sentence, document by document.
  std::vector<uint64_t> features;
  std::vector<ner::TokenKeys> keys;
  std::vector<Prepared> prepared(sentences.size());
  {
    std::vector<uint64_t> f;
    std::vector<ner::TokenKeys> k;
    for (size_t begin = 0; begin < sentences.size();) {
      size_t end = begin + 1;
      while (end < sentences.size() && sentences[end].document == sentences[begin].document &&
             sentences[end].corpus == sentences[begin].corpus)
        ++end;
      std::vector<NerWords> doc_words(end - begin);
      for (size_t s = begin; s < end; ++s)
        doc_words[s - begin].assign(sentences[s].words.begin(), sentences[s].words.end());
      const ner::DocumentCases doc(doc_words);
      // The first stage's tags of the document, read sentence by sentence
      // as the tagger reads its own (ner.cc).
      ner::DocumentHistory history;
      std::vector<std::vector<uint8_t>> first_tags;
      if (options.first_stage && end - begin > 1) first_tags = options.first_stage->tag_document(doc_words);
      for (size_t s = begin; s < end; ++s) {
        ner::static_features(doc_words[s - begin], half_cases[half_of[s]], clusters, names,
                             options.person_names, doc, history, f, k);
        if (!first_tags.empty()) history.add(k.data(), first_tags[s - begin].data(), k.size());
        prepared[s] = {features.size(), keys.size()};
        features.insert(features.end(), f.begin(), f.end());
        keys.insert(keys.end(), k.begin(), k.end());
      }
      begin = end;
    }
  }

  std::vector<uint32_t> base_order;
  for (uint32_t s = 0; s < sentences.size(); ++s) {
    const int repeats = sentences[s].corpus < options.corpora.size() ? options.corpora[sentences[s].corpus].repeats : 1;
    for (int r = 0; r < repeats; ++r) base_order.push_back(s);
  }
  Perceptron model(options.bits);
  std::mt19937_64 rng(options.seed);
  std::vector<uint8_t> back, guess, gold;
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    std::vector<uint32_t> order = base_order;
    shuffle(order, rng);
    size_t errors = 0, tokens = 0;
    for (uint32_t s : order) {
      const auto& sentence = sentences[s];
      const uint8_t unannotated =
          sentence.corpus < options.corpora.size() ? options.corpora[sentence.corpus].unannotated : 0;
      const size_t n = sentence.words.size();
      const uint64_t* f = &features[prepared[s].first_feature];
      const ner::TokenKeys* k = &keys[prepared[s].first_key];
      ner::viterbi(f, k, n, [&model](uint64_t feature, float* scores) { model.score(feature, scores); }, back,
                   guess);
      // The gold the guess is measured against: a kind the corpus does not
      // annotate, found where its gold says O (or MISC), is not an error.
      gold = sentence.tags;
      for (size_t i = 0; i < n; ++i) {
        if (guess[i] != kTagO && (unannotated >> int(tag_kind(guess[i])) & 1) &&
            (gold[i] == kTagO || tag_kind(gold[i]) == NerKind::kMisc))
          gold[i] = guess[i];
        if (!ner::allowed(i > 0 ? gold[i - 1] : kTagO, gold[i])) gold[i] = begin_tag(tag_kind(gold[i]));
      }
      // The structured perceptron's update (Collins 2002): the gold
      // sequence's features up, the guess's down, where they differ.
      for (size_t i = 0; i < n; ++i) {
        const uint8_t gp = i > 0 ? gold[i - 1] : kTagO, yp = i > 0 ? guess[i - 1] : kTagO;
        if (gold[i] != guess[i]) {
          ++errors;
          for (int j = 0; j < ner::kStaticFeatures; ++j) {
            model.update(f[i * ner::kStaticFeatures + j], gold[i], 1);
            model.update(f[i * ner::kStaticFeatures + j], guess[i], -1);
          }
        }
        if (gold[i] != guess[i] || gp != yp) {
          uint64_t dynamic[ner::kDynamicFeatures];
          ner::dynamic_features(k[i], gp, dynamic);
          for (uint64_t d : dynamic) model.update(d, gold[i], 1);
          ner::dynamic_features(k[i], yp, dynamic);
          for (uint64_t d : dynamic) model.update(d, guess[i], -1);
        }
      }
      model.step += static_cast<double>(n);
      tokens += n;
    }
    if (options.on_epoch) options.on_epoch(epoch, errors, tokens);
  }
  auto weights = ner::compress_weights(model.averaged(), options.bits, options.min_weight, std::move(cases),
                                           std::move(clusters), std::move(names), options.person_names);
  return NerModel(std::make_shared<const NerWeights>(std::move(weights)));
}

}  // namespace tidings::facts
