// The crawl frontier in SQLite (see store.h): item URLs found in feeds and
// sitemaps, each fetched once; pending rows survive a killed run.
#include "store/sqlite_store.h"

#include <algorithm>

namespace tidings::sqlite_detail {

Result<FrontierAdded> SqliteStore::add_to_frontier(int64_t source_id,
                                                   const std::vector<FrontierItem>& items,
                                                   Instant now, int64_t max_new) {
  std::lock_guard lock(mutex_);
  FrontierAdded out;
  int64_t& added = out.added;
  auto r = transaction([&]() -> Result<void> {
    const std::string when = format_rfc3339(now);
    // Prepared once: a sitemap brings up to 50,000 items.
    sql::Statement st(db_,
                      "INSERT INTO frontier(source_id, url, title, published_at, discovered_at,"
                      " next_attempt_at) VALUES (?,?,?,?,?,?) ON CONFLICT(url) DO NOTHING");
    for (const FrontierItem& item : items) {
      if (added >= max_new) break;
      ++out.examined;
      st.reset();
      if (source_id > 0) {
        st.bind(1, source_id);
      } else {
        st.bind_null(1);
      }
      st.bind(2, item.url)
          .bind_optional(3, item.title)
          .bind_optional(4, item.published_at ? format_rfc3339(*item.published_at) : "")
          .bind(5, when)
          .bind(6, when);
      if (auto e = st.run(); !e) return e;
      added += sqlite3_changes(db_);
    }
    return {};
  });
  if (!r) return tl::unexpected(r.error());
  return out;
}

Result<std::vector<FrontierEntry>> SqliteStore::due_frontier(Instant now, int limit) {
  std::lock_guard lock(mutex_);
  sql::Statement st(db_,
                    "SELECT id, COALESCE(source_id, 0), url, COALESCE(title, ''), published_at,"
                    " attempts FROM frontier WHERE state = 'pending' AND next_attempt_at <= ?"
                    " ORDER BY next_attempt_at, id LIMIT ?");
  st.bind(1, format_rfc3339(now)).bind(2, static_cast<int64_t>(std::max(1, limit)));
  std::vector<FrontierEntry> out;
  while (st.step()) {
    FrontierEntry e;
    e.id = st.column_int(0);
    e.source_id = st.column_int(1);
    e.item.url = st.column_text(2);
    e.item.title = st.column_text(3);
    if (!st.column_is_null(4)) e.item.published_at = parse_iso8601(st.column_text(4));
    e.attempts = static_cast<int>(st.column_int(5));
    out.push_back(std::move(e));
  }
  if (st.failed() || !st.ok()) return fail(ErrorCode::kStore, st.error());
  return out;
}

Result<void> SqliteStore::frontier_done(int64_t entry_id, int http_status, int64_t document_id) {
  std::lock_guard lock(mutex_);
  sql::Statement st(db_,
                    "UPDATE frontier SET state = 'done', attempts = attempts + 1, last_status = ?,"
                    " last_error = NULL, document_id = ? WHERE id = ?");
  st.bind(1, static_cast<int64_t>(http_status));
  if (document_id > 0) {
    st.bind(2, document_id);
  } else {
    st.bind_null(2);
  }
  st.bind(3, entry_id);
  return st.run();
}

Result<void> SqliteStore::frontier_failed(int64_t entry_id, int http_status,
                                          const std::string& error,
                                          std::optional<Instant> retry_at) {
  std::lock_guard lock(mutex_);
  sql::Statement st(db_,
                    "UPDATE frontier SET state = ?, attempts = attempts + 1, last_status = ?,"
                    " last_error = ?, next_attempt_at = COALESCE(?, next_attempt_at) WHERE id = ?");
  st.bind(1, std::string_view(retry_at ? "pending" : "failed"))
      .bind(2, static_cast<int64_t>(http_status))
      .bind(3, error)
      .bind_optional(4, retry_at ? format_rfc3339(*retry_at) : "")
      .bind(5, entry_id);
  return st.run();
}

Result<std::vector<FrontierFailure>> SqliteStore::frontier_failures(int limit) {
  std::lock_guard lock(mutex_);
  sql::Statement st(db_,
                    "SELECT f.id, COALESCE(f.source_id, 0), COALESCE(s.name, s.url, ''), f.url,"
                    " f.state, f.last_status, f.last_error, f.attempts, f.next_attempt_at"
                    " FROM frontier f LEFT JOIN sources s ON s.id = f.source_id"
                    " WHERE f.state != 'done' AND f.last_error IS NOT NULL"
                    " ORDER BY f.source_id, f.id LIMIT ?");
  st.bind(1, static_cast<int64_t>(std::max(1, limit)));
  std::vector<FrontierFailure> out;
  while (st.step()) {
    FrontierFailure f;
    f.entry_id = st.column_int(0);
    f.source_id = st.column_int(1);
    f.source_name = st.column_text(2);
    f.url = st.column_text(3);
    f.will_retry = st.column_text(4) == "pending";
    f.http_status = static_cast<int>(st.column_int(5));
    f.error = st.column_text(6);
    f.attempts = static_cast<int>(st.column_int(7));
    f.next_attempt_at = parse_stored_time(st.column_text(8));
    out.push_back(std::move(f));
  }
  if (st.failed() || !st.ok()) return fail(ErrorCode::kStore, st.error());
  return out;
}

Result<void> SqliteStore::frontier_postpone(int64_t entry_id, const std::string& reason,
                                            Instant retry_at) {
  std::lock_guard lock(mutex_);
  sql::Statement st(db_,
                    "UPDATE frontier SET last_error = ?, next_attempt_at = ?"
                    " WHERE id = ? AND state = 'pending'");
  st.bind(1, reason).bind(2, format_rfc3339(retry_at)).bind(3, entry_id);
  return st.run();
}

Result<int64_t> SqliteStore::frontier_pending() {
  std::lock_guard lock(mutex_);
  sql::Statement st(db_, "SELECT COUNT(*) FROM frontier WHERE state = 'pending'");
  if (!st.step()) return fail(ErrorCode::kStore, st.error());
  return st.column_int(0);
}

}  // namespace tidings::sqlite_detail
