// The SQLite FTS5 backend (search.h): `<dir>/fts5.db` holds the documents
// (`docs`), an external-content FTS5 table over their title and text with
// the porter stemmer over unicode61 (`fts`), and the entity and place
// names of each (`facets`). Ranking is FTS5's bm25() with the title
// weighted 3 to 1, as the Xapian backend weighs it. The query tree
// (query.cc) becomes an FTS5 MATCH string in which every word is a quoted
// string, so no user text is ever read as FTS5 syntax.
#include <sqlite3.h>

#include <chrono>

#include "search/backends.h"
#include "search/query.h"
#include "store/sqlite.h"

namespace tidings::search {

namespace {

constexpr int64_t kCountCap = 10'000;  // totals past this are "at least"

constexpr const char* kSchema = R"SQL(
CREATE TABLE IF NOT EXISTS docs(
  id INTEGER PRIMARY KEY, title TEXT NOT NULL, url TEXT NOT NULL, outlet TEXT NOT NULL,
  outlet_key TEXT NOT NULL, lang TEXT NOT NULL, published INTEGER NOT NULL,
  story INTEGER NOT NULL, body TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS docs_published ON docs(published);
CREATE INDEX IF NOT EXISTS docs_outlet ON docs(outlet_key, published);
CREATE INDEX IF NOT EXISTS docs_story ON docs(story);
CREATE TABLE IF NOT EXISTS facets(key TEXT NOT NULL, id INTEGER NOT NULL,
  PRIMARY KEY(key, id)) WITHOUT ROWID;
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(title, body, content='docs',
  content_rowid='id', tokenize='porter unicode61 remove_diacritics 2');
)SQL";

std::string quoted(const std::vector<std::string>& words) {
  std::string s = "\"";
  for (size_t i = 0; i < words.size(); ++i) {
    if (i) s += ' ';
    s += words[i];  // split_words never yields a quote
  }
  return s + "\"";
}

std::string to_match(const QueryNode& n) {
  switch (n.kind) {
    case QueryNode::Kind::kAll: return "";
    case QueryNode::Kind::kTerm:
    case QueryNode::Kind::kPhrase: return quoted(n.words);
    case QueryNode::Kind::kAnd:
    case QueryNode::Kind::kOr: {
      std::string s = "(";
      for (size_t i = 0; i < n.children.size(); ++i) {
        if (i) s += n.kind == QueryNode::Kind::kAnd ? " AND " : " OR ";
        s += to_match(n.children[i]);
      }
      s += ")";
      if (n.excluded.empty()) return s;
      s = "(" + s + " NOT (";
      for (size_t i = 0; i < n.excluded.size(); ++i) {
        if (i) s += " OR ";
        s += to_match(n.excluded[i]);
      }
      return s + "))";
    }
  }
  return "";
}

int64_t seconds(Instant t) { return t.time_since_epoch().count(); }

// The WHERE clause of the filters, with its values in bind order.
struct Where {
  std::string sql;
  std::vector<std::pair<bool, std::string>> values;  // (is_int, value)
};

Where filter_where(const Filters& f) {
  Where w;
  auto add = [&](const std::string& clause, bool is_int, std::string value) {
    w.sql += " AND " + clause;
    w.values.emplace_back(is_int, std::move(value));
  };
  if (!f.outlet.empty()) add("d.outlet_key = ?", false, normalise_name(f.outlet));
  if (!f.language.empty()) add("d.lang = ?", false, normalise_name(f.language));
  if (f.story_id) add("d.story = ?", true, std::to_string(*f.story_id));
  if (f.from) add("d.published >= ?", true, std::to_string(seconds(*f.from)));
  if (f.to) add("d.published < ?", true, std::to_string(seconds(*f.to)));
  if (!f.entity.empty()) {
    add("d.id IN (SELECT id FROM facets WHERE key = ?)", false, "e:" + normalise_name(f.entity));
  }
  if (!f.place.empty()) {
    add("d.id IN (SELECT id FROM facets WHERE key = ?)", false, "p:" + normalise_place(f.place));
  }
  return w;
}

// Binds the filter values from parameter `first` on; returns the next index.
int bind_where(sql::Statement& st, const Where& w, int first) {
  for (const auto& [is_int, v] : w.values) {
    if (is_int) {
      st.bind(first++, static_cast<int64_t>(std::stoll(v)));
    } else {
      st.bind(first++, std::string_view(v));
    }
  }
  return first;
}

// Interrupts a statement that runs past its deadline.
int past_deadline(void* arg) {
  const auto* deadline = static_cast<std::chrono::steady_clock::time_point*>(arg);
  return std::chrono::steady_clock::now() > *deadline ? 1 : 0;
}

class Fts5Index final : public SearchIndex {
 public:
  Fts5Index(std::string dir, bool writable) : dir_(std::move(dir)), writable_(writable) {}
  ~Fts5Index() override {
    if (db_) sqlite3_close_v2(db_);
  }

  Result<void> open(bool create) {
    const std::string path = dir_ + "/fts5.db";
    int flags = writable_ ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY;
    if (create) flags |= SQLITE_OPEN_CREATE;
    flags |= SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
      return fail(ErrorCode::kIo, "cannot open the search index " + path + ": " +
                                      (db_ ? sqlite3_errmsg(db_) : "out of memory"));
    }
    sqlite3_busy_timeout(db_, 10000);
    sqlite3_progress_handler(db_, 10000, past_deadline, &deadline_);
    // Derived data, rebuilt by `tidings reindex`: WAL so readers never wait
    // for the writer; synchronous=NORMAL is durable against process crashes.
    if (writable_) {
      if (auto r = sql::exec(db_, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"); !r) return r;
    }
    if (create) {
      if (auto r = sql::exec(db_, kSchema); !r) return r;
    }
    return {};
  }

  Backend backend() const override { return Backend::kFts5; }

  Result<void> add(const std::vector<SearchDoc>& docs) override {
    if (!writable_) return fail(ErrorCode::kInvalidInput, "the search index is open read-only");
    no_deadline();
    if (auto r = sql::exec(db_, "BEGIN IMMEDIATE"); !r) return r;
    auto r = add_all(docs);
    if (!r) {
      sql::exec(db_, "ROLLBACK");
      return r;
    }
    return sql::exec(db_, "COMMIT");
  }

  Result<SearchResults> search(const SearchRequest& r) override {
    if (auto ok = check_request(r); !ok) return tl::unexpected(ok.error());
    auto node = parse_query(r.query);
    if (!node) return tl::unexpected(node.error());
    const bool all = node->kind == QueryNode::Kind::kAll;
    if (all && !r.filters.any()) {
      return fail(ErrorCode::kInvalidInput, "the query has no words and no filter");
    }
    const Where where = filter_where(r.filters);
    const std::string match = to_match(*node);
    const std::string from =
        all ? " FROM docs d WHERE 1" : " FROM fts JOIN docs d ON d.id = fts.rowid WHERE fts MATCH ?";
    start_deadline();
    SearchResults out;
    {
      sql::Statement st(db_, "SELECT d.id, " + std::string(all ? "0.0" : "-bm25(fts, 3.0, 1.0)") +
                                 " AS score" + from + where.sql +
                                 (all ? " ORDER BY d.published DESC, d.id DESC"
                                      : " ORDER BY score DESC, d.id") +
                                 " LIMIT ? OFFSET ?");
      if (!st.ok()) return fail(ErrorCode::kInvalidInput, "search: " + st.prepare_error());
      int i = 1;
      if (!all) st.bind(i++, std::string_view(match));
      i = bind_where(st, where, i);
      st.bind(i, static_cast<int64_t>(r.limit));
      st.bind(i + 1, static_cast<int64_t>(r.offset));
      while (st.step()) {
        Hit h;
        h.article_id = st.column_int(0);
        h.score = st.column_double(1);
        out.hits.push_back(std::move(h));
      }
      if (st.failed()) return statement_error(st);
    }
    {
      sql::Statement st(db_, "SELECT count(*) FROM (SELECT 1" + from + where.sql + " LIMIT ?)");
      if (!st.ok()) return fail(ErrorCode::kInvalidInput, "search: " + st.prepare_error());
      int i = 1;
      if (!all) st.bind(i++, std::string_view(match));
      i = bind_where(st, where, i);
      st.bind(i, kCountCap + r.offset + r.limit);
      if (st.step()) out.total = st.column_int(0);
      if (st.failed()) return statement_error(st);
      out.exact = out.total < kCountCap + r.offset + r.limit;
    }
    no_deadline();
    const std::vector<std::string> words = positive_words(*node);
    sql::Statement doc(db_, "SELECT title, url, outlet, lang, published, story, body FROM docs WHERE id = ?");
    for (Hit& h : out.hits) {
      doc.reset().bind(1, h.article_id);
      if (!doc.step()) continue;
      h.title = doc.column_text(0);
      h.url = doc.column_text(1);
      h.outlet = doc.column_text(2);
      h.language = doc.column_text(3);
      h.published_at = Instant(std::chrono::seconds(doc.column_int(4)));
      h.story_id = doc.column_int(5);
      Snippet s = make_snippet(doc.column_text(6), words);
      h.snippet = std::move(s.text);
      h.highlights = std::move(s.highlights);
    }
    return out;
  }

  // FTS5 interrupted at the bound is an error (kTooLarge), never a partial
  // count: complete is always true here.
  Result<HourCounts> hourly_counts(std::string_view query, const Filters& filters) override {
    if (auto ok = check_filters(filters); !ok) return tl::unexpected(ok.error());
    auto node = parse_query(query);
    if (!node) return tl::unexpected(node.error());
    const bool all = node->kind == QueryNode::Kind::kAll;
    const Where where = filter_where(filters);
    start_deadline();
    sql::Statement st(
        db_, "SELECT d.published / 3600 - (d.published < 0 AND d.published % 3600 != 0) AS h, "
             "d.outlet, count(*)" +
                 std::string(all ? " FROM docs d WHERE 1"
                                 : " FROM fts JOIN docs d ON d.id = fts.rowid WHERE fts MATCH ?") +
                 where.sql + " GROUP BY h, d.outlet");
    if (!st.ok()) return fail(ErrorCode::kInvalidInput, "attention: " + st.prepare_error());
    int i = 1;
    if (!all) st.bind(i++, to_match(*node));
    bind_where(st, where, i);
    HourCounts out;
    while (st.step()) out.counts.push_back({st.column_int(0), st.column_text(1), st.column_int(2)});
    if (st.failed()) return statement_error(st);
    no_deadline();
    return out;
  }

  Result<int64_t> doc_count() override {
    no_deadline();
    sql::Statement st(db_, "SELECT count(*) FROM docs");
    if (!st.step()) return fail(ErrorCode::kIo, "search index: " + st.error());
    return st.column_int(0);
  }

  // The database and its WAL.
  Result<int64_t> size_bytes() override { return directory_bytes(dir_); }

  Result<void> compact() override {
    if (!writable_) return fail(ErrorCode::kInvalidInput, "the search index is open read-only");
    no_deadline();
    // FTS5's segments merged into one b-tree, then the file rewritten
    // without free pages and the write-ahead log folded in.
    if (auto r = sql::exec(db_, "INSERT INTO fts(fts) VALUES('optimize')"); !r) return r;
    if (auto r = sql::exec(db_, "VACUUM"); !r) return r;
    return sql::exec(db_, "PRAGMA wal_checkpoint(TRUNCATE)");
  }

 private:
  Result<void> add_all(const std::vector<SearchDoc>& docs) {
    sql::Statement old(db_, "SELECT title, body FROM docs WHERE id = ?");
    sql::Statement del_fts(db_, "INSERT INTO fts(fts, rowid, title, body) VALUES('delete', ?, ?, ?)");
    sql::Statement del_doc(db_, "DELETE FROM docs WHERE id = ?");
    sql::Statement del_facets(db_, "DELETE FROM facets WHERE id = ?");
    sql::Statement put_doc(db_, "INSERT INTO docs(id, title, url, outlet, outlet_key, lang, published, "
                                "story, body) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)");
    sql::Statement put_fts(db_, "INSERT INTO fts(rowid, title, body) VALUES(?, ?, ?)");
    sql::Statement put_facet(db_, "INSERT OR IGNORE INTO facets(key, id) VALUES(?, ?)");
    for (auto* st : {&old, &del_fts, &del_doc, &del_facets, &put_doc, &put_fts, &put_facet}) {
      if (!st->ok()) return fail(ErrorCode::kIo, "search index: " + st->prepare_error());
    }
    for (const SearchDoc& d : docs) {
      if (d.article_id <= 0) return fail(ErrorCode::kInvalidInput, "an article id must be > 0");
      old.reset().bind(1, d.article_id);
      if (old.step()) {
        const std::string title = old.column_text(0), body = old.column_text(1);
        if (auto r = del_fts.reset().bind(1, d.article_id).bind(2, title).bind(3, body).run(); !r) return r;
        if (auto r = del_doc.reset().bind(1, d.article_id).run(); !r) return r;
        if (auto r = del_facets.reset().bind(1, d.article_id).run(); !r) return r;
      }
      const std::string body = utf8_prefix(d.text, kMaxStoredTextBytes);
      put_doc.reset()
          .bind(1, d.article_id)
          .bind(2, d.title)
          .bind(3, d.url)
          .bind(4, d.outlet)
          .bind(5, normalise_name(d.outlet))
          .bind(6, normalise_name(d.language))
          .bind(7, seconds(d.published_at))
          .bind(8, d.story_id)
          .bind(9, body);
      if (auto r = put_doc.run(); !r) return r;
      if (auto r = put_fts.reset().bind(1, d.article_id).bind(2, d.title).bind(3, body).run(); !r) return r;
      for (const std::string& e : d.entities) {
        const std::string n = normalise_name(e);
        if (n.empty()) continue;
        if (auto r = put_facet.reset().bind(1, "e:" + n).bind(2, d.article_id).run(); !r) return r;
      }
      for (const std::string& p : d.places) {
        const std::string n = normalise_place(p);
        if (n.empty()) continue;
        if (auto r = put_facet.reset().bind(1, "p:" + n).bind(2, d.article_id).run(); !r) return r;
      }
    }
    return {};
  }

  tl::unexpected<Error> statement_error(const sql::Statement& st) {
    const bool interrupted = sqlite3_errcode(db_) == SQLITE_INTERRUPT;
    no_deadline();
    if (interrupted) return fail(ErrorCode::kTooLarge, "the query took too long");
    return fail(ErrorCode::kIo, "search: " + st.error());
  }

  void start_deadline() {
    deadline_ = std::chrono::steady_clock::now() +
                std::chrono::milliseconds(static_cast<int64_t>(kQueryTimeLimitSeconds * 1000));
  }
  void no_deadline() { deadline_ = std::chrono::steady_clock::time_point::max(); }

  std::string dir_;
  bool writable_;
  sqlite3* db_ = nullptr;
  std::chrono::steady_clock::time_point deadline_ = std::chrono::steady_clock::time_point::max();
};

}  // namespace

Result<std::unique_ptr<SearchIndex>> open_fts5(const std::string& dir, bool writable, bool create) {
  auto index = std::make_unique<Fts5Index>(dir, writable);
  if (auto ok = index->open(create); !ok) return tl::unexpected(ok.error());
  return std::unique_ptr<SearchIndex>(std::move(index));
}

}  // namespace tidings::search
