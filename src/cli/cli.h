// Shared pieces of the `tidings` command: global options, opening the
// store, and the registration function of each subcommand file.
#pragma once

#include <CLI/CLI.hpp>

#include <memory>
#include <string>

#include "store/store.h"

namespace tidings::cli {

struct GlobalOptions {
  std::string db_path = "tidings.db";  ///< --db, or TIDINGS_DB
  int exit_code = 0;                   ///< set by the command that ran
};

/// Opens the store named by --db, printing the error and returning null on
/// failure.
std::unique_ptr<Store> open_store_or_report(const GlobalOptions& global);

/// Prints "tidings: <message>" on stderr.
void report_error(const std::string& message);

void add_extract_command(CLI::App& app, GlobalOptions& global);
void add_ingest_commands(CLI::App& app, GlobalOptions& global);   // ingest, reextract
void add_read_commands(CLI::App& app, GlobalOptions& global);     // articles, article, failures
void add_serve_command(CLI::App& app, GlobalOptions& global);

}  // namespace tidings::cli
