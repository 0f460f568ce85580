// Bytes of unknown encoding -> UTF-8. The charset is taken, in order, from
// a byte-order mark, the HTTP Content-Type header, an HTML <meta> in the
// first 4 KiB, else detected from up to 64 KiB starting just before the
// first non-ASCII byte (well-formed UTF-8 is taken as UTF-8, anything
// else goes to uchardet); conversion is ICU's (ucnv). A declared legacy
// charset loses to bytes that are well-formed UTF-8 with non-ASCII text in
// them (a mislabelled page; charset_source is then "detected"). Labels are mapped as
// the WHATWG Encoding Standard says (latin1 and ASCII mean windows-1252).
// Invalid sequences become U+FFFD and are counted, never fatal. Thread-safe;
// output is at most about three times the input.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/error.h"

namespace tidings {

struct DecodedText {
  std::string utf8;
  std::string charset;         ///< canonical name used ("UTF-8", "windows-1252", ...)
  std::string charset_source;  ///< "bom", "http", "meta", "detected", "default"
  size_t replaced = 0;         ///< invalid sequences replaced with U+FFFD
  size_t invalid_bytes = 0;    ///< input bytes inside those sequences
};

/// Never fails on content; fails only when the converter cannot be opened.
Result<DecodedText> decode_html_bytes(std::string_view bytes, std::string_view content_type);

/// True when `bytes` is well-formed UTF-8.
bool is_valid_utf8(std::string_view bytes);

}  // namespace tidings
