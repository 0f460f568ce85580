// Time points and their RFC 3339 form. tidings keeps every instant in UTC,
// to the second, and prints it as "2023-11-01T18:40:00Z" (RFC 3339 §5.6).
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace tidings {

using Clock = std::chrono::system_clock;
using Instant = std::chrono::sys_seconds;

/// "2023-11-01T18:40:00Z".
std::string format_rfc3339(Instant t);

/// "Fri, 27 Nov 2026 10:00:00 GMT" (RFC 822/1123, as RSS and OPML use).
std::string format_rfc822(Instant t);

/// Parses RFC 3339 / ISO 8601 date-times as they appear on the web:
/// "2023-11-01T18:40:00+03:00", "2023-11-01T18:40:00.123Z", "2023-11-01 18:40",
/// "2023-11-01" (midnight UTC). A missing offset is taken as UTC and
/// reported through `had_offset` when given. Returns nullopt for anything
/// else, and for years outside 1970..2200.
std::optional<Instant> parse_iso8601(std::string_view text, bool* had_offset = nullptr);

/// The current time, truncated to the second.
Instant now_seconds();

}  // namespace tidings
