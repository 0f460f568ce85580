// The SSRF guard: the address classifier for every special range, and the
// fetcher refusing 127.0.0.1 unless private addresses are allowed.
#include <gtest/gtest.h>

#include "collect/fetch.h"
#include "collect/fetch_test_server.h"
#include "collect/host_policy.h"

namespace tidings {
namespace {

using collect::AddressClass;
using collect::classify_address_text;
using testing::fetch_many;
using testing::fetch_one;
using testing::test_options;
using testing::TestServer;

TEST(AddressClass, EveryRangeIsClassified) {
  const std::pair<const char*, AddressClass> cases[] = {
      {"8.8.8.8", AddressClass::kPublic},
      {"93.184.216.34", AddressClass::kPublic},
      {"127.0.0.1", AddressClass::kLoopback},
      {"127.255.255.254", AddressClass::kLoopback},
      {"10.0.0.1", AddressClass::kPrivate},
      {"10.255.255.255", AddressClass::kPrivate},
      {"172.16.0.1", AddressClass::kPrivate},
      {"172.31.255.255", AddressClass::kPrivate},
      {"172.15.255.255", AddressClass::kPublic},
      {"172.32.0.0", AddressClass::kPublic},
      {"192.168.1.1", AddressClass::kPrivate},
      {"192.169.0.1", AddressClass::kPublic},
      {"169.254.169.254", AddressClass::kLinkLocal},  // cloud metadata
      {"100.64.0.1", AddressClass::kSharedCgnat},
      {"100.127.255.255", AddressClass::kSharedCgnat},
      {"100.128.0.0", AddressClass::kPublic},
      {"100.63.255.255", AddressClass::kPublic},
      {"224.0.0.1", AddressClass::kMulticast},
      {"239.255.255.250", AddressClass::kMulticast},
      {"0.0.0.0", AddressClass::kUnspecified},
      {"0.1.2.3", AddressClass::kUnspecified},
      {"255.255.255.255", AddressClass::kReserved},
      {"240.0.0.1", AddressClass::kReserved},
      {"198.18.0.1", AddressClass::kReserved},
      {"192.0.0.8", AddressClass::kReserved},
      {"::", AddressClass::kUnspecified},
      {"::1", AddressClass::kLoopback},
      {"fc00::1", AddressClass::kPrivate},
      {"fd12:3456::1", AddressClass::kPrivate},
      {"fec0::1", AddressClass::kPrivate},
      {"fe80::1", AddressClass::kLinkLocal},
      {"febf::1", AddressClass::kLinkLocal},
      {"ff02::1", AddressClass::kMulticast},
      {"2001:4860:4860::8888", AddressClass::kPublic},
      {"2606:2800:220:1::1", AddressClass::kPublic},
      {"::ffff:127.0.0.1", AddressClass::kLoopback},
      {"::ffff:10.1.2.3", AddressClass::kPrivate},
      {"::ffff:169.254.169.254", AddressClass::kLinkLocal},
      {"::ffff:8.8.8.8", AddressClass::kPublic},
      {"::127.0.0.1", AddressClass::kLoopback},
      {"64:ff9b::a00:1", AddressClass::kPrivate},     // NAT64 of 10.0.0.1
      {"64:ff9b::808:808", AddressClass::kPublic},    // NAT64 of 8.8.8.8
      {"2002:c0a8:0101::1", AddressClass::kPrivate},  // 6to4 of 192.168.1.1
      {"2002:0808:0808::1", AddressClass::kPublic},
  };
  for (const auto& [text, expected] : cases) {
    const auto got = classify_address_text(text);
    ASSERT_TRUE(got.has_value()) << text;
    EXPECT_EQ(*got, expected) << text << " is " << collect::address_class_name(*got);
  }
  EXPECT_FALSE(classify_address_text("localhost").has_value());
  EXPECT_FALSE(classify_address_text("").has_value());
}

class FetchSsrf : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.get("/secret", [](const httplib::Request&, httplib::Response& res) {
      res.set_content("internal", "text/plain");
    });
    server_.get("/to-metadata", [](const httplib::Request&, httplib::Response& res) {
      res.set_redirect("http://169.254.169.254/latest/meta-data/");
    });
    server_.get("/to-intranet", [](const httplib::Request&, httplib::Response& res) {
      res.set_redirect("http://10.0.0.1/admin");
    });
    server_.start();
  }
  TestServer server_;
};

TEST_F(FetchSsrf, LoopbackIsRefusedByDefault) {
  FetchOptions options = test_options();
  options.allow_private = false;
  FetchResult r = fetch_one(options, {server_.url("/secret")});
  EXPECT_EQ(r.failure, FetchFailure::kRefusedPrivate);
  EXPECT_EQ(r.error->message, "refused: private address 127.0.0.1 (loopback)");
  EXPECT_TRUE(r.body.empty());
  EXPECT_TRUE(server_.hits().empty());
}

TEST_F(FetchSsrf, RefusedAlsoWhenRobotsComesFirst) {
  FetchOptions options = test_options();
  options.allow_private = false;
  options.respect_robots = true;
  std::vector<FetchResult> results =
      fetch_many(options, {{server_.url("/secret")}, {server_.url("/other")}});
  ASSERT_EQ(results.size(), 2u);
  for (const FetchResult& r : results) {
    EXPECT_EQ(r.failure, FetchFailure::kRefusedPrivate);
    EXPECT_NE(r.error->message.find("127.0.0.1"), std::string::npos);
  }
  EXPECT_TRUE(server_.hits().empty());
}

TEST_F(FetchSsrf, LocalhostByNameIsRefused) {
  FetchOptions options = test_options();
  options.allow_private = false;
  FetchResult r =
      fetch_one(options, {"http://localhost:" + std::to_string(server_.port()) + "/secret"});
  EXPECT_EQ(r.failure, FetchFailure::kRefusedPrivate) << r.error->message;
  EXPECT_TRUE(server_.hits().empty());
}

TEST_F(FetchSsrf, AllowedWhenAsked) {
  FetchOptions options = test_options();
  options.allow_private = true;
  FetchResult r = fetch_one(options, {server_.url("/secret")});
  ASSERT_TRUE(r.ok()) << r.error->message;
  EXPECT_EQ(r.body, "internal");
}

// Allowing one kind of address (a test on 127.0.0.1) keeps the others
// refused, so a redirect to the cloud metadata address or the intranet is
// still caught.
TEST_F(FetchSsrf, AllowedKindsOnly) {
  FetchOptions options = test_options();
  options.allow_private = false;
  options.allow_address_kinds = {"loopback"};
  FetchResult ok = fetch_one(options, {server_.url("/secret")});
  ASSERT_TRUE(ok.ok()) << ok.error->message;
  EXPECT_EQ(ok.body, "internal");

  FetchResult metadata = fetch_one(options, {server_.url("/to-metadata")});
  EXPECT_EQ(metadata.failure, FetchFailure::kRefusedPrivate);
  EXPECT_EQ(metadata.error->message, "refused: private address 169.254.169.254 (link-local)");
  EXPECT_EQ(metadata.redirects, 1);
  FetchResult intranet = fetch_one(options, {server_.url("/to-intranet")});
  EXPECT_EQ(intranet.failure, FetchFailure::kRefusedPrivate);
  EXPECT_EQ(intranet.error->message, "refused: private address 10.0.0.1 (private)");

  options.allow_address_kinds = {"private", "link-local"};
  FetchResult loopback = fetch_one(options, {server_.url("/secret")});
  EXPECT_EQ(loopback.failure, FetchFailure::kRefusedPrivate);
}

TEST(AddressKind, Names) {
  EXPECT_TRUE(is_address_kind("loopback"));
  EXPECT_TRUE(is_address_kind("link-local"));
  EXPECT_FALSE(is_address_kind("public"));
  EXPECT_FALSE(is_address_kind("multicast"));
}

}  // namespace
}  // namespace tidings
