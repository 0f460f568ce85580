// Private to dedup: an open-addressing hash table from a key to many small
// values (fingerprint slots), with a cap per key so that a text shared by
// thousands of articles cannot make probing quadratic. A key and its value
// share one slot, so a probe costs one cache miss; prefetch() lets a
// lookup of many keys overlap those misses.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "dedup/huge_pages.h"

namespace tidings::dedup_detail {

template <typename Key>
class FlatMultimap {
 public:
  static constexpr uint32_t kEmpty = UINT32_MAX;

  /// Adds (key, value) unless the key already holds `cap` values; false then.
  bool insert(Key key, uint32_t value, size_t cap) {
    // Load at most 3/4: eight slots share a cache line, so even the longer
    // runs of linear probing at that load cost about one miss.
    if ((size_ + 1) * 4 > slots_.size() * 3) grow();
    size_t i = home(key), same = 0;
    for (; slots_[i].value != kEmpty; i = (i + 1) & mask_) {
      if (slots_[i].key == key && ++same >= cap) return false;
    }
    slots_[i] = {key, value};
    ++size_;
    return true;
  }

  /// Starts loading the first slot `key` would be probed at.
  void prefetch(Key key) const {
    if (size_ != 0) __builtin_prefetch(&slots_[home(key)]);
  }

  /// Calls f(value) for each value of `key`.
  template <typename F>
  void for_each(Key key, F&& f) const {
    if (size_ == 0) return;
    for (size_t i = home(key); slots_[i].value != kEmpty; i = (i + 1) & mask_) {
      if (slots_[i].key == key) f(slots_[i].value);
    }
  }

  size_t size() const { return size_; }
  size_t memory_bytes() const { return slots_.capacity() * sizeof(Slot); }

 private:
  struct Slot {
    Key key;
    uint32_t value;
  };

  size_t home(Key key) const {
    const uint64_t h = static_cast<uint64_t>(key) * 0x9E3779B97F4A7C15ull;
    return static_cast<size_t>(h >> 32 ^ h) & mask_;
  }
  void grow() {
    std::vector<Slot, HugePageAllocator<Slot>> old = std::move(slots_);
    const size_t capacity = old.empty() ? 1024 : old.size() * 2;
    slots_.assign(capacity, Slot{Key{}, kEmpty});
    mask_ = capacity - 1;
    for (const Slot& s : old) {
      if (s.value == kEmpty) continue;
      size_t j = home(s.key);
      while (slots_[j].value != kEmpty) j = (j + 1) & mask_;
      slots_[j] = s;
    }
  }

  std::vector<Slot, HugePageAllocator<Slot>> slots_;
  size_t mask_ = 0, size_ = 0;
};

}  // namespace tidings::dedup_detail
