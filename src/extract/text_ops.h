// Small string operations the extractor runs in its hot loops: ASCII
// case-insensitive search (no std::regex, no allocation) and whitespace
// collapsing that knows the Unicode spaces pages use (U+00A0, U+2000..).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace tidings::extract_detail {

inline char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

bool equals_ci(std::string_view a, std::string_view b);
bool starts_with_ci(std::string_view s, std::string_view prefix);
bool ends_with_ci(std::string_view s, std::string_view suffix);
/// `needle` must be lower case.
bool contains_ci(std::string_view haystack, std::string_view needle);
/// True when `needle` (lower case) is one of the tokens of `s`, tokens being
/// split at anything but ASCII letters and digits ("post-ad_2" has "post",
/// "ad", "2").
bool has_token_ci(std::string_view s, std::string_view needle);
std::string to_lower_ascii(std::string_view s);

/// Length in bytes of the whitespace character at `s[i]` (ASCII spaces,
/// U+00A0, U+1680, U+2000..U+200B, U+2028/9, U+202F, U+205F, U+3000,
/// U+FEFF), or 0.
size_t space_length(std::string_view s, size_t i);

/// Appends `text` to `out` with every run of whitespace made one ASCII
/// space; no space at the very start of `out`. `out` keeps a trailing space
/// when `text` ends with one, so inline pieces join correctly.
void append_collapsed(std::string& out, std::string_view text);

/// Whitespace collapsed and trimmed.
std::string collapse_whitespace(std::string_view text);

/// Trims ASCII and Unicode whitespace at both ends.
std::string_view trim(std::string_view s);

/// `s` without leading whitespace, ASCII punctuation, dashes (U+2010..U+2015),
/// bullets and arrows: "\u2014 Source: X" -> "Source: X", "\u25BA Read more" ->
/// "Read more". Letters, digits and anything else non-ASCII stop it.
std::string_view skip_leading_marks(std::string_view s);

/// Characters (code points) that are not whitespace.
size_t visible_length(std::string_view s);

/// Words: runs of non-whitespace.
size_t word_count(std::string_view s);

/// Commas in prose: ',' and the CJK/Arabic forms.
size_t comma_count(std::string_view s);

}  // namespace tidings::extract_detail
