// A thin RAII layer over the SQLite C API: a connection and prepared
// statements with bound parameters (STYLE.md §5: SQL is never formatted
// from values). Private to the store module.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.h"

namespace tidings::sql {

class Statement {
 public:
  Statement(sqlite3* db, std::string_view sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  bool ok() const { return stmt_ != nullptr; }
  const std::string& prepare_error() const { return prepare_error_; }

  Statement& bind(int index, int64_t value);
  Statement& bind(int index, std::string_view text);  // "" binds as text, not NULL
  Statement& bind_blob(int index, std::string_view bytes);
  Statement& bind_null(int index);
  Statement& bind_double(int index, double value);
  Statement& bind_optional(int index, const std::string& text);  // "" binds NULL

  /// Advances: true while a row is available. Errors are kept in error().
  bool step();
  /// Runs a statement that returns no rows.
  Result<void> run();
  /// Makes the statement ready to run again with new bindings (the old
  /// ones are cleared), so a loop prepares it once.
  Statement& reset();
  bool failed() const { return failed_; }
  std::string error() const;

  int64_t column_int(int col) const;
  std::string column_text(int col) const;  // NULL -> ""
  std::string column_blob(int col) const;
  bool column_is_null(int col) const;
  double column_double(int col) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  std::string prepare_error_;
  bool failed_ = false;
};

/// Executes `sql` (several statements allowed, no parameters).
Result<void> exec(sqlite3* db, std::string_view sql);

}  // namespace tidings::sql
