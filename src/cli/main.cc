// The `tidings` command: one binary, a subcommand per stage (README.md).
#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "cli/cli.h"
#include "core/version.h"

namespace tidings::cli {

void report_error(const std::string& message) { std::cerr << "tidings: " << message << "\n"; }

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

  add_extract_command(app, global);
  add_ingest_commands(app, global);
  add_read_commands(app, global);
  add_serve_command(app, global);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  return global.exit_code;
}
