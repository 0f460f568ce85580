// JSON serialisation of sources (see source_json.h).
#include "store/source_json.h"

#include <cmath>

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

nlohmann::json source_health_to_json(const SourceHealth& h) {
  auto or_null = [](const auto& v) {
    return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
  };
  auto time_or_null = [](const std::optional<Instant>& t) {
    return t ? nlohmann::json(format_rfc3339(*t)) : nlohmann::json(nullptr);
  };
  auto rounded = [](const std::optional<double>& v) {
    return v ? nlohmann::json(std::round(*v * 1000) / 1000) : nlohmann::json(nullptr);
  };
  nlohmann::json flags = nlohmann::json::array();
  for (const HealthFlag& f : h.flags) flags.push_back({{"code", f.code}, {"message", f.message}});
  return {{"ok", h.ok()},
          {"flags", std::move(flags)},
          {"fetched", h.fetched},
          {"articles", h.articles},
          {"empty", h.empty},
          {"short", h.short_pages},
          {"blocked", h.blocked},
          {"paywalled", h.paywalled},
          {"needs_javascript", h.needs_javascript},
          {"failed", h.failed},
          {"errors", h.errors},
          {"window_since", time_or_null(h.window_since)},
          {"yield", rounded(h.yield)},
          {"earlier_fetched", h.earlier_fetched},
          {"earlier_yield", rounded(h.earlier_yield)},
          {"usual_length", or_null(h.usual_length)},
          {"last_article_at", time_or_null(h.last_article_at)},
          {"usual_interval_seconds", or_null(h.usual_interval_seconds)}};
}

nlohmann::json sources_overview_to_json(const SourcesOverview& overview) {
  nlohmann::json list = nlohmann::json::array();
  for (size_t i = 0; i < overview.sources.size(); ++i) {
    nlohmann::json j = source_to_json(overview.sources[i]);
    j["health"] = source_health_to_json(overview.health[i]);
    list.push_back(std::move(j));
  }
  return {{"sources", std::move(list)}, {"frontier_pending", overview.frontier_pending}};
}

}  // namespace tidings
