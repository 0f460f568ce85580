// The JSON form of copies and stories, shared by `tidings article --json`,
// `tidings story --json`, `tidings stories --json` and the HTTP API so they
// never drift apart (docs/json.md, docs/api.md). Times RFC 3339 UTC;
// missing values null.
#pragma once

#include <nlohmann/json.hpp>

#include "store/stories.h"

namespace tidings {

/// Adds copy_of ({id, url, outlet, title, similarity, reason} or null),
/// copies ([{id, outlet, url, title, published_at, similarity}]),
/// first_reported_by ({id, outlet, url, title, published_at} or null) and
/// story (id or null) to an article's JSON object.
void add_relations_to_json(nlohmann::json& article, const ArticleRelations& relations);

/// id, headline, created_at, first_published_at, last_published_at,
/// article_count, outlet_count, first_reported_by: the story lists' items.
nlohmann::json story_summary_to_json(const Story& story);

/// The summary plus articles (originals oldest first, each with its
/// `copies` nested) and coverage ({bucket, bucket_seconds, buckets:
/// [{start, articles, outlets}]}).
nlohmann::json story_detail_to_json(const StoryDetail& detail);

}  // namespace tidings
