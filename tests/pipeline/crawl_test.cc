// The collector against a real HTTP server on 127.0.0.1 and an in-memory
// store: one poll of a huge feed adds a bounded number of new URLs, newest
// first, says so, and the next poll reads the whole feed again.
#include "pipeline/crawl.h"

#include <gtest/gtest.h>

#include "collect/fetch_test_server.h"
#include "pipeline/crawl_internal.h"

namespace tidings {
namespace {

using testing::TestServer;

// 30 dated items, oldest first, with an ETag the server honours.
void serve_feed(TestServer& server) {
  server.get("/feed.xml", [](const httplib::Request& req, httplib::Response& res) {
    res.set_header("ETag", "\"v1\"");
    if (req.get_header_value("If-None-Match") == "\"v1\"") {
      res.status = 304;
      return;
    }
    std::string xml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Many</title>";
    for (int i = 0; i < 30; ++i) {
      xml += "<item><link>http://127.0.0.1:1/a/" + std::to_string(i) +
             "</link><pubDate>Thu, 01 Jan 2026 10:" + (i < 10 ? "0" : "") + std::to_string(i) +
             ":00 GMT</pubDate></item>";
    }
    res.set_content(xml + "</channel></rss>", "application/rss+xml");
  });
}

// Polls the due sources once (the frontier is not fetched: its URLs point
// nowhere), then makes them due again.
Result<CrawlCounts> poll_once(Store& store, const CrawlOptions& options, const EventSink& events) {
  Fetcher fetcher(options.fetch);
  CrawlCounts counts;
  if (auto r = crawl_detail::poll_due_sources(store, fetcher, options, events, counts); !r) {
    return tl::unexpected(r.error());
  }
  auto sources = store.list_sources();
  for (const Source& s : *sources) {
    SourcePoll again;  // keeps the validators, the warning is cleared
    again.fetched_at = now_seconds();
    again.next_poll_at = now_seconds() - std::chrono::seconds(1);
    again.warning = s.last_warning;
    if (auto r = store.record_poll(s.id, again); !r) return tl::unexpected(r.error());
  }
  return counts;
}

TEST(Crawl, OnePollAddsAtMostMaxNewNewestFirst) {
  TestServer server;
  serve_feed(server);
  server.start();
  auto store = open_sqlite_store(":memory:");
  ASSERT_TRUE(store);
  SourceSpec spec;
  spec.url = server.url("/feed.xml");
  spec.kind = "feed";
  auto source = (*store)->add_source(spec);
  ASSERT_TRUE(source);

  CrawlOptions options;
  options.fetch.allow_private = true;
  options.fetch.respect_robots = false;
  options.fetch.min_delay = std::chrono::milliseconds(0);
  options.max_new_per_poll = 12;
  std::vector<std::string> warnings;
  auto events = [&](const PipelineEvent& e) {
    if (e.kind == PipelineEvent::Kind::kWarning) warnings.push_back(e.message);
  };
  auto polled = poll_once(**store, options, events);
  ASSERT_TRUE(polled) << polled.error().message;
  EXPECT_EQ(polled->items_found, 30);
  EXPECT_EQ(polled->items_new, 12);
  auto s = (*store)->get_source(source->id);
  EXPECT_EQ(s->frontier_pending, 12);
  EXPECT_EQ(
      s->last_warning,
      "lists 30 items: added the newest 12 new ones (at most 12 per poll); the rest come with "
      "the next polls");
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(s->etag, "");  // not kept: the next poll must not get a 304
  auto due = (*store)->due_frontier(now_seconds() + std::chrono::hours(1), 100);
  ASSERT_EQ(due->size(), 12u);
  for (const FrontierEntry& e : *due) {
    const int n = std::stoi(e.item.url.substr(e.item.url.rfind('/') + 1));
    EXPECT_GE(n, 18) << e.item.url;  // the twelve newest: 18..29
  }

  // The next polls add the next twelve, then the last six, and keep the ETag.
  polled = poll_once(**store, options, events);
  EXPECT_EQ(polled->items_new, 12);
  polled = poll_once(**store, options, events);
  EXPECT_EQ(polled->items_new, 6);
  s = (*store)->get_source(source->id);
  EXPECT_EQ(s->frontier_pending, 30);
  EXPECT_EQ(s->last_warning, "");
  EXPECT_EQ(s->etag, "\"v1\"");
}

}  // namespace
}  // namespace tidings
