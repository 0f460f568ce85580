// The online story clusterer (cluster.h; the algorithm is docs/stories.md):
// document frequencies learnt as documents arrive, stories found through an
// inverted index over their members' top terms, scored against the
// centroid (and, when asked, the closest recent member) on words and on
// names apart.
#include <algorithm>
#include <iterator>
#include <optional>
#include <type_traits>

#include <absl/container/flat_hash_map.h>

#include "cluster/centroid.h"
#include "cluster/cluster.h"
#include "cluster/terms.h"
#include "cluster/vectors.h"

namespace tidings::cluster {

namespace {

// Chosen on the ECB+ dev topics (docs/stories.md).
constexpr double kJoinThreshold = 0.26;  // with the people channel on (0.30 before it)
constexpr double kTitleWeight = 3.0;
constexpr double kNameShare = 0.5;
constexpr double kMemberShare = 0.0;  // members are kept (and compared) only when > 0
// The score is multiplied by (1 - this) when the article and the story both
// name years and share none (ECB+ has no publication times; years in the
// text are the time there is).
constexpr double kYearPenalty = 0.1;
// The score is multiplied by (1 - this) when the story's main person is not
// named by the document: "Klitschko stops Thompson" is not the story of
// "Klitschko stops Rahman" however alike the words.
constexpr double kPeoplePenalty = 0.2;
// The score is multiplied by (1 - this) when a story of two articles or
// more never names the document's own main person: the other direction of
// the rule above (a Greek strike led by Papandreou is not the story of the
// Athens riots, whose reports never name him).
constexpr double kOwnPersonPenalty = 0.1;
// A person is a story's main one when at least this share of its members
// name them, and a document's own when it names them this many times.
constexpr double kMainPersonShare = 0.5;
constexpr uint32_t kMainPersonMentions = 2;
constexpr size_t kStoryPeople = 32;  // people a story keeps count of

// Sizes that bound memory and time per story, not tuned for quality.
constexpr size_t kCentroidWords = 128, kCentroidNames = 64;
constexpr size_t kMemberWords = 64, kMemberNames = 32;
constexpr size_t kMaxMembers = 8;          // the most recent ones
constexpr size_t kIndexWords = 10, kIndexNames = 6;
constexpr size_t kMaxIndexed = 64;         // terms a story is ever posted under
constexpr size_t kQueryWords = 10, kQueryNames = 6;
constexpr size_t kMaxPostingScan = 512;    // the most recent stories of a term
constexpr size_t kCandidates = 16;         // scored against the centroid
constexpr size_t kMemberCandidates = 4;    // of those, scored against members too
constexpr uint64_t kSweepEvery = 4096;     // adds between sweeps of faded stories

struct Weighted {
  TermVector words, names;  ///< tf·idf, unit length
};

struct Prepared {
  DocTerms unit;       ///< tf weights, unit length (what centroids sum)
  Weighted weighted;   ///< tf·idf, unit length
  TermVector word_idf, name_idf;  ///< idf of each term, parallel to `weighted`
  int64_t time = 0;               ///< its publication time, else the latest seen
  std::vector<std::pair<TermId, uint32_t>> people;  ///< person_key -> mentions, by key
  std::optional<TermId> own_person;  ///< the one it names most, at least kMainPersonMentions times
};

struct StoryPerson {
  TermId key = 0;
  uint32_t members = 0;   ///< members that name them
  uint32_t mentions = 0;  ///< in all
};

struct Story {
  int64_t id = 0;
  int64_t first_seconds = 0;  ///< its members' earliest time
  int64_t last_seconds = 0;   ///< and latest
  uint32_t size = 0;
  bool live = true;
  Centroid words, names;          ///< Σ members' unit tf vectors, with their idf
  std::vector<Weighted> members;  ///< idf frozen when they joined
  std::vector<TermId> indexed;    ///< terms whose postings list this story
  uint64_t idf_docs = 0;          ///< document count when every idf was last looked up
  uint64_t growth_docs = 0;       ///< document count the idfs are shifted to
  std::vector<int> years;         ///< every year its members mention, sorted
  std::vector<StoryPerson> people;  ///< the most named, up to kStoryPeople
};

size_t vector_bytes(const TermVector& v) { return v.capacity() * sizeof(Term); }

}  // namespace

ClusterOptions resolved(ClusterOptions o) {
  if (o.join_threshold < 0) o.join_threshold = kJoinThreshold;
  if (o.title_weight < 0) o.title_weight = kTitleWeight;
  if (o.name_share < 0) o.name_share = kNameShare;
  if (o.member_share < 0) o.member_share = kMemberShare;
  if (o.people_penalty < 0) o.people_penalty = kPeoplePenalty;
  o.people_penalty = std::min(o.people_penalty, 1.0);
  if (o.own_person_penalty < 0) o.own_person_penalty = kOwnPersonPenalty;
  o.own_person_penalty = std::min(o.own_person_penalty, 1.0);
  if (o.year_penalty < 0) o.year_penalty = kYearPenalty;
  o.year_penalty = std::min(o.year_penalty, 1.0);
  o.name_share = std::min(o.name_share, 1.0);
  o.member_share = std::min(o.member_share, 1.0);
  if (o.story_lifetime_seconds < 0) o.story_lifetime_seconds = 0;
  return o;
}

struct StoryClusterer::Impl {
  ClusterOptions options;
  TermExtractor extractor;
  // Open addressing (one cache miss a lookup, against two and a division
  // for std::unordered_map): looking up df is a fifth of the time at
  // 100,000 live stories (bench/cluster).
  absl::flat_hash_map<TermId, uint32_t> df;
  uint64_t docs = 0;
  std::vector<Story> stories;
  absl::flat_hash_map<int64_t, uint32_t> slot_of;
  absl::flat_hash_map<TermId, std::vector<uint32_t>> postings;
  int64_t next_id = 1;
  int64_t now = 0;
  bool seen_time = false;
  uint64_t adds_since_sweep = 0;
  std::vector<float> acc;
  std::vector<uint32_t> touched;

  double idf(TermId t) const {
    auto it = df.find(t);
    return idf_of_count(it == df.end() ? 0 : it->second);
  }
  bool alive(const Story& s) const {
    return s.live && (options.story_lifetime_seconds == 0 || now - s.last_seconds <= options.story_lifetime_seconds);
  }
  // Whether a document of time `t` may join story `s`: within a lifetime of
  // the story's span, on either side. Not "of the latest time seen": an
  // archive is ingested in file order, not in publication order, and its
  // older articles must still find their stories.
  bool within_lifetime(const Story& s, int64_t t) const {
    const int64_t life = options.story_lifetime_seconds;
    return s.live && (life == 0 || (t <= s.last_seconds + life && t >= s.first_seconds - life));
  }

  // Smoothed idf (as scikit-learn's): on ECB+ dev it beat BM25's
  // log(1 + (N - df + .5) / (df + .5)) (docs/stories.md).
  double idf_of_count(double n) const { return std::log((static_cast<double>(docs) + 1) / (n + 1)) + 1; }

  // Counts the doc's terms and weighs them: one lookup per term.
  void count_and_weigh(TermVector& unit, TermVector& weighted, TermVector& idfs) {
    normalise(unit);
    weighted = unit;
    idfs = unit;
    for (size_t i = 0; i < unit.size(); ++i) {
      idfs[i].weight = static_cast<float>(idf_of_count(++df[unit[i].id]));
      weighted[i].weight *= idfs[i].weight;
    }
    normalise(weighted);
  }

  Prepared prepare(const ClusterDoc& doc) {
    if (doc.published_at) {
      const int64_t t = doc.published_at->time_since_epoch().count();
      now = seen_time ? std::max(now, t) : t;
      seen_time = true;
    }
    Prepared p;
    p.time = doc.published_at ? doc.published_at->time_since_epoch().count() : now;
    p.unit = extractor.extract(doc, options.title_weight);
    ++docs;
    count_and_weigh(p.unit.words, p.weighted.words, p.word_idf);
    count_and_weigh(p.unit.names, p.weighted.names, p.name_idf);
    for (const std::string& name : doc.people) p.people.emplace_back(person_key(name), 1);
    std::sort(p.people.begin(), p.people.end());
    size_t w = 0;
    for (size_t r = 0; r < p.people.size(); ++r) {
      if (w > 0 && p.people[w - 1].first == p.people[r].first) {
        ++p.people[w - 1].second;
      } else {
        p.people[w++] = p.people[r];
      }
    }
    p.people.resize(w);
    uint32_t most = kMainPersonMentions - 1;
    for (const auto& [key, mentions] : p.people) {
      if (mentions > most) {
        most = mentions;
        p.own_person = key;
      }
    }
    return p;
  }

  // Idf drifts as documents arrive. Once the corpus has grown by a
  // sixteenth a story's idfs move by the corpus growth alone (no lookups);
  // once it has doubled they are looked up afresh.
  void refresh_idf(Story& s) {
    if (docs < s.growth_docs + s.growth_docs / 16 + 4) return;
    if (docs >= 2 * s.idf_docs + 16) {
      auto of = [&](TermId t) { return idf(t); };
      s.words.refresh(of);
      s.names.refresh(of);
      s.idf_docs = docs;
      s.growth_docs = docs;
      return;
    }
    const double delta = std::log((static_cast<double>(docs) + 1) / (static_cast<double>(s.growth_docs) + 1));
    s.words.shift(delta);
    s.names.shift(delta);
    s.growth_docs = docs;
  }

  double blend(const Prepared& p, double words, double names) const {
    if (p.weighted.names.empty()) return words;
    return (1 - options.name_share) * words + options.name_share * names;
  }

  struct Scored {
    double score = 0;
    bool missed_person = false, missed_own_person = false, missed_year = false;
  };

  Scored centroid_score(const Prepared& p, Story& s) {
    refresh_idf(s);
    Scored out;
    out.score = blend(p, s.words.cosine(p.weighted.words), s.names.cosine(p.weighted.names));
    if (!p.unit.years.empty() && !s.years.empty()) {
      std::vector<int> both;
      std::set_intersection(p.unit.years.begin(), p.unit.years.end(), s.years.begin(), s.years.end(),
                            std::back_inserter(both));
      out.missed_year = both.empty();  // "in 2008" and "in 2013": likely two events
      if (out.missed_year) out.score *= 1 - options.year_penalty;
    }
    out.missed_person = options.people_penalty > 0 && misses_main_person(p, s);
    if (out.missed_person) out.score *= 1 - options.people_penalty;
    out.missed_own_person = options.own_person_penalty > 0 && misses_own_person(p, s);
    if (out.missed_own_person) out.score *= 1 - options.own_person_penalty;
    return out;
  }

  // Whether the story has a main person (named by most of its members, and
  // more than once when it has one member) whom the document never names,
  // as a person or among its capitalised names.
  static bool misses_main_person(const Prepared& p, const Story& s) {
    if (p.people.empty()) return false;  // no tagger, or a story of no one
    const StoryPerson* main = nullptr;
    for (const StoryPerson& person : s.people) {
      if (person.members < kMainPersonShare * s.size) continue;
      if (s.size == 1 && person.mentions < kMainPersonMentions) continue;
      if (!main || person.members > main->members ||
          (person.members == main->members && person.mentions > main->mentions)) {
        main = &person;
      }
    }
    if (!main) return false;
    const TermId key = main->key;
    auto by_key = [](const auto& a, TermId k) { return a.first < k; };
    auto it = std::lower_bound(p.people.begin(), p.people.end(), key, by_key);
    if (it != p.people.end() && it->first == key) return false;
    auto named = std::lower_bound(p.unit.names.begin(), p.unit.names.end(), key,
                                  [](const Term& t, TermId k) { return t.id < k; });
    return named == p.unit.names.end() || named->id != key;
  }

  // Whether a story of two articles or more never names the document's own
  // main person (the one it names most, at least twice), as a person or
  // among its capitalised names. A story of one article is one report's
  // choice of names: on the ECB+ dev topics, penalising those too cost
  // 0.013 pairwise F1 (docs/stories.md).
  static bool misses_own_person(const Prepared& p, const Story& s) {
    if (s.size < 2 || !p.own_person) return false;
    const TermId key = *p.own_person;
    for (const StoryPerson& person : s.people) {
      if (person.key == key) return false;
    }
    auto named = std::lower_bound(s.names.terms.begin(), s.names.terms.end(), key,
                                  [](const CentroidTerm& t, TermId k) { return t.id < k; });
    return named == s.names.terms.end() || named->id != key;
  }

  double member_score(const Prepared& p, const Story& s) const {
    double best = 0;
    for (const Weighted& m : s.members) {
      best = std::max(best, blend(p, dot(p.weighted.words, m.words), dot(p.weighted.names, m.names)));
    }
    return best;
  }

  // Stories sharing the doc's heaviest terms, heaviest overlap first.
  std::vector<uint32_t> candidates(const Prepared& p) {
    acc.resize(stories.size(), 0);
    touched.clear();
    auto visit = [&](const TermVector& v, size_t top) {
      TermVector q = v;
      keep_top(q, top, [](const Term& t) { return t.weight; });
      for (const Term& t : q) {
        auto it = postings.find(t.id);
        if (it == postings.end()) continue;
        const auto& list = it->second;
        const size_t from = list.size() > kMaxPostingScan ? list.size() - kMaxPostingScan : 0;
        for (size_t k = from; k < list.size(); ++k) {
          const uint32_t s = list[k];
          if (acc[s] == 0) touched.push_back(s);
          acc[s] += t.weight;
        }
      }
    };
    visit(p.weighted.words, kQueryWords);
    visit(p.weighted.names, kQueryNames);
    std::vector<uint32_t> out;
    for (uint32_t s : touched) {
      if (within_lifetime(stories[s], p.time)) out.push_back(s);
    }
    const size_t n = std::min(out.size(), kCandidates);
    std::partial_sort(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(n), out.end(),
                      [&](uint32_t a, uint32_t b) { return acc[a] > acc[b]; });
    out.resize(n);
    for (uint32_t s : touched) acc[s] = 0;
    return out;
  }

  // The best story for the doc and its score; slot -1 when none.
  std::pair<int64_t, Scored> best_story(const Prepared& p) {
    std::vector<std::pair<Scored, uint32_t>> scored;
    for (uint32_t s : candidates(p)) scored.emplace_back(centroid_score(p, stories[s]), s);
    const size_t n = std::min(scored.size(), kMemberCandidates);
    std::partial_sort(scored.begin(), scored.begin() + static_cast<std::ptrdiff_t>(n), scored.end(),
                      [](const auto& a, const auto& b) { return a.first.score > b.first.score; });
    std::pair<int64_t, Scored> best{-1, {-1}};
    for (size_t i = 0; i < n; ++i) {
      auto [c, s] = scored[i];
      c.score = (1 - options.member_share) * c.score + options.member_share * member_score(p, stories[s]);
      if (c.score > best.second.score) best = {s, c};
    }
    return best;
  }

  // Posts the story under the new member's heaviest terms (its tf·idf is
  // at hand, no lookups): a story is found by what its members are most
  // about, up to kMaxIndexed terms -- for a one-article story exactly its
  // centroid's top terms.
  void reindex(uint32_t slot, const Weighted& member) {
    Story& s = stories[slot];
    auto post = [&](const TermVector& v, size_t top) {
      TermVector q = v;
      keep_top(q, top, [](const Term& t) { return t.weight; });
      for (const Term& t : q) {
        if (s.indexed.size() >= kMaxIndexed) return;
        if (std::find(s.indexed.begin(), s.indexed.end(), t.id) != s.indexed.end()) continue;
        s.indexed.push_back(t.id);
        postings[t.id].push_back(slot);
      }
    };
    post(member.words, kIndexWords);
    post(member.names, kIndexNames);
  }

  void join(Prepared& p, uint32_t slot) {
    Story& s = stories[slot];
    if (s.idf_docs == 0) s.idf_docs = s.growth_docs = docs;
    s.words.add(p.unit.words, p.word_idf);
    s.names.add(p.unit.names, p.name_idf);
    // Truncated once half as many again have gathered, so the sort is paid
    // every few joins, not at each.
    if (s.words.terms.size() > kCentroidWords * 3 / 2) s.words.truncate(kCentroidWords);
    if (s.names.terms.size() > kCentroidNames * 3 / 2) s.names.truncate(kCentroidNames);
    reindex(slot, p.weighted);
    if (options.member_share > 0) {
      keep_top(p.weighted.words, kMemberWords, [](const Term& t) { return t.weight; });
      keep_top(p.weighted.names, kMemberNames, [](const Term& t) { return t.weight; });
      if (s.members.size() == kMaxMembers) s.members.erase(s.members.begin());
      s.members.push_back(std::move(p.weighted));
    }
    std::vector<int> years;
    std::set_union(s.years.begin(), s.years.end(), p.unit.years.begin(), p.unit.years.end(), std::back_inserter(years));
    s.years.swap(years);
    for (const auto& [key, mentions] : p.people) {
      // (clang 14, the fuzz build, cannot capture a structured binding)
      auto it = std::find_if(s.people.begin(), s.people.end(), [k = key](const StoryPerson& x) { return x.key == k; });
      if (it == s.people.end()) {
        if (s.people.size() == kStoryPeople) {
          // Forget the least named to make room.
          auto least = std::min_element(s.people.begin(), s.people.end(), [](const StoryPerson& a, const StoryPerson& b) {
            return a.members < b.members || (a.members == b.members && a.mentions < b.mentions);
          });
          if (least->members > 1) continue;
          s.people.erase(least);
        }
        s.people.push_back({key, 0, 0});
        it = s.people.end() - 1;
      }
      it->members += 1;
      it->mentions += mentions;
    }
    s.size += 1;
    s.first_seconds = std::min(s.first_seconds, p.time);
    s.last_seconds = std::max(s.last_seconds, p.time);
  }

  uint32_t new_story(int64_t id, int64_t t) {
    const auto slot = static_cast<uint32_t>(stories.size());
    stories.emplace_back();
    stories.back().id = id;
    stories.back().first_seconds = t;
    stories.back().last_seconds = t;
    slot_of[id] = slot;
    next_id = std::max(next_id, id + 1);
    return slot;
  }

  // Frees the stories that have faded and drops them from the postings.
  void sweep() {
    if (++adds_since_sweep < kSweepEvery || options.story_lifetime_seconds == 0) return;
    adds_since_sweep = 0;
    size_t freed = 0;
    for (Story& s : stories) {
      if (!s.live || alive(s)) continue;
      s.live = false;
      s.words = Centroid{};
      s.names = Centroid{};
      s.members = {};
      s.indexed = {};
      s.people = {};
      ++freed;
    }
    if (freed == 0) return;
    for (auto it = postings.begin(); it != postings.end();) {
      std::erase_if(it->second, [&](uint32_t slot) { return !stories[slot].live; });
      if (it->second.empty()) {
        postings.erase(it++);  // absl's erase(iterator) returns nothing
      } else {
        ++it;
      }
    }
  }
};

StoryClusterer::StoryClusterer(ClusterOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->options = resolved(options);
}
StoryClusterer::~StoryClusterer() = default;
StoryClusterer::StoryClusterer(StoryClusterer&&) noexcept = default;
StoryClusterer& StoryClusterer::operator=(StoryClusterer&&) noexcept = default;

int64_t StoryClusterer::add(const ClusterDoc& doc, Decision* why) {
  Impl& m = *impl_;
  m.sweep();
  Prepared p = m.prepare(doc);
  const auto [slot, best] = m.best_story(p);
  const uint32_t target = slot >= 0 && best.score >= m.options.join_threshold ? static_cast<uint32_t>(slot)
                                                                               : m.new_story(m.next_id, p.time);
  if (why) {
    *why = {};
    if (slot >= 0) {
      why->best = m.stories[static_cast<uint32_t>(slot)].id;
      why->score = best.score;
      why->missed_person = best.missed_person;
      why->missed_own_person = best.missed_own_person;
      why->missed_year = best.missed_year;
    }
  }
  m.join(p, target);
  if (why) why->story = m.stories[target].id;
  return m.stories[target].id;
}

void StoryClusterer::number_stories_above(int64_t number) {
  impl_->next_id = std::max(impl_->next_id, number + 1);
}

void StoryClusterer::add_to(const ClusterDoc& doc, int64_t story) {
  Impl& m = *impl_;
  m.sweep();
  Prepared p = m.prepare(doc);
  auto it = m.slot_of.find(story);
  uint32_t slot = it != m.slot_of.end() ? it->second : m.new_story(story, p.time);
  if (!m.stories[slot].live) {  // a faded story taken up again starts afresh
    m.stories[slot].live = true;
    m.stories[slot].size = 0;
  }
  m.join(p, slot);
}

size_t StoryClusterer::live_stories() const {
  size_t n = 0;
  for (const Story& s : impl_->stories) n += impl_->alive(s);
  return n;
}

size_t StoryClusterer::memory_bytes() const {
  const Impl& m = *impl_;
  size_t bytes = sizeof(Impl) + m.stories.capacity() * sizeof(Story);
  for (const Story& s : m.stories) {
    bytes += s.words.bytes() + s.names.bytes() +
             s.members.capacity() * sizeof(Weighted) + s.indexed.capacity() * sizeof(TermId) +
             s.people.capacity() * sizeof(StoryPerson);
    for (const Weighted& w : s.members) bytes += vector_bytes(w.words) + vector_bytes(w.names);
  }
  // A flat_hash_map slot holds the pair, plus one control byte.
  auto table = [](const auto& map) {
    using Slot = typename std::decay_t<decltype(map)>::value_type;
    return map.capacity() * (sizeof(Slot) + 1);
  };
  bytes += table(m.df) + table(m.slot_of) + table(m.postings);
  for (const auto& [t, list] : m.postings) bytes += list.capacity() * sizeof(uint32_t);
  bytes += m.acc.capacity() * sizeof(float);
  return bytes;
}

}  // namespace tidings::cluster
