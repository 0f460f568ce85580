// The copy groups ingest keeps (dedup.h CopyGroups, docs/copies.md "Ingest").
#include "dedup/dedup.h"

namespace tidings::dedup {

int64_t CopyGroups::group_of(int64_t article) const {
  auto it = group_of_.find(article);
  return it == group_of_.end() ? 0 : it->second;
}

const CopyGroups::Group* CopyGroups::group(int64_t key) const {
  auto it = groups_.find(key);
  return it == groups_.end() ? nullptr : &it->second;
}

int64_t CopyGroups::file(int64_t article, const GroupDecision& decision, std::vector<int64_t>* moved) {
  auto into = decision.join == 0 ? groups_.end() : groups_.find(decision.join);
  if (into == groups_.end()) {
    // A new group, keyed by its first member (an id no other group has: a
    // key is always the id of an article filed before).
    group_of_[article] = article;
    groups_[article] = Group{article, {article}};
    return article;
  }
  const int64_t key = decision.join;
  for (const int64_t other : decision.merge) {
    if (other == key) continue;
    auto it = groups_.find(other);
    if (it == groups_.end()) continue;
    for (const int64_t m : it->second.members) {
      group_of_[m] = key;
      into->second.members.push_back(m);
      if (moved) moved->push_back(m);
    }
    groups_.erase(it);
  }
  into->second.members.push_back(article);
  group_of_[article] = key;
  return key;
}

void CopyGroups::restore(int64_t article, int64_t original) {
  const int64_t key = group_of(original) != 0 ? group_of(original) : original;
  group_of_[article] = key;
  Group& g = groups_[key];
  if (g.original == 0) g.original = original;
  if (article == original) {
    g.members.insert(g.members.begin(), article);
  } else {
    g.members.push_back(article);
  }
}

std::vector<int64_t> CopyGroups::contenders(int64_t key, int64_t article) const {
  const Group* g = group(key);
  if (!g) return {article};
  if (g->members.size() <= kMaxContenders) return g->members;
  return {g->original, article};
}

void CopyGroups::set_original(int64_t key, int64_t original) {
  auto it = groups_.find(key);
  if (it != groups_.end()) it->second.original = original;
}

}  // namespace tidings::dedup
