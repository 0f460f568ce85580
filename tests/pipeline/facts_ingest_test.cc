// Facts at ingest: every new article's facts are stored with it (the
// seed's figures with their breakdown as record positions, offsets in code
// points), and re-extraction recomputes them.
#include <gtest/gtest.h>

#include "core/utf8.h"
#include "facts/article_facts.h"
#include "pipeline/fact_records.h"
#include "pipeline/pipeline.h"
#include "store/store.h"

namespace tidings {
namespace {

const char* kSeed =
    "Ali Asghar Khaji, a senior aide to Iran\xE2\x80\x99s foreign minister, met Alexander Lavrentiev in Tehran on "
    "Wednesday. Since the start of the aggression, the regime has been committing war crimes in Gaza, killing at "
    "least 8,796 people, including 3,648 children and 2,290 women, according to officials. At least 22,219 "
    "people have been wounded.";

Document page(const std::string& url, const std::string& body) {
  Document d;
  d.url = url;
  d.content_type = "text/html; charset=utf-8";
  d.http_status = 200;
  d.fetched_at = *parse_iso8601("2023-11-02T00:00:00Z");
  d.body = "<html><head><title>Diplomats meet</title><meta property=\"article:published_time\" "
           "content=\"2023-11-01T12:00:00+03:30\"></head><body><article><h1>Diplomats meet</h1><p>" +
           body + "</p></article></body></html>";
  return d;
}

const FactRecord* find(const std::vector<FactRecord>& facts, const std::string& kind, const std::string& label) {
  for (const FactRecord& f : facts) {
    if (f.kind == kind && f.label == label) return &f;
  }
  return nullptr;
}

TEST(FactRecords, FiguresPointAtTheirParentsAndOffsetsAreCodePoints) {
  auto models = facts::load_facts_models();
  ASSERT_TRUE(models) << models.error().message;
  const std::string text = kSeed;
  auto published = facts::parse_publication_time("2023-11-01T12:00:00+03:30");
  const std::vector<FactRecord> records = fact_records(facts::extract_facts(text, published, *models));
  const FactRecord* killed = find(records, "figure", "at least 8,796 people");
  const FactRecord* children = find(records, "figure", "3,648 children");
  ASSERT_TRUE(killed && children);
  EXPECT_EQ(killed->key, "killed/people");
  EXPECT_EQ(killed->qualifier, "at_least");
  EXPECT_EQ(killed->value, 8796);
  EXPECT_EQ(killed->attribution, "according to officials");
  EXPECT_EQ(children->key, "killed/children");
  ASSERT_GE(children->parent, 0);
  EXPECT_EQ(&records[static_cast<size_t>(children->parent)], killed);
  // "Iran’s" holds a three-byte apostrophe: offsets after it are code points.
  const FactRecord* tehran = find(records, "place", "Tehran");
  ASSERT_TRUE(tehran);
  const size_t byte = text.find("Tehran");
  EXPECT_EQ(tehran->start, static_cast<int64_t>(utf8_length(std::string_view(text).substr(0, byte))));
  EXPECT_EQ(tehran->end - tehran->start, 6);
  ASSERT_TRUE(tehran->lat && tehran->lon);
  EXPECT_NEAR(*tehran->lat, 35.69, 0.5);
  const FactRecord* khaji = find(records, "person", "Ali Asghar Khaji");
  ASSERT_TRUE(khaji);
  EXPECT_EQ(khaji->key, "ali asghar khaji");
  const FactRecord* wednesday = find(records, "date", "Wednesday");
  ASSERT_TRUE(wednesday);
  EXPECT_EQ(wednesday->key, "2023-11-01");
}

TEST(FactsIngest, StoredWithTheArticleAndRecomputedOnReextraction) {
  auto s = open_sqlite_store(":memory:");
  ASSERT_TRUE(s);
  Store& store = **s;
  auto out = ingest_documents(store, {page("https://agency.example/a", kSeed)}, PipelineOptions{}, nullptr);
  ASSERT_TRUE(out) << out.error().message;
  ArticleQuery all;
  auto list = store.list_articles(all);
  ASSERT_TRUE(list && list->size() == 1);
  const int64_t id = list->front().id;
  auto stored = store.article_facts(id);
  ASSERT_TRUE(stored) << stored.error().message;
  EXPECT_EQ(stored->version, facts::kFactsVersion);
  EXPECT_FALSE(stored->stale);
  const FactRecord* killed = find(stored->facts, "figure", "at least 8,796 people");
  ASSERT_TRUE(killed);
  EXPECT_EQ(killed->as_of.has_value(), true);

  auto re = reextract_documents(store, false, PipelineOptions{}, nullptr);
  ASSERT_TRUE(re) << re.error().message;
  auto again = store.article_facts(id);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->facts.size(), stored->facts.size());
  EXPECT_FALSE(again->stale);

  // With facts off, nothing is computed and nothing is lost.
  PipelineOptions off;
  off.extract_facts = false;
  auto other = ingest_documents(store, {page("https://agency.example/b", std::string(kSeed) + " The talks continue on Thursday.")},
                                off, nullptr);
  ASSERT_TRUE(other);
  auto need = store.articles_needing_facts(facts::kFactsVersion, 0, 10);
  ASSERT_TRUE(need);
  EXPECT_EQ(need->size(), 1u);
}

}  // namespace
}  // namespace tidings
