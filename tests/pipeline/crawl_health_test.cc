// The collector and source health over a real HTTP server on 127.0.0.1: a
// 403 challenge, a 451 and a 429 whose retries are spent are stored as
// "blocked" documents (never articles), a 429 to be retried and a 404 are
// only logged, and the source is flagged.
#include <gtest/gtest.h>

#include "collect/fetch_test_server.h"
#include "pipeline/crawl.h"
#include "store/source_health.h"

namespace tidings {
namespace {

using testing::TestServer;

const char kArticle[] =
    "<html><head><title>Harbour works resume</title></head><body><article><h1>Harbour works "
    "resume</h1><p>Work on the harbour wall resumed on Monday after a pause of three months, "
    "the port authority said, and should be finished by the spring.</p><p>The contractor "
    "said the delay had been caused by storms that damaged the temporary dam.</p></article>"
    "</body></html>";

const char kChallenge[] =
    "<html><head><title>Just a moment...</title></head><body><h2>Checking if the site "
    "connection is secure</h2><script>window._cf_chl_opt={cType:'managed'};</script></body>"
    "</html>";

class CrawlHealthTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto page = [](int status, const char* body) {
      return [status, body](const httplib::Request&, httplib::Response& res) {
        res.status = status;
        res.set_content(body, "text/html; charset=utf-8");
      };
    };
    server_.get("/feed.xml", [this](const httplib::Request&, httplib::Response& res) {
      std::string items;
      for (const char* p : {"/ok", "/challenge", "/legal", "/busy", "/gone"}) {
        items += "<item><title>x</title><link>" + server_.url(p) + "</link></item>";
      }
      res.set_content("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Post</title>" +
                          items + "</channel></rss>",
                      "application/rss+xml");
    });
    server_.get("/ok", page(200, kArticle));
    server_.get("/challenge", page(403, kChallenge));
    server_.get("/legal", page(451, "<html><body><p>Unavailable here.</p></body></html>"));
    server_.get("/busy", page(429, "<html><body><p>Too many requests.</p></body></html>"));
    server_.get("/gone", page(404, "<html><body><p>Not found.</p></body></html>"));
    server_.start();
    auto s = open_sqlite_store(":memory:");
    ASSERT_TRUE(s);
    store_ = std::move(*s);
    SourceSpec spec;
    spec.url = server_.url("/feed.xml");
    spec.kind = "feed";
    auto source = store_->add_source(spec);
    ASSERT_TRUE(source);
    source_ = *source;
  }

  CrawlCounts crawl(int max_attempts) {
    CrawlOptions options;
    options.once = true;
    options.fetch = testing::test_options();
    options.max_attempts = max_attempts;
    options.pipeline.threads = 1;
    auto counts = run_crawl(*store_, options, nullptr);
    EXPECT_TRUE(counts) << counts.error().message;
    return counts.value_or(CrawlCounts{});
  }

  TestServer server_;
  std::unique_ptr<Store> store_;
  Source source_;
};

TEST_F(CrawlHealthTest, BlockedPagesAreStoredAsBlockedAndFlagged) {
  const CrawlCounts counts = crawl(/*max_attempts=*/1);  // a 429 is final at once
  EXPECT_EQ(counts.fetched, 5);
  EXPECT_EQ(counts.articles_new, 1);
  EXPECT_EQ(counts.not_articles, 3);
  EXPECT_EQ(counts.fetch_errors, 1);  // the 404
  EXPECT_EQ(store_->counts()->articles, 1);
  auto failures = store_->list_failures(10);
  ASSERT_TRUE(failures);
  ASSERT_EQ(failures->size(), 3u);
  for (const Failure& f : *failures) {
    EXPECT_EQ(f.stage, "page") << f.url;
    EXPECT_EQ(f.code, "blocked") << f.url;
    if (f.url == server_.url("/challenge")) {
      EXPECT_EQ(f.message, "HTTP 403, bot challenge or block page (cf_chl_)");
    }
  }
  auto health = source_health(*store_, source_, now_seconds());
  ASSERT_TRUE(health);
  EXPECT_EQ(health->fetched, 5);
  EXPECT_EQ(health->articles, 1);
  EXPECT_EQ(health->blocked, 3);
  EXPECT_EQ(health->errors, 1);
  ASSERT_EQ(health->flags.size(), 1u);
  EXPECT_EQ(health->flags[0].code, "blocked");
  EXPECT_EQ(health->flags[0].message,
            "3 of 5 recent pages were blocked (HTTP 403/429/451 or a bot challenge)");
}

TEST_F(CrawlHealthTest, A429ToBeRetriedIsLoggedNotStored) {
  crawl(/*max_attempts=*/5);
  auto failures = store_->list_failures(10);
  ASSERT_TRUE(failures);
  EXPECT_EQ(failures->size(), 2u);  // the 403 and the 451; the 429 waits for its retry
  EXPECT_EQ(store_->frontier_pending().value_or(0), 1);
  auto history = store_->source_history(source_.id, 10, 10);
  ASSERT_TRUE(history);
  int blocked_without_document = 0;
  for (const FetchRecord& r : history->fetches) {
    if (r.outcome == "blocked" && r.document_id == 0) {
      EXPECT_EQ(r.http_status, 429);
      ++blocked_without_document;
    }
  }
  EXPECT_EQ(blocked_without_document, 1);
}

}  // namespace
}  // namespace tidings
