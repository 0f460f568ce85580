// Person-name features for the NER tagger (ner_person_names.h).
#include "facts/ner_person_names.h"

#include <algorithm>

#include "facts/ner_features.h"

namespace tidings::facts::ner {

NameList person_names(const std::vector<std::pair<std::string, uint8_t>>& entries) {
  std::vector<std::pair<uint32_t, uint8_t>> rows;
  rows.reserve(entries.size());
  std::string lower;
  for (const auto& [word, cls] : entries) {
    if (word.empty() || word.size() > kMaxWordBytes || cls == 0) continue;
    lower_case(word, lower);
    rows.emplace_back(static_cast<uint32_t>(hash_bytes(lower)), cls);
  }
  std::sort(rows.begin(), rows.end());
  NameList out;
  for (const auto& [key, cls] : rows) {
    if (!out.keys.empty() && out.keys.back() == key) {
      out.classes.back() |= cls;
      continue;
    }
    out.keys.push_back(key);
    out.classes.push_back(cls);
  }
  out.index();
  return out;
}

uint8_t person_name_class(const NameList& names, std::string_view lower, uint64_t lower_hash) {
  if (names.empty()) return 0;
  if (const uint8_t own = names.lookup(lower_hash)) return own;
  if (lower.find('-') == std::string_view::npos) return 0;
  uint8_t parts = 0;
  for (size_t at = 0; at < lower.size();) {
    size_t end = lower.find('-', at);
    if (end == std::string_view::npos) end = lower.size();
    if (end > at) parts |= names.lookup(hash_bytes(lower.substr(at, end - at)));
    at = end + 1;
  }
  return parts ? static_cast<uint8_t>(parts | kPersonByParts) : 0;
}

}  // namespace tidings::facts::ner
