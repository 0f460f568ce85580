// `tidings articles`, `tidings article ID` and `tidings failures`: reading
// the store.
#include <iostream>

#include "cli/cli.h"
#include "core/article_json.h"

namespace tidings::cli {

namespace {

struct ReadArgs {
  bool json = false;
  int limit = 50;
  int offset = 0;
  int64_t id = 0;
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
  if (args.json) {
    std::cout << dump_json(stored_article_to_json(*a), 2) << "\n";
    return 0;
  }
  const Article& art = a->article;
  std::cout << art.title << "\n" << a->outlet;
  if (art.published_at) std::cout << " · " << format_rfc3339(*art.published_at);
  if (!art.byline.empty()) std::cout << " · " << art.byline;
  std::cout << "\n" << (art.canonical_url.empty() ? art.url : art.canonical_url) << "\n";
  for (const auto& l : art.source_links) std::cout << "source: " << l.url << "\n";
  std::cout << "\n" << art.text << "\n";
  return 0;
}

int run_failures(const ReadArgs& args, const GlobalOptions& global) {
  auto store = open_store_or_report(global);
  if (!store) return 1;
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
      "failures", "List documents that failed a stage, with the reason (retry: reextract).");
  failures->add_flag("--json", args->json, "print a JSON array");
  failures->add_option("--limit", args->limit, "how many")->check(CLI::Range(1, 100000));
  failures->callback([args, &global] { global.exit_code = run_failures(*args, global); });
}

const bool kRegistered = register_commands(30, add_read_commands);

}  // namespace

}  // namespace tidings::cli
