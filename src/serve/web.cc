// The HTML handlers: the home page (top stories, then the article list),
// the article page and the sources (see handlers.h); rendering itself is
// in pages.cc.
#include "serve/handlers.h"
#include "serve/pages.h"

namespace tidings::serve {

namespace {

constexpr int kHomeStories = 10;
constexpr int kVolumeDays = 14;  // the sources page's articles per day

Reply html_reply(int status, std::string body) {
  return Reply{status, std::string(kHtmlType), std::move(body)};
}

Reply store_error_page(const Error& error) {
  return html_error(500, "Store error", "The store failed: " + error.message);
}

}  // namespace

Reply html_error(int status, std::string_view title, std::string_view message) {
  return html_reply(status, render_error_page(status, title, message));
}

Reply page_list(Store& store, const QueryParams& query) {
  const auto params = parse_list_params(query);
  if (!params) return html_error(400, "Bad request", params.error().message);
  auto page = fetch_article_page(store, *params);
  if (!page) return store_error_page(page.error());
  ListPage list;
  list.articles = std::move(page->articles);
  list.first_page = !params->before_id && params->offset == 0;
  if (page->has_more && !list.articles.empty()) {
    list.older_href = next_page_href("/", params->limit, list.articles.back().id);
  }
  // The counts and top stories are niceties: a failure here does not fail
  // the page.
  if (auto counts = store.counts()) list.counts = *counts;
  if (list.first_page) {
    if (auto top = fetch_top_stories(store, kHomeStories)) list.top_stories = std::move(*top);
  }
  return html_reply(200, render_list_page(list));
}

Reply page_article(Store& store, std::string_view id_text) {
  const auto id = parse_article_id(id_text);
  if (!id) return html_error(400, "Bad request", id.error().message);
  const auto article = store.get_article(*id);
  if (!article) {
    if (article.error().code == ErrorCode::kNotFound) {
      return html_error(404, "Not found", "There is no article " + std::to_string(*id) + ".");
    }
    return store_error_page(article.error());
  }
  // Copies and story are a nicety too: without them the article still shows.
  const auto relations = store.article_relations(*id);
  const auto facts = store.article_facts(*id);
  return html_reply(200, render_article_page(*article, relations ? &*relations : nullptr,
                                             facts ? &*facts : nullptr));
}

Reply page_sources(Store& store) {
  const auto overview = sources_overview(store, now_seconds());
  if (!overview) return store_error_page(overview.error());
  // Each source's articles per day: a nicety, left out when a read fails.
  const Instant now = now_seconds();
  std::vector<SourceVolume> volumes;
  for (const Source& s : overview->sources) {
    auto history = store.source_history(s.id, 1, kHealthArticleTimes);
    if (!history) {
      volumes.clear();
      break;
    }
    volumes.push_back(source_volume(
        history->article_times, now, kVolumeDays,
        static_cast<int>(history->article_times.size()) >= kHealthArticleTimes));
  }
  return html_reply(200, render_sources_page(overview->sources, overview->frontier_pending,
                                             overview->health, volumes));
}

}  // namespace tidings::serve
