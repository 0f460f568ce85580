// bench/feeds' driver for tidings: parse_feed over feeds already in memory,
// so the numbers are the parser's, not process start-up's or the disk's.
//
//   tidings_feed_bench MANIFEST.json REPEAT OUT.json
//
// MANIFEST.json is [{"key", "set", "path"}, ...]. Every file is read first;
// then, REPEAT times, each set's files are parsed one after another under
// one timer, and each set keeps its best time. OUT.json gets {"parser",
// "version", "runs": [total s...], "set_seconds": {set: best s},
// "items": [count, or null for a failure, per manifest entry],
// "errors": {key: message}} -- the shape bench/drivers/feedparser_driver.py
// and rss_parser.js write too.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "collect/feed.h"
#include "core/version.h"

namespace {

struct Input {
  std::string key;
  std::string set;
  std::string bytes;
};

bool read_file(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buf;
  buf << in.rdbuf();
  out = std::move(buf).str();
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: tidings_feed_bench MANIFEST.json REPEAT OUT.json\n";
    return 2;
  }
  std::string manifest_text;
  if (!read_file(argv[1], manifest_text)) {
    std::cerr << "cannot read " << argv[1] << "\n";
    return 2;
  }
  const int repeat = std::max(1, std::atoi(argv[2]));
  std::vector<Input> inputs;
  std::vector<std::string> sets;  // in manifest order
  for (const auto& entry : nlohmann::json::parse(manifest_text)) {
    Input in{entry.at("key"), entry.at("set"), ""};
    if (!read_file(entry.at("path"), in.bytes)) {
      std::cerr << "cannot read " << entry.at("path").get<std::string>() << "\n";
      return 2;
    }
    if (std::find(sets.begin(), sets.end(), in.set) == sets.end()) sets.push_back(in.set);
    inputs.push_back(std::move(in));
  }

  std::vector<nlohmann::json> items(inputs.size());  // from the first run
  nlohmann::json errors = nlohmann::json::object();
  std::map<std::string, double> best;
  nlohmann::json runs = nlohmann::json::array();
  size_t sink = 0;  // keeps the optimiser from dropping a parse
  for (int r = 0; r < repeat; ++r) {
    double total = 0;
    for (const std::string& set : sets) {
      const auto t0 = std::chrono::steady_clock::now();
      for (size_t i = 0; i < inputs.size(); ++i) {
        const Input& in = inputs[i];
        if (in.set != set) continue;
        auto feed = tidings::parse_feed(in.bytes);
        if (feed) sink += feed->items.size();
        if (r == 0) {
          if (feed) {
            items[i] = feed->items.size();
          } else {
            errors[in.key] = feed.error().message;  // items[i] stays null
          }
        }
      }
      const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      total += s;
      if (!best.count(set) || s < best[set]) best[set] = s;
    }
    runs.push_back(total);
  }
  nlohmann::json out = {{"parser", "tidings"},
                        {"version", TIDINGS_VERSION},
                        {"runs", runs},
                        {"set_seconds", best},
                        {"items", items},
                        {"errors", errors},
                        {"checksum", sink}};
  std::ofstream(argv[3]) << out.dump() << "\n";
  return 0;
}
