// `tidings run` (continuous collection) and `tidings status` (per source:
// last poll, HTTP status, items, articles, errors, next poll, health).
#include <algorithm>
#include <atomic>
#include <csignal>
#include <iostream>

#include "cli/cli.h"
#include "cli/progress.h"
#include "core/article_json.h"
#include "core/duration.h"
#include "pipeline/crawl.h"
#include "search/search.h"
#include "store/source_json.h"

namespace tidings::cli {

namespace {

std::atomic<bool> g_stop{false};
extern "C" void request_stop(int) { g_stop = true; }

struct RunArgs {
  bool once = false;
  std::string allow_private;  // "", "all" or kinds: "loopback,private"
  bool ignore_robots = false;
  std::string min_delay = "1s";
  std::string ca_file;
  std::string timeout = "30s";
  size_t max_bytes = 10u << 20;
  int64_t max_new_per_poll = 10'000;
  int threads = 0;
  int64_t max_fetch = -1;
  bool json = false;
  bool quiet = false;
};

// --allow-private (everything) or --allow-private=loopback,private (those
// kinds only); "" leaves the SSRF guard as it is.
bool set_allow_private(const std::string& value, FetchOptions& fetch) {
  if (value.empty()) return true;
  if (value == "all") {
    fetch.allow_private = true;
    return true;
  }
  size_t start = 0;
  while (start <= value.size()) {
    const size_t comma = std::min(value.find(',', start), value.size());
    const std::string kind = value.substr(start, comma - start);
    if (!is_address_kind(kind)) {
      report_error(
          "--allow-private: expected all or loopback, private, link-local, shared; got \"" + kind +
          "\"");
      return false;
    }
    fetch.allow_address_kinds.push_back(kind);
    start = comma + 1;
  }
  return true;
}

int run_collect(const RunArgs& args, const GlobalOptions& global) {
  auto store = open_store_or_report(global);
  if (!store) return 1;
  CrawlOptions options;
  options.once = args.once;
  if (!set_allow_private(args.allow_private, options.fetch)) return 2;
  options.fetch.respect_robots = !args.ignore_robots;
  options.fetch.ca_file = args.ca_file;
  if (args.min_delay == "0" || args.min_delay == "0s") {
    options.fetch.min_delay = std::chrono::milliseconds(0);
  } else if (auto d = parse_duration(args.min_delay)) {
    options.fetch.min_delay = std::chrono::seconds(*d);
  } else {
    report_error("--min-delay: expected a duration like 1s or 0, got \"" + args.min_delay + "\"");
    return 2;
  }
  if (auto d = parse_duration(args.timeout); d && *d > 0) {
    options.fetch.timeout = std::chrono::seconds(*d);
    options.fetch.connect_timeout =
        std::min<std::chrono::milliseconds>(options.fetch.connect_timeout, options.fetch.timeout);
  } else {
    report_error("--timeout: expected a duration like 30s, got \"" + args.timeout + "\"");
    return 2;
  }
  options.fetch.max_body_bytes = args.max_bytes;
  options.max_new_per_poll = args.max_new_per_poll;
  options.pipeline.threads = args.threads;
  options.pipeline.search_index_dir = search::index_dir_for(global.db_path);
  if (auto c = store->counts()) options.pipeline.create_search_index = c->articles == 0;  // else: reindex
  options.max_fetch = args.max_fetch;
  options.stop = &g_stop;
  std::signal(SIGINT, request_stop);
  std::signal(SIGTERM, request_stop);

  ProgressBar bar(0, "pages");
  auto counts = run_crawl(*store, options, [&](const PipelineEvent& e) {
    if (e.kind == PipelineEvent::Kind::kProgress) {
      bar.update(e.counts.read, "");
      return;
    }
    if (args.quiet && e.kind == PipelineEvent::Kind::kWarning) return;
    bar.clear();
    std::cerr << (e.kind == PipelineEvent::Kind::kError ? "error: " : "warning: ") << e.origin
              << ": " << e.message << "\n";
  });
  bar.clear();
  if (!counts) {
    report_error(counts.error().message);
    return 1;
  }
  std::cout << "run: polls " << counts->polls << " (" << counts->not_modified
            << " not modified, " << counts->poll_errors << " failed), items " << counts->items_found
            << " (" << counts->items_new << " new), pages fetched " << counts->fetched
            << ", new articles " << counts->articles_new << ", not articles "
            << counts->not_articles << " (see tidings failures), fetch errors "
            << counts->fetch_errors << "\n";
  return 0;
}

int run_status(const RunArgs& args, const GlobalOptions& global) {
  auto store = open_store_or_report(global);
  if (!store) return 1;
  const auto overview = sources_overview(*store, now_seconds());
  if (!overview) {
    report_error(overview.error().message);
    return 1;
  }
  auto time_text = [](const std::optional<Instant>& t) {
    return t ? format_rfc3339(*t) : std::string("-");
  };
  if (args.json) {
    std::cout << dump_json(sources_overview_to_json(*overview), 2) << "\n";
    return 0;
  }
  // The health column: "ok", the flags' codes, or "-" before any page.
  auto health_text = [](const SourceHealth& h) {
    if (h.ok()) return std::string(h.fetched == 0 ? "-" : "ok");
    std::string codes;
    for (const HealthFlag& f : h.flags) codes += (codes.empty() ? "" : ",") + f.code;
    return codes;
  };
  std::cout << "id\tstatus\tlast fetch\t\titems\tarticles\tnext poll\t\thealth\tsource\n";
  for (size_t i = 0; i < overview->sources.size(); ++i) {
    const Source& s = overview->sources[i];
    const SourceHealth& h = overview->health[i];
    std::cout << s.id << "\t" << (s.last_status ? std::to_string(s.last_status) : "-") << "\t"
              << time_text(s.last_fetch_at) << "\t" << s.items_found << "\t" << s.articles
              << "\t\t" << time_text(s.next_poll_at) << "\t" << health_text(h) << "\t"
              << (s.name.empty() ? s.url : s.name + " <" + s.url + ">") << "\n";
    if (!s.last_error.empty()) std::cout << "\terror: " << s.last_error << "\n";
    for (const HealthFlag& f : h.flags) std::cout << "\t" << f.code << ": " << f.message << "\n";
    if (!s.last_warning.empty()) std::cout << "\twarning: " << s.last_warning << "\n";
    if (s.frontier_pending > 0 || s.frontier_failed > 0) {
      std::cout << "\tpages: " << s.frontier_pending << " waiting, " << s.frontier_failed
                << " failed\n";
    }
  }
  std::cout << "frontier: " << overview->frontier_pending << " URLs waiting\n";
  return 0;
}

void add_run_commands(CLI::App& app, GlobalOptions& global) {
  auto args = std::make_shared<RunArgs>();
  CLI::App* run = app.add_subcommand(
      "run",
      "Collect: poll each source when due, fetch new items politely and store them. Runs until "
      "interrupted; --once does one round.");
  run->add_flag("--once", args->once, "poll what is due, fetch what is waiting, then stop");
  // An option whose value is optional, not a flag with a default value
  // ("--allow-private{all}"), whose braces CLI11 would print in --help.
  CLI::Option* allow_private =
      run->add_option("--allow-private", args->allow_private,
                      "allow loopback and private addresses (local tests and demos); "
                      "=loopback,private,link-local,shared allows only those kinds")
          ->expected(0, 1)
          ->option_text("[=KINDS]");
  run->add_flag("--ignore-robots", args->ignore_robots, "do not read robots.txt (your own sites only)");
  run->add_option("--min-delay", args->min_delay, "minimum delay between requests to one host")
      ->capture_default_str();
  run->add_option("--ca-file", args->ca_file,
                  "PEM file of certificate authorities to trust instead of the system's")
      ->check(CLI::ExistingFile);
  run->add_option("--timeout", args->timeout,
                  "give up on a response after this long (per redirect hop)")
      ->capture_default_str();
  run->add_option("--max-bytes", args->max_bytes,
                  "largest body accepted, after decompression (e.g. 10MiB)")
      ->transform(CLI::AsSizeValue(false))
      ->capture_default_str();
  run->add_option("--max-new-per-poll", args->max_new_per_poll,
                  "new item URLs one poll of a source may add (newest first)")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  run->add_option("--threads", args->threads, "extraction threads (0 = one per core)");
  run->add_option("--max-fetch", args->max_fetch,
                  "stop after this many page fetches (0 = poll only); the rest of the frontier "
                  "waits for the next run")
      ->check(CLI::NonNegativeNumber);
  run->add_flag("--quiet", args->quiet, "do not print warnings");
  run->callback([args, allow_private, &global] {
    if (allow_private->count() > 0 && args->allow_private.empty()) args->allow_private = "all";
    global.exit_code = run_collect(*args, global);
  });

  CLI::App* status = app.add_subcommand(
      "status",
      "Per source: last poll, status, items, articles, errors, next poll, and health (blocked, "
      "paywalled, JavaScript-only or thin pages, yield drops, coverage gaps).");
  status->add_flag("--json", args->json, "print JSON");
  status->callback([args, &global] { global.exit_code = run_status(*args, global); });
}

const bool kRegistered = register_commands(50, add_run_commands);

}  // namespace

}  // namespace tidings::cli
