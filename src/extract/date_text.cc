// English dates in running text (see visible_dates.h find_date_in_text):
// the text is cut into number, word and punctuation tokens, and the date
// shapes pages use are matched on the tokens, so that weekdays, labels
// ("Published", "Posted on") and separators around a date cost nothing.
#include <array>
#include <chrono>
#include <cstdint>
#include <utility>

#include "extract/text_ops.h"
#include "extract/visible_dates.h"

namespace tidings::extract_detail {

namespace {

constexpr size_t kMaxTextBytes = 256;

struct Token {
  enum Kind : uint8_t { kNumber, kWord, kPunct, kOther } kind = kOther;
  size_t begin = 0, end = 0;
  int value = 0;  // kNumber: the value (capped); kPunct: the character
  int digits = 0;
  std::string_view text;
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::vector<Token> tokenize(std::string_view s) {
  std::vector<Token> out;
  size_t i = 0;
  while (i < s.size()) {
    if (const size_t sp = space_length(s, i); sp > 0) {
      i += sp;
      continue;
    }
    Token t;
    t.begin = i;
    const char c = s[i];
    if (is_digit(c)) {
      t.kind = Token::kNumber;
      while (i < s.size() && is_digit(s[i])) {
        if (t.digits < 9) t.value = t.value * 10 + (s[i] - '0');
        ++t.digits;
        ++i;
      }
    } else if (is_letter(c)) {
      t.kind = Token::kWord;
      while (i < s.size() && is_letter(s[i])) ++i;
    } else if (static_cast<unsigned char>(c) < 0x80) {
      t.kind = Token::kPunct;
      t.value = c;
      ++i;
    } else {
      ++i;  // one UTF-8 sequence
      while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
    }
    t.end = i;
    t.text = s.substr(t.begin, t.end - t.begin);
    out.push_back(t);
  }
  return out;
}

int month_of(const Token& t) {
  static constexpr std::array<std::string_view, 12> kNames = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  if (t.kind != Token::kWord || t.text.size() < 3) return 0;
  for (int m = 0; m < 12; ++m) {
    if (equals_ci(t.text, kNames[m]) || equals_ci(t.text, kNames[m].substr(0, 3))) return m + 1;
  }
  if (equals_ci(t.text, "sept")) return 9;
  // German names that are not English ones ("25. September 2018" is).
  static constexpr std::array<std::pair<std::string_view, int>, 7> kGerman = {{
      {"januar", 1}, {"februar", 2}, {"mai", 5}, {"juni", 6}, {"juli", 7}, {"oktober", 10},
      {"dezember", 12}}};
  for (const auto& [name, m] : kGerman) {
    if (equals_ci(t.text, name)) return m;
  }
  return 0;
}

// Zone abbreviations pages print after a time, in minutes east of UTC.
struct Zone {
  std::string_view name;
  int minutes;
};
constexpr Zone kZones[] = {
    {"gmt", 0},     {"utc", 0},     {"ut", 0},      {"wet", 0},     {"bst", 60},
    {"west", 60},   {"cet", 60},    {"wat", 60},    {"cest", 120},  {"eet", 120},
    {"cat", 120},   {"sast", 120},  {"eest", 180},  {"msk", 180},   {"eat", 180},
    {"pkt", 300},   {"sgt", 480},   {"hkt", 480},   {"awst", 480},  {"jst", 540},
    {"kst", 540},   {"aest", 600},  {"aedt", 660},  {"nzst", 720},  {"nzdt", 780},
    {"est", -300},  {"edt", -240},  {"et", -300},   {"cst", -360},  {"cdt", -300},
    {"ct", -360},   {"mst", -420},  {"mdt", -360},  {"mt", -420},   {"pst", -480},
    {"pdt", -420},  {"pt", -480},   {"akst", -540}, {"akdt", -480}, {"hst", -600},
};

class Matcher {
 public:
  explicit Matcher(const std::vector<Token>& t) : t_(t) {}

  bool number(size_t i, int max_digits, int lo, int hi) const {
    return i < t_.size() && t_[i].kind == Token::kNumber && t_[i].digits <= max_digits &&
           t_[i].value >= lo && t_[i].value <= hi;
  }
  bool year(size_t i) const { return number(i, 4, 1000, 2999) && t_[i].digits == 4; }
  bool punct(size_t i, char c) const {
    return i < t_.size() && t_[i].kind == Token::kPunct && t_[i].value == c;
  }
  bool word(size_t i, std::string_view w) const {
    return i < t_.size() && t_[i].kind == Token::kWord && equals_ci(t_[i].text, w);
  }
  bool adjacent(size_t i) const { return i > 0 && i < t_.size() && t_[i].begin == t_[i - 1].end; }
  int value(size_t i) const { return t_[i].value; }
  size_t size() const { return t_.size(); }
  const Token& operator[](size_t i) const { return t_[i]; }

  // A day number, with "th"/"st"/"nd"/"rd" glued on; the index after it.
  size_t day(size_t i) const {
    if (!number(i, 2, 1, 31)) return 0;
    ++i;
    if (adjacent(i) && (word(i, "st") || word(i, "nd") || word(i, "rd") || word(i, "th"))) ++i;
    return i;
  }

 private:
  const std::vector<Token>& t_;
};

struct Ymd {
  int y = 0, m = 0, d = 0;
  size_t next = 0;  // token after the date
};

// "13 December 2008", "13th of Dec. 2008", "13-Dec-2008", "13. Dezember 2008".
std::optional<Ymd> day_month_year(const Matcher& t, size_t i) {
  size_t j = t.day(i);
  if (j == 0) return std::nullopt;
  if (t.punct(j, '-') || t.punct(j, '.')) ++j;
  if (t.word(j, "of")) ++j;
  const int m = j < t.size() ? month_of(t[j]) : 0;
  if (m == 0) return std::nullopt;
  ++j;
  if (t.punct(j, '.')) ++j;
  if (t.punct(j, ',') || t.punct(j, '-')) ++j;
  if (!t.year(j)) return std::nullopt;
  return Ymd{t.value(j), m, t.value(i), j + 1};
}

// "December 13, 2008", "Dec. 13 2008", "Dec 13th, 2008".
std::optional<Ymd> month_day_year(const Matcher& t, size_t i) {
  const int m = month_of(t[i]);
  if (m == 0) return std::nullopt;
  size_t j = i + 1;
  if (t.punct(j, '.')) ++j;
  const size_t day_at = j;
  j = t.day(j);
  if (j == 0) return std::nullopt;
  if (t.punct(j, ',')) ++j;
  if (!t.year(j)) return std::nullopt;
  return Ymd{t.value(j), m, t.value(day_at), j + 1};
}

// "2008-12-13", "2008/12/13", "2008.12.13".
std::optional<Ymd> year_month_day(const Matcher& t, size_t i) {
  if (!t.year(i) || i + 4 >= t.size()) return std::nullopt;
  const char sep = static_cast<char>(t[i + 1].value);
  if (!(t.punct(i + 1, '-') || t.punct(i + 1, '/') || t.punct(i + 1, '.')) ||
      !t.punct(i + 3, sep) || !t.number(i + 2, 2, 1, 12) || !t.number(i + 4, 2, 1, 31) ||
      !t.adjacent(i + 2) || !t.adjacent(i + 4)) {
    return std::nullopt;
  }
  return Ymd{t.value(i), t.value(i + 2), t.value(i + 4), i + 5};
}

// "13/12/2008" or "12/13/2008": only when one number is over 12, which
// tells the day from the month.
std::optional<Ymd> numeric_day_first_or_last(const Matcher& t, size_t i) {
  if (!t.number(i, 2, 1, 31) || i + 4 >= t.size()) return std::nullopt;
  const char sep = static_cast<char>(t[i + 1].value);
  if (!(t.punct(i + 1, '/') || t.punct(i + 1, '.') || t.punct(i + 1, '-')) ||
      !t.punct(i + 3, sep) || !t.number(i + 2, 2, 1, 31) || !t.year(i + 4) ||
      !t.adjacent(i + 2) || !t.adjacent(i + 4)) {
    return std::nullopt;
  }
  const int a = t.value(i), b = t.value(i + 2);
  if (a > 12 && b <= 12) return Ymd{t.value(i + 4), b, a, i + 5};
  if (b > 12 && a <= 12) return Ymd{t.value(i + 4), a, b, i + 5};
  return std::nullopt;
}

struct Time {
  int seconds = 0;         // since midnight, local
  int offset_minutes = 0;  // east of UTC
  bool zone = false;       // a zone or offset was written
  size_t next = 0;
};

// "+0300", "+03:00", "-5" (`short_ok`: after a zone name only).
size_t offset_at(const Matcher& t, size_t i, bool short_ok, int& minutes) {
  if (!(t.punct(i, '+') || t.punct(i, '-')) || i + 1 >= t.size() || !t.adjacent(i + 1)) return 0;
  const int sign = t.punct(i, '-') ? -1 : 1;
  if (t.number(i + 1, 4, 0, 1400) && t[i + 1].digits == 4) {
    minutes = sign * (t.value(i + 1) / 100 * 60 + t.value(i + 1) % 100);
    return i + 2;
  }
  if (t.number(i + 1, 2, 0, 14) && t.punct(i + 2, ':') && t.number(i + 3, 2, 0, 59)) {
    minutes = sign * (t.value(i + 1) * 60 + t.value(i + 3));
    return i + 4;
  }
  if (short_ok && t.number(i + 1, 2, 0, 14)) {
    minutes = sign * t.value(i + 1) * 60;
    return i + 2;
  }
  return 0;
}

// "10:45", "10:45:30", "3:26 p.m.", "10.45am", then a zone.
std::optional<Time> time_at(const Matcher& t, size_t i) {
  if (!t.number(i, 2, 0, 23) || !(t.punct(i + 1, ':') || t.punct(i + 1, '.')) ||
      !t.number(i + 2, 2, 0, 59) || t[i + 2].digits != 2 || !t.adjacent(i + 1) ||
      !t.adjacent(i + 2)) {
    return std::nullopt;
  }
  int hour = t.value(i), minute = t.value(i + 2), second = 0;
  size_t j = i + 3;
  if (t.punct(j, t[i + 1].value) && t.number(j + 1, 2, 0, 60) && t.adjacent(j + 1)) {
    second = t.value(j + 1);
    j += 2;
  }
  bool am = false, pm = false;
  if (t.word(j, "am") || t.word(j, "pm")) {
    pm = t.word(j, "pm");
    am = !pm;
    ++j;
  } else if ((t.word(j, "a") || t.word(j, "p")) && t.punct(j + 1, '.') && t.word(j + 2, "m")) {
    pm = t.word(j, "p");
    am = !pm;
    j += t.punct(j + 3, '.') ? 4 : 3;
  }
  if (hour == 0 || hour > 12) am = pm = false;  // "17:19 PM": the clock says it all
  if (pm && hour < 12) hour += 12;
  if (am && hour == 12) hour = 0;
  Time out;
  out.seconds = hour * 3600 + minute * 60 + second;
  if (j < t.size() && t[j].kind == Token::kWord) {
    for (const Zone& z : kZones) {
      if (!equals_ci(t[j].text, z.name)) continue;
      out.offset_minutes = z.minutes;
      out.zone = true;
      ++j;
      int extra = 0;
      if (const size_t k = offset_at(t, j, true, extra); k > 0) {  // "GMT+3"
        out.offset_minutes += extra;
        j = k;
      }
      break;
    }
  } else if (const size_t k = offset_at(t, j, false, out.offset_minutes); k > 0) {
    j = k;
    out.zone = true;
  }
  out.next = j;
  return out;
}

// Separators between a date and its time: ", ", " at ", " - ", " | ", "T".
size_t skip_connectors(const Matcher& t, size_t i) {
  for (int n = 0; n < 2 && i < t.size(); ++n) {
    const Token& k = t[i];
    const bool connector =
        k.kind == Token::kOther || t.word(i, "at") || t.word(i, "on") || t.word(i, "t") ||
        (k.kind == Token::kPunct && (k.value == ',' || k.value == '-' || k.value == '|' ||
                                     k.value == '@' || k.value == '/' || k.value == '('));
    if (!connector) break;
    ++i;
  }
  return i;
}

}  // namespace

std::optional<TextDate> find_date_in_text(std::string_view text) {
  if (text.size() > kMaxTextBytes) text = text.substr(0, kMaxTextBytes);
  const std::vector<Token> tokens = tokenize(text);
  const Matcher t(tokens);
  for (size_t i = 0; i < t.size(); ++i) {
    std::optional<Ymd> d;
    if (t[i].kind == Token::kNumber) {
      d = day_month_year(t, i);
      if (!d) d = year_month_day(t, i);
      if (!d) d = numeric_day_first_or_last(t, i);
    } else if (t[i].kind == Token::kWord) {
      d = month_day_year(t, i);
    }
    if (!d) continue;
    const std::chrono::year_month_day ymd{std::chrono::year{d->y},
                                          std::chrono::month{static_cast<unsigned>(d->m)},
                                          std::chrono::day{static_cast<unsigned>(d->d)}};
    if (!ymd.ok()) continue;
    size_t start = i, end = d->next;
    std::optional<Time> time = time_at(t, skip_connectors(t, d->next));
    if (time) {
      end = time->next;
    } else {
      // "10:45 GMT, 13 December 2008": a time just before the date.
      for (size_t k = i > 10 ? i - 10 : 0; k < i && !time; ++k) {
        auto before = time_at(t, k);
        if (before && skip_connectors(t, before->next) == i) {
          time = before;
          start = k;
        }
      }
    }
    TextDate out;
    out.when = std::chrono::sys_days{ymd};
    if (time) {
      out.when += std::chrono::seconds{time->seconds} - std::chrono::minutes{time->offset_minutes};
      out.has_time = true;
      out.has_zone = time->zone;
      out.offset_minutes = time->offset_minutes;
    }
    out.start = t[start].begin;
    out.end = t[end - 1].end;
    return out;
  }
  return std::nullopt;
}

}  // namespace tidings::extract_detail
