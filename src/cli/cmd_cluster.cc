// `tidings cluster`: JSON lines of articles in, their stories out, in input
// order (stateless; touches no database). The same clusterer and settings
// as ingest (cluster/cluster.h, docs/stories.md).
#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/cli.h"
#include "cluster/cluster.h"
#include "core/article_json.h"
#include "core/time.h"
#include "facts/story_people.h"

namespace tidings::cli {

namespace {

struct ClusterArgs {
  std::string file = "-";
  std::string language;  ///< for lines that give none
  size_t max_line_bytes = 64u << 20;
};

// Reads one line into `line` (without its '\n'). A line longer than
// `max_bytes` is consumed but not kept: `too_long` is set. False at the end.
bool read_line(std::istream& in, std::string& line, size_t max_bytes, bool& too_long) {
  line.clear();
  too_long = false;
  std::streambuf* buf = in.rdbuf();
  bool any = false;
  for (;;) {
    const int c = buf->sbumpc();
    if (c == std::char_traits<char>::eof()) return any;
    any = true;
    if (c == '\n') return true;
    if (line.size() < max_bytes) {
      line.push_back(static_cast<char>(c));
    } else {
      too_long = true;
    }
  }
}

// One input line as a document; the error says what is wrong with it.
Result<cluster::ClusterDoc> parse_doc(const nlohmann::json& j, const std::string& language) {
  if (!j.is_object()) return fail(ErrorCode::kInvalidInput, "not a JSON object");
  if (!j.contains("id") || !(j["id"].is_string() || j["id"].is_number_integer())) {
    return fail(ErrorCode::kInvalidInput, "no \"id\" (a string or an integer)");
  }
  cluster::ClusterDoc doc;
  doc.language = language;
  for (const char* field : {"title", "text", "language"}) {
    if (j.contains(field) && !j[field].is_string() && !j[field].is_null()) {
      return fail(ErrorCode::kInvalidInput, std::string("\"") + field + "\" is not a string");
    }
  }
  if (!j.contains("title") && !j.contains("text")) {
    return fail(ErrorCode::kInvalidInput, "no \"title\" and no \"text\"");
  }
  if (j.contains("title") && j["title"].is_string()) doc.title = j["title"];
  if (j.contains("text") && j["text"].is_string()) doc.text = j["text"];
  if (j.contains("language") && j["language"].is_string()) doc.language = j["language"];
  if (doc.title.find_first_not_of(" \t\r\n") == std::string::npos &&
      doc.text.find_first_not_of(" \t\r\n") == std::string::npos) {
    return fail(ErrorCode::kInvalidInput, "nothing to cluster: \"title\" and \"text\" are empty");
  }
  if (j.contains("published_at") && !j["published_at"].is_null()) {
    const auto& when = j["published_at"];
    auto t = when.is_string() ? parse_iso8601(when.get<std::string>()) : std::nullopt;
    if (!t) return fail(ErrorCode::kInvalidInput, "\"published_at\" is not an RFC 3339 time");
    doc.published_at = *t;
  }
  if (j.contains("entities") && !j["entities"].is_null()) {
    if (!j["entities"].is_array()) return fail(ErrorCode::kInvalidInput, "\"entities\" is not an array");
    for (const auto& e : j["entities"]) {
      if (!e.is_string()) return fail(ErrorCode::kInvalidInput, "\"entities\" holds a non-string");
      doc.entities.push_back(e);
    }
  }
  if (j.contains("people") && !j["people"].is_null()) {
    if (!j["people"].is_array()) return fail(ErrorCode::kInvalidInput, "\"people\" is not an array");
    for (const auto& p : j["people"]) {
      if (!p.is_string()) return fail(ErrorCode::kInvalidInput, "\"people\" holds a non-string");
      doc.people.push_back(p);
    }
  }
  return doc;
}

int run_cluster(const ClusterArgs& args) {
  std::ifstream file;
  if (args.file != "-") {
    file.open(args.file, std::ios::binary);
    if (!file) {
      report_error(args.file + ": cannot open");
      return 2;
    }
  }
  std::istream& in = args.file == "-" ? std::cin : file;
  const std::string name = args.file == "-" ? "<stdin>" : args.file;
  // The people of each article, found as ingest finds them.
  auto ner = facts::NerModel::load_default();
  if (!ner) {
    report_error("the entity tagger: " + ner.error().message);
    return 2;
  }
  cluster::StoryClusterer clusterer;
  std::string line;
  bool too_long = false;
  int status = 0;
  for (size_t n = 1; read_line(in, line, args.max_line_bytes, too_long); ++n) {
    if (!too_long && line.find_first_not_of(" \t\r") == std::string::npos) continue;  // blank
    Result<cluster::ClusterDoc> doc =
        too_long ? fail(ErrorCode::kTooLarge, "line longer than " + std::to_string(args.max_line_bytes) + " bytes")
                 : Result<cluster::ClusterDoc>(fail(ErrorCode::kInvalidInput, "not JSON"));
    nlohmann::json j;
    if (!too_long) {
      j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
      if (!j.is_discarded()) doc = parse_doc(j, args.language);
    }
    if (!doc) {
      report_error(name + ":" + std::to_string(n) + ": " + doc.error().message);
      nlohmann::json out = {{"line", n},
                            {"error", {{"code", error_code_name(doc.error().code)}, {"message", doc.error().message}}}};
      if (j.is_object() && j.contains("id")) out["id"] = j["id"];
      std::cout << dump_json(out, -1) << "\n";
      status = 1;
      continue;
    }
    // A line that lists its people is taken at its word; else the tagger finds them.
    if (!j.contains("people") || j["people"].is_null()) doc->people = facts::person_mentions(*ner, doc->title, doc->text);
    const int64_t story = clusterer.add(*doc);
    std::cout << dump_json({{"id", j["id"]}, {"story", story}}, -1) << "\n";
  }
  std::cout.flush();
  return status;
}

void add_cluster_command(CLI::App& app, GlobalOptions& global) {
  auto args = std::make_shared<ClusterArgs>();
  CLI::App* cmd = app.add_subcommand(
      "cluster",
      "Group articles into stories (stateless; no database): JSON lines {id, title, text, "
      "published_at?, language?, entities?, people?} in publication order, JSON lines {id, story} out in "
      "input order. A bad line prints {line, id?, error} in its place and the exit code is 1.");
  cmd->add_option("file", args->file, "JSON lines file, or - for standard input (default)");
  cmd->add_option("--language", args->language,
                  "ISO 639-1 language of lines without \"language\" (stemming; default none)");
  cmd->add_option("--max-line-bytes", args->max_line_bytes, "refuse longer lines")->capture_default_str();
  cmd->callback([args, &global] { global.exit_code = run_cluster(*args); });
}

const bool kRegistered = register_commands(16, add_cluster_command);

}  // namespace

}  // namespace tidings::cli
