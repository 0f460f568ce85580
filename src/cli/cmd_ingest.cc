// `tidings ingest` and `tidings reextract`: the pipeline into the store.
#include <iostream>
#include <memory>

#include "cli/cli.h"
#include "cli/progress.h"
#include "pipeline/pipeline.h"
#include "search/search.h"

namespace tidings::cli {

namespace {

struct IngestArgs {
  std::vector<std::string> paths;
  int threads = 0;
  bool failed_only = false;
  bool quiet = false;
};

void print_counts(const char* verb, const IngestCounts& c) {
  std::cout << verb << ": read " << c.read << ", new " << c.created << ", unchanged "
            << c.unchanged << ", failed " << c.failed;
  if (c.skipped > 0) std::cout << ", skipped " << c.skipped << " (not pages)";
  std::cout << "\n";
}

// The file an origin names: "a.warc.gz#1234" -> "a.warc.gz".
std::string origin_file(const std::string& origin) {
  const auto hash = origin.rfind('#');
  if (hash == std::string::npos) return origin;
  const std::string tail = origin.substr(hash + 1);
  return tail.find_first_not_of("0123456789+") == std::string::npos ? origin.substr(0, hash)
                                                                      : origin;
}

// Events to stderr: errors and warnings name their input, one line each.
// With `by_file`, the bar counts input files (ingest); else documents.
EventSink event_printer(ProgressBar& bar, const IngestArgs& args, bool by_file) {
  auto last_file = std::make_shared<std::string>();
  auto files_seen = std::make_shared<int64_t>(0);
  return [&bar, &args, by_file, last_file, files_seen](const PipelineEvent& e) {
    if (e.kind == PipelineEvent::Kind::kProgress) {
      if (!by_file) {
        bar.update(e.counts.read, e.origin);
        return;
      }
      const std::string file = origin_file(e.origin);
      if (file != *last_file) {
        *last_file = file;
        ++*files_seen;
      }
      bar.update(*files_seen, file);
      return;
    }
    if (args.quiet && e.kind == PipelineEvent::Kind::kWarning) return;
    bar.clear();
    std::cerr << (e.kind == PipelineEvent::Kind::kError ? "error: " : "warning: ") << e.origin
              << ": " << e.message << "\n";
  };
}

int run_ingest(const IngestArgs& args, const GlobalOptions& global) {
  auto store = open_store_or_report(global);
  if (!store) return 1;
  PipelineOptions options;
  options.threads = args.threads;
  options.search_index_dir = search::index_dir_for(global.db_path);
  if (auto c = store->counts()) options.create_search_index = c->articles == 0;  // else: reindex
  ProgressBar bar(bar_enabled() ? static_cast<int64_t>(summarize_inputs(args.paths).files) : 0,
                  "files");
  auto counts = ingest_paths(*store, args.paths, options, event_printer(bar, args, true));
  bar.clear();
  if (!counts) {
    report_error(counts.error().message);
    return 1;
  }
  print_counts("ingest", *counts);
  return 0;
}

int run_reextract(const IngestArgs& args, const GlobalOptions& global) {
  auto store = open_store_or_report(global);
  if (!store) return 1;
  PipelineOptions options;
  options.threads = args.threads;
  options.search_index_dir = search::index_dir_for(global.db_path);
  int64_t total = 0;
  if (auto ids = store->document_ids(args.failed_only)) total = static_cast<int64_t>(ids->size());
  ProgressBar bar(total, "documents");
  auto counts =
      reextract_documents(*store, args.failed_only, options, event_printer(bar, args, false));
  bar.clear();
  if (!counts) {
    report_error(counts.error().message);
    return 1;
  }
  std::cout << "reextract: documents " << counts->read << ", extracted " << counts->created
            << ", failed " << counts->failed << "\n";
  return 0;
}

}  // namespace

namespace {

void add_ingest_commands(CLI::App& app, GlobalOptions& global) {
  auto args = std::make_shared<IngestArgs>();
  CLI::App* ingest = app.add_subcommand(
      "ingest",
      "Store pages from HTML files, directories (recursive) and WARC files (.warc, .warc.gz), "
      "and extract their articles. Idempotent: the same input twice adds nothing.");
  ingest->add_option("paths", args->paths, "files and directories")->required();
  ingest->add_option("--threads", args->threads, "extraction threads (0 = one per core)");
  ingest->add_flag("--quiet", args->quiet, "do not print warnings");
  ingest->callback([args, &global] { global.exit_code = run_ingest(*args, global); });

  CLI::App* re = app.add_subcommand(
      "reextract", "Re-run extraction from the stored raw bytes (no refetch).");
  re->add_flag("--failed", args->failed_only, "only documents that failed before");
  re->add_option("--threads", args->threads, "extraction threads (0 = one per core)");
  re->add_flag("--quiet", args->quiet, "do not print warnings");
  re->callback([args, &global] { global.exit_code = run_reextract(*args, global); });
}

const bool kRegistered = register_commands(20, add_ingest_commands);

}  // namespace

}  // namespace tidings::cli
