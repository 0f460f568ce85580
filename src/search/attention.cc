// Attention over time (search.h): the hourly counts of each query, summed
// into UTC days or hours, with the distinct outlets of each bucket.
#include <algorithm>
#include <climits>
#include <set>

#include "search/query.h"
#include "search/search.h"

namespace tidings::search {

namespace {

int64_t seconds(Instant t) { return t.time_since_epoch().count(); }

int64_t floor_div(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

int64_t bucket_seconds(Interval interval) { return interval == Interval::kDay ? 86400 : 3600; }

}  // namespace

const char* interval_name(Interval interval) { return interval == Interval::kDay ? "day" : "hour"; }

std::optional<Interval> parse_interval(std::string_view name) {
  if (name == "day") return Interval::kDay;
  if (name == "hour") return Interval::kHour;
  return std::nullopt;
}

Result<std::vector<Instant>> attention_buckets(Instant from, Instant to, Interval interval) {
  if (from >= to) return fail(ErrorCode::kInvalidInput, "from must be before to");
  const int64_t size = bucket_seconds(interval);
  const int64_t first = floor_div(seconds(from), size);
  const int64_t last = floor_div(seconds(to) - 1, size);  // the bucket holding to - 1s
  if (last - first + 1 > static_cast<int64_t>(kMaxBuckets)) {
    return fail(ErrorCode::kInvalidInput,
                "the range holds more than " + std::to_string(kMaxBuckets) + " " +
                    interval_name(interval) + "s: narrow it or use a larger interval");
  }
  std::vector<Instant> out;
  for (int64_t b = first; b <= last; ++b) out.push_back(Instant(std::chrono::seconds(b * size)));
  return out;
}

Result<Attention> attention(SearchIndex& index, const AttentionRequest& request) {
  if (request.queries.empty()) return fail(ErrorCode::kInvalidInput, "give at least one query");
  if (request.queries.size() > kMaxAttentionQueries) {
    return fail(ErrorCode::kInvalidInput,
                "at most " + std::to_string(kMaxAttentionQueries) + " queries at once");
  }
  if (auto ok = check_filters(request.filters); !ok) return tl::unexpected(ok.error());
  const int64_t size = bucket_seconds(request.interval);
  Filters filters = request.filters;
  Filters undated = filters;
  undated.from.reset();
  undated.to.reset();
  // Count over whole buckets.
  if (filters.from) filters.from = Instant(std::chrono::seconds(floor_div(seconds(*filters.from), size) * size));
  if (filters.to) filters.to = Instant(std::chrono::seconds((floor_div(seconds(*filters.to) - 1, size) + 1) * size));
  const bool explicit_range = filters.from && filters.to;
  if (explicit_range) {
    if (auto b = attention_buckets(*filters.from, *filters.to, request.interval); !b) {
      return tl::unexpected(b.error());
    }
  }
  std::vector<HourCounts> counts;
  int64_t lo = INT64_MAX, hi = INT64_MIN;  // hours with matches
  for (size_t q = 0; q < request.queries.size(); ++q) {
    const std::string& query = request.queries[q];
    auto parsed = parse_query(query);
    if (!parsed) {
      return fail(ErrorCode::kInvalidInput,
                  "query " + std::to_string(q + 1) + ": " + parsed.error().message);
    }
    if (parsed->kind == QueryNode::Kind::kAll && !undated.any()) {
      return fail(ErrorCode::kInvalidInput,
                  "an empty query needs an entity, place, outlet, language or story");
    }
    auto c = index.hourly_counts(query, filters);
    if (!c) return tl::unexpected(c.error());
    for (const HourCount& h : c->counts) {
      lo = std::min(lo, h.hour);
      hi = std::max(hi, h.hour);
    }
    counts.push_back(std::move(*c));
  }
  Instant from, to;
  if (explicit_range) {
    from = *filters.from;
    to = *filters.to;
  } else {
    const int64_t fallback = request.interval == Interval::kDay ? 30 * 86400 : 48 * 3600;
    if (lo <= hi) {
      from = filters.from.value_or(Instant(std::chrono::seconds(lo * 3600)));
      to = filters.to.value_or(Instant(std::chrono::seconds((hi + 1) * 3600)));
    } else {
      to = filters.to.value_or(filters.from ? *filters.from + std::chrono::seconds(fallback) : request.now);
      from = filters.from.value_or(to - std::chrono::seconds(fallback));
    }
    from = Instant(std::chrono::seconds(floor_div(seconds(from), size) * size));
    if (from >= to) to = from + std::chrono::seconds(size);
    const auto span = std::chrono::seconds(static_cast<int64_t>(kMaxBuckets) * size);
    if (to - from > span) {
      if (filters.from) {
        to = from + span;
      } else {
        from = Instant(std::chrono::seconds((floor_div(seconds(to) - 1, size) + 1) * size)) - span;
      }
    }
  }
  auto buckets = attention_buckets(from, to, request.interval);
  if (!buckets) return tl::unexpected(buckets.error());
  Attention out;
  out.interval = request.interval;
  out.from = buckets->front();
  out.to = buckets->back() + std::chrono::seconds(size);
  out.buckets = std::move(*buckets);
  const int64_t per_bucket = size / 3600;
  const int64_t first_hour = seconds(out.from) / 3600;
  for (size_t q = 0; q < request.queries.size(); ++q) {
    AttentionSeries s;
    s.query = request.queries[q];
    s.articles.assign(out.buckets.size(), 0);
    s.outlets.assign(out.buckets.size(), 0);
    std::vector<std::set<std::string>> outlets(out.buckets.size());
    s.complete = counts[q].complete;
    for (const HourCount& c : counts[q].counts) {
      const int64_t b = floor_div(c.hour - first_hour, per_bucket);
      if (b < 0 || b >= static_cast<int64_t>(out.buckets.size())) continue;
      s.articles[b] += c.articles;
      s.total_articles += c.articles;
      outlets[b].insert(c.outlet);
    }
    for (size_t b = 0; b < outlets.size(); ++b) s.outlets[b] = static_cast<int64_t>(outlets[b].size());
    out.series.push_back(std::move(s));
  }
  return out;
}

}  // namespace tidings::search
