// Private to people.cc: the roles around one mention of a person — a title
// before the name, a role before a comma, an appositive after it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "facts/facts.h"
#include "facts/people.h"

namespace tidings::facts {

struct FoundRole {
  Role role;
  Gender gender = Gender::kUnknown;  ///< what the role's words say ("spokeswoman")
};

/// The roles of the name in tokens [first, last) (titles already taken off),
/// `entity` its PER entity or -1; `entity_of_token` from words::entity_of_token.
/// Looks at most a few dozen tokens either side.
std::vector<FoundRole> roles_of_mention(const Segmented& text,
                                        const std::vector<int32_t>& entity_of_token,
                                        const std::vector<Entity>& entities, uint32_t first,
                                        uint32_t last, int32_t entity);

/// `s` with each run of white space (ASCII and Unicode: no-break, thin,
/// ideographic ...) made one ASCII space, and trimmed.
std::string collapse_spaces(std::string_view s);

}  // namespace tidings::facts
