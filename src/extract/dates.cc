// Dates as pages write them in metadata (see metadata.h parse_page_date).
#include <cctype>
#include <string>

#include "core/time.h"
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
std::optional<Instant> parse_words(std::string_view s) {
  const auto words = words_of(s);
  int day = 0, month = 0, year = 0;
  std::string time = "00:00:00", offset = "Z";
  bool pm = false, am = false;
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
    } else if (equals_ci(w, "pm")) {
      pm = true;
    } else if (equals_ci(w, "am")) {
      am = true;
    } else if ((w[0] == '+' || w[0] == '-') && w.size() == 5 && all_digits(w.substr(1))) {
      offset = std::string(w.substr(0, 3)) + ":" + std::string(w.substr(3));
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
  return parse_iso8601(std::to_string(year) + "-" + two(month) + "-" + two(day) + "T" + time +
                       offset);
}

}  // namespace

std::optional<Instant> parse_page_date(std::string_view text) {
  const std::string_view s = trim(text);
  if (s.empty() || s.size() > 64) return std::nullopt;
  if (auto t = parse_iso8601(s)) return t;
  // "2023/11/01 18:40", "2023.11.01"
  if (s.size() >= 10 && all_digits(s.substr(0, 4)) && (s[4] == '/' || s[4] == '.') &&
      s[7] == s[4]) {
    std::string iso(s);
    iso[4] = '-';
    iso[7] = '-';
    if (auto t = parse_iso8601(iso)) return t;
  }
  if (all_digits(s)) {
    if (s.size() == 8) return parse_iso8601(std::string(s.substr(0, 4)) + "-" +
                                            std::string(s.substr(4, 2)) + "-" +
                                            std::string(s.substr(6, 2)));
    if (s.size() == 10 || s.size() == 13) {  // Unix seconds or milliseconds
      const long long v = std::stoll(std::string(s.substr(0, 10)));
      if (v >= 0) return Instant{std::chrono::seconds{v}};
    }
    return std::nullopt;
  }
  return parse_words(s);
}

}  // namespace tidings::extract_detail
