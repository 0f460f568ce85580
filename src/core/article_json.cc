// JSON serialisation of articles (see article_json.h).
#include "core/article_json.h"

namespace tidings {

namespace {

nlohmann::json string_or_null(const std::string& s) {
  return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s);
}

nlohmann::json time_or_null(const std::optional<Instant>& t) {
  return t ? nlohmann::json(format_rfc3339(*t)) : nlohmann::json(nullptr);
}

}  // namespace

nlohmann::json article_to_json(const Article& a) {
  nlohmann::json links = nlohmann::json::array();
  for (const auto& l : a.source_links) {
    links.push_back({{"url", string_or_null(l.url)},
                     {"text", l.text},
                     {"kind", l.kind},
                     {"agency", string_or_null(l.agency)}});
  }
  return {
      {"url", string_or_null(a.url)},
      {"canonical_url", string_or_null(a.canonical_url)},
      {"title", string_or_null(a.title)},
      {"byline", string_or_null(a.byline)},
      {"authors", a.authors},
      {"published_at", time_or_null(a.published_at)},
      {"modified_at", time_or_null(a.modified_at)},
      {"utc_offset_minutes", a.utc_offset_minutes ? nlohmann::json(*a.utc_offset_minutes)
                                                  : nlohmann::json(nullptr)},
      {"language", string_or_null(a.language)},
      {"site_name", string_or_null(a.site_name)},
      {"image", string_or_null(a.image)},
      {"section", string_or_null(a.section)},
      {"tags", a.tags},
      {"text", a.text},
      {"source_links", links},
  };
}

nlohmann::json stored_article_to_json(const StoredArticle& s) {
  nlohmann::json j = article_to_json(s.article);
  j["id"] = s.id;
  j["document_id"] = s.document_id;
  j["outlet"] = string_or_null(s.outlet);
  j["fetched_at"] = format_rfc3339(s.fetched_at);
  return j;
}

std::string dump_json(const nlohmann::json& j, int indent) {
  return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace tidings
