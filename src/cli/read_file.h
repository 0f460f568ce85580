// Inputs of the stateless commands (extract, parse-feed): bounded reads of
// a file or standard input, their URLs, and how their failures are shown.
#pragma once

#include <cstddef>
#include <string>

#include "core/error.h"

namespace tidings::cli {

/// The URL of an input named on the command line: `given` (--url) when
/// set, none for stdin, else the file:// URL of its absolute path.
std::string input_url(const std::string& given, const std::string& path);

/// Reports an input that failed: "tidings: PATH: message" on stderr and,
/// when the output is JSON lines, {"file", "error": {code, message}} on
/// stdout so lines stay aligned with inputs.
void report_input_error(const std::string& path, const Error& error, bool json_line);

/// Reads `path` ("-" = stdin) whole; more than `max_bytes` is kTooLarge
/// (only max_bytes + 1 bytes are ever read).
Result<std::string> read_input(const std::string& path, size_t max_bytes);

/// Reads a gzip file (a benchmark's html/<id>.html.gz) and inflates it;
/// more than `max_bytes` in or out is kTooLarge.
Result<std::string> read_gzip_input(const std::string& path, size_t max_bytes);

}  // namespace tidings::cli
