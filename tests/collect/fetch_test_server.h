// Real HTTP servers on 127.0.0.1 for the fetcher tests: cpp-httplib on
// port 0 on its own thread, recording when each request arrived, plus the
// fetch helpers the tests share.
#pragma once

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "collect/fetch.h"

namespace tidings::testing {

using std::chrono::milliseconds;
using SteadyTime = std::chrono::steady_clock::time_point;

struct Hit {
  std::string path;
  SteadyTime at;
  httplib::Headers headers;
};

// Routes are added with get() before start(); stop() (or the destructor)
// ends the server and waits for its handlers.
class TestServer {
 public:
  TestServer() = default;
  ~TestServer() { stop(); }

  void get(const std::string& pattern, httplib::Server::Handler handler) {
    server_.Get(pattern, [this, handler](const httplib::Request& req, httplib::Response& res) {
      {
        std::lock_guard<std::mutex> lock(mutex_);
        hits_.push_back({req.path, std::chrono::steady_clock::now(), req.headers});
      }
      handler(req, res);
    });
  }

  void start() {
    port_ = server_.bind_to_any_port("127.0.0.1");
    if (port_ <= 0) throw std::runtime_error("cannot bind 127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(milliseconds(1));
  }

  void stop() {
    stopping_ = true;
    server_.stop();
    if (thread_.joinable()) thread_.join();
  }

  bool stopping() const { return stopping_; }
  int port() const { return port_; }
  std::string url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }

  std::vector<Hit> hits() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return hits_;
  }
  std::vector<Hit> hits(const std::string& path) const {
    std::vector<Hit> out;
    for (const Hit& h : hits()) {
      if (h.path == path) out.push_back(h);
    }
    return out;
  }

 private:
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
  std::atomic<bool> stopping_{false};
  mutable std::mutex mutex_;
  std::vector<Hit> hits_;
};

// Loopback allowed, no delay, no robots, short back-off: each test turns
// on what it checks.
inline FetchOptions test_options() {
  FetchOptions o;
  o.allow_private = true;
  o.respect_robots = false;
  o.min_delay = milliseconds(0);
  o.backoff_base = milliseconds(50);
  o.timeout = milliseconds(10'000);
  return o;
}

inline std::vector<FetchResult> fetch_many(const FetchOptions& options,
                                           std::vector<FetchRequest> requests) {
  Fetcher fetcher(options);
  std::vector<FetchResult> results;
  fetcher.fetch_all(std::move(requests), [&](FetchResult&& r) { results.push_back(std::move(r)); });
  return results;
}

inline FetchResult fetch_one(const FetchOptions& options, FetchRequest request) {
  std::vector<FetchResult> results = fetch_many(options, {std::move(request)});
  if (results.size() != 1) throw std::runtime_error("expected one result");
  return std::move(results.front());
}

inline double seconds_since(SteadyTime start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

inline double gap_ms(const Hit& a, const Hit& b) {
  return std::chrono::duration<double, std::milli>(b.at - a.at).count();
}

}  // namespace tidings::testing
