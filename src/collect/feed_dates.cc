// Feed dates: RFC 822 (RSS, RFC 2822 §3.3 and its obsolete forms), W3C-DTF
// (Atom, RFC 3339) and the looser ISO 8601 forms feeds use, with the
// malformations feedparser's date tests collect (2-digit years, named
// zones, missing seconds or zone, wrong or missing day names, asctime).
// A missing zone is UTC. No regex, no allocation.
#include <array>
#include <cctype>
#include <chrono>
#include <cstring>

#include "collect/feed.h"
#include "collect/feed_internal.h"

namespace tidings {
namespace feed {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char lower_ascii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (lower_ascii(a[i]) != lower_ascii(b[i])) return false;
  }
  return true;
}

// Digits only -> value; -1 when empty, not all digits or too long.
int number(std::string_view s) {
  if (s.empty() || s.size() > 9) return -1;
  int v = 0;
  for (char c : s) {
    if (!is_digit(c)) return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

std::optional<Instant> make_instant(int y, int mo, int d, int h, int mi, int s, int offset_minutes) {
  if (y < 1 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > 31) return std::nullopt;
  if (h < 0 || h > 24 || mi < 0 || mi > 59 || s < 0 || s > 60) return std::nullopt;
  if (h == 24 && (mi != 0 || s != 0)) return std::nullopt;
  const std::chrono::year_month_day ymd{year{y}, month{static_cast<unsigned>(mo)},
                                        day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  return Instant{std::chrono::sys_days{ymd}} + std::chrono::hours{h} + std::chrono::minutes{mi} +
         std::chrono::seconds{s} - std::chrono::minutes{offset_minutes};
}

int month_number(std::string_view name) {
  static constexpr std::array<std::string_view, 12> kFull = {
      "january", "february", "march", "april", "may", "june",
      "july", "august", "september", "october", "november", "december"};
  if (name.size() < 3) return 0;
  const char a = lower_ascii(name[0]), b = lower_ascii(name[1]), c = lower_ascii(name[2]);
  for (size_t i = 0; i < kFull.size(); ++i) {
    const std::string_view full = kFull[i];
    if (full[0] != a || full[1] != b || full[2] != c) continue;
    // "January" and "Sept" are fine; "Janxyz" is not a month.
    if (name.size() > full.size()) return 0;
    for (size_t k = 3; k < name.size(); ++k) {
      if (lower_ascii(name[k]) != full[k] && !(k == 3 && i == 8 && name.size() == 4)) return 0;
    }
    return static_cast<int>(i) + 1;
  }
  return 0;
}

// "+hh:mm", "-hhmm", "+hh", "Z" -> minutes east of UTC. Fails on anything else.
std::optional<int> numeric_zone(std::string_view z) {
  if (z == "Z" || z == "z") return 0;
  if (z.size() < 3 || (z[0] != '+' && z[0] != '-')) return std::nullopt;
  const int sign = z[0] == '-' ? -1 : 1;
  z.remove_prefix(1);
  int h = -1, m = 0;
  if (z.size() == 2) {
    h = number(z);
  } else if (z.size() == 4) {
    h = number(z.substr(0, 2));
    m = number(z.substr(2));
  } else if (z.size() == 5 && z[2] == ':') {
    h = number(z.substr(0, 2));
    m = number(z.substr(3));
  } else {
    return std::nullopt;
  }
  if (h < 0 || h > 23 || m < 0 || m > 59) return std::nullopt;
  return sign * (h * 60 + m);
}

// RFC 822 zone names, US ones and the few others feeds use.
std::optional<int> named_zone(std::string_view z) {
  struct Zone {
    const char* name;
    int minutes;
  };
  static constexpr Zone kZones[] = {
      {"gmt", 0},     {"ut", 0},      {"utc", 0},     {"z", 0},       {"etc/gmt", 0},
      {"est", -300},  {"edt", -240},  {"cst", -360},  {"cdt", -300},  {"mst", -420},
      {"mdt", -360},  {"pst", -480},  {"pdt", -420},  {"at", -240},   {"et", -300},
      {"ct", -360},   {"mt", -420},   {"pt", -480},   {"ast", -240},  {"adt", -180},
      {"akst", -540}, {"akdt", -480}, {"hst", -600},  {"bst", 60},    {"ist", 330},
      {"met", 60},    {"mest", 120},  {"cet", 60},    {"cest", 120},  {"eet", 120},
      {"eest", 180},  {"wet", 0},     {"west", 60},   {"jst", 540},   {"kst", 540},
      {"aest", 600},  {"aedt", 660},  {"nzst", 720},  {"nzdt", 780},  {"msk", 180},
  };
  for (const Zone& zone : kZones) {
    if (iequals(z, zone.name)) return zone.minutes;
  }
  return std::nullopt;
}

std::optional<int> any_zone(std::string_view z) {
  if (auto n = numeric_zone(z)) return n;
  if (auto n = named_zone(z)) return n;
  // "GMT-01:01", "UTC+2"
  for (std::string_view prefix : {"GMT", "UTC", "UT"}) {
    if (z.size() > prefix.size() && iequals(z.substr(0, prefix.size()), prefix) &&
        (z[prefix.size()] == '+' || z[prefix.size()] == '-')) {
      return numeric_zone(z.substr(prefix.size()));
    }
  }
  return std::nullopt;
}

// "hh:mm[:ss]" -> h, m, s.
bool parse_clock(std::string_view t, int& h, int& m, int& s) {
  const size_t c1 = t.find(':');
  if (c1 == std::string_view::npos) return false;
  const size_t c2 = t.find(':', c1 + 1);
  h = number(t.substr(0, c1));
  if (c2 == std::string_view::npos) {
    m = number(t.substr(c1 + 1));
    s = 0;
  } else {
    m = number(t.substr(c1 + 1, c2 - c1 - 1));
    s = number(t.substr(c2 + 1));
  }
  return h >= 0 && h <= 24 && m >= 0 && m <= 59 && s >= 0 && s <= 60 && t.size() - c1 <= 6 &&
         c1 <= 2;
}

int widen_year(std::string_view digits, int y) {
  if (digits.size() == 2) return y < 70 ? 2000 + y : 1900 + y;
  if (digits.size() == 3) return 1900 + y;
  return y;
}

}  // namespace

std::string_view trim_space(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

std::optional<Instant> parse_rfc822_date(std::string_view text) {
  // Tokens split at spaces and commas; at most 8 matter.
  std::array<std::string_view, 8> tok;
  size_t n = 0;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == ',' || text[i] == '\t')) ++i;
    const size_t start = i;
    while (i < text.size() && text[i] != ' ' && text[i] != ',' && text[i] != '\t') ++i;
    if (i > start) {
      if (n == tok.size()) return std::nullopt;
      tok[n++] = text.substr(start, i - start);
    }
  }
  size_t k = 0;
  // A leading day name, right or wrong ("Thu", "Thursday", "Thurs.").
  if (k < n && is_alpha(tok[k][0]) && month_number(tok[k]) == 0) ++k;
  if (k >= n) return std::nullopt;
  int y = -1, mo = 0, d = -1, h = 0, mi = 0, s = 0, offset = 0;
  std::string_view year_token, zone_token;
  if (tok[k].find('/') != std::string_view::npos) {  // perforce: "2006/09/15 08:19:53 EDT"
    const std::string_view t = tok[k++];
    const size_t a = t.find('/'), b = t.find('/', a + 1);
    if (b == std::string_view::npos) return std::nullopt;
    year_token = t.substr(0, a);
    y = number(year_token);
    mo = number(t.substr(a + 1, b - a - 1));
    d = number(t.substr(b + 1));
    if (k < n && !parse_clock(tok[k++], h, mi, s)) return std::nullopt;
  } else if (month_number(tok[k]) != 0) {  // "Aug 30 2012 17:26:16" or asctime "Jan 4 16:29:06 2004"
    mo = month_number(tok[k++]);
    if (k >= n) return std::nullopt;
    d = number(tok[k++]);
    if (k < n && tok[k].find(':') != std::string_view::npos) {  // asctime
      if (!parse_clock(tok[k++], h, mi, s)) return std::nullopt;
      if (k + 1 < n) zone_token = tok[k++];
      if (k >= n) return std::nullopt;
      year_token = tok[k++];
    } else {
      if (k >= n) return std::nullopt;
      year_token = tok[k++];
      if (k < n && !parse_clock(tok[k++], h, mi, s)) return std::nullopt;
    }
    y = number(year_token);
  } else {  // "30 Apr 2015 08:57:00 MET"
    d = number(tok[k++]);
    if (k >= n) return std::nullopt;
    mo = month_number(tok[k++]);
    if (k >= n) return std::nullopt;
    year_token = tok[k++];
    y = number(year_token);
    if (k < n && !parse_clock(tok[k++], h, mi, s)) return std::nullopt;
  }
  if (zone_token.empty() && k < n) zone_token = tok[k++];
  if (k != n) return std::nullopt;
  if (y < 0 || mo == 0 || d < 0) return std::nullopt;
  y = widen_year(year_token, y);
  if (!zone_token.empty()) {
    auto z = any_zone(zone_token);
    if (!z) {
      // Unknown zone names are taken as UTC; broken numeric zones fail.
      for (char c : zone_token) {
        if (!is_alpha(c)) return std::nullopt;
      }
      z = 0;
    }
    offset = *z;
  }
  return make_instant(y, mo, d, h, mi, s, offset);
}

std::optional<Instant> parse_w3dtf_date(std::string_view t) {
  // YYYY[-MM[-DD[(T| )hh:mm[:ss[.frac]][ ]zone]]]
  if (t.size() < 4) return std::nullopt;
  const int y = number(t.substr(0, 4));
  if (y < 0 || (t.size() > 4 && t[4] != '-')) return std::nullopt;
  int mo = 1, d = 1, h = 0, mi = 0, s = 0, offset = 0;
  size_t p = 4;
  if (p < t.size()) {
    if (t.size() < 7 || (mo = number(t.substr(5, 2))) < 0) return std::nullopt;
    p = 7;
    if (p < t.size()) {
      if (t[p] != '-' || t.size() < 10 || (d = number(t.substr(8, 2))) < 0) return std::nullopt;
      p = 10;
    }
  }
  if (p < t.size()) {
    if (t[p] != 'T' && t[p] != 't' && t[p] != ' ') return std::nullopt;
    ++p;
    if (t.size() < p + 5 || t[p + 2] != ':') return std::nullopt;
    h = number(t.substr(p, 2));
    mi = number(t.substr(p + 3, 2));
    p += 5;
    if (p < t.size() && t[p] == ':') {
      if (t.size() < p + 3 || (s = number(t.substr(p + 1, 2))) < 0) return std::nullopt;
      p += 3;
      if (p < t.size() && (t[p] == '.' || t[p] == ',')) {
        ++p;
        const size_t start = p;
        while (p < t.size() && is_digit(t[p])) ++p;
        if (p == start) return std::nullopt;
      }
    }
    if (h < 0 || mi < 0 || h > 23 || mi > 59 || s > 60) return std::nullopt;
    if (p < t.size() && t[p] == ' ') ++p;
    if (p < t.size()) {
      const auto z = numeric_zone(t.substr(p));
      if (!z) return std::nullopt;
      offset = *z;
    }
  }
  return make_instant(y, mo, d, h, mi, s, offset);
}

std::optional<Instant> parse_iso8601_date(std::string_view t) {
  // Date part: up to 'T'; time part after it (hh:mm[:ss][zone]).
  const size_t tpos = t.find('T');
  std::string_view date = t.substr(0, tpos);
  const std::string_view clock = tpos == std::string_view::npos ? std::string_view{} : t.substr(tpos + 1);
  int y = -1, mo = 1, d = 1;
  std::array<std::string_view, 3> parts;
  size_t np = 0;
  const bool leading_dash = !date.empty() && date[0] == '-';
  if (leading_dash) date.remove_prefix(1);
  for (size_t start = 0; np < 3;) {
    const size_t dash = date.find('-', start);
    parts[np++] = date.substr(start, dash == std::string_view::npos ? dash : dash - start);
    if (dash == std::string_view::npos) break;
    start = dash + 1;
    if (np == 3) return std::nullopt;
  }
  std::string_view year_digits;
  if (leading_dash) {  // "-YYMM", "-YY-MM": a month of a 2-digit year
    if (np == 1 && parts[0].size() == 4) {
      year_digits = parts[0].substr(0, 2);
      mo = number(parts[0].substr(2));
    } else if (np == 2 && parts[0].size() == 2 && parts[1].size() == 2) {
      year_digits = parts[0];
      mo = number(parts[1]);
    } else {
      return std::nullopt;
    }
  } else if (np == 1) {
    const std::string_view p = parts[0];
    if (p.size() == 8 || p.size() == 6) {  // YYYYMMDD, YYMMDD
      year_digits = p.substr(0, p.size() - 4);
      mo = number(p.substr(p.size() - 4, 2));
      d = number(p.substr(p.size() - 2));
    } else if (p.size() == 7 || p.size() == 5) {  // ordinal YYYYDDD, YYDDD
      year_digits = p.substr(0, p.size() - 3);
      const int yday = number(p.substr(p.size() - 3));
      const int yy = widen_year(year_digits, number(year_digits));
      if (yday < 1 || yday > 366 || yy < 0) return std::nullopt;
      const auto base = make_instant(yy, 1, 1, 0, 0, 0, 0);
      if (!base) return std::nullopt;
      const std::chrono::year_month_day ymd{std::chrono::floor<std::chrono::days>(
          *base + std::chrono::days{yday - 1})};
      mo = static_cast<int>(static_cast<unsigned>(ymd.month()));
      d = static_cast<int>(static_cast<unsigned>(ymd.day()));
      if (static_cast<int>(ymd.year()) != yy) return std::nullopt;
    } else {
      return std::nullopt;
    }
  } else {
    year_digits = parts[0];
    if (year_digits.size() != 2 && year_digits.size() != 4) return std::nullopt;
    if (parts[1].size() > 3 || (parts[1].size() == 3 && parts[1][0] != '0')) return std::nullopt;
    mo = number(parts[1]);
    if (np == 3) d = number(parts[2]);
  }
  y = number(year_digits);
  if (y < 0 || mo < 0 || d < 0) return std::nullopt;
  y = widen_year(year_digits, y);
  int h = 0, mi = 0, s = 0, offset = 0;
  if (!clock.empty()) {
    size_t zone_at = clock.find_first_of("Zz+-");
    std::string_view hms = clock.substr(0, zone_at);
    if (const size_t dot = hms.find('.'); dot != std::string_view::npos) hms = hms.substr(0, dot);
    if (hms.find(':') == std::string_view::npos && (hms.size() == 4 || hms.size() == 6)) {  // basic format
      h = number(hms.substr(0, 2));
      mi = number(hms.substr(2, 2));
      s = hms.size() == 6 ? number(hms.substr(4, 2)) : 0;
      if (h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 60) return std::nullopt;
    } else if (!parse_clock(hms, h, mi, s)) {
      return std::nullopt;
    }
    if (zone_at != std::string_view::npos) {
      const auto z = numeric_zone(clock.substr(zone_at));
      if (!z) return std::nullopt;
      offset = *z;
    }
  }
  return make_instant(y, mo, d, h, mi, s, offset);
}

}  // namespace feed

std::optional<Instant> parse_feed_date(std::string_view text) {
  text = feed::trim_space(text);
  if (text.empty() || text.size() > 80) return std::nullopt;
  if (auto t = feed::parse_w3dtf_date(text)) return t;
  if (auto t = feed::parse_rfc822_date(text)) return t;
  return feed::parse_iso8601_date(text);
}

}  // namespace tidings
