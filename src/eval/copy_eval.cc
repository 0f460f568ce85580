// The ingest simulation and its scores (eval/copy_eval.h).
#include "eval/copy_eval.h"

#include <algorithm>
#include <bit>
#include <chrono>
#include <numeric>
#include <unordered_map>

#include "eval/copy_edits.h"

namespace tidings::eval {

namespace {

using Seconds = std::chrono::duration<double>;
constexpr size_t kNone = SIZE_MAX;

// The groups as ingest keeps them (dedup::CopyGroups), over article ids
// that are arrival positions + 1, and why each group's original was chosen.
struct Groups {
  dedup::CopyGroups groups;
  std::vector<size_t> article_of;  // id - 1 -> article
  std::unordered_map<int64_t, std::string> reason_of;  // group key -> reason

  size_t group_of(size_t article, const std::vector<int64_t>& id_of) const {
    return static_cast<size_t>(groups.group_of(id_of[article]));
  }
};

// Files `article` (decided by `decision`) and chooses its group's original
// among the contenders, as the story linker does.
void join(const CopySet& set, Groups& g, size_t article, const dedup::GroupDecision& decision,
          const std::vector<int64_t>& id_of) {
  const int64_t id = id_of[article];
  const int64_t key = g.groups.file(id, decision);
  if (decision.join == 0) {
    g.reason_of[key] = "alone";
    return;
  }
  std::vector<dedup::CopyCandidate> candidates;
  for (const int64_t m : g.groups.contenders(key, id)) {
    candidates.push_back(set.articles[g.article_of[static_cast<size_t>(m - 1)]].candidate);
    candidates.back().id = m;
  }
  const dedup::OriginChoice choice = dedup::choose_original(candidates);
  if (choice.original_id != 0) g.groups.set_original(key, choice.original_id);
  g.reason_of[key] = choice.reason;
}

CopyScores score(const CopySet& set, const Groups& g, const std::vector<int64_t>& id_of) {
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
  auto art = [&](int64_t id) { return g.article_of[static_cast<size_t>(id - 1)]; };
  for (const auto& [key, group] : g.groups.groups()) {
    const std::vector<int64_t>& members = group.members;
    for (size_t i = 0; i < members.size(); ++i) {
      for (size_t j = i + 1; j < members.size(); ++j) {
        const size_t x = arts[art(members[i])].source, y = arts[art(members[j])].source;
        if (x == y) {
          ++s.predicted_pairs;
          ++s.true_pairs;
        } else if (set.family[x] == set.family[y]) {
          ++s.ambiguous_pairs;
        } else if (shingle_containment(arts[art(members[i])].text, arts[art(members[j])].text) >= kWireContainment) {
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
    r.hit += g.group_of(a, id_of) == g.group_of(original_article[arts[a].source], id_of);
  }
  // The original: each original's group, when it holds copies of it.
  for (size_t src = 0; src < set.sources.size(); ++src) {
    const size_t orig = original_article[src];
    if (orig == kNone) continue;
    const dedup::CopyGroups::Group& group = *g.groups.group(g.groups.group_of(id_of[orig]));
    const bool has_copy = std::any_of(group.members.begin(), group.members.end(), [&](int64_t m) {
      return arts[art(m)].source == src && arts[art(m)].kind != "original";
    });
    if (!has_copy) continue;
    const CopySetArticle& chosen = arts[art(group.original)];
    const bool right = chosen.kind == "original" && set.family[chosen.source] == set.family[src];
    ++s.original.total;
    s.original.hit += right;
    Ratio& r = s.original_per_evidence[arts[orig].evidence];
    ++r.total;
    r.hit += right;
  }
  for (const auto& [key, group] : g.groups.groups()) {
    if (group.members.size() > 1) ++s.reasons[g.reason_of.at(key)];
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
  g.article_of = order;
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
        const int64_t key = g.groups.group_of(m.id);
        const dedup::CopyGroups::Group& group = *g.groups.group(key);
        groups.push_back({key, &fps[g.article_of[static_cast<size_t>(group.original - 1)]], group.members.size()});
      }
      join(set, g, a, dedup::decide_group(fps[a], matches, groups), id_of);
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
      dedup::GroupDecision decision;
      if (best != kNone) decision.join = g.groups.group_of(static_cast<int64_t>(best + 1));
      join(set, g, a, decision, id_of);
      seen.push_back(h);
    }
  }
  CopyScores s = score(set, g, id_of);
  s.matcher = matcher == CopyMatcher::kMinHash ? "minhash" : "simhash<=" + std::to_string(simhash_distance);
  s.fingerprint_seconds = fingerprint_seconds;
  s.lookup_seconds = lookup_seconds;
  return s;
}

}  // namespace tidings::eval
