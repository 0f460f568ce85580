// The HTML handlers of stories: the story list and a story's page (see
// handlers.h); rendering is in story_pages.cc.
#include "serve/handlers.h"
#include "serve/pages.h"

namespace tidings::serve {

namespace {

Reply html_reply(int status, std::string body) {
  return Reply{status, std::string(kHtmlType), std::move(body)};
}

}  // namespace

Reply page_stories(Store& store, const QueryParams& query) {
  const auto params = parse_story_list_params(query);
  if (!params) return html_error(400, "Bad request", params.error().message);
  auto page = fetch_story_page(store, *params);
  if (!page) return html_error(500, "Store error", "The store failed: " + page.error().message);
  StoryListPage list;
  list.stories = std::move(page->stories);
  list.sort = params->sort;
  list.first_page = !params->list.before_id && params->list.offset == 0;
  if (page->has_more && !list.stories.empty()) {
    list.older_href = story_next_href("/stories", *params, list.stories.back().id);
  }
  return html_reply(200, render_story_list_page(list));
}

Reply page_story(Store& store, std::string_view id_text) {
  const auto id = parse_story_id(id_text);
  if (!id) return html_error(400, "Bad request", id.error().message);
  const auto story = store.get_story(*id);
  if (!story) {
    if (story.error().code == ErrorCode::kNotFound) {
      return html_error(404, "Not found", "There is no story " + std::to_string(*id) + ".");
    }
    return html_error(500, "Store error", "The store failed: " + story.error().message);
  }
  // The facts are a nicety: without them the story still shows.
  std::optional<StoryFactsView> facts;
  if (auto found = store.story_facts(*id)) {
    facts.emplace();
    facts->disagreements = find_disagreements(found->figures, kDefaultDisagreementWindowSeconds);
    facts->facts = std::move(*found);
  }
  return html_reply(200, render_story_page(*story, facts ? &*facts : nullptr));
}

}  // namespace tidings::serve
