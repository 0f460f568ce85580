// The `tidings` command: one binary, a subcommand per stage (README.md).
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <utility>
#include <vector>

#include "cli/cli.h"
#include "core/version.h"

namespace tidings::cli {

void report_error(const std::string& message) { std::cerr << "tidings: " << message << "\n"; }

namespace {

std::vector<std::pair<int, CommandAdder>>& command_registry() {
  static std::vector<std::pair<int, CommandAdder>> registry;  // built before main, read after
  return registry;
}

}  // namespace

bool register_commands(int order, CommandAdder adder) {
  command_registry().emplace_back(order, adder);
  return true;
}

void add_registered_commands(CLI::App& app, GlobalOptions& global) {
  auto& registry = command_registry();
  std::stable_sort(registry.begin(), registry.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [order, adder] : registry) adder(app, global);
}

std::unique_ptr<Store> open_store_or_report(const GlobalOptions& global) {
  auto store = open_sqlite_store(global.db_path);
  if (!store) {
    report_error(store.error().message);
    return nullptr;
  }
  return std::move(*store);
}

}  // namespace tidings::cli

int main(int argc, char** argv) {
  using namespace tidings::cli;
  CLI::App app{"tidings: collect the news and trace every article to its source"};
  app.set_version_flag("--version", std::string("tidings ") + TIDINGS_VERSION);
  app.require_subcommand(1);
  GlobalOptions global;
  if (const char* env = std::getenv("TIDINGS_DB"); env && *env) global.db_path = env;
  app.add_option("--db", global.db_path, "database file (default ./tidings.db, or $TIDINGS_DB)")
      ->capture_default_str();

  add_registered_commands(app, global);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  return global.exit_code;
}
