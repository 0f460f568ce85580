// Feed discovery of "auto" sources, against a real HTTP server on
// 127.0.0.1: the URL may be a feed itself, or the feed is announced, named
// by robots.txt, or found at one of the usual paths.
#include <gtest/gtest.h>

#include "collect/fetch_test_server.h"
#include "pipeline/crawl.h"
#include "store/sqlite_store.h"

namespace tidings {
namespace {

using testing::TestServer;

const char* kArticle =
    "<html><head><title>A story</title></head><body><article><h1>A story</h1>"
    "<p>The ministers met on Tuesday and agreed on a plan for the aid convoys that "
    "had waited at the crossing for more than a week, officials said.</p>"
    "<p>Both delegations described the talks as constructive and said they would meet "
    "again next month to review what had been delivered.</p></article></body></html>";

std::string rss(const TestServer& server, int items) {
  std::string out = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Probe News</title>";
  for (int i = 1; i <= items; ++i) {
    out += "<item><title>Story " + std::to_string(i) + "</title><link>" +
           server.url("/story/" + std::to_string(i)) + "</link></item>";
  }
  return out + "</channel></rss>";
}

void serve_html(httplib::Response& res, const std::string& body) {
  res.set_content(body, "text/html; charset=utf-8");
}

class CrawlDiscoveryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = open_sqlite_store(":memory:");
    ASSERT_TRUE(s) << s.error().message;
    store_ = std::move(*s);
    server_.get("/story/(\\d+)", [](const httplib::Request&, httplib::Response& res) {
      serve_html(res, kArticle);
    });
  }

  Source crawl(const std::string& path) {
    server_.start();
    SourceSpec spec;
    spec.url = server_.url(path);
    spec.kind = "auto";
    auto added = store_->add_source(spec);
    EXPECT_TRUE(added) << added.error().message;
    CrawlOptions options;
    options.once = true;
    options.fetch = testing::test_options();
    auto counts = run_crawl(*store_, options, nullptr);
    EXPECT_TRUE(counts) << counts.error().message;
    auto source = store_->get_source(added->id);
    EXPECT_TRUE(source) << source.error().message;
    return source ? *source : Source{};
  }

  std::unique_ptr<Store> store_;
  TestServer server_;
};

TEST_F(CrawlDiscoveryTest, UsualFeedPathIsProbedWhenNothingIsAnnounced) {
  server_.get("/", [](const httplib::Request&, httplib::Response& res) {
    serve_html(res, "<html><head><title>Home</title></head><body>News</body></html>");
  });
  // /feed answers with HTML (a 200 that is not a feed), /rss.xml with the feed.
  server_.get("/feed", [](const httplib::Request&, httplib::Response& res) {
    serve_html(res, "<html><body>Not here</body></html>");
  });
  server_.get("/rss.xml", [this](const httplib::Request&, httplib::Response& res) {
    res.set_content(rss(server_, 2), "application/rss+xml");
  });
  server_.get("/atom.xml", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Later</title></feed>",
                    "application/atom+xml");
  });
  const Source s = crawl("/");
  EXPECT_EQ(s.feed_url, server_.url("/rss.xml"));
  EXPECT_EQ(s.last_error, "");
  EXPECT_EQ(s.items_found, 2);
  EXPECT_EQ(s.articles, 2);
}

TEST_F(CrawlDiscoveryTest, SourceUrlThatIsAFeedIsUsedAsIs) {
  server_.get("/news.rss", [this](const httplib::Request&, httplib::Response& res) {
    res.set_content(rss(server_, 3), "application/xml");
  });
  const Source s = crawl("/news.rss");
  EXPECT_EQ(s.feed_url, server_.url("/news.rss"));
  EXPECT_EQ(s.items_found, 3);
  EXPECT_EQ(s.articles, 3);
  for (const auto& hit : server_.hits()) EXPECT_NE(hit.path, "/feed");  // no probing
}

TEST_F(CrawlDiscoveryTest, NoFeedAnywhereIsAClearError) {
  server_.get("/", [](const httplib::Request&, httplib::Response& res) {
    serve_html(res, "<html><body>Nothing to syndicate</body></html>");
  });
  const Source s = crawl("/");
  EXPECT_EQ(s.feed_url, "");
  EXPECT_NE(s.last_error.find("usual feed paths"), std::string::npos) << s.last_error;
  EXPECT_EQ(s.last_status, 200);
}

}  // namespace
}  // namespace tidings
