// The fetch log in SQLite (see store.h): one row per page fetched for a
// source, read back newest first for source health.
#include "store/sqlite_store.h"

#include <algorithm>

namespace tidings::sqlite_detail {

Result<void> SqliteStore::record_fetch(const FetchRecord& r) {
  std::lock_guard lock(mutex_);
  sql::Statement st(db_,
                    "INSERT INTO fetch_log(source_id, url, fetched_at, http_status, outcome,"
                    " text_length, document_id) VALUES (?,?,?,?,?,?,?)");
  st.bind(1, r.source_id)
      .bind(2, r.url)
      .bind(3, format_rfc3339(r.fetched_at))
      .bind(4, static_cast<int64_t>(r.http_status))
      .bind(5, r.outcome)
      .bind(6, r.text_length);
  if (r.document_id > 0) {
    st.bind(7, r.document_id);
  } else {
    st.bind_null(7);
  }
  return st.run();
}

Result<void> SqliteStore::update_fetch_outcome(int64_t document_id, std::string_view outcome,
                                               int64_t text_length) {
  std::lock_guard lock(mutex_);
  sql::Statement st(db_,
                    "UPDATE fetch_log SET outcome = ?, text_length = ?"
                    " WHERE document_id = ? AND outcome != 'unchanged'");
  return st.bind(1, outcome).bind(2, text_length).bind(3, document_id).run();
}

Result<SourceHistory> SqliteStore::source_history(int64_t source_id, int fetch_limit,
                                                  int article_limit) {
  std::lock_guard lock(mutex_);
  SourceHistory out;
  {
    sql::Statement st(db_,
                      "SELECT url, fetched_at, http_status, outcome, text_length,"
                      " COALESCE(document_id, 0) FROM fetch_log WHERE source_id = ?"
                      " ORDER BY fetched_at DESC, id DESC LIMIT ?");
    st.bind(1, source_id).bind(2, static_cast<int64_t>(std::max(1, fetch_limit)));
    while (st.step()) {
      FetchRecord r;
      r.source_id = source_id;
      r.url = st.column_text(0);
      r.fetched_at = parse_stored_time(st.column_text(1));
      r.http_status = static_cast<int>(st.column_int(2));
      r.outcome = st.column_text(3);
      r.text_length = st.column_int(4);
      r.document_id = st.column_int(5);
      out.fetches.push_back(std::move(r));
    }
    if (st.failed() || !st.ok()) return fail(ErrorCode::kStore, st.error());
  }
  {
    sql::Statement st(db_,
                      "SELECT a.sort_time FROM articles a JOIN documents d ON d.id = a.document_id"
                      " WHERE d.source_id = ? ORDER BY a.sort_time DESC LIMIT ?");
    st.bind(1, source_id).bind(2, static_cast<int64_t>(std::max(1, article_limit)));
    while (st.step()) out.article_times.push_back(parse_stored_time(st.column_text(0)));
    if (st.failed() || !st.ok()) return fail(ErrorCode::kStore, st.error());
  }
  {
    sql::Statement st(db_,
                      "SELECT MAX(d.fetched_at) FROM articles a JOIN documents d"
                      " ON d.id = a.document_id WHERE d.source_id = ?");
    st.bind(1, source_id);
    if (st.step() && !st.column_is_null(0)) {
      out.last_article_stored_at = parse_stored_time(st.column_text(0));
    }
    if (st.failed() || !st.ok()) return fail(ErrorCode::kStore, st.error());
  }
  return out;
}

}  // namespace tidings::sqlite_detail
