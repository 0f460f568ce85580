// The embedded store: one SQLite database in WAL mode (docs/store.md).
//
// Durability: journal_mode=WAL with synchronous=NORMAL by default. A commit
// is in the WAL before it returns, so a killed process (kill -9) loses
// nothing that was committed; only a power loss can drop the last commits
// (synchronous=FULL closes that gap at the cost of an fsync per commit).
// Threads: one connection guarded by a recursive mutex; a transaction
// holds it from BEGIN to COMMIT, so other threads wait rather than see
// half-written state.
#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/utf8.h"
#include "store/codec.h"
#include "store/schema.h"
#include "store/sqlite_store.h"

namespace tidings {

namespace sqlite_detail {

namespace {
constexpr size_t kMaxStoredDocumentBytes = 256u << 20;
}  // namespace

Instant parse_stored_time(const std::string& s) {
  auto t = parse_iso8601(s);
  return t ? *t : Instant{};
}

namespace {

/// Authors and tags are stored as JSON arrays of strings; "" for none.
std::string string_list_to_json(const std::vector<std::string>& list) {
  if (list.empty()) return "";
  return nlohmann::json(list).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::vector<std::string> string_list_from_json(const std::string& text) {
  std::vector<std::string> out;
  if (text.empty()) return out;
  const nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_array()) return out;
  for (const auto& v : j) {
    if (v.is_string()) out.push_back(v.get<std::string>());
  }
  return out;
}

}  // namespace

Result<void> SqliteStore::configure(const SqliteOptions& options) {
  sqlite3_busy_timeout(db_, options.busy_timeout_ms);
  if (auto r = sql::exec(db_, "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON;"); !r) return r;
  const std::string sync = options.synchronous == "full" ? "FULL" : "NORMAL";
  return sql::exec(db_, "PRAGMA synchronous=" + sync + ";");
}

Result<void> SqliteStore::migrate() {
  if (auto r = sql::exec(db_,
                         "CREATE TABLE IF NOT EXISTS schema_migrations ("
                         " version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL);");
      !r) {
    return r;
  }
  int64_t current = 0;
  {
    sql::Statement st(db_, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
    if (st.step()) current = st.column_int(0);
    if (st.failed() || !st.ok()) return fail(ErrorCode::kStore, st.error());
  }
  if (current > latest_schema_version()) {
    return fail(ErrorCode::kStore, "database schema version " + std::to_string(current) +
                                       " is newer than this tidings (" +
                                       std::to_string(latest_schema_version()) + ")");
  }
  for (const Migration& m : migrations()) {
    if (m.version <= current) continue;
    auto r = transaction([&]() -> Result<void> {
      if (auto e = sql::exec(db_, m.sql); !e) return e;
      sql::Statement st(db_, "INSERT INTO schema_migrations(version, applied_at) VALUES (?, ?)");
      st.bind(1, static_cast<int64_t>(m.version)).bind(2, format_rfc3339(now_seconds()));
      return st.run();
    });
    if (!r) {
      return fail(ErrorCode::kStore,
                  "migration " + std::to_string(m.version) + " failed: " + r.error().message);
    }
  }
  return {};
}

Result<void> SqliteStore::transaction(const std::function<Result<void>()>& body) {
  std::lock_guard lock(mutex_);
  if (transaction_depth_ > 0) {  // nested: part of the enclosing transaction
    ++transaction_depth_;
    auto r = body();
    --transaction_depth_;
    return r;
  }
  if (auto r = sql::exec(db_, "BEGIN IMMEDIATE"); !r) return r;
  ++transaction_depth_;
  Result<void> result;
  try {
    result = body();
  } catch (const std::exception& e) {
    result = fail(ErrorCode::kInternal, std::string("transaction body threw: ") + e.what());
  }
  if (result && !stale_stories_.empty()) {
    for (const int64_t story : stale_stories_) {
      result = refresh_story_now(story);
      if (!result) break;
    }
  }
  stale_stories_.clear();
  --transaction_depth_;
  if (!result) {
    (void)sql::exec(db_, "ROLLBACK");
    return result;
  }
  if (auto r = sql::exec(db_, "COMMIT"); !r) {
    (void)sql::exec(db_, "ROLLBACK");
    return r;
  }
  return {};
}

Result<std::optional<int64_t>> SqliteStore::find_document(const std::string& url,
                                                          std::string_view body) {
  std::lock_guard lock(mutex_);
  sql::Statement st(db_, "SELECT id FROM documents WHERE url = ? AND content_hash = ?");
  st.bind(1, url).bind(2, content_hash(body));
  if (st.step()) return std::optional<int64_t>(st.column_int(0));
  if (st.failed() || !st.ok()) return fail(ErrorCode::kStore, st.error());
  return std::optional<int64_t>();
}

Result<DocumentPut> SqliteStore::put_document(const Document& doc) {
  std::lock_guard lock(mutex_);
  auto existing = find_document(doc.url, doc.body);
  if (!existing) return tl::unexpected(existing.error());
  if (*existing) return DocumentPut{**existing, false};
  const std::string hash = content_hash(doc.body);
  const std::string now = format_rfc3339(now_seconds());
  sql::Statement st(db_,
                    "INSERT INTO documents(url, final_url, origin, http_status, headers,"
                    " content_type, fetched_at, content_hash, raw_size, raw_zstd, state,"
                    " created_at, updated_at, source_id) VALUES (?,?,?,?,?,?,?,?,?,?,'new',?,?,?)");
  st.bind(1, doc.url)
      .bind_optional(2, doc.final_url)
      .bind_optional(3, doc.origin)
      .bind(4, static_cast<int64_t>(doc.http_status))
      .bind_optional(5, doc.headers)
      .bind_optional(6, doc.content_type)
      .bind(7, format_rfc3339(doc.fetched_at))
      .bind(8, hash)
      .bind(9, static_cast<int64_t>(doc.body.size()))
      .bind_blob(10, compress_raw(doc.body))
      .bind(11, now)
      .bind(12, now);
  if (doc.source_id > 0) {
    st.bind(13, doc.source_id);
  } else {
    st.bind_null(13);
  }
  if (auto r = st.run(); !r) return tl::unexpected(r.error());
  return DocumentPut{sqlite3_last_insert_rowid(db_), true};
}

Result<int64_t> SqliteStore::save_article(int64_t document_id, const Article& a,
                                          const std::string& outlet, int extractor_version) {
  std::lock_guard lock(mutex_);
  int64_t article_id = 0;
  auto r = transaction([&]() -> Result<void> {
    std::string fetched_at;
    {
      sql::Statement st(db_, "SELECT fetched_at FROM documents WHERE id = ?");
      st.bind(1, document_id);
      if (!st.step()) {
        if (st.failed() || !st.ok()) return fail(ErrorCode::kStore, st.error());
        return fail(ErrorCode::kNotFound, "no document " + std::to_string(document_id));
      }
      fetched_at = st.column_text(0);
    }
    const std::string published = a.published_at ? format_rfc3339(*a.published_at) : "";
    const std::string now = format_rfc3339(now_seconds());
    sql::Statement st(db_,
                      "INSERT INTO articles(document_id, url, canonical_url, title, byline,"
                      " published_at, language, site_name, outlet, image, text, sort_time,"
                      " extractor_version, extracted_at, authors, modified_at,"
                      " utc_offset_minutes, section, tags)"
                      " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
                      " ON CONFLICT(document_id) DO UPDATE SET url=excluded.url,"
                      " canonical_url=excluded.canonical_url, title=excluded.title,"
                      " byline=excluded.byline, published_at=excluded.published_at,"
                      " language=excluded.language, site_name=excluded.site_name,"
                      " outlet=excluded.outlet, image=excluded.image, text=excluded.text,"
                      " sort_time=excluded.sort_time,"
                      " extractor_version=excluded.extractor_version,"
                      " extracted_at=excluded.extracted_at, authors=excluded.authors,"
                      " modified_at=excluded.modified_at,"
                      " utc_offset_minutes=excluded.utc_offset_minutes,"
                      " section=excluded.section, tags=excluded.tags RETURNING id");
    st.bind(1, document_id)
        .bind_optional(2, a.url)
        .bind_optional(3, a.canonical_url)
        .bind_optional(4, a.title)
        .bind_optional(5, a.byline)
        .bind_optional(6, published)
        .bind_optional(7, a.language)
        .bind_optional(8, a.site_name)
        .bind_optional(9, outlet)
        .bind_optional(10, a.image)
        .bind(11, a.text)
        .bind(12, published.empty() ? fetched_at : published)
        .bind(13, static_cast<int64_t>(extractor_version))
        .bind(14, now)
        .bind_optional(15, string_list_to_json(a.authors))
        .bind_optional(16, a.modified_at ? format_rfc3339(*a.modified_at) : std::string())
        .bind_optional(18, a.section)
        .bind_optional(19, string_list_to_json(a.tags));
    if (a.utc_offset_minutes) st.bind(17, static_cast<int64_t>(*a.utc_offset_minutes));
    if (!st.step()) return fail(ErrorCode::kStore, st.error());
    article_id = st.column_int(0);
    while (st.step()) {
    }
    sql::Statement del(db_, "DELETE FROM source_links WHERE article_id = ?");
    if (auto e = del.bind(1, article_id).run(); !e) return e;
    int64_t position = 0;
    for (const SourceLink& link : a.source_links) {
      sql::Statement ins(db_,
                         "INSERT INTO source_links(article_id, position, url, text, kind, agency)"
                         " VALUES (?,?,?,?,?,?)");
      ins.bind(1, article_id).bind(2, position++).bind(3, link.url).bind(4, link.text);
      ins.bind(5, link.kind.empty() ? std::string_view("link") : std::string_view(link.kind));
      ins.bind_optional(6, link.agency);
      if (auto e = ins.run(); !e) return e;
    }
    sql::Statement upd(db_,
                       "UPDATE documents SET state='extracted', error_stage=NULL,"
                       " error_code=NULL, error=NULL, attempts=attempts+1, updated_at=?"
                       " WHERE id = ?");
    if (auto e = upd.bind(1, now).bind(2, document_id).run(); !e) return e;
    auto e = update_fetch_outcome(document_id, "article", static_cast<int64_t>(utf8_length(a.text)));
    if (!e) return e;
    // Re-extraction may change the title, time or outlet its story shows.
    auto story = story_of(article_id);
    if (!story) return tl::unexpected(story.error());
    if (*story) return refresh_story(**story);
    return {};
  });
  if (!r) return tl::unexpected(r.error());
  return article_id;
}

Result<void> SqliteStore::save_failure(int64_t document_id, const std::string& stage,
                                       const Error& error) {
  std::lock_guard lock(mutex_);
  sql::Statement st(db_,
                    "UPDATE documents SET state='failed', error_stage=?, error_code=?, error=?,"
                    " attempts=attempts+1, updated_at=? WHERE id = ?");
  st.bind(1, stage)
      .bind(2, std::string_view(error_code_name(error.code)))
      .bind(3, error.message)
      .bind(4, format_rfc3339(now_seconds()))
      .bind(5, document_id);
  if (auto r = st.run(); !r) return r;
  if (sqlite3_changes(db_) == 0) {
    return fail(ErrorCode::kNotFound, "no document " + std::to_string(document_id));
  }
  // A page that is not an article is logged under its kind; any other
  // failure as "failed".
  const std::string_view code = error_code_name(error.code);
  const bool page_kind = code == "blocked" || code == "paywalled" || code == "needs_javascript" ||
                         code == "empty";
  return update_fetch_outcome(document_id, page_kind ? code : std::string_view("failed"), 0);
}

Result<StoredDocument> SqliteStore::get_document(int64_t id) {
  std::lock_guard lock(mutex_);
  sql::Statement st(db_,
                    "SELECT url, final_url, origin, http_status, headers, content_type,"
                    " fetched_at, raw_zstd, state, error_stage, error_code, error,"
                    " COALESCE(source_id, 0) FROM documents WHERE id = ?");
  st.bind(1, id);
  if (!st.step()) {
    if (st.failed() || !st.ok()) return fail(ErrorCode::kStore, st.error());
    return fail(ErrorCode::kNotFound, "no document " + std::to_string(id));
  }
  StoredDocument out;
  out.id = id;
  Document& d = out.document;
  d.url = st.column_text(0);
  d.final_url = st.column_text(1);
  d.origin = st.column_text(2);
  d.http_status = static_cast<int>(st.column_int(3));
  d.headers = st.column_text(4);
  d.content_type = st.column_text(5);
  d.fetched_at = parse_stored_time(st.column_text(6));
  auto body = decompress_raw(st.column_blob(7), kMaxStoredDocumentBytes);
  if (!body) return tl::unexpected(body.error());
  d.body = std::move(*body);
  out.state = st.column_text(8);
  out.error_stage = st.column_text(9);
  out.error_code = st.column_text(10);
  out.error = st.column_text(11);
  d.source_id = st.column_int(12);
  return out;
}

Result<std::vector<int64_t>> SqliteStore::document_ids(bool failed_only) {
  std::lock_guard lock(mutex_);
  sql::Statement st(db_, failed_only ? "SELECT id FROM documents WHERE state='failed' ORDER BY id"
                                     : "SELECT id FROM documents ORDER BY id");
  std::vector<int64_t> ids;
  while (st.step()) ids.push_back(st.column_int(0));
  if (st.failed() || !st.ok()) return fail(ErrorCode::kStore, st.error());
  return ids;
}

constexpr std::string_view kArticleColumns =
    "SELECT a.id, a.document_id, a.url, a.canonical_url, a.title, a.byline, a.published_at,"
    " a.language, a.site_name, a.outlet, a.image, a.text, d.fetched_at, a.authors,"
    " a.modified_at, a.utc_offset_minutes, a.section, a.tags"
    " FROM articles a JOIN documents d ON d.id = a.document_id ";

Result<StoredArticle> SqliteStore::read_article_row(sql::Statement& st) {
  StoredArticle s;
  s.id = st.column_int(0);
  s.document_id = st.column_int(1);
  Article& a = s.article;
  a.url = st.column_text(2);
  a.canonical_url = st.column_text(3);
  a.title = st.column_text(4);
  a.byline = st.column_text(5);
  if (!st.column_is_null(6)) a.published_at = parse_iso8601(st.column_text(6));
  a.language = st.column_text(7);
  a.site_name = st.column_text(8);
  s.outlet = st.column_text(9);
  a.image = st.column_text(10);
  a.text = st.column_text(11);
  s.fetched_at = parse_stored_time(st.column_text(12));
  a.authors = string_list_from_json(st.column_text(13));
  if (!st.column_is_null(14)) a.modified_at = parse_iso8601(st.column_text(14));
  if (!st.column_is_null(15)) a.utc_offset_minutes = static_cast<int>(st.column_int(15));
  a.section = st.column_text(16);
  a.tags = string_list_from_json(st.column_text(17));
  auto links = load_links(s.id);
  if (!links) return tl::unexpected(links.error());
  a.source_links = std::move(*links);
  return s;
}

Result<std::vector<SourceLink>> SqliteStore::load_links(int64_t article_id) {
  sql::Statement st(db_,
                    "SELECT url, text, kind, agency FROM source_links WHERE article_id = ?"
                    " ORDER BY position");
  st.bind(1, article_id);
  std::vector<SourceLink> links;
  while (st.step()) {
    links.push_back({st.column_text(0), st.column_text(1), st.column_text(2), st.column_text(3)});
  }
  if (st.failed() || !st.ok()) return fail(ErrorCode::kStore, st.error());
  return links;
}

Result<std::vector<StoredArticle>> SqliteStore::list_articles(const ArticleQuery& q) {
  std::lock_guard lock(mutex_);
  const int64_t limit = std::clamp(q.limit, 1, 1000);
  std::string sql(kArticleColumns);
  if (q.before_id) {
    sql += "WHERE (a.sort_time, a.id) < (SELECT sort_time, id FROM articles WHERE id = ?1) ";
  }
  sql += "ORDER BY a.sort_time DESC, a.id DESC LIMIT ?2 OFFSET ?3";
  sql::Statement st(db_, sql);
  if (q.before_id) st.bind(1, *q.before_id);
  st.bind(2, limit).bind(3, static_cast<int64_t>(std::max(0, q.offset)));
  std::vector<StoredArticle> out;
  while (st.step()) {
    auto row = read_article_row(st);
    if (!row) return tl::unexpected(row.error());
    out.push_back(std::move(*row));
  }
  if (st.failed() || !st.ok()) return fail(ErrorCode::kStore, st.error());
  return out;
}

Result<StoredArticle> SqliteStore::get_article(int64_t id) {
  std::lock_guard lock(mutex_);
  sql::Statement st(db_, std::string(kArticleColumns) + "WHERE a.id = ?");
  st.bind(1, id);
  if (!st.step()) {
    if (st.failed() || !st.ok()) return fail(ErrorCode::kStore, st.error());
    return fail(ErrorCode::kNotFound, "no article " + std::to_string(id));
  }
  return read_article_row(st);
}

Result<std::vector<Failure>> SqliteStore::list_failures(int limit) {
  std::lock_guard lock(mutex_);
  sql::Statement st(db_,
                    "SELECT id, url, origin, error_stage, error_code, error, attempts, updated_at"
                    " FROM documents WHERE state='failed' ORDER BY id LIMIT ?");
  st.bind(1, static_cast<int64_t>(std::max(1, limit)));
  std::vector<Failure> out;
  while (st.step()) {
    out.push_back({st.column_int(0), st.column_text(1), st.column_text(2), st.column_text(3),
                   st.column_text(4), st.column_text(5), static_cast<int>(st.column_int(6)),
                   parse_stored_time(st.column_text(7))});
  }
  if (st.failed() || !st.ok()) return fail(ErrorCode::kStore, st.error());
  return out;
}

Result<StoreCounts> SqliteStore::counts() {
  std::lock_guard lock(mutex_);
  sql::Statement st(db_,
                    "SELECT (SELECT COUNT(*) FROM documents), (SELECT COUNT(*) FROM articles),"
                    " (SELECT COUNT(*) FROM documents WHERE state='failed')");
  if (!st.step()) return fail(ErrorCode::kStore, st.error());
  return StoreCounts{st.column_int(0), st.column_int(1), st.column_int(2)};
}

}  // namespace sqlite_detail

int latest_schema_version() { return migrations().back().version; }

Result<std::unique_ptr<Store>> open_sqlite_store(const std::string& path,
                                                 const SqliteOptions& options) {
  sqlite3* db = nullptr;
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX;
  if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close_v2(db);
    return fail(ErrorCode::kStore, "cannot open database " + path + ": " + msg);
  }
  auto store = std::make_unique<sqlite_detail::SqliteStore>(db);
  if (auto r = store->configure(options); !r) {
    return fail(ErrorCode::kStore, path + ": " + r.error().message);
  }
  if (auto r = store->migrate(); !r) return fail(ErrorCode::kStore, path + ": " + r.error().message);
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace tidings
