// `tidings eval stories`: story clustering on ECB+ (docs/stories.md) --
// tidings' online clusterer and the reference TF-IDF centroid clusterer run
// on the same documents in MD5-of-id order, scored pairwise and BCubed on
// the dev topics, on the rest and on all. Reads files, touches no database.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "cli/cli.h"
#include "cli/read_file.h"
#include "cluster/cluster.h"
#include "cluster/reference.h"
#include "core/article_json.h"
#include "eval/cluster_score.h"
#include "facts/story_people.h"

namespace tidings::cli {

namespace {

constexpr size_t kMaxDatasetBytes = 256u << 20;
constexpr const char* kDocsFile = "ecbplus_docs.jsonl.gz";
// The standard ECB+ dev topics (the dataset's README).
const std::set<int> kDevTopics = {2, 5, 12, 18, 21, 23, 34, 35};

struct EvalStoriesArgs {
  std::string dataset, predictions;
  bool json = false;
  double min_pairwise_f1 = 0;
  cluster::ClusterOptions options;
};

struct GoldDoc {
  std::string id, md5, cluster;
  int topic = 0;
  cluster::ClusterDoc doc;
};

Result<std::vector<GoldDoc>> read_docs(const std::filesystem::path& file, const facts::NerModel& ner) {
  auto bytes = read_gzip_input(file.string(), kMaxDatasetBytes);
  if (!bytes) return tl::unexpected(bytes.error());
  std::vector<GoldDoc> out;
  std::istringstream lines(*bytes);
  std::string line;
  for (size_t n = 1; std::getline(lines, line); ++n) {
    if (line.empty()) continue;
    auto j = nlohmann::json::parse(line, nullptr, false);
    auto bad = [&](const std::string& why) {
      return fail(ErrorCode::kInvalidInput, file.string() + ":" + std::to_string(n) + ": " + why);
    };
    if (j.is_discarded() || !j.is_object()) return bad("not a JSON object");
    GoldDoc d;
    if (!j.contains("id") || !j["id"].is_string()) return bad("no string \"id\"");
    if (!j.contains("cluster") || !j["cluster"].is_string()) return bad("no string \"cluster\"");
    if (!j.contains("topic") || !j["topic"].is_number_integer()) return bad("no integer \"topic\"");
    d.id = j["id"];
    d.cluster = j["cluster"];
    d.topic = j["topic"];
    d.md5 = eval::md5_hex(d.id);
    d.doc.title = j.value("title", "");
    d.doc.text = j.value("text", "");
    d.doc.language = "en";  // ECB+ is English news
    d.doc.people = facts::person_mentions(ner, d.doc.title, d.doc.text);  // as ingest finds them
    out.push_back(std::move(d));
  }
  std::sort(out.begin(), out.end(), [](const GoldDoc& a, const GoldDoc& b) { return a.md5 < b.md5; });
  return out;
}

nlohmann::json score_json(const eval::ClusterScore& s) {
  auto pr = [](const eval::PrecisionRecall& x) {
    return nlohmann::json{{"precision", x.precision}, {"recall", x.recall}, {"f1", x.f1}};
  };
  return {{"pairwise", pr(s.pairwise)}, {"bcubed", pr(s.bcubed)}, {"clusters", s.predicted_clusters}};
}

struct SplitResult {
  std::string name;
  size_t documents = 0, gold_clusters = 0;
  eval::ClusterScore ours, reference;
  std::vector<nlohmann::json> predictions;  ///< per document, in the order clustered
};

// Both clusterers over one split, each document in MD5 order.
SplitResult run_split(const std::string& name, const std::vector<const GoldDoc*>& docs,
                      const cluster::ClusterOptions& options) {
  cluster::StoryClusterer ours(options);
  // The reference as the README's number was made: idf from the whole split.
  std::vector<cluster::ClusterDoc> plain;
  for (const GoldDoc* d : docs) plain.push_back(d->doc);
  cluster::ReferenceOptions reference_options;
  reference_options.document_frequencies = cluster::ReferenceClusterer::count_frequencies(plain);
  reference_options.documents = plain.size();
  cluster::ReferenceClusterer reference(std::move(reference_options));
  std::vector<std::string> gold;
  std::vector<int64_t> predicted, predicted_reference;
  std::vector<cluster::Decision> decisions;
  for (const GoldDoc* d : docs) {
    gold.push_back(d->cluster);
    predicted.push_back(ours.add(d->doc, &decisions.emplace_back()));
    predicted_reference.push_back(reference.add(d->doc));
  }
  SplitResult r;
  r.name = name;
  for (size_t i = 0; i < docs.size(); ++i) {
    r.predictions.push_back({{"id", docs[i]->id}, {"topic", docs[i]->topic}, {"cluster", docs[i]->cluster},
                             {"story", predicted[i]}, {"reference_story", predicted_reference[i]},
                             {"best_story", decisions[i].best}, {"best_score", decisions[i].score},
                             {"missed_person", decisions[i].missed_person},
                             {"missed_own_person", decisions[i].missed_own_person},
                             {"missed_year", decisions[i].missed_year}, {"people", docs[i]->doc.people}});
  }
  r.ours = eval::score_clustering(gold, predicted);
  r.reference = eval::score_clustering(gold, predicted_reference);
  r.documents = docs.size();
  r.gold_clusters = r.ours.gold_clusters;
  return r;
}

void print_table(const std::vector<SplitResult>& results) {
  std::printf("%-5s %-10s %5s %6s | %-20s | %-20s\n", "split", "clusterer", "docs", "stories",
              "pairwise P / R / F1", "BCubed P / R / F1");
  for (const SplitResult& r : results) {
    for (const auto& [who, s] : {std::pair{"tidings", &r.ours}, std::pair{"reference", &r.reference}}) {
      std::printf("%-5s %-10s %5zu %3zu/%-3zu| %.3f  %.3f  %.3f  | %.3f  %.3f  %.3f\n", r.name.c_str(), who,
                  r.documents, s->predicted_clusters, r.gold_clusters, s->pairwise.precision,
                  s->pairwise.recall, s->pairwise.f1, s->bcubed.precision, s->bcubed.recall, s->bcubed.f1);
    }
  }
}

int run_eval_stories(const EvalStoriesArgs& args) {
  const std::filesystem::path file = std::filesystem::path(args.dataset) / kDocsFile;
  if (!std::filesystem::exists(file)) {
    report_error(file.string() + " is absent (the ECB+ folder of ../shared/data/clustering)");
    return 77;
  }
  auto ner = facts::NerModel::load_default();
  if (!ner) {
    report_error("the entity tagger: " + ner.error().message);
    return 1;
  }
  auto docs = read_docs(file, *ner);
  if (!docs) {
    report_error(docs.error().message);
    return 1;
  }
  std::vector<const GoldDoc*> dev, rest, all;
  for (const GoldDoc& d : *docs) {
    (kDevTopics.count(d.topic) ? dev : rest).push_back(&d);
    all.push_back(&d);
  }
  std::vector<SplitResult> results = {run_split("dev", dev, args.options),
                                      run_split("rest", rest, args.options),
                                      run_split("all", all, args.options)};
  if (!args.predictions.empty()) {
    std::ofstream out(args.predictions);
    for (const SplitResult& r : results) {
      for (nlohmann::json p : r.predictions) {
        p["split"] = r.name;
        out << dump_json(p, -1) << "\n";
      }
    }
    if (!out) {
      report_error("cannot write " + args.predictions);
      return 1;
    }
  }
  if (args.json) {
    nlohmann::json out;
    const cluster::ClusterOptions o = cluster::resolved(args.options);
    out["options"] = {{"join_threshold", o.join_threshold}, {"title_weight", o.title_weight},
                      {"name_share", o.name_share}, {"member_share", o.member_share},
                      {"people_penalty", o.people_penalty}, {"own_person_penalty", o.own_person_penalty},
                      {"year_penalty", o.year_penalty}};
    for (const SplitResult& r : results) {
      out["splits"][r.name] = {{"documents", r.documents}, {"gold_clusters", r.gold_clusters},
                               {"tidings", score_json(r.ours)}, {"reference", score_json(r.reference)}};
    }
    std::cout << dump_json(out, 2) << "\n";
  } else {
    print_table(results);
  }
  const double f1 = results.back().ours.pairwise.f1;
  if (f1 < args.min_pairwise_f1) {
    report_error("pairwise F1 on all documents is " + std::to_string(f1) + ", below the floor " +
                 std::to_string(args.min_pairwise_f1));
    return 1;
  }
  return 0;
}

void add_eval_stories_command(CLI::App& app, GlobalOptions& global) {
  auto args = std::make_shared<EvalStoriesArgs>();
  CLI::App* cmd = eval_command(app)->add_subcommand(
      "stories",
      "Story clustering on ECB+ (docs/stories.md): tidings and the reference TF-IDF clusterer, "
      "pairwise and BCubed P/R/F1 on the dev topics, the rest and all. Exit 77 when the data "
      "is absent.");
  cmd->add_option("--dataset", args->dataset, "the ECB+ folder (ecbplus_docs.jsonl.gz)")->required();
  cmd->add_flag("--json", args->json, "print JSON");
  cmd->add_option("--predictions", args->predictions,
                  "write each document's stories as JSON lines {split, id, topic, cluster, story, "
                  "reference_story, best_story, best_score, missed_person, missed_own_person, missed_year}: the best "
                  "live story, its score and its penalties, joined or not");
  cmd->add_option("--min-pairwise-f1", args->min_pairwise_f1, "exit 1 when pairwise F1 on all is below");
  cmd->add_option("--join-threshold", args->options.join_threshold, "override the clusterer's setting");
  cmd->add_option("--title-weight", args->options.title_weight, "override the clusterer's setting");
  cmd->add_option("--name-share", args->options.name_share, "override the clusterer's setting");
  cmd->add_option("--member-share", args->options.member_share, "override the clusterer's setting");
  cmd->add_option("--people-penalty", args->options.people_penalty, "override the clusterer's setting");
  cmd->add_option("--own-person-penalty", args->options.own_person_penalty, "override the clusterer's setting");
  cmd->add_option("--year-penalty", args->options.year_penalty, "override the clusterer's setting");
  cmd->callback([args, &global] { global.exit_code = run_eval_stories(*args); });
}

const bool kRegistered = register_commands(85, add_eval_stories_command);

}  // namespace

}  // namespace tidings::cli
