// The SQLite store: migrations, idempotent documents, articles with their
// source links, failures, ordering and pagination, durability across
// reopen.
#include <gtest/gtest.h>

#include <filesystem>

#include "store/codec.h"
#include "store/store.h"

namespace tidings {
namespace {

Document make_document(const std::string& url, const std::string& body) {
  Document d;
  d.url = url;
  d.origin = "test";
  d.fetched_at = *parse_iso8601("2024-01-02T03:04:05Z");
  d.body = body;
  return d;
}

Article make_article(const std::string& title, const std::string& published) {
  Article a;
  a.url = "https://example.com/" + title;
  a.title = title;
  a.text = "Body of " + title;
  if (!published.empty()) a.published_at = parse_iso8601(published);
  a.source_links.push_back({"https://agency.example/x", "Source link", "link", "Agency"});
  return a;
}

std::unique_ptr<Store> memory_store() {
  auto s = open_sqlite_store(":memory:");
  EXPECT_TRUE(s.has_value()) << s.error().message;
  return std::move(*s);
}

TEST(Codec, RoundTripsAndBoundsDecompression) {
  const std::string raw(100000, 'x');
  const std::string packed = compress_raw(raw);
  EXPECT_LT(packed.size(), raw.size() / 10);
  EXPECT_EQ(*decompress_raw(packed, raw.size()), raw);
  EXPECT_EQ(decompress_raw(packed, raw.size() - 1).error().code, ErrorCode::kTooLarge);
  EXPECT_FALSE(decompress_raw("not zstd", 100).has_value());
  EXPECT_EQ(content_hash("a").size(), 32u);
  EXPECT_NE(content_hash("a"), content_hash("b"));
}

TEST(SqliteStore, PutDocumentIsIdempotentOnUrlAndBytes) {
  auto store = memory_store();
  auto first = store->put_document(make_document("https://a.example/1", "<p>one</p>"));
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_TRUE(first->created);
  auto again = store->put_document(make_document("https://a.example/1", "<p>one</p>"));
  EXPECT_FALSE(again->created);
  EXPECT_EQ(again->id, first->id);
  auto changed = store->put_document(make_document("https://a.example/1", "<p>two</p>"));
  EXPECT_TRUE(changed->created);
  auto doc = store->get_document(first->id);
  ASSERT_TRUE(doc);
  EXPECT_EQ(doc->document.body, "<p>one</p>");
  EXPECT_EQ(doc->state, "new");
  EXPECT_EQ(format_rfc3339(doc->document.fetched_at), "2024-01-02T03:04:05Z");
}

TEST(SqliteStore, SavesArticlesWithLinksAndListsNewestFirst) {
  auto store = memory_store();
  const std::vector<std::pair<std::string, std::string>> items = {
      {"old", "2023-01-01T00:00:00Z"}, {"new", "2023-06-01T00:00:00Z"}, {"undated", ""}};
  for (const auto& [title, when] : items) {
    auto d = store->put_document(make_document("https://a.example/" + title, title));
    ASSERT_TRUE(d);
    ASSERT_TRUE(store->save_article(d->id, make_article(title, when), "A Example", 1));
  }
  auto list = store->list_articles({});
  ASSERT_TRUE(list);
  ASSERT_EQ(list->size(), 3u);
  // undated falls back to fetched_at (2024), so it sorts first.
  EXPECT_EQ((*list)[0].article.title, "undated");
  EXPECT_EQ((*list)[1].article.title, "new");
  EXPECT_EQ((*list)[2].article.title, "old");
  EXPECT_EQ((*list)[1].outlet, "A Example");
  ASSERT_EQ((*list)[1].article.source_links.size(), 1u);
  EXPECT_EQ((*list)[1].article.source_links[0].url, "https://agency.example/x");

  ArticleQuery page;
  page.limit = 1;
  page.before_id = (*list)[1].id;
  auto older = store->list_articles(page);
  ASSERT_EQ(older->size(), 1u);
  EXPECT_EQ((*older)[0].article.title, "old");

  auto one = store->get_article((*list)[2].id);
  ASSERT_TRUE(one);
  EXPECT_EQ(format_rfc3339(*one->article.published_at), "2023-01-01T00:00:00Z");
  EXPECT_EQ(store->get_article(999).error().code, ErrorCode::kNotFound);
}

TEST(SqliteStore, KeepsAuthorsTagsSectionModifiedTimeOffsetAndAgency) {
  auto store = memory_store();
  auto d = store->put_document(make_document("https://a.example/m", "m"));
  Article a = make_article("m", "2023-11-01T18:40:00Z");
  a.authors = {"Jane Doe", "Ali \"Quoted\" Reza"};
  a.byline = "Jane Doe, Ali \"Quoted\" Reza";
  a.modified_at = parse_iso8601("2023-11-02T08:00:00Z");
  a.utc_offset_minutes = 210;
  a.section = "World";
  a.tags = {"Gaza", "Iran", "Russia"};
  a.source_links.push_back({"", "TEHRAN (IRNA) -", "dateline", "IRNA"});
  auto id = store->save_article(d->id, a, "A", 1);
  ASSERT_TRUE(id) << id.error().message;
  auto got = store->get_article(*id);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->article.authors, a.authors);
  EXPECT_EQ(format_rfc3339(*got->article.modified_at), "2023-11-02T08:00:00Z");
  EXPECT_EQ(got->article.utc_offset_minutes, 210);
  EXPECT_EQ(got->article.section, "World");
  EXPECT_EQ(got->article.tags, a.tags);
  ASSERT_EQ(got->article.source_links.size(), 2u);
  EXPECT_EQ(got->article.source_links[0].agency, "Agency");
  EXPECT_EQ(got->article.source_links[1].kind, "dateline");
  EXPECT_EQ(got->article.source_links[1].agency, "IRNA");
  EXPECT_EQ(got->article.source_links[1].url, "");

  // Missing values stay missing.
  auto d2 = store->put_document(make_document("https://a.example/n", "n"));
  auto id2 = store->save_article(d2->id, make_article("n", ""), "A", 1);
  auto bare = store->get_article(*id2);
  EXPECT_TRUE(bare->article.authors.empty());
  EXPECT_FALSE(bare->article.modified_at);
  EXPECT_FALSE(bare->article.utc_offset_minutes);
  EXPECT_TRUE(bare->article.tags.empty());
}

TEST(SqliteStore, ReExtractionReplacesTheArticle) {
  auto store = memory_store();
  auto d = store->put_document(make_document("https://a.example/x", "x"));
  auto id1 = store->save_article(d->id, make_article("first", ""), "o", 1);
  Article second = make_article("second", "");
  second.source_links.clear();
  auto id2 = store->save_article(d->id, second, "o", 2);
  ASSERT_TRUE(id1 && id2);
  EXPECT_EQ(*id1, *id2);
  auto a = store->get_article(*id1);
  EXPECT_EQ(a->article.title, "second");
  EXPECT_TRUE(a->article.source_links.empty());
  EXPECT_EQ(store->counts()->articles, 1);
}

TEST(SqliteStore, FailuresAreKeptWithTheirReason) {
  auto store = memory_store();
  auto d = store->put_document(make_document("file:///tmp/empty.html", ""));
  ASSERT_TRUE(store->save_failure(d->id, "extract", Error(ErrorCode::kInvalidInput, "empty document")));
  auto failures = store->list_failures(10);
  ASSERT_EQ(failures->size(), 1u);
  EXPECT_EQ((*failures)[0].stage, "extract");
  EXPECT_EQ((*failures)[0].code, "invalid_input");
  EXPECT_EQ((*failures)[0].message, "empty document");
  EXPECT_EQ(store->document_ids(true)->size(), 1u);
  // A later success clears the failure.
  ASSERT_TRUE(store->save_article(d->id, make_article("t", ""), "o", 1));
  EXPECT_TRUE(store->list_failures(10)->empty());
  EXPECT_EQ(store->counts()->failures, 0);
}

TEST(SqliteStore, TransactionRollsBackOnError) {
  auto store = memory_store();
  auto r = store->transaction([&]() -> Result<void> {
    auto d = store->put_document(make_document("https://a.example/r", "r"));
    if (!d) return tl::unexpected(d.error());
    return fail(ErrorCode::kInternal, "boom");
  });
  EXPECT_FALSE(r);
  EXPECT_EQ(store->counts()->documents, 0);
}

TEST(SqliteStore, PersistsAcrossReopenInWalMode) {
  const auto dir = std::filesystem::temp_directory_path() / "tidings_store_test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const std::string path = (dir / "t.db").string();
  {
    auto store = open_sqlite_store(path);
    ASSERT_TRUE(store);
    auto d = (*store)->put_document(make_document("https://a.example/p", "p"));
    ASSERT_TRUE((*store)->save_article(d->id, make_article("kept", ""), "o", 1));
  }
  auto store = open_sqlite_store(path);
  ASSERT_TRUE(store);
  EXPECT_EQ((*store)->counts()->articles, 1);
  EXPECT_EQ(latest_schema_version(), 9);
  std::filesystem::remove_all(dir);
}

TEST(SqliteStore, SourceRegistry) {
  auto store = memory_store();
  SourceSpec spec;
  spec.url = "https://daily.example/feed.xml";
  spec.name = "The Daily";
  spec.kind = "feed";
  spec.every_seconds = 600;
  auto added = store->add_source(spec);
  ASSERT_TRUE(added) << added.error().message;
  EXPECT_EQ(added->url, spec.url);
  EXPECT_EQ(added->name, "The Daily");
  EXPECT_EQ(added->kind, "feed");
  EXPECT_EQ(added->every_seconds, 600);
  EXPECT_TRUE(added->enabled);
  EXPECT_FALSE(added->last_fetch_at);
  auto again = store->add_source(spec);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kInvalidInput);
  EXPECT_NE(again.error().message.find("source " + std::to_string(added->id)), std::string::npos);

  SourceSpec other;
  other.url = "https://wire.example/";
  ASSERT_TRUE(store->add_source(other));
  auto all = store->list_sources();
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[1].kind, "auto");
  EXPECT_EQ((*all)[1].name, "");

  ASSERT_TRUE(store->remove_source(added->id));
  EXPECT_EQ(store->list_sources()->size(), 1u);
  EXPECT_EQ(store->remove_source(added->id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(store->get_source(added->id).error().code, ErrorCode::kNotFound);
}

TEST(SqliteStore, PollsAreRecordedAndScheduled) {
  auto store = memory_store();
  SourceSpec spec;
  spec.url = "https://daily.example/";
  auto src = store->add_source(spec);
  ASSERT_TRUE(src);
  const Instant t0 = *parse_iso8601("2026-01-01T00:00:00Z");
  EXPECT_EQ(store->due_sources(t0)->size(), 1u);  // never polled: due at once

  SourcePoll poll;
  poll.fetched_at = t0;
  poll.http_status = 200;
  poll.etag = "\"v1\"";
  poll.feed_url = "https://daily.example/feed.xml";
  poll.name = "The Daily";
  poll.items_found = 12;
  poll.next_poll_at = t0 + std::chrono::minutes(15);
  ASSERT_TRUE(store->record_poll(src->id, poll));
  EXPECT_TRUE(store->due_sources(t0 + std::chrono::minutes(14))->empty());
  EXPECT_EQ(store->due_sources(t0 + std::chrono::minutes(15))->size(), 1u);

  // A failed poll keeps what the good one learned.
  SourcePoll failed;
  failed.fetched_at = t0 + std::chrono::minutes(15);
  failed.http_status = 503;
  failed.error = "HTTP 503";
  failed.next_poll_at = t0 + std::chrono::minutes(45);
  ASSERT_TRUE(store->record_poll(src->id, failed));
  auto s = store->get_source(src->id);
  EXPECT_EQ(s->last_status, 503);
  EXPECT_EQ(s->last_error, "HTTP 503");
  EXPECT_EQ(s->etag, "\"v1\"");
  EXPECT_EQ(s->feed_url, "https://daily.example/feed.xml");
  EXPECT_EQ(s->name, "The Daily");
  EXPECT_EQ(s->items_found, 12);
  EXPECT_EQ(format_rfc3339(*s->last_fetch_at), "2026-01-01T00:15:00Z");
  EXPECT_EQ(store->record_poll(999, poll).error().code, ErrorCode::kNotFound);
}

TEST(SqliteStore, FrontierHoldsEachUrlOnceUntilDone) {
  auto store = memory_store();
  SourceSpec spec;
  spec.url = "https://daily.example/";
  auto src = store->add_source(spec);
  const Instant t0 = *parse_iso8601("2026-01-01T00:00:00Z");
  std::vector<FrontierItem> items = {{"https://daily.example/a", "A", t0},
                                     {"https://daily.example/b", "B", std::nullopt},
                                     {"https://daily.example/a", "A again", std::nullopt}};
  EXPECT_EQ(store->add_to_frontier(src->id, items, t0, 100)->added, 2);
  EXPECT_EQ(store->add_to_frontier(src->id, items, t0, 100)->added, 0);  // seen before
  EXPECT_EQ(*store->frontier_pending(), 2);

  auto due = store->due_frontier(t0, 10);
  ASSERT_EQ(due->size(), 2u);
  EXPECT_EQ((*due)[0].item.url, "https://daily.example/a");
  EXPECT_EQ((*due)[0].item.title, "A");
  EXPECT_EQ(format_rfc3339(*(*due)[0].item.published_at), "2026-01-01T00:00:00Z");
  EXPECT_EQ((*due)[0].source_id, src->id);

  Document d = make_document("https://daily.example/a", "<p>a</p>");
  d.source_id = src->id;
  auto put = store->put_document(d);
  ASSERT_TRUE(store->frontier_done((*due)[0].id, 200, put->id));
  EXPECT_EQ(store->get_document(put->id)->document.source_id, src->id);

  // A failure with a retry time stays pending but is not due before it.
  ASSERT_TRUE(store->frontier_failed((*due)[1].id, 503, "HTTP 503", t0 + std::chrono::minutes(5)));
  EXPECT_TRUE(store->due_frontier(t0 + std::chrono::minutes(4), 10)->empty());
  auto retry = store->due_frontier(t0 + std::chrono::minutes(5), 10);
  ASSERT_EQ(retry->size(), 1u);
  EXPECT_EQ((*retry)[0].attempts, 1);
  // Without a retry time it fails for good.
  ASSERT_TRUE(store->frontier_failed((*retry)[0].id, 404, "HTTP 404", std::nullopt));
  EXPECT_EQ(*store->frontier_pending(), 0);
  EXPECT_TRUE(store->due_frontier(t0 + std::chrono::hours(1), 10)->empty());
}

// One prepared statement serves a whole sitemap's items: each row gets its
// own values, none left over from the row before.
TEST(SqliteStore, FrontierTakesASitemapInOneCall) {
  auto store = memory_store();
  const Instant t0 = *parse_iso8601("2026-01-01T00:00:00Z");
  std::vector<FrontierItem> items;
  for (int i = 0; i < 5000; ++i) {
    items.push_back({"https://big.example/a/" + std::to_string(i), i % 2 ? "odd" : "",
                     i % 2 ? std::optional<Instant>(t0) : std::nullopt});
  }
  EXPECT_EQ(store->add_to_frontier(0, items, t0, 10000)->added, 5000);
  EXPECT_EQ(*store->frontier_pending(), 5000);
  auto due = store->due_frontier(t0, 256);
  ASSERT_EQ(due->size(), 256u);
  for (int i = 0; i < 256; ++i) {
    const FrontierEntry& e = (*due)[i];
    EXPECT_EQ(e.item.url, "https://big.example/a/" + std::to_string(i));
    EXPECT_EQ(e.item.title, i % 2 ? "odd" : "");
    EXPECT_EQ(e.item.published_at.has_value(), i % 2 == 1);
    EXPECT_EQ(e.source_id, 0);
  }
}

TEST(SqliteStore, FrontierFailuresListRetriesAndFailuresWithTheirSource) {
  auto store = memory_store();
  SourceSpec spec;
  spec.url = "https://storm.example/feed";
  spec.name = "Storm";
  auto src = store->add_source(spec);
  const Instant t0 = *parse_iso8601("2026-01-01T00:00:00Z");
  std::vector<FrontierItem> items = {{"https://storm.example/1", "", {}},
                                     {"https://storm.example/2", "", {}},
                                     {"https://storm.example/3", "", {}}};
  ASSERT_TRUE(store->add_to_frontier(src->id, items, t0, 100));
  auto due = store->due_frontier(t0, 10);
  ASSERT_EQ(due->size(), 3u);
  ASSERT_TRUE(store->frontier_failed((*due)[0].id, 404, "HTTP 404", std::nullopt));
  ASSERT_TRUE(store->frontier_failed((*due)[1].id, 429, "HTTP 429", t0 + std::chrono::minutes(2)));
  auto failures = store->frontier_failures(10);
  ASSERT_TRUE(failures);
  ASSERT_EQ(failures->size(), 2u);  // the third was never tried
  EXPECT_EQ((*failures)[0].url, "https://storm.example/1");
  EXPECT_EQ((*failures)[0].source_name, "Storm");
  EXPECT_FALSE((*failures)[0].will_retry);
  EXPECT_EQ((*failures)[0].http_status, 404);
  EXPECT_TRUE((*failures)[1].will_retry);
  EXPECT_EQ((*failures)[1].error, "HTTP 429");
  EXPECT_EQ(format_rfc3339((*failures)[1].next_attempt_at), "2026-01-01T00:02:00Z");
  EXPECT_EQ((*failures)[1].attempts, 1);

  // Put off without being tried: no attempt counted.
  ASSERT_TRUE(store->frontier_postpone((*due)[2].id, "host backed off for 10 s",
                                       t0 + std::chrono::minutes(1)));
  failures = store->frontier_failures(10);
  ASSERT_EQ(failures->size(), 3u);
  EXPECT_EQ((*failures)[2].attempts, 0);
  EXPECT_TRUE((*failures)[2].will_retry);
  EXPECT_EQ((*failures)[2].error, "host backed off for 10 s");
  EXPECT_EQ(format_rfc3339((*failures)[2].next_attempt_at), "2026-01-01T00:01:00Z");
}

// One poll cannot flood the frontier: adding stops after max_new new
// URLs, and known URLs do not count, so the next call adds the next ones.
TEST(SqliteStore, FrontierAddsAtMostMaxNew) {
  auto store = memory_store();
  SourceSpec spec;
  spec.url = "https://huge.example/feed";
  auto src = store->add_source(spec);
  const Instant t0 = *parse_iso8601("2026-01-01T00:00:00Z");
  std::vector<FrontierItem> items;
  for (int i = 0; i < 10; ++i)
    items.push_back({"https://huge.example/" + std::to_string(i), "", {}});
  auto first = store->add_to_frontier(src->id, items, t0, 4);
  ASSERT_TRUE(first);
  EXPECT_EQ(first->added, 4);
  EXPECT_EQ(first->examined, 4u);
  auto second = store->add_to_frontier(src->id, items, t0, 4);
  EXPECT_EQ(second->added, 4);
  EXPECT_EQ(second->examined, 8u);  // the first four are known
  auto third = store->add_to_frontier(src->id, items, t0, 4);
  EXPECT_EQ(third->added, 2);
  EXPECT_EQ(third->examined, 10u);
  EXPECT_EQ(*store->frontier_pending(), 10);
}

}  // namespace
}  // namespace tidings
