// Publication and modification times: the date strings a page carries, what
// each one says (a day, a time, an offset), and the choice among them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/time.h"
#include "core/types.h"

namespace tidings::extract_detail {

/// One date string as read. A string without an offset is read as UTC and
/// says so (`has_offset` false), so that it can be repaired later.
struct PageDate {
  Instant when{};
  bool has_time = false;        ///< more than a day ("2023-11-01" has none)
  bool has_offset = false;      ///< an offset or zone was written
  bool numeric_offset = false;  ///< written as "+03:30" or "+0000", not "Z" or "GMT"
  int offset_minutes = 0;       ///< the offset written, east of UTC
};

/// parse_page_date (metadata.h) with what the string said.
std::optional<PageDate> read_page_date(std::string_view text);

/// Where a candidate came from; the order is trust, highest first.
enum class DateSource { kJsonLd, kMeta, kTimeElement, kUrl, kShown };

struct DateCandidate {
  PageDate date;
  DateSource source = DateSource::kMeta;
  std::string label;  ///< "article:published_time", "datePublished", ...: for warnings
};

/// The date strings of one page, gathered by fill_metadata.
struct PageDates {
  std::vector<DateCandidate> published;  ///< publication times, priority order
  std::vector<DateCandidate> modified;   ///< modification times, priority order
  std::vector<PageDate> local_times;     ///< <time datetime> values without a zone (at most 8)
};

/// Sets article.published_at, modified_at and utc_offset_minutes.
///
/// Publication: of the metadata candidates, the shown date (`shown`, from
/// the page's text; the caller looks for it only when the metadata has no
/// date) and the URL's day, the earliest wins; a day alone (the URL's,
/// "2023-11-01") never beats a timestamp on the same or the next day, so
/// that a time zone cannot make it win. Metadata times before 1995 or later
/// than `now` + 1 day are dropped with a warning.
///
/// Zones: a time written without an offset takes the one the page states
/// in its other dates ("+03:30" on the modification time, or a local time
/// beside the same instant in UTC), else its country's when the site's
/// country has one zone (.kr, .jp, .in, .ir, ...); a day alone becomes
/// that zone's midnight. utc_offset_minutes is the offset the page states,
/// a non-zero one first ("Z" says nothing about the publisher).
///
/// Modification: the latest plausible timestamp (a day alone only without
/// one) that is not more than a day before publication.
void settle_dates(const PageDates& dates, const std::optional<PageDate>& shown,
                  std::string_view url, std::string_view canonical_url, Instant now,
                  Article& article, std::vector<std::string>& warnings);

}  // namespace tidings::extract_detail
