// `tidings eval metadata`: how right extraction's metadata is on the
// Scrapinghub benchmark pages. Two measures: fields checkable from the URL
// alone on every page (the host, the date in the path, a title without the
// site's name), and every field against a hand-checked gold set
// (tests/extract/data/metadata_gold.jsonl, format in docs/metadata.md).
// With --floor FIELD=ACCURACY it fails when a field falls below its floor,
// which is how the `data` test keeps the numbers from going backwards.

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "cli/cli.h"
#include "cli/read_file.h"
#include "core/time.h"
#include "core/url.h"
#include "extract/extract.h"

namespace tidings::cli {

namespace {

struct EvalArgs {
  std::string data_dir;
  std::string gold;
  std::vector<std::string> floors;  // FIELD=ACCURACY
  bool verbose = false;
};

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Case, whitespace and typographic quotes do not count.
std::string normal(const std::string& s) {
  std::string out;
  std::string t = s;
  for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
           {"\xE2\x80\x98", "'"}, {"\xE2\x80\x99", "'"}, {"\xE2\x80\x9C", "\""},
           {"\xE2\x80\x9D", "\""}, {"\xC2\xA0", " "}, {"\xE2\x80\x93", "-"}, {"\xE2\x80\x94", "-"}}) {
    for (size_t at = 0; (at = t.find(from, at)) != std::string::npos;) t.replace(at, from.size(), to);
  }
  bool space = false;
  for (char c : t) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

std::string bare_host(std::string_view url) {
  std::string h = lower(url_host(url));
  if (h.rfind("www.", 0) == 0) h.erase(0, 4);
  return h;
}

std::string day_of(Instant t, int offset_minutes) {
  return format_rfc3339(t + std::chrono::minutes{offset_minutes}).substr(0, 10);
}

// The URL's /2019/11/18/ or 2019-11-18 or /20191118/, as "2019-11-18".
std::string url_day(const std::string& url) {
  static const std::regex kPath(R"(/((?:19|20)\d\d)[/-](\d\d)[/-](\d\d)(?:[/._-]|$))");
  static const std::regex kCompact(R"([/-]((?:19|20)\d\d)(\d\d)(\d\d)(?:[/._-]|$))");
  std::smatch m;
  const std::string path = url_path(url);
  if (std::regex_search(path, m, kPath) || std::regex_search(path, m, kCompact)) {
    const int month = std::stoi(m[2]), day = std::stoi(m[3]);
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31) {
      return m[1].str() + "-" + m[2].str() + "-" + m[3].str();
    }
  }
  return "";
}

// Per-field tallies.
struct Tally {
  std::map<std::string, std::pair<int, int>> fields;  // name -> (right, asked)
  void add(const std::string& field, bool right) {
    auto& [r, n] = fields[field];
    r += right ? 1 : 0;
    ++n;
  }
  double accuracy(const std::string& field) const {
    auto it = fields.find(field);
    return it == fields.end() || it->second.second == 0
               ? 0.0
               : double(it->second.first) / it->second.second;
  }
  void print(const char* heading) const {
    std::printf("%s\n", heading);
    for (const auto& [name, rn] : fields) {
      std::printf("  %-22s %3d/%-3d %5.1f%%\n", name.c_str(), rn.first, rn.second,
                  rn.second ? 100.0 * rn.first / rn.second : 0.0);
    }
  }
};

std::vector<std::string> lowered_sorted(const std::vector<std::string>& v) {
  std::vector<std::string> out;
  for (const auto& s : v) out.push_back(normal(s));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::string str(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

// A gold time: "2019-11-18" (a day) or a full RFC 3339 time. The
// extraction is right on the day when its day, in the gold's offset (else
// the extraction's own, else UTC), is the gold's; on the time when it is
// within a minute of it.
void compare_time(Tally& tally, const std::string& field, const std::string& gold,
                  const std::optional<Instant>& got, const std::optional<int>& got_offset,
                  std::ostream& log) {
  if (gold.empty()) {
    tally.add(field + " (absent)", !got);
    if (got) log << "  " << field << ": gold none, got " << format_rfc3339(*got) << "\n";
    return;
  }
  int offset = got_offset.value_or(0);
  if (gold.size() > 19) {
    const std::string tail = gold.substr(19);
    const size_t sign = tail.find_first_of("+-");
    if (sign != std::string::npos) {
      const int h = std::stoi(tail.substr(sign + 1, 2)), m = std::stoi(tail.substr(sign + 4, 2));
      offset = (tail[sign] == '-' ? -1 : 1) * (h * 60 + m);
    } else if (tail.find('Z') != std::string::npos) {
      offset = 0;
    }
  }
  const bool day_right = got && day_of(*got, offset) == gold.substr(0, 10);
  tally.add(field + " (day)", day_right);
  if (gold.size() > 10) {
    const auto g = parse_iso8601(gold);
    const bool right = got && g && std::chrono::abs(*got - *g) <= std::chrono::seconds(60);
    tally.add(field + " (time)", right);
    if (!right) log << "  " << field << " time: gold " << gold << ", got " << (got ? format_rfc3339(*got) : "none") << "\n";
  } else if (!day_right) {
    log << "  " << field << " day: gold " << gold << ", got " << (got ? format_rfc3339(*got) : "none") << "\n";
  }
}

// Fields the gold line leaves out were not decided by hand: not scored.
void compare_gold(Tally& tally, const nlohmann::json& gold, const Article& a, std::ostream& log) {
  auto same = [&](const char* field, const std::string& want, const std::string& got) {
    if (!gold.contains(field)) return;
    const bool right = normal(want) == normal(got);
    tally.add(field, right);
    if (!right) log << "  " << field << ": gold \"" << want << "\", got \"" << got << "\"\n";
  };
  same("title", str(gold, "title"), a.title);
  same("site_name", str(gold, "site_name"), a.site_name);
  same("canonical_url", str(gold, "canonical_url"), a.canonical_url);
  same("language", str(gold, "language"), a.language);
  same("section", str(gold, "section"), a.section);
  same("image", str(gold, "image"), a.image);
  auto list = [&](const char* field, const std::vector<std::string>& got) {
    if (!gold.contains(field)) return;
    std::vector<std::string> want;
    if (auto it = gold.find(field); it != gold.end() && it->is_array()) {
      for (const auto& v : *it) want.push_back(v.get<std::string>());
    }
    const bool right = lowered_sorted(want) == lowered_sorted(got);
    tally.add(field, right);
    if (!right) {
      log << "  " << field << ": gold [";
      for (const auto& w : want) log << w << "; ";
      log << "], got [";
      for (const auto& g : got) log << g << "; ";
      log << "]\n";
    }
  };
  list("authors", a.authors);
  list("tags", a.tags);
  for (const char* field : {"published_at", "modified_at"}) {
    if (!gold.contains(field)) continue;
    compare_time(tally, field, str(gold, field),
                 field[0] == 'p' ? a.published_at : a.modified_at, a.utc_offset_minutes, log);
  }
}

int run_eval_metadata(const EvalArgs& args) {
  std::ifstream truth_file(args.data_dir + "/ground-truth.json");
  if (!truth_file) {
    report_error(args.data_dir + "/ground-truth.json: cannot read");
    return 77;  // the data is not here: skipped, as the test harness counts it
  }
  const auto truth = nlohmann::json::parse(truth_file, nullptr, false);
  if (truth.is_discarded()) {
    report_error("ground-truth.json: not JSON");
    return 1;
  }
  std::map<std::string, nlohmann::json> gold;
  if (!args.gold.empty()) {
    std::ifstream in(args.gold);
    if (!in) {
      report_error(args.gold + ": cannot read");
      return 1;
    }
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty()) continue;
      auto j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_discarded() || !j.contains("id")) {
        report_error(args.gold + ": bad line: " + line.substr(0, 80));
        return 1;
      }
      gold[j["id"].get<std::string>()] = j;
    }
  }

  Tally url_tally, gold_tally, coverage;
  std::ostringstream log;
  for (const auto& [id, value] : truth.items()) {
    const std::string url = value.value("url", "");
    const std::string html =
        read_gzip_input(args.data_dir + "/html/" + id + ".html.gz", 64u << 20).value_or("");
    ExtractOptions options;
    options.url = url;
    options.content_type = "text/html; charset=utf-8";
    auto result = extract_article(html, options);
    if (!result) {
      log << id << ": " << result.error().message << "\n";
      continue;
    }
    const Article& a = result->article;
    std::ostringstream page_log;
    // (a) From the URL.
    url_tally.add("canonical host = URL host", bare_host(a.canonical_url) == bare_host(url));
    const std::string host = bare_host(url);
    const std::string label = host.substr(0, host.find('.'));
    // The site's name as a suffix or prefix ("Headline | Site", "Site: Headline"),
    // not inside a headline ("The Guardian view on ...").
    const std::string t = normal(a.title), site = normal(a.site_name);
    bool suffix = t.find(label + ".com") != std::string::npos;
    if (!site.empty() && t.size() > site.size() + 2) {
      const std::string before = t.substr(t.size() - site.size() - 2, 2);
      const std::string after = t.substr(site.size(), 2);
      suffix = suffix ||
               (t.compare(t.size() - site.size(), site.size(), site) == 0 &&
                before.find_first_of("|-:/") != std::string::npos) ||
               (t.compare(0, site.size(), site) == 0 && after.find_first_of("|-:/") != std::string::npos);
    }
    url_tally.add("title without site", !a.title.empty() && !suffix);
    if (const std::string day = url_day(url); !day.empty()) {
      const bool local = a.published_at && day_of(*a.published_at, a.utc_offset_minutes.value_or(0)) == day;
      bool near = local;
      for (int d : {-1, 1}) {
        near = near || (a.published_at &&
                        day_of(*a.published_at + std::chrono::days{d}, a.utc_offset_minutes.value_or(0)) == day);
      }
      url_tally.add("URL date = published day", local);
      url_tally.add("URL date within a day", near);
      if (!local) page_log << "  URL day " << day << ", published " << (a.published_at ? format_rfc3339(*a.published_at) : "none") << "\n";
    }
    coverage.add("authors", !a.authors.empty());
    coverage.add("published_at", a.published_at.has_value());
    coverage.add("modified_at", a.modified_at.has_value());
    coverage.add("utc_offset_minutes", a.utc_offset_minutes.has_value());
    coverage.add("section", !a.section.empty());
    coverage.add("tags", !a.tags.empty());
    coverage.add("image", !a.image.empty());
    coverage.add("site_name", !a.site_name.empty());
    coverage.add("language", !a.language.empty());
    // (b) Against the gold set.
    if (auto g = gold.find(id); g != gold.end()) compare_gold(gold_tally, g->second, a, page_log);
    if (!page_log.str().empty()) log << id.substr(0, 12) << " " << url << "\n" << page_log.str();
  }
  url_tally.print("Checked against the URL (all pages):");
  coverage.print("Found at all (all pages):");
  if (!gold.empty()) {
    char heading[96];
    std::snprintf(heading, sizeof heading, "Against the hand-checked gold set (%zu pages):",
                  gold.size());
    gold_tally.print(heading);
  }
  if (args.verbose) std::cout << "\nDifferences:\n" << log.str();

  int status = 0;
  for (const std::string& floor : args.floors) {
    // The last '=': field names may hold one ("URL date = published day").
    const size_t eq = floor.rfind('=');
    char* end = nullptr;
    const std::string value = eq == std::string::npos ? "" : floor.substr(eq + 1);
    const double want = std::strtod(value.c_str(), &end);
    if (eq == std::string::npos || value.empty() || *end != '\0') {
      report_error("--floor wants FIELD=ACCURACY, not " + floor);
      return 2;
    }
    const std::string field = floor.substr(0, eq);
    const Tally& t = gold_tally.fields.count(field) ? gold_tally : url_tally;
    if (!t.fields.count(field)) {
      report_error("--floor: no field " + field);
      status = 1;
    } else if (t.accuracy(field) + 1e-9 < want) {
      report_error(field + ": accuracy " + std::to_string(t.accuracy(field)) + " below the floor " +
                   floor.substr(eq + 1));
      status = 1;
    }
  }
  return status;
}

void add_eval_metadata_command(CLI::App& app, GlobalOptions& global) {
  auto args = std::make_shared<EvalArgs>();
  CLI::App* cmd = eval_command(app)->add_subcommand(
      "metadata",
      "Per-field accuracy of the metadata on the Scrapinghub pages: from their URLs, and "
      "against a hand-checked gold set (docs/metadata.md). Exit 77 when the data is absent.");
  cmd->add_option("--data", args->data_dir, "the benchmark folder (ground-truth.json, html/)")
      ->required();
  cmd->add_option("--gold", args->gold, "the gold set, JSON lines");
  cmd->add_option("--floor", args->floors, "FIELD=ACCURACY (0..1): fail below it; repeatable");
  cmd->add_flag("--verbose,-v", args->verbose, "list every difference");
  cmd->callback([args, &global] { global.exit_code = run_eval_metadata(*args); });
}

const bool kRegistered = register_commands(90, add_eval_metadata_command);

}  // namespace

}  // namespace tidings::cli
