// Test texts for dedup: `count` distinct words from a seed, the same words
// for the same seed, so texts can overlap by construction.
#pragma once

#include <string>

namespace tidings::dedup::test {

inline std::string numbered_words(int seed, int count) {
  std::string out;
  for (int i = 0; i < count; ++i) {
    out += 'w';
    out += std::to_string((seed * 1000003 + i * 7919) % 999983);
    out += ' ';
  }
  return out;
}

}  // namespace tidings::dedup::test
