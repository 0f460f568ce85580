// JSON of copies and stories (see story_json.h; shapes in docs/api.md).
#include "store/story_json.h"

#include <cmath>

#include "store/json_values.h"

namespace tidings {

namespace {

using nlohmann::json;

using json_values::string_or_null;
using json_values::time_or_null;

// Three decimals: the estimate is not more precise than that.
json similarity_or_null(const std::optional<double>& s) {
  if (!s || !std::isfinite(*s)) return nullptr;
  return std::round(*s * 1000) / 1000;
}

json ref_to_json(const ArticleRef& r) {
  return {{"id", r.id},
          {"outlet", string_or_null(r.outlet)},
          {"url", string_or_null(r.url)},
          {"title", string_or_null(r.title)},
          {"published_at", time_or_null(r.published_at)}};
}

json optional_ref(const std::optional<ArticleRef>& r) {
  return r ? ref_to_json(*r) : json(nullptr);
}

json copy_to_json(const ArticleRef& r) {
  json j = ref_to_json(r);
  j["similarity"] = similarity_or_null(r.similarity);
  j["copy_reason"] = string_or_null(r.copy_reason);
  return j;
}

}  // namespace

void add_relations_to_json(json& article, const ArticleRelations& rel) {
  if (rel.copy_of) {
    json original = ref_to_json(*rel.copy_of);
    original["similarity"] = similarity_or_null(rel.similarity);
    original["reason"] = string_or_null(rel.copy_reason);
    article["copy_of"] = std::move(original);
  } else {
    article["copy_of"] = nullptr;
  }
  json copies = json::array();
  for (const ArticleRef& c : rel.copies) copies.push_back(copy_to_json(c));
  article["copies"] = std::move(copies);
  article["first_reported_by"] = optional_ref(rel.first_reported_by);
  article["story"] = rel.story_id ? json(*rel.story_id) : json(nullptr);
}

json story_summary_to_json(const Story& s) {
  return {{"id", s.id},
          {"headline", string_or_null(s.headline)},
          {"created_at", format_rfc3339(s.created_at)},
          {"first_published_at", time_or_null(s.first_published_at)},
          {"last_published_at", time_or_null(s.last_published_at)},
          {"article_count", s.article_count},
          {"outlet_count", s.outlet_count},
          {"first_reported_by", optional_ref(s.first_reported_by)}};
}

json story_detail_to_json(const StoryDetail& d) {
  json j = story_summary_to_json(d.story);
  json articles = json::array();
  for (const StoryEntry& e : fold_copies(d.articles)) {
    json a = ref_to_json(e.article);
    a["copy_of"] = e.article.copy_of ? json(*e.article.copy_of) : json(nullptr);
    a["similarity"] = similarity_or_null(e.article.similarity);
    json copies = json::array();
    for (const ArticleRef& c : e.copies) copies.push_back(copy_to_json(c));
    a["copies"] = std::move(copies);
    articles.push_back(std::move(a));
  }
  j["articles"] = std::move(articles);
  const Coverage coverage = story_coverage(d.articles);
  json buckets = json::array();
  for (const CoverageBucket& b : coverage.buckets) {
    buckets.push_back(
        {{"start", format_rfc3339(b.start)}, {"articles", b.articles}, {"outlets", b.outlets}});
  }
  j["coverage"] = {{"bucket", coverage.bucket_seconds == 86400 ? "day" : "hour"},
                   {"bucket_seconds", coverage.bucket_seconds},
                   {"buckets", std::move(buckets)}};
  return j;
}

}  // namespace tidings
