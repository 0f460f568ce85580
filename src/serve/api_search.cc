// GET /api/search and GET /api/attention (docs/api.md "Search"), and the
// strict parsing of their parameters, shared with the search page. The
// index is opened for each request (a reader is cheap and sees the latest
// commit); a missing index is a 503 that says how to build it.
#include <nlohmann/json.hpp>

#include "search/search_json.h"
#include "serve/handlers.h"

namespace tidings::serve {

namespace {

constexpr size_t kMaxParamBytes = 1024;

Result<std::optional<std::string>> text_param(const QueryParams& params, const std::string& name) {
  auto v = single_param(params, name);
  if (!v) return v;
  if (*v && (*v)->size() > kMaxParamBytes) {
    return fail(ErrorCode::kInvalidInput, name + " is longer than 1024 bytes");
  }
  return v;
}

// A date YYYY-MM-DD (as the end of a range: the end of that day) or an
// RFC 3339 time.
Result<std::optional<Instant>> time_param(const QueryParams& params, const std::string& name,
                                          bool end_of_day) {
  auto v = text_param(params, name);
  if (!v) return tl::unexpected(v.error());
  if (!*v || (*v)->empty()) return std::optional<Instant>();  // an empty form field
  const std::string& s = **v;
  const bool date_only = s.size() == 10 && s[4] == '-' && s[7] == '-';
  auto t = s.size() <= 40 ? parse_iso8601(s) : std::nullopt;
  const bool full = s.size() >= 20 && (s[10] == 'T' || s[10] == 't') &&
                    (s.back() == 'Z' || s.back() == 'z' || s[s.size() - 3] == ':');
  if (!t || (!date_only && !full)) {
    return fail(ErrorCode::kInvalidInput,
                name + " must be a date (YYYY-MM-DD) or an RFC 3339 time (2023-11-01T18:40:00Z)");
  }
  if (date_only && end_of_day) *t += std::chrono::days(1);
  return std::optional<Instant>(*t);
}

Result<search::Filters> parse_filters(const QueryParams& params) {
  search::Filters f;
  auto from = time_param(params, "from", false);
  if (!from) return tl::unexpected(from.error());
  auto to = time_param(params, "to", true);
  if (!to) return tl::unexpected(to.error());
  f.from = *from;
  f.to = *to;
  if (f.from && f.to && *f.from >= *f.to) {
    return fail(ErrorCode::kInvalidInput, "from must be before to");
  }
  for (auto [name, field] : {std::pair{"outlet", &f.outlet}, std::pair{"lang", &f.language},
                             std::pair{"entity", &f.entity}, std::pair{"place", &f.place}}) {
    auto v = text_param(params, name);
    if (!v) return tl::unexpected(v.error());
    if (*v && (*v)->size() > 200) {
      return fail(ErrorCode::kInvalidInput, std::string(name) + " is longer than 200 bytes");
    }
    if (*v) *field = **v;
  }
  auto story = single_param(params, "story");
  if (!story) return tl::unexpected(story.error());
  if (*story && !(*story)->empty()) {
    auto id = parse_bounded_int(**story, "story", 1, INT64_MAX);
    if (!id) return tl::unexpected(id.error());
    f.story_id = *id;
  }
  return f;
}

Reply search_error_reply(const Error& e) {
  switch (e.code) {
    case ErrorCode::kInvalidInput: return json_error(400, "bad_request", e.message);
    case ErrorCode::kTooLarge: return json_error(400, "query_too_expensive", e.message);
    case ErrorCode::kNotFound: return json_error(503, "no_search_index", e.message);
    default: return json_error(500, "search_error", "search: " + e.message);
  }
}

}  // namespace

std::string url_encode(std::string_view value) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : value) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

Result<search::SearchRequest> parse_search_params(const QueryParams& params) {
  search::SearchRequest r;
  auto q = text_param(params, "q");
  if (!q) return tl::unexpected(q.error());
  r.query = q->value_or("");
  auto filters = parse_filters(params);
  if (!filters) return tl::unexpected(filters.error());
  r.filters = std::move(*filters);
  for (auto [name, field, lo, hi] : {std::tuple{"limit", &r.limit, 1, search::kMaxLimit},
                                     std::tuple{"offset", &r.offset, 0, search::kMaxOffset}}) {
    auto v = single_param(params, name);
    if (!v) return tl::unexpected(v.error());
    if (!*v) continue;
    auto n = parse_bounded_int(**v, name, lo, hi);
    if (!n) return tl::unexpected(n.error());
    *field = static_cast<int>(*n);
  }
  return r;
}

Result<search::AttentionRequest> parse_attention_params(const QueryParams& params) {
  search::AttentionRequest r;
  const auto [first, last] = params.equal_range("q");
  for (auto it = first; it != last; ++it) {
    if (it->second.size() > kMaxParamBytes) {
      return fail(ErrorCode::kInvalidInput, "q is longer than 1024 bytes");
    }
    if (r.queries.size() == search::kMaxAttentionQueries) {
      return fail(ErrorCode::kInvalidInput, "at most " +
                                                std::to_string(search::kMaxAttentionQueries) +
                                                " queries (q) at once");
    }
    r.queries.push_back(it->second);
  }
  auto filters = parse_filters(params);
  if (!filters) return tl::unexpected(filters.error());
  r.filters = std::move(*filters);
  if (r.queries.empty()) {
    if (r.filters.entity.empty() && r.filters.place.empty()) {
      return fail(ErrorCode::kInvalidInput, "give a query (q) or an entity or place");
    }
    r.queries.push_back("");
  }
  auto interval = single_param(params, "interval");
  if (!interval) return tl::unexpected(interval.error());
  if (*interval) {
    auto i = search::parse_interval(**interval);
    if (!i) return fail(ErrorCode::kInvalidInput, "interval must be day or hour");
    r.interval = *i;
  }
  r.now = now_seconds();
  return r;
}

std::string search_query_string(const search::SearchRequest& r) {
  std::string s;
  auto add = [&s](std::string_view name, std::string_view value) {
    if (value.empty()) return;
    if (!s.empty()) s += '&';
    s += std::string(name) + "=" + url_encode(value);
  };
  add("q", r.query);
  const search::Filters& f = r.filters;
  if (f.from) add("from", format_rfc3339(*f.from));
  if (f.to) add("to", format_rfc3339(*f.to));
  add("outlet", f.outlet);
  add("lang", f.language);
  if (f.story_id) add("story", std::to_string(*f.story_id));
  add("entity", f.entity);
  add("place", f.place);
  if (r.limit != 20) add("limit", std::to_string(r.limit));
  if (r.offset != 0) add("offset", std::to_string(r.offset));
  return s;
}

Result<std::unique_ptr<search::SearchIndex>> open_search_index(const std::string& index_dir) {
  if (index_dir.empty()) {
    return fail(ErrorCode::kNotFound, "this server has no search index: run `tidings reindex`");
  }
  auto index = search::open_index(index_dir, false);
  if (!index && index.error().code == ErrorCode::kNotFound) {
    return fail(ErrorCode::kNotFound,
                "there is no search index yet: run `tidings reindex` to build it");
  }
  return index;
}

Reply api_search(const std::string& index_dir, const QueryParams& params) {
  auto request = parse_search_params(params);
  if (!request) return json_error(400, "bad_request", request.error().message);
  auto index = open_search_index(index_dir);
  if (!index) return search_error_reply(index.error());
  auto results = (*index)->search(*request);
  if (!results) return search_error_reply(results.error());
  nlohmann::json body = search::results_to_json(*results);
  body["query"] = request->query;
  body["offset"] = request->offset;
  body["limit"] = request->limit;
  const int64_t seen = request->offset + static_cast<int64_t>(results->hits.size());
  if (static_cast<int64_t>(results->hits.size()) == request->limit && seen < results->total &&
      seen <= search::kMaxOffset) {
    search::SearchRequest next = *request;
    next.offset = static_cast<int>(seen);
    body["next"] = "/api/search?" + search_query_string(next);
  } else {
    body["next"] = nullptr;
  }
  return json_reply(200, body);
}

Reply api_attention(const std::string& index_dir, const QueryParams& params) {
  auto request = parse_attention_params(params);
  if (!request) return json_error(400, "bad_request", request.error().message);
  auto index = open_search_index(index_dir);
  if (!index) return search_error_reply(index.error());
  auto attention = search::attention(**index, *request);
  if (!attention) return search_error_reply(attention.error());
  return json_reply(200, search::attention_to_json(*attention));
}

}  // namespace tidings::serve
