// `tidings eval copies`: copy detection and the choice of the original,
// measured on copies generated from ECB+ originals (eval/copy_set.h,
// docs/copies.md). Reads the dataset, touches no database.
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/cli.h"
#include "cli/read_file.h"
#include "core/article_json.h"
#include "eval/copy_eval.h"

namespace tidings::cli {

namespace {

constexpr size_t kMaxDatasetBytes = 64u << 20;

struct EvalCopiesArgs {
  std::string dataset;
  uint64_t seed = 1;
  size_t copies = 6;
  bool json = false, compare = true;
  double min_precision = 0, min_recall = 0;
};

Result<std::vector<eval::SourceDocument>> read_ecbplus(const std::string& dir) {
  const std::string path = (std::filesystem::path(dir) / "ecbplus_docs.jsonl.gz").string();
  auto bytes = read_gzip_input(path, kMaxDatasetBytes);
  if (!bytes) return tl::unexpected(bytes.error());
  std::vector<eval::SourceDocument> docs;
  size_t start = 0;
  while (start < bytes->size()) {
    size_t end = bytes->find('\n', start);
    if (end == std::string::npos) end = bytes->size();
    const auto j = nlohmann::json::parse(bytes->begin() + start, bytes->begin() + end, nullptr, false);
    start = end + 1;
    if (j.is_discarded() || !j.is_object()) continue;
    eval::SourceDocument d;
    d.id = j.value("id", "");
    d.cluster = j.value("cluster", "");
    d.title = j.value("title", "");
    d.text = j.value("text", "");
    if (j.contains("source_url") && j["source_url"].is_string()) d.url = j["source_url"].get<std::string>();
    if (!d.id.empty() && !d.text.empty()) docs.push_back(std::move(d));
  }
  if (docs.empty()) return fail(ErrorCode::kInvalidInput, path + ": no documents");
  return docs;
}

nlohmann::json ratio_json(const eval::Ratio& r) { return {{"hit", r.hit}, {"total", r.total}, {"value", r.value()}}; }

nlohmann::json scores_json(const eval::CopyScores& s) {
  nlohmann::json j = {{"matcher", s.matcher},
                      {"precision", s.precision},
                      {"recall", s.recall},
                      {"f1", s.f1},
                      {"positive_pairs", s.positive_pairs},
                      {"predicted_pairs", s.predicted_pairs},
                      {"true_pairs", s.true_pairs},
                      {"ambiguous_pairs", s.ambiguous_pairs},
                      {"ambiguous_text_pairs", s.ambiguous_text_pairs},
                      {"story_mate_false_pairs", s.story_mate_false},
                      {"other_false_pairs", s.other_false},
                      {"original", ratio_json(s.original)},
                      {"fingerprint_seconds", s.fingerprint_seconds},
                      {"lookup_seconds", s.lookup_seconds}};
  for (const auto& [kind, r] : s.recall_per_kind) j["recall_per_kind"][kind] = ratio_json(r);
  for (const auto& [e, r] : s.original_per_evidence) j["original_per_evidence"][e] = ratio_json(r);
  for (const auto& [reason, n] : s.reasons) j["reasons"][reason] = n;
  return j;
}

void print_scores(const eval::CopyScores& s, bool details) {
  std::printf("%-12s P %.4f  R %.4f  F1 %.4f  (pairs: %zu predicted, %zu true of %zu; %zu ambiguous, %zu of them "
              "texts that are copies across sources)\n",
              s.matcher.c_str(), s.precision, s.recall, s.f1, s.predicted_pairs, s.true_pairs, s.positive_pairs,
              s.ambiguous_pairs, s.ambiguous_text_pairs);
  std::printf("  false pairs: %zu story-mates, %zu other stories; original right %.4f (%zu/%zu)\n",
              s.story_mate_false, s.other_false, s.original.value(), s.original.hit, s.original.total);
  const size_t n = s.articles ? s.articles : 1;
  std::printf("  fingerprint %.1f us/article, lookup %.1f us/article\n", 1e6 * s.fingerprint_seconds / n,
              1e6 * s.lookup_seconds / n);
  if (!details) return;
  std::printf("  recall per edit kind:\n");
  for (const auto& [kind, r] : s.recall_per_kind) {
    std::printf("    %-20s %.4f (%zu/%zu)\n", kind.c_str(), r.value(), r.hit, r.total);
  }
  std::printf("  original right per evidence:\n");
  for (const auto& [e, r] : s.original_per_evidence) {
    std::printf("    %-20s %.4f (%zu/%zu)\n", e.c_str(), r.value(), r.hit, r.total);
  }
  std::printf("  reasons of the chosen originals:");
  for (const auto& [reason, count] : s.reasons) std::printf(" %s %zu", reason.c_str(), count);
  std::printf("\n");
}

int run_eval_copies(const EvalCopiesArgs& args) {
  auto docs = read_ecbplus(args.dataset);
  if (!docs) {
    report_error(docs.error().message);
    return 1;
  }
  const eval::CopySet set = eval::generate_copy_set(std::move(*docs), args.seed, args.copies);
  const eval::CopyScores minhash = eval::evaluate_copies(set, args.seed, eval::CopyMatcher::kMinHash);
  std::vector<eval::CopyScores> others;
  if (args.compare) {
    for (const int d : {3, 6, 10, 16}) {
      others.push_back(eval::evaluate_copies(set, args.seed, eval::CopyMatcher::kSimHash, d));
    }
  }
  if (args.json) {
    nlohmann::json j = {{"sources", set.sources.size()},
                        {"originals", set.originals},
                        {"wire_pairs", set.wire_pairs},
                        {"articles", minhash.articles},
                        {"copies", minhash.copies},
                        {"copies_per_kind", minhash.copies_per_kind},
                        {"threshold", dedup::copy_threshold()},
                        {"minhash", scores_json(minhash)}};
    for (const auto& s : others) j["compare"].push_back(scores_json(s));
    std::cout << dump_json(j, 2) << "\n";
  } else {
    std::printf("%zu sources, %zu originals with copies, %zu wire pairs inside the corpus (ambiguous)\n",
                set.sources.size(), set.originals, set.wire_pairs);
    std::printf("%zu articles, %zu copies:", minhash.articles, minhash.copies);
    for (const auto& [kind, count] : minhash.copies_per_kind) std::printf(" %s %zu", kind.c_str(), count);
    std::printf("\ncopy threshold (containment) %.2f, seed %llu\n", dedup::copy_threshold(),
                static_cast<unsigned long long>(args.seed));
    print_scores(minhash, true);
    for (const auto& s : others) print_scores(s, true);
  }
  int status = 0;
  if (minhash.precision + 1e-12 < args.min_precision) {
    report_error("copy precision " + std::to_string(minhash.precision) + " below " + std::to_string(args.min_precision));
    status = 1;
  }
  if (minhash.recall + 1e-12 < args.min_recall) {
    report_error("copy recall " + std::to_string(minhash.recall) + " below " + std::to_string(args.min_recall));
    status = 1;
  }
  return status;
}

void add_eval_copies_command(CLI::App& app, GlobalOptions& global) {
  auto args = std::make_shared<EvalCopiesArgs>();
  CLI::App* cmd = eval_command(app)->add_subcommand(
      "copies",
      "Copy detection on copies generated from ECB+ originals with republishing's edits: P/R/F1 of "
      "the copy relation, recall per edit kind, story-mate false positives, the chosen original "
      "(docs/copies.md); MinHash against SimHash.");
  cmd->add_option("--dataset", args->dataset, "ECB+ folder (ecbplus_docs.jsonl.gz)")->required();
  cmd->add_option("--seed", args->seed, "seed of the generated copies and of the arrival order")->capture_default_str();
  cmd->add_option("--copies", args->copies, "copies per original")->capture_default_str()->check(CLI::Range(0, 100));
  cmd->add_flag("--json", args->json, "print the metrics as JSON");
  cmd->add_flag("!--no-compare", args->compare, "skip the SimHash comparison");
  cmd->add_option("--min-precision", args->min_precision, "exit 1 when the copy precision is lower");
  cmd->add_option("--min-recall", args->min_recall, "exit 1 when the copy recall is lower");
  cmd->callback([args, &global] { global.exit_code = run_eval_copies(*args); });
}

const bool kRegistered = register_commands(95, add_eval_copies_command);

}  // namespace

}  // namespace tidings::cli
