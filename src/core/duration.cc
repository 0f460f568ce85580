// Duration parsing and formatting (see duration.h).
#include "core/duration.h"

namespace tidings {

std::optional<int64_t> parse_duration(std::string_view s) {
  if (s.empty() || s.size() > 32) return std::nullopt;
  int64_t total = 0;
  size_t i = 0;
  while (i < s.size()) {
    int64_t n = 0;
    const size_t start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
      n = n * 10 + (s[i] - '0');
      if (n > 100000000) return std::nullopt;
      ++i;
    }
    if (i == start || i == s.size()) return std::nullopt;  // a number needs a unit
    switch (s[i++]) {
      case 's': total += n; break;
      case 'm': total += n * 60; break;
      case 'h': total += n * 3600; break;
      case 'd': total += n * 86400; break;
      default: return std::nullopt;
    }
  }
  if (total <= 0 || total > 30 * 86400) return std::nullopt;
  return total;
}

std::string format_duration(int64_t seconds) {
  if (seconds <= 0) return "0s";
  std::string out;
  for (const auto& [unit, size] : {std::pair{'d', 86400}, {'h', 3600}, {'m', 60}, {'s', 1}}) {
    if (seconds >= size) {
      out += std::to_string(seconds / size) + unit;
      seconds %= size;
    }
  }
  return out;
}

}  // namespace tidings
