// HTTP/2 over TLS against a real server: nghttpd (Debian's nghttp2-server)
// on 127.0.0.1 with a certificate made for the test, trusted through
// FetchOptions::ca_file.
#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "collect/fetch_test_server.h"

extern char** environ;

namespace tidings {
namespace {

namespace fs = std::filesystem;
using testing::fetch_one;
using testing::test_options;

constexpr const char* kNghttpd = "/usr/sbin/nghttpd";
constexpr const char* kOpenssl = "/usr/bin/openssl";

int free_port() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  int port = 0;
  if (bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
      getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0) {
    port = ntohs(addr.sin_port);
  }
  close(fd);
  return port;
}

bool accepts(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  const bool ok = connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  close(fd);
  return ok;
}

pid_t spawn(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = -1;
  if (posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ) != 0) pid = -1;
  posix_spawn_file_actions_destroy(&actions);
  return pid;
}

int run(const std::vector<std::string>& args) {
  const pid_t pid = spawn(args);
  int status = -1;
  if (pid > 0) waitpid(pid, &status, 0);
  return status;
}

class Http2Test : public ::testing::Test {
 protected:
  void SetUp() override {
    if (access(kNghttpd, X_OK) != 0 || access(kOpenssl, X_OK) != 0) {
      GTEST_SKIP() << "needs nghttpd (nghttp2-server) and openssl";
    }
    dir_ = fs::temp_directory_path() / ("tidings-h2-" + std::to_string(getpid()));
    fs::create_directories(dir_ / "htdocs");
    std::ofstream(dir_ / "htdocs" / "feed.xml")
        << "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>H2</title>"
           "<item><link>https://example.org/a</link></item></channel></rss>";
    ASSERT_EQ(run({kOpenssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                   "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                   "-keyout", (dir_ / "key.pem").string(), "-out", (dir_ / "cert.pem").string()}),
              0);
    port_ = free_port();
    ASSERT_GT(port_, 0);
    server_ = spawn({kNghttpd, "-a", "127.0.0.1", "-d", (dir_ / "htdocs").string(),
                     std::to_string(port_), (dir_ / "key.pem").string(),
                     (dir_ / "cert.pem").string()});
    ASSERT_GT(server_, 0);
    for (int i = 0; i < 500 && !accepts(port_); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ASSERT_TRUE(accepts(port_)) << "nghttpd did not start";
  }

  void TearDown() override {
    if (server_ > 0) {
      kill(server_, SIGTERM);
      waitpid(server_, nullptr, 0);
    }
    if (!dir_.empty()) fs::remove_all(dir_);
  }

  std::string url(const std::string& path) const {
    return "https://127.0.0.1:" + std::to_string(port_) + path;
  }

  fs::path dir_;
  int port_ = 0;
  pid_t server_ = -1;
};

TEST_F(Http2Test, FetchesOverHttp2WithTheGivenCertificateAuthority) {
  FetchOptions o = test_options();
  o.ca_file = (dir_ / "cert.pem").string();
  o.respect_robots = true;  // robots.txt over HTTP/2 too (a 404: everything allowed)
  const FetchResult r = fetch_one(o, {url("/feed.xml")});
  ASSERT_TRUE(r.ok()) << r.error->message;
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.http_version, 2);
  EXPECT_NE(r.body.find("<title>H2</title>"), std::string::npos);
}

TEST_F(Http2Test, UntrustedCertificateIsATlsFailure) {
  const FetchResult r = fetch_one(test_options(), {url("/feed.xml")});
  EXPECT_EQ(r.failure, FetchFailure::kTls) << (r.error ? r.error->message : "");
  EXPECT_TRUE(r.body.empty());
}

}  // namespace
}  // namespace tidings
