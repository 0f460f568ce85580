// Hand-made facts for the store and serve tests (the facts stage is not
// called here).
#pragma once

#include <string>

#include "store/facts.h"

namespace tidings::testing {

/// A figure of measure `key` spanning code points 10..15.
inline FactRecord figure_fact(const std::string& key, double value,
                              const std::string& qualifier = "exact",
                              const std::string& attribution = "") {
  FactRecord f;
  f.kind = "figure";
  f.key = key;
  f.value = value;
  f.label = std::to_string(static_cast<int64_t>(value));
  f.qualifier = qualifier;
  f.attribution = attribution;
  f.start = 10;
  f.end = 15;
  return f;
}

/// A person, place, entity, date or quote with its key and label, spanning
/// the label's length from 0.
inline FactRecord named_fact(const std::string& kind, const std::string& key,
                             const std::string& label) {
  FactRecord f;
  f.kind = kind;
  f.key = key;
  f.label = label;
  f.end = static_cast<int64_t>(label.size());
  return f;
}

}  // namespace tidings::testing
