// bench/facts' driver (bench/README.md): the whole facts pass
// (facts::extract_facts: segmentation, tagger, people, places, dates,
// figures, quotes) over the ECB+ texts on one thread, as sentences/s and
// tokens/s per CPU second, with the tagger's F1 on the GMB held-out
// sentences; and the same texts and sentences written out for the peer
// (bench/facts_peer.js) to read. Prints one JSON object.
#include <chrono>
#include <ctime>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "eval/ner_eval.h"
#include "facts/article_facts.h"

namespace {

double cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

int usage() {
  std::cerr << "usage: tidings_facts_bench --ecbplus ecbplus_docs.jsonl.gz --gmb ner_dataset.csv.gz "
               "[--rounds N] [--peer-texts OUT.jsonl] [--peer-gmb OUT.jsonl]\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::string ecbplus, gmb, peer_texts, peer_gmb;
  int rounds = 3;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i];
    if (a == "--ecbplus") ecbplus = argv[i + 1];
    else if (a == "--gmb") gmb = argv[i + 1];
    else if (a == "--rounds") rounds = std::max(1, std::atoi(argv[i + 1]));
    else if (a == "--peer-texts") peer_texts = argv[i + 1];
    else if (a == "--peer-gmb") peer_gmb = argv[i + 1];
    else return usage();
  }
  if (ecbplus.empty() || gmb.empty()) return usage();
  using tidings::eval::read_gzip_file;
  auto docs_bytes = read_gzip_file(ecbplus, 256u << 20);
  auto gmb_bytes = read_gzip_file(gmb, 256u << 20);
  if (!docs_bytes || !gmb_bytes) {
    std::cerr << "tidings_facts_bench: cannot read the data\n";
    return 1;
  }
  std::vector<std::string> texts;
  std::istringstream lines(*docs_bytes);
  std::string line;
  std::ofstream peer(peer_texts.empty() ? "/dev/null" : peer_texts);
  while (std::getline(lines, line)) {
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded()) continue;
    texts.push_back(j.value("title", "") + "\n" + j.value("text", ""));
    peer << nlohmann::json{{"id", j.value("id", "")}, {"text", texts.back()}}.dump() << "\n";
  }
  auto models = tidings::facts::load_facts_models();
  if (!models) {
    std::cerr << "tidings_facts_bench: " << models.error().message << "\n";
    return 1;
  }
  // The pass, best round of `rounds` (the machine is shared and noisy).
  size_t sentences = 0, tokens = 0, facts = 0;
  double best = 1e300;
  const auto published = tidings::facts::parse_publication_time("2009-01-01T12:00:00Z");
  for (int r = 0; r < rounds; ++r) {
    sentences = tokens = facts = 0;
    const double t0 = cpu_seconds();
    for (const std::string& text : texts) {
      const auto f = tidings::facts::extract_facts(text, published, *models);
      sentences += f.segmented.sentences.size();
      tokens += f.segmented.tokens.size();
      facts += f.entities.size() + f.dates.size() + f.figures.size() + f.quotes.size();
    }
    best = std::min(best, cpu_seconds() - t0);
  }
  // The tagger on GMB's held-out sentences (words as the corpus gives them).
  auto all = tidings::eval::read_gmb(*gmb_bytes);
  if (!all) {
    std::cerr << "tidings_facts_bench: " << all.error().message << "\n";
    return 1;
  }
  std::vector<tidings::eval::NerGoldSentence> heldout;
  for (auto& s : *all) {
    if (s.number >= tidings::eval::kGmbFirstHeldOut) heldout.push_back(std::move(s));
  }
  const auto score = tidings::eval::score_ner(models->ner, heldout, tidings::eval::NerCorpus::kGmb);
  if (!peer_gmb.empty()) {
    // For the peer: each sentence as text (words joined by spaces) with its
    // gold spans in UTF-16 code units, as JavaScript counts.
    std::ofstream out(peer_gmb);
    static const char* kTypes[] = {"PER", "ORG", "LOC"};
    for (size_t i = 0; i < heldout.size(); ++i) {
      const auto& s = heldout[i];
      std::string text;
      std::vector<size_t> start(s.words.size()), end(s.words.size());
      auto units = [](const std::string& t) {
        size_t n = 0;
        for (unsigned char c : t) n += (c & 0xC0) != 0x80 ? (c >= 0xF0 ? 2 : 1) : 0;
        return n;
      };
      for (size_t w = 0; w < s.words.size(); ++w) {
        if (w) text += ' ';
        start[w] = units(text);
        text += s.words[w];
        end[w] = units(text);
      }
      nlohmann::json gold = nlohmann::json::array();
      for (const auto& g : tidings::eval::gold_spans(s, tidings::eval::NerCorpus::kGmb)) {
        gold.push_back({start[g.first], end[g.first + g.count - 1], kTypes[g.type]});
      }
      out << nlohmann::json{{"id", std::to_string(i)}, {"text", text}, {"gold", gold}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    }
  }
  nlohmann::json result = {
      {"documents", texts.size()},
      {"sentences", sentences},
      {"tokens", tokens},
      {"facts", facts},
      {"cpu_seconds", best},
      {"sentences_per_second", sentences / best},
      {"tokens_per_second", tokens / best},
      {"gmb_heldout", {{"sentences", heldout.size()},
                       {"precision", score.all.precision()},
                       {"recall", score.all.recall()},
                       {"f1", score.all.f1()},
                       {"per", score.by_type[0].f1()},
                       {"org", score.by_type[1].f1()},
                       {"loc", score.by_type[2].f1()}}}};
  std::cout << result.dump(2) << "\n";
  return 0;
}
