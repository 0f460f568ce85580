// What the API, the CLI and the story page show of a story (stories.h):
// its articles with copies folded under their original, and its coverage
// over time. Pure functions of the store's values.
#include <algorithm>
#include <map>
#include <set>

#include "store/stories.h"

namespace tidings {

namespace {

constexpr int64_t kHour = 3600;
constexpr int64_t kDay = 86400;
constexpr int64_t kHourlyUpTo = 2 * kDay;

int64_t epoch_seconds(Instant t) {
  return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

// Floor division, so times before 1970 fall in the right step too.
int64_t step_start(int64_t seconds, int64_t step) {
  const int64_t q = seconds / step - (seconds % step < 0 ? 1 : 0);
  return q * step;
}

}  // namespace

std::vector<StoryEntry> fold_copies(const std::vector<ArticleRef>& articles) {
  std::map<int64_t, size_t> position;  // article id -> index in `articles`
  for (size_t i = 0; i < articles.size(); ++i) position[articles[i].id] = i;
  // The root of a copy: its original, or the original's original should a
  // chain slip in; a copy whose original is not in the story stands alone.
  const auto root = [&](size_t i) {
    for (size_t hops = 0; hops < articles.size(); ++hops) {
      const auto& copy_of = articles[i].copy_of;
      if (!copy_of) break;
      const auto it = position.find(*copy_of);
      if (it == position.end() || it->second == i) break;
      i = it->second;
    }
    return i;
  };
  std::vector<StoryEntry> out;
  std::map<size_t, size_t> entry_of;              // root index -> index in `out`
  std::vector<std::pair<size_t, size_t>> copies;  // (root, copy)
  for (size_t i = 0; i < articles.size(); ++i) {
    const size_t r = root(i);
    if (r != i) {
      copies.emplace_back(r, i);
      continue;
    }
    entry_of[i] = out.size();
    out.push_back({articles[i], {}});
  }
  for (const auto& [r, i] : copies) {
    const auto it = entry_of.find(r);
    if (it != entry_of.end()) {
      out[it->second].copies.push_back(articles[i]);
    } else {  // a loop of copies (a broken store): shown, not lost
      out.push_back({articles[i], {}});
    }
  }
  return out;
}

Coverage story_coverage(const std::vector<ArticleRef>& articles) {
  Coverage out;
  if (articles.empty()) return out;
  int64_t first = INT64_MAX;
  int64_t last = INT64_MIN;
  for (const ArticleRef& a : articles) {
    const int64_t t = epoch_seconds(a.sort_time);
    first = std::min(first, t);
    last = std::max(last, t);
  }
  out.bucket_seconds = last - first > kHourlyUpTo ? kDay : kHour;
  const int64_t step = out.bucket_seconds;
  const int64_t last_start = step_start(last, step);
  // Only the latest kMaxCoverageBuckets steps: a story dated years apart
  // (a wrong date on one page) must not make thousands of empty steps.
  const int64_t span = static_cast<int64_t>(kMaxCoverageBuckets) - 1;
  const int64_t first_start = std::max(step_start(first, step), last_start - span * step);
  std::map<int64_t, std::pair<int64_t, std::set<std::string>>> steps;
  for (const ArticleRef& a : articles) {
    const int64_t start = std::max(step_start(epoch_seconds(a.sort_time), step), first_start);
    auto& [count, outlets] = steps[start];
    ++count;
    outlets.insert(a.outlet);
  }
  for (int64_t start = first_start; start <= last_start; start += step) {
    CoverageBucket b;
    b.start = Instant{std::chrono::seconds(start)};
    if (auto it = steps.find(start); it != steps.end()) {
      b.articles = it->second.first;
      b.outlets = static_cast<int64_t>(it->second.second.size());
    }
    out.buckets.push_back(b);
  }
  return out;
}

}  // namespace tidings
