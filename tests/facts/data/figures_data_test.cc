// Dates and figures on ../shared/data: the seed article's figures exactly,
// and the speed of the pass on the ECB+ news texts (printed; the facts pass
// as a whole must reach 20,000 sentences/s per core, issue 7).
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "facts/dates.h"
#include "facts/figures.h"
#include "facts/segment.h"

namespace tidings::facts {
namespace {

const std::filesystem::path kShared = TIDINGS_SHARED_DATA;

std::string str(const std::string& text, TextSpan s) {
  return text.substr(s.start, s.end - s.start);
}

TEST(FiguresData, SeedArticle) {
  const auto path = kShared / "seed" / "seed-article.txt";
  std::ifstream in(path);
  if (!in) GTEST_SKIP() << "no " << path << " (../shared/data absent)";
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  const Segmented s = segment(text);
  const auto dates = find_dates(s, parse_publication_time("2023-11-01T12:00:00+03:30"));
  const auto figures = find_figures(s, dates);

  // "on Wednesday" is the publication day, "October 7" its October 7.
  std::vector<std::string> date_values;
  for (const DateExpression& d : dates) date_values.push_back(d.value);
  EXPECT_EQ(date_values, (std::vector<std::string>{"2023-11-01", "2023-10-07"}));

  // Every figure: value, event, subject, qualifier, parent, attribution.
  std::vector<std::string> got;
  for (const Figure& f : figures) {
    got.push_back(std::to_string(static_cast<long long>(f.value)) + " " + std::string(f.event) +
                  " " + std::string(f.subject) + " " + qualifier_name(f.qualifier) + " " +
                  std::to_string(f.parent) + " [" + str(text, f.attribution) + "]");
  }
  EXPECT_EQ(got, (std::vector<std::string>{
                     // "massacre of thousands of women and children" (vague: >= 2,000)
                     "2000 killed people none -1 []",
                     "8796 killed people at_least -1 [according to officials]",
                     "3648 killed children none 1 [according to officials]",
                     "2290 killed women none 1 [according to officials]",
                     "2000 missing people around -1 []",
                     "1100 missing children none 4 []",
                     "22219 wounded people at_least -1 []",
                     "2000000  palestinians more_than -1 []",
                 }));
  ASSERT_EQ(figures.size(), 8u);
  EXPECT_TRUE(figures[0].vague);
}

// ECB+ documents: {"id", "text", ...} per line, gzip. Read through gzip(1)
// to keep the test free of a zlib dependency of its own.
std::vector<std::string> ecbplus_texts(const std::filesystem::path& path) {
  std::vector<std::string> out;
  const std::string command = "gzip -dc '" + path.string() + "'";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  if (!pipe) return out;
  std::string data;
  char buf[1 << 16];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe.get())) > 0) data.append(buf, n);
  std::istringstream lines(data);
  std::string line;
  while (std::getline(lines, line)) {
    const auto doc = nlohmann::json::parse(line, nullptr, false);
    if (doc.is_object() && doc.contains("text") && doc["text"].is_string()) {
      out.push_back(doc["text"].get<std::string>());
    }
  }
  return out;
}

TEST(FiguresData, SpeedOnEcbPlus) {
  const auto path = kShared / "clustering" / "ecbplus" / "ecbplus_docs.jsonl.gz";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no " << path << " (../shared/data absent)";
  const std::vector<std::string> texts = ecbplus_texts(path);
  ASSERT_GT(texts.size(), 500u);

  std::vector<Segmented> segmented;
  segmented.reserve(texts.size());
  const auto t0 = std::chrono::steady_clock::now();
  for (const std::string& t : texts) segmented.push_back(segment(t));
  const auto t1 = std::chrono::steady_clock::now();

  const auto published = parse_publication_time("2013-05-03T12:00:00Z");
  size_t sentences = 0, tokens = 0, n_dates = 0, n_figures = 0;
  constexpr int kRounds = 5;  // the pass is fast; repeat it for a stable time
  for (int round = 0; round < kRounds; ++round) {
    for (const Segmented& s : segmented) {
      const auto dates = find_dates(s, published);
      const auto figures = find_figures(s, dates);
      if (round == 0) {
        sentences += s.sentences.size();
        tokens += s.tokens.size();
        n_dates += dates.size();
        n_figures += figures.size();
      }
    }
  }
  const auto t2 = std::chrono::steady_clock::now();
  const double segment_s = std::chrono::duration<double>(t1 - t0).count();
  const double pass_s = std::chrono::duration<double>(t2 - t1).count() / kRounds;
  const double per_s = sentences / pass_s;
  std::cout << "ECB+ " << texts.size() << " documents, " << sentences << " sentences, " << tokens
            << " tokens: " << n_dates << " dates, " << n_figures << " figures\n"
            << "dates+figures: " << static_cast<long>(per_s) << " sentences/s, "
            << static_cast<long>(tokens / pass_s) << " tokens/s (one core)\n"
            << "segment (ICU): " << static_cast<long>(sentences / segment_s)
            << " sentences/s; segment+dates+figures: "
            << static_cast<long>(sentences / (segment_s + pass_s)) << " sentences/s\n";
  RecordProperty("dates_figures_sentences_per_second", static_cast<int>(per_s));
  // Dates and figures may take at most 2/5 of the whole pass's budget
  // (20,000 sentences/s), leaving the rest to segmentation and the tagger.
  EXPECT_GT(per_s, 50000.0);
}

}  // namespace
}  // namespace tidings::facts
