// `tidings articles`, `tidings article ID` and `tidings failures [--fetch]`:
// reading the store.
#include <iostream>

#include "cli/cli.h"
#include "core/article_json.h"
#include "store/story_json.h"

namespace tidings::cli {

namespace {

struct ReadArgs {
  bool json = false;
  int limit = 50;
  int offset = 0;
  int64_t id = 0;
  bool fetch = false;
};

std::string short_time(const std::optional<Instant>& t) {
  if (!t) return "                ";
  std::string s = format_rfc3339(*t);  // 2023-11-01T18:40:00Z -> 2023-11-01 18:40
  return s.substr(0, 10) + " " + s.substr(11, 5);
}

int run_articles(const ReadArgs& args, const GlobalOptions& global) {
  auto store = open_store_or_report(global);
  if (!store) return 1;
  ArticleQuery q;
  q.limit = args.limit;
  q.offset = args.offset;
  auto list = store->list_articles(q);
  if (!list) {
    report_error(list.error().message);
    return 1;
  }
  if (args.json) {
    nlohmann::json arr = nlohmann::json::array();
    for (const auto& a : *list) arr.push_back(stored_article_to_json(a));
    std::cout << dump_json(arr, 2) << "\n";
    return 0;
  }
  for (const auto& a : *list) {
    std::cout << a.id << "\t" << short_time(a.article.published_at) << "\t" << a.outlet << "\t"
              << a.article.title << "\n";
  }
  return 0;
}

int run_article(const ReadArgs& args, const GlobalOptions& global) {
  auto store = open_store_or_report(global);
  if (!store) return 1;
  auto a = store->get_article(args.id);
  if (!a) {
    report_error(a.error().message);
    return 1;
  }
  auto relations = store->article_relations(args.id);
  if (!relations) {
    report_error(relations.error().message);
    return 1;
  }
  if (args.json) {
    nlohmann::json j = stored_article_to_json(*a);
    add_relations_to_json(j, *relations);
    std::cout << dump_json(j, 2) << "\n";
    return 0;
  }
  const Article& art = a->article;
  std::cout << art.title << "\n" << a->outlet;
  if (art.published_at) std::cout << " · " << format_rfc3339(*art.published_at);
  if (!art.byline.empty()) std::cout << " · " << art.byline;
  std::cout << "\n" << (art.canonical_url.empty() ? art.url : art.canonical_url) << "\n";
  for (const auto& l : art.source_links) std::cout << "source: " << l.url << "\n";
  if (relations->copy_of) {
    std::cout << "copy of: " << relations->copy_of->id << " " << relations->copy_of->outlet << " "
              << relations->copy_of->url << "\n";
  }
  for (const auto& c : relations->copies) {
    std::cout << "copy: " << c.id << " " << c.outlet << " " << c.url << "\n";
  }
  if (relations->story_id) std::cout << "story: " << *relations->story_id << "\n";
  if (relations->first_reported_by) {
    std::cout << "first reported by: " << relations->first_reported_by->outlet << " at "
              << format_rfc3339(relations->first_reported_by->sort_time) << "\n";
  }
  std::cout << "\n" << art.text << "\n";
  return 0;
}

// Pages of the crawl frontier whose fetch failed: retried later or failed
// for good, with the server's status and the fetcher's reason.
int run_fetch_failures(Store& store, const ReadArgs& args) {
  auto failures = store.frontier_failures(args.limit);
  if (!failures) {
    report_error(failures.error().message);
    return 1;
  }
  if (args.json) {
    nlohmann::json arr = nlohmann::json::array();
    for (const auto& f : *failures) {
      arr.push_back(
          {{"url", f.url},
           {"source_id", f.source_id},
           {"source", f.source_name},
           {"http_status",
            f.http_status == 0 ? nlohmann::json(nullptr) : nlohmann::json(f.http_status)},
           {"error", f.error},
           {"attempts", f.attempts},
           {"will_retry", f.will_retry},
           {"next_attempt_at", f.will_retry ? nlohmann::json(format_rfc3339(f.next_attempt_at))
                                            : nlohmann::json(nullptr)}});
    }
    std::cout << dump_json(arr, 2) << "\n";
    return 0;
  }
  for (const auto& f : *failures) {
    std::cout << "fetch\t" << f.source_name << "\t" << f.url << ": " << f.error
              << (f.will_retry ? " (retry at " + format_rfc3339(f.next_attempt_at) + ")"
                               : std::string(" (failed for good)"))
              << "\n";
  }
  if (failures->empty()) std::cerr << "no fetch failures\n";
  return 0;
}

int run_failures(const ReadArgs& args, const GlobalOptions& global) {
  auto store = open_store_or_report(global);
  if (!store) return 1;
  if (args.fetch) return run_fetch_failures(*store, args);
  auto failures = store->list_failures(args.limit);
  if (!failures) {
    report_error(failures.error().message);
    return 1;
  }
  if (args.json) {
    nlohmann::json arr = nlohmann::json::array();
    for (const auto& f : *failures) {
      arr.push_back({{"document_id", f.document_id}, {"url", f.url}, {"origin", f.origin},
                     {"stage", f.stage}, {"code", f.code}, {"message", f.message},
                     {"attempts", f.attempts}, {"failed_at", format_rfc3339(f.failed_at)}});
    }
    std::cout << dump_json(arr, 2) << "\n";
    return 0;
  }
  for (const auto& f : *failures) {
    std::cout << "document " << f.document_id << "\t" << f.stage << "\t" << f.code << "\t"
              << (f.origin.empty() ? f.url : f.origin) << ": " << f.message << "\n";
  }
  if (failures->empty()) std::cerr << "no failures\n";
  return 0;
}

}  // namespace

namespace {

void add_read_commands(CLI::App& app, GlobalOptions& global) {
  auto args = std::make_shared<ReadArgs>();
  CLI::App* list = app.add_subcommand("articles", "List stored articles, newest first.");
  list->add_flag("--json", args->json, "print a JSON array");
  list->add_option("--limit", args->limit, "how many")->check(CLI::Range(1, 1000))
      ->capture_default_str();
  list->add_option("--offset", args->offset, "skip this many")->check(CLI::NonNegativeNumber);
  list->callback([args, &global] { global.exit_code = run_articles(*args, global); });

  CLI::App* one = app.add_subcommand("article", "Show one stored article.");
  one->add_option("id", args->id, "article id")->required()->check(CLI::PositiveNumber);
  one->add_flag("--json", args->json, "print JSON");
  one->callback([args, &global] { global.exit_code = run_article(*args, global); });

  CLI::App* failures = app.add_subcommand(
      "failures",
      "List documents that failed a stage, with the reason (retry: reextract); with --fetch, "
      "the pages of `tidings run` whose fetch failed.");
  failures->add_flag("--json", args->json, "print a JSON array");
  failures->add_flag("--fetch", args->fetch,
                     "list failed fetches (retried later or failed for good) instead");
  failures->add_option("--limit", args->limit, "how many")->check(CLI::Range(1, 100000));
  failures->callback([args, &global] { global.exit_code = run_failures(*args, global); });
}

const bool kRegistered = register_commands(30, add_read_commands);

}  // namespace

}  // namespace tidings::cli
