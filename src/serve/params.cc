// Strict parsing of query parameters and path ids (see handlers.h): query
// strings are hostile, so integers go through std::from_chars with bounds.
#include <charconv>
#include <cstdint>
#include <iterator>

#include "serve/handlers.h"

namespace tidings::serve {

namespace {

std::string range_message(std::string_view name, int64_t min, int64_t max) {
  return std::string(name) + " must be an integer from " + std::to_string(min) + " to " +
         std::to_string(max);
}

// The single value of `name`, nullopt when absent, an error when repeated.
Result<std::optional<std::string>> single_value(const QueryParams& params,
                                                const std::string& name) {
  const auto [first, last] = params.equal_range(name);
  if (first == last) return std::optional<std::string>();
  if (std::next(first) != last) {
    return fail(ErrorCode::kInvalidInput, name + " is given more than once");
  }
  return std::optional<std::string>(first->second);
}

Result<std::optional<int64_t>> optional_int(const QueryParams& params, const std::string& name,
                                            int64_t min, int64_t max) {
  auto value = single_value(params, name);
  if (!value) return tl::unexpected(value.error());
  if (!*value) return std::optional<int64_t>();
  auto parsed = parse_bounded_int(**value, name, min, max);
  if (!parsed) return tl::unexpected(parsed.error());
  return std::optional<int64_t>(*parsed);
}

}  // namespace

Result<int64_t> parse_bounded_int(std::string_view text, std::string_view name, int64_t min,
                                  int64_t max) {
  // from_chars accepts a leading '-'; we accept digits only.
  const bool digits_only =
      !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
  int64_t value = 0;
  if (digits_only) {
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec == std::errc() && end == text.data() + text.size() && value >= min && value <= max) {
      return value;
    }
  }
  return fail(ErrorCode::kInvalidInput, range_message(name, min, max));
}

Result<std::optional<std::string>> single_param(const QueryParams& params,
                                                const std::string& name) {
  return single_value(params, name);
}

Result<ListParams> parse_list_params(const QueryParams& params) {
  ListParams out;
  auto limit = optional_int(params, "limit", 1, kMaxLimit);
  if (!limit) return tl::unexpected(limit.error());
  auto offset = optional_int(params, "offset", 0, kMaxOffset);
  if (!offset) return tl::unexpected(offset.error());
  auto before_id = optional_int(params, "before_id", 1, INT64_MAX);
  if (!before_id) return tl::unexpected(before_id.error());
  if (*limit) out.limit = static_cast<int>(**limit);
  if (*offset) out.offset = static_cast<int>(**offset);
  out.before_id = *before_id;
  return out;
}

Result<int64_t> parse_article_id(std::string_view text) {
  return parse_bounded_int(text, "article id", 1, INT64_MAX);
}

std::string next_page_href(std::string_view path, int limit, int64_t last_id) {
  std::string out(path);
  out += '?';
  if (limit != kDefaultLimit) out += "limit=" + std::to_string(limit) + "&";
  return out + "before_id=" + std::to_string(last_id);
}

}  // namespace tidings::serve
