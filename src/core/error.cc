// Names for error codes, as they appear in JSON and in `tidings failures`.
#include "core/error.h"

namespace tidings {

const char* error_code_name(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidInput: return "invalid_input";
    case ErrorCode::kTooLarge: return "too_large";
    case ErrorCode::kTooDeep: return "too_deep";
    case ErrorCode::kTruncated: return "truncated";
    case ErrorCode::kNotFound: return "not_found";
    case ErrorCode::kIo: return "io";
    case ErrorCode::kStore: return "store";
    case ErrorCode::kInternal: return "internal";
    case ErrorCode::kBlocked: return "blocked";
    case ErrorCode::kPaywalled: return "paywalled";
    case ErrorCode::kNeedsJavascript: return "needs_javascript";
    case ErrorCode::kEmptyPage: return "empty";
  }
  return "internal";
}

}  // namespace tidings
