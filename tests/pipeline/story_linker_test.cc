// Copies and stories at ingest: the pipeline files each new article as an
// original or a copy, re-points a group when its original arrives late, and
// puts copies in their original's story, across runs (a reloaded linker).
#include "pipeline/story_linker.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "pipeline/pipeline.h"
#include "search/search.h"
#include "store/store.h"

namespace tidings {
namespace {

// A report of `words` words, distinct per `seed`, long enough to compare;
// `topic` 0 and 1 draw from vocabularies that share no word.
std::string report(int seed, int topic = 0, int words = 160) {
  static const char* kWords[2][18] = {
      {"minister", "talks", "border", "river", "council", "vote", "harbour", "storm", "budget", "court",
       "rail", "strike", "envoy", "grain", "market", "village", "doctor", "bridge"},
      {"volcano", "ash", "flights", "airport", "erupted", "lava", "evacuated", "island", "tremor",
       "scientists", "plume", "cancelled", "pilots", "crater", "residents", "shelter", "geologists", "sky"}};
  std::string text;
  uint32_t x = 2166136261u ^ static_cast<uint32_t>(seed);
  for (int i = 0; i < words; ++i) {
    x = x * 16777619u + 12345u;
    text += kWords[topic][(x >> 7) % 18];
    text += i % 23 == 22 ? ". " : " ";
  }
  return text;
}

Document page(const std::string& url, const std::string& title, const std::string& body,
              const std::string& extra = "", const std::string& date = "2026-03-01T08:00:00Z") {
  Document d;
  d.url = url;
  d.content_type = "text/html; charset=utf-8";
  d.http_status = 200;
  d.fetched_at = *parse_iso8601("2026-03-02T00:00:00Z");
  d.body = "<html><head><title>" + title + "</title><meta property=\"article:published_time\" content=\"" +
           date + "\"></head><body><article><h1>" + title + "</h1><p>" + body + "</p>" + extra +
           "</article></body></html>";
  return d;
}

int64_t article_of(Store& store, const std::vector<DocumentOutcome>& out, size_t i) {
  auto doc = out.at(i).document_id;
  ArticleQuery all;
  all.limit = 1000;
  auto page = store.list_articles(all);
  for (const StoredArticle& a : *page) {
    if (a.document_id == doc) return a.id;
  }
  return 0;
}

TEST(StoryLinker, CopiesFollowTheirOriginalEvenWhenItArrivesLate) {
  auto s = open_sqlite_store(":memory:");
  ASSERT_TRUE(s);
  Store& store = **s;
  const std::string wire = report(1);
  const std::string original_url = "https://www.agency.example/world/talks-123";
  // The aggregator's copy comes first, crediting the original with a link.
  std::vector<Document> first = {
      page("https://aggregator.example/news/9", "Talks at the border", wire,
           "<p>This news has been collected from reliable news agencies. <a href=\"" + original_url +
               "\">Source link</a></p>",
           "2026-03-01T09:30:00Z"),
      page("https://other.example/a", "Volcano closes the airport", report(2, 1))};
  auto out1 = ingest_documents(store, first, PipelineOptions{}, nullptr);
  ASSERT_TRUE(out1) << out1.error().message;
  const int64_t copy = article_of(store, *out1, 0);
  const int64_t unrelated = article_of(store, *out1, 1);
  ASSERT_GT(copy, 0);
  auto rel = store.article_relations(copy);
  ASSERT_TRUE(rel);
  EXPECT_FALSE(rel->copy_of);  // nothing to copy yet
  ASSERT_TRUE(rel->story_id);
  const int64_t story = *rel->story_id;

  // A second run (a linker loaded from the store) meets the original.
  std::vector<Document> second = {page(original_url, "Talks at the border", wire, "", "2026-03-01T08:00:00Z")};
  auto out2 = ingest_documents(store, second, PipelineOptions{}, nullptr);
  ASSERT_TRUE(out2) << out2.error().message;
  const int64_t original = article_of(store, *out2, 0);
  auto orel = store.article_relations(original);
  ASSERT_TRUE(orel);
  EXPECT_FALSE(orel->copy_of);
  ASSERT_EQ(orel->copies.size(), 1u);
  EXPECT_EQ(orel->copies[0].id, copy);
  EXPECT_EQ(orel->story_id, std::optional<int64_t>(story));  // the copy's story, now the original's
  auto crel = store.article_relations(copy);
  ASSERT_TRUE(crel && crel->copy_of);
  EXPECT_EQ(crel->copy_of->id, original);
  EXPECT_GE(*crel->similarity, 0.9);
  EXPECT_NE(crel->copy_reason.find("source_link"), std::string::npos) << crel->copy_reason;
  auto urel = store.article_relations(unrelated);
  ASSERT_TRUE(urel);
  EXPECT_FALSE(urel->copy_of);
  EXPECT_TRUE(urel->copies.empty());
  EXPECT_NE(urel->story_id, orel->story_id);
}

// Two fragments in two stories, then the article that holds both: the
// copy groups merge, one fragment moves to the other's story, and the
// search index follows the move (its story filter finds it there).
TEST(StoryLinker, AMoveBetweenStoriesReachesTheSearchIndex) {
  namespace fs = std::filesystem;
  const std::string dir = (fs::temp_directory_path() / ("tidings-linker-index-" + std::to_string(::getpid()))).string();
  fs::remove_all(dir);
  auto s = open_sqlite_store(":memory:");
  ASSERT_TRUE(s);
  Store& store = **s;
  PipelineOptions options;
  options.search_index_dir = dir;
  options.create_search_index = true;
  const std::string border = report(11, 0, 120), volcano = report(12, 1, 120);
  auto out1 = ingest_documents(store,
                               {page("https://a.example/1", "Border talks", border, "", "2026-03-01T08:00:00Z"),
                                page("https://b.example/2", "Volcano erupts", volcano, "", "2026-03-01T08:10:00Z")},
                               options, nullptr);
  ASSERT_TRUE(out1) << out1.error().message;
  const int64_t a = article_of(store, *out1, 0), b = article_of(store, *out1, 1);
  const auto story_a = store.article_relations(a)->story_id, story_b = store.article_relations(b)->story_id;
  ASSERT_TRUE(story_a && story_b);
  ASSERT_NE(*story_a, *story_b);  // nothing in common yet

  auto out2 = ingest_documents(store,
                               {page("https://c.example/3", "Border talks, volcano erupts", border + " " + volcano, "",
                                     "2026-03-01T07:00:00Z")},
                               options, nullptr);
  ASSERT_TRUE(out2) << out2.error().message;
  const auto after_a = store.article_relations(a)->story_id, after_b = store.article_relations(b)->story_id;
  ASSERT_TRUE(after_a && after_b);
  if (*after_a == *after_b) {  // the groups merged: one of the two moved
    const int64_t moved = *after_a == *story_a ? b : a;
    auto index = search::open_index(dir, false);
    ASSERT_TRUE(index) << index.error().message;
    search::SearchRequest r;
    r.filters.story_id = *after_a;
    auto hits = (*index)->search(r);
    ASSERT_TRUE(hits) << hits.error().message;
    bool found = false;
    for (const search::Hit& h : hits->hits) found = found || h.article_id == moved;
    EXPECT_TRUE(found) << "article " << moved << " moved to story " << *after_a << " but the index has the old story";
  } else {
    GTEST_SKIP() << "the copy groups did not merge here (stories " << *after_a << ", " << *after_b << ")";
  }
  fs::remove_all(dir);
}

// The credit "(Reuters) -" in a copy names the outlet of an article that
// arrives later and was published later: the outlet is the evidence, so the
// newcomer must be compared under its own name.
TEST(StoryLinker, AnAgencyCreditNamesTheNewcomerByItsOutlet) {
  auto s = open_sqlite_store(":memory:");
  ASSERT_TRUE(s);
  Store& store = **s;
  const std::string wire = report(11);
  auto copy_out = ingest_documents(
      store, {page("https://aggregator.example/n/1", "Talks resume", "LONDON (Reuters) - " + wire, "",
                   "2026-03-01T07:00:00Z")},
      PipelineOptions{}, nullptr);
  ASSERT_TRUE(copy_out) << copy_out.error().message;
  Document agency = page("https://www.reuters.example/world/talks", "Talks resume", "LONDON - " + wire, "",
                         "2026-03-01T09:00:00Z");
  agency.body.replace(agency.body.find("<head>"), 6,
                      "<head><meta property=\"og:site_name\" content=\"Reuters\">");
  auto agency_out = ingest_documents(store, {agency}, PipelineOptions{}, nullptr);
  ASSERT_TRUE(agency_out) << agency_out.error().message;
  const int64_t copy = article_of(store, *copy_out, 0), original = article_of(store, *agency_out, 0);
  auto rel = store.article_relations(copy);
  ASSERT_TRUE(rel && rel->copy_of);
  EXPECT_EQ(rel->copy_of->id, original);
  EXPECT_NE(rel->copy_reason.find("agency"), std::string::npos) << rel->copy_reason;
}

TEST(StoryLinker, StoryMatesAreNotCopiesAndOneLinkerServesManyBatches) {
  auto s = open_sqlite_store(":memory:");
  ASSERT_TRUE(s);
  Store& store = **s;
  auto linker = StoryLinker::load(store);
  ASSERT_TRUE(linker);
  PipelineOptions options;
  options.linker = *linker;
  const std::string wire = report(7);
  auto a = ingest_documents(store, {page("https://one.example/x", "Grain deal signed", wire)}, options, nullptr);
  // The same wire text with a site's chrome and a trimmed end, in a later batch.
  auto b = ingest_documents(
      store,
      {page("https://two.example/y?utm_source=feed", "Grain deal is signed, officials say",
            wire.substr(0, wire.size() * 3 / 4), "<p>Read more on our site.</p>", "2026-03-01T10:00:00Z")},
      options, nullptr);
  // An independent report: other words entirely.
  auto c = ingest_documents(store, {page("https://three.example/z", "Grain deal", report(8))}, options, nullptr);
  ASSERT_TRUE(a && b && c);
  EXPECT_EQ((*linker)->articles(), 3u);
  const int64_t ida = article_of(store, *a, 0), idb = article_of(store, *b, 0), idc = article_of(store, *c, 0);
  auto rb = store.article_relations(idb);
  ASSERT_TRUE(rb && rb->copy_of);
  EXPECT_EQ(rb->copy_of->id, ida);
  EXPECT_EQ(rb->copy_reason.rfind("near:", 0), 0u) << rb->copy_reason;
  auto ra = store.article_relations(ida);
  EXPECT_EQ(ra->story_id, rb->story_id);  // a copy is in its original's story
  auto rc = store.article_relations(idc);
  EXPECT_FALSE(rc->copy_of);
  EXPECT_TRUE(rc->copies.empty());
}

TEST(StoryLinker, NewStoriesAreNumberedAboveStoredOnes) {
  auto s = open_sqlite_store(":memory:");
  ASSERT_TRUE(s);
  Store& store = **s;
  auto a = ingest_documents(store, {page("https://one.example/1", "Rail strike", report(21))}, PipelineOptions{},
                            nullptr);
  ASSERT_TRUE(a);
  const int64_t first_story = *store.article_relations(article_of(store, *a, 0))->story_id;
  // A later run, months on: the old story has faded and is not replayed,
  // but its number is not given to the next story.
  auto b = ingest_documents(
      store, {page("https://two.example/2", "Court rules on budget", report(22), "", "2026-09-01T08:00:00Z")},
      PipelineOptions{}, nullptr);
  ASSERT_TRUE(b);
  const int64_t second_story = *store.article_relations(article_of(store, *b, 0))->story_id;
  EXPECT_GT(second_story, first_story);
}

TEST(StoryLinker, TheSamePageUnderAnotherUrlJoinsItsFirstCopy) {
  auto s = open_sqlite_store(":memory:");
  ASSERT_TRUE(s);
  Store& store = **s;
  auto a = ingest_documents(store, {page("https://www.site.example/story-5", "Bridge reopens", report(31))},
                            PipelineOptions{}, nullptr);
  // Fetched again through a tracking link, after a rewrite of the text.
  auto b = ingest_documents(store,
                            {page("http://site.example/story-5/?utm_campaign=x#top", "Bridge reopens after repairs",
                                  report(32))},
                            PipelineOptions{}, nullptr);
  ASSERT_TRUE(a && b);
  auto rb = store.article_relations(article_of(store, *b, 0));
  ASSERT_TRUE(rb && rb->copy_of);
  EXPECT_EQ(rb->copy_of->id, article_of(store, *a, 0));
  EXPECT_EQ(rb->copy_reason.rfind("url:", 0), 0u) << rb->copy_reason;
}

TEST(StoryLinker, ReextractionKeepsTheLinksAndRenewsTheFingerprint) {
  auto s = open_sqlite_store(":memory:");
  ASSERT_TRUE(s);
  Store& store = **s;
  const std::string wire = report(41);
  auto a = ingest_documents(store, {page("https://one.example/r", "Envoy visits", wire)}, PipelineOptions{}, nullptr);
  auto b = ingest_documents(store, {page("https://two.example/r", "Envoy visits the border", wire, "",
                                         "2026-03-01T11:00:00Z")},
                            PipelineOptions{}, nullptr);
  ASSERT_TRUE(a && b);
  const int64_t ida = article_of(store, *a, 0), idb = article_of(store, *b, 0);
  const std::string stored = (*store.article_links(ida))->fingerprint;
  // A stale fingerprint, as an older extractor would have left it.
  ArticleLinks stale = **store.article_links(ida);
  stale.fingerprint = dedup::encode_fingerprint(dedup::fingerprint(report(42)));
  ASSERT_TRUE(store.set_article_links(ida, stale));
  auto again = reextract_documents(store, false, PipelineOptions{}, nullptr);
  ASSERT_TRUE(again) << again.error().message;
  auto links = *store.article_links(ida);
  ASSERT_TRUE(links);
  EXPECT_EQ(links->fingerprint, stored);
  auto rb = store.article_relations(idb);
  ASSERT_TRUE(rb && rb->copy_of);
  EXPECT_EQ(rb->copy_of->id, ida);
  EXPECT_EQ(links->story_id, rb->story_id);
}

}  // namespace
}  // namespace tidings
