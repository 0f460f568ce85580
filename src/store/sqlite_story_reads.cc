// Copies and stories in SQLite, the reads: story lists and pages, an
// article's copies and first report, and the streams that rebuild the
// dedup index and the clusterer at start-up (docs/store.md migration 7).
#include <algorithm>

#include "store/sqlite_store.h"

namespace tidings::sqlite_detail {

namespace {

// An article as stories show it. The link is the URL the page was read
// from: a copy's canonical URL may name its original's site.
constexpr std::string_view kRefColumns =
    "a.id, a.outlet, COALESCE(NULLIF(a.url, ''), a.canonical_url), a.title, a.published_at,"
    " a.sort_time, l.copy_of, l.copy_similarity, l.copy_reason";

ArticleRef read_ref(const sql::Statement& st, int first) {
  ArticleRef r;
  r.id = st.column_int(first);
  r.outlet = st.column_text(first + 1);
  r.url = st.column_text(first + 2);
  r.title = st.column_text(first + 3);
  if (!st.column_is_null(first + 4)) r.published_at = parse_iso8601(st.column_text(first + 4));
  r.sort_time = parse_stored_time(st.column_text(first + 5));
  if (!st.column_is_null(first + 6)) r.copy_of = st.column_int(first + 6);
  if (!st.column_is_null(first + 7)) r.similarity = st.column_double(first + 7);
  r.copy_reason = st.column_text(first + 8);
  return r;
}

std::optional<Instant> optional_time(const sql::Statement& st, int col) {
  if (st.column_is_null(col)) return std::nullopt;
  return parse_stored_time(st.column_text(col));
}

// Story columns, then the first report's ref columns (NULL when none).
const std::string& story_select() {
  static const std::string kSql =
      "SELECT s.id, s.headline, s.created_at, s.first_published_at, s.last_published_at,"
      " s.article_count, s.outlet_count, " +
      std::string(kRefColumns) +
      " FROM stories s LEFT JOIN articles a ON a.id = s.first_article_id"
      " LEFT JOIN article_links l ON l.article_id = a.id ";
  return kSql;
}

Story read_story(const sql::Statement& st) {
  Story s;
  s.id = st.column_int(0);
  s.headline = st.column_text(1);
  s.created_at = parse_stored_time(st.column_text(2));
  s.first_published_at = optional_time(st, 3);
  s.last_published_at = optional_time(st, 4);
  s.article_count = st.column_int(5);
  s.outlet_count = st.column_int(6);
  if (!st.column_is_null(7)) s.first_reported_by = read_ref(st, 7);
  return s;
}

}  // namespace

Result<std::optional<ArticleRef>> SqliteStore::article_ref(int64_t article_id) {
  sql::Statement st(db_, "SELECT " + std::string(kRefColumns) +
                             " FROM articles a LEFT JOIN article_links l ON l.article_id = a.id"
                             " WHERE a.id = ?");
  st.bind(1, article_id);
  if (st.step()) return std::optional<ArticleRef>(read_ref(st, 0));
  if (st.failed() || !st.ok()) return fail(ErrorCode::kStore, st.error());
  return std::optional<ArticleRef>();
}

Result<std::vector<ArticleRef>> SqliteStore::article_refs(std::string_view where_and_order,
                                                          int64_t param) {
  sql::Statement st(db_, "SELECT " + std::string(kRefColumns) +
                             " FROM article_links l JOIN articles a ON a.id = l.article_id " +
                             std::string(where_and_order));
  st.bind(1, param);
  std::vector<ArticleRef> out;
  while (st.step()) out.push_back(read_ref(st, 0));
  if (st.failed() || !st.ok()) return fail(ErrorCode::kStore, st.error());
  return out;
}

Result<void> SqliteStore::load_fingerprints(const std::function<void(const StoredFingerprint&)>& fn) {
  std::lock_guard lock(mutex_);
  sql::Statement st(db_,
                    "SELECT article_id, fingerprint, copy_of, story_id FROM article_links"
                    " WHERE fingerprint IS NOT NULL ORDER BY article_id");
  StoredFingerprint row;
  std::string blob;
  while (st.step()) {
    row.article_id = st.column_int(0);
    blob = st.column_blob(1);
    row.fingerprint = blob;
    row.copy_of.reset();
    row.story_id.reset();
    if (!st.column_is_null(2)) row.copy_of = st.column_int(2);
    if (!st.column_is_null(3)) row.story_id = st.column_int(3);
    fn(row);
  }
  if (st.failed() || !st.ok()) return fail(ErrorCode::kStore, st.error());
  return {};
}

Result<std::optional<ArticleLinks>> SqliteStore::article_links(int64_t article_id) {
  std::lock_guard lock(mutex_);
  sql::Statement st(db_,
                    "SELECT url_key, fingerprint, copy_of, copy_similarity, copy_reason, story_id"
                    " FROM article_links WHERE article_id = ?");
  st.bind(1, article_id);
  if (st.step()) {
    ArticleLinks l;
    l.url_key = st.column_text(0);
    l.fingerprint = st.column_blob(1);
    if (!st.column_is_null(2)) l.copy_of = st.column_int(2);
    if (!st.column_is_null(3)) l.similarity = st.column_double(3);
    l.copy_reason = st.column_text(4);
    if (!st.column_is_null(5)) l.story_id = st.column_int(5);
    return std::optional<ArticleLinks>(std::move(l));
  }
  if (st.failed() || !st.ok()) return fail(ErrorCode::kStore, st.error());
  return std::optional<ArticleLinks>();
}

Result<int64_t> SqliteStore::max_story_id() {
  std::lock_guard lock(mutex_);
  sql::Statement st(db_, "SELECT COALESCE(MAX(id), 0) FROM stories");
  if (st.step()) return st.column_int(0);
  return fail(ErrorCode::kStore, st.error());
}

Result<void> SqliteStore::load_story_assignments(
    std::optional<Instant> since, const std::function<void(const StoryAssignment&)>& fn) {
  std::lock_guard lock(mutex_);
  sql::Statement st(db_,
                    "SELECT l.article_id, l.story_id, a.title, a.text, a.published_at, a.language"
                    " FROM article_links l JOIN articles a ON a.id = l.article_id"
                    " WHERE l.story_id IS NOT NULL AND (?1 IS NULL OR a.sort_time >= ?1)"
                    " ORDER BY a.sort_time, a.id");
  if (since) st.bind(1, format_rfc3339(*since));
  StoryAssignment row;
  while (st.step()) {
    row.article_id = st.column_int(0);
    row.story_id = st.column_int(1);
    row.title = st.column_text(2);
    row.text = st.column_text(3);
    row.published_at.reset();
    if (!st.column_is_null(4)) row.published_at = parse_iso8601(st.column_text(4));
    row.language = st.column_text(5);
    fn(row);
  }
  if (st.failed() || !st.ok()) return fail(ErrorCode::kStore, st.error());
  return {};
}

Result<std::optional<int64_t>> SqliteStore::find_article_by_url_key(const std::string& url_key) {
  std::lock_guard lock(mutex_);
  sql::Statement st(db_,
                    "SELECT article_id FROM article_links WHERE url_key = ?"
                    " ORDER BY article_id LIMIT 1");
  st.bind(1, url_key);
  if (st.step()) return std::optional<int64_t>(st.column_int(0));
  if (st.failed() || !st.ok()) return fail(ErrorCode::kStore, st.error());
  return std::optional<int64_t>();
}

Result<std::vector<Story>> SqliteStore::list_stories(const StoryQuery& q) {
  std::string order;
  std::string key;
  if (q.sort == "latest") {
    order = "s.last_published_at DESC, s.id DESC";
    key = "(s.last_published_at, s.id) < (SELECT last_published_at, id FROM stories WHERE id = ?1)";
  } else if (q.sort == "coverage") {
    order = "s.outlet_count DESC, s.article_count DESC, s.last_published_at DESC, s.id DESC";
    key =
        "(s.outlet_count, s.article_count, s.last_published_at, s.id) <"
        " (SELECT outlet_count, article_count, last_published_at, id FROM stories"
        " WHERE id = ?1)";
  } else {
    return fail(ErrorCode::kInvalidInput, "sort must be latest or coverage, not " + q.sort);
  }
  std::lock_guard lock(mutex_);
  std::string sql = story_select() +
                    "WHERE s.article_count > 0"
                    " AND (?2 IS NULL OR s.last_published_at >= ?2) ";
  if (q.before_id) sql += "AND " + key + " ";
  sql += "ORDER BY " + order + " LIMIT ?3 OFFSET ?4";
  sql::Statement st(db_, sql);
  if (q.before_id) st.bind(1, *q.before_id);
  if (q.since) st.bind(2, format_rfc3339(*q.since));
  st.bind(3, static_cast<int64_t>(std::clamp(q.limit, 1, 1000)));
  st.bind(4, static_cast<int64_t>(std::max(0, q.offset)));
  std::vector<Story> out;
  while (st.step()) out.push_back(read_story(st));
  if (st.failed() || !st.ok()) return fail(ErrorCode::kStore, st.error());
  return out;
}

Result<StoryDetail> SqliteStore::get_story(int64_t story_id) {
  std::lock_guard lock(mutex_);
  StoryDetail out;
  {
    sql::Statement st(db_, story_select() + "WHERE s.id = ? AND s.article_count > 0");
    st.bind(1, story_id);
    if (!st.step()) {
      if (st.failed() || !st.ok()) return fail(ErrorCode::kStore, st.error());
      return fail(ErrorCode::kNotFound, "no story " + std::to_string(story_id));
    }
    out.story = read_story(st);
  }
  auto articles = article_refs("WHERE l.story_id = ? ORDER BY a.sort_time, a.id", story_id);
  if (!articles) return tl::unexpected(articles.error());
  out.articles = std::move(*articles);
  return out;
}

Result<std::vector<ArticleRef>> SqliteStore::article_copies(int64_t article_id) {
  std::lock_guard lock(mutex_);
  return article_refs("WHERE l.copy_of = ? ORDER BY a.sort_time, a.id", article_id);
}

Result<std::optional<ArticleRef>> SqliteStore::first_reported_by(int64_t story_id) {
  std::lock_guard lock(mutex_);
  sql::Statement st(db_, "SELECT first_article_id FROM stories WHERE id = ?");
  st.bind(1, story_id);
  if (!st.step()) {
    if (st.failed() || !st.ok()) return fail(ErrorCode::kStore, st.error());
    return std::optional<ArticleRef>();
  }
  if (st.column_is_null(0)) return std::optional<ArticleRef>();
  return article_ref(st.column_int(0));
}

Result<ArticleRelations> SqliteStore::article_relations(int64_t article_id) {
  std::lock_guard lock(mutex_);
  auto self = article_ref(article_id);
  if (!self) return tl::unexpected(self.error());
  if (!*self) return fail(ErrorCode::kNotFound, "no article " + std::to_string(article_id));
  ArticleRelations out;
  out.similarity = (*self)->similarity;
  out.copy_reason = (*self)->copy_reason;
  if ((*self)->copy_of) {
    auto original = article_ref(*(*self)->copy_of);
    if (!original) return tl::unexpected(original.error());
    out.copy_of = *original;
  }
  auto copies = article_refs("WHERE l.copy_of = ? ORDER BY a.sort_time, a.id", article_id);
  if (!copies) return tl::unexpected(copies.error());
  out.copies = std::move(*copies);
  auto story = story_of(article_id);
  if (!story) return tl::unexpected(story.error());
  out.story_id = *story;
  if (out.story_id) {
    sql::Statement st(db_, "SELECT headline FROM stories WHERE id = ?");
    st.bind(1, *out.story_id);
    if (st.step()) out.story_headline = st.column_text(0);
    if (st.failed() || !st.ok()) return fail(ErrorCode::kStore, st.error());
    auto first = first_reported_by(*out.story_id);
    if (!first) return tl::unexpected(first.error());
    out.first_reported_by = *first;
  } else if (out.copy_of) {
    out.first_reported_by = out.copy_of;
  } else if (!out.copies.empty()) {
    out.first_reported_by = **self;
  }
  return out;
}

}  // namespace tidings::sqlite_detail
