// Source health: the fetch log in SQLite (recorded, kept in step with
// re-extraction, backfilled by migration 4) and the assessment's flags on
// made-up histories.
#include <gtest/gtest.h>

#include <sqlite3.h>

#include <filesystem>

#include "store/source_health.h"
#include "store/source_json.h"
#include "store/store.h"

namespace tidings {
namespace {

using std::chrono::hours;
using std::chrono::minutes;

const Instant kNow = *parse_iso8601("2026-11-27T12:00:00Z");

FetchRecord fetch(const std::string& outcome, Instant at, int64_t length = 0) {
  FetchRecord r;
  r.source_id = 1;
  r.url = "https://daily.example/" + std::to_string(at.time_since_epoch().count());
  r.fetched_at = at;
  r.http_status = outcome == "blocked" ? 403 : 200;
  r.outcome = outcome;
  r.text_length = length;
  return r;
}

// `n` fetches with `outcome`, one an hour back from `newest`, newest first.
void add(SourceHistory& h, int n, const std::string& outcome, Instant newest, int64_t length = 3000) {
  const Instant start = h.fetches.empty() ? newest : h.fetches.back().fetched_at - hours(1);
  for (int i = 0; i < n; ++i) {
    h.fetches.push_back(fetch(outcome, start - hours(i), outcome == "article" ? length : 0));
  }
}

bool has_flag(const SourceHealth& h, const std::string& code) {
  for (const auto& f : h.flags) {
    if (f.code == code) return true;
  }
  return false;
}

TEST(SourceHealth, HealthySourceHasNoFlags) {
  SourceHistory h;
  add(h, 60, "article", kNow - minutes(5));
  for (int i = 0; i < 30; ++i) h.article_times.push_back(kNow - hours(2 * i));
  h.last_article_stored_at = kNow - minutes(5);
  const SourceHealth health = assess_source_health(h, 900, kNow);
  EXPECT_TRUE(health.ok()) << health.flags[0].message;
  EXPECT_EQ(health.fetched, 50);
  EXPECT_EQ(health.articles, 50);
  EXPECT_EQ(health.earlier_fetched, 10);
  EXPECT_DOUBLE_EQ(*health.yield, 1.0);
  EXPECT_EQ(*health.usual_interval_seconds, 7200);
  EXPECT_EQ(*health.usual_length, 3000);
}

TEST(SourceHealth, NothingFetchedIsOkWithoutData) {
  const SourceHealth health = assess_source_health({}, 900, kNow);
  EXPECT_TRUE(health.ok());
  EXPECT_EQ(health.fetched, 0);
  EXPECT_FALSE(health.yield);
}

TEST(SourceHealth, FlagsBlockedPaywalledAndJavascriptShares) {
  SourceHistory h;
  add(h, 3, "article", kNow);
  add(h, 2, "blocked", kNow);
  add(h, 2, "paywalled", kNow);
  add(h, 2, "needs_javascript", kNow);
  add(h, 1, "empty", kNow);  // one is not a trend
  const SourceHealth health = assess_source_health(h, 900, kNow);
  EXPECT_EQ(health.fetched, 10);
  EXPECT_EQ(health.blocked, 2);
  EXPECT_TRUE(has_flag(health, "blocked"));
  EXPECT_TRUE(has_flag(health, "paywalled"));
  EXPECT_TRUE(has_flag(health, "needs_javascript"));
  EXPECT_FALSE(has_flag(health, "empty_or_short"));
  EXPECT_EQ(health.flags[0].message,
            "2 of 10 recent pages were blocked (HTTP 403/429/451 or a bot challenge)");
}

TEST(SourceHealth, LayoutChangeShowsAsShortPages) {
  SourceHistory h;
  add(h, 40, "article", kNow, 200);      // the window: far shorter
  add(h, 10, "article", kNow, 3000);
  add(h, 30, "article", kNow, 3000);     // earlier: the usual length
  const SourceHealth health = assess_source_health(h, 900, kNow);
  EXPECT_EQ(health.short_pages, 40);
  ASSERT_TRUE(has_flag(health, "empty_or_short"));
  EXPECT_NE(health.flags[0].message.find("under 30% of the usual 3000 characters"),
            std::string::npos);
  EXPECT_FALSE(has_flag(health, "yield_drop"));  // still articles, just thin
}

TEST(SourceHealth, YieldDropAgainstEarlierHistory) {
  SourceHistory h;
  add(h, 20, "failed", kNow);
  add(h, 30, "article", kNow);           // window: 60% yield
  add(h, 100, "article", kNow);          // earlier: 100%
  SourceHealth health = assess_source_health(h, 900, kNow);
  EXPECT_FALSE(has_flag(health, "yield_drop"));  // 60% is not under half of 100%
  h.fetches.clear();
  add(h, 40, "error", kNow);
  add(h, 10, "article", kNow);           // window: 20%
  add(h, 100, "article", kNow);
  health = assess_source_health(h, 900, kNow);
  ASSERT_TRUE(has_flag(health, "yield_drop"));
  EXPECT_EQ(health.flags[0].message,
            "yield fell to 20% of fetched pages giving an article, from 100% before");
}

TEST(SourceHealth, NoYieldDropWithoutEnoughHistory) {
  SourceHistory h;
  add(h, 45, "error", kNow);
  add(h, 5, "article", kNow);
  add(h, 5, "article", kNow);  // only 5 earlier fetches
  EXPECT_FALSE(has_flag(assess_source_health(h, 900, kNow), "yield_drop"));
}

TEST(SourceHealth, OldFetchesAreHistoryNotWindow) {
  SourceHistory h;
  add(h, 20, "blocked", kNow - hours(24 * 10));  // ten days ago
  const SourceHealth health = assess_source_health(h, 900, kNow);
  EXPECT_EQ(health.fetched, 0);
  EXPECT_EQ(health.earlier_fetched, 20);
  EXPECT_FALSE(has_flag(health, "blocked"));
}

TEST(SourceHealth, CoverageGapAgainstTheUsualRhythm) {
  SourceHistory h;
  add(h, 20, "article", kNow - hours(30));
  for (int i = 0; i < 20; ++i) h.article_times.push_back(kNow - hours(30) - hours(2 * i));
  h.last_article_stored_at = kNow - hours(30);
  SourceHealth health = assess_source_health(h, 900, kNow);
  ASSERT_TRUE(has_flag(health, "coverage_gap"));  // 30 h > 4 x 2 h
  EXPECT_EQ(health.flags.back().message, "no new article for 30 h; usually one every 2 h");
  // A daily outlet polled daily: 30 h is within 4 x 24 h.
  h.article_times.clear();
  for (int i = 0; i < 20; ++i) h.article_times.push_back(kNow - hours(30) - hours(24 * i));
  health = assess_source_health(h, 86400, kNow);
  EXPECT_FALSE(has_flag(health, "coverage_gap"));
}

TEST(SourceHealth, CoverageGapHasAMinimumAndNeedsHistory) {
  SourceHistory h;
  for (int i = 0; i < 20; ++i) h.article_times.push_back(kNow - hours(5) - minutes(i));
  h.last_article_stored_at = kNow - hours(5);
  // Every minute usually, but 5 h is under the 6 h minimum.
  EXPECT_FALSE(has_flag(assess_source_health(h, 900, kNow), "coverage_gap"));
  h.article_times.resize(5);  // too few articles for a rhythm
  h.last_article_stored_at = kNow - hours(24 * 30);
  EXPECT_FALSE(has_flag(assess_source_health(h, 900, kNow), "coverage_gap"));
}

TEST(SourceHealth, JsonIsSnakeCaseWithFlags) {
  SourceHistory h;
  add(h, 2, "blocked", kNow);
  const nlohmann::json j = source_health_to_json(assess_source_health(h, 900, kNow));
  EXPECT_EQ(j["ok"], false);
  EXPECT_EQ(j["flags"][0]["code"], "blocked");
  EXPECT_EQ(j["blocked"], 2);
  EXPECT_EQ(j["needs_javascript"], 0);
  EXPECT_TRUE(j["usual_length"].is_null());
  EXPECT_EQ(j["yield"], 0.0);
}

TEST(SourceHealth, HumanDurations) {
  EXPECT_EQ(human_duration(30), "30 s");
  EXPECT_EQ(human_duration(2700), "45 min");
  EXPECT_EQ(human_duration(5 * 3600), "5 h");
  EXPECT_EQ(human_duration(3 * 86400 + 100), "3 days");
}

// The fetch log in SQLite.

std::unique_ptr<Store> memory_store() {
  auto s = open_sqlite_store(":memory:");
  EXPECT_TRUE(s.has_value()) << s.error().message;
  return std::move(*s);
}

TEST(FetchLog, RecordsAndFollowsReextraction) {
  auto store = memory_store();
  SourceSpec spec;
  spec.url = "https://daily.example/feed.xml";
  auto source = store->add_source(spec);
  ASSERT_TRUE(source);
  Document d;
  d.url = "https://daily.example/a";
  d.fetched_at = kNow - hours(1);
  d.body = "<html>challenge</html>";
  d.source_id = source->id;
  d.http_status = 403;
  auto put = store->put_document(d);
  ASSERT_TRUE(put);
  ASSERT_TRUE(store->save_failure(put->id, "page", Error(ErrorCode::kBlocked, "HTTP 403")));
  FetchRecord r{source->id, d.url, d.fetched_at, 403, "blocked", 0, put->id};
  ASSERT_TRUE(store->record_fetch(r));
  ASSERT_TRUE(store->record_fetch({source->id, "https://daily.example/b", kNow, 404, "error", 0, 0}));

  auto history = store->source_history(source->id, 10, 10);
  ASSERT_TRUE(history) << history.error().message;
  ASSERT_EQ(history->fetches.size(), 2u);
  EXPECT_EQ(history->fetches[0].outcome, "error");  // newest first
  EXPECT_EQ(history->fetches[1].outcome, "blocked");
  EXPECT_EQ(history->fetches[1].document_id, put->id);
  EXPECT_FALSE(history->last_article_stored_at);

  // Re-extracted into an article (a classifier fixed): the log follows.
  Article a;
  a.title = "T";
  a.text = "Caf\xC3\xA9 text";
  ASSERT_TRUE(store->save_article(put->id, a, "Daily", 3));
  history = store->source_history(source->id, 10, 10);
  ASSERT_TRUE(history);
  EXPECT_EQ(history->fetches[1].outcome, "article");
  EXPECT_EQ(history->fetches[1].text_length, 9);  // characters, not bytes
  ASSERT_EQ(history->article_times.size(), 1u);
  EXPECT_EQ(*history->last_article_stored_at, d.fetched_at);

  // Removing the source removes its log.
  ASSERT_TRUE(store->remove_source(source->id));
  history = store->source_history(source->id, 10, 10);
  ASSERT_TRUE(history);
  EXPECT_TRUE(history->fetches.empty());
}

TEST(FetchLog, MigrationFourBackfillsCollectedDocuments) {
  const auto dir = std::filesystem::temp_directory_path() / "tidings_fetch_log_test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const std::string path = (dir / "t.db").string();
  int64_t source_id = 0;
  {
    auto store = open_sqlite_store(path);
    ASSERT_TRUE(store);
    SourceSpec spec;
    spec.url = "https://daily.example/feed.xml";
    source_id = (*store)->add_source(spec)->id;
    Document d;
    d.url = "https://daily.example/a";
    d.fetched_at = kNow;
    d.body = "a";
    d.source_id = source_id;
    auto put = (*store)->put_document(d);
    Article a;
    a.text = "twelve chars";
    ASSERT_TRUE((*store)->save_article(put->id, a, "Daily", 3));
  }
  {  // as a version-3 database would have it: no log, migrations 4 and later to run
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db,
                           "DROP TRIGGER article_facts_stale; DROP TABLE article_facts;"
                           " DROP TABLE article_facts_state;"
                           " DROP TABLE article_links; DROP TABLE stories;"
                           " DROP TABLE fetch_log; ALTER TABLE sources DROP COLUMN last_warning;"
                           " ALTER TABLE articles DROP COLUMN authors;"
                           " ALTER TABLE articles DROP COLUMN modified_at;"
                           " ALTER TABLE articles DROP COLUMN utc_offset_minutes;"
                           " ALTER TABLE articles DROP COLUMN section;"
                           " ALTER TABLE articles DROP COLUMN tags;"
                           " ALTER TABLE source_links DROP COLUMN agency;"
                           " DELETE FROM schema_migrations WHERE version >= 4;",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(db);
  }
  auto store = open_sqlite_store(path);
  ASSERT_TRUE(store) << store.error().message;
  auto history = (*store)->source_history(source_id, 10, 10);
  ASSERT_TRUE(history);
  ASSERT_EQ(history->fetches.size(), 1u);
  EXPECT_EQ(history->fetches[0].outcome, "article");
  EXPECT_EQ(history->fetches[0].text_length, 12);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace tidings
