// Copies and stories in the SQLite store: links written beside articles,
// story counts kept current, re-pointing a group at a new original, the
// lists and pages, the start-up streams, and migration 7 over a version-6
// database.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <chrono>
#include <filesystem>

#include "store/schema.h"
#include "store/store.h"
#include "store/story_fixtures.h"

namespace tidings {
namespace {

using testing::link_article;
using testing::seed_article;

std::unique_ptr<Store> memory_store() {
  auto s = open_sqlite_store(":memory:");
  EXPECT_TRUE(s.has_value()) << s.error().message;
  return std::move(*s);
}

// Story 7: C (Other, 08:30) first, A (Wire, 09:00), B a copy of A (Daily, 09:30).
struct SeededStory {
  int64_t a = 0, b = 0, c = 0;
};

SeededStory seed_story(Store& store) {
  SeededStory s;
  s.a = seed_article(store, "https://wire.example/a", "Wire: quake hits", "Wire",
                     "2024-01-02T09:00:00Z");
  s.b = seed_article(store, "https://daily.example/b", "Daily: quake hits", "Daily",
                     "2024-01-02T09:30:00Z");
  s.c = seed_article(store, "https://other.example/c", "Quake first seen", "Other",
                     "2024-01-02T08:30:00Z");
  link_article(store, s.a, 7);
  link_article(store, s.b, 7, s.a, 0.97, "near:source_link");
  link_article(store, s.c, 7);
  return s;
}

TEST(Stories, CountsFollowTheArticlesThatJoin) {
  auto store = memory_store();
  const SeededStory s = seed_story(*store);
  auto detail = store->get_story(7);
  ASSERT_TRUE(detail) << detail.error().message;
  const Story& story = detail->story;
  EXPECT_EQ(story.article_count, 3);
  EXPECT_EQ(story.outlet_count, 3);
  EXPECT_EQ(story.headline, "Quake first seen");
  ASSERT_TRUE(story.first_reported_by);
  EXPECT_EQ(story.first_reported_by->id, s.c);
  EXPECT_EQ(story.first_reported_by->outlet, "Other");
  EXPECT_EQ(format_rfc3339(*story.first_published_at), "2024-01-02T08:30:00Z");
  EXPECT_EQ(format_rfc3339(*story.last_published_at), "2024-01-02T09:30:00Z");
  ASSERT_EQ(detail->articles.size(), 3u);
  EXPECT_EQ(detail->articles[0].id, s.c);  // oldest first
  EXPECT_EQ(detail->articles[2].id, s.b);
  EXPECT_EQ(detail->articles[2].copy_of, s.a);
  EXPECT_NEAR(*detail->articles[2].similarity, 0.97, 1e-9);
  EXPECT_EQ(detail->articles[2].copy_reason, "near:source_link");
}

TEST(Stories, ACopyDatedFirstIsNotTheFirstReport) {
  auto store = memory_store();
  const int64_t orig =
      seed_article(*store, "https://wire.example/1", "Original", "Wire", "2024-01-02T10:00:00Z");
  const int64_t copy =
      seed_article(*store, "https://copy.example/1", "Copy", "Copier", "2024-01-02T09:00:00Z");
  link_article(*store, orig, 1);
  link_article(*store, copy, 1, orig);
  auto first = store->first_reported_by(1);
  ASSERT_TRUE(first && *first);
  EXPECT_EQ((*first)->id, orig);
  EXPECT_EQ(store->get_story(1)->story.headline, "Original");
}

TEST(Stories, RelationsOfAnArticle) {
  auto store = memory_store();
  const SeededStory s = seed_story(*store);
  auto b = store->article_relations(s.b);
  ASSERT_TRUE(b) << b.error().message;
  ASSERT_TRUE(b->copy_of);
  EXPECT_EQ(b->copy_of->id, s.a);
  EXPECT_EQ(b->copy_of->url, "https://wire.example/a");
  EXPECT_NEAR(*b->similarity, 0.97, 1e-9);
  EXPECT_EQ(b->story_id, 7);
  EXPECT_EQ(b->story_headline, "Quake first seen");
  ASSERT_TRUE(b->first_reported_by);
  EXPECT_EQ(b->first_reported_by->id, s.c);
  auto a = store->article_relations(s.a);
  ASSERT_EQ(a->copies.size(), 1u);
  EXPECT_EQ(a->copies[0].id, s.b);
  EXPECT_EQ(a->copies[0].outlet, "Daily");
  EXPECT_FALSE(a->copy_of);
  EXPECT_EQ(store->article_copies(s.a)->size(), 1u);
  EXPECT_EQ(store->article_relations(999).error().code, ErrorCode::kNotFound);
}

TEST(Stories, AnArticleWithoutLinksHasNoRelations) {
  auto store = memory_store();
  const int64_t id = seed_article(*store, "https://x.example/1", "Alone", "X", "");
  auto rel = store->article_relations(id);
  ASSERT_TRUE(rel) << rel.error().message;
  EXPECT_FALSE(rel->copy_of);
  EXPECT_TRUE(rel->copies.empty());
  EXPECT_FALSE(rel->story_id);
  EXPECT_FALSE(rel->first_reported_by);
}

TEST(Stories, CopyGroupWithoutStoryIsFirstReportedByItsOriginal) {
  auto store = memory_store();
  const int64_t orig = seed_article(*store, "https://w.example/1", "O", "W", "");
  const int64_t copy = seed_article(*store, "https://c.example/1", "C", "C", "");
  ArticleLinks links;
  links.copy_of = orig;
  links.similarity = 1.0;
  links.copy_reason = "exact:first_stored";
  ASSERT_TRUE(store->set_article_links(copy, links));
  EXPECT_EQ(store->article_relations(copy)->first_reported_by->id, orig);
  EXPECT_EQ(store->article_relations(orig)->first_reported_by->id, orig);
}

TEST(Stories, SetOriginalRepointsTheGroup) {
  auto store = memory_store();
  const SeededStory s = seed_story(*store);
  const int64_t d = seed_article(*store, "https://d.example/d", "D", "Dee", "2024-01-02T11:00:00Z");
  link_article(*store, d, 7, s.a, 0.8);
  // B turns out to be the original of A's group (A links to it).
  ASSERT_TRUE(store->set_original(s.b, {{s.a, 0.96, "near:source_link"}}));
  auto b = store->article_relations(s.b);
  EXPECT_FALSE(b->copy_of);
  ASSERT_EQ(b->copies.size(), 2u);  // A, and D that followed A
  auto a = store->article_relations(s.a);
  EXPECT_EQ(a->copy_of->id, s.b);
  EXPECT_NEAR(*a->similarity, 0.96, 1e-9);
  auto dd = store->article_relations(d);
  EXPECT_EQ(dd->copy_of->id, s.b);
  EXPECT_NEAR(*dd->similarity, 0.8, 1e-9);
  EXPECT_EQ(store->set_original(s.b, {{s.b, 1, ""}}).error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(store->set_original(999, {}).error().code, ErrorCode::kNotFound);
}

TEST(Stories, MovingAnArticleUpdatesBothStories) {
  auto store = memory_store();
  const SeededStory s = seed_story(*store);
  ASSERT_TRUE(store->set_story(s.c, 8));
  EXPECT_EQ(store->get_story(7)->story.article_count, 2);
  EXPECT_EQ(store->get_story(7)->story.first_reported_by->id, s.a);
  EXPECT_EQ(store->get_story(8)->story.article_count, 1);
  ASSERT_TRUE(store->set_story(s.c, std::nullopt));
  EXPECT_EQ(store->get_story(8).error().code, ErrorCode::kNotFound);  // empty: not shown
  EXPECT_EQ(store->list_stories({})->size(), 1u);
}

TEST(Stories, BadLinksAreRefused) {
  auto store = memory_store();
  const int64_t id = seed_article(*store, "https://x.example/1", "X", "X", "");
  ArticleLinks self;
  self.copy_of = id;
  EXPECT_EQ(store->set_article_links(id, self).error().code, ErrorCode::kInvalidInput);
  ArticleLinks unknown;
  unknown.copy_of = 999;
  EXPECT_EQ(store->set_article_links(id, unknown).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(store->set_article_links(999, {}).error().code, ErrorCode::kNotFound);
  ArticleLinks zero;
  zero.story_id = 0;
  EXPECT_EQ(store->set_article_links(id, zero).error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(store->set_story(id, -1).error().code, ErrorCode::kInvalidInput);
}

TEST(Stories, ListsByLatestAndByCoverageWithKeysetPaging) {
  auto store = memory_store();
  // Story 1: 3 outlets, old. Story 2: 1 outlet, newest. Story 3: 2 outlets.
  const auto add = [&](int n, const std::string& outlet, const std::string& when, int64_t story) {
    const int64_t id = seed_article(*store, "https://" + outlet + ".example/" + std::to_string(n),
                                    "T" + std::to_string(n), outlet, when);
    link_article(*store, id, story);
  };
  add(1, "a", "2024-01-01T01:00:00Z", 1);
  add(2, "b", "2024-01-01T02:00:00Z", 1);
  add(3, "c", "2024-01-01T03:00:00Z", 1);
  add(4, "a", "2024-01-03T01:00:00Z", 2);
  add(5, "a", "2024-01-02T01:00:00Z", 3);
  add(6, "b", "2024-01-02T02:00:00Z", 3);
  const auto ids = [](const std::vector<Story>& v) {
    std::vector<int64_t> out;
    for (const auto& s : v) out.push_back(s.id);
    return out;
  };
  EXPECT_EQ(ids(*store->list_stories({})), (std::vector<int64_t>{2, 3, 1}));
  StoryQuery coverage;
  coverage.sort = "coverage";
  EXPECT_EQ(ids(*store->list_stories(coverage)), (std::vector<int64_t>{1, 3, 2}));
  coverage.before_id = 1;
  coverage.limit = 1;
  EXPECT_EQ(ids(*store->list_stories(coverage)), (std::vector<int64_t>{3}));
  StoryQuery latest;
  latest.before_id = 2;
  EXPECT_EQ(ids(*store->list_stories(latest)), (std::vector<int64_t>{3, 1}));
  latest.before_id = 999;
  EXPECT_TRUE(store->list_stories(latest)->empty());
  StoryQuery since;
  since.since = parse_iso8601("2024-01-02T00:00:00Z");
  EXPECT_EQ(ids(*store->list_stories(since)), (std::vector<int64_t>{2, 3}));
  StoryQuery offset;
  offset.offset = 2;
  EXPECT_EQ(ids(*store->list_stories(offset)), (std::vector<int64_t>{1}));
  StoryQuery bad;
  bad.sort = "random";
  EXPECT_EQ(store->list_stories(bad).error().code, ErrorCode::kInvalidInput);
}

TEST(Stories, StartupStreamsAndUrlKeys) {
  auto store = memory_store();
  const SeededStory s = seed_story(*store);
  std::vector<std::pair<int64_t, std::string>> fps;
  std::vector<std::optional<int64_t>> stories;
  ASSERT_TRUE(store->load_fingerprints([&](const StoredFingerprint& f) {
    fps.emplace_back(f.article_id, std::string(f.fingerprint));
    stories.push_back(f.story_id);
  }));
  ASSERT_EQ(fps.size(), 3u);
  EXPECT_EQ(fps[0].first, s.a);
  EXPECT_EQ(fps[0].second, std::string("fp\0", 3) + std::to_string(s.a));  // NUL kept
  EXPECT_EQ(stories[0], std::optional<int64_t>(7));
  auto links = store->article_links(s.a);
  ASSERT_TRUE(links && *links);
  EXPECT_EQ((*links)->fingerprint, fps[0].second);
  EXPECT_EQ((*links)->story_id, std::optional<int64_t>(7));
  EXPECT_FALSE(*store->article_links(987654));
  EXPECT_EQ(*store->max_story_id(), 7);
  std::vector<int64_t> order;
  ASSERT_TRUE(store->load_story_assignments(std::nullopt, [&](const StoryAssignment& a) {
    order.push_back(a.article_id);
    EXPECT_EQ(a.story_id, 7);
    EXPECT_EQ(a.language, "en");
    EXPECT_EQ(a.text, "Body text.");
  }));
  EXPECT_EQ(order, (std::vector<int64_t>{s.c, s.a, s.b}));
  order.clear();
  ASSERT_TRUE(store->load_story_assignments(
      parse_iso8601("2024-01-02T09:00:00Z"),
      [&](const StoryAssignment& a) { order.push_back(a.article_id); }));
  EXPECT_EQ(order, (std::vector<int64_t>{s.a, s.b}));
  EXPECT_EQ(**store->find_article_by_url_key("key:" + std::to_string(s.b)), s.b);
  EXPECT_FALSE(*store->find_article_by_url_key("key:none"));
}

TEST(Stories, ReExtractionKeepsTheLinks) {
  auto store = memory_store();
  const SeededStory s = seed_story(*store);
  const int64_t document_id = store->get_article(s.b)->document_id;
  Article again;
  again.url = "https://daily.example/b";
  again.title = "Daily: quake hits (updated)";
  again.text = "New body.";
  auto saved = store->save_article(document_id, again, "Daily", 2);
  ASSERT_TRUE(saved);
  EXPECT_EQ(*saved, s.b);
  EXPECT_EQ(store->article_relations(s.b)->copy_of->id, s.a);
  // The story follows a re-extracted title and time.
  Article first;
  first.url = "https://other.example/c";
  first.title = "Quake first seen (corrected)";
  first.text = "Body.";
  first.published_at = parse_iso8601("2024-01-02T08:00:00Z");
  ASSERT_TRUE(store->save_article(store->get_article(s.c)->document_id, first, "Other", 2));
  const Story story = store->get_story(7)->story;
  EXPECT_EQ(story.headline, "Quake first seen (corrected)");
  EXPECT_EQ(format_rfc3339(*story.first_published_at), "2024-01-02T08:00:00Z");
}

TEST(StoryViews, FoldsCopiesUnderTheirOriginal) {
  ArticleRef a{1, "W", "u1", "t", {}, Instant{}, {}, {}, ""};
  ArticleRef b{2, "D", "u2", "t", {}, Instant{}, 1, 0.9, ""};
  ArticleRef c{3, "E", "u3", "t", {}, Instant{}, 2, 0.8, ""};   // a chain: folds under 1
  ArticleRef d{4, "F", "u4", "t", {}, Instant{}, 99, 0.8, ""};  // original elsewhere
  const auto entries = fold_copies({a, b, c, d});
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].article.id, 1);
  ASSERT_EQ(entries[0].copies.size(), 2u);
  EXPECT_EQ(entries[1].article.id, 4);
  ArticleRef x{5, "X", "", "", {}, Instant{}, 6, 1, ""};
  ArticleRef y{6, "Y", "", "", {}, Instant{}, 5, 1, ""};  // a loop: both shown
  size_t shown = 0;
  for (const auto& e : fold_copies({x, y})) shown += 1 + e.copies.size();
  EXPECT_EQ(shown, 2u);
}

TEST(StoryViews, CoverageIsHourlyThenDaily) {
  const auto at = [](const char* t, const char* outlet) {
    ArticleRef r;
    r.sort_time = *parse_iso8601(t);
    r.outlet = outlet;
    return r;
  };
  const Coverage hourly =
      story_coverage({at("2024-01-02T08:30:00Z", "A"), at("2024-01-02T08:40:00Z", "A"),
                      at("2024-01-02T10:05:00Z", "B")});
  EXPECT_EQ(hourly.bucket_seconds, 3600);
  ASSERT_EQ(hourly.buckets.size(), 3u);  // 08, 09 (empty), 10
  EXPECT_EQ(format_rfc3339(hourly.buckets[0].start), "2024-01-02T08:00:00Z");
  EXPECT_EQ(hourly.buckets[0].articles, 2);
  EXPECT_EQ(hourly.buckets[0].outlets, 1);
  EXPECT_EQ(hourly.buckets[1].articles, 0);
  const Coverage daily =
      story_coverage({at("2024-01-01T08:00:00Z", "A"), at("2024-01-05T08:00:00Z", "B")});
  EXPECT_EQ(daily.bucket_seconds, 86400);
  EXPECT_EQ(daily.buckets.size(), 5u);
  const Coverage wide =
      story_coverage({at("1990-01-01T00:00:00Z", "A"), at("2024-01-05T08:00:00Z", "B")});
  EXPECT_EQ(wide.buckets.size(), kMaxCoverageBuckets);
  EXPECT_EQ(wide.buckets.front().articles, 1);  // the outlier is counted in the first step
  EXPECT_TRUE(story_coverage({}).buckets.empty());
}

// A database made by the previous build (schema 6) with an article in it
// opens, migrates to 7 and takes links for that article.
TEST(Stories, MigratesAVersion6Database) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("tidings_stories_migration_" + std::to_string(::getpid()) + ".db");
  std::filesystem::remove(path);
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    std::string sql =
        "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY,"
        " applied_at TEXT NOT NULL);";
    for (const Migration& m : migrations()) {
      if (m.version > 6) break;
      sql += std::string(m.sql);
      sql += "INSERT INTO schema_migrations VALUES (" + std::to_string(m.version) +
             ", '2024-01-01T00:00:00Z');";
    }
    sql +=
        "INSERT INTO documents(id, url, fetched_at, content_hash, raw_size, raw_zstd,"
        " created_at, updated_at) VALUES (1, 'https://old.example/1', '2024-01-01T00:00:00Z',"
        " 'h', 0, x'', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z');"
        "INSERT INTO articles(id, document_id, url, title, outlet, text, sort_time,"
        " extractor_version, extracted_at) VALUES (1, 1, 'https://old.example/1', 'Old',"
        " 'Old News', 'x', '2024-01-01T00:00:00Z', 1, '2024-01-01T00:00:00Z');";
    char* err = nullptr;
    ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err), SQLITE_OK) << err;
    sqlite3_close(db);
  }
  {
    auto opened = open_sqlite_store(path.string());
    ASSERT_TRUE(opened) << opened.error().message;
    Store& store = **opened;
    EXPECT_GE(latest_schema_version(), 7);
    auto rel = store.article_relations(1);
    ASSERT_TRUE(rel) << rel.error().message;
    EXPECT_FALSE(rel->story_id);
    link_article(store, 1, 1);
    EXPECT_EQ(store.get_story(1)->story.headline, "Old");
    EXPECT_EQ(store.get_story(1)->story.outlet_count, 1);
  }
  for (const char* suffix : {"", "-wal", "-shm"}) {
    std::filesystem::remove(path.string() + suffix);
  }
}

// A few thousand articles in a few hundred stories: joining stays cheap
// (each join recomputes its story from its own rows) and a list is one
// indexed read. Loose bounds: this documents the cost, it is no benchmark.
TEST(Stories, JoiningAndListingAtAFewThousandArticles) {
  auto store = memory_store();
  constexpr int kArticles = 3000;
  constexpr int kStories = 300;
  const std::string text(3000, 'x');  // long enough to overflow a page
  std::vector<int64_t> ids;
  ASSERT_TRUE(store->transaction([&]() -> Result<void> {
    for (int i = 0; i < kArticles; ++i) {
      ids.push_back(seed_article(
          *store, "https://o" + std::to_string(i % 40) + ".example/" + std::to_string(i),
          "Title " + std::to_string(i), "Outlet " + std::to_string(i % 40), "2024-01-02T00:00:00Z",
          text));
    }
    return {};
  }));
  const auto start = std::chrono::steady_clock::now();
  ASSERT_TRUE(store->transaction([&]() -> Result<void> {
    for (int i = 0; i < kArticles; ++i) link_article(*store, ids[i], 1 + i % kStories);
    return {};
  }));
  const auto joined = std::chrono::steady_clock::now();
  StoryQuery q;
  q.sort = "coverage";
  auto list = store->list_stories(q);
  const auto listed = std::chrono::steady_clock::now();
  ASSERT_TRUE(list);
  EXPECT_EQ(list->size(), 50u);
  EXPECT_EQ(list->front().article_count, kArticles / kStories);
  using ms = std::chrono::milliseconds;
  const auto join_ms = std::chrono::duration_cast<ms>(joined - start).count();
  const auto list_ms = std::chrono::duration_cast<ms>(listed - joined).count();
  std::cout << "joined " << kArticles << " articles in " << join_ms << " ms; listed in " << list_ms
            << " ms\n";
  EXPECT_LT(join_ms, 20000);
  EXPECT_LT(list_ms, 2000);
}

}  // namespace
}  // namespace tidings

namespace tidings {
namespace {

// Inside an enclosing transaction (the pipeline's batch) a story's counts
// are brought up to date once, at the commit; a rollback leaves no story.
TEST(Stories, CountsInsideABatchAreRightAtCommitAndGoneOnRollback) {
  auto opened = open_sqlite_store(":memory:");
  ASSERT_TRUE(opened);
  Store& store = **opened;
  ASSERT_TRUE(store.transaction([&]() -> Result<void> {
    const int64_t a = testing::seed_article(store, "https://a.example/1", "First", "A", "2024-01-01T10:00:00Z");
    const int64_t b = testing::seed_article(store, "https://b.example/1", "Second", "B", "2024-01-01T12:00:00Z");
    const int64_t c = testing::seed_article(store, "https://b.example/2", "Third", "B", "2024-01-02T09:00:00Z");
    testing::link_article(store, b, 3);
    testing::link_article(store, a, 3);
    testing::link_article(store, c, 3, b);
    return {};
  }));
  auto story = store.get_story(3);
  ASSERT_TRUE(story) << story.error().message;
  EXPECT_EQ(story->story.article_count, 3);
  EXPECT_EQ(story->story.outlet_count, 2);
  EXPECT_EQ(story->story.headline, "First");
  ASSERT_TRUE(story->story.first_reported_by);
  EXPECT_EQ(story->story.first_reported_by->outlet, "A");

  auto failed = store.transaction([&]() -> Result<void> {
    const int64_t d = testing::seed_article(store, "https://c.example/1", "Fourth", "C", "2024-01-03T09:00:00Z");
    testing::link_article(store, d, 4);
    return fail(ErrorCode::kStore, "rolled back");
  });
  EXPECT_FALSE(failed);
  EXPECT_EQ(store.get_story(4).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(store.get_story(3)->story.article_count, 3);
}

}  // namespace
}  // namespace tidings
