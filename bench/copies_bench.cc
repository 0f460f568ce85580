// Copy-detection speed and memory against 1,000,000 stored fingerprints
// (bench/README.md "copies"): CopyIndex lookups per second on one core,
// build time, bytes per fingerprint, beside two naive references (a
// brute-force scan of the signatures, and an exact-hash map).
#include <sys/resource.h>
#include <zlib.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "dedup/dedup.h"

namespace {

using Clock = std::chrono::steady_clock;
double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

long peak_rss_kb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

uint64_t mix(uint64_t x) {
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

// The ECB+ texts as word lists; a stand-in vocabulary when absent.
std::vector<std::vector<std::string>> read_corpus(const std::string& path) {
  std::vector<std::vector<std::string>> docs;
  gzFile f = gzopen(path.c_str(), "rb");
  if (f) {
    std::string data;
    char buf[1 << 16];
    for (int n; (n = gzread(f, buf, sizeof buf)) > 0;) data.append(buf, n);
    gzclose(f);
    size_t start = 0;
    while (start < data.size()) {
      size_t end = data.find('\n', start);
      if (end == std::string::npos) end = data.size();
      const auto j = nlohmann::json::parse(data.begin() + start, data.begin() + end, nullptr, false);
      start = end + 1;
      if (j.is_discarded() || !j.contains("text") || !j["text"].is_string()) continue;
      std::vector<std::string> words;
      const std::string text = j["text"].get<std::string>();
      for (size_t i = 0; i < text.size();) {
        const size_t e = text.find_first_of(" \n", i);
        const size_t stop = e == std::string::npos ? text.size() : e;
        if (stop > i) words.push_back(text.substr(i, stop - i));
        i = stop + 1;
      }
      if (words.size() >= 20) docs.push_back(std::move(words));
    }
  }
  if (docs.empty()) {  // synthetic: Zipf-like words
    std::fprintf(stderr, "copies_bench: %s absent, synthetic words\n", path.c_str());
    for (int d = 0; d < 800; ++d) {
      std::vector<std::string> words;
      for (int i = 0; i < 250; ++i) {
        std::string w = "w";
        w += std::to_string(mix(d * 1000 + i) % (1 + mix(i) % 20000));
        words.push_back(std::move(w));
      }
      docs.push_back(std::move(words));
    }
  }
  return docs;
}

// Article `id`: the words of a real text, 70% of them replaced by words
// drawn from the whole corpus (so most texts are unrelated, with real
// word frequencies), at most 600 words.
std::string article(const std::vector<std::vector<std::string>>& docs, const std::vector<const std::string*>& pool,
                    uint64_t id) {
  const auto& base = docs[mix(id) % docs.size()];
  std::string out;
  uint64_t state = mix(id ^ 0xABCDEF);
  for (size_t i = 0; i < base.size() && i < 600; ++i) {
    state = mix(state);
    out += (state % 10 < 7) ? *pool[(state >> 8) % pool.size()] : base[i];
    out += (state >> 40) % 12 ? ' ' : '\n';
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  size_t n = 1000000, queries = 20000, scan_queries = 100;
  std::string corpus = "../shared/data/clustering/ecbplus/ecbplus_docs.jsonl.gz";
  std::string json_out;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--n")) n = std::strtoull(argv[i + 1], nullptr, 10);
    else if (!std::strcmp(argv[i], "--queries")) queries = std::strtoull(argv[i + 1], nullptr, 10);
    else if (!std::strcmp(argv[i], "--corpus")) corpus = argv[i + 1];
    else if (!std::strcmp(argv[i], "--json")) json_out = argv[i + 1];
  }
  const auto docs = read_corpus(corpus);
  std::vector<const std::string*> pool;
  for (const auto& d : docs) for (const auto& w : d) pool.push_back(&w);

  const long rss_before = peak_rss_kb();
  tidings::dedup::CopyIndex index;
  std::unordered_map<uint64_t, int64_t> exact_map;  // the naive exact-only reference
  std::vector<uint16_t> scan_signatures;            // the brute-force reference's data
  std::vector<uint32_t> scan_shingles;
  double fingerprint_s = 0, add_s = 0;
  for (uint64_t id = 1; id <= n; ++id) {
    const std::string text = article(docs, pool, id);
    auto t0 = Clock::now();
    const auto fp = tidings::dedup::fingerprint(text);
    auto t1 = Clock::now();
    index.add(static_cast<int64_t>(id), fp);
    add_s += seconds_since(t1);
    fingerprint_s += std::chrono::duration<double>(t1 - t0).count();
    exact_map.emplace(fp.exact, id);
    for (size_t k = 0; k < tidings::dedup::kMinHashSize; ++k) {
      scan_signatures.push_back(fp.minhash.empty() ? 0 : static_cast<uint16_t>(fp.minhash[k]));
    }
    scan_shingles.push_back(fp.shingles);
    if (id % 100000 == 0) std::fprintf(stderr, "  %llu fingerprints\n", static_cast<unsigned long long>(id));
  }
  const long rss_after = peak_rss_kb();

  // Queries: half copies of stored articles (chrome, a teaser), half new.
  std::vector<tidings::dedup::Fingerprint> qs;
  std::vector<uint64_t> expected;
  for (size_t q = 0; q < queries; ++q) {
    const uint64_t stored = 1 + mix(q) % n;
    if (q % 2 == 0) {
      std::string text = article(docs, pool, stored);
      text = q % 4 == 0 ? "Home | World | Sports\n" + text + "\nSource link" : text.substr(0, text.size() / 3) + " Read more";
      qs.push_back(tidings::dedup::fingerprint(text));
      expected.push_back(stored);
    } else {
      qs.push_back(tidings::dedup::fingerprint(article(docs, pool, n + 1 + q)));
      expected.push_back(0);
    }
  }
  size_t found = 0, false_found = 0;
  auto t = Clock::now();
  for (size_t q = 0; q < qs.size(); ++q) {
    const auto matches = index.find(qs[q], 20);
    bool hit = false;
    for (const auto& m : matches) hit |= static_cast<uint64_t>(m.id) == expected[q];
    found += expected[q] && hit;
    false_found += !expected[q] && !matches.empty();
  }
  const double lookup_s = seconds_since(t);

  // Brute force: every stored signature compared with the query.
  t = Clock::now();
  size_t scan_hits = 0;
  for (size_t q = 0; q < scan_queries && q < qs.size(); ++q) {
    if (qs[q].minhash.empty()) continue;
    uint16_t query[tidings::dedup::kMinHashSize];
    for (size_t k = 0; k < tidings::dedup::kMinHashSize; ++k) query[k] = static_cast<uint16_t>(qs[q].minhash[k]);
    for (size_t i = 0; i < n; ++i) {
      const uint16_t* sig = &scan_signatures[i * tidings::dedup::kMinHashSize];
      size_t equal = 0;
      for (size_t k = 0; k < tidings::dedup::kMinHashSize; ++k) equal += sig[k] == query[k];
      scan_hits += tidings::dedup::containment_from_matches(equal, qs[q].shingles, scan_shingles[i]) >=
                   tidings::dedup::copy_threshold();
    }
  }
  const double scan_s = seconds_since(t);
  t = Clock::now();
  size_t exact_hits = 0;
  for (const auto& q : qs) exact_hits += exact_map.count(q.exact);
  const double exact_s = seconds_since(t);

  const double lookups_per_s = qs.size() / lookup_s;
  const double scan_per_s = std::min(scan_queries, qs.size()) / scan_s;
  const double exact_per_s = qs.size() / exact_s;
  const double bytes_per_fp = double(index.memory_bytes()) / n;
  const double exact_map_bytes = (exact_map.bucket_count() * sizeof(void*) + exact_map.size() * 32.0) / n;
  std::printf("fingerprints            %zu (%.1f us each, %.1f s; index adds %.2f s)\n", n, 1e6 * fingerprint_s / n,
              fingerprint_s, add_s);
  std::printf("CopyIndex               %.0f lookups/s (%zu queries, one core); copies found %.4f, new texts matched %.4f\n",
              lookups_per_s, qs.size(), found / double(queries / 2), false_found / double(queries - queries / 2));
  std::printf("  memory                %.0f bytes/fingerprint (memory_bytes %.1f MB); peak RSS %.1f MB (+%.1f MB while building, refs included)\n",
              bytes_per_fp, index.memory_bytes() / 1e6, rss_after / 1024.0, (rss_after - rss_before) / 1024.0);
  std::printf("brute-force scan        %.1f lookups/s (%zu queries) -> CopyIndex %.0fx faster\n", scan_per_s,
              std::min(scan_queries, qs.size()), lookups_per_s / scan_per_s);
  std::printf("exact-hash map          %.0f lookups/s, ~%.0f bytes/entry, finds exact copies only (%zu of %zu) -> CopyIndex at %.2fx its speed\n",
              exact_per_s, exact_map_bytes, exact_hits, qs.size(), lookups_per_s / exact_per_s);
  if (!json_out.empty()) {
    nlohmann::json j = {{"fingerprints", n}, {"fingerprint_us", 1e6 * fingerprint_s / n}, {"lookups_per_s", lookups_per_s},
                        {"bytes_per_fingerprint", bytes_per_fp}, {"peak_rss_mb", rss_after / 1024.0},
                        {"copies_found", found / double(queries / 2)}, {"scan_lookups_per_s", scan_per_s},
                        {"exact_map_lookups_per_s", exact_per_s}};
    if (FILE* f = std::fopen(json_out.c_str(), "w")) {
      std::fputs(j.dump(2).c_str(), f);
      std::fclose(f);
    }
  }
  return 0;
}
