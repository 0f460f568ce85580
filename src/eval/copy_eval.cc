// The ingest simulation and its scores (eval/copy_eval.h).
#include "eval/copy_eval.h"

#include <algorithm>
#include <bit>
#include <chrono>
#include <numeric>

#include "eval/copy_edits.h"

namespace tidings::eval {

namespace {

using Seconds = std::chrono::duration<double>;
constexpr size_t kNone = SIZE_MAX;

struct Groups {
  std::vector<size_t> group_of;                // article -> group
  std::vector<std::vector<size_t>> members;    // group -> articles
  std::vector<size_t> original_of;             // group -> article
  std::vector<std::string> reason_of;
};

void join(const CopySet& set, Groups& g, size_t article, size_t match, const std::vector<int64_t>& id_of) {
  if (match == kNone) {
    g.group_of[article] = g.members.size();
    g.members.push_back({article});
    g.original_of.push_back(article);
    g.reason_of.push_back("alone");
    return;
  }
  const size_t group = g.group_of[match];
  g.group_of[article] = group;
  g.members[group].push_back(article);
  std::vector<dedup::CopyCandidate> candidates;
  for (const size_t m : g.members[group]) {
    candidates.push_back(set.articles[m].candidate);
    candidates.back().id = id_of[m];
  }
  const dedup::OriginChoice choice = dedup::choose_original(candidates);
  for (const size_t m : g.members[group]) {
    if (id_of[m] == choice.original_id) g.original_of[group] = m;
  }
  g.reason_of[group] = choice.reason;
}

CopyScores score(const CopySet& set, const Groups& g) {
  CopyScores s;
  const auto& arts = set.articles;
  s.articles = arts.size();
  std::vector<size_t> original_article(set.sources.size(), kNone), per_source(set.sources.size(), 0);
  for (size_t a = 0; a < arts.size(); ++a) {
    ++per_source[arts[a].source];
    if (arts[a].kind == "original") {
      original_article[arts[a].source] = a;
    } else {
      ++s.copies;
      ++s.copies_per_kind[arts[a].kind];
    }
  }
  for (const size_t m : per_source) s.positive_pairs += m * (m - 1) / 2;
  for (const auto& members : g.members) {
    for (size_t i = 0; i < members.size(); ++i) {
      for (size_t j = i + 1; j < members.size(); ++j) {
        const size_t x = arts[members[i]].source, y = arts[members[j]].source;
        if (x == y) {
          ++s.predicted_pairs;
          ++s.true_pairs;
        } else if (set.family[x] == set.family[y]) {
          ++s.ambiguous_pairs;
        } else if (shingle_containment(arts[members[i]].text, arts[members[j]].text) >= kWireContainment) {
          // The two texts are copies of one another though their sources
          // are not (a teaser of the half of an article that is wire copy
          // shared with a story-mate): ambiguous, as the sources' pairs are.
          ++s.ambiguous_pairs;
          ++s.ambiguous_text_pairs;
        } else {
          ++s.predicted_pairs;
          ++(set.sources[x].cluster == set.sources[y].cluster ? s.story_mate_false : s.other_false);
        }
      }
    }
  }
  s.precision = s.predicted_pairs ? double(s.true_pairs) / s.predicted_pairs : 1.0;
  s.recall = s.positive_pairs ? double(s.true_pairs) / s.positive_pairs : 1.0;
  s.f1 = s.precision + s.recall > 0 ? 2 * s.precision * s.recall / (s.precision + s.recall) : 0;
  for (size_t a = 0; a < arts.size(); ++a) {
    if (arts[a].kind == "original") continue;
    Ratio& r = s.recall_per_kind[arts[a].kind];
    ++r.total;
    r.hit += g.group_of[a] == g.group_of[original_article[arts[a].source]];
  }
  // The original: each original's group, when it holds copies of it.
  for (size_t src = 0; src < set.sources.size(); ++src) {
    const size_t orig = original_article[src];
    if (orig == kNone) continue;
    const size_t group = g.group_of[orig];
    const auto& members = g.members[group];
    const bool has_copy = std::any_of(members.begin(), members.end(), [&](size_t m) {
      return arts[m].source == src && arts[m].kind != "original";
    });
    if (!has_copy) continue;
    const CopySetArticle& chosen = arts[g.original_of[group]];
    const bool right = chosen.kind == "original" && set.family[chosen.source] == set.family[src];
    ++s.original.total;
    s.original.hit += right;
    Ratio& r = s.original_per_evidence[arts[orig].evidence];
    ++r.total;
    r.hit += right;
  }
  for (size_t group = 0; group < g.members.size(); ++group) {
    if (g.members[group].size() > 1) ++s.reasons[g.reason_of[group]];
  }
  return s;
}

}  // namespace

CopyScores evaluate_copies(const CopySet& set, uint64_t seed, CopyMatcher matcher, int simhash_distance) {
  const size_t n = set.articles.size();
  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  copy_edits::Rng rng(seed * 0x2545F4914F6CDD1Dull + 7);
  for (size_t i = n; i > 1; --i) std::swap(order[i - 1], order[rng.below(i)]);
  std::vector<int64_t> id_of(n);
  for (size_t pos = 0; pos < n; ++pos) id_of[order[pos]] = static_cast<int64_t>(pos + 1);

  Groups g;
  g.group_of.assign(n, kNone);
  double fingerprint_seconds = 0, lookup_seconds = 0;
  if (matcher == CopyMatcher::kMinHash) {
    dedup::CopyIndex index;
    std::vector<dedup::Fingerprint> fps(n);
    for (const size_t a : order) {
      auto t0 = std::chrono::steady_clock::now();
      fps[a] = dedup::fingerprint(set.articles[a].text);
      auto t1 = std::chrono::steady_clock::now();
      const auto matches = index.find(fps[a], 64);
      auto t2 = std::chrono::steady_clock::now();
      fingerprint_seconds += Seconds(t1 - t0).count();
      lookup_seconds += Seconds(t2 - t1).count();
      // The ingest rule under test (dedup::decide_group): group ids are
      // index + 1 here.
      std::vector<dedup::CopyGroupInfo> groups;
      for (const auto& m : matches) {
        const size_t group = g.group_of[order[m.id - 1]];
        groups.push_back({static_cast<int64_t>(group + 1), &fps[g.original_of[group]], g.members[group].size()});
      }
      const dedup::GroupDecision decision = dedup::decide_group(fps[a], matches, groups);
      size_t join_with = kNone;
      if (decision.join != 0) {
        const size_t into = static_cast<size_t>(decision.join - 1);
        join_with = g.members[into].front();
        for (const int64_t merged : decision.merge) {
          const size_t from = static_cast<size_t>(merged - 1);
          for (const size_t moved : g.members[from]) {
            g.group_of[moved] = into;
            g.members[into].push_back(moved);
          }
          g.members[from].clear();
        }
      }
      join(set, g, a, join_with, id_of);
      index.add(id_of[a], fps[a]);
    }
  } else {
    std::vector<uint64_t> seen;  // in arrival order
    for (const size_t a : order) {
      auto t0 = std::chrono::steady_clock::now();
      const uint64_t h = dedup::simhash(set.articles[a].text);
      auto t1 = std::chrono::steady_clock::now();
      size_t best = kNone;
      int best_distance = simhash_distance + 1;
      for (size_t k = 0; k < seen.size(); ++k) {
        const int d = std::popcount(seen[k] ^ h);
        if (d < best_distance) best_distance = d, best = k;
      }
      auto t2 = std::chrono::steady_clock::now();
      fingerprint_seconds += Seconds(t1 - t0).count();
      lookup_seconds += Seconds(t2 - t1).count();
      join(set, g, a, best == kNone ? kNone : order[best], id_of);
      seen.push_back(h);
    }
  }
  CopyScores s = score(set, g);
  s.matcher = matcher == CopyMatcher::kMinHash ? "minhash" : "simhash<=" + std::to_string(simhash_distance);
  s.fingerprint_seconds = fingerprint_seconds;
  s.lookup_seconds = lookup_seconds;
  return s;
}

}  // namespace tidings::eval
