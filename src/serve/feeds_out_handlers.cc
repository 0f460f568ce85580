// The feed handlers (feeds_out.h): entries built from the store's stories
// and articles, rendered as Atom or JSON Feed, with an ETag and
// Last-Modified so readers can poll cheaply (304 on If-None-Match).
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <set>

#include "core/url.h"
#include "serve/feeds_out.h"
#include "serve/html.h"

namespace tidings::serve {

namespace {

constexpr size_t kSummaryBytes = 400;
constexpr size_t kMaxOutletsListed = 100;

std::string_view extension(FeedFormat f) { return f == FeedFormat::kAtom ? ".atom" : ".json"; }
std::string_view other_extension(FeedFormat f) {
  return f == FeedFormat::kAtom ? ".json" : ".atom";
}

// RFC 4151 taggingEntity: a DNS name (letters, digits, '-', '.').
bool is_dns_name(std::string_view host) {
  if (host.empty() || host.size() > 253 || host.front() == '.' || host.back() == '.') return false;
  for (char c : host) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '.') return false;
  }
  return host.find("..") == std::string_view::npos;
}

std::string day_of(Instant t) { return format_rfc3339(t).substr(0, 10); }

// FNV-1a, 64 bits: a cheap, stable fingerprint of the body for the ETag.
std::string body_etag(std::string_view body) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : body) {
    h ^= c;
    h *= 1099511628211ull;
  }
  char buf[24];
  std::snprintf(buf, sizeof buf, "\"%016llx\"", static_cast<unsigned long long>(h));
  return buf;
}

// RFC 9110 §13.1.2: a list of entity tags (weak ones compared weakly), or "*".
bool etag_matches(std::string_view if_none_match, std::string_view etag) {
  size_t i = 0;
  while (i < if_none_match.size()) {
    size_t end = if_none_match.find(',', i);
    if (end == std::string_view::npos) end = if_none_match.size();
    std::string_view tag = if_none_match.substr(i, end - i);
    while (!tag.empty() && (tag.front() == ' ' || tag.front() == '\t')) tag.remove_prefix(1);
    while (!tag.empty() && (tag.back() == ' ' || tag.back() == '\t')) tag.remove_suffix(1);
    if (tag.starts_with("W/")) tag.remove_prefix(2);
    if (tag == "*" || tag == etag) return true;
    i = end + 1;
  }
  return false;
}

Reply feed_reply(const FeedMeta& meta, const std::vector<FeedEntry>& entries, FeedFormat format,
                 std::string_view if_none_match) {
  Reply reply;
  reply.content_type = std::string(format == FeedFormat::kAtom ? kAtomType : kJsonFeedType);
  reply.body =
      format == FeedFormat::kAtom ? render_atom(meta, entries) : render_json_feed(meta, entries);
  const std::string etag = body_etag(reply.body);
  reply.headers.emplace_back("ETag", etag);
  reply.headers.emplace_back("Last-Modified", format_rfc822(meta.updated));
  if (!if_none_match.empty() && etag_matches(if_none_match, etag)) {
    reply.status = 304;
    reply.body.clear();
  }
  return reply;
}

Result<int> parse_feed_limit(const QueryParams& params) {
  auto text = single_param(params, "limit");
  if (!text) return tl::unexpected(text.error());
  if (!*text) return kDefaultFeedLimit;
  auto n = parse_bounded_int(**text, "limit", 1, kMaxFeedLimit);
  if (!n) return tl::unexpected(n.error());
  return static_cast<int>(*n);
}

// The page to link for an article: the URL it was read from when that is
// http(s), else (a local file, a file: URL) its canonical URL; "" if neither.
Result<std::string> article_link(Store& store, const ArticleRef& a) {
  if (is_http_url(a.url)) return a.url;
  auto article = store.get_article(a.id);
  if (!article) {
    if (article.error().code == ErrorCode::kNotFound) return std::string();
    return tl::unexpected(article.error());
  }
  const std::string& canonical = article->article.canonical_url;
  return is_http_url(canonical) ? canonical : std::string();
}

Result<FeedOutlet> outlet_of(Store& store, const ArticleRef& a, bool copy) {
  auto url = article_link(store, a);
  if (!url) return tl::unexpected(url.error());
  return FeedOutlet{a.outlet, *url, a.published_at, copy};
}

// The summary (and, when asked, the byline) of an article; a missing
// article leaves them empty.
Result<void> add_article_text(Store& store, int64_t article_id, FeedEntry& entry, bool byline) {
  auto article = store.get_article(article_id);
  if (!article) {
    if (article.error().code == ErrorCode::kNotFound) return {};
    return tl::unexpected(article.error());
  }
  entry.summary = excerpt(article->article.text, kSummaryBytes);
  if (!byline) return {};
  for (const std::string& name : article->article.authors) {
    if (entry.authors.size() >= 10) break;
    entry.authors.push_back(name + " (" + article->outlet + ")");
  }
  return {};
}

// One entry per story: the original that first reported it as the link,
// every outlet that carried an article of it (once, at its first article).
Result<FeedEntry> story_entry(Store& store, const FeedSite& site, const Story& story) {
  auto detail = store.get_story(story.id);
  if (!detail) return tl::unexpected(detail.error());
  FeedEntry e;
  e.id = tag_uri(site, story.created_at, "story/" + std::to_string(story.id));
  e.title = story.headline;
  e.related_url = site.base_url + "/stories/" + std::to_string(story.id);
  e.published = story.first_published_at;
  e.updated = story.last_published_at.value_or(story.created_at);
  e.outlets_heading = "Also covered by";
  std::set<std::string> seen;
  const auto add = [&](const ArticleRef& a) -> Result<void> {
    if (e.outlets.size() >= kMaxOutletsListed || !seen.insert(a.outlet).second) return {};
    auto outlet = outlet_of(store, a, a.copy_of.has_value());
    if (!outlet) return tl::unexpected(outlet.error());
    e.outlets.push_back(std::move(*outlet));
    return {};
  };
  if (story.first_reported_by) {
    const ArticleRef& first = *story.first_reported_by;
    e.authors.push_back(first.outlet);
    if (auto r = add(first); !r) return tl::unexpected(r.error());
    if (!e.outlets.empty()) e.url = e.outlets.front().url;
    if (auto r = add_article_text(store, first.id, e, false); !r) return tl::unexpected(r.error());
  }
  for (const ArticleRef& a : detail->articles) {
    if (auto r = add(a); !r) return tl::unexpected(r.error());
  }
  if (e.authors.empty() && !e.outlets.empty()) e.authors.push_back(e.outlets.front().name);
  return e;
}

// One entry per original of a story (or per search hit): linking the
// original, naming its outlet and byline, its copies as "also carried by".
Result<FeedEntry> article_entry(Store& store, const FeedSite& site, const ArticleRef& original,
                                const std::vector<ArticleRef>& copies) {
  FeedEntry e;
  e.id = tag_uri(site, original.sort_time, "article/" + std::to_string(original.id));
  e.title = original.title;
  e.related_url = site.base_url + "/articles/" + std::to_string(original.id);
  e.published = original.published_at;
  e.updated = original.sort_time;
  e.outlets_heading = "Also carried by";
  auto first = outlet_of(store, original, false);
  if (!first) return tl::unexpected(first.error());
  e.url = first->url;
  e.outlets.push_back(std::move(*first));
  for (const ArticleRef& c : copies) {
    e.updated = std::max(e.updated, c.sort_time);
    if (e.outlets.size() >= kMaxOutletsListed) continue;
    auto outlet = outlet_of(store, c, true);
    if (!outlet) return tl::unexpected(outlet.error());
    e.outlets.push_back(std::move(*outlet));
  }
  if (auto r = add_article_text(store, original.id, e, true); !r) return tl::unexpected(r.error());
  if (e.authors.empty()) e.authors.push_back(original.outlet);
  return e;
}

FeedMeta meta_for(const FeedSite& site, const std::string& path_stem, const std::string& query,
                  FeedFormat format, std::string title, std::string subtitle,
                  std::string home_path) {
  FeedMeta meta;
  meta.self_url = site.base_url + path_stem + std::string(extension(format)) + query;
  meta.id = meta.self_url;
  meta.other_url = site.base_url + path_stem + std::string(other_extension(format)) + query;
  meta.home_url = site.base_url + home_path;
  meta.title = std::move(title);
  meta.subtitle = std::move(subtitle);
  return meta;
}

Instant newest(const std::vector<FeedEntry>& entries) {
  Instant t{};
  for (const FeedEntry& e : entries) t = std::max(t, e.updated);
  return t;
}

// A query string's value percent-encoded (RFC 3986 unreserved kept).
std::string percent_encode(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

}  // namespace

Result<std::string> normalize_base_url(std::string_view url) {
  std::string out(url);
  while (!out.empty() && out.back() == '/') out.pop_back();
  if (!is_http_url(out) || out.find_first_of("?#") != std::string::npos ||
      out.find_first_of(" \t\r\n\"<>") != std::string::npos) {
    return fail(ErrorCode::kInvalidInput,
                "the base URL must be an absolute http(s) URL without query or fragment, not \"" +
                    std::string(url) + "\"");
  }
  return out;
}

std::string tag_uri(const FeedSite& site, Instant date, std::string_view specific) {
  std::string host = url_host(site.base_url);
  if (!is_dns_name(host)) host = "tidings.invalid";
  return "tag:" + host + "," + day_of(date) + ":" + std::string(specific);
}

Reply feed_stories(Store& store, const FeedSite& site, const QueryParams& params, FeedFormat format,
                   std::string_view if_none_match) {
  const auto limit = parse_feed_limit(params);
  if (!limit) return json_error(400, "invalid_parameter", limit.error().message);
  StoryQuery query;
  query.limit = *limit;
  query.sort = "latest";
  auto stories = store.list_stories(query);
  if (!stories) return store_error_reply(stories.error());
  std::vector<FeedEntry> entries;
  for (const Story& s : *stories) {
    auto e = story_entry(store, site, s);
    if (!e) {
      if (e.error().code == ErrorCode::kNotFound) continue;  // emptied meanwhile
      return store_error_reply(e.error());
    }
    entries.push_back(std::move(*e));
  }
  const std::string query_text =
      *limit == kDefaultFeedLimit ? "" : "?limit=" + std::to_string(*limit);
  FeedMeta meta = meta_for(site, "/feeds/stories", query_text, format, "tidings: latest stories",
                           "The latest stories, each linking the article that first reported it "
                           "and naming every outlet that carried it.",
                           "/stories");
  meta.updated = newest(entries);
  return feed_reply(meta, entries, format, if_none_match);
}

Reply feed_story(Store& store, const FeedSite& site, std::string_view id_text, FeedFormat format,
                 std::string_view if_none_match) {
  const auto id = parse_story_id(id_text);
  if (!id) return json_error(400, "invalid_parameter", id.error().message);
  auto detail = store.get_story(*id);
  if (!detail) {
    if (detail.error().code == ErrorCode::kNotFound) {
      return json_error(404, "not_found", "no story " + std::to_string(*id));
    }
    return store_error_reply(detail.error());
  }
  std::vector<StoryEntry> folded = fold_copies(detail->articles);
  // Newest originals first, as readers expect; the oldest past the bound go.
  std::reverse(folded.begin(), folded.end());
  if (folded.size() > kMaxStoryFeedEntries) folded.resize(kMaxStoryFeedEntries);
  std::vector<FeedEntry> entries;
  for (const StoryEntry& s : folded) {
    auto e = article_entry(store, site, s.article, s.copies);
    if (!e) return store_error_reply(e.error());
    entries.push_back(std::move(*e));
  }
  const std::string sid = std::to_string(*id);
  FeedMeta meta = meta_for(
      site, "/feeds/stories/" + sid, "", format, "tidings: " + detail->story.headline,
      "Every report of this story, copies folded under their original.", "/stories/" + sid);
  meta.updated = newest(entries);
  return feed_reply(meta, entries, format, if_none_match);
}

Reply feed_search_hits(Store& store, const FeedSite& site, std::string_view query,
                       const std::vector<ArticleRef>& hits, FeedFormat format,
                       std::string_view if_none_match) {
  std::vector<FeedEntry> entries;
  std::set<int64_t> shown;  // one entry per original: copies of it are listed under it
  for (const ArticleRef& hit : hits) {
    if (entries.size() >= static_cast<size_t>(kMaxFeedLimit)) break;
    auto relations = store.article_relations(hit.id);
    if (!relations) {
      if (relations.error().code == ErrorCode::kNotFound) continue;
      return store_error_reply(relations.error());
    }
    ArticleRef original = relations->copy_of ? *relations->copy_of : hit;
    std::vector<ArticleRef> copies = relations->copies;
    if (relations->copy_of) {
      auto c = store.article_copies(original.id);
      if (!c) return store_error_reply(c.error());
      copies = std::move(*c);
      // The reference in copy_of has no sort time of its own.
      if (original.sort_time == Instant{})
        original.sort_time = original.published_at.value_or(hit.sort_time);
    }
    if (!shown.insert(original.id).second) continue;
    auto e = article_entry(store, site, original, copies);
    if (!e) return store_error_reply(e.error());
    entries.push_back(std::move(*e));
  }
  const std::string q = "?q=" + percent_encode(query);
  FeedMeta meta =
      meta_for(site, "/feeds/search", q, format, "tidings: search for " + std::string(query),
               "Articles matching a saved search, each linking the original and its "
               "copies.",
               "/search" + q);
  meta.updated = newest(entries);
  return feed_reply(meta, entries, format, if_none_match);
}

Reply feed_search(Store& store, const FeedSite& site, const QueryParams& params, FeedFormat format,
                  std::string_view if_none_match, const SearchHitsFn& find_hits) {
  const auto q = single_param(params, "q");
  if (!q) return json_error(400, "invalid_parameter", q.error().message);
  if (!*q || (*q)->empty()) return json_error(400, "invalid_parameter", "q is required");
  if ((*q)->size() > kMaxFeedQueryBytes) {
    return json_error(400, "invalid_parameter",
                      "q is longer than " + std::to_string(kMaxFeedQueryBytes) + " bytes");
  }
  const auto limit = parse_feed_limit(params);
  if (!limit) return json_error(400, "invalid_parameter", limit.error().message);
  auto hits = find_hits(**q, *limit);
  if (!hits) {
    if (hits.error().code == ErrorCode::kInvalidInput) {
      return json_error(400, "invalid_query", hits.error().message);
    }
    return store_error_reply(hits.error());
  }
  return feed_search_hits(store, site, **q, *hits, format, if_none_match);
}

}  // namespace tidings::serve
