// The JSON API of stories: GET /api/stories and GET /api/stories/{id}
// (see handlers.h; shapes in docs/api.md, built by store/story_json.h).
#include <nlohmann/json.hpp>

#include "serve/handlers.h"
#include "store/story_json.h"

namespace tidings::serve {

Reply api_list_stories(Store& store, const QueryParams& query) {
  const auto params = parse_story_list_params(query);
  if (!params) return json_error(400, "invalid_parameter", params.error().message);
  const auto page = fetch_story_page(store, *params);
  if (!page) return store_error_reply(page.error());
  nlohmann::json stories = nlohmann::json::array();
  for (const Story& s : page->stories) {
    nlohmann::json j = story_summary_to_json(s);
    j["href"] = "/api/stories/" + std::to_string(s.id);
    stories.push_back(std::move(j));
  }
  nlohmann::json next = nullptr;
  if (page->has_more && !page->stories.empty()) {
    next = story_next_href("/api/stories", *params, page->stories.back().id);
  }
  return json_reply(200, {{"stories", std::move(stories)}, {"next", std::move(next)}});
}

Reply api_get_story(Store& store, std::string_view id_text) {
  const auto id = parse_story_id(id_text);
  if (!id) return json_error(400, "invalid_parameter", id.error().message);
  const auto story = store.get_story(*id);
  if (!story) {
    if (story.error().code == ErrorCode::kNotFound) {
      return json_error(404, "not_found", "no story " + std::to_string(*id));
    }
    return store_error_reply(story.error());
  }
  return json_reply(200, story_detail_to_json(*story));
}

}  // namespace tidings::serve
