// `tidings serve`: the web UI and JSON API until SIGINT/SIGTERM.
#include <atomic>
#include <csignal>
#include <iostream>
#include <thread>

#include "cli/cli.h"
#include "search/search.h"
#include "serve/serve.h"

namespace tidings::cli {

namespace {

struct ServeArgs {
  std::string listen = "127.0.0.1:8080";
  std::string base_url;  ///< public base URL of the feeds' absolute links
};

// "host:port", "[::1]:port" or ":port".
bool parse_listen(const std::string& s, ServeOptions& out) {
  const auto colon = s.rfind(':');
  if (colon == std::string::npos) return false;
  std::string host = s.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  const std::string port = s.substr(colon + 1);
  if (port.empty() || port.size() > 5 || port.find_first_not_of("0123456789") != std::string::npos) {
    return false;
  }
  const int p = std::stoi(port);
  if (p > 65535) return false;
  out.host = host.empty() ? "127.0.0.1" : host;
  out.port = p;
  return true;
}

int run_serve(const ServeArgs& args, const GlobalOptions& global) {
  ServeOptions options;
  if (!parse_listen(args.listen, options)) {
    report_error("--listen: expected HOST:PORT, got \"" + args.listen + "\"");
    return 2;
  }
  options.base_url = args.base_url;
  auto store = open_store_or_report(global);
  if (!store) return 1;
  options.search_index_dir = search::index_dir_for(global.db_path);

  // Signals go to one thread that stops the server; block them everywhere
  // else (httplib's workers inherit this mask).
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  WebServer server(*store, options);
  auto port = server.bind();
  if (!port) {
    report_error(port.error().message);
    return 1;
  }
  const std::string shown_host =
      options.host.find(':') != std::string::npos ? "[" + options.host + "]" : options.host;
  std::cout << "tidings: serving http://" << shown_host << ":" << *port << "/ (Ctrl-C to stop)"
            << std::endl;
  std::atomic<bool> signalled{false};
  std::thread waiter([&] {
    int sig = 0;
    sigwait(&signals, &sig);
    signalled = true;
    server.stop();
  });
  server.run();
  // run() can also return on its own (a socket error): wake the waiter.
  if (!signalled) pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
  std::cout << "tidings: stopped" << std::endl;
  return 0;
}

}  // namespace

namespace {

void add_serve_command(CLI::App& app, GlobalOptions& global) {
  auto args = std::make_shared<ServeArgs>();
  CLI::App* cmd = app.add_subcommand("serve", "Serve the web UI and the JSON API.");
  cmd->add_option("--listen", args->listen, "address to listen on")->capture_default_str();
  cmd->add_option("--base-url", args->base_url,
                  "public base URL of the absolute links in feeds (default http://HOST:PORT)");
  cmd->callback([args, &global] { global.exit_code = run_serve(*args, global); });
}

const bool kRegistered = register_commands(90, add_serve_command);

}  // namespace

}  // namespace tidings::cli
