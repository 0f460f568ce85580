// `tidings stories` and `tidings story ID`: reading the stories the store
// keeps (docs/api.md has the JSON shapes, shared with the HTTP API).
#include <iostream>

#include "cli/cli.h"
#include "core/article_json.h"
#include "store/story_json.h"

namespace tidings::cli {

namespace {

struct StoryArgs {
  bool json = false;
  int limit = 50;
  std::string sort = "latest";
  int64_t id = 0;
};

std::string short_time(const std::optional<Instant>& t) {
  if (!t) return "                ";
  const std::string s = format_rfc3339(*t);  // 2023-11-01T18:40:00Z -> 2023-11-01 18:40
  return s.substr(0, 10) + " " + s.substr(11, 5);
}

int run_stories(const StoryArgs& args, const GlobalOptions& global) {
  auto store = open_store_or_report(global);
  if (!store) return 1;
  StoryQuery q;
  q.limit = args.limit;
  q.sort = args.sort;
  auto list = store->list_stories(q);
  if (!list) {
    report_error(list.error().message);
    return 1;
  }
  if (args.json) {
    nlohmann::json arr = nlohmann::json::array();
    for (const Story& s : *list) arr.push_back(story_summary_to_json(s));
    std::cout << dump_json(arr, 2) << "\n";
    return 0;
  }
  for (const Story& s : *list) {
    std::cout << s.id << "\t" << short_time(s.last_published_at) << "\t" << s.outlet_count
              << " outlets\t" << s.article_count << " articles\t" << s.headline << "\n";
  }
  if (list->empty()) std::cerr << "no stories\n";
  return 0;
}

int run_story(const StoryArgs& args, const GlobalOptions& global) {
  auto store = open_store_or_report(global);
  if (!store) return 1;
  auto story = store->get_story(args.id);
  if (!story) {
    report_error(story.error().message);
    return 1;
  }
  if (args.json) {
    std::cout << dump_json(story_detail_to_json(*story), 2) << "\n";
    return 0;
  }
  const Story& s = story->story;
  std::cout << s.headline << "\n"
            << s.outlet_count << " outlets, " << s.article_count << " articles\n";
  if (s.first_reported_by) {
    std::cout << "first reported by " << s.first_reported_by->outlet << " at "
              << format_rfc3339(s.first_reported_by->sort_time) << "\n";
  }
  std::cout << "\n";
  for (const StoryEntry& e : fold_copies(story->articles)) {
    std::cout << e.article.id << "\t" << short_time(e.article.sort_time) << "\t" << e.article.outlet
              << "\t" << e.article.title << "\n";
    for (const ArticleRef& c : e.copies) {
      std::cout << "  copy " << c.id << "\t" << short_time(c.sort_time) << "\t" << c.outlet << "\t"
                << c.url << "\n";
    }
  }
  return 0;
}

void add_story_commands(CLI::App& app, GlobalOptions& global) {
  auto args = std::make_shared<StoryArgs>();
  CLI::App* list = app.add_subcommand("stories", "List stories, latest or most covered first.");
  list->add_flag("--json", args->json, "print a JSON array");
  list->add_option("--limit", args->limit, "how many")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  list->add_option("--sort", args->sort, "latest or coverage (most outlets first)")
      ->check(CLI::IsMember({"latest", "coverage"}))
      ->capture_default_str();
  list->callback([args, &global] { global.exit_code = run_stories(*args, global); });

  CLI::App* one = app.add_subcommand("story", "Show one story: its articles and their copies.");
  one->add_option("id", args->id, "story id")->required()->check(CLI::PositiveNumber);
  one->add_flag("--json", args->json, "print JSON");
  one->callback([args, &global] { global.exit_code = run_story(*args, global); });
}

const bool kRegistered = register_commands(31, add_story_commands);

}  // namespace

}  // namespace tidings::cli
