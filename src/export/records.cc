// Articles, stories and facts as JSON lines or CSV (export.h), read from
// the store a page at a time.
#include <algorithm>
#include <cctype>
#include <set>

#include "core/article_json.h"
#include "core/utf8.h"
#include "export/export.h"
#include "store/fact_json.h"
#include "store/story_json.h"

namespace tidings::exports {

namespace {

using nlohmann::json;

constexpr int kPageSize = 500;

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string time_or_empty(const std::optional<Instant>& t) {
  return t ? format_rfc3339(*t) : std::string();
}

std::string number_or_empty(const std::optional<double>& v) {
  return v ? quantity_json(*v).dump() : std::string();
}

std::string joined(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (const std::string& s : items) {
    if (!out.empty()) out += sep;
    out += s;
  }
  return out;
}

Instant sort_time(const StoredArticle& a) { return a.article.published_at.value_or(a.fetched_at); }

Result<void> check_stream(std::ostream& out) {
  if (!out) return fail(ErrorCode::kIo, "cannot write the export");
  return {};
}

struct ArticleFilter {
  const ExportFilter& filter;
  std::string outlet_lower;

  bool outlet_ok(std::string_view outlet) const {
    return outlet_lower.empty() || lower(outlet) == outlet_lower;
  }
  bool keeps(const StoredArticle& a) const {
    const Instant t = sort_time(a);
    if (filter.from && t < *filter.from) return false;
    if (filter.to && t > *filter.to) return false;
    return outlet_ok(a.outlet);
  }
};

std::vector<int64_t> newest_first(std::vector<int64_t> ids) {
  std::sort(ids.begin(), ids.end(), std::greater<>());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

// Calls `fn` for each article the filter keeps: from the list of ids when
// the filter has one, else down the store's list (newest first), stopping
// once the articles are older than `from`.
Result<void> for_each_article(Store& store, const ExportFilter& filter,
                              const std::function<Result<void>(const StoredArticle&)>& fn) {
  const ArticleFilter keep{filter, lower(filter.outlet)};
  if (filter.article_ids) {
    for (int64_t id : newest_first(*filter.article_ids)) {
      auto a = store.get_article(id);
      if (!a) {
        if (a.error().code == ErrorCode::kNotFound) continue;
        return tl::unexpected(a.error());
      }
      if (!keep.keeps(*a)) continue;
      if (auto r = fn(*a); !r) return r;
    }
    return {};
  }
  ArticleQuery query;
  query.limit = kPageSize;
  for (;;) {
    auto page = store.list_articles(query);
    if (!page) return tl::unexpected(page.error());
    if (page->empty()) return {};
    for (const StoredArticle& a : *page) {
      if (filter.from && sort_time(a) < *filter.from) return {};
      if (!keep.keeps(a)) continue;
      if (auto r = fn(a); !r) return r;
    }
    query.before_id = page->back().id;
  }
}

const std::vector<std::string> kArticleColumns = {
    "id",         "document_id", "outlet",       "url",         "canonical_url", "title",
    "byline",     "authors",     "published_at", "modified_at", "fetched_at",    "language",
    "site_name",  "section",     "tags",         "image",       "source_links",  "copy_of",
    "similarity", "story",       "text"};

Result<void> write_article(Store& store, const StoredArticle& a, RecordFormat format,
                           std::ostream& out) {
  auto relations = store.article_relations(a.id);
  if (!relations) return tl::unexpected(relations.error());
  if (format == RecordFormat::kJsonl) {
    json j = stored_article_to_json(a);
    add_relations_to_json(j, *relations);
    out << dump_json(j) << '\n';
    return check_stream(out);
  }
  const Article& x = a.article;
  std::vector<std::string> links;
  for (const SourceLink& l : x.source_links) {
    if (!l.url.empty()) links.push_back(l.url);
  }
  out << csv_row({std::to_string(a.id),
                  std::to_string(a.document_id),
                  a.outlet,
                  x.url,
                  x.canonical_url,
                  x.title,
                  x.byline,
                  joined(x.authors, "; "),
                  time_or_empty(x.published_at),
                  time_or_empty(x.modified_at),
                  format_rfc3339(a.fetched_at),
                  x.language,
                  x.site_name,
                  x.section,
                  joined(x.tags, "; "),
                  x.image,
                  joined(links, " "),
                  relations->copy_of ? std::to_string(relations->copy_of->id) : "",
                  number_or_empty(relations->similarity),
                  relations->story_id ? std::to_string(*relations->story_id) : "",
                  x.text});
  return check_stream(out);
}

const std::vector<std::string> kStoryColumns = {"id",
                                                "headline",
                                                "created_at",
                                                "first_published_at",
                                                "last_published_at",
                                                "article_count",
                                                "outlet_count",
                                                "first_reported_by_id",
                                                "first_reported_by_outlet",
                                                "first_reported_by_url"};

Result<void> write_story(const Story& s, RecordFormat format, std::ostream& out) {
  if (format == RecordFormat::kJsonl) {
    out << dump_json(story_summary_to_json(s)) << '\n';
    return check_stream(out);
  }
  const auto& first = s.first_reported_by;
  out << csv_row({std::to_string(s.id), s.headline, format_rfc3339(s.created_at),
                  time_or_empty(s.first_published_at), time_or_empty(s.last_published_at),
                  std::to_string(s.article_count), std::to_string(s.outlet_count),
                  first ? std::to_string(first->id) : "", first ? first->outlet : "",
                  first ? first->url : ""});
  return check_stream(out);
}

bool story_in_span(const Story& s, const ExportFilter& f) {
  if (f.from && s.last_published_at && *s.last_published_at < *f.from) return false;
  if (f.to && s.first_published_at && *s.first_published_at > *f.to) return false;
  return true;
}

Result<bool> story_has_outlet(Store& store, int64_t story_id, const std::string& outlet_lower) {
  if (outlet_lower.empty()) return true;
  auto detail = store.get_story(story_id);
  if (!detail) return tl::unexpected(detail.error());
  return std::any_of(detail->articles.begin(), detail->articles.end(),
                     [&](const ArticleRef& a) { return lower(a.outlet) == outlet_lower; });
}

Result<int64_t> export_stories(Store& store, RecordFormat format, const ExportFilter& filter,
                               std::ostream& out) {
  const std::string outlet = lower(filter.outlet);
  int64_t written = 0;
  const auto emit = [&](const Story& s) -> Result<void> {
    if (!story_in_span(s, filter)) return {};
    auto has = story_has_outlet(store, s.id, outlet);
    if (!has) return tl::unexpected(has.error());
    if (!*has) return {};
    ++written;
    return write_story(s, format, out);
  };
  if (filter.article_ids) {
    std::vector<int64_t> story_ids;
    for (int64_t id : *filter.article_ids) {
      auto links = store.article_links(id);
      if (!links) return tl::unexpected(links.error());
      if (*links && (*links)->story_id) story_ids.push_back(*(*links)->story_id);
    }
    for (int64_t id : newest_first(std::move(story_ids))) {
      auto detail = store.get_story(id);
      if (!detail) {
        if (detail.error().code == ErrorCode::kNotFound) continue;
        return tl::unexpected(detail.error());
      }
      if (auto r = emit(detail->story); !r) return tl::unexpected(r.error());
    }
    return written;
  }
  StoryQuery query;
  query.limit = kPageSize;
  query.since = filter.from;
  for (;;) {
    auto page = store.list_stories(query);
    if (!page) return tl::unexpected(page.error());
    if (page->empty()) return written;
    for (const Story& s : *page) {
      if (auto r = emit(s); !r) return tl::unexpected(r.error());
    }
    query.before_id = page->back().id;
  }
}

const std::vector<std::string> kFactColumns = {
    "article_id",  "outlet", "article_url", "index", "kind",  "sentence",
    "start",       "end",    "key",         "label", "value", "qualifier",
    "attribution", "detail", "as_of",       "lat",   "lon",   "parent"};

Result<int64_t> write_facts(Store& store, const StoredArticle& a, RecordFormat format,
                            std::ostream& out) {
  auto facts = store.article_facts(a.id);
  if (!facts) return tl::unexpected(facts.error());
  for (size_t i = 0; i < facts->facts.size(); ++i) {
    const FactRecord& f = facts->facts[i];
    if (format == RecordFormat::kJsonl) {
      json j = fact_to_json(f, i);
      j["article"] = a.id;
      j["outlet"] = a.outlet;
      j["article_url"] = a.article.url;
      out << dump_json(j) << '\n';
    } else {
      out << csv_row({std::to_string(a.id), a.outlet, a.article.url, std::to_string(i), f.kind,
                      std::to_string(f.sentence), std::to_string(f.start), std::to_string(f.end),
                      f.key, f.label, number_or_empty(f.value), f.qualifier, f.attribution,
                      f.detail, time_or_empty(f.as_of), number_or_empty(f.lat),
                      number_or_empty(f.lon), f.parent >= 0 ? std::to_string(f.parent) : ""});
    }
    if (auto r = check_stream(out); !r) return tl::unexpected(r.error());
  }
  return static_cast<int64_t>(facts->facts.size());
}

}  // namespace

std::optional<RecordKind> parse_record_kind(std::string_view name) {
  if (name == "articles") return RecordKind::kArticles;
  if (name == "stories") return RecordKind::kStories;
  if (name == "facts") return RecordKind::kFacts;
  return std::nullopt;
}

std::optional<RecordFormat> parse_record_format(std::string_view name) {
  if (name == "jsonl") return RecordFormat::kJsonl;
  if (name == "csv") return RecordFormat::kCsv;
  return std::nullopt;
}

Result<ExportCounts> export_records(Store& store, RecordKind kind, RecordFormat format,
                                    const ExportFilter& filter, std::ostream& out) {
  ExportCounts counts;
  if (format == RecordFormat::kCsv) {
    out << csv_row(kind == RecordKind::kArticles  ? kArticleColumns
                   : kind == RecordKind::kStories ? kStoryColumns
                                                  : kFactColumns);
    if (auto r = check_stream(out); !r) return tl::unexpected(r.error());
  }
  if (kind == RecordKind::kStories) {
    auto n = export_stories(store, format, filter, out);
    if (!n) return tl::unexpected(n.error());
    counts.records = *n;
  } else {
    auto r = for_each_article(store, filter, [&](const StoredArticle& a) -> Result<void> {
      if (kind == RecordKind::kArticles) {
        ++counts.records;
        return write_article(store, a, format, out);
      }
      auto n = write_facts(store, a, format, out);
      if (!n) return tl::unexpected(n.error());
      counts.records += *n;
      return {};
    });
    if (!r) return tl::unexpected(r.error());
  }
  out.flush();
  if (auto r = check_stream(out); !r) return tl::unexpected(r.error());
  return counts;
}

std::string csv_field(std::string_view value) {
  std::string clean;
  clean.reserve(value.size());
  for (size_t i = 0; i < value.size();) {
    size_t bad = 0;
    const size_t len = utf8_sequence(value, i, bad);
    if (len == 0) {
      clean += "\xEF\xBF\xBD";
      i += bad;
    } else {
      clean.append(value.substr(i, len));
      i += len;
    }
  }
  const bool quote = clean.find_first_of(",\"\r\n") != std::string::npos ||
                     (!clean.empty() && (clean.front() == ' ' || clean.back() == ' '));
  if (!quote) return clean;
  std::string out = "\"";
  for (char c : clean) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string csv_row(const std::vector<std::string>& fields) {
  std::string out;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += ',';
    out += csv_field(fields[i]);
  }
  out += "\r\n";
  return out;
}

}  // namespace tidings::exports
