// Date and time expressions (dates.h, docs/figures.md "Dates"): the
// publication's local day, and a scanner per sentence (dates_calendar.h)
// that tries its patterns at every token and keeps the first that matches;
// each looks a bounded number of tokens around, so the whole is linear in
// the text.
#include "facts/dates.h"

#include "facts/dates_calendar.h"

namespace tidings::facts {
namespace {

using namespace std::chrono;
using dates_detail::Anchor;
using dates_detail::Scanner;

}  // namespace

const char* granularity_name(DateGranularity granularity) {
  switch (granularity) {
    case DateGranularity::kMinute: return "minute";
    case DateGranularity::kDay: return "day";
    case DateGranularity::kWeek: return "week";
    case DateGranularity::kMonth: return "month";
    case DateGranularity::kYear: return "year";
    case DateGranularity::kDecade: return "decade";
  }
  return "day";
}

std::optional<PublicationTime> parse_publication_time(std::string_view text) {
  bool had_offset = false;
  const std::optional<Instant> at = parse_iso8601(text, &had_offset);
  if (!at) return std::nullopt;
  PublicationTime out;
  out.at = *at;
  if (!had_offset) return out;
  // The offset is the text's tail: "Z", "+03:30", "-0500".
  while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) text.remove_suffix(1);
  if (!text.empty() && (text.back() == 'Z' || text.back() == 'z')) return out;
  const size_t sign = text.find_last_of("+-");
  if (sign == std::string_view::npos || sign < 10) return std::nullopt;
  const std::string_view tail = text.substr(sign + 1);
  int digits[4] = {0, 0, 0, 0};
  int n = 0;
  for (char c : tail) {
    if (c == ':') continue;
    if (c < '0' || c > '9' || n == 4) return std::nullopt;
    digits[n++] = c - '0';
  }
  if (n != 4 && n != 2) return std::nullopt;
  const int minutes = (digits[0] * 10 + digits[1]) * 60 + digits[2] * 10 + digits[3];
  if (minutes > 14 * 60) return std::nullopt;
  out.utc_offset_minutes = text[sign] == '-' ? -minutes : minutes;
  return out;
}

std::vector<DateExpression> find_dates(const Segmented& segmented,
                                       const std::optional<PublicationTime>& published) {
  std::vector<DateExpression> out;
  std::optional<Anchor> anchor;
  if (published) {
    const auto local = published->at + minutes(published->utc_offset_minutes);
    anchor = Anchor{floor<days>(local)};
  }
  for (uint32_t s = 0; s < segmented.sentences.size(); ++s) {
    Scanner scanner(segmented, s, anchor, out);
    scanner.run();
  }
  return out;
}

}  // namespace tidings::facts
