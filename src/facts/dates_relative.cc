// Relative expressions ("yesterday", "last week", "three days ago") and
// times of day ("10:30 a.m. local time", "0730 GMT") of the date scanner
// (dates_calendar.h).
#include <cstdio>

#include "facts/dates_calendar.h"

namespace tidings::facts::dates_detail {

namespace {

using namespace std::chrono;

// Zones said after a time, with their offsets in minutes.
struct Zone {
  std::string_view name;
  int16_t offset;
};
constexpr Zone kZones[] = {{"gmt", 0},    {"utc", 0},     {"z", 0},       {"et", -300},
                           {"est", -300}, {"edt", -240},  {"ct", -360},   {"cst", -360},
                           {"cdt", -300}, {"mt", -420},   {"mst", -420},  {"mdt", -360},
                           {"pt", -480},  {"pst", -480},  {"pdt", -420},  {"bst", 60},
                           {"cet", 60},   {"cest", 120},  {"eet", 120},   {"eest", 180},
                           {"msk", 180},  {"jst", 540},   {"aest", 600},  {"aedt", 660}};

enum class Unit { kNone, kHour, kDay, kWeek, kWeekend, kMonth, kYear };

Unit unit_of(std::string_view t) {
  if (lower_equal(t, "day") || lower_equal(t, "days")) return Unit::kDay;
  if (lower_equal(t, "week") || lower_equal(t, "weeks")) return Unit::kWeek;
  if (lower_equal(t, "weekend")) return Unit::kWeekend;
  if (lower_equal(t, "month") || lower_equal(t, "months")) return Unit::kMonth;
  if (lower_equal(t, "year") || lower_equal(t, "years")) return Unit::kYear;
  if (lower_equal(t, "hours") || lower_equal(t, "hour")) return Unit::kHour;
  return Unit::kNone;
}

DateGranularity granularity_of(Unit u) {
  switch (u) {
    case Unit::kWeek: return DateGranularity::kWeek;
    case Unit::kMonth: return DateGranularity::kMonth;
    case Unit::kYear: return DateGranularity::kYear;
    default: return DateGranularity::kDay;
  }
}

sys_days monday_of(sys_days d) {
  return d - days((std::chrono::weekday(d).c_encoding() + 6) % 7);
}

// The calendar unit containing `d` moved by `shift` units: [first, last].
void unit_range(Unit u, sys_days d, int shift, sys_days& first, sys_days& last) {
  const year_month_day ymd(d);
  switch (u) {
    case Unit::kWeek:
      first = monday_of(d) + days(7 * shift);
      last = first + days(6);
      return;
    case Unit::kWeekend:
      first = monday_of(d) + days(5 + 7 * shift);
      last = first + days(1);
      return;
    case Unit::kMonth: {
      const year_month ym = ymd.year() / ymd.month() + months(shift);
      first = sys_days(ym / 1);
      last = month_end(ym);
      return;
    }
    case Unit::kYear:
      first = sys_days((ymd.year() + years(shift)) / 1 / 1);
      last = sys_days((ymd.year() + years(shift)) / 12 / 31);
      return;
    default:
      first = last = d + days(shift);
  }
}

// "10:30", "3pm", "10.30am": minutes past midnight, or -1. `meridiem` is
// 'a', 'p' or 0.
int clock_minutes(int h, int m, char meridiem) {
  if (m < 0 || m > 59) return -1;
  if (meridiem) {
    if (h < 1 || h > 12) return -1;
    if (h == 12) h = 0;
    if (meridiem == 'p') h += 12;
  } else if (h > 23) {
    return -1;
  }
  return h * 60 + m;
}

}  // namespace

// "yesterday", "last week", "earlier this year", "three days ago", "the
// past 24 hours", "at noon".
size_t Scanner::relative_words(size_t i) {
  if (s_.tokens[i].kind == TokenKind::kPunctuation) return i;
  const sys_days today = anchor_ ? anchor_->day : sys_days{};
  auto day_at = [&](size_t first, size_t last, int shift) {
    DateExpression& e = add(first, last, DateGranularity::kDay, true);
    if (anchor_) set_range(e, today + days(shift), today + days(shift));
    return last;
  };
  if (is(i, "yesterday")) return day_at(i, i + 1, -1);
  if (is(i, "today") || is(i, "tonight")) return day_at(i, i + 1, 0);
  if (is(i, "tomorrow")) return day_at(i, i + 1, 1);
  if (is(i, "last") && is(i + 1, "night")) return day_at(i, i + 2, -1);
  if (is(i, "this") && (is(i + 1, "morning") || is(i + 1, "afternoon") || is(i + 1, "evening"))) {
    return day_at(i, i + 2, 0);
  }
  // "three days ago", "a week ago"
  if (const int n = small_number(i); n > 0 && is(i + 2, "ago")) {
    const Unit u = unit_of(text(i + 1));
    if (u == Unit::kNone || u == Unit::kHour || u == Unit::kWeekend) return i;
    DateExpression& e = add(i, i + 3, granularity_of(u), true);
    if (anchor_) {
      sys_days a, b;
      unit_range(u, today, -n, a, b);
      if (u == Unit::kDay) a = b = today - days(n);
      set_range(e, a, b);
    }
    return i + 3;
  }
  // "the past 24 hours", "the last three weeks", "the past week"
  if ((is(i, "past") || is(i, "last")) && is(i - 1, "the")) {
    int n = 1;
    size_t k = i + 1;
    if (const int m = small_number(k); m > 0 && !is(k, "a")) n = m, ++k;
    else if (is_number(k) && text(k).size() <= 3) {
      n = 0;
      for (char c : text(k)) n = (c >= '0' && c <= '9') ? n * 10 + (c - '0') : -1;
      if (n <= 0) return i;
      ++k;
    }
    const Unit u = valid(k) ? unit_of(text(k)) : Unit::kNone;
    if (u == Unit::kNone || u == Unit::kWeekend) return i;
    DateExpression& e = add(i - 1, k + 1, granularity_of(u == Unit::kHour ? Unit::kDay : u), true);
    if (anchor_) {
      sys_days a = today;
      switch (u) {
        case Unit::kHour: a = today - days((n + 23) / 24); break;
        case Unit::kDay: a = today - days(n); break;
        case Unit::kWeek: a = today - days(7 * n); break;
        case Unit::kMonth: {
          const year_month_day ymd(today);
          const year_month ym = ymd.year() / ymd.month() - months(n);
          a = std::min(sys_days(ym / ymd.day()), month_end(ym));
          break;
        }
        default: a = today - days(365 * n); break;
      }
      set_range(e, a, today);
    }
    return k + 1;
  }
  // "earlier this year", "later this month", "so far this year"
  if ((is(i, "earlier") || is(i, "later") || (is(i, "far") && is(i - 1, "so"))) &&
      is(i + 1, "this")) {
    const Unit u = valid(i + 2) ? unit_of(text(i + 2)) : Unit::kNone;
    if (u == Unit::kNone || u == Unit::kHour || u == Unit::kDay) return i;
    const size_t first = is(i, "far") ? i - 1 : i;
    DateExpression& e = add(first, i + 3, granularity_of(u), true);
    if (anchor_) {
      sys_days a, b;
      unit_range(u, today, 0, a, b);
      if (is(i, "later")) a = today; else b = today;
      set_range(e, a, b);
    }
    return i + 3;
  }
  // "last week", "this month", "next year", "last weekend"
  if (is(i, "last") || is(i, "this") || is(i, "next") || is(i, "coming") || is(i, "past")) {
    const Unit u = valid(i + 1) ? unit_of(text(i + 1)) : Unit::kNone;
    if (u == Unit::kNone || u == Unit::kHour || u == Unit::kDay) return i;
    if (text(i + 1).back() == 's') return i;  // "next years"
    const int shift = (is(i, "last") || is(i, "past")) ? -1 : is(i, "this") ? 0 : 1;
    DateExpression& e = add(i, i + 2, granularity_of(u), true);
    if (anchor_) {
      sys_days a, b;
      unit_range(u, today, shift, a, b);
      set_range(e, a, b);
    }
    return i + 2;
  }
  // "at noon", "by midnight"
  if ((is(i, "noon") || is(i, "midnight")) &&
      (is(i - 1, "at") || is(i - 1, "by") || is(i - 1, "until") || is(i - 1, "before") ||
       is(i - 1, "after") || is(i - 1, "around"))) {
    DateExpression& e = add(i, i + 1, DateGranularity::kMinute, true);
    e.minute_of_day = is(i, "noon") ? 720 : 0;
    return i + 1;
  }
  return i;
}

// "10:30 a.m. local time", "3pm", "22:30 GMT", "0730 GMT".
size_t Scanner::time_of_day(size_t i) {
  const std::string_view t = text(i);
  int h = -1, m = 0;
  char meridiem = 0;
  size_t k = i + 1;
  // Digits, then an optional ":mm" or ".mm" inside the token, then an
  // optional "am"/"pm" suffix: "3pm", "10.30am".
  size_t p = 0;
  int lead = 0;
  while (p < t.size() && p < 4 && t[p] >= '0' && t[p] <= '9') lead = lead * 10 + (t[p++] - '0');
  const size_t lead_digits = p;
  if (p < t.size() && t[p] == '.' && p + 3 <= t.size() && t[p + 1] >= '0' && t[p + 1] <= '9' &&
      t[p + 2] >= '0' && t[p + 2] <= '9') {
    m = (t[p + 1] - '0') * 10 + (t[p + 2] - '0');
    p += 3;
  }
  const std::string_view suffix = t.substr(p);
  if (lower_equal(suffix, "am") || lower_equal(suffix, "pm")) {
    meridiem = static_cast<char>(suffix[0] | 0x20);
  } else if (!suffix.empty()) {
    return i;
  }
  bool zone_needed = false;
  if (lead_digits <= 2) {
    h = lead;
    // "10" ":" "30"
    if (!meridiem && p == t.size() && is(k, ":") && glued(k) && is_number(k + 1) && glued(k + 1)) {
      const std::string_view mm = text(k + 1);
      if (mm.size() < 2 || mm[0] < '0' || mm[0] > '5' || mm[1] < '0' || mm[1] > '9') return i;
      m = (mm[0] - '0') * 10 + (mm[1] - '0');
      const std::string_view rest = mm.substr(2);
      if (lower_equal(rest, "am") || lower_equal(rest, "pm")) {
        meridiem = static_cast<char>(rest[0] | 0x20);
      } else if (!rest.empty()) {
        return i;
      }
      k += 2;
    } else if (!meridiem && p != t.size()) {
      return i;
    } else if (!meridiem && !is(k, "a.m") && !is(k, "p.m") && !is(k, "am") && !is(k, "pm")) {
      return i;  // a bare number
    }
  } else if (lead_digits == 4 && p == t.size()) {
    h = lead / 100;
    m = lead % 100;
    zone_needed = true;  // "0730 GMT"
  } else {
    return i;
  }
  if (!meridiem && (is(k, "a.m") || is(k, "p.m") || is(k, "am") || is(k, "pm"))) {
    meridiem = text(k)[0] == 'p' || text(k)[0] == 'P' ? 'p' : 'a';
    ++k;
    if (is(k, ".") && glued(k) && (is(k - 1, "a.m") || is(k - 1, "p.m"))) {
      // The period of "a.m." ends the abbreviation unless it ends the sentence.
      if (k + 1 < end_) ++k;
    }
  }
  const int minutes = clock_minutes(h, m, meridiem);
  if (minutes < 0) return i;
  bool has_offset = false;
  int16_t offset = 0;
  size_t last = k;
  if (is(k, "local") && is(k + 1, "time")) {
    last = k + 2;
  } else if (valid(k)) {
    for (const Zone& z : kZones) {
      if (is(k, z.name) && capitalised(k)) {
        has_offset = true;
        offset = z.offset;
        last = k + 1;
        break;
      }
    }
  }
  if (zone_needed && last == k) return i;
  if (!meridiem && last == k) {
    static constexpr std::string_view kBefore[] = {"at", "by", "around", "until", "till",
                                                   "from", "after", "before", "about"};
    bool after_word = false;
    for (std::string_view w : kBefore) after_word = after_word || is(i - 1, w);
    if (!after_word) return i;
  }
  DateExpression& e = add(i, last, DateGranularity::kMinute, true);
  e.minute_of_day = static_cast<int16_t>(minutes);
  e.has_utc_offset = has_offset;
  e.utc_offset_minutes = offset;
  return last;
}

// A time beside a day ("on Wednesday at 10:30 a.m.", "10 a.m. on Oct. 7,
// 2023") takes the day; alone it stays unresolved.
void Scanner::attach_times(size_t first_new) {
  for (size_t k = first_new; k < out_.size(); ++k) {
    DateExpression& e = out_[k];
    if (e.minute_of_day < 0) continue;
    const DateExpression* day = nullptr;
    for (size_t n : {k - 1, k + 1}) {
      if (n < first_new || n >= out_.size()) continue;
      const DateExpression& d = out_[n];
      if (d.granularity != DateGranularity::kDay || !d.resolved || d.first != d.last) continue;
      const uint32_t gap = n < k ? e.first_token - (d.first_token + d.token_count)
                                 : d.first_token - (e.first_token + e.token_count);
      if (gap <= 2) {
        day = &d;
        break;
      }
    }
    if (day) {
      e.relative = day->relative;
      set_range(e, day->first, day->first);
    } else {
      char buf[16];
      std::snprintf(buf, sizeof buf, "T%02d:%02d", e.minute_of_day / 60, e.minute_of_day % 60);
      e.value = buf;
    }
  }
}

}  // namespace tidings::facts::dates_detail
