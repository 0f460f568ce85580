// The patterns of the date scanner (dates_calendar.h). Relative expressions
// count from the publication's local day; a weekday or month said without
// more is the latest one on or before it (news reports the past) unless the
// sentence speaks of the future before it ("will", "scheduled", "due").
#include <array>
#include <cstdio>

#include "facts/dates_calendar.h"

namespace tidings::facts::dates_detail {
namespace {

using namespace std::chrono;

constexpr std::array<std::string_view, 12> kMonths = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};
constexpr std::array<std::string_view, 7> kWeekdays = {
    "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"};

}  // namespace

bool lower_equal(std::string_view t, std::string_view lower) {
  if (t.size() != lower.size()) return false;
  for (size_t k = 0; k < t.size(); ++k) {
    char c = t[k];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower[k]) return false;
  }
  return true;
}

// The last day of `ym`.
sys_days month_end(year_month ym) { return sys_days(ym / last); }

std::string two(unsigned n) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02u", n % 100);
  return buf;
}

std::string iso_day(sys_days d) {
  const year_month_day ymd(d);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

// "2023-11-01", "2023-W44", "2023-10", "2023", "1990s", or "first/last".
std::string format_value(const DateExpression& e) {
  const year_month_day a(e.first), b(e.last);
  switch (e.granularity) {
    case DateGranularity::kMinute:
    case DateGranularity::kDay:
      if (e.first != e.last) break;
      if (e.minute_of_day >= 0) {
        return iso_day(e.first) + "T" + two(e.minute_of_day / 60) + ":" + two(e.minute_of_day % 60);
      }
      return iso_day(e.first);
    case DateGranularity::kWeek:
      if (weekday(e.first) == Monday && e.last == e.first + days(6)) {
        const sys_days thursday = e.first + days(3);
        const year y = year_month_day(thursday).year();
        const int week = static_cast<int>((thursday - sys_days(y / January / 1)).count() / 7 + 1);
        char buf[16];
        std::snprintf(buf, sizeof buf, "%04d-W%02d", static_cast<int>(y), week);
        return buf;
      }
      break;
    case DateGranularity::kMonth:
      if (a.day() == day(1) && e.last == month_end(a.year() / a.month())) {
        return iso_day(e.first).substr(0, 7);
      }
      break;
    case DateGranularity::kYear:
      if (a.month() == January && a.day() == day(1) && b.year() == a.year() &&
          b.month() == December && b.day() == day(31)) {
        return iso_day(e.first).substr(0, 4);
      }
      break;
    case DateGranularity::kDecade:
      if (a.month() == January && a.day() == day(1) && static_cast<int>(a.year()) % 10 == 0 &&
          b.year() == a.year() + years(9) && b.month() == December && b.day() == day(31)) {
        return iso_day(e.first).substr(0, 4) + "s";
      }
      break;
  }
  return iso_day(e.first) + "/" + iso_day(e.last);
}

// Narrows [first, last] to its early, middle or late third.
void narrow(std::string_view modifier, sys_days& first, sys_days& last) {
  const auto third = (last - first + days(1)) / 3;
  if (modifier == "early") {
    last = first + third - days(1);
  } else if (modifier == "mid") {
    first = first + third;
    last = first + third - days(1);
  } else if (modifier == "late") {
    first = last - third + days(1);
  }
}

Scanner::Scanner(const Segmented& s, uint32_t sentence, const std::optional<Anchor>& anchor,
                 std::vector<DateExpression>& out)
    : s_(s),
      sentence_(sentence),
      begin_(s.sentences[sentence].first_token),
      end_(std::min<size_t>(begin_ + s.sentences[sentence].token_count, s.tokens.size())),
      anchor_(anchor),
      out_(out) {}

std::string_view Scanner::text(size_t i) const { return s_.token_text(i); }
bool Scanner::is(size_t i, std::string_view lower) const {
  return valid(i) && lower_equal(text(i), lower);
}
bool Scanner::is_number(size_t i) const {
  return valid(i) && s_.tokens[i].kind == TokenKind::kNumber;
}
bool Scanner::glued(size_t i) const { return valid(i) && !s_.tokens[i].space_before; }
bool Scanner::capitalised(size_t i) const {
  return valid(i) && !text(i).empty() && text(i)[0] >= 'A' && text(i)[0] <= 'Z';
}

int Scanner::month_at(size_t i, size_t& after) const {
  if (!capitalised(i) || s_.tokens[i].kind != TokenKind::kWord) return 0;
  const std::string_view t = text(i);
  if (t.size() > 9) return 0;
  for (size_t m = 0; m < kMonths.size(); ++m) {
    if (lower_equal(t, kMonths[m])) {
      after = i + 1;
      return static_cast<int>(m + 1);
    }
    // "Oct.", "Sept.", "Jan" (not "Mar", "May", "Jun": words of their own
    // or already full).
    const std::string_view full = kMonths[m];
    if (t.size() >= 3 && t.size() <= 4 && t.size() < full.size() && m != 2 && m != 4 &&
        lower_equal(t, full.substr(0, t.size())) && (t.size() == 3 || t == "Sept")) {
      after = i + 1;
      if (valid(i + 1) && text(i + 1) == "." && glued(i + 1)) ++after;
      return static_cast<int>(m + 1);
    }
  }
  return 0;
}

int Scanner::weekday_at(size_t i) const {
  if (!capitalised(i)) return -1;
  for (size_t d = 0; d < kWeekdays.size(); ++d) {
    if (lower_equal(text(i), kWeekdays[d])) return static_cast<int>(d);
  }
  return -1;
}

int Scanner::day_number(size_t i) const {
  if (!is_number(i)) return 0;
  const std::string_view t = text(i);
  int n = 0;
  size_t k = 0;
  for (; k < t.size() && k < 2 && t[k] >= '0' && t[k] <= '9'; ++k) n = n * 10 + (t[k] - '0');
  const std::string_view rest = t.substr(k);
  if (!rest.empty() && rest != "st" && rest != "nd" && rest != "rd" && rest != "th") return 0;
  return (n >= 1 && n <= 31) ? n : 0;
}

int Scanner::year_number(size_t i) const {
  if (!is_number(i)) return 0;
  const std::string_view t = text(i);
  if (t.size() != 4) return 0;
  int n = 0;
  for (char c : t) {
    if (c < '0' || c > '9') return 0;
    n = n * 10 + (c - '0');
  }
  return (n >= 1000 && n <= 2999) ? n : 0;
}

int Scanner::small_number(size_t i) const {
  static constexpr std::array<std::string_view, 13> kWords = {
      "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
      "eleven", "twelve"};
  if (is(i, "a") || is(i, "an")) return 1;
  for (size_t n = 1; n < kWords.size(); ++n) {
    if (is(i, kWords[n])) return static_cast<int>(n);
  }
  if (!is_number(i) || text(i).size() > 2) return 0;
  int n = 0;
  for (char c : text(i)) {
    if (c < '0' || c > '9') return 0;
    n = n * 10 + (c - '0');
  }
  return n;
}

bool Scanner::future_cue(size_t i) const {
  static constexpr std::string_view kCues[] = {"will",     "shall",   "scheduled", "due",
                                               "plans",    "plan",    "planned",   "expected",
                                               "upcoming", "coming",  "set",       "'ll",
                                               "\xE2\x80\x99ll", "tomorrow", "next"};
  for (size_t k = (i > begin_ + 12 ? i - 12 : begin_); k < i; ++k) {
    for (std::string_view cue : kCues) {
      if (is(k, cue)) return true;
    }
  }
  return false;
}

DateExpression& Scanner::add(size_t first, size_t last, DateGranularity g, bool relative) {
  DateExpression& e = out_.emplace_back();
  e.start = s_.tokens[first].start;
  e.end = s_.tokens[last - 1].end;
  e.sentence = sentence_;
  e.first_token = static_cast<uint32_t>(first);
  e.token_count = static_cast<uint32_t>(last - first);
  e.granularity = g;
  e.relative = relative;
  return e;
}

void Scanner::set_day(DateExpression& e, year_month_day d) {
  if (!d.ok()) {
    out_.pop_back();
    return;
  }
  set_range(e, sys_days(d), sys_days(d));
}

void Scanner::set_range(DateExpression& e, sys_days first, sys_days last) {
  e.first = first;
  e.last = last;
  e.resolved = true;
  e.value = format_value(e);
}

int Scanner::year_of_month(int m, int direction, size_t cue_at) const {
  const year_month_day today(anchor_->day);
  const int now = static_cast<int>(static_cast<unsigned>(today.month()));
  int y = static_cast<int>(today.year());
  if (direction == 0) direction = future_cue(cue_at) ? 3 : -3;  // by tense: this month counts
  if (direction == -3 && m > now) y -= 1;
  if (direction == -1 && m >= now) y -= 1;
  if (direction == 3 && m < now) y += 1;
  if (direction == 1 && m <= now) y += 1;
  return y;
}

// "mid-October", "mid-2019", "early-2020" (one token: the tokenizer joins
// hyphenated words).
size_t Scanner::mid_word(size_t i) {
  if (s_.tokens[i].kind != TokenKind::kWord) return i;
  const std::string_view t = text(i);
  std::string_view modifier;
  for (std::string_view m : {"mid-", "early-", "late-"}) {
    if (t.size() > m.size() && lower_equal(t.substr(0, m.size()), m)) modifier = m;
  }
  if (modifier.empty()) return i;
  const std::string_view rest = t.substr(modifier.size());
  modifier.remove_suffix(1);
  if (rest.size() == 4 && rest[0] >= '1' && rest[0] <= '2') {
    int y = 0;
    for (char c : rest) {
      if (c < '0' || c > '9') return i;
      y = y * 10 + (c - '0');
    }
    DateExpression& e = add(i, i + 1, DateGranularity::kYear, false);
    sys_days a = sys_days(year(y) / 1 / 1), b = sys_days(year(y) / 12 / 31);
    narrow(modifier, a, b);
    set_range(e, a, b);
    return i + 1;
  }
  for (size_t m = 0; m < kMonths.size(); ++m) {
    if (!lower_equal(rest, kMonths[m]) || rest[0] < 'A' || rest[0] > 'Z') continue;
    DateExpression& e = add(i, i + 1, DateGranularity::kMonth, true);
    if (!anchor_) {
      e.value = "XXXX-" + two(static_cast<unsigned>(m + 1));
      return i + 1;
    }
    const year_month ym = year(year_of_month(static_cast<int>(m + 1), 0, i)) / month(m + 1);
    sys_days a = sys_days(ym / 1), b = month_end(ym);
    narrow(modifier, a, b);
    set_range(e, a, b);
    return i + 1;
  }
  return i;
}

// A cheap test before the relative patterns: the first letters of the
// words they start with ("yesterday", "last", "this", "next", "coming",
// "past", "earlier", "far", "mid-", "noon"), or "ago" two tokens on.
bool Scanner::may_be_relative(size_t i) const {
  const std::string_view t = text(i);
  if (t.empty() || s_.tokens[i].kind == TokenKind::kPunctuation) return false;
  switch (t[0] | 0x20) {
    case 'y': case 't': case 'l': case 'n': case 'c': case 'p': case 'e': case 'f': case 'm':
      return true;
    default:
      return is(i + 2, "ago");
  }
}

void Scanner::run() {
  const size_t first_new = out_.size();
  for (size_t i = begin_; i < end_;) {
    size_t next = weekday(i);
    if (next == i) next = month_first(i);
    if (next == i) next = number_first(i);
    if (next == i && may_be_relative(i)) next = relative_words(i);
    if (next == i && may_be_relative(i)) next = mid_word(i);
    i = next == i ? i + 1 : next;
  }
  attach_times(first_new);
}

// A day of a month, with its year (y) or without (y = 0): "October 7"
// takes the year that puts it nearest to publication, ties to the past,
// where news mostly looks back: a day ahead counts twice as far unless a
// word of the future comes before it ("will", "scheduled" ...; then a day
// behind counts twice), and "since October 7" is never ahead.
void Scanner::day_of_month(size_t first, size_t last, int m, int d, int y) {
  const size_t before = out_.size();
  DateExpression& e = add(first, last, DateGranularity::kDay, y == 0);
  if (y) {
    set_day(e, year(y) / month(m) / day(d));
    return;
  }
  if (!anchor_) {
    e.value = "XXXX-" + two(static_cast<unsigned>(m)) + "-" + two(static_cast<unsigned>(d));
    return;
  }
  const year_month_day today(anchor_->day);
  const bool since = is(first - 1, "since");
  const bool future = !since && future_cue(first);
  long best_gap = -1;
  sys_days best{};
  for (int dy = -1; dy <= 1; ++dy) {
    const year_month_day c = (today.year() + years(dy)) / month(m) / day(d);
    if (!c.ok()) continue;
    const long days = (sys_days(c) - anchor_->day).count();
    if (since && days > 0) continue;
    const long weight = (days > 0) != future ? 2 : 1;  // the unlikely side counts twice
    const long gap = std::labs(days) * 2 * weight + (dy > 0 ? 1 : 0);
    if (best_gap < 0 || gap < best_gap) {
      best_gap = gap;
      best = sys_days(c);
    }
  }
  if (best_gap < 0) {
    out_.resize(before);  // "February 30"
  } else {
    set_range(e, best, best);
  }
}

// "last" -1, "next" +1, "this" 2 before token i (and that word's token in
// `first`); 0 when none.
int Scanner::direction_before(size_t i, size_t& first) const {
  first = i;
  int direction = 0;
  if (is(i - 1, "last") || is(i - 1, "past")) direction = -1;
  if (is(i - 1, "next") || is(i - 1, "coming")) direction = 1;
  if (is(i - 1, "this")) direction = 2;
  if (direction != 0) first = i - 1;
  return direction;
}

// "on Wednesday", "last Tuesday", "Tuesday's meeting", "Wednesday night",
// "Wednesday, Nov. 1, 2023" (the date wins, the weekday joins its span).
size_t Scanner::weekday(size_t i) {
  const int wd = weekday_at(i);
  if (wd < 0) return i;
  size_t date_at = i + 1;
  if (valid(date_at) && text(date_at) == ",") ++date_at;
  const size_t before = out_.size();
  const size_t after_date = valid(date_at) ? month_first(date_at) : date_at;
  if (after_date == date_at && date_at != i + 1) {
    // "Wednesday, 1 November"
    const size_t n = number_first(date_at);
    if (n != date_at && out_.size() > before && out_.back().granularity == DateGranularity::kDay) {
      out_.back().start = s_.tokens[i].start;
      out_.back().first_token = static_cast<uint32_t>(i);
      out_.back().token_count = static_cast<uint32_t>(n - i);
      return n;
    }
    out_.resize(before);  // not a day ("Wednesday, 10:30"): scanned again later
  }
  if (after_date != date_at && out_.size() > before) {
    out_.back().start = s_.tokens[i].start;
    out_.back().first_token = static_cast<uint32_t>(i);
    out_.back().token_count = static_cast<uint32_t>(after_date - i);
    return after_date;
  }
  size_t first = i, last = i + 1;
  int direction = direction_before(i, first);  // 0: by tense
  if (is(i + 1, "night") || is(i + 1, "morning") || is(i + 1, "afternoon") ||
      is(i + 1, "evening")) {
    last = i + 2;
  }
  DateExpression& e = add(first, last, DateGranularity::kDay, true);
  if (!anchor_) return last;
  const sys_days today = anchor_->day;
  const int today_wd = static_cast<int>(std::chrono::weekday(today).c_encoding());
  if (direction == 0) direction = future_cue(first) ? 1 : -1;
  int delta = 0;
  if (direction == -1) {
    delta = -((today_wd - wd + 7) % 7);
    if (delta == 0 && is(first, "last")) delta = -7;
  } else if (direction == 1) {
    delta = (wd - today_wd + 7) % 7;
    if (delta == 0 && is(first, "next")) delta = 7;
  } else {
    const int monday_based = (today_wd + 6) % 7;
    delta = ((wd + 6) % 7) - monday_based;
  }
  const sys_days d = today + days(delta);
  set_range(e, d, d);
  return last;
}

// "October 7", "Oct. 7, 2023", "October 2023", "in October".
size_t Scanner::month_first(size_t i) {
  size_t after = i;
  const int m = month_at(i, after);
  if (m == 0) return i;
  const int d = day_number(after);
  if (d > 0 && !(valid(after + 1) && text(after + 1) == ":")) {
    size_t last = after + 1;
    int y = 0;
    if (valid(last) && text(last) == "," && year_number(last + 1)) {
      y = year_number(last + 1);
      last += 2;
    } else if (year_number(last)) {
      y = year_number(last);
      last += 1;
    }
    day_of_month(i, last, m, d, y);
    return last;
  }
  if (const int y = year_number(after)) {
    DateExpression& e = add(i, after + 1, DateGranularity::kMonth, false);
    const year_month ym = year(y) / month(m);
    set_range(e, sys_days(ym / 1), month_end(ym));
    return after + 1;
  }
  // A month alone is a date only after a word of time ("in October").
  static constexpr std::string_view kBefore[] = {"in",    "since", "by",    "until", "during",
                                                 "last",  "next",  "this",  "early", "late",
                                                 "mid",   "of",    "from",  "before", "after",
                                                 "through", "till", "between", "and"};
  bool after_word = false;
  for (std::string_view w : kBefore) after_word = after_word || is(i - 1, w);
  if (!after_word) return i;
  size_t first = i;
  std::string_view modifier;
  const int direction = direction_before(i, first);
  if (is(i - 1, "early") || is(i - 1, "late") || is(i - 1, "mid")) {
    modifier = is(i - 1, "early") ? "early" : is(i - 1, "late") ? "late" : "mid";
    first = i - 1;
  }
  DateExpression& e = add(first, after, DateGranularity::kMonth, true);
  if (!anchor_) {
    e.value = "XXXX-" + two(static_cast<unsigned>(m));
    return after;
  }
  const year_month ym = year(year_of_month(m, direction, first)) / month(m);
  sys_days a = sys_days(ym / 1), b = month_end(ym);
  if (!modifier.empty()) narrow(modifier, a, b);
  set_range(e, a, b);
  return after;
}

// "7 October 2023", "the 7th of October", "2023-10-07", "in 2019",
// "the 1990s", "three days ago", times.
size_t Scanner::number_first(size_t i) {
  if (!is_number(i)) return i;
  const std::string_view t = text(i);
  // ISO 8601: "2023-10-07" (the tokenizer cuts it at the hyphens).
  if (year_number(i) && is(i + 1, "-") && glued(i + 1) && is_number(i + 2) && glued(i + 2) &&
      text(i + 2).size() == 2 && is(i + 3, "-") && glued(i + 3) && is_number(i + 4) &&
      glued(i + 4) && text(i + 4).size() == 2) {
    const int m = (text(i + 2)[0] - '0') * 10 + (text(i + 2)[1] - '0');
    const int d = (text(i + 4)[0] - '0') * 10 + (text(i + 4)[1] - '0');
    DateExpression& e = add(i, i + 5, DateGranularity::kDay, false);
    set_day(e, year(year_number(i)) / month(m) / day(d));
    return i + 5;
  }
  // "7 October [2023]", "7th of October"
  if (const int d = day_number(i)) {
    size_t at = i + 1;
    if (is(at, "of")) ++at;
    size_t after = at;
    if (const int m = month_at(at, after)) {
      const int y = year_number(after);
      const size_t last = y ? after + 1 : after;
      size_t first = i;
      if (is(i - 1, "the")) first = i - 1;
      day_of_month(first, last, m, d, y);
      return last;
    }
  }
  // Decades: "the 1990s", "the '90s", "the 90s".
  if (t.size() == 5 && t[4] == 's' && year_number(i) == 0) {
    int y = 0;
    bool digits = true;
    for (size_t k = 0; k < 4; ++k) {
      digits = digits && t[k] >= '0' && t[k] <= '9';
      y = y * 10 + (t[k] - '0');
    }
    if (digits && y % 10 == 0 && y >= 1000) {
      size_t first = (is(i - 1, "the") ? i - 1 : i);
      std::string_view modifier;
      for (std::string_view m : {"early", "mid", "late"}) {
        if (is(i - 1, m)) modifier = m;
      }
      if (!modifier.empty()) first = is(i - 2, "the") ? i - 2 : i - 1;
      DateExpression& e = add(first, i + 1, DateGranularity::kDecade, false);
      sys_days a = sys_days(year(y) / 1 / 1), b = sys_days(year(y + 9) / 12 / 31);
      if (!modifier.empty()) narrow(modifier, a, b);
      set_range(e, a, b);
      return i + 1;
    }
  }
  if (t.size() == 3 && t[2] == 's' && t[0] >= '0' && t[0] <= '9' && t[1] == '0' &&
      (is(i - 1, "the") || (is(i - 1, "'") && glued(i) && is(i - 2, "the")) ||
       (is(i - 1, "\xE2\x80\x99") && glued(i) && is(i - 2, "the")))) {
    const int d = t[0] - '0';
    const int y = d >= 3 ? 1900 + d * 10 : 2000 + d * 10;
    const size_t first = is(i - 1, "the") ? i - 1 : i - 2;
    DateExpression& e = add(first, i + 1, DateGranularity::kDecade, false);
    set_range(e, sys_days(year(y) / 1 / 1), sys_days(year(y + 9) / 12 / 31));
    return i + 1;
  }
  // "three days ago" (digits here; words in relative_words).
  if (small_number(i) && is(i + 2, "ago")) return relative_words(i);
  const size_t time_end = time_of_day(i);
  if (time_end != i) return time_end;
  // Years: "in 2019", "since 2014", "2019's", "early 2020".
  if (const int y = year_number(i)) {
    static constexpr std::string_view kBefore[] = {"in",      "since", "by",     "during", "until",
                                                   "till",    "from",  "before", "after",  "through",
                                                   "of",      "early", "late",   "mid",    "between",
                                                   "year",    "spring", "summer", "autumn", "winter"};
    bool date = valid(i + 1) && s_.tokens[i + 1].possessive;
    for (std::string_view w : kBefore) date = date || is(i - 1, w);
    // "between 2019 and 2021", "from 2019 to 2021": the second year.
    if ((is(i - 1, "and") || is(i - 1, "to") || is(i - 1, "-")) && !out_.empty() &&
        out_.back().sentence == sentence_ && out_.back().granularity == DateGranularity::kYear &&
        out_.back().first_token + out_.back().token_count + 1 == i) {
      date = true;
    }
    if (!date) return i;
    size_t first = i;
    std::string_view modifier;
    if (is(i - 1, "early") || is(i - 1, "late") || is(i - 1, "mid")) {
      modifier = is(i - 1, "early") ? "early" : is(i - 1, "late") ? "late" : "mid";
      first = i - 1;
    }
    DateExpression& e = add(first, i + 1, DateGranularity::kYear, false);
    sys_days a = sys_days(year(y) / 1 / 1), b = sys_days(year(y) / 12 / 31);
    if (!modifier.empty()) narrow(modifier, a, b);
    set_range(e, a, b);
    return i + 1;
  }
  return i;
}

}  // namespace tidings::facts::dates_detail
