// The article's language as an ISO 639-1 code, detected with CLD2 on its
// text, with the page's declared language as a hint and a fallback.
#pragma once

#include <string>
#include <string_view>

namespace tidings::extract_detail {

/// `text` must be valid UTF-8. `declared` is a two-letter code or "".
/// Returns "" when neither CLD2 nor the page can tell.
std::string detect_language(std::string_view title, std::string_view text,
                            const std::string& declared);

}  // namespace tidings::extract_detail
