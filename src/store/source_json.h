// The JSON form of a registered source, shared by `tidings sources list
// --json`, `tidings status --json` and GET /api/sources.
#pragma once

#include <nlohmann/json.hpp>

#include "store/source_health.h"
#include "store/store.h"

namespace tidings {

/// id, url, name, kind, every_seconds, enabled, created_at, feed_url,
/// last_fetch_at, last_status, last_error, next_poll_at, items_found,
/// articles; null where unknown.
nlohmann::json source_to_json(const Source& source);

/// The `health` object of a source (docs/api.md): ok, flags [{code,
/// message}], the window's counts (fetched, articles, empty, short, blocked,
/// paywalled, needs_javascript, failed, errors), window_since, yield,
/// earlier_fetched, earlier_yield, usual_length, last_article_at,
/// usual_interval_seconds; null where unknown.
nlohmann::json source_health_to_json(const SourceHealth& health);

/// {"sources": [each source with its "health"], "frontier_pending"}: the
/// document of `tidings status --json` and GET /api/sources.
nlohmann::json sources_overview_to_json(const SourcesOverview& overview);

}  // namespace tidings
