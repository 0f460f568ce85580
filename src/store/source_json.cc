// JSON serialisation of sources (see source_json.h).
#include "store/source_json.h"

namespace tidings {

nlohmann::json source_to_json(const Source& s) {
  auto time_or_null = [](const std::optional<Instant>& t) {
    return t ? nlohmann::json(format_rfc3339(*t)) : nlohmann::json(nullptr);
  };
  auto string_or_null = [](const std::string& v) {
    return v.empty() ? nlohmann::json(nullptr) : nlohmann::json(v);
  };
  return {{"id", s.id},
          {"url", s.url},
          {"name", string_or_null(s.name)},
          {"kind", s.kind},
          {"every_seconds", s.every_seconds},
          {"enabled", s.enabled},
          {"created_at", format_rfc3339(s.created_at)},
          {"feed_url", string_or_null(s.feed_url)},
          {"last_fetch_at", time_or_null(s.last_fetch_at)},
          {"last_status", s.last_status == 0 ? nlohmann::json(nullptr) : nlohmann::json(s.last_status)},
          {"last_error", string_or_null(s.last_error)},
          {"last_warning", string_or_null(s.last_warning)},
          {"next_poll_at", time_or_null(s.next_poll_at)},
          {"items_found", s.items_found},
          {"articles", s.articles},
          {"frontier_pending", s.frontier_pending},
          {"frontier_failed", s.frontier_failed}};
}

}  // namespace tidings
