// Search speed (bench/search runs it): the Xapian and FTS5 backends of
// src/search build an index of the same generated articles and answer the
// same queries, side by side in one process.
//
//   tidings_search_bench --corpus ARTICLES.json [--docs N] [--dir D] [--queries N] [--json OUT] [--no-compact]
//                        [--backend xapian|fts5] [--xapian-formats 2,3] [--reuse] [--slowest N]
//                        [--kind term|phrase|phrase3|filtered]
//   tidings_search_bench --corpus ARTICLES.json --make-store DB [--docs N]
//
// After the build each index is compacted (SearchIndex::compact, what
// `tidings reindex` does) unless --no-compact: the time and the size after
// are printed, and the queries run on the compacted index. --backend runs
// one backend only (its column alone, no ratio). --xapian-formats builds
// one Xapian index per format listed (src/search/backends.h), each its own
// column ("xapian-f2", "xapian-f3"), with the ratio of the last to the
// first: the same documents and queries, side by side. --reuse queries an
// index left in --dir by an earlier run (same --docs, same backend or
// format) instead of building it again: the build rows are then 0.
// --slowest N prints each kind's N slowest queries with their times and
// match counts, to find what a tail is made of; --kind runs one kind of
// query alone (with --reuse, for a profiler).
//
// ARTICLES.json is `tidings articles --json` of the ingested sample
// collection. The generator mixes its real vocabulary: text is a walk on
// the word bigrams of the real articles (so word frequencies and phrases
// are the sample's), titles a walk on the titles' bigrams; outlets and
// languages are the sample's (outlets multiplied into 200 regional
// editions), dates spread over 2023, stories Zipf-sized, entities the
// sample's runs of capitalised words, places the capitalised words after
// "in". Every document is a pure function of its id, so the second backend
// indexes exactly what the first did. --make-store writes such articles
// into a tidings database (for `tidings serve` under wrk).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "search/backends.h"
#include "search/search.h"
#include "store/store.h"

using namespace tidings;
using namespace tidings::search;
namespace fs = std::filesystem;

namespace {

using Steady = std::chrono::steady_clock;

struct Chain {  // word bigrams: successors of each word, with repeats (frequency)
  std::vector<std::string> words;
  std::unordered_map<std::string, int> index;
  std::vector<std::vector<int>> next;
  std::vector<int> starts;

  int id(const std::string& w) {
    auto [it, added] = index.emplace(w, static_cast<int>(words.size()));
    if (added) {
      words.push_back(w);
      next.emplace_back();
    }
    return it->second;
  }
  void learn(const std::string& text) {
    int prev = -1;
    std::string w;
    auto flush = [&] {
      if (w.empty()) return;
      const int i = id(w);
      if (prev < 0) starts.push_back(i);
      else next[prev].push_back(i);
      prev = i;
      w.clear();
    };
    for (char c : text) {
      if (c == ' ' || c == '\n' || c == '\t') flush();
      else w += c;
    }
    flush();
  }
  std::string walk(std::mt19937_64& rng, int n) const {
    std::string out;
    int cur = starts[rng() % starts.size()];
    for (int k = 0; k < n; ++k) {
      if (k) out += ' ';
      out += words[cur];
      const auto& nx = next[cur];
      cur = nx.empty() || rng() % 50 == 0 ? starts[rng() % starts.size()] : nx[rng() % nx.size()];
    }
    return out;
  }
};

struct Generator {
  Chain body, titles;
  std::vector<std::string> outlets, languages, entities, places;
  std::vector<double> story_weights;
  int64_t year_start = 1672531200;  // 2023-01-01T00:00:00Z

  explicit Generator(const nlohmann::json& articles) {
    std::set<std::string> ents, pls, outs;
    for (const auto& a : articles) {
      const std::string text = a.value("text", "");
      body.learn(text);
      titles.learn(a.value("title", ""));
      outs.insert(a.value("outlet", ""));
      const std::string lang = a.value("language", "");
      if (!lang.empty()) languages.push_back(lang);
      // Runs of capitalised words: entities (2-3 words), and "in X": places.
      std::vector<std::string> ws;
      std::string w;
      for (char c : text + " ") {
        if (std::isalnum(static_cast<unsigned char>(c)) || c == '-') w += c;
        else if (!w.empty()) ws.push_back(w), w.clear();
      }
      for (size_t i = 0; i + 1 < ws.size(); ++i) {
        auto cap = [&](size_t k) { return k < ws.size() && std::isupper(static_cast<unsigned char>(ws[k][0])); };
        if (cap(i) && cap(i + 1)) ents.insert(ws[i] + " " + ws[i + 1]);
        if (ws[i] == "in" && cap(i + 1)) pls.insert(ws[i + 1]);
      }
    }
    for (const std::string& o : outs) {
      for (int e = 0; e < 200 / static_cast<int>(outs.size()) + 1; ++e) {
        outlets.push_back(e == 0 ? o : o + " edition " + std::to_string(e));
      }
    }
    entities.assign(ents.begin(), ents.end());
    places.assign(pls.begin(), pls.end());
    if (languages.empty()) languages.push_back("en");
  }

  SearchDoc make(int64_t id) const {
    std::mt19937_64 rng(static_cast<uint64_t>(id) * 0x9E3779B97F4A7C15ULL + 17);
    SearchDoc d;
    d.article_id = id;
    d.title = titles.walk(rng, 6 + static_cast<int>(rng() % 8));
    d.text = body.walk(rng, 100 + static_cast<int>(rng() % 200));
    d.outlet = outlets[rng() % outlets.size()];
    d.language = languages[rng() % languages.size()];
    d.url = "https://bench.example/" + std::to_string(id);
    d.published_at = Instant(std::chrono::seconds(year_start + static_cast<int64_t>(rng() % (365 * 86400))));
    // Zipf-ish story sizes: a few big stories, many small ones.
    const double u = std::uniform_real_distribution<double>(0, 1)(rng);
    d.story_id = 1 + static_cast<int64_t>(std::pow(u, 3) * 50000);
    for (int k = static_cast<int>(rng() % 4); k > 0 && !entities.empty(); --k) {
      d.entities.push_back(entities[rng() % std::min<size_t>(entities.size(), 300)]);
    }
    for (int k = static_cast<int>(rng() % 3); k > 0 && !places.empty(); --k) {
      d.places.push_back(places[rng() % std::min<size_t>(places.size(), 100)]);
    }
    return d;
  }
};

struct Query {
  std::string kind;
  SearchRequest request;
};

std::vector<Query> make_queries(const Generator& g, int per_kind) {
  // Terms by document frequency in a sample of generated documents.
  std::unordered_map<std::string, int> df;
  for (int64_t id = 1; id <= 2000; ++id) {
    std::set<std::string> seen;
    std::string w;
    for (char c : g.make(id).text + " ") {
      if (std::isalpha(static_cast<unsigned char>(c))) w += static_cast<char>(std::tolower(c));
      else if (!w.empty()) seen.insert(w), w.clear();
    }
    for (const auto& s : seen) ++df[s];
  }
  std::vector<std::pair<int, std::string>> by_df;
  for (auto& [w, n] : df) if (w.size() >= 4) by_df.emplace_back(n, w);
  std::sort(by_df.rbegin(), by_df.rend());
  std::mt19937_64 rng(7);
  std::vector<Query> out;
  // Single terms from all frequency ranks (common ones included: the hard case).
  for (int i = 0; i < per_kind; ++i) {
    const size_t k = static_cast<size_t>(std::pow(std::uniform_real_distribution<double>(0, 1)(rng), 2) * std::min<size_t>(by_df.size(), 3000));
    out.push_back({"term", {by_df[k].second}});
  }
  for (int i = 0; i < per_kind; ++i) {  // real bigrams of the body chain
    std::mt19937_64 r2(1000 + i);
    const std::string two = g.body.walk(r2, 2);
    std::string clean;
    for (char c : two) clean += c == '"' ? ' ' : c;
    out.push_back({"phrase", {"\"" + clean + "\""}});
  }
  for (int i = 0; i < per_kind; ++i) {  // three-word phrases: filtered by their pairs, then positions
    std::mt19937_64 r3(5000 + i);
    const std::string three = g.body.walk(r3, 3);
    std::string clean;
    for (char c : three) clean += c == '"' ? ' ' : c;
    out.push_back({"phrase3", {"\"" + clean + "\""}});
  }
  for (int i = 0; i < per_kind; ++i) {
    Query q{"filtered", {by_df[rng() % std::min<size_t>(by_df.size(), 500)].second}};
    switch (i % 3) {
      case 0: q.request.filters.outlet = g.outlets[rng() % g.outlets.size()]; break;
      case 1: {
        const int64_t start = g.year_start + static_cast<int64_t>(rng() % (330 * 86400));
        q.request.filters.from = Instant(std::chrono::seconds(start));
        q.request.filters.to = Instant(std::chrono::seconds(start + 30 * 86400));
        break;
      }
      default:
        if (!g.entities.empty()) q.request.filters.entity = g.entities[rng() % std::min<size_t>(g.entities.size(), 300)];
    }
    out.push_back(std::move(q));
  }
  return out;
}

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<size_t>(p * (v.size() - 1) + 0.5))];
}

struct BackendResult {
  double build_seconds = 0;
  double compact_seconds = 0;
  int64_t bytes = 0;          ///< as queried (compacted unless --no-compact)
  int64_t built_bytes = 0;    ///< straight after the build
  std::map<std::string, std::vector<double>> latency_ms;
  // Per query kind: (ms, query text and filter, matches), for --slowest.
  std::map<std::string, std::vector<std::tuple<double, std::string, int64_t>>> timed;
  int64_t errors = 0;
  bool reused = false;
};

// A query as one line: its text and its filter (a date range as days
// since the generator's `year_start`).
std::string describe(const SearchRequest& r, int64_t year_start) {
  std::string s = r.query;
  const Filters& f = r.filters;
  if (!f.outlet.empty()) s += "  [outlet " + f.outlet + "]";
  if (!f.entity.empty()) s += "  [entity " + f.entity + "]";
  if (f.from && f.to) {
    s += "  [days " + std::to_string((f.from->time_since_epoch().count() - year_start) / 86400) + "-" +
         std::to_string((f.to->time_since_epoch().count() - year_start) / 86400) + " of 2023]";
  }
  return s;
}

int make_store(const Generator& g, const std::string& path, int64_t docs) {
  auto store = open_sqlite_store(path);
  if (!store) {
    std::fprintf(stderr, "%s\n", store.error().message.c_str());
    return 1;
  }
  for (int64_t first = 1; first <= docs; first += 1000) {
    auto r = (*store)->transaction([&]() -> Result<void> {
      for (int64_t id = first; id < first + 1000 && id <= docs; ++id) {
        SearchDoc d = g.make(id);
        Document doc;
        doc.url = d.url;
        doc.body = "<html><title>" + d.title + "</title></html>";
        doc.fetched_at = d.published_at;
        auto put = (*store)->put_document(doc);
        if (!put) return tl::unexpected(put.error());
        Article a;
        a.url = a.canonical_url = d.url;
        a.title = d.title;
        a.text = d.text;
        a.language = d.language;
        a.site_name = d.outlet;
        a.published_at = d.published_at;
        auto saved = (*store)->save_article(put->id, a, d.outlet, 1);
        if (!saved) return tl::unexpected(saved.error());
        ArticleLinks links;
        links.story_id = 1 + d.story_id % std::max<int64_t>(1, docs / 20);
        if (auto e = (*store)->set_article_links(*saved, links); !e) return e;
      }
      return {};
    });
    if (!r) {
      std::fprintf(stderr, "%s\n", r.error().message.c_str());
      return 1;
    }
  }
  std::printf("store: %lld articles in %s\n", static_cast<long long>(docs), path.c_str());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string corpus, dir = "/tmp/tidings-search-bench", json_out, store_path;
  int64_t docs = 1'000'000;
  int queries = 200;
  bool compact = true, reuse = false;
  int slowest = 0;
  std::string only_kind;
  std::vector<Backend> backends = {Backend::kXapian, Backend::kFts5};
  std::vector<int> xapian_formats = {kXapianFormat};
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&] { return i + 1 < argc ? std::string(argv[++i]) : std::string(); };
    if (a == "--corpus") corpus = value();
    else if (a == "--docs") docs = std::stoll(value());
    else if (a == "--dir") dir = value();
    else if (a == "--queries") queries = std::stoi(value());
    else if (a == "--json") json_out = value();
    else if (a == "--make-store") store_path = value();
    else if (a == "--no-compact") compact = false;
    else if (a == "--reuse") reuse = true;
    else if (a == "--slowest") slowest = std::stoi(value());
    else if (a == "--kind") only_kind = value();
    else if (a == "--backend" && i + 1 < argc && parse_backend(argv[i + 1])) backends = {*parse_backend(value())};
    else if (a == "--xapian-formats") {
      xapian_formats.clear();
      const std::string list = value();
      for (size_t at = 0; at < list.size();) {
        const size_t comma = std::min(list.find(',', at), list.size());
        xapian_formats.push_back(std::atoi(list.substr(at, comma - at).c_str()));
        at = comma + 1;
      }
      backends = {Backend::kXapian};
    }
    else {
      std::fprintf(stderr, "usage: %s --corpus ARTICLES.json [--docs N] [--dir D] [--queries N] [--json OUT] [--make-store DB] [--no-compact] [--backend xapian|fts5] [--xapian-formats 2,3] [--reuse] [--slowest N] [--kind K]\n", argv[0]);
      return 2;
    }
  }
  std::ifstream in(corpus);
  auto articles = nlohmann::json::parse(in, nullptr, false);
  if (!articles.is_array() || articles.empty()) {
    std::fprintf(stderr, "--corpus: expected the JSON array of `tidings articles --json`\n");
    return 2;
  }
  const Generator g(articles);
  if (!store_path.empty()) return make_store(g, store_path, docs);

  std::vector<Query> qs = make_queries(g, queries);
  if (!only_kind.empty()) {
    std::erase_if(qs, [&](const Query& q) { return q.kind != only_kind; });
    if (qs.empty()) {
      std::fprintf(stderr, "--kind: one of term, phrase, phrase3, filtered\n");
      return 2;
    }
  }
  // One run per column: each backend, and each Xapian format asked for.
  struct Run {
    Backend backend;
    int format;
    std::string label;
  };
  std::vector<Run> runs;
  for (Backend b : backends) {
    if (b != Backend::kXapian) {
      runs.push_back({b, 0, backend_name(b)});
      continue;
    }
    for (int f : xapian_formats) {
      runs.push_back({b, f, xapian_formats.size() > 1 ? "xapian-f" + std::to_string(f) : std::string("xapian")});
    }
  }
  std::vector<std::pair<std::string, BackendResult>> results;
  constexpr int64_t kBatch = 10'000;
  for (const Run& run : runs) {
    const Backend b = run.backend;
    const std::string d = dir + "/" + run.label;
    results.emplace_back(run.label, BackendResult{});
    BackendResult& r = results.back().second;
    if (reuse) {
      auto old = run.format > 0 ? open_xapian(d, false, false) : open_index(d, false);
      if (old && (*old)->doc_count().value_or(-1) == docs) {
        std::fprintf(stderr, "%s: reusing the index in %s\n", run.label.c_str(), d.c_str());
        r.reused = true;
      }
    }
    if (!r.reused) {
      fs::remove_all(d);
      fs::create_directories(dir);
      auto index = run.format > 0 ? (fs::create_directories(d), open_xapian(d, true, true, run.format)) : create_index(d, b);
      if (!index) {
        std::fprintf(stderr, "%s\n", index.error().message.c_str());
        return 1;
      }
      double gen_seconds = 0;
      const auto start = Steady::now();
      for (int64_t first = 1; first <= docs; first += kBatch) {
        const auto g0 = Steady::now();
        std::vector<SearchDoc> batch;
        for (int64_t id = first; id < first + kBatch && id <= docs; ++id) batch.push_back(g.make(id));
        gen_seconds += std::chrono::duration<double>(Steady::now() - g0).count();
        if (auto e = (*index)->add(batch); !e) {
          std::fprintf(stderr, "%s\n", e.error().message.c_str());
          return 1;
        }
        std::fprintf(stderr, "\r%s: %lld / %lld", run.label.c_str(), static_cast<long long>(first + batch.size() - 1),
                     static_cast<long long>(docs));
      }
      std::fprintf(stderr, "\n");
      r.build_seconds = std::chrono::duration<double>(Steady::now() - start).count() - gen_seconds;
      r.built_bytes = (*index)->size_bytes().value_or(0);
      if (compact) {
        std::fprintf(stderr, "%s: compacting\n", run.label.c_str());
        const auto c0 = Steady::now();
        if (auto e = (*index)->compact(); !e) {
          std::fprintf(stderr, "%s\n", e.error().message.c_str());
          return 1;
        }
        r.compact_seconds = std::chrono::duration<double>(Steady::now() - c0).count();
      }
      index->reset();
    }
    auto reader = run.format > 0 ? open_xapian(d, false, false) : open_index(d, false);
    if (!reader) {
      std::fprintf(stderr, "%s\n", reader.error().message.c_str());
      return 1;
    }
    r.bytes = (*reader)->size_bytes().value_or(0);
    for (size_t i = 0; i < std::min<size_t>(20, qs.size()); ++i) (void)(*reader)->search(qs[i].request);  // warm up
    for (const Query& q : qs) {
      const auto t0 = Steady::now();
      auto res = (*reader)->search(q.request);
      const double ms = std::chrono::duration<double, std::milli>(Steady::now() - t0).count();
      r.latency_ms[q.kind].push_back(ms);
      r.timed[q.kind].emplace_back(ms, describe(q.request, g.year_start), res ? res->total : -1);
      if (!res) ++r.errors;
    }
    // Attention: a year by day for single terms.
    for (size_t i = 0; i < 20 && i < qs.size() && only_kind.empty(); ++i) {
      AttentionRequest a;
      a.queries = {qs[i].request.query};
      a.filters.from = Instant(std::chrono::seconds(g.year_start));
      a.filters.to = Instant(std::chrono::seconds(g.year_start + 365 * 86400));
      const auto t0 = Steady::now();
      auto res = attention(**reader, a);
      r.latency_ms["attention"].push_back(std::chrono::duration<double, std::milli>(Steady::now() - t0).count());
      if (!res) ++r.errors;
    }
  }
  // One column per run; the ratio of the last column to the first when
  // there are two (FTS5/Xapian, or the newer Xapian format to the older).
  const bool both = results.size() == 2;
  const std::string ratio_label = both ? results[1].first + "/" + results[0].first : "";
  std::printf("search bench: %lld generated articles, %d queries per kind\n\n", static_cast<long long>(docs), queries);
  auto row = [&](const char* label, auto value, const char* format, bool ratio = true) {
    std::printf("%-28s", label);
    for (const auto& [b, r] : results) std::printf(format, value(r));
    if (both && ratio) {
      const double x = value(results[0].second), f = value(results[1].second);
      std::printf(" %10.2f", f / x);
    }
    std::printf("\n");
  };
  std::printf("%-28s", "");
  for (const auto& [label, r] : results) std::printf(" %14s", label.c_str());
  std::printf(both ? " %10s\n" : "\n", ratio_label.c_str());
  row("build rate (docs/s)", [&](const BackendResult& r) { return r.build_seconds > 0 ? docs / r.build_seconds : 0.0; }, " %14.0f");
  row("index size built (MiB)", [](const BackendResult& r) { return r.built_bytes / 1048576.0; }, " %14.1f");
  if (compact) {
    row("compact (s)", [](const BackendResult& r) { return r.compact_seconds; }, " %14.1f");
    row("index size compacted (MiB)", [](const BackendResult& r) { return r.bytes / 1048576.0; }, " %14.1f");
  }
  nlohmann::json out = {{"docs", docs}, {"queries_per_kind", queries}, {"compacted", compact}};
  for (auto& [label, r] : results) {
    out[label] = {{"build_docs_per_s", docs / r.build_seconds}, {"index_bytes", r.bytes},
                            {"index_bytes_built", r.built_bytes}, {"compact_seconds", r.compact_seconds},
                            {"errors", r.errors}};
  }
  for (const char* kind : {"term", "phrase", "phrase3", "filtered", "attention"}) {
    if (!results.front().second.latency_ms.count(kind)) continue;  // not run (--kind)
    for (double p : {0.5, 0.99}) {
      char label[64];
      std::snprintf(label, sizeof label, "%s p%d (ms)", kind, static_cast<int>(p * 100));
      row(label, [&](const BackendResult& r) { return percentile(r.latency_ms.at(kind), p); }, " %14.2f");
      for (auto& [name, r] : results) out[name][label] = percentile(r.latency_ms.at(kind), p);
    }
  }
  if (slowest > 0) {
    for (auto& [label, r] : results) {
      for (auto& [kind, list] : r.timed) {
        std::sort(list.rbegin(), list.rend());
        std::printf("\n%s, the %d slowest %s queries (ms, matches, query):\n", label.c_str(), slowest, kind.c_str());
        for (size_t i = 0; i < list.size() && i < static_cast<size_t>(slowest); ++i) {
          const auto& [ms, text, matches] = list[i];
          std::printf("  %8.2f %9lld  %s\n", ms, static_cast<long long>(matches), text.c_str());
        }
      }
    }
    std::printf("\n");
  }
  row("query errors", [](const BackendResult& r) { return static_cast<double>(r.errors); }, " %14.0f", false);
  if (!json_out.empty()) std::ofstream(json_out) << out.dump(2) << "\n";
  return 0;
}
