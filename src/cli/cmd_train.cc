// `tidings train ner`: trains the entity tagger (facts/ner_train.h) on
// ../shared/data/ner and writes the model file that is committed as
// models/ner/ner.model (docs/ner.md). Deterministic: the same data and
// options give the same bytes.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <memory>

#include "cli/cli.h"
#include "eval/ner_eval.h"
#include "facts/geo.h"

namespace tidings::cli {
namespace {

struct TrainNerArgs {
  std::string data = "../shared/data/ner";
  std::string out = "models/ner/ner.model";
  int epochs = 0;
  int gold_repeats = 0;
  int lower_cased_every = 0;
  std::string embeddings;  // empty: the npm package of data/embeddings
  size_t embedding_words = 0;
  bool no_embeddings = false;
  uint32_t bits = 0;
  float min_weight = -1;
  bool no_uner = false, no_wikigold = false, no_clusters = false, no_unlabelled = false, no_gazetteer = false;
  bool no_person_names = false, no_history = false, no_re3d = false;
};

int run_train_ner(const TrainNerArgs& args) {
  const auto start = std::chrono::steady_clock::now();
  auto data = eval::load_ner_data(args.data);
  if (!data) {
    report_error(data.error().message);
    return data.error().code == ErrorCode::kNotFound ? 77 : 1;
  }
  facts::NerTrainOptions options = eval::default_ner_options();
  if (args.epochs > 0) options.epochs = args.epochs;
  if (args.bits > 0) options.bits = args.bits;
  if (args.gold_repeats > 0) eval::set_gold_repeats(options, args.gold_repeats);
  if (args.min_weight >= 0) options.min_weight = args.min_weight;
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
      report_error(gazetteer.error().message + " (the build makes it; --no-gazetteer to train without)");
      return 1;
    }
    options.gazetteer = *gazetteer;
  }
  if (!args.no_person_names) {
    auto names = eval::load_person_names(eval::default_person_names_dir());
    if (!names) {
      report_error(names.error().message + " (the build installs them; --no-person-names to train without)");
      return 1;
    }
    options.person_names = std::move(*names);
  }
  options.on_epoch = [&](int epoch, size_t errors, size_t tokens) {
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::fprintf(stderr, "epoch %d: %zu errors in %zu tokens (%.1f s)\n", epoch, errors, tokens, s);
  };
  eval::NerTrainingSet set;
  set.uner = !args.no_uner;
  set.wikigold = !args.no_wikigold;
  set.lower_cased_every = args.lower_cased_every;
  set.unlabelled = !args.no_unlabelled;
  set.re3d = !args.no_re3d;
  if (!args.no_history) {
    std::fprintf(stderr, "training the first stage (GMB only) for the document-history features\n");
    auto first = eval::train_first_stage(*data, set, options);
    if (!first) {
      report_error(first.error().message);
      return 1;
    }
    options.first_stage = *first;
  }
  auto model = eval::train_ner_model(*data, set, options);
  if (!model) {
    report_error(model.error().message);
    return 1;
  }
  const std::string bytes = model->to_bytes();
  std::ofstream out(args.out, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) {
    report_error("cannot write " + args.out);
    return 1;
  }
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("wrote %s: %zu bytes, %zu weight rows, %zu words in the case table, %zu in clusters "
              "(%zu unlabelled sentences); %.1f s\n",
              args.out.c_str(), bytes.size(), model->weight_rows(), model->case_words(), model->cluster_words(),
              set.unlabelled ? data->unlabelled.size() : size_t(0), s);
  return 0;
}

void add_train_commands(CLI::App& app, GlobalOptions& global) {
  CLI::App* train = app.add_subcommand("train", "Train the models tidings ships (docs/ner.md)");
  train->require_subcommand(1);
  auto args = std::make_shared<TrainNerArgs>();
  CLI::App* ner = train->add_subcommand(
      "ner", "The entity tagger from ../shared/data/ner: GMB sentences 1-43,163, wikigold and UNER-EWT dev. "
             "Exit 77 when the data is absent.");
  ner->add_option("--data", args->data, "the NER data folder")->capture_default_str();
  ner->add_option("--out", args->out, "the model file to write")->capture_default_str();
  ner->add_option("--epochs", args->epochs, "passes over the data (default: the committed model's)");
  ner->add_option("--gold-repeats", args->gold_repeats, "times wikigold and UNER are seen per epoch");
  ner->add_option("--lower-cased-every", args->lower_cased_every,
                  "every Nth GMB sentence again in lower case (0 = no, the committed model)");
  ner->add_option("--bits", args->bits, "2^bits hashed feature buckets (12..24)");
  ner->add_option("--min-weight", args->min_weight, "prune weight rows below this");
  ner->add_flag("--no-uner", args->no_uner, "leave UNER-EWT dev out of training");
  ner->add_flag("--no-wikigold", args->no_wikigold, "leave wikigold out of training");
  ner->add_option("--embeddings", args->embeddings, "word vectors whose clusters the model uses (default: data/embeddings's)");
  ner->add_option("--embedding-words", args->embedding_words, "the most frequent N words of the vectors (default: all)");
  ner->add_flag("--no-embeddings", args->no_embeddings, "clusters learnt from the unlabelled text instead of word vectors");
  ner->add_flag("--no-clusters", args->no_clusters, "no word clusters at all");
  ner->add_flag("--no-gazetteer", args->no_gazetteer, "no place names from the geocoder's gazetteer");
  ner->add_flag("--no-person-names", args->no_person_names, "no first names and name parts (data/names)");
  ner->add_flag("--no-re3d", args->no_re3d, "leave re3d's proper-name mentions out of training");
  ner->add_flag("--no-history", args->no_history, "no document-history features (no first stage)");
  ner->add_flag("--no-unlabelled", args->no_unlabelled, "no unlabelled text (ECB+, scrapinghub bodies)");
  ner->callback([args, &global] { global.exit_code = run_train_ner(*args); });
}

const bool kRegistered = register_commands(90, add_train_commands);

}  // namespace
}  // namespace tidings::cli
