// Case-insensitive search and whitespace handling (see text_ops.h).
#include "extract/text_ops.h"

namespace tidings::extract_detail {

bool equals_ci(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  }
  return true;
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && equals_ci(s.substr(0, prefix.size()), prefix);
}

bool ends_with_ci(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && equals_ci(s.substr(s.size() - suffix.size()), suffix);
}

bool contains_ci(std::string_view haystack, std::string_view needle) {
  if (needle.empty()) return true;
  if (haystack.size() < needle.size()) return false;
  const char first = needle[0];
  const size_t last = haystack.size() - needle.size();
  for (size_t i = 0; i <= last; ++i) {
    if (ascii_lower(haystack[i]) != first) continue;
    size_t k = 1;
    while (k < needle.size() && ascii_lower(haystack[i + k]) == needle[k]) ++k;
    if (k == needle.size()) return true;
  }
  return false;
}

namespace {
bool is_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
}  // namespace

bool has_token_ci(std::string_view s, std::string_view needle) {
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && !is_alnum(s[i])) ++i;
    const size_t start = i;
    while (i < s.size() && is_alnum(s[i])) ++i;
    if (i > start && equals_ci(s.substr(start, i - start), needle)) return true;
  }
  return false;
}

std::string to_lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

size_t space_length(std::string_view s, size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
  if (c < 0xC2) return 0;
  if (c == 0xC2) {
    return (i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) ? 2 : 0;
  }
  if (i + 2 >= s.size()) return 0;
  const auto c1 = static_cast<unsigned char>(s[i + 1]);
  const auto c2 = static_cast<unsigned char>(s[i + 2]);
  if (c == 0xE2 && c1 == 0x80 &&
      (c2 <= 0x8B || c2 == 0xA8 || c2 == 0xA9 || c2 == 0xAF)) {
    return 3;  // U+2000..U+200B, U+2028, U+2029, U+202F
  }
  if (c == 0xE2 && c1 == 0x81 && c2 == 0x9F) return 3;  // U+205F
  if (c == 0xE3 && c1 == 0x80 && c2 == 0x80) return 3;  // U+3000
  if (c == 0xE1 && c1 == 0x9A && c2 == 0x80) return 3;  // U+1680
  if (c == 0xEF && c1 == 0xBB && c2 == 0xBF) return 3;  // U+FEFF
  return 0;
}

void append_collapsed(std::string& out, std::string_view text) {
  size_t i = 0, run = 0;
  while (i < text.size()) {
    const size_t n = space_length(text, i);
    if (n == 0) {
      ++i;
      continue;
    }
    out.append(text.substr(run, i - run));
    if (!out.empty() && out.back() != ' ') out.push_back(' ');
    i += n;
    while (i < text.size()) {
      const size_t m = space_length(text, i);
      if (m == 0) break;
      i += m;
    }
    run = i;
  }
  out.append(text.substr(run));
}

std::string collapse_whitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  append_collapsed(out, text);
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string_view trim(std::string_view s) {
  size_t start = 0;
  while (start < s.size()) {
    const size_t n = space_length(s, start);
    if (n == 0) break;
    start += n;
  }
  s.remove_prefix(start);
  // Trailing: step back over ASCII spaces and the multi-byte ones above.
  for (;;) {
    if (s.empty()) break;
    const size_t last = s.size() - 1;
    if (space_length(s, last) == 1) {
      s.remove_suffix(1);
    } else if (s.size() >= 2 && space_length(s, s.size() - 2) == 2) {
      s.remove_suffix(2);
    } else if (s.size() >= 3 && space_length(s, s.size() - 3) == 3) {
      s.remove_suffix(3);
    } else {
      break;
    }
  }
  return s;
}

namespace {
// Length of the dash, bullet, arrow or guillemet at `s[i]`, or 0.
size_t mark_length(std::string_view s, size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return is_alnum(s[i]) ? 0 : 1;
  if (i + 1 >= s.size()) return 0;
  const auto c1 = static_cast<unsigned char>(s[i + 1]);
  if (c == 0xC2 && (c1 == 0xAB || c1 == 0xBB || c1 == 0xB7)) return 2;  // « » ·
  if (i + 2 >= s.size()) return 0;
  const auto c2 = static_cast<unsigned char>(s[i + 2]);
  if (c == 0xE2 && c1 == 0x80 && ((c2 >= 0x90 && c2 <= 0x95) || c2 == 0xA2 || c2 == 0xA3 ||
                                  c2 == 0xB9 || c2 == 0xBA)) {
    return 3;  // U+2010..U+2015 dashes, U+2022/3 bullets, U+2039/A angle quotes
  }
  if (c == 0xE2 && c1 == 0x86 && c2 >= 0x90) return 3;                // U+2190.. arrows
  if (c == 0xE2 && (c1 == 0x96 || c1 == 0x97) && c2 >= 0x80) return 3;  // U+2580.. shapes
  return 0;
}
}  // namespace

std::string_view skip_leading_marks(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    size_t n = space_length(s, i);
    if (n == 0) n = mark_length(s, i);
    if (n == 0) break;
    i += n;
  }
  return s.substr(i);
}

size_t visible_length(std::string_view s) {
  size_t n = 0, i = 0;
  while (i < s.size()) {
    const size_t sp = space_length(s, i);
    if (sp > 0) {
      i += sp;
      continue;
    }
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) ++n;
    ++i;
  }
  return n;
}

size_t word_count(std::string_view s) {
  size_t n = 0, i = 0;
  bool in_word = false;
  while (i < s.size()) {
    const size_t sp = space_length(s, i);
    if (sp > 0) {
      in_word = false;
      i += sp;
      continue;
    }
    if (!in_word) ++n;
    in_word = true;
    ++i;
  }
  return n;
}

size_t comma_count(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == ',') {
      ++n;
    } else if (static_cast<unsigned char>(s[i]) == 0xEF && i + 2 < s.size() &&
               static_cast<unsigned char>(s[i + 1]) == 0xBC &&
               static_cast<unsigned char>(s[i + 2]) == 0x8C) {
      ++n;  // U+FF0C fullwidth comma
    } else if (static_cast<unsigned char>(s[i]) == 0xE3 && i + 2 < s.size() &&
               static_cast<unsigned char>(s[i + 1]) == 0x80 &&
               static_cast<unsigned char>(s[i + 2]) == 0x81) {
      ++n;  // U+3001 ideographic comma
    } else if (static_cast<unsigned char>(s[i]) == 0xD8 && i + 1 < s.size() &&
               static_cast<unsigned char>(s[i + 1]) == 0x8C) {
      ++n;  // U+060C Arabic comma
    }
  }
  return n;
}

}  // namespace tidings::extract_detail
