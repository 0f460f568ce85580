// The ingest rule for copy groups (dedup.h decide_group, docs/copies.md
// "Ingest"): join a group only as a copy of its original or of most of its
// members; merge groups whose original is a fragment of the newcomer.
#include <algorithm>

#include "dedup/dedup.h"

namespace tidings::dedup {

GroupDecision decide_group(const Fingerprint& fp, const std::vector<CopyMatch>& matches,
                           const std::vector<CopyGroupInfo>& groups) {
  GroupDecision out;
  const size_t n = std::min(matches.size(), groups.size());
  auto matched_members = [&](int64_t group) {
    size_t count = 0;
    for (size_t i = 0; i < n; ++i) count += groups[i].group == group;
    return count;
  };
  for (size_t i = 0; i < n && out.join == 0; ++i) {
    const CopyGroupInfo& g = groups[i];
    if (g.group == 0) continue;
    const bool of_original = g.original && estimate_containment(fp, *g.original) >= copy_threshold();
    if (of_original || matched_members(g.group) * 2 > g.members) out.join = g.group;
  }
  if (out.join == 0) return out;
  for (size_t i = 0; i < n; ++i) {
    const CopyGroupInfo& g = groups[i];
    if (g.group == 0 || g.group == out.join || !g.original) continue;
    if (std::find(out.merge.begin(), out.merge.end(), g.group) != out.merge.end()) continue;
    if (estimate_containment(fp, *g.original) >= kFragmentContainment) out.merge.push_back(g.group);
  }
  return out;
}

}  // namespace tidings::dedup
