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

/// Each cmd_*.cc file registers its subcommands at start-up with
///   `const bool kRegistered = register_commands(10, add_my_commands);`
/// so a new command is a new file and nothing else. `order` sets where
/// they appear in --help (lower first).
using CommandAdder = void (*)(CLI::App& app, GlobalOptions& global);
bool register_commands(int order, CommandAdder adder);
/// Adds every registered command to `app`, in order.
void add_registered_commands(CLI::App& app, GlobalOptions& global);

/// The `eval` command that every evaluation (`eval extraction`, `eval
/// stories`, ...) adds its subcommand to: created by the first to ask.
CLI::App* eval_command(CLI::App& app);

}  // namespace tidings::cli
