// Date and time expressions in news text, resolved against the article's
// publication time in the publisher's local time (docs/figures.md "Dates").
// Absolute ones ("Oct. 7, 2023", "7 October 2023", "2023-10-07", "in 2019",
// "the 1990s") resolve on their own; relative ones ("on Wednesday",
// "Tuesday's meeting", "October 7", "yesterday", "last week", "next month",
// "earlier this year", "three days ago") need the publication time and are
// returned unresolved without it. The conventions follow TIMEX3 (ISO-TimeML,
// Pustejovsky et al. 2003) where they fit: values like "2023-11-01",
// "2023-W44", "2023-10", "2023", "199" for the 1990s is written "1990s" here.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/time.h"
#include "facts/facts.h"

namespace tidings::facts {

/// How precise an expression is; the range [first, last] covers it.
enum class DateGranularity : uint8_t {
  kMinute,  ///< a time of day: "10:30 a.m. local time"
  kDay,     ///< "on Wednesday", "Oct. 7, 2023", "yesterday"
  kWeek,    ///< "last week" (ISO weeks, Monday to Sunday)
  kMonth,   ///< "next month", "October 2023"
  kYear,    ///< "in 2019", "earlier this year"
  kDecade,  ///< "the 1990s"
};

/// "minute", "day", "week", "month", "year", "decade".
const char* granularity_name(DateGranularity granularity);

/// When an article was published and the publisher's UTC offset then. The
/// offset decides the local day ("yesterday" in Tehran at 01:00 local is
/// not "yesterday" in UTC). Named time zones are not supported: give the
/// offset (g++ 12's libstdc++ has no tzdb).
struct PublicationTime {
  Instant at{};                     ///< the instant, UTC
  int32_t utc_offset_minutes = 0;   ///< +210 for Tehran, -300 for New York in winter
};

/// "2023-11-01T18:40:00+03:30" with its offset kept (core's parse_iso8601
/// gives the instant only); a missing offset is UTC. nullopt when
/// parse_iso8601 rejects the text or the offset is malformed.
std::optional<PublicationTime> parse_publication_time(std::string_view rfc3339);

/// One date or time expression in the text.
struct DateExpression {
  uint32_t start = 0, end = 0;           ///< bytes into the text, half-open
  uint32_t sentence = 0;                 ///< index into Segmented::sentences
  uint32_t first_token = 0, token_count = 0;
  DateGranularity granularity = DateGranularity::kDay;
  /// Needs the publication time: weekdays, "yesterday", "last week", and
  /// dates without a year ("October 7", "in October").
  bool relative = false;
  /// [first, last] hold real local days. False for a relative expression
  /// without a publication time, and for a time of day with no day beside it.
  bool resolved = false;
  std::chrono::sys_days first{}, last{};  ///< inclusive range of local days
  int16_t minute_of_day = -1;            ///< 0..1439 when a time of day was said
  /// The time's zone was said ("GMT", "EST"): utc_offset_minutes holds it.
  /// "local time" is the place's zone and leaves this false.
  bool has_utc_offset = false;
  int16_t utc_offset_minutes = 0;
  /// Normalised value: "2023-11-01", "2023-11-01T10:30", "2023-W44",
  /// "2023-10", "2023", "1990s", or for a range that is not one unit
  /// ("earlier this year") "2023-01-01/2023-11-01". Unresolved: what is
  /// known, with X for the rest ("XXXX-10-07", "XXXX-10", "T10:30"), or
  /// empty.
  std::string value;
};

/// Finds the date and time expressions of every sentence, in text order,
/// resolved against `published` when given. Never fails; linear in the
/// number of tokens. Thread-safe (no shared mutable state).
std::vector<DateExpression> find_dates(const Segmented& segmented,
                                       const std::optional<PublicationTime>& published);

}  // namespace tidings::facts
