// Poll intervals on the command line: "90s", "15m", "1h30m", "1d".
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tidings {

/// Seconds, or nullopt for anything else (or more than 30 days).
std::optional<int64_t> parse_duration(std::string_view text);
/// The short form back: 900 -> "15m", 5400 -> "1h30m".
std::string format_duration(int64_t seconds);

}  // namespace tidings
