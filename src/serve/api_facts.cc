// The JSON API of facts: an article's facts, a story's facts counted per
// claim, and where a story's sources disagree (see handlers.h; shapes in
// docs/api.md, built by store/fact_json.h).
#include <nlohmann/json.hpp>

#include "core/duration.h"
#include "serve/handlers.h"
#include "store/fact_json.h"

namespace tidings::serve {

namespace {

// A store error for a story or article id: kNotFound is the client's 404.
Reply not_found_or_store_error(const Error& error, std::string_view what, int64_t id) {
  if (error.code == ErrorCode::kNotFound) {
    return json_error(404, "not_found", "no " + std::string(what) + " " + std::to_string(id));
  }
  return store_error_reply(error);
}

}  // namespace

Result<int64_t> parse_window_param(const QueryParams& params) {
  auto window = single_param(params, "window");
  if (!window) return tl::unexpected(window.error());
  if (!*window) return kDefaultDisagreementWindowSeconds;
  const auto seconds = parse_duration(**window);
  if (!seconds) {
    return fail(ErrorCode::kInvalidInput,
                "window must be a duration such as 24h, 90m, 2d or 1h30m, from 1s to 30d");
  }
  return *seconds;
}

Reply api_article_facts(Store& store, std::string_view id_text) {
  const auto id = parse_article_id(id_text);
  if (!id) return json_error(400, "invalid_parameter", id.error().message);
  const auto facts = store.article_facts(*id);
  if (!facts) return not_found_or_store_error(facts.error(), "article", *id);
  nlohmann::json body = article_facts_to_json(*facts);
  body["href"] = "/api/articles/" + std::to_string(*id);
  return json_reply(200, body);
}

Reply api_story_facts(Store& store, std::string_view id_text) {
  const auto id = parse_story_id(id_text);
  if (!id) return json_error(400, "invalid_parameter", id.error().message);
  const auto facts = store.story_facts(*id);
  if (!facts) return not_found_or_store_error(facts.error(), "story", *id);
  nlohmann::json body = story_facts_to_json(*facts);
  body["disagreements_href"] = "/api/stories/" + std::to_string(*id) + "/disagreements";
  return json_reply(200, body);
}

Reply api_story_disagreements(Store& store, std::string_view id_text, const QueryParams& params) {
  const auto id = parse_story_id(id_text);
  if (!id) return json_error(400, "invalid_parameter", id.error().message);
  const auto window = parse_window_param(params);
  if (!window) return json_error(400, "invalid_parameter", window.error().message);
  const auto found = store.figure_disagreements(*id, *window);
  if (!found) return not_found_or_store_error(found.error(), "story", *id);
  return json_reply(200, disagreements_to_json(*found));
}

}  // namespace tidings::serve
