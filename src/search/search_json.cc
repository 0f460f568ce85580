// JSON of search results and attention (search_json.h).
#include "search/search_json.h"

namespace tidings::search {

namespace {

// Code points in s[0, byte).
int64_t code_points(const std::string& s, size_t byte) {
  int64_t n = 0;
  for (size_t i = 0; i < byte && i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) ++n;
  }
  return n;
}

}  // namespace

nlohmann::json hit_to_json(const Hit& h) {
  nlohmann::json spans = nlohmann::json::array();
  for (const Span& s : h.highlights) {
    spans.push_back({code_points(h.snippet, s.start), code_points(h.snippet, s.end)});
  }
  return {{"article_id", h.article_id},
          {"title", h.title},
          {"url", h.url},
          {"outlet", h.outlet},
          {"language", h.language},
          {"published_at", format_rfc3339(h.published_at)},
          {"story_id", h.story_id > 0 ? nlohmann::json(h.story_id) : nlohmann::json(nullptr)},
          {"score", h.score},
          {"snippet", h.snippet},
          {"highlights", spans}};
}

nlohmann::json results_to_json(const SearchResults& r) {
  nlohmann::json hits = nlohmann::json::array();
  for (const Hit& h : r.hits) hits.push_back(hit_to_json(h));
  return {{"total", r.total}, {"total_exact", r.exact}, {"hits", hits}};
}

nlohmann::json attention_to_json(const Attention& a) {
  nlohmann::json buckets = nlohmann::json::array();
  for (Instant b : a.buckets) buckets.push_back(format_rfc3339(b));
  nlohmann::json series = nlohmann::json::array();
  for (const AttentionSeries& s : a.series) {
    series.push_back({{"query", s.query},
                      {"articles", s.articles},
                      {"outlets", s.outlets},
                      {"total_articles", s.total_articles},
                      {"complete", s.complete}});
  }
  return {{"interval", interval_name(a.interval)},
          {"from", format_rfc3339(a.from)},
          {"to", format_rfc3339(a.to)},
          {"buckets", buckets},
          {"series", series}};
}

}  // namespace tidings::search
