// One WARC record's named fields, and the Document (or error) a complete
// record becomes (ISO 28500 §5-6). Private to collect.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "collect/collect.h"

namespace tidings::collect {

struct WarcHeader {
  std::string version;             ///< "WARC/1.0", "WARC/1.1"
  std::string type;                ///< WARC-Type, lower-cased
  std::string target_uri;          ///< WARC-Target-URI without <>
  std::string date;                ///< WARC-Date as written
  std::string content_type;        ///< Content-Type of the block
  std::string content_length;      ///< Content-Length as written ("" if absent)
  std::optional<uint64_t> length;  ///< Content-Length when it is a number
};

/// Parses a header block (version line and fields, without the blank line
/// that ends it). Unknown fields are ignored; folded lines are joined.
WarcHeader parse_warc_header(std::string_view text);

/// True for the records that become documents: `response` records holding
/// an HTTP response to an http(s) URI, and `resource` records for http(s)
/// or file: URIs. Everything else (warcinfo, request, metadata, revisit,
/// conversion, continuation) is skipped without a word.
bool record_wanted(const WarcHeader& header);

/// The item a complete record becomes: nullopt when it is skipped, else a
/// Document or an error naming `origin` (a bad HTTP message inside).
std::optional<InputItem> record_to_item(const WarcHeader& header, std::string_view block,
                                        const std::string& origin, const ReadOptions& options);

/// An error item: message "ORIGIN: TEXT".
InputItem error_item(const std::string& origin, ErrorCode code, const std::string& text);

}  // namespace tidings::collect
