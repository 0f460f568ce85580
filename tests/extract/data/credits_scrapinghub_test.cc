// Credits on the 125 Scrapinghub benchmark pages (../shared/data/extraction/
// scrapinghub): every dateline and credit found must be one of the
// hand-checked ones in tests/data/credits_scrapinghub.tsv (precision), and
// most of those must be found (recall). The file lists what a reader of each
// page would call a credit of an agency or an original source; each entry
// was checked against the page by hand.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>

#include "collect/http_payload.h"
#include "extract/extract.h"

namespace tidings {
namespace {

namespace fs = std::filesystem;

std::string gunzip(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream raw;
  raw << in.rdbuf();
  return collect::inflate_bounded(raw.str(), /*raw=*/false, 64u << 20).value_or("");
}

// "<id>\t<kind>\t<agency>\t<text>" per credit; '#' starts a comment.
std::set<std::string> read_expected(const fs::path& path) {
  std::set<std::string> out;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line[0] != '#') out.insert(line);
  }
  return out;
}

TEST(ScrapinghubCredits, FoundCreditsAreTheHandCheckedOnes) {
  const fs::path dir = fs::path(TIDINGS_SHARED_DATA) / "extraction" / "scrapinghub";
  if (!fs::exists(dir / "ground-truth.json")) GTEST_SKIP() << "no ../shared/data scrapinghub pages";
  const nlohmann::json truth = nlohmann::json::parse(std::ifstream(dir / "ground-truth.json"));
  const std::set<std::string> expected =
      read_expected(fs::path(TIDINGS_TEST_DATA) / "credits_scrapinghub.tsv");
  ASSERT_FALSE(expected.empty());

  std::set<std::string> found;
  size_t pages = 0;
  for (const auto& [id, entry] : truth.items()) {
    const std::string html = gunzip(dir / "html" / (id + ".html.gz"));
    if (html.empty()) continue;
    ++pages;
    ExtractOptions options;
    options.url = entry.value("url", "");
    options.content_type = "text/html; charset=utf-8";  // the pages are stored as UTF-8
    options.now = std::chrono::sys_days{std::chrono::year{2024} / 1 / 1};
    auto r = extract_article(html, options);
    if (!r) continue;
    for (const SourceLink& l : r->article.source_links) {
      if (l.kind != "dateline" && l.kind != "credit") continue;
      found.insert(id + "\t" + l.kind + "\t" + l.agency + "\t" + l.text);
    }
  }
  EXPECT_EQ(pages, 125u);
  size_t true_positives = 0;
  for (const std::string& f : found) {
    if (expected.count(f) > 0) {
      ++true_positives;
    } else {
      ADD_FAILURE() << "not a hand-checked credit: " << f;
    }
  }
  for (const std::string& e : expected) {
    if (found.count(e) == 0) std::printf("missed: %s\n", e.c_str());
  }
  const double recall = double(true_positives) / double(expected.size());
  std::printf("credits found %zu, hand-checked %zu, true %zu, recall %.2f\n", found.size(),
              expected.size(), true_positives, recall);
  RecordProperty("credits_found", std::to_string(found.size()));
  RecordProperty("credits_true", std::to_string(true_positives));
  EXPECT_GE(recall, 0.9);
}

}  // namespace
}  // namespace tidings
