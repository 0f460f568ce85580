// Private to the store's JSON writers (story_json.cc, fact_json.cc): the
// null-for-missing values every shape uses (docs/json.md: missing values
// are null, times RFC 3339 UTC).
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/time.h"

namespace tidings::json_values {

inline nlohmann::json string_or_null(const std::string& s) {
  return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s);
}

inline nlohmann::json time_or_null(const std::optional<Instant>& t) {
  return t ? nlohmann::json(format_rfc3339(*t)) : nlohmann::json(nullptr);
}

}  // namespace tidings::json_values
