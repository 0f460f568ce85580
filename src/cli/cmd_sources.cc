// `tidings sources add|list|remove|import|export`: the source registry.
#include <iostream>

#include "cli/cli.h"
#include "export/export.h"
#include "cli/read_file.h"
#include "collect/opml.h"
#include "core/article_json.h"
#include "core/duration.h"
#include "core/url.h"
#include "store/source_json.h"

namespace tidings::cli {

namespace {

struct SourcesArgs {
  std::string url;
  std::string name;
  std::string kind = "auto";
  std::string every = "15m";
  int64_t id = 0;
  std::string file;
  bool json = false;
};

// Checks a registration before it reaches the store; "" when fine.
std::string invalid_spec(const SourceSpec& spec) {
  if (!is_http_url(spec.url)) return "not an http(s) URL: " + spec.url;
  if (spec.kind != "auto" && spec.kind != "feed" && spec.kind != "sitemap" && spec.kind != "page") {
    return "--kind must be auto, feed, sitemap or page, not " + spec.kind;
  }
  return "";
}

int run_add(const SourcesArgs& args, const GlobalOptions& global) {
  SourceSpec spec;
  spec.url = resolve_url("", args.url);  // normalised form: one URL, one source
  if (spec.url.empty()) spec.url = args.url;
  spec.name = args.name;
  spec.kind = args.kind;
  const auto every = parse_duration(args.every);
  if (!every) {
    report_error("--every: expected a duration like 90s, 15m, 1h or 1d, got \"" + args.every + "\"");
    return 2;
  }
  spec.every_seconds = *every;
  if (const std::string why = invalid_spec(spec); !why.empty()) {
    report_error(why);
    return 2;
  }
  auto store = open_store_or_report(global);
  if (!store) return 1;
  auto added = store->add_source(spec);
  if (!added) {
    report_error(added.error().message);
    return 1;
  }
  std::cout << "source " << added->id << ": " << added->url << " (" << added->kind << ", every "
            << format_duration(added->every_seconds) << ")\n";
  return 0;
}

int run_list(const SourcesArgs& args, const GlobalOptions& global) {
  auto store = open_store_or_report(global);
  if (!store) return 1;
  auto sources = store->list_sources();
  if (!sources) {
    report_error(sources.error().message);
    return 1;
  }
  if (args.json) {
    nlohmann::json arr = nlohmann::json::array();
    for (const Source& s : *sources) arr.push_back(source_to_json(s));
    std::cout << dump_json(arr, 2) << "\n";
    return 0;
  }
  for (const Source& s : *sources) {
    std::cout << s.id << "\t" << s.kind << "\t" << format_duration(s.every_seconds) << "\t"
              << s.articles << " articles\t"
              << (s.last_fetch_at ? format_rfc3339(*s.last_fetch_at) : std::string("never")) << "\t"
              << (s.name.empty() ? "-" : s.name) << "\t" << s.url << "\n";
  }
  if (sources->empty()) std::cerr << "no sources (add one: tidings sources add URL)\n";
  return 0;
}

int run_remove(const SourcesArgs& args, const GlobalOptions& global) {
  auto store = open_store_or_report(global);
  if (!store) return 1;
  if (auto r = store->remove_source(args.id); !r) {
    report_error(r.error().message);
    return 1;
  }
  std::cout << "removed source " << args.id << " (its articles are kept)\n";
  return 0;
}

int run_import(const SourcesArgs& args, const GlobalOptions& global) {
  auto bytes = read_input(args.file, 8u << 20);
  if (!bytes) {
    report_error(bytes.error().message);
    return 1;
  }
  auto opml = parse_opml(*bytes);
  if (!opml) {
    report_error(args.file + ": " + opml.error().message);
    return 1;
  }
  if (!opml->warning.empty()) std::cerr << "tidings: warning: " << args.file << ": " << opml->warning << "\n";
  auto store = open_store_or_report(global);
  if (!store) return 1;
  int added = 0, existing = 0, invalid = 0;
  for (const OpmlOutline& o : opml->outlines) {
    SourceSpec spec;
    spec.url = resolve_url("", o.xml_url.empty() ? o.url : o.xml_url);
    spec.name = o.title;
    spec.kind = !o.kind.empty() ? o.kind : o.xml_url.empty() ? "page" : "feed";
    if (const auto every = parse_duration(o.every)) spec.every_seconds = *every;
    if (spec.url.empty() || !invalid_spec(spec).empty()) {
      std::cerr << "tidings: skipped (not an http(s) URL): " << (o.xml_url.empty() ? o.url : o.xml_url) << "\n";
      ++invalid;
      continue;
    }
    auto r = store->add_source(spec);
    if (r) {
      ++added;
    } else if (r.error().code == ErrorCode::kInvalidInput) {
      ++existing;
    } else {
      report_error(r.error().message);
      return 1;
    }
  }
  std::cout << "import: " << opml->outlines.size() << " outlines, added " << added
            << ", already registered " << existing << ", skipped " << invalid << "\n";
  return 0;
}

int run_export(const GlobalOptions& global) {
  auto store = open_store_or_report(global);
  if (!store) return 1;
  auto written = exports::export_sources_opml(*store, now_seconds(), std::cout);
  if (!written) {
    report_error(written.error().message);
    return 1;
  }
  return 0;
}

void add_sources_commands(CLI::App& app, GlobalOptions& global) {
  auto args = std::make_shared<SourcesArgs>();
  CLI::App* sources = app.add_subcommand("sources", "The registry of outlets and agencies to collect from.");
  sources->require_subcommand(1);

  CLI::App* add = sources->add_subcommand("add", "Register a source.");
  add->add_option("url", args->url, "home page, feed or news sitemap URL")->required();
  add->add_option("--name", args->name, "display name (default: the feed's title)");
  add->add_option("--kind", args->kind,
                  "auto (discover feeds and sitemaps from the home page and robots.txt), feed, "
                  "sitemap or page")
      ->capture_default_str();
  add->add_option("--every", args->every, "poll interval (90s, 15m, 1h, 1d)")->capture_default_str();
  add->callback([args, &global] { global.exit_code = run_add(*args, global); });

  CLI::App* list = sources->add_subcommand("list", "List sources with their last poll.");
  list->add_flag("--json", args->json, "print a JSON array");
  list->callback([args, &global] { global.exit_code = run_list(*args, global); });

  CLI::App* remove = sources->add_subcommand("remove", "Remove a source (its articles stay).");
  remove->add_option("id", args->id, "source id")->required()->check(CLI::PositiveNumber);
  remove->callback([args, &global] { global.exit_code = run_remove(*args, global); });

  CLI::App* import = sources->add_subcommand("import", "Register the feeds of an OPML file.");
  import->add_option("file", args->file, "OPML file, or - for standard input")->required();
  import->callback([args, &global] { global.exit_code = run_import(*args, global); });

  CLI::App* exp = sources->add_subcommand("export", "Print the sources as OPML 2.0.");
  exp->callback([&global] { global.exit_code = run_export(global); });
}

const bool kRegistered = register_commands(40, add_sources_commands);

}  // namespace

}  // namespace tidings::cli
