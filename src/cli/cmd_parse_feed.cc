// `tidings parse-feed`: feeds and sitemaps in, their items out (stateless;
// touches no database). The JSON shape is docs/feeds.md's.
#include <filesystem>
#include <iostream>

#include "cli/cli.h"
#include "cli/read_file.h"
#include "collect/feed.h"
#include "core/article_json.h"
#include "core/url.h"

namespace tidings::cli {

namespace {

struct ParseFeedArgs {
  std::vector<std::string> files;
  std::string url;
  std::string content_type;
  bool json = false;
  size_t max_bytes = 64u << 20;
  size_t max_items = 100000;
};

nlohmann::json text_or_null(const std::string& s) { return s.empty() ? nlohmann::json() : nlohmann::json(s); }

nlohmann::json time_or_null(const std::optional<Instant>& t) {
  return t ? nlohmann::json(format_rfc3339(*t)) : nlohmann::json();
}

nlohmann::json people_json(const std::vector<FeedPerson>& people) {
  nlohmann::json out = nlohmann::json::array();
  for (const FeedPerson& p : people) {
    out.push_back({{"name", text_or_null(p.name)}, {"email", text_or_null(p.email)}, {"uri", text_or_null(p.uri)}});
  }
  return out;
}

nlohmann::json item_json(const FeedItem& it) {
  nlohmann::json enclosures = nlohmann::json::array();
  for (const FeedEnclosure& e : it.enclosures) {
    enclosures.push_back({{"url", e.url},
                          {"type", text_or_null(e.type)},
                          {"length", e.length ? nlohmann::json(*e.length) : nlohmann::json()}});
  }
  return {{"link", text_or_null(it.link)},
          {"title", text_or_null(it.title)},
          {"published", time_or_null(it.published)},
          {"updated", time_or_null(it.updated)},
          {"authors", people_json(it.authors)},
          {"summary", text_or_null(it.summary)},
          {"content", text_or_null(it.content)},
          {"id", text_or_null(it.id)},
          {"categories", it.categories},
          {"enclosures", enclosures},
          {"lastmod", time_or_null(it.lastmod)},
          {"news_title", text_or_null(it.news_title)},
          {"news_publication", text_or_null(it.news_publication)},
          {"news_publication_language", text_or_null(it.news_publication_language)}};
}

nlohmann::json feed_json(const ParsedFeed& f) {
  nlohmann::json items = nlohmann::json::array();
  for (const FeedItem& it : f.items) items.push_back(item_json(it));
  return {{"format", f.format},
          {"title", text_or_null(f.title)},
          {"link", text_or_null(f.link)},
          {"updated", time_or_null(f.updated)},
          {"subtitle", text_or_null(f.subtitle)},
          {"language", text_or_null(f.language)},
          {"id", text_or_null(f.id)},
          {"authors", people_json(f.authors)},
          {"bozo", f.bozo},
          {"bozo_message", text_or_null(f.bozo_message)},
          {"encoding", text_or_null(f.encoding)},
          {"items", items}};
}

void print_text(const ParsedFeed& f, std::ostream& out) {
  out << "format: " << f.format << "\n";
  if (!f.title.empty()) out << "title: " << f.title << "\n";
  if (!f.link.empty()) out << "link: " << f.link << "\n";
  if (f.updated) out << "updated: " << format_rfc3339(*f.updated) << "\n";
  if (f.bozo) out << "bozo: " << f.bozo_message << "\n";
  out << "items: " << f.items.size() << "\n";
  for (const FeedItem& it : f.items) {
    const auto& when = it.published ? it.published : it.updated ? it.updated : it.lastmod;
    out << (when ? format_rfc3339(*when) : std::string(20, ' ')) << "  " << it.link;
    if (!it.title.empty()) out << "  " << it.title;
    out << "\n";
  }
}

int run_parse_feed(const ParseFeedArgs& args) {
  const bool lines = args.files.size() > 1;  // several files: JSON lines, one per file
  int status = 0;
  for (const std::string& file : args.files) {
    FeedParseOptions options;
    options.base_url = input_url(args.url, file);
    options.content_type = args.content_type;
    options.max_bytes = args.max_bytes;
    options.max_items = args.max_items;
    Result<ParsedFeed> result = read_input(file, args.max_bytes).and_then([&](std::string bytes) {
      return parse_feed(bytes, options);
    });
    if (!result) {
      report_input_error(file, result.error(), args.json && lines);
      status = 1;
      continue;
    }
    if (args.json) {
      nlohmann::json j = feed_json(*result);
      if (lines) j["file"] = file;
      std::cout << dump_json(j, lines ? -1 : 2) << "\n";
    } else {
      if (lines) std::cout << "==> " << file << " <==\n";
      print_text(*result, std::cout);
    }
  }
  return status;
}

void add_parse_feed_command(CLI::App& app, GlobalOptions& global) {
  auto args = std::make_shared<ParseFeedArgs>();
  CLI::App* cmd = app.add_subcommand(
      "parse-feed",
      "Parse RSS, Atom, JSON Feed or sitemap files and print their items (stateless; no "
      "database). With several files and --json, prints one JSON object per line, in order.");
  cmd->add_option("files", args->files, "feed files, or - for standard input")->required();
  cmd->add_option("--url", args->url, "the feed's URL (base for relative links)");
  cmd->add_option("--content-type", args->content_type,
                  "the HTTP Content-Type the feed was served with (charset, RFC 3023)");
  cmd->add_flag("--json", args->json, "print JSON (see docs/feeds.md)");
  cmd->add_option("--max-bytes", args->max_bytes, "refuse larger feeds")->capture_default_str();
  cmd->add_option("--max-items", args->max_items, "drop items past this many")->capture_default_str();
  cmd->callback([args, &global] { global.exit_code = run_parse_feed(*args); });
}

const bool kRegistered = register_commands(15, add_parse_feed_command);

}  // namespace

}  // namespace tidings::cli
