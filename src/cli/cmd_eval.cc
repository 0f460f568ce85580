// `tidings eval extraction`: the Scrapinghub benchmark's body-text score
// (eval/shingle_score.h), of a predictions file or of tidings itself run
// over the benchmark's folder. Reads files, touches no database.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/cli.h"
#include "cli/read_file.h"
#include "core/article_json.h"
#include "eval/shingle_score.h"
#include "extract/extract.h"

namespace tidings::cli {

namespace {

constexpr size_t kMaxJsonBytes = 256u << 20;
constexpr size_t kMaxPageBytes = 64u << 20;

struct EvalArgs {
  std::string truth_path, prediction_path, dataset, predictions_out;
  bool json = false;
  int worst = 0;
};

Result<nlohmann::json> read_json(const std::string& path) {
  return read_input(path, kMaxJsonBytes).and_then([&](std::string bytes) -> Result<nlohmann::json> {
    auto j = nlohmann::json::parse(bytes, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) return fail(ErrorCode::kInvalidInput, path + ": not JSON");
    return j;
  });
}

Result<std::map<std::string, std::string>> read_bodies(const std::string& path) {
  return read_json(path).and_then([&](const nlohmann::json& j) {
    return eval::bodies_from_json(j).map_error([&](Error e) {
      e.message = path + ": " + e.message;
      return e;
    });
  });
}

struct Predicted {
  std::map<std::string, std::string> bodies;
  size_t pages = 0, failed = 0;
  double seconds = 0;  ///< extraction alone, pages already in memory
};

// Extracts every page of a benchmark folder: html/<id>.html.gz for each id
// of ground-truth.json, handed its URL from there. A page that is absent
// or fails predicts "" (and is counted).
Result<Predicted> extract_dataset(const std::filesystem::path& dir, const nlohmann::json& truth) {
  Predicted out;
  std::vector<std::pair<std::string, std::string>> pages;  // id, html
  std::vector<std::string> urls;
  for (const auto& [id, entry] : truth.items()) {
    const std::filesystem::path file = dir / "html" / (id + ".html.gz");
    auto html = read_gzip_input(file.string(), kMaxPageBytes);
    if (!html) {
      std::cerr << "tidings: warning: " << file.string() << ": " << html.error().message << "\n";
      ++out.failed;
      out.bodies[id] = "";
      continue;
    }
    pages.emplace_back(id, std::move(*html));
    const auto url = entry.is_object() ? entry.find("url") : entry.end();
    urls.push_back(url != entry.end() && url->is_string() ? url->get<std::string>() : "");
  }
  const auto start = std::chrono::steady_clock::now();
  for (size_t i = 0; i < pages.size(); ++i) {
    ExtractOptions options;
    options.url = urls[i];
    options.content_type = "text/html; charset=utf-8";  // the benchmark's pages are UTF-8
    auto result = extract_article(pages[i].second, options);
    if (!result) ++out.failed;
    out.bodies[pages[i].first] = result ? result->article.text : "";
  }
  out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  out.pages = pages.size();
  return out;
}

void print_worst(const eval::ScoreReport& report, int count) {
  std::vector<const eval::DocumentScore*> docs;
  for (const auto& d : report.documents) docs.push_back(&d);
  auto f1 = [](const eval::DocumentScore* d) {
    const double p = d->match.precision(), r = d->match.recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  };
  std::stable_sort(docs.begin(), docs.end(), [&](auto a, auto b) { return f1(a) < f1(b); });
  docs.resize(std::min(docs.size(), static_cast<size_t>(std::max(count, 0))));
  for (const auto* d : docs) {
    std::printf("  %.3f  P %.3f  R %.3f  %s\n", f1(d), d->match.precision(), d->match.recall(),
                d->id.c_str());
  }
}

int run_eval_extraction(const EvalArgs& args) {
  std::map<std::string, std::string> truth, prediction;
  nlohmann::json speed;
  if (!args.dataset.empty()) {
    const std::filesystem::path dir(args.dataset);
    auto truth_json = read_json((dir / "ground-truth.json").string());
    if (!truth_json) {
      report_error(truth_json.error().message);
      return 1;
    }
    auto t = eval::bodies_from_json(*truth_json);
    auto predicted = extract_dataset(dir, *truth_json);
    if (!t || !predicted) {
      report_error(!t ? t.error().message : predicted.error().message);
      return 1;
    }
    truth = std::move(*t);
    prediction = std::move(predicted->bodies);
    speed = {{"pages", predicted->pages},
             {"failed", predicted->failed},
             {"seconds", predicted->seconds},
             {"pages_per_second", predicted->seconds > 0 ? predicted->pages / predicted->seconds : 0.0}};
    if (!args.predictions_out.empty()) {
      nlohmann::json out = nlohmann::json::object();
      for (const auto& [id, body] : prediction) out[id] = {{"articleBody", body}};
      std::ofstream f(args.predictions_out, std::ios::binary);
      f << dump_json(out, 1) << "\n";
      if (!f) {
        report_error(args.predictions_out + ": cannot write");
        return 1;
      }
    }
  } else {
    if (args.truth_path.empty() || args.prediction_path.empty()) {
      report_error("eval extraction: give GROUND_TRUTH.json PREDICTIONS.json, or --dataset DIR");
      return 2;
    }
    auto t = read_bodies(args.truth_path);
    auto p = read_bodies(args.prediction_path);
    if (!t || !p) {
      report_error(!t ? t.error().message : p.error().message);
      return 1;
    }
    truth = std::move(*t);
    prediction = std::move(*p);
  }
  auto report = eval::score_bodies(truth, prediction);
  if (!report) {
    report_error(report.error().message);
    return 1;
  }
  const eval::ExtractionScore& s = report->total;
  if (args.json) {
    nlohmann::json j = {{"f1", s.f1},
                        {"precision", s.precision},
                        {"recall", s.recall},
                        {"accuracy", s.accuracy},
                        {"documents", s.documents}};
    if (!speed.is_null()) j["extraction"] = speed;
    std::cout << dump_json(j, 2) << "\n";
  } else {
    std::printf("F1 %.4f  P %.4f  R %.4f  accuracy %.3f  (%zu documents)\n", s.f1, s.precision,
                s.recall, s.accuracy, s.documents);
    if (!speed.is_null()) {
      std::printf("extracted %zu pages in %.3f s (%.1f pages/s), %zu failed\n",
                  speed["pages"].get<size_t>(), speed["seconds"].get<double>(),
                  speed["pages_per_second"].get<double>(), speed["failed"].get<size_t>());
    }
  }
  if (args.worst > 0) print_worst(*report, args.worst);
  return 0;
}

void add_eval_commands(CLI::App& app, GlobalOptions& global) {
  CLI::App* eval = eval_command(app);
  auto args = std::make_shared<EvalArgs>();
  CLI::App* cmd = eval->add_subcommand(
      "extraction",
      "Score article bodies with the Scrapinghub benchmark's word-shingle metric (F1, precision, "
      "recall, accuracy; docs/extraction.md): of a predictions file against its ground truth, or "
      "of tidings extracting a benchmark folder (--dataset).");
  cmd->add_option("ground_truth", args->truth_path, "ground truth: {\"<id>\": {\"articleBody\": ...}}");
  cmd->add_option("predictions", args->prediction_path, "predictions, same shape and ids");
  cmd->add_option("--dataset", args->dataset,
                  "benchmark folder (ground-truth.json, html/<id>.html.gz): extract and score");
  cmd->add_option("--write-predictions", args->predictions_out,
                  "with --dataset: also write tidings' predictions to this file");
  cmd->add_option("--worst", args->worst, "also list the N worst documents by F1");
  cmd->add_flag("--json", args->json, "print the metrics as JSON");
  cmd->callback([args, &global] { global.exit_code = run_eval_extraction(*args); });
}

const bool kRegistered = register_commands(80, add_eval_commands);

}  // namespace

CLI::App* eval_command(CLI::App& app) {
  auto found = app.get_subcommands([](const CLI::App* a) { return a->get_name() == "eval"; });
  if (!found.empty()) return found[0];
  CLI::App* eval = app.add_subcommand("eval", "Measure tidings against annotated data");
  eval->require_subcommand(1);
  return eval;
}

}  // namespace tidings::cli
