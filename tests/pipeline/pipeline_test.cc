// The pipeline over a real in-memory store: counts, idempotence, failures
// kept and retried, outlets.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "pipeline/pipeline.h"

namespace tidings {
namespace {

namespace fs = std::filesystem;

class PipelineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("tidings_pipeline_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
            "_" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    auto s = open_sqlite_store(":memory:");
    ASSERT_TRUE(s) << s.error().message;
    store_ = std::move(*s);
  }
  void TearDown() override { fs::remove_all(dir_); }

  void write(const std::string& name, const std::string& content) {
    std::ofstream(dir_ / name, std::ios::binary) << content;
  }

  static std::string page(const std::string& title, const std::string& canonical) {
    std::string html = "<html lang=en><head><title>" + title + "</title>";
    if (!canonical.empty()) html += "<link rel=canonical href='" + canonical + "'>";
    html += "</head><body><article><h1>" + title + "</h1>";
    for (int i = 0; i < 4; ++i) {
      html += "<p>Paragraph " + std::to_string(i) +
              " says what happened, where and when, in a sentence long enough to be body "
              "text, with a clause or two.</p>";
    }
    return html + "</article></body></html>";
  }

  IngestCounts ingest(std::vector<PipelineEvent>* events = nullptr) {
    PipelineOptions options;
    options.batch_size = 2;  // several batches even in a small test
    auto counts = ingest_paths(*store_, {dir_.string()}, options, [&](const PipelineEvent& e) {
      if (events && e.kind != PipelineEvent::Kind::kProgress) events->push_back(e);
    });
    EXPECT_TRUE(counts) << counts.error().message;
    return counts.value_or(IngestCounts{});
  }

  fs::path dir_;
  std::unique_ptr<Store> store_;
};

TEST_F(PipelineTest, IngestsStoresAndIsIdempotent) {
  write("a.html", page("First story", "https://www.daily.example/a"));
  write("b.html", page("Second story", ""));
  write("c.html", page("Third story", "https://daily.example/c"));
  auto first = ingest();
  EXPECT_EQ(first.read, 3);
  EXPECT_EQ(first.created, 3);
  EXPECT_EQ(first.failed, 0);
  auto second = ingest();
  EXPECT_EQ(second.read, 3);
  EXPECT_EQ(second.created, 0);
  EXPECT_EQ(second.unchanged, 3);
  EXPECT_EQ(store_->counts()->articles, 3);
  auto list = store_->list_articles({});
  ASSERT_EQ(list->size(), 3u);
  for (const auto& a : *list) {
    if (a.article.title == "First story") {
      EXPECT_EQ(a.outlet, "daily.example");
    }
    if (a.article.title == "Second story") {
      EXPECT_EQ(a.outlet, "local file");
    }
  }
}

TEST_F(PipelineTest, FailuresAreStoredReportedAndRetried) {
  write("good.html", page("Good", ""));
  write("empty.html", "");
  std::vector<PipelineEvent> events;
  auto counts = ingest(&events);
  EXPECT_EQ(counts.read, 2);
  EXPECT_EQ(counts.created, 2);
  EXPECT_EQ(counts.failed, 1);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].kind, PipelineEvent::Kind::kError);
  EXPECT_NE(events[0].origin.find("empty.html"), std::string::npos);
  auto failures = store_->list_failures(10);
  ASSERT_EQ(failures->size(), 1u);
  EXPECT_EQ((*failures)[0].stage, "extract");

  auto re = reextract_documents(*store_, true, PipelineOptions{}, nullptr);
  ASSERT_TRUE(re);
  EXPECT_EQ(re->read, 1);
  EXPECT_EQ(re->failed, 1);  // still empty: still failed, attempts counted
  EXPECT_EQ((*store_->list_failures(10))[0].attempts, 2);

  auto all = reextract_documents(*store_, false, PipelineOptions{}, nullptr);
  ASSERT_TRUE(all);
  EXPECT_EQ(all->read, 2);
  EXPECT_EQ(all->created, 1);
}

TEST_F(PipelineTest, ReadErrorsAreKeptAsFailedDocuments) {
  write("good.html", page("Good", ""));
  PipelineOptions options;
  auto counts = ingest_paths(*store_, {dir_.string(), (dir_ / "missing.html").string()}, options,
                             nullptr);
  ASSERT_TRUE(counts);
  EXPECT_EQ(counts->failed, 1);
  auto failures = store_->list_failures(10);
  ASSERT_EQ(failures->size(), 1u);
  EXPECT_EQ((*failures)[0].stage, "read");
  EXPECT_NE((*failures)[0].origin.find("missing.html"), std::string::npos);
  // The origin is its own field; the message does not repeat it.
  EXPECT_NE((*failures)[0].message.rfind((*failures)[0].origin, 0), 0u) << (*failures)[0].message;
  EXPECT_EQ(store_->counts()->articles, 1);
}

TEST(Pipeline, PageContentTypes) {
  EXPECT_TRUE(is_page_content_type(""));
  EXPECT_TRUE(is_page_content_type("text/html; charset=utf-8"));
  EXPECT_TRUE(is_page_content_type("Application/XHTML+XML"));
  EXPECT_FALSE(is_page_content_type("image/png"));
  EXPECT_FALSE(is_page_content_type("text/css"));
}

TEST(Pipeline, OutletFallsBackFromSiteNameToHost) {
  Article a;
  a.site_name = "The Daily";
  EXPECT_EQ(outlet_name(a), "The Daily");
  EXPECT_EQ(outlet_name(a, "Registry name"), "The Daily");
  a.site_name.clear();
  a.canonical_url = "https://www.daily.example/x";
  EXPECT_EQ(outlet_name(a, "Registry name"), "Registry name");
  EXPECT_EQ(outlet_name(a), "daily.example");
  a.canonical_url.clear();
  a.url = "file:///tmp/x.html";
  EXPECT_EQ(outlet_name(a), "local file");
}

}  // namespace
}  // namespace tidings

namespace tidings {
namespace {

TEST(Pipeline, IngestsFetchedDocumentsWithOutcomesInOrder) {
  auto s = open_sqlite_store(":memory:");
  ASSERT_TRUE(s);
  auto& store = **s;
  auto page = [](const std::string& url, const std::string& title) {
    Document d;
    d.url = url;
    d.content_type = "text/html; charset=utf-8";
    d.http_status = 200;
    d.fetched_at = *parse_iso8601("2026-01-01T00:00:00Z");
    d.source_id = 0;
    d.body = "<html><head><title>" + title + "</title></head><body><article><h1>" + title +
             "</h1><p>A paragraph long enough to be the body of an article, with a clause, "
             "and then another clause that ends it.</p><p>And a second paragraph that says "
             "more about what happened, where and when.</p></article></body></html>";
    return d;
  };
  Document image = page("https://a.example/i.png", "img");
  image.content_type = "image/png";
  Document empty = page("https://a.example/empty", "x");
  empty.body = "";
  std::vector<Document> docs = {page("https://a.example/1", "One"), image, empty,
                                page("https://a.example/2", "Two")};
  IngestCounts counts;
  auto out = ingest_documents(store, docs, PipelineOptions{}, nullptr, &counts);
  ASSERT_TRUE(out) << out.error().message;
  ASSERT_EQ(out->size(), 4u);
  EXPECT_TRUE((*out)[0].created);
  EXPECT_GT((*out)[0].document_id, 0);
  EXPECT_FALSE((*out)[0].error);
  EXPECT_EQ((*out)[1].document_id, 0);  // not a page: not stored
  ASSERT_TRUE((*out)[1].error);
  EXPECT_NE((*out)[1].error->message.find("image/png"), std::string::npos);
  EXPECT_GT((*out)[2].document_id, 0);  // stored, with its failure
  ASSERT_TRUE((*out)[2].error);
  EXPECT_EQ((*out)[2].error->message, "empty document");
  EXPECT_EQ(counts.created, 3);
  EXPECT_EQ(counts.failed, 1);
  // The same documents again: the same ids, nothing new.
  auto again = ingest_documents(store, docs, PipelineOptions{}, nullptr, nullptr);
  ASSERT_TRUE(again);
  EXPECT_FALSE((*again)[0].created);
  EXPECT_EQ((*again)[0].document_id, (*out)[0].document_id);
  EXPECT_EQ(store.counts()->articles, 2);

  // A page without a site name is filed under its source's registry name.
  SourceSpec spec;
  spec.url = "https://wire.example/feed";
  spec.name = "Wire Service";
  auto source = store.add_source(spec);
  ASSERT_TRUE(source);
  Document from_source = page("https://wire.example/3", "Three");
  from_source.source_id = source->id;
  auto third = ingest_documents(store, {from_source}, PipelineOptions{}, nullptr, nullptr);
  ASSERT_TRUE(third);
  auto stored = store.list_articles({});
  ASSERT_TRUE(stored);
  bool found = false;
  for (const auto& a : *stored) {
    if (a.article.title == "Three") {
      EXPECT_EQ(a.outlet, "Wire Service");
      found = true;
    }
  }
  EXPECT_TRUE(found);
  EXPECT_EQ(store.get_source(source->id)->articles, 1);
}

}  // namespace
}  // namespace tidings
