// Publication dates from what the page shows rather than from its metadata:
// a date line near the headline ("Saturday, 13 December 2008"), a leading
// date line in the body, and last the URL's /YYYY/MM/DD/. Used only when the
// page has no metadata date (JSON-LD, <meta>, <time datetime>).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/time.h"
#include "extract/dates.h"
#include "extract/dom.h"

namespace tidings::extract_detail {

/// A date found in running text.
struct TextDate {
  Instant when;
  size_t start = 0;  ///< byte offset in the text where the date begins
  size_t end = 0;    ///< one past its last byte (time and zone included)
  bool has_time = false;
  bool has_zone = false;   ///< a zone or offset was written after the time
  int offset_minutes = 0;  ///< that zone's offset, east of UTC
};

/// The first English date written in `text` (the first 256 bytes are read):
/// "13 December 2008", "December 13, 2008", "Dec. 13, 2008", "Dec 13 2008",
/// "13th of December 2008", "2008-12-13", "2008/12/13", and "13/12/2008" or
/// "12/13/2008" only when the day is over 12. A time may follow or precede it
/// ("10:45 AM", "3:26 p.m.", "10:45:30") with a zone ("GMT", "UTC", "EST",
/// "+0300", "GMT+3"); no time means midnight, no zone means UTC. Weekdays and
/// other words around it are skipped. No regular expressions; linear.
std::optional<TextDate> find_date_in_text(std::string_view text);

/// The date the page shows for itself, or nullopt. Looked for, in order:
/// short elements named as dates (class, id or itemprop with "date",
/// "time", "posted", "published", "meta", "byline", ...; <time> without a
/// usable datetime) between the top of the page and the first paragraph of
/// the content `roots`, the nearest one to the body first and "updated"
/// ones last; a leading date line, `first_paragraph`; such elements after
/// the body inside the same <article>. Dates before 1990 or more than a day
/// after `now` are skipped. Call after choose_content.
/// A time without a zone comes back without an offset (PageDate::has_offset).
std::optional<PageDate> find_visible_date(const Dom& dom, const std::vector<int32_t>& roots,
                                          std::string_view first_paragraph, Instant now);

/// The date in an http(s) URL's path, "/2008/12/13/" or "/2008-12-13/" (a
/// whole path segment), as midnight UTC; nullopt when there is none or it
/// is before 1990 or after `now` + 1 day.
std::optional<Instant> date_in_url(std::string_view url, Instant now);

}  // namespace tidings::extract_detail
