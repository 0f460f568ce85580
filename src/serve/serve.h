// The web UI and the JSON API over a Store (DESIGN.md "serve"), on
// cpp-httplib. Pages are server-rendered HTML; everything that came from a
// page is HTML-escaped, and only http(s) URLs are ever rendered as links.
// API: docs/api.md.
#pragma once

#include <memory>
#include <string>

#include "core/error.h"
#include "store/store.h"

namespace tidings {

struct ServeOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  ///< 0 = any free port (tests)
  /// The public base URL of the absolute links in feeds ("https://news.example");
  /// "" = http://HOST:PORT as bound. Checked by bind().
  std::string base_url = "";
  /// The search index directory (search/search.h, `<db>.search`); "" = no
  /// search: /search and /api/search answer 503.
  std::string search_index_dir;
};

class WebServer {
 public:
  /// `store` must outlive the server; it is used from the server's threads.
  WebServer(Store& store, ServeOptions options);
  ~WebServer();
  WebServer(const WebServer&) = delete;
  WebServer& operator=(const WebServer&) = delete;

  /// Binds the listening socket; returns the bound port.
  Result<int> bind();
  /// Serves until stop() is called (from another thread or a signal handler
  /// thread). bind() must have succeeded.
  void run();
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace tidings
