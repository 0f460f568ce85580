// bench/feeds' driver for tidings: parse_feed over feeds already in memory,
// so the numbers are the parser's, not process start-up's or the disk's.
//
//   tidings_feed_bench MANIFEST.json REPEAT OUT.json [--sax-only]
//
// MANIFEST.json is [{"key", "set", "path"}, ...]. Every file is read first;
// then, REPEAT times, each set's files are parsed one after another under
// one timer, and each set keeps its best time, wall and CPU. OUT.json gets
// {"parser", "version", "runs": [total s...], "set_seconds": {set: best s},
// "set_cpu_seconds": {set: best CPU s},
// "items": [count, or null for a failure, per manifest entry],
// "errors": {key: message}} -- the shape bench/drivers/feedparser_driver.py
// and rss_parser.js write too.
//
// --sax-only measures the floor instead: libxml2's push parser, as
// parse_feed drives it, with callbacks that do nothing (items are 0). What
// parse_feed takes above that is tidings' own work.
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "collect/feed.h"
#include "core/version.h"

namespace {

// CPU seconds of this process: unlike the wall clock, not inflated while
// other processes hold the CPU.
double cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

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

void ignore_element(void*, const xmlChar*, const xmlChar*, const xmlChar*, int, const xmlChar**,
                    int, int, const xmlChar**) {}
void ignore_end(void*, const xmlChar*, const xmlChar*, const xmlChar*) {}
void ignore_text(void*, const xmlChar*, int) {}
void ignore_error(void*, xmlError*) {}

// One SAX pass over `bytes` with the options parse_feed uses, on one push
// parser reset between documents as parse_feed's is (feed_xml.cc); false
// when libxml2 found no root element.
bool sax_only(const std::string& bytes) {
  static xmlSAXHandler sax = [] {
    xmlSAXHandler h{};
    h.initialized = XML_SAX2_MAGIC;
    h.startElementNs = ignore_element;
    h.endElementNs = ignore_end;
    h.characters = ignore_text;
    h.cdataBlock = ignore_text;
    h.serror = ignore_error;
    return h;
  }();
  static xmlParserCtxtPtr ctxt = nullptr;
  if (ctxt == nullptr || xmlCtxtResetPush(ctxt, nullptr, 0, nullptr, nullptr) != 0) {
    if (ctxt != nullptr) xmlFreeParserCtxt(ctxt);
    ctxt = xmlCreatePushParserCtxt(&sax, nullptr, nullptr, 0, nullptr);
    if (!ctxt) return false;
  }
  xmlCtxtUseOptions(ctxt, XML_PARSE_NONET | XML_PARSE_RECOVER | XML_PARSE_IGNORE_ENC |
                              XML_PARSE_NOWARNING | XML_PARSE_NOERROR);
  xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);
  xmlParseChunk(ctxt, bytes.data(), static_cast<int>(bytes.size()), 1);
  const bool ok = ctxt->nameNr >= 0;
  if (ctxt->myDoc) {
    xmlFreeDoc(ctxt->myDoc);
    ctxt->myDoc = nullptr;
  }
  return ok;
}

}  // namespace

int main(int argc, char** argv) {
  const bool floor = argc == 5 && std::string(argv[4]) == "--sax-only";
  if (argc != 4 && !floor) {
    std::cerr << "usage: tidings_feed_bench MANIFEST.json REPEAT OUT.json [--sax-only]\n";
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
  std::map<std::string, double> best_cpu;
  nlohmann::json runs = nlohmann::json::array();
  size_t sink = 0;  // keeps the optimiser from dropping a parse
  for (int r = 0; r < repeat; ++r) {
    double total = 0;
    for (const std::string& set : sets) {
      const auto t0 = std::chrono::steady_clock::now();
      const double c0 = cpu_seconds();
      for (size_t i = 0; i < inputs.size(); ++i) {
        const Input& in = inputs[i];
        if (in.set != set) continue;
        if (floor) {
          sink += sax_only(in.bytes);
          if (r == 0) items[i] = 0;
          continue;
        }
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
      const double c = cpu_seconds() - c0;
      total += s;
      if (!best.count(set) || s < best[set]) best[set] = s;
      if (!best_cpu.count(set) || c < best_cpu[set]) best_cpu[set] = c;
    }
    runs.push_back(total);
  }
  nlohmann::json out = {{"parser", floor ? "libxml2-sax" : "tidings"},
                        {"version", TIDINGS_VERSION},
                        {"runs", runs},
                        {"set_seconds", best},
                        {"set_cpu_seconds", best_cpu},
                        {"items", items},
                        {"errors", errors},
                        {"checksum", sink}};
  std::ofstream(argv[3]) << out.dump() << "\n";
  return 0;
}
