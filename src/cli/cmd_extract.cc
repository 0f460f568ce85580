// `tidings extract`: one page (or several) in, the article out. Stateless:
// touches no database.
#include <filesystem>
#include <iostream>

#include "cli/cli.h"
#include "cli/read_file.h"
#include "core/article_json.h"
#include "core/url.h"
#include "extract/extract.h"

namespace tidings::cli {

namespace {

struct ExtractArgs {
  std::vector<std::string> files;
  std::string url;
  std::string content_type;
  bool json = false;
  size_t max_bytes = 16u << 20;
};

void print_text(const Article& a, std::ostream& out) {
  auto line = [&](const char* label, const std::string& v) {
    if (!v.empty()) out << label << ": " << v << "\n";
  };
  line("title", a.title);
  line("byline", a.byline);
  if (a.published_at) line("published", format_rfc3339(*a.published_at));
  line("url", a.url);
  line("canonical", a.canonical_url);
  line("site", a.site_name);
  line("language", a.language);
  line("image", a.image);
  for (const auto& l : a.source_links) {
    out << "source (" << l.kind << "): " << l.url;
    if (!l.text.empty()) out << "  \"" << l.text << "\"";
    out << "\n";
  }
  out << "\n" << a.text << "\n";
}

int run_extract(const ExtractArgs& args) {
  const bool lines = args.files.size() > 1;  // several files: JSON lines, one per file
  int status = 0;
  for (const std::string& file : args.files) {
    ExtractOptions options;
    options.url = input_url(args.url, file);
    options.content_type = args.content_type;
    options.max_bytes = args.max_bytes;
    Result<Extraction> result = read_input(file, args.max_bytes).and_then([&](std::string bytes) {
      return extract_article(bytes, options);
    });
    if (!result) {
      report_input_error(file, result.error(), args.json && lines);
      status = 1;
      continue;
    }
    for (const auto& w : result->warnings) std::cerr << "tidings: warning: " << file << ": " << w << "\n";
    // Printed all the same (this command stores nothing); ingest and run
    // keep such a page as a failure instead of an article.
    if (result->page_kind != PageKind::kArticle) {
      std::cerr << "tidings: warning: " << file << ": not an article ("
                << page_kind_name(result->page_kind) << "): " << result->page_reason << "\n";
    }
    if (args.json) {
      nlohmann::json j = article_to_json(result->article);
      if (lines) j["file"] = file;
      std::cout << dump_json(j, lines ? -1 : 2) << "\n";
    } else {
      if (lines) std::cout << "==> " << file << " <==\n";
      print_text(result->article, std::cout);
    }
  }
  return status;
}

}  // namespace

namespace {

void add_extract_command(CLI::App& app, GlobalOptions& global) {
  auto args = std::make_shared<ExtractArgs>();
  CLI::App* cmd = app.add_subcommand(
      "extract",
      "Parse HTML pages and print their articles (stateless; no database). With several "
      "files and --json, prints one JSON object per line, in order.");
  cmd->add_option("files", args->files, "HTML files, or - for standard input")->required();
  cmd->add_option("--url", args->url, "the page's URL (base for relative links)");
  cmd->add_option("--content-type", args->content_type,
                  "the HTTP Content-Type the page was served with (charset hint)");
  cmd->add_flag("--json", args->json, "print JSON (see docs/json.md)");
  cmd->add_option("--max-bytes", args->max_bytes, "refuse larger pages")->capture_default_str();
  cmd->callback([args, &global] { global.exit_code = run_extract(*args); });
}

const bool kRegistered = register_commands(10, add_extract_command);

}  // namespace

}  // namespace tidings::cli
