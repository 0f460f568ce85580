// Source health (see source_health.h): counts over the recent window,
// baselines from the earlier history, flags with their reasons.
#include "store/source_health.h"

#include <algorithm>
#include <cmath>

namespace tidings {

namespace {

template <typename T>
std::optional<T> median(std::vector<T> v) {
  if (v.empty()) return std::nullopt;
  const size_t mid = v.size() / 2;
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(mid), v.end());
  return v[mid];
}

std::string percent(double share) {
  return std::to_string(static_cast<int>(std::lround(share * 100))) + "%";
}

std::string of_recent(int64_t n, int64_t fetched) {
  return std::to_string(n) + " of " + std::to_string(fetched) + " recent " +
         (fetched == 1 ? "page" : "pages");
}

bool flag_worthy(int64_t n, int64_t fetched) {
  return fetched > 0 && n >= kHealthMinFlagPages &&
         static_cast<double>(n) >= kHealthFlagShare * static_cast<double>(fetched);
}

void count(SourceHealth& h, const FetchRecord& r, std::optional<int64_t> usual_length) {
  ++h.fetched;
  if (r.outcome == "article") {
    ++h.articles;
    if (usual_length && static_cast<double>(r.text_length) <
                            kHealthShortShare * static_cast<double>(*usual_length)) {
      ++h.short_pages;
    }
  } else if (r.outcome == "empty") {
    ++h.empty;
  } else if (r.outcome == "blocked") {
    ++h.blocked;
  } else if (r.outcome == "paywalled") {
    ++h.paywalled;
  } else if (r.outcome == "needs_javascript") {
    ++h.needs_javascript;
  } else if (r.outcome == "failed") {
    ++h.failed;
  } else {
    ++h.errors;
  }
}

void flag_pages(SourceHealth& h) {
  const int64_t n = h.fetched;
  if (flag_worthy(h.blocked, n)) {
    h.flags.push_back({"blocked", of_recent(h.blocked, n) +
                                      " were blocked (HTTP 403/429/451 or a bot challenge)"});
  }
  if (flag_worthy(h.paywalled, n)) {
    h.flags.push_back({"paywalled", of_recent(h.paywalled, n) + " were behind a paywall"});
  }
  if (flag_worthy(h.needs_javascript, n)) {
    h.flags.push_back({"needs_javascript",
                       of_recent(h.needs_javascript, n) + " were empty without JavaScript"});
  }
  const int64_t thin = h.empty + h.short_pages;
  if (flag_worthy(thin, n)) {
    std::string usual;
    if (h.usual_length) {
      usual = " (under " + percent(kHealthShortShare) + " of the usual " +
              std::to_string(*h.usual_length) + " characters)";
    }
    h.flags.push_back({"empty_or_short", of_recent(thin, n) +
                                             " gave no text or far less than usual" + usual +
                                             ": has the page layout changed?"});
  }
}

void flag_yield(SourceHealth& h) {
  if (!h.yield || !h.earlier_yield || *h.earlier_yield <= 0) return;
  if (h.fetched < kHealthMinYieldWindow || h.earlier_fetched < kHealthMinYieldHistory) return;
  if (*h.yield < kHealthYieldDropRatio * *h.earlier_yield) {
    h.flags.push_back({"yield_drop", "yield fell to " + percent(*h.yield) +
                                         " of fetched pages giving an article, from " +
                                         percent(*h.earlier_yield) + " before"});
  }
}

void flag_gap(SourceHealth& h, const SourceHistory& history, int64_t poll_every, Instant now) {
  if (history.article_times.size() < static_cast<size_t>(kHealthMinRhythmArticles)) return;
  std::vector<int64_t> intervals;
  for (size_t i = 1; i < history.article_times.size(); ++i) {
    const auto d = std::chrono::duration_cast<std::chrono::seconds>(history.article_times[i - 1] -
                                                                    history.article_times[i]);
    intervals.push_back(std::max<int64_t>(0, d.count()));
  }
  h.usual_interval_seconds = median(intervals);
  if (!h.last_article_at || !h.usual_interval_seconds) return;
  const int64_t minimum = std::max<int64_t>(
      std::chrono::duration_cast<std::chrono::seconds>(kHealthMinGap).count(), 2 * poll_every);
  const int64_t limit = std::max(kHealthGapFactor * *h.usual_interval_seconds, minimum);
  const int64_t gap =
      std::chrono::duration_cast<std::chrono::seconds>(now - *h.last_article_at).count();
  if (gap > limit) {
    h.flags.push_back({"coverage_gap", "no new article for " + human_duration(gap) +
                                           "; usually one every " +
                                           human_duration(*h.usual_interval_seconds)});
  }
}

}  // namespace

std::string human_duration(int64_t seconds) {
  if (seconds < 60) return std::to_string(std::max<int64_t>(seconds, 0)) + " s";
  if (seconds < 3600) return std::to_string(seconds / 60) + " min";
  if (seconds < 2 * 86400) return std::to_string(seconds / 3600) + " h";
  return std::to_string(seconds / 86400) + " days";
}

SourceHealth assess_source_health(const SourceHistory& history, int64_t poll_every_seconds,
                                  Instant now) {
  SourceHealth h;
  std::vector<const FetchRecord*> window, earlier;
  for (const FetchRecord& r : history.fetches) {  // newest first
    if (r.outcome == "unchanged") continue;
    const bool recent = now - r.fetched_at <= kHealthWindowAge;
    if (earlier.empty() && recent && window.size() < static_cast<size_t>(kHealthWindowFetches)) {
      window.push_back(&r);
    } else if (earlier.size() < static_cast<size_t>(kHealthHistoryFetches)) {
      earlier.push_back(&r);
    }
  }
  std::vector<int64_t> lengths;
  int64_t earlier_articles = 0;
  for (const FetchRecord* r : earlier) {
    if (r->outcome != "article") continue;
    ++earlier_articles;
    lengths.push_back(r->text_length);
  }
  h.earlier_fetched = static_cast<int64_t>(earlier.size());
  if (!earlier.empty()) {
    h.earlier_yield = static_cast<double>(earlier_articles) / static_cast<double>(earlier.size());
  }
  if (lengths.size() >= static_cast<size_t>(kHealthMinBaseline)) h.usual_length = median(lengths);
  for (const FetchRecord* r : window) count(h, *r, h.usual_length);
  if (!window.empty()) {
    h.window_since = window.back()->fetched_at;
    h.yield = static_cast<double>(h.articles) / static_cast<double>(h.fetched);
  }
  h.last_article_at = history.last_article_stored_at;
  flag_pages(h);
  flag_yield(h);
  flag_gap(h, history, poll_every_seconds, now);
  return h;
}

Result<SourceHealth> source_health(Store& store, const Source& source, Instant now) {
  auto history = store.source_history(source.id, kHealthWindowFetches + kHealthHistoryFetches,
                                      kHealthArticleTimes);
  if (!history) return tl::unexpected(history.error());
  return assess_source_health(*history, source.every_seconds, now);
}

Result<std::vector<SourceHealth>> sources_health(Store& store, const std::vector<Source>& sources,
                                                 Instant now) {
  std::vector<SourceHealth> out;
  out.reserve(sources.size());
  for (const Source& s : sources) {
    auto h = source_health(store, s, now);
    if (!h) return tl::unexpected(h.error());
    out.push_back(std::move(*h));
  }
  return out;
}

Result<SourcesOverview> sources_overview(Store& store, Instant now) {
  SourcesOverview out;
  auto sources = store.list_sources();
  if (!sources) return tl::unexpected(sources.error());
  out.sources = std::move(*sources);
  auto pending = store.frontier_pending();
  if (!pending) return tl::unexpected(pending.error());
  out.frontier_pending = *pending;
  auto health = sources_health(store, out.sources, now);
  if (!health) return tl::unexpected(health.error());
  out.health = std::move(*health);
  return out;
}

}  // namespace tidings
