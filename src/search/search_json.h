// Search results and attention as JSON (docs/api.md "Search"), shared by
// `tidings search --json` and the API so both print the same shape.
#pragma once

#include <nlohmann/json.hpp>

#include "search/search.h"

namespace tidings::search {

/// {"article_id", "title", "url", "outlet", "language", "published_at",
/// "story_id" (null when none), "score", "snippet", "highlights":
/// [[start, end], ...]} with the highlight offsets in Unicode code points
/// of the snippet.
nlohmann::json hit_to_json(const Hit& hit);
/// {"total", "total_exact", "hits": [...]}.
nlohmann::json results_to_json(const SearchResults& results);
/// {"interval", "from", "to", "buckets": [RFC 3339...], "series": [{"query",
/// "articles": [...], "outlets": [...], "total_articles", "complete"}]}; "complete" is false
/// when a count stopped at the query time bound (its numbers a lower bound).
nlohmann::json attention_to_json(const Attention& attention);

}  // namespace tidings::search
