// WebServer (serve.h): httplib wiring — limits, timeouts, security headers,
// routes to the handlers in handlers.h, and JSON or HTML error bodies.
// No exception leaves a handler: it becomes a 500 with a message.
#include <httplib.h>
#include <sys/socket.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <chrono>
#include <cstring>
#include <exception>
#include <functional>
#include <thread>

#include <xxhash.h>

#include "search/search.h"
#include "serve/feeds_out.h"
#include "serve/handlers.h"
#include "serve/pages.h"
#include "serve/serve.h"
#include "serve/static_assets.h"

namespace tidings {

namespace {

using serve::Reply;

constexpr size_t kMaxPayloadBytes = 8 * 1024;  // we take no request bodies
constexpr time_t kReadTimeoutSeconds = 5;
constexpr time_t kWriteTimeoutSeconds = 10;
constexpr time_t kKeepAliveSeconds = 5;
constexpr size_t kKeepAliveMaxRequests = 100;
constexpr size_t kWorkerThreads = 64;

// Pages load our stylesheet, icon and scripts (/static/, no inline script or
// style, no eval), the scripts fetch JSON from this server only, forms
// (search) submit here only, and nothing may frame them.
constexpr const char* kContentSecurityPolicy =
    "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; "
    "img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

bool wants_json(const std::string& path) {
  return path == "/healthz" || path == "/api" || path.rfind("/api/", 0) == 0;
}

void send(httplib::Response& res, const Reply& reply) {
  res.status = reply.status;
  res.set_content(reply.body, reply.content_type.c_str());
  res.set_header("Cache-Control", "no-cache");
  for (const auto& [name, value] : reply.headers) res.set_header(name, value);
}

// The error body for a status, in the form the path asks for.
Reply error_reply(const std::string& path, int status, std::string_view code,
                  std::string_view title, std::string_view message) {
  if (wants_json(path)) return serve::json_error(status, code, message);
  return serve::html_error(status, title, message);
}

Reply reply_for_status(const std::string& path, int status) {
  switch (status) {
    case 400:
      return error_reply(path, status, "bad_request", "Bad request", "malformed request");
    case 404:
      return error_reply(path, status, "not_found", "Not found", "no such page");
    case 413:
      return error_reply(path, status, "payload_too_large", "Too large", "request body too large");
    case 414:
      return error_reply(path, status, "uri_too_long", "Too long", "request URI too long");
    default:
      return error_reply(path, status, "http_" + std::to_string(status), "Error",
                         "the request failed with HTTP status " + std::to_string(status));
  }
}

// A strong validator for a reply: the hash of its type and body. Pages are
// computed from the store on every request, so the hash is what changes
// when the data does; a client that sends it back gets a 304 and no body.
std::string entity_tag(const Reply& reply) {
  XXH3_state_t* state = XXH3_createState();
  XXH3_64bits_reset(state);
  XXH3_64bits_update(state, reply.content_type.data(), reply.content_type.size());
  XXH3_64bits_update(state, reply.body.data(), reply.body.size());
  const XXH64_hash_t h = XXH3_64bits_digest(state);
  XXH3_freeState(state);
  char buf[24];
  std::snprintf(buf, sizeof buf, "\"%016llx\"", static_cast<unsigned long long>(h));
  return buf;
}

// Whether an If-None-Match header (a list of tags, or "*") matches `tag`.
// Weak tags ("W/...") compare by their opaque part, as RFC 9110 13.1.2 says
// for If-None-Match.
bool none_match_hits(std::string_view header, std::string_view tag) {
  size_t pos = 0;
  while (pos < header.size()) {
    size_t comma = header.find(',', pos);
    if (comma == std::string_view::npos) comma = header.size();
    std::string_view item = header.substr(pos, comma - pos);
    while (!item.empty() && (item.front() == ' ' || item.front() == '\t')) item.remove_prefix(1);
    while (!item.empty() && (item.back() == ' ' || item.back() == '\t')) item.remove_suffix(1);
    if (item.rfind("W/", 0) == 0) item.remove_prefix(2);
    if (item == "*" || item == tag) return true;
    pos = comma + 1;
  }
  return false;
}

// Sends a successful reply with its ETag, or 304 when the client has it.
void send_tagged(const httplib::Request& req, httplib::Response& res, const Reply& reply) {
  const bool has_own_tag = std::any_of(reply.headers.begin(), reply.headers.end(),
                                       [](const auto& h) { return h.first == "ETag"; });
  if (reply.status != 200 || has_own_tag) {  // the feeds compute their own
    send(res, reply);
    return;
  }
  const std::string tag = entity_tag(reply);
  res.set_header("ETag", tag);
  if (req.has_header("If-None-Match") &&
      none_match_hits(req.get_header_value("If-None-Match"), tag)) {
    res.status = 304;
    res.set_header("Cache-Control", "no-cache");
    return;
  }
  send(res, reply);
}

// Runs a handler, turning any exception into a 500 with its message.
httplib::Server::Handler guarded(std::function<Reply(const httplib::Request&)> handler) {
  return [handler = std::move(handler)](const httplib::Request& req, httplib::Response& res) {
    try {
      send_tagged(req, res, handler(req));
      return;
    } catch (const std::exception& e) {
      send(res, error_reply(req.path, 500, "internal_error", "Internal error",
                            std::string("internal error: ") + e.what()));
    } catch (...) {
      send(res, error_reply(req.path, 500, "internal_error", "Internal error", "internal error"));
    }
  };
}

// A file of static_assets.h: a year's cache when the URL carries its
// current version (static_href), an hour's otherwise; 304 on a matching ETag.
void send_static_file(const httplib::Request& req, httplib::Response& res) {
  const serve::StaticFile* file = serve::find_static_file(req.matches[1].str());
  if (!file) {
    send(res, reply_for_status(req.path, 404));
    return;
  }
  std::string etag = "\"";  // appended, not "\"" + ...: GCC 12 -Wrestrict false positive
  etag += file->version;
  etag += '"';
  res.set_header("ETag", etag);
  const bool versioned = req.get_param_value("v") == file->version;
  res.set_header("Cache-Control",
                 versioned ? "public, max-age=31536000, immutable" : "public, max-age=3600");
  if (req.get_header_value("If-None-Match") == etag) {
    res.status = 304;
    return;
  }
  res.set_content(file->body.data(), file->body.size(), std::string(file->content_type));
}

void install_routes(httplib::Server& http, Store& store) {
  http.Get("/", guarded([&store](const httplib::Request& req) {
             return serve::page_list(store, req.params);
           }));
  http.Get(R"(/articles/([^/]+))", guarded([&store](const httplib::Request& req) {
             return serve::page_article(store, req.matches[1].str());
           }));
  http.Get("/api/articles", guarded([&store](const httplib::Request& req) {
             return serve::api_list_articles(store, req.params);
           }));
  http.Get(R"(/api/articles/([^/]+))", guarded([&store](const httplib::Request& req) {
             return serve::api_get_article(store, req.matches[1].str());
           }));
  http.Get("/stories", guarded([&store](const httplib::Request& req) {
             return serve::page_stories(store, req.params);
           }));
  http.Get(R"(/stories/([^/]+))", guarded([&store](const httplib::Request& req) {
             return serve::page_story(store, req.matches[1].str());
           }));
  http.Get("/api/stories", guarded([&store](const httplib::Request& req) {
             return serve::api_list_stories(store, req.params);
           }));
  http.Get(R"(/api/stories/([^/]+))", guarded([&store](const httplib::Request& req) {
             return serve::api_get_story(store, req.matches[1].str());
           }));
  http.Get(R"(/api/articles/([^/]+)/facts)", guarded([&store](const httplib::Request& req) {
             return serve::api_article_facts(store, req.matches[1].str());
           }));
  http.Get(R"(/api/stories/([^/]+)/facts)", guarded([&store](const httplib::Request& req) {
             return serve::api_story_facts(store, req.matches[1].str());
           }));
  http.Get(R"(/api/stories/([^/]+)/disagreements)", guarded([&store](const httplib::Request& req) {
             return serve::api_story_disagreements(store, req.matches[1].str(), req.params);
           }));
  http.Get("/sources", guarded([&store](const httplib::Request&) {
             return serve::page_sources(store);
           }));
  http.Get("/api/sources", guarded([&store](const httplib::Request&) {
             return serve::api_list_sources(store);
           }));
  http.Get("/healthz",
           guarded([&store](const httplib::Request&) { return serve::api_health(store); }));
  http.Get(R"(/static/(.+))", [](const httplib::Request& req, httplib::Response& res) {
    send_static_file(req, res);
  });
}

serve::FeedFormat feed_format(const std::string& extension) {
  return extension == "atom" ? serve::FeedFormat::kAtom : serve::FeedFormat::kJson;
}

// Feeds out (feeds_out.h): `site` is filled in by bind(), before run().
void install_feed_routes(httplib::Server& http, Store& store, const serve::FeedSite& site) {
  http.Get(R"(/feeds/stories\.(atom|json))", guarded([&store, &site](const httplib::Request& req) {
             return serve::feed_stories(store, site, req.params, feed_format(req.matches[1].str()),
                                        req.get_header_value("If-None-Match"));
           }));
  http.Get(R"(/feeds/stories/([^/]+)\.(atom|json))",
           guarded([&store, &site](const httplib::Request& req) {
             return serve::feed_story(store, site, req.matches[1].str(),
                                      feed_format(req.matches[2].str()),
                                      req.get_header_value("If-None-Match"));
           }));
}

// A saved search's feed (/feeds/search.atom|.json?q=...): the search index's
// best hits for q, as feed entries. No index is a 503, as for /api/search;
// a query past its time bound is a 400 like a malformed one.
serve::Reply feed_search_reply(Store& store, const serve::FeedSite& site,
                               const std::string& index_dir, const httplib::Request& req,
                               serve::FeedFormat format) {
  auto index = index_dir.empty()
                   ? Result<std::unique_ptr<search::SearchIndex>>(
                         fail(ErrorCode::kNotFound, "this server was started without a search index"))
                   : search::open_index(index_dir, false);
  if (!index) {
    return serve::json_error(503, "no_search_index",
                             index.error().message + "; run `tidings reindex` to build it");
  }
  search::SearchIndex& searcher = **index;
  const auto find_hits = [&searcher](std::string_view q,
                                     int limit) -> Result<std::vector<ArticleRef>> {
    search::SearchRequest request;
    request.query = std::string(q);
    request.limit = std::clamp(limit, 1, search::kMaxLimit);
    auto found = searcher.search(request);
    if (!found) {
      if (found.error().code == ErrorCode::kTooLarge) {
        return fail(ErrorCode::kInvalidInput, found.error().message);
      }
      return tl::unexpected(found.error());
    }
    std::vector<ArticleRef> refs;
    refs.reserve(found->hits.size());
    for (const search::Hit& h : found->hits) {
      ArticleRef r;
      r.id = h.article_id;
      r.outlet = h.outlet;
      r.url = h.url;
      r.title = h.title;
      r.published_at = h.published_at;
      r.sort_time = h.published_at;
      refs.push_back(std::move(r));
    }
    return refs;
  };
  return serve::feed_search(store, site, req.params, format, req.get_header_value("If-None-Match"),
                            find_hits);
}

void install_search_feed_route(httplib::Server& http, Store& store, const serve::FeedSite& site,
                               const std::string& index_dir) {
  http.Get(R"(/feeds/search\.(atom|json))",
           guarded([&store, &site, index_dir](const httplib::Request& req) {
             return feed_search_reply(store, site, index_dir, req,
                                      feed_format(req.matches[1].str()));
           }));
}

// Search (docs/api.md "Search"): the handlers open the index in `index_dir`
// per request; "" answers 503.
void install_search_routes(httplib::Server& http, const std::string& index_dir) {
  http.Get("/search", guarded([index_dir](const httplib::Request& req) {
             return serve::page_search(index_dir, req.params);
           }));
  http.Get("/api/search", guarded([index_dir](const httplib::Request& req) {
             return serve::api_search(index_dir, req.params);
           }));
  http.Get("/api/attention", guarded([index_dir](const httplib::Request& req) {
             return serve::api_attention(index_dir, req.params);
           }));
}

// SO_REUSEADDR (restart while old connections sit in TIME_WAIT) but not
// httplib's default SO_REUSEPORT, which would let a second server bind the
// same port and silently take half the connections.
void set_reuse_address(socket_t sock) {
  int yes = 1;
  setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
}

void configure(httplib::Server& http) {
  http.set_socket_options(set_reuse_address);
  http.set_payload_max_length(kMaxPayloadBytes);
  http.set_read_timeout(kReadTimeoutSeconds, 0);
  http.set_write_timeout(kWriteTimeoutSeconds, 0);
  http.set_keep_alive_timeout(kKeepAliveSeconds);
  http.set_keep_alive_max_count(kKeepAliveMaxRequests);
  // Headers and body leave in separate writes: with Nagle, each answer on a
  // kept-alive connection waited for the client's delayed ACK (40 ms).
  http.set_tcp_nodelay(true);
  http.new_task_queue = [] { return new httplib::ThreadPool(kWorkerThreads); };
  http.set_default_headers({
      {"Content-Security-Policy", kContentSecurityPolicy},
      {"X-Content-Type-Options", "nosniff"},
      {"Referrer-Policy", "no-referrer"},
      {"X-Frame-Options", "DENY"},
  });
  // Read-only server: anything but GET and HEAD is refused before routing.
  http.set_pre_routing_handler(
      httplib::Server::HandlerWithResponse([](const httplib::Request& req, httplib::Response& res) {
        if (req.method == "GET" || req.method == "HEAD") {
          return httplib::Server::HandlerResponse::Unhandled;
        }
        send(res, error_reply(req.path, 405, "method_not_allowed", "Method not allowed",
                              "only GET and HEAD are supported"));
        res.set_header("Allow", "GET, HEAD");
        return httplib::Server::HandlerResponse::Handled;
      }));
  // httplib calls this for every status >= 400; answers that already have a
  // body (ours) pass through, the rest (unknown paths, malformed requests,
  // limits hit) get one.
  http.set_error_handler(
      httplib::Server::HandlerWithResponse([](const httplib::Request& req, httplib::Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        send(res, reply_for_status(req.path, res.status));
        return httplib::Server::HandlerResponse::Handled;
      }));
  http.set_exception_handler(
      [](const httplib::Request& req, httplib::Response& res, std::exception_ptr) {
        send(res, error_reply(req.path, 500, "internal_error", "Internal error", "internal error"));
      });
}

enum RunState : int { kIdle, kRunning, kDone };

}  // namespace

struct WebServer::Impl {
  Impl(Store& s, ServeOptions o) : store(s), options(std::move(o)) {}

  Store& store;
  ServeOptions options;
  serve::FeedSite feed_site;
  httplib::Server http;
  bool bound = false;
  std::atomic<bool> stop_requested{false};
  std::atomic<int> run_state{kIdle};
};

WebServer::WebServer(Store& store, ServeOptions options)
    : impl_(std::make_unique<Impl>(store, std::move(options))) {
  configure(impl_->http);
  install_routes(impl_->http, impl_->store);
  install_feed_routes(impl_->http, impl_->store, impl_->feed_site);
  install_search_routes(impl_->http, impl_->options.search_index_dir);
  install_search_feed_route(impl_->http, impl_->store, impl_->feed_site,
                            impl_->options.search_index_dir);
}

WebServer::~WebServer() {
  // A run() still in progress on another thread must not outlive us.
  stop();
  while (impl_->run_state.load() == kRunning) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

Result<int> WebServer::bind() {
  Impl& s = *impl_;
  if (s.bound) return fail(ErrorCode::kInvalidInput, "the server is already bound");
  const int port = s.options.port;
  if (port < 0 || port > 65535) {
    return fail(ErrorCode::kInvalidInput,
                "port must be from 0 to 65535, not " + std::to_string(port));
  }
  auto base = s.options.base_url.empty() ? Result<std::string>(std::string())
                                         : serve::normalize_base_url(s.options.base_url);
  if (!base) return tl::unexpected(base.error());
  errno = 0;
  int bound_port = -1;
  if (port == 0) {
    bound_port = s.http.bind_to_any_port(s.options.host);
  } else if (s.http.bind_to_port(s.options.host, port)) {
    bound_port = port;
  }
  if (bound_port <= 0) {
    const int saved = errno;
    std::string message = "cannot listen on " + s.options.host + ":" + std::to_string(port);
    if (saved != 0) message += std::string(": ") + std::strerror(saved);
    return fail(ErrorCode::kIo, message);
  }
  if (s.options.base_url.empty()) {
    const std::string& h = s.options.host;
    s.feed_site.base_url = "http://" + (h.find(':') != std::string::npos ? "[" + h + "]" : h) +
                           ":" + std::to_string(bound_port);
  } else {
    s.feed_site.base_url = *base;
  }
  s.bound = true;
  return bound_port;
}

void WebServer::run() {
  Impl& s = *impl_;
  s.run_state.store(kRunning);
  if (s.bound && !s.stop_requested.load()) s.http.listen_after_bind();
  s.run_state.store(kDone);
}

void WebServer::stop() {
  Impl& s = *impl_;
  if (s.stop_requested.exchange(true)) return;
  // httplib's stop() does nothing until listen_after_bind() has marked the
  // server running; a stop() landing between run()'s check of
  // stop_requested and that moment would be lost, so wait it out.
  while (s.run_state.load() == kRunning && !s.http.is_running()) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  s.http.stop();
}

}  // namespace tidings
