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
/// ("U+FFFD substitution of maximal subparts"), at least 1.
size_t utf8_sequence(std::string_view s, size_t i, size_t& bad);

/// Code points in UTF-8 text (continuation bytes not counted), as SQLite's
/// LENGTH() counts the characters of a text value.
size_t utf8_length(std::string_view s);

/// Appends code point `cp` (at most U+10FFFF) as UTF-8.
void append_utf8(std::string& out, unsigned cp);

}  // namespace tidings
