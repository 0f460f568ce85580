// The one error model at module boundaries: a code a program can branch on
// and a message a person can act on, carried in tl::expected (leveldb's
// Status, simdjson's error_code; see STYLE.md §3). Exceptions never cross a
// module's public header.
#pragma once

#include <string>
#include <utility>

#include <tl/expected.hpp>

namespace tidings {

enum class ErrorCode {
  kInvalidInput,   ///< the input is not what the stage accepts (not HTML, bad WARC, ...)
  kTooLarge,       ///< a size bound was hit
  kTooDeep,        ///< a nesting bound was hit
  kTruncated,      ///< the input ended early (truncated gzip, short record)
  kNotFound,       ///< no such id / file
  kIo,             ///< the operating system said no
  kStore,          ///< the database said no
  kInternal,       ///< a bug: tell us
  // A page read correctly that is not an article (PageKind, core/types.h):
  kBlocked,        ///< HTTP 403/429/451 or a bot challenge
  kPaywalled,      ///< a paywall's teaser
  kNeedsJavascript,///< an empty shell filled by scripts
  kEmptyPage,      ///< no text, or too little to be an article
};

/// A short stable name for an error code ("invalid_input", "too_large", ...).
const char* error_code_name(ErrorCode code);

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;  ///< one line, lower case, no trailing period

  Error() = default;
  Error(ErrorCode c, std::string m) : code(c), message(std::move(m)) {}
};

template <typename T>
using Result = tl::expected<T, Error>;

/// `return fail(ErrorCode::kIo, "cannot open " + path);`
inline tl::unexpected<Error> fail(ErrorCode code, std::string message) {
  return tl::unexpected<Error>(Error(code, std::move(message)));
}

}  // namespace tidings
