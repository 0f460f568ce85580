// The JSON form of articles, shared by `tidings extract --json`,
// `tidings article --json` and the HTTP API so the three never drift apart.
// Field names are snake_case; times RFC 3339 UTC; missing values are null.
// docs/json.md documents the shape.
#pragma once

#include <nlohmann/json.hpp>

#include "core/types.h"

namespace tidings {

/// url, canonical_url, title, byline, authors[], published_at, modified_at,
/// utc_offset_minutes, language, site_name, image, section, tags[], text,
/// source_links[{url, text, kind, agency}].
nlohmann::json article_to_json(const Article& a);

/// article_to_json plus id, document_id, outlet, fetched_at.
nlohmann::json stored_article_to_json(const StoredArticle& a);

/// Dumps with invalid UTF-8 replaced (U+FFFD) rather than throwing.
std::string dump_json(const nlohmann::json& j, int indent = -1);

}  // namespace tidings
