// A real WebServer on 127.0.0.1 (any free port) running on its own thread
// for the life of the object, for the serve tests.
#pragma once

#include <httplib.h>

#include <stdexcept>
#include <thread>

#include "serve/serve.h"

namespace tidings::testing {

// A server running on its own thread for the life of the object.
class RunningServer {
 public:
  explicit RunningServer(Store& store) : server_(store, ServeOptions{"127.0.0.1", 0}) {
    auto port = server_.bind();
    if (!port) throw std::runtime_error(port.error().message);
    port_ = *port;
    thread_ = std::thread([this] { server_.run(); });
  }
  ~RunningServer() { stop_and_join(); }
  void stop_and_join() {
    server_.stop();
    if (thread_.joinable()) thread_.join();
  }
  int port() const { return port_; }
  httplib::Client client() const {
    httplib::Client c("127.0.0.1", port_);
    c.set_connection_timeout(5);
    c.set_read_timeout(5);
    return c;
  }

 private:
  WebServer server_;
  int port_ = 0;
  std::thread thread_;
};

}  // namespace tidings::testing
