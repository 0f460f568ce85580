// `tidings facts`: one text (or page) in, its facts out (docs/facts.md).
// Stateless: touches no database.
#include <iostream>

#include "cli/cli.h"
#include "cli/read_file.h"
#include "core/article_json.h"
#include "core/time.h"
#include "core/utf8.h"
#include "extract/extract.h"
#include "facts/article_facts.h"

namespace tidings::cli {

namespace {

struct FactsArgs {
  std::string file = "-";
  bool html = false;
  std::string url;
  std::string published_at;
  bool json = false;
  size_t max_bytes = 16u << 20;
};

// One line per fact for a person reading a terminal.
void print_text(const nlohmann::json& facts, std::ostream& out) {
  for (const auto& f : facts) {
    out << f["type"].get<std::string>() << "\t" << f["start"].get<uint32_t>() << "-" << f["end"].get<uint32_t>()
        << "\t" << f["text"].get<std::string>();
    if (f.contains("value") && !f["value"].is_null() && f["value"] != f["text"]) out << "\t= " << f["value"].dump();
    if (f["type"] == "figure") out << "\t" << f["measure"].get<std::string>() << " " << f["qualifier"].get<std::string>();
    if (f["type"] == "quote" && !f["speaker"]["name"].is_null()) out << "\t— " << f["speaker"]["name"].get<std::string>();
    out << "\n";
  }
}

int run_facts(const FactsArgs& args) {
  std::optional<facts::PublicationTime> published;
  if (!args.published_at.empty()) {
    published = facts::parse_publication_time(args.published_at);
    if (!published) {
      report_error("--published-at: not an RFC 3339 time: " + args.published_at);
      return 2;
    }
  }
  auto bytes = read_input(args.file, args.max_bytes);
  if (!bytes) {
    report_input_error(args.file, bytes.error(), false);
    return 1;
  }
  std::string text = std::move(*bytes);
  nlohmann::json article = nullptr;
  if (args.html) {
    ExtractOptions options;
    options.url = input_url(args.url, args.file);
    options.max_bytes = args.max_bytes;
    auto ex = extract_article(text, options);
    if (!ex) {
      report_input_error(args.file, ex.error(), false);
      return 1;
    }
    const Article& a = ex->article;
    text = a.text;
    if (!published && a.published_at) {
      published = facts::PublicationTime{*a.published_at, a.utc_offset_minutes.value_or(0)};
    }
    article = {{"title", a.title}, {"url", a.url}, {"published_at", a.published_at ? nlohmann::json(format_rfc3339(*a.published_at)) : nlohmann::json(nullptr)}};
  }
  auto models = facts::load_facts_models(/*gazetteer_optional=*/false);
  if (!models) {
    report_error("cannot load the facts models: " + models.error().message);
    return 2;
  }
  const facts::FactSet found = facts::extract_facts(std::move(text), published, *models);
  const nlohmann::json list = facts::facts_json(found);
  if (!args.json) {
    if (found.truncated) std::cerr << "tidings: warning: only the first " << facts::kMaxTextBytes << " bytes were read\n";
    print_text(list, std::cout);
    return 0;
  }
  nlohmann::json out = {
      {"facts_version", facts::kFactsVersion},
      {"text_length", utf8_length(found.segmented.text)},
      {"truncated", found.truncated},
      {"sentences", found.segmented.sentences.size()},
      {"published_at", published ? nlohmann::json(format_rfc3339(published->at)) : nlohmann::json(nullptr)},
      {"facts", list}};
  if (!article.is_null()) out["article"] = article;
  std::cout << dump_json(out, 2) << "\n";
  return 0;
}

void add_facts_command(CLI::App& app, GlobalOptions& global) {
  auto args = std::make_shared<FactsArgs>();
  CLI::App* cmd = app.add_subcommand(
      "facts",
      "The facts of one text or page: entities, people and their roles, places geocoded, dates resolved against "
      "the publication time, quotes with their speakers, figures with what they count (docs/facts.md). Offsets "
      "are in code points.");
  cmd->add_option("file", args->file, "a text file, an HTML page with --html, or - for standard input");
  cmd->add_flag("--html", args->html, "the input is a page: extract its article first (and its publication time)");
  cmd->add_option("--url", args->url, "the page's URL, with --html");
  cmd->add_option("--published-at", args->published_at,
                  "the publication time (RFC 3339, with its UTC offset) relative dates resolve against");
  cmd->add_flag("--json", args->json, "print JSON");
  cmd->add_option("--max-bytes", args->max_bytes, "refuse larger inputs")->capture_default_str();
  cmd->callback([args, &global] { global.exit_code = run_facts(*args); });
}

const bool kRegistered = register_commands(15, add_facts_command);

}  // namespace

}  // namespace tidings::cli
