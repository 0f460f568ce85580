// The HTTP response inside a WARC `response` record (RFC 9112 message
// syntax): status, raw headers, and the body with its transfer coding
// (chunked) and content codings (gzip, deflate) removed. Private to collect.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.h"

namespace tidings::collect {

struct HttpResponse {
  int status = 0;
  std::string headers;       ///< status line and header lines as recorded, without the blank line
  std::string content_type;  ///< first Content-Type value, trimmed
  std::string body;          ///< decoded: dechunked, then content codings undone
};

/// Parses `message` (status line, headers, blank line, body). The decoded
/// body never grows past `max_body_bytes`: a compression bomb is a
/// kTooLarge error. A body cut short (truncated capture) keeps what was
/// there; unknown content codings (br, zstd) are kInvalidInput errors.
Result<HttpResponse> parse_http_response(std::string_view message, size_t max_body_bytes);

/// RFC 9112 §7.1 chunked body. nullopt when `body` does not start with a
/// chunk-size line (some writers store the decoded body but keep the
/// header); a body cut short keeps the chunks before the cut.
std::optional<std::string> decode_chunked(std::string_view body);

/// Inflates gzip (RFC 1952, members back to back), zlib (RFC 1950) or raw
/// deflate (RFC 1951, `raw` true) data, stopping with kTooLarge past
/// `max_out` bytes. Input that ends early yields what was inflated.
Result<std::string> inflate_bounded(std::string_view data, bool raw, size_t max_out);

}  // namespace tidings::collect
