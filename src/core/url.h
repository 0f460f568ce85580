// URLs as RFC 3986 defines them, through libcurl's URL API (curl_url), so
// tidings never parses URLs by hand.
#pragma once

#include <string>
#include <string_view>

namespace tidings {

/// Resolves `ref` against `base` (RFC 3986 §5). Returns "" when the result
/// is not a valid absolute URL. A `ref` that is already absolute is
/// normalised and returned.
std::string resolve_url(std::string_view base, std::string_view ref);

/// True for absolute http:// and https:// URLs with a host: the only ones
/// tidings ever shows as links.
bool is_http_url(std::string_view url);

/// Lower-cased host of an absolute URL ("www.example.com"), "" if none.
std::string url_host(std::string_view url);

/// The path of an absolute URL ("/2023/11/01/story.html"), without query
/// or fragment; "" when the URL does not parse.
std::string url_path(std::string_view url);

/// "file:///abs/path" for a local path (percent-encoding what must be).
std::string file_url(std::string_view absolute_path);

}  // namespace tidings
