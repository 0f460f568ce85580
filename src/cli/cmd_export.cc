// `tidings export`: articles, stories and facts as JSON lines or CSV, the
// sources as OPML, the raw documents as WARC (src/export, docs/export.md).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <variant>

#include "cli/cli.h"
#include "export/export.h"
#include "search/search.h"

namespace tidings::cli {

namespace {

struct ExportArgs {
  std::string what;
  std::string format;  ///< "" = the kind's default
  std::string from, to;
  std::string outlet;
  std::string query;  ///< "" = no search
  std::string out;  ///< "" = standard output
};

// The ids of the articles matching `query` within the filter, by relevance,
// paged through the search index beside the database (docs/search.md). The
// index answers at most kMaxOffset + kMaxLimit hits of one query; beyond
// that the export says how many it left out rather than dropping them
// silently. Returns the exit code on failure.
std::variant<std::vector<int64_t>, int> query_article_ids(const std::string& db_path,
                                                           const std::string& query,
                                                           const exports::ExportFilter& filter) {
  auto index = search::open_index(search::index_dir_for(db_path), false);
  if (!index) {
    report_error("--query needs the search index (" + index.error().message +
                 "): run `tidings reindex` first");
    return 1;
  }
  search::SearchRequest request;
  request.query = query;
  request.filters.from = filter.from;
  if (filter.to) request.filters.to = *filter.to + std::chrono::seconds(1);  // inclusive
  request.filters.outlet = filter.outlet;
  request.limit = search::kMaxLimit;
  std::vector<int64_t> ids;
  int64_t total = 0;
  for (request.offset = 0; request.offset <= search::kMaxOffset;
       request.offset += search::kMaxLimit) {
    auto page = (*index)->search(request);
    if (!page) {
      report_error("--query: " + page.error().message);
      return page.error().code == ErrorCode::kInvalidInput ||
                     page.error().code == ErrorCode::kTooLarge
                 ? 2
                 : 1;
    }
    total = std::max(total, page->total);
    for (const search::Hit& h : page->hits) ids.push_back(h.article_id);
    if (page->hits.size() < static_cast<size_t>(request.limit)) break;
  }
  if (total > static_cast<int64_t>(ids.size())) {
    std::cerr << "export: the query matches about " << total << " articles; the search index "
              << "gives the first " << ids.size()
              << " by relevance, so the rest are not exported (narrow it with --from/--to)\n";
  }
  return ids;
}

// "2024-01-02" or an RFC 3339 time; a bare date as `to` means its whole day.
std::optional<Instant> parse_bound(const std::string& text, bool end_of_day) {
  auto t = parse_iso8601(text);
  if (t && end_of_day && text.size() == 10) *t += std::chrono::seconds(86399);
  return t;
}

bool ends_with(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string default_format(const std::string& what) {
  if (what == "sources") return "opml";
  if (what == "documents") return "warc";
  return "jsonl";
}

// Runs `write` on the output: standard output, or FILE written as FILE.tmp
// and renamed once complete, so a failed export leaves no half file.
int with_output(const ExportArgs& args,
                const std::function<Result<exports::ExportCounts>(std::ostream&)>& write,
                const std::string& noun) {
  Result<exports::ExportCounts> counts = exports::ExportCounts{};
  std::error_code ec;
  const auto status = std::filesystem::status(args.out, ec);
  const bool special = !ec && std::filesystem::exists(status) &&
                       !std::filesystem::is_regular_file(status);
  if (args.out.empty() || args.out == "-") {
    std::ios::sync_with_stdio(false);
    counts = write(std::cout);
  } else if (special) {
    // A device or a pipe (/dev/null, a FIFO): written in place. Renaming a
    // temporary file over it would replace the device with a file.
    std::ofstream file(args.out, std::ios::binary);
    if (!file) {
      report_error("cannot write " + args.out);
      return 1;
    }
    counts = write(file);
    file.close();
    if (counts && !file) counts = fail(ErrorCode::kIo, "cannot write " + args.out);
  } else {
    const std::string tmp = args.out + ".tmp";
    std::ofstream file(tmp, std::ios::binary | std::ios::trunc);
    if (!file) {
      report_error("cannot write " + tmp);
      return 1;
    }
    counts = write(file);
    file.close();
    if (counts && !file) counts = fail(ErrorCode::kIo, "cannot write " + tmp);
    if (counts && std::rename(tmp.c_str(), args.out.c_str()) != 0) {
      counts = fail(ErrorCode::kIo, "cannot rename " + tmp + " to " + args.out);
    }
    if (!counts) std::remove(tmp.c_str());
  }
  if (!counts) {
    report_error(counts.error().message);
    return 1;
  }
  std::cerr << "export: " << counts->records << " " << noun
            << (args.out.empty() || args.out == "-" ? "" : " written to " + args.out) << "\n";
  return 0;
}

int run_export(const ExportArgs& args, const GlobalOptions& global) {
  const std::string format = args.format.empty() ? default_format(args.what) : args.format;
  exports::ExportFilter filter;
  if (!args.from.empty()) {
    filter.from = parse_bound(args.from, false);
    if (!filter.from) {
      report_error("--from: expected a date (2024-01-02) or an RFC 3339 time, got \"" + args.from +
                   "\"");
      return 2;
    }
  }
  if (!args.to.empty()) {
    filter.to = parse_bound(args.to, true);
    if (!filter.to) {
      report_error("--to: expected a date (2024-01-02) or an RFC 3339 time, got \"" + args.to +
                   "\"");
      return 2;
    }
  }
  filter.outlet = args.outlet;
  if (!args.query.empty()) {
    if (args.what == "sources" || args.what == "documents") {
      report_error("--query applies to articles, stories and facts");
      return 2;
    }
    auto ids = query_article_ids(global.db_path, args.query, filter);
    if (auto* code = std::get_if<int>(&ids)) return *code;
    filter.article_ids = std::move(std::get<std::vector<int64_t>>(ids));
  }

  if (args.what == "sources" || args.what == "documents") {
    const std::string expected = default_format(args.what);
    if (format != expected) {
      report_error("--what " + args.what + " is exported as --format " + expected);
      return 2;
    }
    if (args.what == "sources" && (filter.from || filter.to || !filter.outlet.empty())) {
      report_error("--from, --to and --outlet do not apply to sources");
      return 2;
    }
    if (args.what == "documents" && !filter.outlet.empty()) {
      report_error("--outlet does not apply to documents");
      return 2;
    }
    auto store = open_store_or_report(global);
    if (!store) return 1;
    if (args.what == "sources") {
      return with_output(
          args,
          [&](std::ostream& out) {
            return exports::export_sources_opml(*store, now_seconds(), out);
          },
          "sources");
    }
    exports::WarcOptions options;
    options.gzip = ends_with(args.out, ".gz");
    options.from = filter.from;
    options.to = filter.to;
    options.now = now_seconds();
    return with_output(
        args, [&](std::ostream& out) { return exports::export_warc(*store, options, out); },
        "documents");
  }

  const auto kind = exports::parse_record_kind(args.what);
  const auto record_format = exports::parse_record_format(format);
  if (!kind) {
    report_error("--what must be articles, stories, facts, sources or documents");
    return 2;
  }
  if (!record_format) {
    report_error("--what " + args.what + " is exported as --format jsonl or csv");
    return 2;
  }
  auto store = open_store_or_report(global);
  if (!store) return 1;
  return with_output(
      args,
      [&](std::ostream& out) {
        return exports::export_records(*store, *kind, *record_format, filter, out);
      },
      args.what == "facts" ? "facts" : args.what);
}

void add_export_command(CLI::App& app, GlobalOptions& global) {
  auto args = std::make_shared<ExportArgs>();
  CLI::App* cmd = app.add_subcommand(
      "export",
      "Write articles, stories or facts (JSON lines, CSV), sources (OPML) or the raw "
      "documents (WARC).");
  cmd->add_option("--what", args->what, "articles, stories, facts, sources or documents")
      ->required();
  cmd->add_option("--format", args->format,
                  "jsonl or csv (articles, stories, facts; default jsonl), opml (sources), warc "
                  "(documents)");
  cmd->add_option("--from", args->from, "only from this date or RFC 3339 time on");
  cmd->add_option("--to", args->to, "only up to this date (its whole day) or time");
  cmd->add_option("--outlet", args->outlet, "only this outlet (case-insensitive)");
  cmd->add_option("--query", args->query,
                  "only the articles matching this search query (tidings search's language; "
                  "needs the search index), and the stories and facts of those");
  cmd->add_option("--db", global.db_path, "database file (as the global --db)");
  cmd->add_option("--out", args->out,
                  "write to this file (a WARC ending in .gz is gzipped per record); default: "
                  "standard output");
  cmd->callback([args, &global] { global.exit_code = run_export(*args, global); });
}

const bool kRegistered = register_commands(85, add_export_command);

}  // namespace

}  // namespace tidings::cli
