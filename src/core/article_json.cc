// JSON serialisation of articles (see article_json.h).
#include "core/article_json.h"

namespace tidings {

namespace {

nlohmann::json string_or_null(const std::string& s) {
  return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s);
}

}  // namespace

nlohmann::json article_to_json(const Article& a) {
  nlohmann::json links = nlohmann::json::array();
  for (const auto& l : a.source_links) {
    links.push_back({{"url", l.url}, {"text", l.text}, {"kind", l.kind}});
  }
  return {
      {"url", string_or_null(a.url)},
      {"canonical_url", string_or_null(a.canonical_url)},
      {"title", string_or_null(a.title)},
      {"byline", string_or_null(a.byline)},
      {"published_at", a.published_at ? nlohmann::json(format_rfc3339(*a.published_at))
                                      : nlohmann::json(nullptr)},
      {"language", string_or_null(a.language)},
      {"site_name", string_or_null(a.site_name)},
      {"image", string_or_null(a.image)},
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
