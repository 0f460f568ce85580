// The Scrapinghub benchmark's word-shingle metric (see shingle_score.h).
// Character categories come from ICU, so \w follows the Unicode tables the
// way Python's sre does (Py_UNICODE_ISALNUM: L*, Nd, Nl, No; plus '_').
#include "eval/shingle_score.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <nlohmann/json.hpp>
#include <unordered_map>
#include <utility>

namespace tidings::eval {

namespace {

constexpr size_t kShingle = 4;
constexpr char kSeparator = '\x1f';  // never a word character, so keys cannot collide

bool is_word_code_point(UChar32 c) {
  if (c < 0x80) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }
  constexpr uint32_t kWordMask = U_GC_L_MASK | U_GC_ND_MASK | U_GC_NL_MASK | U_GC_NO_MASK;
  return (U_GET_GC_MASK(c) & kWordMask) != 0;
}

// Shingle -> count. Keys are the tokens joined by kSeparator.
std::unordered_map<std::string, int> shingle_counts(const std::vector<std::string_view>& tokens) {
  std::unordered_map<std::string, int> counts;
  if (tokens.empty()) return counts;
  const size_t starts = tokens.size() > kShingle ? tokens.size() - kShingle + 1 : 1;
  counts.reserve(starts);
  std::string key;
  for (size_t i = 0; i < starts; ++i) {
    key.clear();
    for (size_t k = i; k < i + kShingle && k < tokens.size(); ++k) {
      if (k > i) key += kSeparator;
      key.append(tokens[k]);
    }
    ++counts[key];
  }
  return counts;
}

ShingleMatch match_tokens(const std::vector<std::string_view>& truth,
                          const std::vector<std::string_view>& prediction) {
  const auto t = shingle_counts(truth);
  const auto p = shingle_counts(prediction);
  double tp = 0, fp = 0, fn = 0;
  for (const auto& [key, tc] : t) {
    const auto it = p.find(key);
    const int pc = it == p.end() ? 0 : it->second;
    tp += std::min(tc, pc);
    fp += std::max(0, pc - tc);
    fn += std::max(0, tc - pc);
  }
  for (const auto& [key, pc] : p) {
    if (t.find(key) == t.end()) fp += pc;
  }
  ShingleMatch m{tp, fp, fn};
  const double s = tp + fp + fn;
  if (s > 0) m = ShingleMatch{tp / s, fp / s, fn / s};
  return m;
}

double mean(const std::vector<double>& values) {
  if (values.empty()) return 0.0;
  double sum = 0;
  for (double v : values) sum += v;
  return sum / static_cast<double>(values.size());
}

}  // namespace

std::vector<std::string_view> word_tokens(std::string_view text) {
  std::vector<std::string_view> tokens;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  int32_t i = 0;
  int32_t start = -1;
  while (i < length) {
    const int32_t at = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);  // c < 0 for an ill-formed sequence
    const bool word = c >= 0 && is_word_code_point(c);
    if (word && start < 0) {
      start = at;
    } else if (!word && start >= 0) {
      tokens.emplace_back(text.data() + start, static_cast<size_t>(at - start));
      start = -1;
    }
  }
  if (start >= 0) tokens.emplace_back(text.data() + start, static_cast<size_t>(length - start));
  return tokens;
}

double ShingleMatch::precision() const {
  if (fp == 0 && fn == 0) return 1.0;
  if (tp == 0 && fp == 0) return 0.0;
  return tp / (tp + fp);
}

double ShingleMatch::recall() const {
  if (fp == 0 && fn == 0) return 1.0;
  if (tp == 0 && fn == 0) return 0.0;
  return tp / (tp + fn);
}

ShingleMatch match_shingles(std::string_view truth, std::string_view prediction) {
  return match_tokens(word_tokens(truth), word_tokens(prediction));
}

Result<ScoreReport> score_bodies(const std::map<std::string, std::string>& truth,
                                 const std::map<std::string, std::string>& prediction) {
  size_t missing = 0, extra = 0;
  for (const auto& [id, body] : truth) missing += prediction.count(id) == 0 ? 1 : 0;
  for (const auto& [id, body] : prediction) extra += truth.count(id) == 0 ? 1 : 0;
  if (missing > 0 || extra > 0) {
    return fail(ErrorCode::kInvalidInput, "prediction ids do not match ground truth (" +
                                              std::to_string(missing) + " missing, " +
                                              std::to_string(extra) + " extra)");
  }
  ScoreReport report;
  std::vector<double> precisions, recalls;
  size_t exact = 0;
  for (const auto& [id, body] : truth) {  // std::map: sorted ids, as upstream
    const std::vector<std::string_view> t = word_tokens(body);
    const std::vector<std::string_view> p = word_tokens(prediction.at(id));
    DocumentScore doc{id, match_tokens(t, p), t == p};
    if (doc.match.tp + doc.match.fp > 0) precisions.push_back(doc.match.precision());
    if (doc.match.tp + doc.match.fn > 0) recalls.push_back(doc.match.recall());
    exact += doc.exact ? 1 : 0;
    report.documents.push_back(std::move(doc));
  }
  ExtractionScore& total = report.total;
  total.documents = truth.size();
  total.precision = mean(precisions);
  total.recall = mean(recalls);
  const double sum = total.precision + total.recall;
  total.f1 = sum > 0 ? 2 * total.precision * total.recall / sum : 0.0;
  total.accuracy = truth.empty() ? 0.0 : static_cast<double>(exact) / truth.size();
  return report;
}

Result<std::map<std::string, std::string>> bodies_from_json(const nlohmann::json& j) {
  const nlohmann::json* docs = &j;
  if (j.is_object() && j.contains("output") && j["output"].is_object()) {
    bool wrapper = true;  // only "version" and "output" keys
    for (const auto& [key, value] : j.items()) wrapper = wrapper && (key == "version" || key == "output");
    if (wrapper) docs = &j["output"];
  }
  if (!docs->is_object()) return fail(ErrorCode::kInvalidInput, "expected a JSON object of documents");
  std::map<std::string, std::string> out;
  for (const auto& [id, entry] : docs->items()) {
    std::string body;
    if (entry.is_object()) {
      const auto it = entry.find("articleBody");
      if (it != entry.end() && it->is_string()) {
        body = it->get<std::string>();
      } else if (it != entry.end() && !it->is_null()) {
        return fail(ErrorCode::kInvalidInput, "document " + id + ": articleBody is not a string");
      }
    } else if (!entry.is_null()) {
      return fail(ErrorCode::kInvalidInput, "document " + id + " is not an object");
    }
    out.emplace(id, std::move(body));
  }
  return out;
}

}  // namespace tidings::eval
