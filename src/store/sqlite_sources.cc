// The source registry in SQLite: add, list, get, remove (see store.h).
#include "store/sqlite_store.h"

namespace tidings::sqlite_detail {

namespace {

constexpr std::string_view kSourceColumns =
    "SELECT s.id, s.url, COALESCE(s.name, ''), s.kind, s.every_seconds, s.enabled, s.created_at,"
    " COALESCE(s.feed_url, ''), COALESCE(s.etag, ''), COALESCE(s.last_modified, ''),"
    " s.last_fetch_at, s.next_poll_at, s.last_status, COALESCE(s.last_error, ''),"
    " s.items_found,"
    " (SELECT COUNT(*) FROM articles a JOIN documents d ON d.id = a.document_id"
    "  WHERE d.source_id = s.id),"
    " COALESCE(s.last_warning, ''),"
    " (SELECT COUNT(*) FROM frontier f WHERE f.source_id = s.id AND f.state = 'pending'),"
    " (SELECT COUNT(*) FROM frontier f WHERE f.source_id = s.id AND f.state = 'failed')"
    " FROM sources s ";

std::optional<Instant> optional_time(const sql::Statement& st, int col) {
  if (st.column_is_null(col)) return std::nullopt;
  return parse_iso8601(st.column_text(col));
}

Source read_source(const sql::Statement& st) {
  Source s;
  s.id = st.column_int(0);
  s.url = st.column_text(1);
  s.name = st.column_text(2);
  s.kind = st.column_text(3);
  s.every_seconds = st.column_int(4);
  s.enabled = st.column_int(5) != 0;
  s.created_at = parse_stored_time(st.column_text(6));
  s.feed_url = st.column_text(7);
  s.etag = st.column_text(8);
  s.last_modified = st.column_text(9);
  s.last_fetch_at = optional_time(st, 10);
  s.next_poll_at = optional_time(st, 11);
  s.last_status = static_cast<int>(st.column_int(12));
  s.last_error = st.column_text(13);
  s.items_found = st.column_int(14);
  s.articles = st.column_int(15);
  s.last_warning = st.column_text(16);
  s.frontier_pending = st.column_int(17);
  s.frontier_failed = st.column_int(18);
  return s;
}

}  // namespace

Result<Source> SqliteStore::add_source(const SourceSpec& spec) {
  std::lock_guard lock(mutex_);
  {
    sql::Statement st(db_, "SELECT id FROM sources WHERE url = ?");
    st.bind(1, spec.url);
    if (st.step()) {
      return fail(ErrorCode::kInvalidInput,
                  spec.url + " is registered already as source " + std::to_string(st.column_int(0)));
    }
    if (st.failed() || !st.ok()) return fail(ErrorCode::kStore, st.error());
  }
  sql::Statement st(db_,
                    "INSERT INTO sources(url, name, kind, every_seconds, created_at)"
                    " VALUES (?,?,?,?,?)");
  st.bind(1, spec.url)
      .bind_optional(2, spec.name)
      .bind(3, spec.kind)
      .bind(4, spec.every_seconds)
      .bind(5, format_rfc3339(now_seconds()));
  if (auto r = st.run(); !r) return tl::unexpected(r.error());
  return get_source(sqlite3_last_insert_rowid(db_));
}

Result<std::vector<Source>> SqliteStore::list_sources() {
  std::lock_guard lock(mutex_);
  sql::Statement st(db_, std::string(kSourceColumns) + "ORDER BY s.id");
  std::vector<Source> out;
  while (st.step()) out.push_back(read_source(st));
  if (st.failed() || !st.ok()) return fail(ErrorCode::kStore, st.error());
  return out;
}

Result<Source> SqliteStore::get_source(int64_t id) {
  std::lock_guard lock(mutex_);
  sql::Statement st(db_, std::string(kSourceColumns) + "WHERE s.id = ?");
  st.bind(1, id);
  if (st.step()) return read_source(st);
  if (st.failed() || !st.ok()) return fail(ErrorCode::kStore, st.error());
  return fail(ErrorCode::kNotFound, "no source " + std::to_string(id));
}

Result<void> SqliteStore::remove_source(int64_t id) {
  std::lock_guard lock(mutex_);
  return transaction([&]() -> Result<void> {
    sql::Statement detach(db_, "UPDATE documents SET source_id = NULL WHERE source_id = ?");
    if (auto r = detach.bind(1, id).run(); !r) return r;
    sql::Statement del(db_, "DELETE FROM sources WHERE id = ?");
    if (auto r = del.bind(1, id).run(); !r) return r;
    if (sqlite3_changes(db_) == 0) return fail(ErrorCode::kNotFound, "no source " + std::to_string(id));
    return {};
  });
}

Result<void> SqliteStore::record_poll(int64_t source_id, const SourcePoll& poll) {
  std::lock_guard lock(mutex_);
  // Validators and a discovered feed are kept when this poll has none (a
  // failed poll must not erase what the last good one learned), unless the
  // poll asks to forget the validators.
  sql::Statement st(db_,
                    "UPDATE sources SET last_fetch_at = ?1, last_status = ?2, last_error = ?3,"
                    " etag = IIF(?12, NULL, COALESCE(?4, etag)),"
                    " last_modified = IIF(?12, NULL, COALESCE(?5, last_modified)),"
                    " feed_url = COALESCE(?6, feed_url), name = COALESCE(name, ?7),"
                    " items_found = items_found + ?8, next_poll_at = ?9, last_warning = ?11"
                    " WHERE id = ?10");
  st.bind(1, format_rfc3339(poll.fetched_at))
      .bind(2, static_cast<int64_t>(poll.http_status))
      .bind_optional(3, poll.error)
      .bind_optional(4, poll.etag)
      .bind_optional(5, poll.last_modified)
      .bind_optional(6, poll.feed_url)
      .bind_optional(7, poll.name)
      .bind(8, poll.items_found)
      .bind(9, format_rfc3339(poll.next_poll_at))
      .bind(10, source_id)
      .bind_optional(11, poll.warning)
      .bind(12, int64_t{poll.forget_validators ? 1 : 0});
  if (auto r = st.run(); !r) return r;
  if (sqlite3_changes(db_) == 0) return fail(ErrorCode::kNotFound, "no source " + std::to_string(source_id));
  return {};
}

Result<std::vector<Source>> SqliteStore::due_sources(Instant now) {
  std::lock_guard lock(mutex_);
  sql::Statement st(db_, std::string(kSourceColumns) +
                             "WHERE s.enabled = 1 AND (s.next_poll_at IS NULL OR s.next_poll_at <= ?)"
                             " ORDER BY s.id");
  st.bind(1, format_rfc3339(now));
  std::vector<Source> out;
  while (st.step()) out.push_back(read_source(st));
  if (st.failed() || !st.ok()) return fail(ErrorCode::kStore, st.error());
  return out;
}

}  // namespace tidings::sqlite_detail
