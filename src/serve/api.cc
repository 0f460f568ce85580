// The JSON API handlers: /api/articles, /api/articles/{id}, /healthz
// (see handlers.h; shapes in docs/api.md).
#include <nlohmann/json.hpp>

#include "core/article_json.h"
#include "serve/handlers.h"
#include "store/source_json.h"
#include "store/story_json.h"

namespace tidings::serve {

Reply json_reply(int status, const nlohmann::json& body) {
  return Reply{status, std::string(kJsonType), dump_json(body) + "\n"};
}

Reply store_error_reply(const Error& error) {
  if (error.code == ErrorCode::kNotFound) return json_error(404, "not_found", error.message);
  return json_error(500, "store_error", "store: " + error.message);
}

Result<ArticlePage> fetch_article_page(Store& store, const ListParams& params) {
  ArticleQuery query;
  query.limit = params.limit + 1;
  query.offset = params.offset;
  query.before_id = params.before_id;
  auto listed = store.list_articles(query);
  if (!listed) return tl::unexpected(listed.error());
  ArticlePage page;
  page.articles = std::move(*listed);
  if (page.articles.size() > static_cast<size_t>(params.limit)) {
    page.articles.resize(static_cast<size_t>(params.limit));
    page.has_more = true;
  }
  return page;
}

Reply json_error(int status, std::string_view code, std::string_view message) {
  return json_reply(status, {{"error", {{"code", code}, {"message", message}}}});
}

Reply api_list_articles(Store& store, const QueryParams& query) {
  const auto params = parse_list_params(query);
  if (!params) return json_error(400, "invalid_parameter", params.error().message);
  const auto page = fetch_article_page(store, *params);
  if (!page) return store_error_reply(page.error());
  nlohmann::json articles = nlohmann::json::array();
  for (const StoredArticle& a : page->articles) articles.push_back(stored_article_to_json(a));
  nlohmann::json next = nullptr;
  if (page->has_more && !page->articles.empty()) {
    next = next_page_href("/api/articles", params->limit, page->articles.back().id);
  }
  return json_reply(200, {{"articles", std::move(articles)}, {"next", std::move(next)}});
}

Reply api_get_article(Store& store, std::string_view id_text) {
  const auto id = parse_article_id(id_text);
  if (!id) return json_error(400, "invalid_parameter", id.error().message);
  const auto article = store.get_article(*id);
  if (!article) {
    if (article.error().code == ErrorCode::kNotFound) {
      return json_error(404, "not_found", "no article " + std::to_string(*id));
    }
    return store_error_reply(article.error());
  }
  nlohmann::json body = stored_article_to_json(*article);
  const auto relations = store.article_relations(*id);
  if (!relations) return store_error_reply(relations.error());
  add_relations_to_json(body, *relations);
  return json_reply(200, body);
}

Reply api_health(Store& store) {
  const auto counts = store.counts();
  if (!counts) return store_error_reply(counts.error());
  return json_reply(200, {{"status", "ok"},
                          {"documents", counts->documents},
                          {"articles", counts->articles},
                          {"failures", counts->failures}});
}

Reply api_list_sources(Store& store) {
  const auto overview = sources_overview(store, now_seconds());
  if (!overview) return store_error_reply(overview.error());
  return json_reply(200, sources_overview_to_json(*overview));
}

}  // namespace tidings::serve
