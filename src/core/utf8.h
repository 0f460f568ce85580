// UTF-8 well-formedness, shared by the charset decoder (text) and the HTML
// escaper (serve) so the two agree on what is valid (Unicode §3.9).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace tidings {

/// Length of the well-formed UTF-8 sequence at `s[i]`, or 0 when ill-formed
/// (overlong forms, surrogates and code points past U+10FFFF included). On
/// 0, `bad` is the length of the maximal subpart to replace with one U+FFFD
/// ("U+FFFD substitution of maximal subparts"), at least 1. Inline: the
/// validators run it on every non-ASCII character of every page and feed.
inline size_t utf8_sequence(std::string_view s, size_t i, size_t& bad) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return 1;
  size_t need = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // bounds for the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    need = 1;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    need = 2;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    need = 3;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    bad = 1;
    return 0;
  }
  for (size_t k = 1; k <= need; ++k) {
    if (i + k >= s.size()) {
      bad = k;
      return 0;
    }
    const auto b = static_cast<unsigned char>(s[i + k]);
    const unsigned char l = k == 1 ? lo : 0x80, h = k == 1 ? hi : 0xBF;
    if (b < l || b > h) {
      bad = k;
      return 0;
    }
  }
  return need + 1;
}


/// Code points in UTF-8 text (continuation bytes not counted), as SQLite's
/// LENGTH() counts the characters of a text value.
size_t utf8_length(std::string_view s);

/// Appends code point `cp` (at most U+10FFFF) as UTF-8.
void append_utf8(std::string& out, unsigned cp);

}  // namespace tidings
