// Politeness against real servers on 127.0.0.1: per-host delay while other
// hosts proceed, robots.txt fetched once and obeyed, Crawl-delay, 429 and
// Retry-After, exponential back-off on a 5xx storm.
#include <gtest/gtest.h>

#include "collect/fetch.h"
#include "collect/fetch_test_server.h"
#include "collect/host_policy.h"

namespace tidings {
namespace {

using std::chrono::milliseconds;
using testing::fetch_many;
using testing::gap_ms;
using testing::Hit;
using testing::test_options;
using testing::TestServer;

void serve_pages(TestServer& server) {
  server.get(R"(/p/.*)", [](const httplib::Request& req, httplib::Response& res) {
    res.set_content("page " + req.path, "text/plain");
  });
}

TEST(FetchPolite, OneHostWaitsTheDelayWhileAnotherProceeds) {
  TestServer a, b;
  serve_pages(a);
  serve_pages(b);
  a.start();
  b.start();
  FetchOptions options = test_options();
  options.min_delay = milliseconds(300);
  std::vector<FetchResult> results =
      fetch_many(options, {{a.url("/p/1")}, {a.url("/p/2")}, {b.url("/p/1")}, {b.url("/p/2")}});
  ASSERT_EQ(results.size(), 4u);
  for (const FetchResult& r : results) EXPECT_TRUE(r.ok());
  const std::vector<Hit> ha = a.hits(), hb = b.hits();
  ASSERT_EQ(ha.size(), 2u);
  ASSERT_EQ(hb.size(), 2u);
  EXPECT_GE(gap_ms(ha[0], ha[1]), 300.0);
  EXPECT_GE(gap_ms(hb[0], hb[1]), 300.0);
  // The two hosts' first requests went out together, not one delay apart.
  EXPECT_LT(std::abs(gap_ms(ha[0], hb[0])), 150.0);
}

TEST(FetchPolite, RobotsFetchedOnceAndObeyed) {
  TestServer server;
  server.get("/robots.txt", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(
        "User-agent: *\nDisallow: /\n\n"
        "User-agent: tidings\nDisallow: /p/secret\nAllow: /p/secret/ok\n"
        "Sitemap: https://example.com/news.xml\n",
        "text/plain");
  });
  serve_pages(server);
  server.start();
  FetchOptions options = test_options();
  options.respect_robots = true;
  Fetcher fetcher(options);
  std::vector<FetchResult> results;
  std::vector<FetchRequest> requests;
  for (int i = 0; i < 8; ++i) requests.push_back({server.url("/p/" + std::to_string(i))});
  requests.push_back({server.url("/p/secret/x"), "", "", 100});
  requests.push_back({server.url("/p/secret/ok/y"), "", "", 101});
  fetcher.fetch_all(requests, [&](FetchResult&& r) { results.push_back(std::move(r)); });
  ASSERT_EQ(results.size(), 10u);
  for (const FetchResult& r : results) {
    if (r.request.tag == 100) {
      EXPECT_EQ(r.failure, FetchFailure::kRobotsDisallowed);
      EXPECT_EQ(r.error->message, "disallowed by robots.txt");
    } else {
      EXPECT_TRUE(r.ok()) << r.request.url;
    }
  }
  EXPECT_EQ(server.hits("/robots.txt").size(), 1u);
  EXPECT_TRUE(server.hits("/p/secret/x").empty());
  EXPECT_EQ(server.hits().size(), 10u);  // robots + 9 pages
  const auto robots = fetcher.cached_robots(server.url("/anything"));
  ASSERT_TRUE(robots.has_value());
  EXPECT_EQ(robots->sitemaps, std::vector<std::string>{"https://example.com/news.xml"});

  // A second batch on the same Fetcher uses the cache.
  fetcher.fetch_all({{server.url("/p/again")}}, [](FetchResult&&) {});
  EXPECT_EQ(server.hits("/robots.txt").size(), 1u);
}

TEST(FetchPolite, RobotsMissingAllowsEverything) {
  TestServer server;
  server.get("/robots.txt",
             [](const httplib::Request&, httplib::Response& res) { res.status = 404; });
  serve_pages(server);
  server.start();
  FetchOptions options = test_options();
  options.respect_robots = true;
  std::vector<FetchResult> results = fetch_many(options, {{server.url("/p/1")}});
  ASSERT_EQ(results.size(), 1u);
  EXPECT_TRUE(results[0].ok());
  EXPECT_EQ(server.hits("/robots.txt").size(), 1u);
}

TEST(FetchPolite, RobotsServerErrorDisallowsEverything) {
  TestServer server;
  server.get("/robots.txt",
             [](const httplib::Request&, httplib::Response& res) { res.status = 503; });
  serve_pages(server);
  server.start();
  FetchOptions options = test_options();
  options.respect_robots = true;
  std::vector<FetchResult> results =
      fetch_many(options, {{server.url("/p/1")}, {server.url("/p/2")}});
  ASSERT_EQ(results.size(), 2u);
  for (const FetchResult& r : results) {
    EXPECT_EQ(r.failure, FetchFailure::kRobotsUnavailable);
    EXPECT_NE(r.error->message.find("503"), std::string::npos) << r.error->message;
    ASSERT_TRUE(r.retry_after.has_value());
    EXPECT_GT(*r.retry_after, 0);
  }
  EXPECT_EQ(server.hits().size(), 1u);  // robots.txt only
}

TEST(FetchPolite, RobotsRedirectIsFollowed) {
  TestServer server;
  server.get("/robots.txt", [](const httplib::Request&, httplib::Response& res) {
    res.set_redirect("/real-robots.txt", 301);
  });
  server.get("/real-robots.txt", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("User-agent: *\nDisallow: /p/no\n", "text/plain");
  });
  serve_pages(server);
  server.start();
  FetchOptions options = test_options();
  options.respect_robots = true;
  std::vector<FetchResult> results = fetch_many(options, {{server.url("/p/no")}});
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].failure, FetchFailure::kRobotsDisallowed);
}

// A long run over many hosts keeps state for the recent ones only: an idle
// host is forgotten with its robots.txt, which is read again if it comes back.
TEST(FetchPolite, IdleHostsAreForgottenWithTheirRobots) {
  TestServer server;
  server.get("/robots.txt", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("User-agent: *\nDisallow: /private\n", "text/plain");
  });
  server.get("/(.*)", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("<p>page</p>", "text/html");
  });
  server.start();
  auto fetch = [&](Fetcher& f, const std::string& path) {
    std::vector<FetchResult> out;
    f.fetch_all({FetchRequest(server.url(path))}, [&](FetchResult&& r) { out.push_back(std::move(r)); });
    return out.at(0);
  };

  FetchOptions kept = test_options();
  kept.respect_robots = true;
  Fetcher recent(kept);  // default idle TTL: an hour
  EXPECT_EQ(fetch(recent, "/a").status, 200);
  EXPECT_EQ(recent.prune_idle_hosts(), 0u);
  EXPECT_EQ(recent.hosts_tracked(), 1u);
  EXPECT_EQ(fetch(recent, "/private").failure, FetchFailure::kRobotsDisallowed);
  EXPECT_EQ(server.hits("/robots.txt").size(), 1u);  // cached

  FetchOptions forgetful = kept;
  forgetful.host_idle_ttl = milliseconds(0);
  Fetcher idle(forgetful);
  EXPECT_EQ(fetch(idle, "/b").status, 200);
  idle.prune_idle_hosts();
  EXPECT_EQ(idle.hosts_tracked(), 0u);
  EXPECT_FALSE(idle.cached_robots(server.url("/")).has_value());
  // Coming back: robots.txt is read again and still obeyed.
  EXPECT_EQ(fetch(idle, "/private").failure, FetchFailure::kRobotsDisallowed);
  EXPECT_EQ(server.hits("/robots.txt").size(), 3u);
}

TEST(FetchPolite, CrawlDelayIsHonoured) {
  TestServer server;
  server.get("/robots.txt", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("User-agent: *\nCrawl-delay: 0.3\n", "text/plain");
  });
  serve_pages(server);
  server.start();
  FetchOptions options = test_options();
  options.respect_robots = true;
  fetch_many(options, {{server.url("/p/1")}, {server.url("/p/2")}});
  const std::vector<Hit> hits = server.hits();
  ASSERT_EQ(hits.size(), 3u);
  EXPECT_GE(gap_ms(hits[0], hits[1]), 300.0);  // robots.txt, then the delay
  EXPECT_GE(gap_ms(hits[1], hits[2]), 300.0);
}

// A short max_queue_wait cuts a back-off short, never the polite delay:
// a Crawl-delay longer than it is waited, not turned into kBackedOff.
TEST(FetchPolite, ShortQueueWaitStillWaitsTheCrawlDelay) {
  TestServer server;
  server.get("/robots.txt", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("User-agent: *\nCrawl-delay: 0.3\n", "text/plain");
  });
  serve_pages(server);
  server.start();
  FetchOptions options = test_options();
  options.respect_robots = true;
  options.max_queue_wait = milliseconds(0);
  std::vector<FetchResult> results =
      fetch_many(options, {{server.url("/p/1")}, {server.url("/p/2")}});
  ASSERT_EQ(results.size(), 2u);
  for (const FetchResult& r : results) EXPECT_TRUE(r.ok()) << r.error->message;
  EXPECT_EQ(server.hits().size(), 3u);
}

TEST(FetchPolite, TooManyRequestsCarriesRetryAfterAndBacksTheHostOff) {
  TestServer server;
  server.get("/limited", [](const httplib::Request&, httplib::Response& res) {
    res.status = 429;
    res.set_header("Retry-After", "120");
  });
  serve_pages(server);
  server.start();
  Fetcher fetcher(test_options());
  std::vector<FetchResult> results;
  fetcher.fetch_all({{server.url("/limited"), "", "", 1}, {server.url("/p/after"), "", "", 2}},
                    [&](FetchResult&& r) { results.push_back(std::move(r)); });
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[0].status, 429);
  EXPECT_TRUE(results[0].ok());
  EXPECT_EQ(results[0].retry_after, 120);
  EXPECT_EQ(results[1].failure, FetchFailure::kBackedOff);
  ASSERT_TRUE(results[1].retry_after.has_value());
  EXPECT_GE(*results[1].retry_after, 119);
  EXPECT_TRUE(server.hits("/p/after").empty());
  const auto next = fetcher.host_next_allowed(server.url("/"));
  ASSERT_TRUE(next.has_value());
  EXPECT_GT(*next, Clock::now() + std::chrono::seconds(110));
  EXPECT_FALSE(fetcher.host_next_allowed("http://never.example/").has_value());
}

TEST(FetchPolite, ServerErrorStormBacksOffExponentially) {
  TestServer server;
  server.get("/fail", [](const httplib::Request&, httplib::Response& res) { res.status = 500; });
  server.start();
  FetchOptions options = test_options();
  options.backoff_base = milliseconds(80);
  std::vector<FetchResult> results = fetch_many(
      options,
      {{server.url("/fail")}, {server.url("/fail")}, {server.url("/fail")}, {server.url("/fail")}});
  ASSERT_EQ(results.size(), 4u);
  for (const FetchResult& r : results) EXPECT_EQ(r.status, 500);
  const std::vector<Hit> hits = server.hits();
  ASSERT_EQ(hits.size(), 4u);
  EXPECT_GE(gap_ms(hits[0], hits[1]), 80.0);
  EXPECT_GE(gap_ms(hits[1], hits[2]), 160.0);
  EXPECT_GE(gap_ms(hits[2], hits[3]), 320.0);
}

TEST(HostPolicy, RetryAfterSecondsAndDates) {
  const Instant now = Instant(std::chrono::seconds(1698864000));  // 2023-11-01T18:40:00Z
  EXPECT_EQ(collect::parse_retry_after("120", now), 120);
  EXPECT_EQ(collect::parse_retry_after(" 0 ", now), 0);
  EXPECT_EQ(collect::parse_retry_after("Wed, 01 Nov 2023 18:41:00 GMT", now), 60);
  EXPECT_EQ(collect::parse_retry_after("Wednesday, 01-Nov-23 18:40:30 GMT", now), 30);
  EXPECT_EQ(collect::parse_retry_after("Wed, 01 Nov 2023 18:00:00 GMT", now), 0);
  EXPECT_EQ(collect::parse_retry_after("soon", now), std::nullopt);
  EXPECT_EQ(collect::parse_retry_after("", now), std::nullopt);
  EXPECT_EQ(collect::parse_retry_after("-5", now), std::nullopt);
}

TEST(HostPolicy, BackoffDoublesAndIsBounded) {
  const milliseconds base(1000), cap(3'600'000);
  EXPECT_EQ(collect::backoff_delay(1, base, cap, std::nullopt), milliseconds(1000));
  EXPECT_EQ(collect::backoff_delay(2, base, cap, std::nullopt), milliseconds(2000));
  EXPECT_EQ(collect::backoff_delay(5, base, cap, std::nullopt), milliseconds(16000));
  EXPECT_EQ(collect::backoff_delay(60, base, cap, std::nullopt), cap);
  EXPECT_EQ(collect::backoff_delay(1, base, cap, 30), milliseconds(30000));
  EXPECT_EQ(collect::backoff_delay(1, base, cap, 999999999), cap);
}

}  // namespace
}  // namespace tidings
