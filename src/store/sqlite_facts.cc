// Facts in SQLite (docs/facts-store.md, migration 8): an article's facts
// replaced as a whole, read back in order, the articles a facts re-run must
// visit, and a story's facts read in one indexed pass and aggregated per
// claim by fact_views.cc.
#include <cmath>
#include <unordered_map>

#include "store/sqlite_store.h"

namespace tidings::sqlite_detail {

namespace {

constexpr int kMaxNeedingLimit = 10'000;
constexpr int64_t kMaxWindowSeconds = 30 * 86400;

Result<void> invalid_fact(size_t index, const std::string& why) {
  return fail(ErrorCode::kInvalidInput, "fact " + std::to_string(index) + ": " + why);
}

Result<void> check_fact(size_t index, const FactRecord& f, size_t count) {
  if (!is_fact_kind(f.kind)) return invalid_fact(index, "unknown kind \"" + f.kind.substr(0, 32) + "\"");
  if (f.sentence < 0) return invalid_fact(index, "sentence must be >= 0");
  if (f.start < 0 || f.end < f.start) return invalid_fact(index, "offsets must be 0 <= start <= end");
  if (f.value && !std::isfinite(*f.value)) return invalid_fact(index, "value must be finite");
  if (f.value_max && !(f.value && std::isfinite(*f.value_max) && *f.value_max >= *f.value)) {
    return invalid_fact(index, "value_max must be finite, given with value, and >= value");
  }
  if (f.lat.has_value() != f.lon.has_value()) return invalid_fact(index, "give lat and lon, or neither");
  if (f.lat && !(std::abs(*f.lat) <= 90 && std::abs(*f.lon) <= 180)) {
    return invalid_fact(index, "lat must be within ±90 and lon within ±180");
  }
  if (f.parent != -1 &&
      (f.parent < 0 || static_cast<size_t>(f.parent) >= count || static_cast<size_t>(f.parent) == index)) {
    return invalid_fact(index, "parent must be -1 or the index of another fact");
  }
  for (const std::string* text : {&f.key, &f.label, &f.qualifier, &f.attribution, &f.detail}) {
    if (text->size() > kMaxFactTextBytes) {
      return invalid_fact(index, "text over " + std::to_string(kMaxFactTextBytes) + " bytes");
    }
  }
  if (f.json.size() > kMaxFactJsonBytes) {
    return invalid_fact(index, "json over " + std::to_string(kMaxFactJsonBytes) + " bytes");
  }
  return {};
}

void bind_optional_double(sql::Statement& st, int index, const std::optional<double>& v) {
  if (v) {
    st.bind_double(index, *v);
  } else {
    st.bind_null(index);
  }
}

constexpr std::string_view kFactColumns =
    "f.kind, f.sentence, f.start_offset, f.end_offset, f.key, f.label, f.value, f.qualifier,"
    " f.attribution, f.detail, f.as_of, f.lat, f.lon, f.parent, f.json, f.position, f.value_max";

// Reads kFactColumns from column `first` on; returns the position.
int64_t read_fact(const sql::Statement& st, int first, FactRecord& f) {
  f.kind = st.column_text(first);
  f.sentence = st.column_int(first + 1);
  f.start = st.column_int(first + 2);
  f.end = st.column_int(first + 3);
  f.key = st.column_text(first + 4);
  f.label = st.column_text(first + 5);
  f.value.reset();
  if (!st.column_is_null(first + 6)) f.value = st.column_double(first + 6);
  f.qualifier = st.column_text(first + 7);
  f.attribution = st.column_text(first + 8);
  f.detail = st.column_text(first + 9);
  f.as_of.reset();
  if (!st.column_is_null(first + 10)) f.as_of = parse_iso8601(st.column_text(first + 10));
  f.lat.reset();
  f.lon.reset();
  if (!st.column_is_null(first + 11) && !st.column_is_null(first + 12)) {
    f.lat = st.column_double(first + 11);
    f.lon = st.column_double(first + 12);
  }
  f.parent = st.column_is_null(first + 13) ? -1 : st.column_int(first + 13);
  f.json = st.column_text(first + 14);
  f.value_max.reset();
  if (!st.column_is_null(first + 16)) f.value_max = st.column_double(first + 16);
  return st.column_int(first + 15);
}

}  // namespace

Result<void> SqliteStore::set_article_facts(int64_t article_id, int64_t version,
                                            const std::vector<FactRecord>& facts) {
  if (version < 1) {
    return fail(ErrorCode::kInvalidInput, "facts version must be >= 1, not " + std::to_string(version));
  }
  if (facts.size() > kMaxFactsPerArticle) {
    return fail(ErrorCode::kInvalidInput, std::to_string(facts.size()) + " facts for article " +
                                              std::to_string(article_id) + ": at most " +
                                              std::to_string(kMaxFactsPerArticle));
  }
  for (size_t i = 0; i < facts.size(); ++i) {
    if (auto r = check_fact(i, facts[i], facts.size()); !r) return r;
  }
  std::lock_guard lock(mutex_);
  return transaction([&]() -> Result<void> {
    if (auto r = require_article(article_id); !r) return r;
    sql::Statement& clear = cached_statement("DELETE FROM article_facts WHERE article_id = ?");
    if (auto r = clear.bind(1, article_id).run(); !r) return r;
    sql::Statement& insert = cached_statement(
        "INSERT INTO article_facts(article_id, position, kind, sentence, start_offset,"
        " end_offset, key, label, value, qualifier, attribution, detail, as_of, lat, lon,"
        " parent, json, value_max) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    for (size_t i = 0; i < facts.size(); ++i) {
      const FactRecord& f = facts[i];
      insert.reset()
          .bind(1, article_id)
          .bind(2, static_cast<int64_t>(i))
          .bind(3, f.kind)
          .bind(4, f.sentence)
          .bind(5, f.start)
          .bind(6, f.end)
          .bind(7, f.key)
          .bind_optional(8, f.label);
      bind_optional_double(insert, 9, f.value);
      insert.bind_optional(10, f.qualifier).bind_optional(11, f.attribution).bind_optional(12, f.detail);
      if (f.as_of) insert.bind(13, format_rfc3339(*f.as_of));
      bind_optional_double(insert, 14, f.lat);
      bind_optional_double(insert, 15, f.lon);
      if (f.parent >= 0) insert.bind(16, f.parent);
      insert.bind_optional(17, f.json);
      bind_optional_double(insert, 18, f.value_max);
      if (auto r = insert.run(); !r) return r;
    }
    sql::Statement& state = cached_statement(
        "INSERT INTO article_facts_state(article_id, version, fact_count, computed_at, stale)"
        " VALUES (?1,?2,?3,?4,0) ON CONFLICT(article_id) DO UPDATE SET"
        " version=?2, fact_count=?3, computed_at=?4, stale=0");
    return state.bind(1, article_id)
        .bind(2, version)
        .bind(3, static_cast<int64_t>(facts.size()))
        .bind(4, format_rfc3339(now_seconds()))
        .run();
  });
}

Result<ArticleFacts> SqliteStore::article_facts(int64_t article_id) {
  std::lock_guard lock(mutex_);
  if (auto r = require_article(article_id); !r) return tl::unexpected(r.error());
  ArticleFacts out;
  out.article_id = article_id;
  {
    sql::Statement st(db_, "SELECT version, computed_at, stale FROM article_facts_state WHERE article_id = ?");
    st.bind(1, article_id);
    if (st.step()) {
      out.version = st.column_int(0);
      out.computed_at = parse_stored_time(st.column_text(1));
      out.stale = st.column_int(2) != 0;
    }
    if (st.failed() || !st.ok()) return fail(ErrorCode::kStore, st.error());
  }
  sql::Statement st(db_, "SELECT " + std::string(kFactColumns) +
                             " FROM article_facts f WHERE f.article_id = ? ORDER BY f.position");
  st.bind(1, article_id);
  while (st.step()) {
    FactRecord f;
    read_fact(st, 0, f);
    out.facts.push_back(std::move(f));
  }
  if (st.failed() || !st.ok()) return fail(ErrorCode::kStore, st.error());
  return out;
}

Result<std::vector<int64_t>> SqliteStore::articles_needing_facts(int64_t version, int64_t after_id,
                                                                 int limit) {
  if (limit < 1 || limit > kMaxNeedingLimit) {
    return fail(ErrorCode::kInvalidInput,
                "limit must be from 1 to " + std::to_string(kMaxNeedingLimit));
  }
  std::lock_guard lock(mutex_);
  sql::Statement st(db_,
                    "SELECT a.id FROM articles a"
                    " LEFT JOIN article_facts_state s ON s.article_id = a.id"
                    " WHERE a.id > ?1 AND (s.article_id IS NULL OR s.version < ?2"
                    "   OR s.stale != 0)"
                    " ORDER BY a.id LIMIT ?3");
  st.bind(1, after_id).bind(2, version).bind(3, static_cast<int64_t>(limit));
  std::vector<int64_t> out;
  while (st.step()) out.push_back(st.column_int(0));
  if (st.failed() || !st.ok()) return fail(ErrorCode::kStore, st.error());
  return out;
}

Result<StoryFacts> SqliteStore::story_facts(int64_t story_id) {
  std::lock_guard lock(mutex_);
  auto articles = article_refs("WHERE l.story_id = ? ORDER BY a.sort_time, a.id", story_id);
  if (!articles) return tl::unexpected(articles.error());
  if (articles->empty()) return fail(ErrorCode::kNotFound, "no story " + std::to_string(story_id));
  std::unordered_map<int64_t, size_t> index;
  for (size_t i = 0; i < articles->size(); ++i) index.emplace((*articles)[i].id, i);
  // One more row than the cap tells that the story has more.
  sql::Statement st(db_, "SELECT f.article_id, " + std::string(kFactColumns) +
                             " FROM article_links l JOIN article_facts f"
                             " ON f.article_id = l.article_id WHERE l.story_id = ?"
                             " ORDER BY f.article_id, f.position LIMIT ?");
  st.bind(1, story_id).bind(2, static_cast<int64_t>(kMaxStoryFactRows + 1));
  std::vector<StoryFactRow> rows;
  bool truncated = false;
  while (st.step()) {
    if (rows.size() == kMaxStoryFactRows) {
      truncated = true;
      break;
    }
    const auto it = index.find(st.column_int(0));
    if (it == index.end()) continue;
    StoryFactRow row;
    row.article = it->second;
    row.position = read_fact(st, 1, row.fact);
    rows.push_back(std::move(row));
  }
  if (st.failed() || !st.ok()) return fail(ErrorCode::kStore, st.error());
  StoryFacts out = aggregate_story_facts(story_id, *articles, rows);
  out.truncated = truncated;
  return out;
}

Result<StoryDisagreements> SqliteStore::figure_disagreements(int64_t story_id,
                                                             int64_t window_seconds) {
  if (window_seconds < 1 || window_seconds > kMaxWindowSeconds) {
    return fail(ErrorCode::kInvalidInput, "window must be from 1 second to 30 days");
  }
  auto facts = story_facts(story_id);
  if (!facts) return tl::unexpected(facts.error());
  StoryDisagreements out;
  out.story_id = story_id;
  out.window_seconds = window_seconds;
  out.measures = find_disagreements(facts->figures, window_seconds);
  return out;
}

}  // namespace tidings::sqlite_detail
