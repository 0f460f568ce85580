// Copies and stories in SQLite, the writes (docs/store.md migration 7):
// article_links rows and the story counts kept current as articles join,
// leave or change original. Reads are in sqlite_story_reads.cc.
#include <set>

#include "store/sqlite_store.h"

namespace tidings::sqlite_detail {

namespace {

Result<void> check_story_number(std::optional<int64_t> story_id) {
  if (story_id && *story_id <= 0) {
    return fail(ErrorCode::kInvalidInput, "story id must be > 0, not " + std::to_string(*story_id));
  }
  return {};
}

}  // namespace

sql::Statement& SqliteStore::cached_statement(std::string_view sql) {
  auto it = statements_.find(sql);
  if (it == statements_.end()) {
    it = statements_.emplace(std::string(sql), std::make_unique<sql::Statement>(db_, sql)).first;
  }
  return it->second->reset();
}

Result<void> SqliteStore::require_article(int64_t article_id) {
  sql::Statement st(db_, "SELECT 1 FROM articles WHERE id = ?");
  st.bind(1, article_id);
  if (st.step()) return {};
  if (st.failed() || !st.ok()) return fail(ErrorCode::kStore, st.error());
  return fail(ErrorCode::kNotFound, "no article " + std::to_string(article_id));
}

Result<std::optional<int64_t>> SqliteStore::story_of(int64_t article_id) {
  sql::Statement st(db_, "SELECT story_id FROM article_links WHERE article_id = ?");
  st.bind(1, article_id);
  if (st.step()) {
    if (st.column_is_null(0)) return std::optional<int64_t>();
    return std::optional<int64_t>(st.column_int(0));
  }
  if (st.failed() || !st.ok()) return fail(ErrorCode::kStore, st.error());
  return std::optional<int64_t>();
}

Result<void> SqliteStore::ensure_story(int64_t story_id) {
  sql::Statement st(db_,
                    "INSERT INTO stories(id, created_at) VALUES (?, ?) ON CONFLICT(id) DO NOTHING");
  return st.bind(1, story_id).bind(2, format_rfc3339(now_seconds())).run();
}

// Recomputes a story's counts, times, first report and headline from its
// articles: one indexed read of the story's rows, so the cost grows with
// the story, not the store. The first report is the earliest original
// (a copy dated before its original does not make its outlet the first);
// the headline is the first titled article in that order.
Result<void> SqliteStore::refresh_story(int64_t story_id) {
  if (transaction_depth_ > 1) {
    stale_stories_.insert(story_id);
    return {};
  }
  return refresh_story_now(story_id);
}

Result<void> SqliteStore::refresh_story_now(int64_t story_id) {
  sql::Statement& st = cached_statement(
      "UPDATE stories SET"
      " article_count = (SELECT COUNT(*) FROM article_links WHERE story_id = ?1),"
      " outlet_count = (SELECT COUNT(DISTINCT a.outlet) FROM article_links l"
      "   JOIN articles a ON a.id = l.article_id WHERE l.story_id = ?1),"
      " first_published_at = (SELECT MIN(a.sort_time) FROM article_links l"
      "   JOIN articles a ON a.id = l.article_id WHERE l.story_id = ?1),"
      " last_published_at = (SELECT MAX(a.sort_time) FROM article_links l"
      "   JOIN articles a ON a.id = l.article_id WHERE l.story_id = ?1),"
      " first_article_id = (SELECT a.id FROM article_links l"
      "   JOIN articles a ON a.id = l.article_id WHERE l.story_id = ?1"
      "   ORDER BY l.copy_of IS NOT NULL, a.sort_time, a.id LIMIT 1),"
      " headline = (SELECT a.title FROM article_links l"
      "   JOIN articles a ON a.id = l.article_id"
      "   WHERE l.story_id = ?1 AND a.title IS NOT NULL AND a.title != ''"
      "   ORDER BY l.copy_of IS NOT NULL, a.sort_time, a.id LIMIT 1)"
      " WHERE id = ?1");
  return st.bind(1, story_id).run();
}

Result<void> SqliteStore::set_article_links(int64_t article_id, const ArticleLinks& links) {
  if (auto r = check_story_number(links.story_id); !r) return r;
  if (links.copy_of && *links.copy_of == article_id) {
    return fail(ErrorCode::kInvalidInput,
                "article " + std::to_string(article_id) + " cannot be a copy of itself");
  }
  std::lock_guard lock(mutex_);
  return transaction([&]() -> Result<void> {
    if (auto r = require_article(article_id); !r) return r;
    if (links.copy_of) {
      if (auto r = require_article(*links.copy_of); !r) return r;
    }
    auto old_story = story_of(article_id);
    if (!old_story) return tl::unexpected(old_story.error());
    if (links.story_id) {
      if (auto r = ensure_story(*links.story_id); !r) return r;
    }
    sql::Statement& st = cached_statement(
        "INSERT INTO article_links(article_id, url_key, fingerprint, copy_of,"
        " copy_similarity, copy_reason, story_id) VALUES (?,?,?,?,?,?,?)"
        " ON CONFLICT(article_id) DO UPDATE SET url_key=excluded.url_key,"
        " fingerprint=excluded.fingerprint, copy_of=excluded.copy_of,"
        " copy_similarity=excluded.copy_similarity,"
        " copy_reason=excluded.copy_reason, story_id=excluded.story_id");
    st.bind(1, article_id).bind_optional(2, links.url_key);
    if (links.fingerprint.empty()) {
      st.bind_null(3);
    } else {
      st.bind_blob(3, links.fingerprint);
    }
    if (links.copy_of) st.bind(4, *links.copy_of);
    if (links.similarity) st.bind_double(5, *links.similarity);
    st.bind_optional(6, links.copy_reason);
    if (links.story_id) st.bind(7, *links.story_id);
    if (auto r = st.run(); !r) return r;
    if (links.story_id) {
      if (auto r = refresh_story(*links.story_id); !r) return r;
    }
    if (*old_story && *old_story != links.story_id) return refresh_story(**old_story);
    return {};
  });
}

Result<void> SqliteStore::set_original(int64_t original_id,
                                       const std::vector<CopyAssignment>& copies) {
  std::lock_guard lock(mutex_);
  return transaction([&]() -> Result<void> {
    if (auto r = require_article(original_id); !r) return r;
    std::set<int64_t> stories;
    const auto note_story = [&](int64_t id) -> Result<void> {
      auto s = story_of(id);
      if (!s) return tl::unexpected(s.error());
      if (*s) stories.insert(**s);
      return {};
    };
    if (auto r = note_story(original_id); !r) return r;
    sql::Statement orig(db_,
                        "INSERT INTO article_links(article_id) VALUES (?)"
                        " ON CONFLICT(article_id) DO UPDATE SET copy_of=NULL,"
                        " copy_similarity=NULL, copy_reason=NULL");
    if (auto r = orig.bind(1, original_id).run(); !r) return r;
    sql::Statement set(db_,
                       "INSERT INTO article_links(article_id, copy_of, copy_similarity,"
                       " copy_reason) VALUES (?1,?2,?3,?4) ON CONFLICT(article_id) DO UPDATE SET"
                       " copy_of=?2, copy_similarity=?3, copy_reason=?4");
    // Copies of a copy follow it to the new original, keeping their similarity.
    sql::Statement follow(db_,
                          "UPDATE article_links SET copy_of = ?1"
                          " WHERE copy_of = ?2 AND article_id != ?1");
    for (const CopyAssignment& c : copies) {
      if (c.article_id == original_id) {
        return fail(ErrorCode::kInvalidInput,
                    "article " + std::to_string(original_id) + " cannot be a copy of itself");
      }
      if (auto r = require_article(c.article_id); !r) return r;
      if (auto r = note_story(c.article_id); !r) return r;
      set.reset().bind(1, c.article_id).bind(2, original_id).bind_double(3, c.similarity);
      set.bind_optional(4, c.reason);
      if (auto r = set.run(); !r) return r;
      if (auto r = follow.reset().bind(1, original_id).bind(2, c.article_id).run(); !r) return r;
    }
    // The first report of a story is its earliest original: it may change.
    sql::Statement touched(db_,
                           "SELECT DISTINCT story_id FROM article_links"
                           " WHERE copy_of = ? AND story_id IS NOT NULL");
    touched.bind(1, original_id);
    while (touched.step()) stories.insert(touched.column_int(0));
    if (touched.failed()) return fail(ErrorCode::kStore, touched.error());
    for (int64_t story : stories) {
      if (auto r = refresh_story(story); !r) return r;
    }
    return {};
  });
}

Result<void> SqliteStore::set_story(int64_t article_id, std::optional<int64_t> story_id) {
  if (auto r = check_story_number(story_id); !r) return r;
  std::lock_guard lock(mutex_);
  return transaction([&]() -> Result<void> {
    if (auto r = require_article(article_id); !r) return r;
    auto old_story = story_of(article_id);
    if (!old_story) return tl::unexpected(old_story.error());
    if (story_id) {
      if (auto r = ensure_story(*story_id); !r) return r;
    }
    sql::Statement st(db_,
                      "INSERT INTO article_links(article_id, story_id) VALUES (?1, ?2)"
                      " ON CONFLICT(article_id) DO UPDATE SET story_id = ?2");
    st.bind(1, article_id);
    if (story_id) st.bind(2, *story_id);
    if (auto r = st.run(); !r) return r;
    if (story_id) {
      if (auto r = refresh_story(*story_id); !r) return r;
    }
    if (*old_story && *old_story != story_id) return refresh_story(**old_story);
    return {};
  });
}

}  // namespace tidings::sqlite_detail
