// A real WebServer on 127.0.0.1 (port 0) over a fake store, queried with
// httplib::Client: pages, JSON API, paging, errors, headers and shutdown.
#include <gtest/gtest.h>
#include <httplib.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>
#include <thread>

#include "serve/fake_store.h"
#include "serve/running_server.h"
#include "serve/serve.h"

namespace tidings {
namespace {

using nlohmann::json;
using testing::FakeStore;
using testing::make_article;
using testing::RunningServer;

// A store whose list throws, to check that no exception escapes a handler.
class ThrowingStore : public FakeStore {
 public:
  Result<std::vector<StoredArticle>> list_articles(const ArticleQuery&) override {
    throw std::runtime_error("boom");
  }
};

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (int64_t id = 1; id <= 5; ++id) store_.add(make_article(id));
    StoredArticle hostile = make_article(6);
    hostile.article.title = "<script>alert(1)</script>";
    hostile.article.text = "\"><img onerror=alert(1)>";
    hostile.article.source_links = {{"javascript:alert(1)", "Source link", "link", ""}};
    hostile.article.published_at.reset();  // listed by fetched_at (2023-11-02): first
    store_.add(hostile);
    server_ = std::make_unique<RunningServer>(store_);
  }
  httplib::Result get(const std::string& path) { return server_->client().Get(path); }

  FakeStore store_;
  std::unique_ptr<RunningServer> server_;
};

void expect_security_headers(const httplib::Response& r) {
  EXPECT_NE(r.get_header_value("Content-Security-Policy").find("default-src 'none'"),
            std::string::npos);
  EXPECT_EQ(r.get_header_value("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(r.get_header_value("Referrer-Policy"), "no-referrer");
  EXPECT_EQ(r.get_header_value_count("Content-Security-Policy"), 1u);
}

json error_of(const httplib::Result& r) {
  EXPECT_EQ(r->get_header_value("Content-Type"), "application/json; charset=utf-8");
  return json::parse(r->body)["error"];
}

TEST_F(ServerTest, ListPage) {
  auto r = get("/");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("Content-Type"), "text/html; charset=utf-8");
  expect_security_headers(*r);
  EXPECT_NE(r->body.find("Article number 5"), std::string::npos);
  EXPECT_LT(r->body.find("/articles/6\""), r->body.find("/articles/5\""));
  EXPECT_EQ(r->body.find("<script>"), std::string::npos);
  EXPECT_NE(r->body.find("&lt;script&gt;"), std::string::npos);
}

TEST_F(ServerTest, ListPageFollowsOlderLinks) {
  auto r = get("/?limit=4");
  ASSERT_TRUE(r);
  EXPECT_NE(r->body.find("href=\"/?limit=4&amp;before_id=3\""), std::string::npos);
  r = get("/?limit=4&before_id=3");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_NE(r->body.find("Article number 2"), std::string::npos);
  EXPECT_EQ(r->body.find("Article number 3"), std::string::npos);
  EXPECT_EQ(r->body.find("rel=\"next\""), std::string::npos);
}

TEST_F(ServerTest, EntityTagsAnswerConditionalRequestsWith304) {
  for (const std::string path : {"/api/articles", "/articles/2", "/"}) {
    auto first = get(path);
    ASSERT_TRUE(first) << path;
    ASSERT_EQ(first->status, 200) << path;
    const std::string tag = first->get_header_value("ETag");
    ASSERT_EQ(tag.size(), 18u) << path;  // a quoted 16-digit hash
    EXPECT_EQ(tag.front(), '"');
    EXPECT_EQ(get(path)->get_header_value("ETag"), tag) << "the same data, the same tag";

    auto client = server_->client();
    auto same = client.Get(path, {{"If-None-Match", tag}});
    ASSERT_TRUE(same);
    EXPECT_EQ(same->status, 304) << path;
    EXPECT_TRUE(same->body.empty());
    EXPECT_EQ(client.Get(path, {{"If-None-Match", "\"x\", W/" + tag}})->status, 304)
        << "a weak tag in a list matches";
    EXPECT_EQ(client.Get(path, {{"If-None-Match", "*"}})->status, 304);
    auto other = client.Get(path, {{"If-None-Match", "\"0000000000000000\""}});
    EXPECT_EQ(other->status, 200);
    EXPECT_EQ(other->body, first->body);
  }
  EXPECT_NE(get("/api/articles/1")->get_header_value("ETag"),
            get("/api/articles/2")->get_header_value("ETag"));
  auto missing = get("/api/articles/999");
  EXPECT_EQ(missing->status, 404);
  EXPECT_FALSE(missing->has_header("ETag")) << "errors carry no validator";
}

TEST_F(ServerTest, ArticlePage) {
  auto r = get("/articles/3");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  expect_security_headers(*r);
  EXPECT_NE(r->body.find("<h1 dir=\"auto\">Article number 3</h1>"), std::string::npos);
  EXPECT_NE(r->body.find("class=\"source-box\""), std::string::npos);
  EXPECT_NE(r->body.find("<a href=\"https://agency.example.org/story\" "
                         "rel=\"noopener noreferrer nofollow\">Source link</a>"),
            std::string::npos);
}

TEST_F(ServerTest, HostileArticlePageIsInert) {
  auto r = get("/articles/6");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body.find("<script>"), std::string::npos);
  EXPECT_EQ(r->body.find("<img"), std::string::npos);
  EXPECT_EQ(r->body.find("href=\"javascript"), std::string::npos);
}

TEST_F(ServerTest, ApiArticleHasAllFields) {
  auto r = get("/api/articles/3");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("Content-Type"), "application/json; charset=utf-8");
  const json j = json::parse(r->body);
  std::set<std::string> keys;
  for (const auto& [key, value] : j.items()) keys.insert(key);
  EXPECT_EQ(keys, (std::set<std::string>{"id", "document_id", "url", "canonical_url", "title",
                                         "byline", "authors", "published_at", "modified_at",
                                         "utc_offset_minutes", "language", "site_name", "outlet",
                                         "image", "section", "tags", "text", "fetched_at",
                                         "source_links", "copy_of", "copies",
                                         "first_reported_by", "story"}));
  EXPECT_EQ(j["id"], 3);
  EXPECT_EQ(j["document_id"], 103);
  EXPECT_EQ(j["title"], "Article number 3");
  EXPECT_EQ(j["published_at"], "2023-11-01T03:00:00Z");
  EXPECT_EQ(j["fetched_at"], "2023-11-02T00:00:00Z");
  EXPECT_TRUE(j["image"].is_null());
  EXPECT_EQ(j["source_links"],
            json::parse(R"([{"url":"https://agency.example.org/story","text":"Source link",
                             "kind":"link","agency":null}])"));
}

TEST_F(ServerTest, ApiPagingWalksEveryArticleOnce) {
  std::vector<int64_t> ids;
  std::string next = "/api/articles?limit=2";
  for (int pages = 0; pages < 10 && !next.empty(); ++pages) {
    auto r = get(next);
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 200) << next;
    const json j = json::parse(r->body);
    EXPECT_LE(j["articles"].size(), 2u);
    for (const auto& a : j["articles"]) ids.push_back(a["id"].get<int64_t>());
    next = j["next"].is_null() ? "" : j["next"].get<std::string>();
  }
  EXPECT_EQ(ids, (std::vector<int64_t>{6, 5, 4, 3, 2, 1}));
  auto r = get("/api/articles?offset=5");
  ASSERT_TRUE(r);
  EXPECT_EQ(json::parse(r->body)["articles"].size(), 1u);
}

TEST_F(ServerTest, BadParametersAre400) {
  for (const char* path :
       {"/api/articles?limit=abc", "/api/articles?limit=100000", "/api/articles?limit=0",
        "/api/articles?offset=-5", "/api/articles?before_id=1e3", "/api/articles?limit=1&limit=2",
        "/api/articles/abc", "/api/articles/-1", "/api/articles/99999999999999999999"}) {
    auto r = get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->status, 400) << path;
    EXPECT_EQ(error_of(r)["code"], "invalid_parameter") << path;
  }
  auto r = get("/?limit=abc");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  EXPECT_EQ(r->get_header_value("Content-Type"), "text/html; charset=utf-8");
}

TEST_F(ServerTest, UnknownIdsAndPathsAre404) {
  for (const char* path : {"/api/articles/999", "/api/nothing", "/api/articles/3/extra"}) {
    auto r = get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->status, 404) << path;
    EXPECT_EQ(error_of(r)["code"], "not_found") << path;
    expect_security_headers(*r);
  }
  for (const char* path : {"/articles/999", "/nothing", "/static/../healthz"}) {
    auto r = get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->status, 404) << path;
    EXPECT_EQ(r->get_header_value("Content-Type"), "text/html; charset=utf-8") << path;
    EXPECT_NE(r->body.find("Not found"), std::string::npos) << path;
  }
}

TEST_F(ServerTest, LongHostilePathsAreRefusedNotCrashed) {
  auto r = get("/api/articles/" + std::string(7000, '9'));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  r = get("/articles/" + std::string(7000, 'a'));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  r = get("/?limit=" + std::string(20000, '1'));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 414);
}

TEST_F(ServerTest, Healthz) {
  auto r = get("/healthz");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(json::parse(r->body),
            json({{"status", "ok"}, {"documents", 7}, {"articles", 6}, {"failures", 1}}));
}

TEST_F(ServerTest, StaticStylesheet) {
  auto r = get("/static/style.css");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("Content-Type"), "text/css; charset=utf-8");
  EXPECT_NE(r->body.find("prefers-color-scheme: dark"), std::string::npos);
}

TEST_F(ServerTest, OnlyGetAndHead) {
  auto r = server_->client().Post("/api/articles", "x", "text/plain");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 405);
  EXPECT_EQ(r->get_header_value("Allow"), "GET, HEAD");
  EXPECT_EQ(error_of(r)["code"], "method_not_allowed");
  r = server_->client().Post("/api/articles", std::string(20000, 'x'), "text/plain");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 405);  // refused before the body is read
  r = server_->client().Head("/healthz");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
}

TEST_F(ServerTest, StoreFailureIs500) {
  store_.set_failing(true);
  auto r = get("/api/articles");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 500);
  EXPECT_EQ(error_of(r)["message"], "store: disk I/O error");
  r = get("/");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 500);
}

TEST_F(ServerTest, ConcurrentClients) {
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 10; ++i) {
        auto r = get("/api/articles?limit=3");
        if (r && r->status == 200) ++ok;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok.load(), 40);
}

TEST_F(ServerTest, ClientsHoldingKeptAliveConnectionsDoNotShutOthersOut) {
  // A kept-alive connection holds a worker thread until it closes (5 s
  // idle): 40 idle clients, as a browser's open tabs or a load test leave
  // them, must not keep the 41st waiting. With 8 workers it waited for a
  // connection to time out.
  std::vector<std::unique_ptr<httplib::Client>> idle;
  for (int i = 0; i < 40; ++i) {
    idle.push_back(std::make_unique<httplib::Client>("127.0.0.1", server_->port()));
    idle.back()->set_keep_alive(true);
    auto r = idle.back()->Get("/healthz");
    ASSERT_TRUE(r) << i;
    EXPECT_EQ(r->status, 200);
  }
  httplib::Client fresh("127.0.0.1", server_->port());
  fresh.set_connection_timeout(2, 0);
  fresh.set_read_timeout(2, 0);  // under the 5 s an idle connection is kept
  auto r = fresh.Get("/api/articles?limit=1");
  ASSERT_TRUE(r) << httplib::to_string(r.error());
  EXPECT_EQ(r->status, 200);
}

TEST(Server, ExceptionsBecome500) {
  ThrowingStore store;
  RunningServer server(store);
  auto r = server.client().Get("/api/articles");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 500);
  EXPECT_EQ(json::parse(r->body)["error"]["code"], "internal_error");
  r = server.client().Get("/");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 500);
}

TEST(Server, StopJoinsPromptly) {
  FakeStore store;
  RunningServer server(store);
  auto r = server.client().Get("/healthz");  // keep-alive connection left open
  ASSERT_TRUE(r);
  const auto start = std::chrono::steady_clock::now();
  server.stop_and_join();
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(3));
  EXPECT_FALSE(server.client().Get("/healthz"));
}

TEST(Server, StopBeforeRunMakesRunReturn) {
  FakeStore store;
  WebServer server(store, ServeOptions{"127.0.0.1", 0});
  ASSERT_TRUE(server.bind());
  server.stop();
  server.run();  // returns at once
  SUCCEED();
}

TEST(Server, StopRightAfterStartingTheThread) {
  FakeStore store;
  for (int i = 0; i < 20; ++i) {  // races stop() against run()'s start
    WebServer server(store, ServeOptions{"127.0.0.1", 0});
    ASSERT_TRUE(server.bind());
    std::thread t([&] { server.run(); });
    server.stop();
    t.join();
  }
}

TEST(Server, BindFailsOnAPortInUse) {
  FakeStore store;
  RunningServer first(store);
  WebServer second(store, ServeOptions{"127.0.0.1", first.port()});
  const auto port = second.bind();
  ASSERT_FALSE(port);
  EXPECT_EQ(port.error().code, ErrorCode::kIo);
  EXPECT_NE(port.error().message.find("cannot listen on 127.0.0.1:"), std::string::npos);
  WebServer bad(store, ServeOptions{"127.0.0.1", 70000});
  EXPECT_FALSE(bad.bind());
}

}  // namespace
}  // namespace tidings
