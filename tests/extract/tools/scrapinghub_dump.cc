// Throwaway harness (not built by CMake): runs extract_article on the
// Scrapinghub benchmark pages and writes {"<id>": {"articleBody": ...}} for
// score_scrapinghub.py, printing pages/s for extraction alone (pages are
// decompressed before the clock starts). Build:
//   g++ -O2 -std=c++20 -I src -I build-extract/generated \
//     tests/extract/tools/scrapinghub_dump.cc build-extract/libtidings_extract.a \
//     build-extract/libtidings_text.a build-extract/libtidings_core.a \
//     -lxml2 -licui18n -licuuc -luchardet -lcld2 -lcurl -lz -o /tmp/sh_dump
//   /tmp/sh_dump ../shared/data/extraction/scrapinghub /tmp/pred.json
#include <zlib.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "extract/extract.h"

namespace {

std::string gunzip(const std::string& path) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (f == nullptr) return "";
  std::string out;
  char buf[1 << 16];
  int n;
  while ((n = gzread(f, buf, sizeof buf)) > 0) out.append(buf, static_cast<size_t>(n));
  gzclose(f);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: scrapinghub_dump DATA_DIR OUT.json [repeat]\n";
    return 2;
  }
  const std::string dir = argv[1];
  const int repeat = argc > 3 ? std::atoi(argv[3]) : 1;
  std::ifstream truth_file(dir + "/ground-truth.json");
  const auto truth = nlohmann::json::parse(truth_file);
  std::vector<std::pair<std::string, std::string>> pages;
  size_t total_bytes = 0;
  for (const auto& [id, value] : truth.items()) {
    pages.emplace_back(id, gunzip(dir + "/html/" + id + ".html.gz"));
    total_bytes += pages.back().second.size();
  }
  nlohmann::json out = nlohmann::json::object();
  const auto start = std::chrono::steady_clock::now();
  for (int r = 0; r < repeat; ++r) {
    for (const auto& [id, html] : pages) {
      tidings::ExtractOptions options;
      options.url = truth[id]["url"].get<std::string>();
      options.content_type = "text/html; charset=utf-8";
      auto result = tidings::extract_article(html, options);
      if (r > 0) continue;
      if (!result) {
        std::cerr << id << ": " << result.error().message << "\n";
        out[id] = {{"articleBody", ""}};
        continue;
      }
      out[id] = {{"articleBody", result->article.text},
                 {"title", result->article.title},
                 {"language", result->article.language},
                 {"published_at", result->article.published_at
                                      ? std::to_string(result->article.published_at->time_since_epoch().count())
                                      : ""}};
    }
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double n = static_cast<double>(pages.size()) * repeat;
  std::fprintf(stderr, "%zu pages, %.1f MB, %.3f s: %.1f pages/s, %.1f MB/s\n", pages.size(),
               total_bytes / 1e6, seconds, n / seconds, total_bytes * repeat / 1e6 / seconds);
  std::ofstream(argv[2]) << out.dump(1, ' ', false, nlohmann::json::error_handler_t::replace);
  return 0;
}
