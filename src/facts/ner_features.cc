// The NER tagger's features (ner_features.h).
#include "facts/ner_features.h"

#include "facts/ner_person_names.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

namespace tidings::facts::ner {
namespace {

// Template ids, mixed into each feature's hash so equal values of
// different templates land in different buckets.
enum Template : uint64_t {
  kBias = 1, kWord, kLower, kShape, kPrefix1, kPrefix2, kPrefix3, kSuffix1, kSuffix2, kSuffix3,
  kSuffix4, kLowerM1, kLowerP1, kLowerM2, kLowerP2, kShapeM1Shape, kShapeShapeP1,
  kShapeTrigram, kLowerM1Lower, kLowerLowerP1, kInitialCase, kStyleCase, kCaseStat,
  kCaseStatCaseInitial, kCaseStatM1, kCaseStatP1, kDocState, kWordM1, kWordP1, kCaseTrigram,
  kLengthCase, kLowerM1Case, kLowerP1Case, kSuffix3Case, kCluster4, kCluster8, kCluster12, kClusterPath,
  kClusterM1, kClusterP1, kName, kNameCase, kPerson, kPersonContext,
  kHistory, kHistoryContext,
};

constexpr uint64_t kBoundary = 0x5EB0;  // the value of words beyond the sentence

struct TokenInfo {
  uint64_t word, lower, shape;
  uint64_t prefix[3], suffix[4];
  Case casing;
  uint8_t case_stat;
  uint8_t length;
  uint16_t cluster;
  uint8_t person;   // ner_person_names.h classes
  uint8_t history;  // DocumentHistory bits
};

void shape_of(std::string_view word, std::string& out) {
  out.clear();
  if (word.size() > kMaxWordBytes) {
    out = "LONG";
    return;
  }
  const auto* p = reinterpret_cast<const uint8_t*>(word.data());
  const int32_t n = static_cast<int32_t>(word.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    char s;
    if (c < 0) s = '?';
    else if (c < 0x80) s = (c >= 'A' && c <= 'Z') ? 'X' : (c >= 'a' && c <= 'z') ? 'x'
                         : (c >= '0' && c <= '9') ? 'd' : static_cast<char>(c);
    else if (u_isupper(c)) s = 'X';
    else if (u_islower(c)) s = 'x';
    else if (u_isdigit(c)) s = 'd';
    else if (u_isalpha(c)) s = 'L';
    else s = 'S';
    if (out.empty() || out.back() != s) out.push_back(s);
    if (out.size() >= 8) break;
  }
}

uint8_t sentence_style(const std::vector<TokenInfo>& tokens) {
  int cap = 0, low = 0;
  for (const auto& t : tokens) {
    if (t.casing == Case::kLower) ++low;
    else if (t.casing != Case::kNone) ++cap;
  }
  if (cap + low == 0) return 0;
  if (cap == 0) return 1;                                   // all lower case
  if (low == 0 && cap >= 3) return 2;                       // all capitalised
  if (cap + low >= 4 && cap * 10 > (cap + low) * 6) return 3;  // title case
  return 4;
}

}  // namespace

uint64_t hash_bytes(std::string_view bytes, uint64_t seed) {
  uint64_t h = 0xCBF29CE484222325ULL ^ seed;
  for (unsigned char c : bytes) h = (h ^ c) * 0x100000001B3ULL;
  return mix(h, bytes.size());
}

void lower_case(std::string_view word, std::string& out) {
  out.clear();
  const auto* p = reinterpret_cast<const uint8_t*>(word.data());
  const int32_t n = static_cast<int32_t>(word.size());
  for (int32_t i = 0; i < n;) {
    if (p[i] < 0x80) {
      const char c = static_cast<char>(p[i++]);
      out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
      continue;
    }
    const int32_t at = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) {
      out.append(word.substr(at, i - at));
      continue;
    }
    const UChar32 l = u_tolower(c);
    uint8_t buf[4];
    int32_t len = 0;
    UBool error = false;
    U8_APPEND(buf, len, 4, l, error);
    if (error) out.append(word.substr(at, i - at));
    else out.append(reinterpret_cast<const char*>(buf), len);
  }
}

Case word_case(std::string_view word) {
  const auto* p = reinterpret_cast<const uint8_t*>(word.data());
  const int32_t n = static_cast<int32_t>(std::min(word.size(), kMaxWordBytes));
  int upper = 0, lower = 0;
  bool first_upper = false, seen = false;
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    if (p[i] < 0x80) c = p[i++];
    else U8_NEXT(p, i, n, c);
    const bool up = c < 0x80 ? (c >= 'A' && c <= 'Z') : (c > 0 && u_isupper(c));
    const bool lo = c < 0x80 ? (c >= 'a' && c <= 'z') : (c > 0 && u_islower(c));
    if (!up && !lo) continue;
    if (!seen) first_upper = up;
    seen = true;
    upper += up;
    lower += lo;
  }
  if (!seen) return Case::kNone;
  if (upper == 0) return Case::kLower;
  if (lower == 0) return upper >= 2 ? Case::kAllCaps : Case::kCapitalised;
  if (first_upper && upper == 1) return Case::kCapitalised;
  return Case::kMixed;
}

uint8_t CaseTable::lookup(uint64_t lower_hash) const {
  const auto key = static_cast<uint32_t>(lower_hash);
  const auto it = std::lower_bound(keys.begin(), keys.end(), key);
  if (it == keys.end() || *it != key) return 0;
  return classes[it - keys.begin()];
}

void CaseCounter::add_sentence(const NerWords& words, uint32_t weight) {
  int cap = 0, low = 0;
  std::vector<Case> cases(words.size());
  for (size_t i = 0; i < words.size(); ++i) {
    cases[i] = word_case(words[i]);
    if (cases[i] == Case::kLower) ++low;
    else if (cases[i] != Case::kNone) ++cap;
  }
  if (low == 0 || cap * 10 > (cap + low) * 6) return;  // headlines say nothing of a word's case
  std::string lower;
  for (size_t i = 1; i < words.size(); ++i) {
    if (cases[i] == Case::kNone || words[i].size() > kMaxWordBytes) continue;
    lower_case(words[i], lower);
    auto& c = counts_[static_cast<uint32_t>(hash_bytes(lower))];
    if (cases[i] == Case::kLower) c.first += weight;
    else c.second += weight;
  }
}

CaseTable CaseCounter::table(uint32_t min_count) const {
  std::vector<std::pair<uint32_t, uint8_t>> rows;
  for (const auto& [key, c] : counts_) {
    const uint32_t n = c.first + c.second;
    if (n < min_count) continue;
    const double r = static_cast<double>(c.second) / n;
    uint8_t cls = r < 0.02 ? 1 : r < 0.2 ? 2 : r < 0.5 ? 3 : r < 0.8 ? 4 : r < 0.98 ? 5 : 6;
    if (n < 5) cls += 6;
    rows.emplace_back(key, cls);
  }
  std::sort(rows.begin(), rows.end());
  CaseTable t;
  for (const auto& [k, cls] : rows) {
    t.keys.push_back(k);
    t.classes.push_back(cls);
  }
  return t;
}

DocumentCases::DocumentCases(const std::vector<NerWords>& sentences) {
  std::string lower;
  for (const auto& words : sentences) {
    for (size_t i = 1; i < words.size(); ++i) {
      const Case c = word_case(words[i]);
      if (c == Case::kNone || words[i].size() > kMaxWordBytes) continue;
      lower_case(words[i], lower);
      auto& n = counts_[hash_bytes(lower)];
      if (c == Case::kLower) n.first = static_cast<uint16_t>(std::min(n.first + 1, 60000));
      else n.second = static_cast<uint16_t>(std::min(n.second + 1, 60000));
    }
  }
}

uint8_t DocumentCases::state(uint64_t lower_hash, size_t position, Case own_case) const {
  const auto it = counts_.find(lower_hash);
  if (it == counts_.end()) return 0;
  int low = it->second.first, cap = it->second.second;
  if (position > 0 && own_case != Case::kNone) {  // not counting itself
    if (own_case == Case::kLower) --low;
    else --cap;
  }
  return static_cast<uint8_t>((cap > 0 ? 1 : 0) | (low > 0 ? 2 : 0));
}

void DocumentHistory::add(const TokenKeys* keys, const uint8_t* tags, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    const Case c = keys[i].casing;
    if (c == Case::kNone || c == Case::kLower) continue;
    uint8_t bits;
    if (tags[i] == kTagO || tags[i] >= kNerTags) {
      if (i == 0) continue;  // a sentence's first word is capitalised anyway
      bits = kCapitalisedO;
    } else {
      bits = static_cast<uint8_t>(1u << int(tag_kind(tags[i])));
      const bool longer = !is_begin(tags[i]) || (i + 1 < n && tags[i + 1] == tags[i] + 1);
      if (longer) bits |= kInLongerName;
    }
    seen_[keys[i].lower] |= bits;
  }
}

void static_features(const NerWords& words, const CaseTable& cases, const ClusterTable& clusters,
                     const NameList& names, const NameList& persons, const DocumentCases& doc,
                     const DocumentHistory& history, std::vector<uint64_t>& out, std::vector<TokenKeys>& keys) {
  const size_t n = words.size();
  thread_local std::vector<TokenInfo> info;
  info.resize(n);
  std::string lower, shape;
  for (size_t i = 0; i < n; ++i) {
    const std::string_view w = words[i];
    auto& t = info[i];
    shape_of(w, shape);
    t.shape = hash_bytes(shape, kShape);
    t.casing = word_case(w);
    t.length = static_cast<uint8_t>(std::min<size_t>(w.size(), 12));
    if (w.size() > kMaxWordBytes) {
      t.word = t.lower = hash_bytes("<long>");
      for (auto& h : t.prefix) h = t.lower;
      for (auto& h : t.suffix) h = t.lower;
      t.case_stat = 0;
      t.cluster = 0;
      t.person = 0;
      t.history = 0;
      continue;
    }
    t.word = hash_bytes(w, kWord);
    lower_case(w, lower);
    t.lower = hash_bytes(lower);
    for (size_t k = 0; k < 3; ++k) t.prefix[k] = hash_bytes(std::string_view(lower).substr(0, k + 1), kPrefix1 + k);
    for (size_t k = 0; k < 4; ++k) {
      const size_t len = std::min(lower.size(), k + 1);
      t.suffix[k] = hash_bytes(std::string_view(lower).substr(lower.size() - len), kSuffix1 + k);
    }
    t.case_stat = cases.lookup(t.lower);
    t.cluster = clusters.lookup(t.lower);
    t.person = person_name_class(persons, lower, t.lower);
    t.history = history.lookup(t.lower);
  }
  const uint64_t style = sentence_style(info);
  thread_local std::vector<uint64_t> lower_hashes;  // reused: no allocation per sentence
  thread_local std::vector<uint16_t> name_match;
  lower_hashes.resize(n);
  for (size_t i = 0; i < n; ++i) lower_hashes[i] = info[i].lower;
  match_names(names, lower_hashes, name_match);
  out.resize(n * kStaticFeatures);
  keys.resize(n);
  auto lower_at = [&](ptrdiff_t j) { return j < 0 || j >= ptrdiff_t(n) ? kBoundary + j : info[j].lower; };
  auto word_at = [&](ptrdiff_t j) { return j < 0 || j >= ptrdiff_t(n) ? kBoundary + j : info[j].word; };
  auto shape_at = [&](ptrdiff_t j) { return j < 0 || j >= ptrdiff_t(n) ? kBoundary + j : info[j].shape; };
  auto case_at = [&](ptrdiff_t j) -> uint64_t { return j < 0 || j >= ptrdiff_t(n) ? 9 : uint64_t(info[j].casing); };
  auto cluster6_at = [&](ptrdiff_t j) -> uint64_t {
    return j < 0 || j >= ptrdiff_t(n) ? 0x10000 : path_prefix(info[j].cluster, 6);
  };
  auto stat_at = [&](ptrdiff_t j) -> uint64_t { return j < 0 || j >= ptrdiff_t(n) ? 99 : info[j].case_stat; };
  auto history_at = [&](ptrdiff_t j) -> uint64_t { return j < 0 || j >= ptrdiff_t(n) ? 0x100 : info[j].history; };
  auto person_at = [&](ptrdiff_t j) -> uint64_t { return j < 0 || j >= ptrdiff_t(n) ? 15 : info[j].person; };
  for (size_t i = 0; i < n; ++i) {
    const auto& t = info[i];
    const ptrdiff_t j = static_cast<ptrdiff_t>(i);
    const uint64_t initial = i == 0 ? 1 : 0;
    const uint64_t casing = uint64_t(t.casing);
    const uint64_t doc_state = doc.state(t.lower, i, t.casing);
    uint64_t* f = &out[i * kStaticFeatures];
    int k = 0;
    f[k++] = mix(kBias, 0);
    f[k++] = mix(t.word, kWord);
    f[k++] = mix(t.lower, kLower);
    f[k++] = mix(t.shape, kShape);
    for (int p = 0; p < 3; ++p) f[k++] = t.prefix[p];
    for (int s = 0; s < 4; ++s) f[k++] = t.suffix[s];
    f[k++] = mix(lower_at(j - 1), kLowerM1);
    f[k++] = mix(lower_at(j + 1), kLowerP1);
    f[k++] = mix(lower_at(j - 2), kLowerM2);
    f[k++] = mix(lower_at(j + 2), kLowerP2);
    f[k++] = mix(mix(shape_at(j - 1), t.shape), kShapeM1Shape);
    f[k++] = mix(mix(t.shape, shape_at(j + 1)), kShapeShapeP1);
    f[k++] = mix(mix(mix(shape_at(j - 1), t.shape), shape_at(j + 1)), kShapeTrigram);
    f[k++] = mix(mix(lower_at(j - 1), t.lower), kLowerM1Lower);
    f[k++] = mix(mix(t.lower, lower_at(j + 1)), kLowerLowerP1);
    f[k++] = mix(initial * 16 + casing, kInitialCase);
    f[k++] = mix(style * 16 + casing, kStyleCase);
    f[k++] = mix(t.case_stat, kCaseStat);
    f[k++] = mix((t.case_stat * 16 + casing) * 2 + initial, kCaseStatCaseInitial);
    f[k++] = mix(stat_at(j - 1) * 16 + case_at(j - 1), kCaseStatM1);
    f[k++] = mix(stat_at(j + 1) * 16 + case_at(j + 1), kCaseStatP1);
    f[k++] = mix((doc_state * 16 + casing) * 2 + initial, kDocState);
    f[k++] = mix(word_at(j - 1), kWordM1);
    f[k++] = mix(word_at(j + 1), kWordP1);
    f[k++] = mix((case_at(j - 1) * 16 + casing) * 16 + case_at(j + 1), kCaseTrigram);
    f[k++] = mix(t.length * 16 + casing, kLengthCase);
    f[k++] = mix(mix(lower_at(j - 1), casing), kLowerM1Case);
    f[k++] = mix(mix(lower_at(j + 1), casing), kLowerP1Case);
    f[k++] = mix(mix(t.suffix[2], casing), kSuffix3Case);
    // Word clusters: prefixes of the path at three depths and whole, the
    // neighbours' at depth 6 (Ratinov & Roth 2009).
    f[k++] = mix(path_prefix(t.cluster, 4) * 16 + casing, kCluster4);
    f[k++] = mix(path_prefix(t.cluster, 8), kCluster8);
    f[k++] = mix(path_prefix(t.cluster, 12), kCluster12);
    f[k++] = mix(t.cluster, kClusterPath);
    f[k++] = mix(cluster6_at(j - 1) * 16 + casing, kClusterM1);
    f[k++] = mix(cluster6_at(j + 1) * 16 + casing, kClusterP1);
    // The longest place name over the word (its classes and position).
    f[k++] = mix(name_match[i], kName);
    f[k++] = mix((uint64_t(name_match[i]) * 16 + casing) * 2 + initial, kNameCase);
    // Person names: the word's classes (× case, sentence-initial), and its
    // neighbours' ("Ali Asghar Khaji": a first name before a capitalised word).
    f[k++] = mix((uint64_t(t.person) * 16 + casing) * 2 + initial, kPerson);
    f[k++] = mix(((person_at(j - 1) * 16 + person_at(j + 1)) * 16 + casing) * 16 + case_at(j + 1), kPersonContext);
    // What the tagger said of the same word earlier in the document.
    f[k++] = mix((uint64_t(t.history) * 16 + casing) * 2 + initial, kHistory);
    f[k++] = mix((history_at(j - 1) * 512 + history_at(j + 1)) * 16 + casing, kHistoryContext);
    keys[i] = {t.lower, t.shape, t.casing};
  }
}

}  // namespace tidings::facts::ner
