// Bounded reads of a file or standard input for the stateless commands.
#pragma once

#include <cstddef>
#include <string>

#include "core/error.h"

namespace tidings::cli {

/// Reads `path` ("-" = stdin) whole; more than `max_bytes` is kTooLarge
/// (only max_bytes + 1 bytes are ever read).
Result<std::string> read_input(const std::string& path, size_t max_bytes);

}  // namespace tidings::cli
