// Private to text/: the steps of charset.h's decision (BOM, HTTP header,
// <meta> prescan, label table) so that each can be tested and read alone.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace tidings::charset_detail {

/// How many leading bytes are searched for a <meta> charset declaration.
constexpr size_t kMetaPrescanBytes = 4096;
/// How many bytes uchardet sees at most.
constexpr size_t kDetectBytes = 64 * 1024;

/// An encoding known by its WHATWG name and the name ICU opens it by.
struct Encoding {
  const char* name;      ///< WHATWG canonical name ("windows-1252")
  const char* icu_name;  ///< name for ucnv_open
};

/// Maps a label as found on the web ("latin1", " ISO-8859-1 ", "x-sjis") to
/// its encoding, following the WHATWG Encoding Standard's label table for the
/// common cases (latin1 and ASCII mean windows-1252, ...). Returns nullptr for
/// labels the table does not know.
const Encoding* find_encoding(std::string_view label);

/// The BOM's encoding and its length, or {nullptr, 0}.
struct BomMatch {
  const Encoding* encoding = nullptr;
  size_t length = 0;
};
BomMatch sniff_bom(std::string_view bytes);

/// The charset parameter of a Content-Type value ("text/html; charset=utf-8"),
/// unquoted, or "" when absent.
std::string charset_from_content_type(std::string_view content_type);

/// The charset an HTML <meta charset> or <meta http-equiv=content-type> declares
/// within the first kMetaPrescanBytes (a simplified form of the WHATWG
/// "prescan a byte stream" algorithm), or "" when there is none.
std::string charset_from_meta(std::string_view bytes);

}  // namespace tidings::charset_detail
