// `tidings eval ner`: the entity tagger (facts/ner.h) on the corpora of
// ../shared/data/ner, exact-span micro P/R/F1 per corpus and type
// (conlleval's convention, eval/ner_eval.h): the model on GMB's held-out
// sentences, wikigold and UNER-EWT dev, and with --cv K, K-fold
// cross-validation on wikigold and UNER (each fold's model trained on the
// other folds and GMB) plus a model trained without UNER scored on UNER.
// Tagging speed is measured on GMB's held-out sentences.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <tuple>
#include <nlohmann/json.hpp>

#include "cli/cli.h"
#include "eval/ner_eval.h"
#include "facts/geo.h"

namespace tidings::cli {
namespace {

struct EvalNerArgs {
  std::string data = "../shared/data/ner";
  std::string model;
  std::string errors;  // a folder for the error lists
  int cv = 0;
  int epochs = 0;
  uint32_t bits = 0;
  int gold_repeats = 0;
  int lower_cased_every = 0;
  std::string embeddings;  // empty: the npm package of data/embeddings
  size_t embedding_words = 0;
  bool no_embeddings = false;
  bool json = false;
  bool no_clusters = false, no_gazetteer = false, no_person_names = false, no_history = false;
  bool no_re3d = false;
};

struct Row {
  std::string name;
  eval::NerScore score;
};

nlohmann::json counts_json(const eval::Counts& c) {
  return {{"precision", c.precision()}, {"recall", c.recall()}, {"f1", c.f1()},
          {"gold", c.gold}, {"predicted", c.predicted}, {"correct", c.true_positives}};
}

constexpr const char* kTypeNames[eval::kScoredTypes] = {"PER", "ORG", "LOC"};

int run_eval_ner(const EvalNerArgs& args) {
  auto data = eval::load_ner_data(args.data);
  if (!data) {
    report_error(data.error().message);
    return data.error().code == ErrorCode::kNotFound ? 77 : 1;
  }
  auto model = args.model.empty() ? facts::NerModel::load_default() : facts::NerModel::load(args.model);
  if (!model) {
    report_error(model.error().message);
    return 1;
  }
  std::vector<Row> rows;
  double seconds = 0;
  rows.push_back({"gmb held-out", eval::score_ner(*model, data->gmb_heldout, eval::NerCorpus::kGmb, &seconds)});
  // The best of three runs, as the speed of one core.
  for (int i = 0; i < 2; ++i) {
    double again = 0;
    eval::score_ner(*model, data->gmb_heldout, eval::NerCorpus::kGmb, &again);
    seconds = std::min(seconds, again);
  }
  if (!args.errors.empty()) {
    auto dump = [&](const facts::NerModel& m, const std::vector<eval::NerGoldSentence>& sentences,
                    eval::NerCorpus corpus, const std::string& name) {
      std::string text;
      const auto counts = eval::write_ner_errors(m, sentences, corpus, text);
      std::ofstream(args.errors + "/" + name + ".tsv", std::ios::binary) << text;
      std::fprintf(stderr, "%s: %zu wrong type, %zu wrong boundary, %zu spurious, %zu missed\n", name.c_str(),
                   counts[0], counts[1], counts[2], counts[3]);
    };
    dump(*model, data->gmb_heldout, eval::NerCorpus::kGmb, "gmb-heldout");
    if (args.cv <= 1) {
      dump(*model, data->wikigold, eval::NerCorpus::kWikigold, "wikigold");
      dump(*model, data->uner, eval::NerCorpus::kUner, "uner");
    }
  }
  const double tokens_per_second = rows[0].score.tokens / std::max(seconds, 1e-9);
  const double sentences_per_second = rows[0].score.sentences / std::max(seconds, 1e-9);
  rows.push_back({"wikigold (model trained on it)", eval::score_ner(*model, data->wikigold, eval::NerCorpus::kWikigold)});
  rows.push_back({"uner dev (model trained on it)", eval::score_ner(*model, data->uner, eval::NerCorpus::kUner)});

  if (args.cv > 1) {
    facts::NerTrainOptions options = eval::default_ner_options();
    if (args.epochs > 0) options.epochs = args.epochs;
    if (args.bits > 0) options.bits = args.bits;
    if (args.gold_repeats > 0) eval::set_gold_repeats(options, args.gold_repeats);
    options.word_clusters = !args.no_clusters;
    if (!args.no_embeddings && !args.no_clusters) {
      if (auto used = eval::use_embedding_clusters(options, args.embeddings, args.embedding_words); !used) {
        report_error(used.error().message);
        return 1;
      }
      std::fprintf(stderr, "%zu words in the word-vector clusters\n", options.given_clusters->keys.size());
    }
    if (!args.no_gazetteer) {
      auto gazetteer = facts::load_gazetteer(facts::default_gazetteer_path());
      if (!gazetteer) {
        report_error(gazetteer.error().message);
        return 1;
      }
      options.gazetteer = *gazetteer;
    }
    if (!args.no_person_names) {
      auto names = eval::load_person_names(eval::default_person_names_dir());
      if (!names) {
        report_error(names.error().message);
        return 1;
      }
      options.person_names = std::move(*names);
    }
    eval::NerTrainingSet base;  // all the gold data
    base.lower_cased_every = args.lower_cased_every;
    base.re3d = !args.no_re3d;
    if (!args.no_history) {
      std::fprintf(stderr, "training the first stage (GMB only)\n");
      auto first = eval::train_first_stage(*data, base, options);
      if (!first) {
        report_error(first.error().message);
        return 1;
      }
      options.first_stage = *first;
    }
    Row wiki{"wikigold (" + std::to_string(args.cv) + "-fold cv)", {}};
    Row uner{"uner dev (" + std::to_string(args.cv) + "-fold cv)", {}};
    for (int fold = 0; fold < args.cv; ++fold) {
      std::fprintf(stderr, "training fold %d of %d\n", fold + 1, args.cv);
      eval::NerTrainingSet set = base;
      set.folds = args.cv;
      set.held_out = fold;
      auto m = eval::train_ner_model(*data, set, options);
      if (!m) {
        report_error(m.error().message);
        return 1;
      }
      const auto wiki_folds = eval::document_folds(data->wikigold, args.cv);
      const auto uner_folds = eval::document_folds(data->uner, args.cv);
      std::vector<eval::NerGoldSentence> wiki_test, uner_test;
      for (size_t i = 0; i < data->wikigold.size(); ++i)
        if (wiki_folds[i] == fold) wiki_test.push_back(data->wikigold[i]);
      for (size_t i = 0; i < data->uner.size(); ++i)
        if (uner_folds[i] == fold) uner_test.push_back(data->uner[i]);
      if (!args.errors.empty()) {  // each fold's errors on its own test documents
        for (const auto& [name, test, corpus] :
             {std::tuple{"wikigold-cv", &wiki_test, eval::NerCorpus::kWikigold},
              std::tuple{"uner-cv", &uner_test, eval::NerCorpus::kUner}}) {
          std::string text;
          eval::write_ner_errors(*m, *test, corpus, text);
          std::ofstream(args.errors + "/" + name + ".tsv", std::ios::binary | (fold ? std::ios::app : std::ios::trunc))
              << text;
        }
      }
      wiki.score.merge(eval::score_ner(*m, wiki_test, eval::NerCorpus::kWikigold));
      uner.score.merge(eval::score_ner(*m, uner_test, eval::NerCorpus::kUner));
    }
    rows.push_back(std::move(wiki));
    rows.push_back(std::move(uner));
    std::fprintf(stderr, "training without UNER\n");
    eval::NerTrainingSet without_uner = base;
    without_uner.uner = false;
    auto m = eval::train_ner_model(*data, without_uner, options);
    if (!m) {
      report_error(m.error().message);
      return 1;
    }
    rows.push_back({"uner dev (no UNER in training)", eval::score_ner(*m, data->uner, eval::NerCorpus::kUner)});
  }

  if (args.json) {
    nlohmann::json out = {{"tokens_per_second", tokens_per_second},
                          {"sentences_per_second", sentences_per_second}};
    for (const Row& r : rows) {
      nlohmann::json j = counts_json(r.score.all);
      j["sentences"] = r.score.sentences;
      j["tokens"] = r.score.tokens;
      for (int t = 0; t < eval::kScoredTypes; ++t) j[kTypeNames[t]] = counts_json(r.score.by_type[t]);
      out["corpora"][r.name] = j;
    }
    std::cout << out.dump(2) << "\n";
    return 0;
  }
  std::printf("%-34s %6s %7s %6s %6s %6s | %6s %6s %6s\n", "exact-span micro", "sents", "tokens", "P", "R",
              "F1", "PER", "ORG", "LOC");
  for (const Row& r : rows) {
    const auto& s = r.score;
    std::printf("%-34s %6zu %7zu %6.3f %6.3f %6.3f | %6.3f %6.3f %6.3f\n", r.name.c_str(), s.sentences,
                s.tokens, s.all.precision(), s.all.recall(), s.all.f1(), s.by_type[0].f1(),
                s.by_type[1].f1(), s.by_type[2].f1());
  }
  std::printf("tagging (one core, gmb held-out, words given): %.0f tokens/s, %.0f sentences/s\n",
              tokens_per_second, sentences_per_second);
  return 0;
}

void add_eval_ner_command(CLI::App& app, GlobalOptions& global) {
  auto args = std::make_shared<EvalNerArgs>();
  CLI::App* cmd = eval_command(app)->add_subcommand(
      "ner",
      "The entity tagger (docs/ner.md): exact-span P/R/F1 per corpus and type on GMB held-out, wikigold "
      "and UNER-EWT dev, with --cv K cross-validated; tagging speed. Exit 77 when the data is absent.");
  cmd->add_option("--data", args->data, "the NER data folder")->capture_default_str();
  cmd->add_option("--model", args->model, "a model file (default: the committed one)");
  cmd->add_option("--cv", args->cv, "also train K-fold models for wikigold and UNER (slow), 0 = no");
  cmd->add_option("--epochs", args->epochs, "epochs of the cross-validation models");
  cmd->add_option("--bits", args->bits, "2^bits hashed feature buckets of the cv models (12..24)");
  cmd->add_option("--gold-repeats", args->gold_repeats, "times wikigold and UNER are seen per epoch (cv models)");
  cmd->add_option("--lower-cased-every", args->lower_cased_every,
                  "cv models: every Nth GMB sentence again in lower case (0 = no)");
  cmd->add_option("--embeddings", args->embeddings, "word vectors whose clusters the model uses (default: data/embeddings's)");
  cmd->add_option("--embedding-words", args->embedding_words, "the most frequent N words of the vectors (default: all)");
  cmd->add_flag("--no-embeddings", args->no_embeddings, "clusters learnt from the unlabelled text instead of word vectors");
  cmd->add_flag("--no-clusters", args->no_clusters, "cv models: no word clusters at all");
  cmd->add_flag("--no-gazetteer", args->no_gazetteer, "cv models: no place names");
  cmd->add_flag("--no-re3d", args->no_re3d, "cv models: leave re3d out of training");
  cmd->add_flag("--no-history", args->no_history, "cv models: no document-history features");
  cmd->add_flag("--no-person-names", args->no_person_names, "cv models: no person-name lists");
  cmd->add_option("--errors", args->errors,
                  "write each error (wrong type, boundary, spurious, missed) of the model to DIR/<corpus>.tsv");
  cmd->add_flag("--json", args->json, "print JSON");
  cmd->callback([args, &global] { global.exit_code = run_eval_ner(*args); });
}

const bool kRegistered = register_commands(86, add_eval_ner_command);

}  // namespace
}  // namespace tidings::cli
