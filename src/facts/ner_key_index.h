// An open-addressing index from 32-bit word keys to a 16-bit value, for the
// NER tagger's word tables (private to src/facts/ner*): NameList's classes
// and ClusterTable's paths. One probe for most keys, where a binary search
// over a few hundred thousand keys costs a cache miss per step.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace tidings::facts::ner {

class KeyIndex {
 public:
  /// Indexes keys[i] -> value(i) (distinct keys; a value of 0 reads as
  /// absent). Replaces what was indexed before.
  template <class Value>
  void build(const std::vector<uint32_t>& keys, Value value) {
    uint32_t bits = 4;
    while ((size_t(1) << bits) < keys.size() * 2) ++bits;
    shift_ = 64 - bits;
    slots_.assign(size_t(1) << bits, 0);
    const size_t mask = slots_.size() - 1;
    for (size_t i = 0; i < keys.size(); ++i) {
      size_t at = slot_of(keys[i]);
      while (slots_[at] != 0) at = (at + 1) & mask;
      slots_[at] = kUsed | uint64_t(static_cast<uint16_t>(value(i))) << 32 | keys[i];
    }
  }

  /// The value of `key`; 0 when it is not indexed (or nothing is).
  uint16_t find(uint32_t key) const {
    if (slots_.empty()) return 0;
    const size_t mask = slots_.size() - 1;
    for (size_t at = slot_of(key);; at = (at + 1) & mask) {
      const uint64_t s = slots_[at];
      if (s == 0) return 0;
      if (static_cast<uint32_t>(s) == key) return static_cast<uint16_t>(s >> 32);
    }
  }

 private:
  static constexpr uint64_t kUsed = uint64_t(1) << 48;
  // Fibonacci hashing into 2^(64 - shift_) slots (at least twice the keys).
  size_t slot_of(uint32_t key) const {
    return static_cast<size_t>((uint64_t(key) * 0x9E3779B97F4A7C15ULL) >> shift_);
  }
  std::vector<uint64_t> slots_;  ///< kUsed | value << 32 | key; 0 = empty
  uint32_t shift_ = 64;
};

}  // namespace tidings::facts::ner
