// Gazetteer features for the NER tagger (ner_gazetteer.h).
#include "facts/ner_gazetteer.h"

#include <algorithm>
#include <string>
#include <string_view>

#include "facts/geo_gazetteer.h"
#include "facts/ner_features.h"

namespace tidings::facts::ner {

void NameList::index() {
  index_.build(keys, [this](size_t i) { return classes[i]; });
}

uint8_t NameList::lookup(uint64_t key) const { return static_cast<uint8_t>(index_.find(static_cast<uint32_t>(key))); }

NameList place_names(const Gazetteer& gazetteer) {
  std::vector<std::pair<uint32_t, uint8_t>> rows;
  std::string lower;
  for (uint32_t i = 0; i < gazetteer.place_count(); ++i) {
    const PlaceRecord& r = gazetteer.record(i);
    uint8_t cls = 0;
    switch (r.feature) {
      case PlaceClass::kContinent:
      case PlaceClass::kRegion: cls = kNameRegion; break;
      case PlaceClass::kCountry: cls = kNameCountry; break;
      case PlaceClass::kAdmin: cls = kNameAdmin; break;
      case PlaceClass::kCity:
        cls = r.population >= 100000 ? kNameBigCity : r.population >= kMinTownPopulation ? kNameCity : 0;
        break;
    }
    if (cls == 0) continue;
    const std::string_view name = gazetteer.string_at(r.name);
    uint64_t key = kNameSeed;
    int words = 0;
    for (size_t at = 0; at < name.size();) {
      size_t end = name.find(' ', at);
      if (end == std::string_view::npos) end = name.size();
      if (end > at) {
        lower_case(name.substr(at, end - at), lower);
        key = mix(key, hash_bytes(lower));
        ++words;
      }
      at = end + 1;
    }
    if (words == 0 || words > kMaxNameWords) continue;
    rows.emplace_back(static_cast<uint32_t>(key), cls);
    // Its first words, so that matching stops as soon as no name goes on.
    uint64_t prefix = kNameSeed;
    int seen = 0;
    for (size_t at = 0; at < name.size() && seen + 1 < words;) {
      size_t end = name.find(' ', at);
      if (end == std::string_view::npos) end = name.size();
      if (end > at) {
        lower_case(name.substr(at, end - at), lower);
        prefix = mix(prefix, hash_bytes(lower));
        rows.emplace_back(static_cast<uint32_t>(prefix), kNamePrefix);
        ++seen;
      }
      at = end + 1;
    }
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

void match_names(const NameList& names, const std::vector<uint64_t>& lower_hashes, std::vector<uint16_t>& out) {
  const size_t n = lower_hashes.size();
  out.assign(n, 0);
  if (names.empty()) return;
  for (size_t i = 0; i < n;) {
    size_t best = 0;
    uint8_t cls = 0;
    uint64_t key = kNameSeed;
    for (size_t len = 1; len <= size_t(kMaxNameWords) && i + len <= n; ++len) {
      key = mix(key, lower_hashes[i + len - 1]);
      const uint8_t c = names.lookup(key);
      if (c & ~kNamePrefix) {
        best = len;
        cls = c & ~kNamePrefix;
      }
      if (!(c & kNamePrefix)) break;
    }
    if (best == 0) {
      ++i;
      continue;
    }
    for (size_t k = 0; k < best; ++k) out[i + k] = static_cast<uint16_t>(cls * 4 + (k == 0 ? 1 : 2));
    i += best;
  }
}

}  // namespace tidings::facts::ner
