// Which article of a group of copies is the original (dedup.h
// choose_original): links and canonical URLs first, then agency credits,
// then time.
#include <algorithm>
#include <map>
#include <set>

#include "dedup/dedup.h"

namespace tidings::dedup {

namespace {

std::string fold_case(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
  }
  return out;
}

// Earliest published, then lowest id, among `indices` (not empty).
size_t earliest(const std::vector<CopyCandidate>& group, const std::vector<size_t>& indices) {
  return *std::min_element(indices.begin(), indices.end(), [&](size_t a, size_t b) {
    const auto& pa = group[a].published_at;
    const auto& pb = group[b].published_at;
    if (pa.has_value() != pb.has_value()) return pa.has_value();
    if (pa && pb && *pa != *pb) return *pa < *pb;
    return group[a].id < group[b].id;
  });
}

// The members pointed at by another member's source link or canonical URL,
// with their votes; a member that itself points on (a copy of a copy) is
// left out when a member it points at is also pointed at.
std::vector<size_t> pointed_at(const std::vector<CopyCandidate>& group) {
  std::map<std::string, size_t> by_key;
  // Fetched URLs first: a copy's canonical URL naming the original's page
  // is a pointer to it, not another name of the copy.
  for (const bool canonical : {false, true}) {
    for (size_t i = 0; i < group.size(); ++i) {
      const std::string key = canonicalize_url(canonical ? group[i].canonical_url : group[i].url);
      if (!key.empty()) by_key.emplace(key, i);
    }
  }
  std::vector<size_t> votes(group.size(), 0);
  std::vector<bool> points_on(group.size(), false);
  for (size_t i = 0; i < group.size(); ++i) {
    std::set<size_t> targets;
    for (const auto& link : group[i].source_links) {
      if (const auto it = by_key.find(canonicalize_url(link.url)); it != by_key.end()) targets.insert(it->second);
    }
    if (const auto it = by_key.find(canonicalize_url(group[i].canonical_url)); it != by_key.end()) {
      targets.insert(it->second);
    }
    targets.erase(i);
    for (const size_t t : targets) ++votes[t];
    points_on[i] = !targets.empty();
  }
  std::vector<size_t> roots;
  for (size_t i = 0; i < group.size(); ++i) {
    if (votes[i] > 0 && !points_on[i]) roots.push_back(i);
  }
  if (roots.empty()) {  // a cycle of links: every pointed-at member
    for (size_t i = 0; i < group.size(); ++i) {
      if (votes[i] > 0) roots.push_back(i);
    }
  }
  if (roots.empty()) return roots;
  const size_t best = *std::max_element(roots.begin(), roots.end(),
                                        [&](size_t a, size_t b) { return votes[a] < votes[b]; });
  std::vector<size_t> top;
  for (const size_t i : roots) {
    if (votes[i] == votes[best]) top.push_back(i);
  }
  return top;
}

// Whether a member's source link (not only a canonical URL) points at `i`.
bool linked_by_source_link(const std::vector<CopyCandidate>& group, size_t i) {
  std::set<std::string> keys = {canonicalize_url(group[i].url), canonicalize_url(group[i].canonical_url)};
  keys.erase("");
  for (size_t j = 0; j < group.size(); ++j) {
    if (j == i) continue;
    for (const auto& link : group[j].source_links) {
      if (keys.count(canonicalize_url(link.url))) return true;
    }
  }
  return false;
}

// Members that are the site of an agency another member credits.
std::vector<size_t> credited_agencies(const std::vector<CopyCandidate>& group) {
  std::vector<std::pair<std::string, size_t>> credits;  // agency, crediting member
  for (size_t i = 0; i < group.size(); ++i) {
    for (const auto& link : group[i].source_links) {
      if (!link.agency.empty()) credits.emplace_back(fold_case(link.agency), i);
    }
  }
  std::vector<size_t> out;
  if (credits.empty()) return out;
  for (size_t i = 0; i < group.size(); ++i) {
    const std::string agency = fold_case(group[i].agency), outlet = fold_case(group[i].outlet);
    for (const auto& [credited, by] : credits) {
      if (by != i && ((!agency.empty() && agency == credited) || (!outlet.empty() && outlet == credited))) {
        out.push_back(i);
        break;
      }
    }
  }
  return out;
}

}  // namespace

OriginChoice choose_original(const std::vector<CopyCandidate>& group) {
  if (group.empty()) return {0, "first_stored"};
  if (const auto linked = pointed_at(group); !linked.empty()) {
    const size_t i = earliest(group, linked);
    return {group[i].id, linked_by_source_link(group, i) ? "source_link" : "canonical"};
  }
  if (const auto agencies = credited_agencies(group); !agencies.empty()) {
    return {group[earliest(group, agencies)].id, "agency"};
  }
  std::vector<size_t> dated;
  for (size_t i = 0; i < group.size(); ++i) {
    if (group[i].published_at) dated.push_back(i);
  }
  if (!dated.empty()) return {group[earliest(group, dated)].id, "earliest"};
  std::vector<size_t> all(group.size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = i;
  return {group[earliest(group, all)].id, "first_stored"};
}

}  // namespace tidings::dedup
