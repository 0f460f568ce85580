// The handlers without sockets (src/serve/handlers.h): strict parameters,
// JSON shapes, paging and error replies.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "serve/fake_store.h"
#include "serve/handlers.h"

namespace tidings::serve {
namespace {

using nlohmann::json;
using testing::FakeStore;
using testing::make_article;

TEST(Params, ParsesStrictlyWithinBounds) {
  EXPECT_EQ(parse_bounded_int("42", "limit", 1, 200).value(), 42);
  EXPECT_EQ(parse_bounded_int("007", "limit", 1, 200).value(), 7);
  for (const char* bad : {"", "abc", "-1", "+5", " 5", "5 ", "0x10", "1e3", "0", "201",
                          "99999999999999999999999", "4.5"}) {
    const auto r = parse_bounded_int(bad, "limit", 1, 200);
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidInput);
    EXPECT_EQ(r.error().message, "limit must be an integer from 1 to 200");
  }
  EXPECT_EQ(parse_article_id("9223372036854775807").value(), INT64_MAX);
  EXPECT_FALSE(parse_article_id("9223372036854775808"));
}

TEST(Params, ListParameters) {
  auto p = parse_list_params({});
  ASSERT_TRUE(p);
  EXPECT_EQ(p->limit, 50);
  EXPECT_EQ(p->offset, 0);
  EXPECT_FALSE(p->before_id);
  p = parse_list_params({{"limit", "10"}, {"offset", "5"}, {"before_id", "3"}, {"x", "y"}});
  ASSERT_TRUE(p);
  EXPECT_EQ(p->limit, 10);
  EXPECT_EQ(p->offset, 5);
  EXPECT_EQ(p->before_id, 3);
  EXPECT_FALSE(parse_list_params({{"limit", "1"}, {"limit", "2"}}));
  EXPECT_FALSE(parse_list_params({{"offset", "1000001"}}));
  EXPECT_FALSE(parse_list_params({{"before_id", "0"}}));
}

class HandlersTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (int64_t id = 1; id <= 5; ++id) store_.add(make_article(id));
  }
  FakeStore store_;
};

TEST_F(HandlersTest, ListsNewestFirstWithNextLink) {
  const Reply r = api_list_articles(store_, {{"limit", "2"}});
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.content_type, "application/json; charset=utf-8");
  const json j = json::parse(r.body);
  ASSERT_EQ(j["articles"].size(), 2u);
  EXPECT_EQ(j["articles"][0]["id"], 5);
  EXPECT_EQ(j["articles"][1]["id"], 4);
  EXPECT_EQ(j["next"], "/api/articles?limit=2&before_id=4");
}

TEST_F(HandlersTest, LastPageHasNullNext) {
  const json j = json::parse(api_list_articles(store_, {{"limit", "5"}}).body);
  EXPECT_EQ(j["articles"].size(), 5u);
  EXPECT_TRUE(j["next"].is_null());
  const json k = json::parse(api_list_articles(store_, {{"offset", "4"}}).body);
  ASSERT_EQ(k["articles"].size(), 1u);
  EXPECT_EQ(k["articles"][0]["id"], 1);
}

TEST_F(HandlersTest, BadParametersAre400) {
  for (const QueryParams& q : std::vector<QueryParams>{{{"limit", "abc"}},
                                                       {{"limit", "100000"}},
                                                       {{"limit", "0"}},
                                                       {{"offset", "-1"}},
                                                       {{"before_id", "x"}}}) {
    const Reply r = api_list_articles(store_, q);
    EXPECT_EQ(r.status, 400) << q.begin()->first << "=" << q.begin()->second;
    const json j = json::parse(r.body);
    EXPECT_EQ(j["error"]["code"], "invalid_parameter");
    EXPECT_FALSE(j["error"]["message"].get<std::string>().empty());
  }
  EXPECT_EQ(api_get_article(store_, "abc").status, 400);
  EXPECT_EQ(page_list(store_, {{"limit", "abc"}}).status, 400);
  EXPECT_EQ(page_article(store_, "-3").status, 400);
}

TEST_F(HandlersTest, UnknownIdIs404) {
  const Reply r = api_get_article(store_, "999");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(json::parse(r.body)["error"]["code"], "not_found");
  EXPECT_EQ(page_article(store_, "999").status, 404);
}

TEST_F(HandlersTest, StoreFailureIs500WithMessage) {
  store_.set_failing(true);
  for (const Reply& r :
       {api_list_articles(store_, {}), api_get_article(store_, "1"), api_health(store_)}) {
    EXPECT_EQ(r.status, 500);
    const json j = json::parse(r.body);
    EXPECT_EQ(j["error"]["code"], "store_error");
    EXPECT_EQ(j["error"]["message"], "store: disk I/O error");
  }
  EXPECT_EQ(page_list(store_, {}).status, 500);
  EXPECT_EQ(page_article(store_, "1").status, 500);
}

TEST_F(HandlersTest, Health) {
  const json j = json::parse(api_health(store_).body);
  EXPECT_EQ(j, json({{"status", "ok"}, {"documents", 6}, {"articles", 5}, {"failures", 1}}));
}

TEST_F(HandlersTest, HtmlListPagesWithBeforeId) {
  const Reply first = page_list(store_, {{"limit", "2"}});
  EXPECT_EQ(first.status, 200);
  EXPECT_EQ(first.content_type, "text/html; charset=utf-8");
  EXPECT_NE(first.body.find("href=\"/?limit=2&amp;before_id=4\""), std::string::npos);
  const Reply last = page_list(store_, {{"before_id", "2"}});
  EXPECT_NE(last.body.find("/articles/1\""), std::string::npos);
  EXPECT_EQ(last.body.find("/articles/2\""), std::string::npos);
  EXPECT_EQ(last.body.find("rel=\"next\""), std::string::npos);
}

}  // namespace
}  // namespace tidings::serve
