// The choice among a page's dates (see dates.h settle_dates): earliest
// trustworthy publication time, time zones repaired from the page's other
// dates, implausible ones dropped with a warning.
#include <chrono>

#include "core/url.h"
#include "extract/dates.h"
#include "extract/visible_dates.h"

namespace tidings::extract_detail {

namespace {

constexpr int kMinYear = 1995;

using std::chrono::days;
using std::chrono::minutes;

const char* source_name(DateSource s) {
  switch (s) {
    case DateSource::kJsonLd: return "JSON-LD";
    case DateSource::kMeta: return "meta";
    case DateSource::kTimeElement: return "<time>";
    case DateSource::kUrl: return "URL";
    case DateSource::kShown: return "page text";
  }
  return "";
}

// Countries with one time zone and no daylight saving time, by their
// country-code domain: a site there that writes a time without a zone
// means its own. (Iran is here for its time since 2022.)
struct CountryZone {
  std::string_view tld;
  int minutes;
};
constexpr CountryZone kCountryZones[] = {
    {"kr", 540}, {"jp", 540}, {"cn", 480}, {"tw", 480}, {"hk", 480}, {"sg", 480}, {"my", 480},
    {"ph", 480}, {"th", 420}, {"vn", 420}, {"in", 330}, {"pk", 300}, {"bd", 360}, {"ae", 240},
    {"sa", 180}, {"qa", 180}, {"kw", 180}, {"bh", 180}, {"ir", 210}, {"ng", 60},  {"ke", 180},
    {"gh", 0},   {"za", 120}, {"ar", -180},
};

std::optional<int> country_offset(std::string_view url) {
  const std::string host = url_host(url);
  const size_t dot = host.rfind('.');
  if (dot == std::string::npos) return std::nullopt;
  const std::string_view tld = std::string_view(host).substr(dot + 1);
  for (const CountryZone& z : kCountryZones) {
    if (tld == z.tld) return z.minutes;
  }
  return std::nullopt;
}

// The offset a zone-less local time implies: the same instant as a zoned
// one, whole quarter-hours apart ("2019-11-19 20:59:46" beside
// "2019-11-20T02:59:46+00:00" says -06:00).
std::optional<int> implied_offset(const PageDates& dates) {
  for (const PageDate& local : dates.local_times) {
    for (const auto* list : {&dates.published, &dates.modified}) {
      for (const DateCandidate& c : *list) {
        if (!c.date.has_offset || !c.date.has_time) continue;
        const auto diff = (local.when - c.date.when).count();  // seconds
        if (diff != 0 && diff % (15 * 60) == 0 && diff >= -12 * 3600 && diff <= 14 * 3600) {
          return static_cast<int>(diff / 60);
        }
      }
    }
  }
  return std::nullopt;
}

// The offset the page states: the first non-zero one written as a number
// or implied by a local time (a CMS that stores UTC writes "+00:00" beside
// its local "-05:00"), else a zero one.
std::optional<int> stated_offset(const PageDates& dates, const std::optional<PageDate>& shown) {
  std::optional<int> zero;
  for (const auto* list : {&dates.published, &dates.modified}) {
    for (const DateCandidate& c : *list) {
      if (!c.date.numeric_offset) continue;
      if (c.date.offset_minutes != 0) return c.date.offset_minutes;
      zero = 0;
    }
  }
  if (shown && shown->numeric_offset && shown->offset_minutes != 0) return shown->offset_minutes;
  if (auto implied = implied_offset(dates)) return implied;
  if (shown && shown->numeric_offset) return shown->offset_minutes;
  return zero;
}

// A time written without an offset, read in the page's stated one; a day
// alone becomes that day's local midnight.
PageDate repaired(PageDate d, const std::optional<int>& offset) {
  if (!d.has_offset && offset) {
    d.when -= minutes{*offset};
    d.has_offset = d.numeric_offset = true;
    d.offset_minutes = *offset;
  }
  return d;
}

// "" when plausible, else why not.
std::string implausible(Instant t, Instant now) {
  if (t > now + std::chrono::hours(24)) return "in the future";
  if (t < std::chrono::sys_days{std::chrono::year{kMinYear} / 1 / 1}) return "before 1995";
  return "";
}

// The calendar day of a timestamp where it was written (its offset, else UTC).
days local_day(const PageDate& d) {
  const Instant local = d.has_offset ? d.when + minutes{d.offset_minutes} : d.when;
  return std::chrono::floor<days>(local).time_since_epoch();
}

// Whether `a` is the earlier publication time. A day alone is earlier than
// a timestamp only when it is at least two days before the timestamp's
// day: one day apart can be a time zone, the same day is no contest.
bool earlier(const PageDate& a, const PageDate& b) {
  if (a.has_time == b.has_time) return a.when < b.when;
  const PageDate& day_only = a.has_time ? b : a;
  const PageDate& timed = a.has_time ? a : b;
  const days d = local_day(day_only);
  const bool day_wins = local_day(timed) >= d + days{2};
  return a.has_time ? !day_wins : day_wins;
}

}  // namespace

void settle_dates(const PageDates& dates, const std::optional<PageDate>& shown,
                  std::string_view url, std::string_view canonical_url, Instant now,
                  Article& article, std::vector<std::string>& warnings) {
  std::optional<int> offset = stated_offset(dates, shown);
  const bool offset_stated = offset.has_value();
  if (!offset) offset = country_offset(canonical_url);
  if (!offset) offset = country_offset(url);
  auto usable = [&](const DateCandidate& c, const char* what) -> std::optional<PageDate> {
    const PageDate d = repaired(c.date, offset);
    const std::string why = implausible(d.when, now);
    if (why.empty()) return d;
    warnings.push_back(std::string(what) + " " + format_rfc3339(d.when) + " (" +
                       source_name(c.source) + " " + c.label + ") is " + why + "; ignored");
    return std::nullopt;
  };

  std::optional<PageDate> best;
  for (const DateCandidate& c : dates.published) {
    auto d = usable(c, "published_at");
    if (d && (!best || earlier(*d, *best))) best = d;
  }
  if (shown && implausible(shown->when, now).empty()) {
    const PageDate d = repaired(*shown, offset);
    if (!best || earlier(d, *best)) best = d;
  }
  auto url_day = date_in_url(canonical_url, now);
  if (!url_day) url_day = date_in_url(url, now);
  if (url_day && implausible(*url_day, now).empty()) {
    PageDate d;
    d.when = *url_day;
    d = repaired(d, offset);
    if (!best || earlier(d, *best)) best = d;
  }


  article.published_at.reset();
  article.modified_at.reset();
  article.utc_offset_minutes.reset();
  if (best) article.published_at = best->when;
  // The latest modification time, a timestamp before a day alone; a few
  // seconds before publication is a CMS's rounding, days before a mistake.
  bool timed = false;
  for (const DateCandidate& c : dates.modified) {
    auto d = usable(c, "modified_at");
    if (!d || (best && d->when + days{1} < best->when) || (timed && !d->has_time)) continue;
    if (!article.modified_at || d->when > *article.modified_at || (d->has_time && !timed)) {
      article.modified_at = d->when;
      timed = d->has_time;
    }
  }
  if (best && best->numeric_offset && best->offset_minutes != 0) {
    article.utc_offset_minutes = best->offset_minutes;
  } else if (offset_stated) {
    article.utc_offset_minutes = offset;
  } else if (best && best->numeric_offset) {
    article.utc_offset_minutes = 0;
  }
}

}  // namespace tidings::extract_detail
