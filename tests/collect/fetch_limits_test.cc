// The fetcher's caps against misbehaving servers on 127.0.0.1: endless
// bodies, lying sizes, a trickle of one byte a second, a gzip bomb.
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <zlib.h>

#include <memory>

#include "collect/fetch.h"
#include "collect/fetch_test_server.h"

namespace tidings {
namespace {

using testing::fetch_one;
using testing::seconds_since;
using testing::test_options;
using testing::TestServer;

long peak_rss_kib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

TEST(FetchLimits, EndlessBodyStopsAtTheCap) {
  TestServer server;
  server.get("/endless", [&server](const httplib::Request&, httplib::Response& res) {
    res.set_chunked_content_provider(
        "application/octet-stream", [&server](size_t, httplib::DataSink& sink) {
          static const std::string chunk(64 << 10, 'x');
          return !server.stopping() && sink.write(chunk.data(), chunk.size());
        });
  });
  server.start();
  FetchOptions options = test_options();
  options.max_body_bytes = 256 << 10;
  FetchResult r = fetch_one(options, {server.url("/endless")});
  EXPECT_EQ(r.failure, FetchFailure::kTooLarge);
  EXPECT_EQ(r.error->code, ErrorCode::kTooLarge);
  EXPECT_EQ(r.error->message, "too large: body over 262144 bytes");
  EXPECT_LE(r.body.size(), options.max_body_bytes);
}

TEST(FetchLimits, DeclaredLengthOverTheCapIsRefusedBeforeTheBody) {
  TestServer server;
  server.get("/big", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(std::string(300 << 10, 'y'), "application/octet-stream");
  });
  server.start();
  FetchOptions options = test_options();
  options.max_body_bytes = 256 << 10;
  FetchResult r = fetch_one(options, {server.url("/big")});
  EXPECT_EQ(r.failure, FetchFailure::kTooLarge);
  EXPECT_NE(r.error->message.find("Content-Length"), std::string::npos) << r.error->message;
  EXPECT_TRUE(r.body.empty());
}

// Endless headers end like an endless body, not as an unexplained
// "write error".
TEST(FetchLimits, HeadersOverTheCapAreTooLarge) {
  TestServer server;
  server.get("/headers", [](const httplib::Request&, httplib::Response& res) {
    for (int i = 0; i < 400; ++i) res.set_header("X-Filler-" + std::to_string(i), std::string(1000, 'h'));
    res.set_content("body", "text/plain");
  });
  server.start();
  FetchResult r = fetch_one(test_options(), {server.url("/headers")});
  EXPECT_EQ(r.failure, FetchFailure::kTooLarge);
  EXPECT_EQ(r.error->message, "too large: headers over 262144 bytes");
}

TEST(FetchLimits, OneByteASecondEndsOnTheLowSpeedLimit) {
  TestServer server;
  server.get("/slow", [&server](const httplib::Request&, httplib::Response& res) {
    res.set_chunked_content_provider("text/plain", [&server](size_t, httplib::DataSink& sink) {
      for (int i = 0; i < 10 && !server.stopping(); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
      }
      return !server.stopping() && sink.write("x", 1);
    });
  });
  server.start();
  FetchOptions options = test_options();
  options.low_speed_bytes = 1024;
  options.low_speed_time = std::chrono::seconds(2);
  options.timeout = std::chrono::milliseconds(6000);
  const auto start = std::chrono::steady_clock::now();
  FetchResult r = fetch_one(options, {server.url("/slow")});
  const double took = seconds_since(start);
  EXPECT_EQ(r.failure, FetchFailure::kTimeout);
  EXPECT_EQ(r.error->message.rfind("timeout: ", 0), 0u) << r.error->message;
  EXPECT_LT(took, 4.5);
  EXPECT_GE(took, 1.5);
  server.stop();
}

TEST(FetchLimits, TotalTimeoutEndsATrickleAboveTheLowSpeed) {
  TestServer server;
  server.get("/drip", [&server](const httplib::Request&, httplib::Response& res) {
    res.set_chunked_content_provider("text/plain", [&server](size_t, httplib::DataSink& sink) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      static const std::string chunk(200, 'z');  // 4 KB/s: above the low-speed limit
      return !server.stopping() && sink.write(chunk.data(), chunk.size());
    });
  });
  server.start();
  FetchOptions options = test_options();
  options.timeout = std::chrono::milliseconds(1500);
  const auto start = std::chrono::steady_clock::now();
  FetchResult r = fetch_one(options, {server.url("/drip")});
  EXPECT_EQ(r.failure, FetchFailure::kTimeout);
  EXPECT_LT(seconds_since(start), 3.0);
}

// 1 GiB of zeros, deflated while it is sent (about 1 MB on the wire), so
// neither side ever holds it.
class GzipBomb {
 public:
  GzipBomb() { deflateInit2(&zs_, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY); }
  ~GzipBomb() { deflateEnd(&zs_); }
  // The next piece of compressed output; "" once finished.
  std::string next() {
    static const std::string zeros(1 << 20, '\0');
    std::string out;
    while (out.empty() && !finished_) {
      const bool last = ++fed_ >= 1024;
      zs_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(zeros.data()));
      zs_.avail_in = static_cast<uInt>(zeros.size());
      char buf[1 << 16];
      do {
        zs_.next_out = reinterpret_cast<Bytef*>(buf);
        zs_.avail_out = sizeof buf;
        deflate(&zs_, last ? Z_FINISH : Z_NO_FLUSH);
        out.append(buf, sizeof buf - zs_.avail_out);
      } while (zs_.avail_out == 0 || zs_.avail_in > 0);
      finished_ = last;
    }
    return out;
  }

 private:
  z_stream zs_{};
  int fed_ = 0;
  bool finished_ = false;
};

TEST(FetchLimits, GzipBombEndsTooLargeQuicklyInBoundedMemory) {
  TestServer server;
  server.get("/bomb", [&server](const httplib::Request&, httplib::Response& res) {
    auto bomb = std::make_shared<GzipBomb>();
    res.set_header("Content-Encoding", "gzip");
    res.set_chunked_content_provider(
        "application/octet-stream", [bomb, &server](size_t, httplib::DataSink& sink) {
          const std::string piece = bomb->next();
          if (piece.empty()) {
            sink.done();
            return true;
          }
          return !server.stopping() && sink.write(piece.data(), piece.size());
        });
  });
  server.start();
  const long rss_before = peak_rss_kib();
  const auto start = std::chrono::steady_clock::now();
  FetchResult r = fetch_one(test_options(), {server.url("/bomb")});  // default 10 MiB cap
  EXPECT_EQ(r.failure, FetchFailure::kTooLarge);
  EXPECT_NE(r.error->message.find("once gzip-decoded, from "), std::string::npos)
      << r.error->message;
  EXPECT_NE(r.error->message.find("(a decompression bomb)"), std::string::npos);
  EXPECT_LE(r.body.size(), size_t{10} << 20);
  EXPECT_LT(seconds_since(start), 5.0);
  EXPECT_LT(peak_rss_kib() - rss_before, 100 * 1024) << "KiB of peak memory grew";
}

}  // namespace
}  // namespace tidings
