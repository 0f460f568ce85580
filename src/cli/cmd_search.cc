// `tidings search QUERY` and `tidings reindex`: the full-text index beside
// the database (search/search.h, docs/search.md).
#include <unistd.h>

#include <chrono>
#include <iostream>

#include "cli/cli.h"
#include "cli/progress.h"
#include "core/article_json.h"
#include "search/from_store.h"
#include "search/search_json.h"

namespace tidings::cli {

namespace {

struct SearchArgs {
  std::string query;
  std::string from, to, outlet, lang, entity, place;
  int64_t story = 0;
  int limit = 20;
  int offset = 0;
  bool json = false;
  std::string backend = search::backend_name(search::kDefaultBackend);
};

// "YYYY-MM-DD" (as `to`: through the end of that day) or RFC 3339.
bool parse_time_arg(const std::string& name, const std::string& text, bool end_of_day,
                    std::optional<Instant>& out) {
  if (text.empty()) return true;
  const bool date_only = text.size() == 10 && text[4] == '-' && text[7] == '-';
  auto t = parse_iso8601(text);
  if (!t || (!date_only && text.size() < 20)) {
    report_error(name + ": expected YYYY-MM-DD or an RFC 3339 time, got \"" + text + "\"");
    return false;
  }
  if (date_only && end_of_day) *t += std::chrono::days(1);
  out = *t;
  return true;
}

std::string short_time(Instant t) {
  const std::string s = format_rfc3339(t);
  return s.substr(0, 10) + " " + s.substr(11, 5);
}

// The snippet with its highlights in [brackets] (or bold on a terminal).
std::string marked(const search::Hit& hit, bool tty) {
  const char* open = tty ? "\033[1m" : "[";
  const char* close = tty ? "\033[0m" : "]";
  std::string out;
  size_t at = 0;
  for (const search::Span& s : hit.highlights) {
    if (s.start < at || s.end > hit.snippet.size()) continue;
    out += hit.snippet.substr(at, s.start - at) + open + hit.snippet.substr(s.start, s.end - s.start) + close;
    at = s.end;
  }
  return out + hit.snippet.substr(at);
}

int run_search(const SearchArgs& args, const GlobalOptions& global) {
  search::SearchRequest r;
  r.query = args.query;
  r.limit = args.limit;
  r.offset = args.offset;
  if (!parse_time_arg("--from", args.from, false, r.filters.from) ||
      !parse_time_arg("--to", args.to, true, r.filters.to)) {
    return 2;
  }
  r.filters.outlet = args.outlet;
  r.filters.language = args.lang;
  r.filters.entity = args.entity;
  r.filters.place = args.place;
  if (args.story > 0) r.filters.story_id = args.story;
  const std::string dir = search::index_dir_for(global.db_path);
  auto index = search::open_index(dir, false);
  if (!index) {
    report_error(index.error().code == ErrorCode::kNotFound
                     ? "no search index beside " + global.db_path + ": run `tidings reindex`"
                     : index.error().message);
    return 1;
  }
  if (const std::string note = (*index)->upgrade_note(); !note.empty()) {
    std::cerr << "tidings search: note: " << note << "\n";
  }
  auto results = (*index)->search(r);
  if (!results) {
    report_error(results.error().message);
    return results.error().code == ErrorCode::kInvalidInput ? 2 : 1;
  }
  if (args.json) {
    nlohmann::json body = search::results_to_json(*results);
    body["query"] = r.query;
    body["offset"] = r.offset;
    body["limit"] = r.limit;
    std::cout << dump_json(body, 2) << "\n";
    return 0;
  }
  const bool tty = isatty(STDOUT_FILENO) != 0;
  std::cout << (results->exact ? "" : "about ") << results->total
            << (results->total == 1 ? " match" : " matches") << "\n";
  for (const search::Hit& h : results->hits) {
    std::cout << "\n" << h.article_id << "  " << h.title << "\n   " << h.outlet << " · "
              << short_time(h.published_at);
    if (h.story_id > 0) std::cout << " · story " << h.story_id;
    std::cout << " · score " << h.score << "\n   " << h.url << "\n   " << marked(h, tty) << "\n";
  }
  return 0;
}

int run_reindex(const SearchArgs& args, const GlobalOptions& global) {
  auto backend = search::parse_backend(args.backend);
  if (!backend) {
    report_error("--backend must be xapian or fts5, not \"" + args.backend + "\"");
    return 2;
  }
  auto store = open_store_or_report(global);
  if (!store) return 1;
  int64_t total = 0;
  if (auto c = store->counts()) total = c->articles;
  ProgressBar bar(total, "articles");
  const auto start = std::chrono::steady_clock::now();
  const std::string dir = search::index_dir_for(global.db_path);
  auto counts = search::reindex(*store, dir, *backend, [&bar](int64_t n) { bar.update(n, ""); });
  bar.clear();
  if (!counts) {
    report_error(counts.error().message);
    return 1;
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cout << "reindex: " << counts->articles << " articles into " << dir << " ("
            << search::backend_name(*backend) << ", " << counts->index_bytes / 1024 << " KiB) in "
            << static_cast<int64_t>(seconds * 1000) << " ms";
  if (counts->failed > 0) std::cout << "; " << counts->failed << " could not be read";
  std::cout << "\n";
  return counts->failed > 0 ? 1 : 0;
}

void add_search_commands(CLI::App& app, GlobalOptions& global) {
  auto args = std::make_shared<SearchArgs>();
  CLI::App* cmd = app.add_subcommand(
      "search",
      "Search the stored articles: words (stemmed), \"phrases\", AND OR NOT, parentheses, "
      "-word. Needs the index `tidings reindex` builds.");
  cmd->add_option("query", args->query, "the query (\"\" with a filter lists what it passes)")
      ->required();
  cmd->add_option("--from", args->from, "published on or after (YYYY-MM-DD or RFC 3339)");
  cmd->add_option("--to", args->to, "published before (RFC 3339) or on (YYYY-MM-DD)");
  cmd->add_option("--outlet", args->outlet, "only this outlet");
  cmd->add_option("--lang", args->lang, "only this language (ISO 639-1)");
  cmd->add_option("--story", args->story, "only this story");
  cmd->add_option("--entity", args->entity, "only articles naming this person or organisation");
  cmd->add_option("--place", args->place, "only articles naming this place (name or geonames id)");
  cmd->add_option("--limit", args->limit, "hits to print (1..200)")->capture_default_str();
  cmd->add_option("--offset", args->offset, "hits to skip (0..10000)");
  cmd->add_flag("--json", args->json, "print the hits as JSON (docs/api.md \"Search\")");
  cmd->callback([args, &global] { global.exit_code = run_search(*args, global); });

  CLI::App* re = app.add_subcommand(
      "reindex", "Rebuild the search index (<db>.search) from the stored articles and their facts.");
  re->add_option("--backend", args->backend, "xapian or fts5 (docs/search.md)")->capture_default_str();
  re->callback([args, &global] { global.exit_code = run_reindex(*args, global); });
}

const bool kRegistered = register_commands(85, add_search_commands);

}  // namespace

}  // namespace tidings::cli
