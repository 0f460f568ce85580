// The JSON form of a registered source, shared by `tidings sources list
// --json`, `tidings status --json` and GET /api/sources.
#pragma once

#include <nlohmann/json.hpp>

#include "store/store.h"

namespace tidings {

/// id, url, name, kind, every_seconds, enabled, created_at, feed_url,
/// last_fetch_at, last_status, last_error, next_poll_at, items_found,
/// articles; null where unknown.
nlohmann::json source_to_json(const Source& source);

}  // namespace tidings
