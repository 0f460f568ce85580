// Dates as pages write them in metadata (see metadata.h parse_page_date).
#include <cctype>
#include <string>

#include "core/time.h"
#include "extract/dates.h"
#include "extract/metadata.h"
#include "extract/text_ops.h"

namespace tidings::extract_detail {

namespace {

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

int month_number(std::string_view word) {
  static constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                 "jul", "aug", "sep", "oct", "nov", "dec"};
  if (word.size() < 3) return 0;
  for (int i = 0; i < 12; ++i) {
    if (starts_with_ci(word, kMonths[i])) return i + 1;
  }
  return 0;
}

std::string two(int v) {
  std::string s = std::to_string(v);
  return s.size() < 2 ? "0" + s : s;
}

// Splits on spaces, commas and dots ("Wed, 01 Nov 2023 18:40:00 GMT").
std::vector<std::string_view> words_of(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size() && out.size() < 12) {
    while (i < s.size() && (s[i] == ' ' || s[i] == ',' || s[i] == '.')) ++i;
    const size_t start = i;
    while (i < s.size() && s[i] != ' ' && s[i] != ',') ++i;
    if (i > start) out.push_back(s.substr(start, i - start));
  }
  return out;
}

// "Wed, 01 Nov 2023 18:40:00 GMT", "1 November 2023", "November 1, 2023 6:40 PM".
std::optional<PageDate> parse_words(std::string_view s) {
  const auto words = words_of(s);
  int day = 0, month = 0, year = 0;
  std::string time = "00:00:00", offset = "Z";
  bool pm = false, am = false;
  PageDate out;
  for (std::string_view w : words) {
    if (all_digits(w) && w.size() == 4) {
      year = std::stoi(std::string(w));
    } else if (all_digits(w) && w.size() <= 2) {
      if (day == 0) day = std::stoi(std::string(w));
    } else if (w.find(':') != std::string_view::npos && std::isdigit(static_cast<unsigned char>(w[0]))) {
      std::string t(w);
      if (t.size() == 4 || t.size() == 7) t = "0" + t;  // "6:40", "6:40:00"
      if (t.size() == 5) t += ":00";
      time = t.substr(0, 8);
      out.has_time = true;
    } else if (equals_ci(w, "pm")) {
      pm = true;
    } else if (equals_ci(w, "am")) {
      am = true;
    } else if ((w[0] == '+' || w[0] == '-') && w.size() == 5 && all_digits(w.substr(1))) {
      offset = std::string(w.substr(0, 3)) + ":" + std::string(w.substr(3));
      out.has_offset = out.numeric_offset = true;
      const int v = std::stoi(std::string(w.substr(1)));
      out.offset_minutes = (w[0] == '-' ? -1 : 1) * (v / 100 * 60 + v % 100);
    } else if (equals_ci(w, "gmt") || equals_ci(w, "utc") || equals_ci(w, "z")) {
      out.has_offset = true;
    } else if (w.size() == 8 && (starts_with_ci(w, "gmt") || starts_with_ci(w, "utc")) &&
               (w[3] == '+' || w[3] == '-') && all_digits(w.substr(4))) {
      // "GMT+0000", as JavaScript's Date.toString() writes it
      offset = std::string(w.substr(3, 3)) + ":" + std::string(w.substr(6));
      const int v = std::stoi(std::string(w.substr(4)));
      out.has_offset = out.numeric_offset = true;
      out.offset_minutes = (w[3] == '-' ? -1 : 1) * (v / 100 * 60 + v % 100);
    } else if (month == 0) {
      month = month_number(w);
    }
  }
  if (day == 0 || month == 0 || year == 0 || time.size() != 8) return std::nullopt;
  if (pm || am) {
    int hour = std::atoi(time.substr(0, 2).c_str());
    if (pm && hour < 12) hour += 12;
    if (am && hour == 12) hour = 0;
    time = two(hour) + time.substr(2);
  }
  auto t = parse_iso8601(std::to_string(year) + "-" + two(month) + "-" + two(day) + "T" + time +
                         offset);
  if (!t) return std::nullopt;
  out.when = *t;
  return out;
}

// The offset at the end of an ISO 8601 time that has one: "Z" or "+03:30".
void read_iso_offset(std::string_view s, PageDate& out) {
  out.has_offset = true;
  if (s.back() == 'Z' || s.back() == 'z') return;
  const size_t at = s.find_last_of("+-");
  if (at == std::string_view::npos || at < 10) return;
  int digits = 0, value = 0;
  for (char c : s.substr(at + 1)) {
    if (c == ':') continue;
    value = value * 10 + (c - '0');
    ++digits;
  }
  if (digits == 2) value *= 100;
  out.numeric_offset = true;
  out.offset_minutes = (s[at] == '-' ? -1 : 1) * (value / 100 * 60 + value % 100);
}

}  // namespace

std::optional<PageDate> read_page_date(std::string_view text) {
  const std::string_view s = trim(text);
  if (s.empty() || s.size() > 64) return std::nullopt;
  PageDate out;
  auto iso = [&](std::string_view v) -> std::optional<PageDate> {
    bool had_offset = false;
    auto t = parse_iso8601(v, &had_offset);
    if (!t) return std::nullopt;
    out.when = *t;
    out.has_time = v.size() > 10;
    if (had_offset) read_iso_offset(v, out);
    return out;
  };
  if (auto d = iso(s)) return d;
  // "2023/11/01 18:40", "2023.11.01"
  if (s.size() >= 10 && all_digits(s.substr(0, 4)) && (s[4] == '/' || s[4] == '.') &&
      s[7] == s[4]) {
    std::string dashed(s);
    dashed[4] = '-';
    dashed[7] = '-';
    if (auto d = iso(dashed)) return d;
  }
  if (all_digits(s)) {
    if (s.size() == 8) {
      return iso(std::string(s.substr(0, 4)) + "-" + std::string(s.substr(4, 2)) + "-" +
                 std::string(s.substr(6, 2)));
    }
    if (s.size() == 10 || s.size() == 13) {  // Unix seconds or milliseconds: UTC by definition
      const long long v = std::stoll(std::string(s.substr(0, 10)));
      if (v < 0) return std::nullopt;
      out.when = Instant{std::chrono::seconds{v}};
      out.has_time = out.has_offset = true;
      return out;
    }
    return std::nullopt;
  }
  return parse_words(s);
}

std::optional<Instant> parse_page_date(std::string_view text) {
  auto d = read_page_date(text);
  return d ? std::optional<Instant>(d->when) : std::nullopt;
}

}  // namespace tidings::extract_detail
