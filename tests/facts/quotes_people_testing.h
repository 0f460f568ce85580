// Test helper for people_test.cc and quotes_test.cc: entities written by
// hand as the tagger would give them, so that these tests do not depend on
// the tagger.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "facts/facts.h"
#include "facts/segment.h"

namespace tidings::facts::testing {

/// A text, its segmentation, and entities added by naming their text.
class Tagged {
 public:
  explicit Tagged(std::string text) : text_(std::move(text)), seg_(segment(text_)) {}
  Tagged(const Tagged&) = delete;  // seg_ views text_
  Tagged& operator=(const Tagged&) = delete;

  /// Marks the `nth` (0-based) occurrence of `name` that starts and ends on
  /// token boundaries as an entity of `type`.
  Tagged& add(std::string_view name, EntityType type, int nth = 0) {
    int seen = 0;
    for (size_t at = text_.find(name); at != std::string::npos; at = text_.find(name, at + 1)) {
      Entity e;
      e.start = static_cast<uint32_t>(at);
      e.end = static_cast<uint32_t>(at + name.size());
      e.type = type;
      if (!on_token_boundaries(e)) continue;  // "Iran" inside "Iranian"
      if (seen++ < nth) continue;
      entities_.push_back(e);
      return *this;
    }
    ADD_FAILURE() << "no occurrence " << nth << " of " << name << " on token boundaries";
    return *this;
  }
  Tagged& per(std::string_view name, int nth = 0) { return add(name, EntityType::kPerson, nth); }
  Tagged& org(std::string_view name, int nth = 0) {
    return add(name, EntityType::kOrganization, nth);
  }
  Tagged& gpe(std::string_view name, int nth = 0) { return add(name, EntityType::kGpe, nth); }

  const Segmented& seg() const { return seg_; }
  const std::vector<Entity>& entities() const { return entities_; }
  std::string_view span(uint32_t start, uint32_t end) const {
    return std::string_view(text_).substr(start, end - start);
  }

 private:
  // Sets the token range of `e` from its bytes; false when they cut a token.
  bool on_token_boundaries(Entity& e) const {
    bool first = false;
    for (size_t t = 0; t < seg_.tokens.size(); ++t) {
      if (seg_.tokens[t].start == e.start) {
        e.first_token = static_cast<uint32_t>(t);
        first = true;
      }
      if (first && seg_.tokens[t].end == e.end) {
        e.token_count = static_cast<uint32_t>(t) - e.first_token + 1;
        return true;
      }
      if (seg_.tokens[t].start > e.end) break;
    }
    return false;
  }

  std::string text_;  // never changes after construction: seg_ views it
  Segmented seg_;
  std::vector<Entity> entities_;
};

}  // namespace tidings::facts::testing
