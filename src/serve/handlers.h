// The server's request handlers as functions from (store, parameters) to a
// reply, kept apart from httplib so they can be tested without sockets.
// server.cc routes requests to them. Private to src/serve.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/error.h"
#include "search/search.h"
#include "store/store.h"

namespace tidings::serve {

/// Decoded query parameters (the same type as httplib::Params).
using QueryParams = std::multimap<std::string, std::string>;

inline constexpr std::string_view kJsonType = "application/json; charset=utf-8";
inline constexpr std::string_view kHtmlType = "text/html; charset=utf-8";

struct Reply {
  int status = 200;
  std::string content_type;
  std::string body;
  /// Extra response headers (the feeds' ETag and Last-Modified).
  std::vector<std::pair<std::string, std::string>> headers = {};
};

// --- params.cc: strict parsing of hostile query strings ---

inline constexpr int kDefaultLimit = 50;
inline constexpr int kMaxLimit = 200;
inline constexpr int kMaxOffset = 1'000'000;

/// limit (1..200, default 50), offset (0..1,000,000), before_id (>= 1).
struct ListParams {
  int limit = kDefaultLimit;
  int offset = 0;
  std::optional<int64_t> before_id;
};

/// Digits only (no sign, space or "0x"), within [min, max]; else kInvalidInput
/// naming `name` and the range.
Result<int64_t> parse_bounded_int(std::string_view text, std::string_view name, int64_t min,
                                  int64_t max);
/// The list parameters; a parameter given twice is an error. Other
/// parameters are ignored.
Result<ListParams> parse_list_params(const QueryParams& params);
/// An article id from a path segment: 1..INT64_MAX.
Result<int64_t> parse_article_id(std::string_view text);
/// The single value of a parameter: nullopt when absent, kInvalidInput when
/// given more than once.
Result<std::optional<std::string>> single_param(const QueryParams& params,
                                                const std::string& name);

// --- story_params.cc: the story list's parameters ---

/// The list parameters plus sort ("latest" or "coverage") and since (an
/// RFC 3339 time); `before` is taken as another name for before_id.
struct StoryListParams {
  ListParams list;
  std::string sort = "latest";
  std::optional<Instant> since;
};
Result<StoryListParams> parse_story_list_params(const QueryParams& params);
/// A story id from a path segment: 1..INT64_MAX.
Result<int64_t> parse_story_id(std::string_view text);
/// The next page of stories after `last_id`, keeping the non-default
/// parameters: "/api/stories?sort=coverage&before_id=7".
std::string story_next_href(std::string_view path, const StoryListParams& params,
                            int64_t last_id);

struct StoryPage {
  std::vector<Story> stories;
  bool has_more = false;
};
Result<StoryPage> fetch_story_page(Store& store, const StoryListParams& params);
/// The home page's stories: those of the last kTopStoriesWindowSeconds of news
/// (counted back from the newest story, so an old collection shows too),
/// by how many outlets cover them.
inline constexpr int64_t kTopStoriesWindowSeconds = 3 * 86400;
Result<std::vector<Story>> fetch_top_stories(Store& store, int limit);

// --- api.cc: JSON ---

struct ArticlePage {
  std::vector<StoredArticle> articles;
  bool has_more = false;  ///< an older article exists past the last one
};
/// One page of the list from the store (asks for one more than `limit` to
/// know whether another page exists).
Result<ArticlePage> fetch_article_page(Store& store, const ListParams& params);

/// A JSON body with its status.
Reply json_reply(int status, const nlohmann::json& body);
/// A store error as the API reports it: kNotFound is the client's 404,
/// anything else is ours (500 store_error).
Reply store_error_reply(const Error& error);
/// {"error":{"code":code,"message":message}}.
Reply json_error(int status, std::string_view code, std::string_view message);
/// GET /api/articles: {"articles":[...], "next": "/api/articles?..." | null}.
Reply api_list_articles(Store& store, const QueryParams& params);
/// GET /api/articles/{id}: core/article_json.h stored_article_to_json plus
/// the article's relations (store/story_json.h add_relations_to_json).
Reply api_get_article(Store& store, std::string_view id_text);
/// GET /api/sources: {"sources":[store/source_json.h], "frontier_pending": n}.
Reply api_list_sources(Store& store);
/// GET /api/stories: {"stories":[story_json.h summaries], "next": path | null}.
Reply api_list_stories(Store& store, const QueryParams& params);
/// GET /api/stories/{id}: story_json.h story_detail_to_json.
Reply api_get_story(Store& store, std::string_view id_text);
/// GET /healthz: {"status":"ok","documents":n,"articles":n,"failures":n}.
Reply api_health(Store& store);

// --- web.cc: HTML ---

Reply html_error(int status, std::string_view title, std::string_view message);
/// GET /: the article list, paged by the same parameters as the API.
Reply page_list(Store& store, const QueryParams& params);
/// GET /articles/{id}.
Reply page_article(Store& store, std::string_view id_text);
/// GET /sources.
Reply page_sources(Store& store);
/// GET /stories: the story list, paged and sorted as the API.
Reply page_stories(Store& store, const QueryParams& params);
/// GET /stories/{id}.
Reply page_story(Store& store, std::string_view id_text);

// --- api_facts.cc: facts (docs/facts-store.md) ---

/// The `window` parameter of the disagreements: a duration such as "24h",
/// "90m", "2d" or "1h30m" (1 second to 30 days); 24 hours when absent.
Result<int64_t> parse_window_param(const QueryParams& params);
/// GET /api/articles/{id}/facts: store/fact_json.h article_facts_to_json.
Reply api_article_facts(Store& store, std::string_view id_text);
/// GET /api/stories/{id}/facts: story_facts_to_json.
Reply api_story_facts(Store& store, std::string_view id_text);
/// GET /api/stories/{id}/disagreements?window=24h: disagreements_to_json.
Reply api_story_disagreements(Store& store, std::string_view id_text, const QueryParams& params);

/// The "next page" link for a page that ended at `last_id`, keeping a
/// non-default limit: "<path>?before_id=7" or "<path>?limit=10&before_id=7".
std::string next_page_href(std::string_view path, int limit, int64_t last_id);

// --- api_search.cc: search and attention over time (docs/api.md "Search") ---

/// The search parameters of /api/search and /search: q, from, to (a date
/// YYYY-MM-DD, `to` inclusive, or an RFC 3339 time), outlet, lang, story,
/// entity, place, limit (1..200, default 20), offset (0..10,000). Each at
/// most once; kInvalidInput naming the parameter.
Result<search::SearchRequest> parse_search_params(const QueryParams& params);
/// The attention parameters: q (1..10 of them, or none with entity or
/// place), interval ("day" or "hour", default day), from and to (default:
/// the 30 days, or 48 hours, up to now) and the filters.
Result<search::AttentionRequest> parse_attention_params(const QueryParams& params);
/// The query string of a search (non-default parameters only, encoded):
/// "q=gaza&outlet=X&offset=20".
std::string search_query_string(const search::SearchRequest& request);
/// Percent-encodes a query-string value (RFC 3986 unreserved kept).
std::string url_encode(std::string_view value);
/// Opens the index in `index_dir` for reading; kNotFound saying to run
/// `tidings reindex` when there is none (the handlers answer 503).
Result<std::unique_ptr<search::SearchIndex>> open_search_index(const std::string& index_dir);
/// GET /api/search: {"query", "total", "total_exact", "offset", "limit",
/// "hits": [search_json.h], "next": path | null}.
Reply api_search(const std::string& index_dir, const QueryParams& params);
/// GET /api/attention: search_json.h attention_to_json.
Reply api_attention(const std::string& index_dir, const QueryParams& params);

// --- search_pages.cc: the search page ---

/// GET /search: the form, the hits with their snippets marked, pages, and
/// the attention chart of the query (and each `compare`) with a table of
/// its counts.
Reply page_search(const std::string& index_dir, const QueryParams& params);

}  // namespace tidings::serve

