// The story list's query parameters (see handlers.h): the article list's
// limit, offset and before_id, plus sort and since; hostile values are a
// 400, never a guess.
#include "serve/handlers.h"

namespace tidings::serve {

Result<StoryListParams> parse_story_list_params(const QueryParams& params) {
  StoryListParams out;
  auto list = parse_list_params(params);
  if (!list) return tl::unexpected(list.error());
  out.list = *list;
  auto before = single_param(params, "before");
  if (!before) return tl::unexpected(before.error());
  if (*before) {
    if (out.list.before_id) {
      return fail(ErrorCode::kInvalidInput, "give before or before_id, not both");
    }
    auto id = parse_bounded_int(**before, "before", 1, INT64_MAX);
    if (!id) return tl::unexpected(id.error());
    out.list.before_id = *id;
  }
  auto sort = single_param(params, "sort");
  if (!sort) return tl::unexpected(sort.error());
  if (*sort) {
    if (**sort != "latest" && **sort != "coverage") {
      return fail(ErrorCode::kInvalidInput, "sort must be latest or coverage");
    }
    out.sort = **sort;
  }
  auto since = single_param(params, "since");
  if (!since) return tl::unexpected(since.error());
  if (*since) {
    auto t = parse_iso8601(**since);
    if (!t) {
      return fail(ErrorCode::kInvalidInput,
                  "since must be an RFC 3339 time such as 2024-01-02T00:00:00Z");
    }
    out.since = *t;
  }
  return out;
}

Result<int64_t> parse_story_id(std::string_view text) {
  return parse_bounded_int(text, "story id", 1, INT64_MAX);
}

std::string story_next_href(std::string_view path, const StoryListParams& params, int64_t last_id) {
  std::string out(path);
  out += '?';
  if (params.list.limit != kDefaultLimit) out += "limit=" + std::to_string(params.list.limit) + "&";
  if (params.sort != "latest") out += "sort=" + params.sort + "&";
  if (params.since) out += "since=" + format_rfc3339(*params.since) + "&";
  return out + "before_id=" + std::to_string(last_id);
}

Result<StoryPage> fetch_story_page(Store& store, const StoryListParams& params) {
  StoryQuery query;
  query.limit = params.list.limit + 1;
  query.offset = params.list.offset;
  query.before_id = params.list.before_id;
  query.sort = params.sort;
  query.since = params.since;
  auto listed = store.list_stories(query);
  if (!listed) return tl::unexpected(listed.error());
  StoryPage page;
  page.stories = std::move(*listed);
  if (page.stories.size() > static_cast<size_t>(params.list.limit)) {
    page.stories.resize(static_cast<size_t>(params.list.limit));
    page.has_more = true;
  }
  return page;
}

Result<std::vector<Story>> fetch_top_stories(Store& store, int limit) {
  StoryQuery newest;
  newest.limit = 1;
  auto latest = store.list_stories(newest);
  if (!latest) return tl::unexpected(latest.error());
  if (latest->empty() || !latest->front().last_published_at) return std::vector<Story>();
  StoryQuery top;
  top.limit = limit;
  top.sort = "coverage";
  top.since = *latest->front().last_published_at - std::chrono::seconds(kTopStoriesWindowSeconds);
  return store.list_stories(top);
}

}  // namespace tidings::serve
