// Small string operations on header fields (WARC and HTTP share the
// "Name: value" syntax of RFC 9110 §5). Private to collect.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tidings::collect {

/// `s` without leading and trailing spaces, tabs, CR and LF.
std::string_view trim(std::string_view s);

/// ASCII lower case.
std::string lower(std::string_view s);

/// True when `s` ends with `suffix`, ignoring ASCII case.
bool ends_with_nocase(std::string_view s, std::string_view suffix);

/// Lines split at LF, each without its CR.
std::vector<std::string_view> split_lines(std::string_view s);

/// "gzip, Chunked" -> {"gzip", "chunked"}: lower-cased, empty items dropped.
std::vector<std::string> list_tokens(std::string_view list);

/// At most `max` characters of `s` for an error message: control and
/// non-ASCII bytes become '?', and "..." marks a cut.
std::string printable(std::string_view s, size_t max);

}  // namespace tidings::collect
