// The fetcher against a real server on 127.0.0.1: bodies, validators and
// 304s, content codings, redirects, schemes.
#include <gtest/gtest.h>

#include "collect/fetch.h"
#include "collect/fetch_test_server.h"
#include "collect/warc_fixtures.h"

namespace tidings {
namespace {

using testing::fetch_many;
using testing::fetch_one;
using testing::test_options;
using testing::TestServer;

TEST(Fetch, OkWithBodyHeadersAndUserAgent) {
  TestServer server;
  server.get("/page", [](const httplib::Request&, httplib::Response& res) {
    res.set_header("X-Test", "yes");
    res.set_header("Content-Language", "ar");
    res.set_content("<p>hello</p>", "text/html; charset=utf-8");
  });
  server.start();
  const Instant before = now_seconds();
  FetchResult r = fetch_one(test_options(), {server.url("/page"), "", "", 42});
  ASSERT_TRUE(r.ok()) << r.error->message;
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "<p>hello</p>");
  EXPECT_EQ(r.content_type, "text/html; charset=utf-8");
  EXPECT_EQ(r.content_language, "ar");
  EXPECT_EQ(r.http_version, 1);
  EXPECT_NE(r.headers.find("X-Test: yes"), std::string::npos);
  EXPECT_EQ(r.headers.rfind("HTTP/1.1 200", 0), 0u);
  EXPECT_EQ(r.request.tag, 42u);
  EXPECT_EQ(r.final_url, server.url("/page"));
  EXPECT_EQ(r.redirects, 0);
  EXPECT_GE(r.fetched_at, before);
  EXPECT_FALSE(r.not_modified);
  const std::vector<testing::Hit> hits = server.hits();
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].headers.find("User-Agent")->second, kDefaultUserAgent);
  EXPECT_EQ(std::string(kDefaultUserAgent).rfind("tidings/", 0), 0u);

  const Document d = to_document(r);
  EXPECT_EQ(d.url, server.url("/page"));
  EXPECT_EQ(d.http_status, 200);
  EXPECT_EQ(d.body, r.body);
}

TEST(Fetch, HttpErrorStatusIsNotAFailure) {
  TestServer server;
  server.start();  // no routes: 404
  FetchResult r = fetch_one(test_options(), {server.url("/missing")});
  EXPECT_TRUE(r.ok());
  EXPECT_EQ(r.status, 404);
}

TEST(Fetch, ConditionalGetWithEtag) {
  TestServer server;
  server.get("/etag", [](const httplib::Request& req, httplib::Response& res) {
    res.set_header("ETag", "\"v1\"");
    if (req.get_header_value("If-None-Match") == "\"v1\"") {
      res.status = 304;
      return;
    }
    res.set_content("body v1", "text/plain");
  });
  server.start();
  FetchResult first = fetch_one(test_options(), {server.url("/etag")});
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first.status, 200);
  EXPECT_EQ(first.etag, "\"v1\"");
  FetchResult second = fetch_one(test_options(), {server.url("/etag"), first.etag});
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second.status, 304);
  EXPECT_TRUE(second.not_modified);
  EXPECT_TRUE(second.body.empty());
  EXPECT_EQ(second.etag, "\"v1\"");
}

TEST(Fetch, ConditionalGetWithLastModified) {
  const std::string date = "Wed, 01 Nov 2023 18:40:00 GMT";
  TestServer server;
  server.get("/lm", [date](const httplib::Request& req, httplib::Response& res) {
    if (req.get_header_value("If-Modified-Since") == date) {
      res.status = 304;  // no Last-Modified repeated: the request's is kept
      return;
    }
    res.set_header("Last-Modified", date);
    res.set_content("body", "text/plain");
  });
  server.start();
  FetchResult first = fetch_one(test_options(), {server.url("/lm")});
  EXPECT_EQ(first.last_modified, date);
  FetchResult second = fetch_one(test_options(), {server.url("/lm"), "", first.last_modified});
  EXPECT_EQ(second.status, 304);
  EXPECT_TRUE(second.not_modified);
  EXPECT_EQ(second.last_modified, date);
  const std::vector<testing::Hit> hits = server.hits("/lm");
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(hits[0].headers.count("If-Modified-Since"), 0u);
  EXPECT_EQ(hits[1].headers.find("If-Modified-Since")->second, date);
}

TEST(Fetch, GzipBodyIsDecoded) {
  std::string text;
  for (int i = 0; i < 1000; ++i) text += "hello gzip " + std::to_string(i) + "\n";
  TestServer server;
  server.get("/gz", [&text](const httplib::Request& req, httplib::Response& res) {
    EXPECT_NE(req.get_header_value("Accept-Encoding").find("gzip"), std::string::npos);
    res.set_header("Content-Encoding", "gzip");
    res.set_content(testing::gzip(text), "application/octet-stream");
  });
  server.start();
  FetchResult r = fetch_one(test_options(), {server.url("/gz")});
  ASSERT_TRUE(r.ok()) << r.error->message;
  EXPECT_EQ(r.body, text);
}

TEST(Fetch, FollowsARedirectChainOfThree) {
  TestServer server;
  server.get("/r1",
             [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/r2", 301); });
  server.get("/r2", [&server](const httplib::Request&, httplib::Response& res) {
    res.set_redirect(server.url("/r3"), 302);  // absolute
  });
  server.get("/r3", [](const httplib::Request&, httplib::Response& res) {
    res.set_redirect("final?x=1", 307);  // relative to /r3
  });
  server.get("/final", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("landed", "text/plain");
  });
  server.start();
  FetchResult r = fetch_one(test_options(), {server.url("/r1"), "", "", 7});
  ASSERT_TRUE(r.ok()) << r.error->message;
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "landed");
  EXPECT_EQ(r.redirects, 3);
  EXPECT_EQ(r.request.url, server.url("/r1"));
  EXPECT_EQ(r.request.tag, 7u);
  EXPECT_EQ(r.final_url, server.url("/final?x=1"));
  EXPECT_EQ(to_document(r).final_url, server.url("/final?x=1"));
}

TEST(Fetch, RedirectLoopIsTooManyRedirects) {
  TestServer server;
  server.get("/loop", [](const httplib::Request&, httplib::Response& res) {
    res.set_redirect("/loop", 302);
  });
  server.start();
  FetchResult r = fetch_one(test_options(), {server.url("/loop")});
  EXPECT_EQ(r.failure, FetchFailure::kTooManyRedirects);
  EXPECT_NE(r.error->message.find("too many redirects"), std::string::npos);
  EXPECT_EQ(r.redirects, 5);
  EXPECT_EQ(server.hits("/loop").size(), 6u);  // the first and five redirects
}

TEST(Fetch, RedirectToAnotherSchemeIsRefused) {
  TestServer server;
  server.get("/to-file", [](const httplib::Request&, httplib::Response& res) {
    res.set_redirect("file:///etc/passwd", 302);
  });
  server.start();
  FetchResult r = fetch_one(test_options(), {server.url("/to-file")});
  EXPECT_EQ(r.failure, FetchFailure::kScheme);
  EXPECT_NE(r.error->message.find("file"), std::string::npos);
  EXPECT_TRUE(r.body.empty());
}

TEST(Fetch, OnlyHttpAndHttpsAreFetched) {
  std::vector<FetchResult> results = fetch_many(test_options(), {{"ftp://127.0.0.1/x", "", "", 1},
                                                                 {"file:///etc/passwd", "", "", 2},
                                                                 {"gopher://127.0.0.1/", "", "", 3},
                                                                 {"not a url", "", "", 4},
                                                                 {"http://", "", "", 5}});
  ASSERT_EQ(results.size(), 5u);
  for (const FetchResult& r : results) {
    EXPECT_FALSE(r.ok()) << r.request.url;
    ASSERT_TRUE(r.error.has_value());
    if (r.request.tag <= 3) {
      EXPECT_EQ(r.failure, FetchFailure::kScheme) << r.request.url;
      EXPECT_EQ(r.error->message.rfind("unsupported scheme: ", 0), 0u) << r.error->message;
    } else {
      EXPECT_EQ(r.failure, FetchFailure::kInvalidUrl) << r.request.url;
    }
  }
}

TEST(Fetch, UnresolvableHostIsADnsFailure) {
  FetchResult r = fetch_one(test_options(), {"http://no-such-host.invalid/"});
  EXPECT_EQ(r.failure, FetchFailure::kDns) << (r.error ? r.error->message : "");
  EXPECT_EQ(r.error->message.rfind("dns failure", 0), 0u);
}

TEST(Fetch, ManyRequestsOnManyHostsAllComplete) {
  std::vector<std::unique_ptr<TestServer>> servers;
  std::vector<FetchRequest> requests;
  for (int s = 0; s < 4; ++s) {
    servers.push_back(std::make_unique<TestServer>());
    servers.back()->get(R"(/n/(\d+))", [](const httplib::Request& req, httplib::Response& res) {
      res.set_content(req.matches[1].str(), "text/plain");
    });
    servers.back()->start();
    for (int i = 0; i < 10; ++i) {
      requests.push_back({servers.back()->url("/n/" + std::to_string(i)), "", "",
                          static_cast<uint64_t>(s * 100 + i)});
    }
  }
  std::vector<FetchResult> results = fetch_many(test_options(), requests);
  ASSERT_EQ(results.size(), 40u);
  for (const FetchResult& r : results) {
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.body, std::to_string(r.request.tag % 100));
  }
}

}  // namespace
}  // namespace tidings
