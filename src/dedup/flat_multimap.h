// Private to dedup: an open-addressing hash table from a key to many small
// values (fingerprint slots), with a cap per key so that a text shared by
// thousands of articles cannot make probing quadratic.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace tidings::dedup_detail {

template <typename Key>
class FlatMultimap {
 public:
  static constexpr uint32_t kEmpty = UINT32_MAX;

  /// Adds (key, value) unless the key already holds `cap` values; false then.
  bool insert(Key key, uint32_t value, size_t cap) {
    if ((size_ + 1) * 2 > values_.size()) grow();
    size_t i = slot(key), same = 0;
    for (; values_[i] != kEmpty; i = (i + 1) & mask_) {
      if (keys_[i] == key && ++same >= cap) return false;
    }
    keys_[i] = key;
    values_[i] = value;
    ++size_;
    return true;
  }

  /// Calls f(value) for each value of `key`.
  template <typename F>
  void for_each(Key key, F&& f) const {
    if (size_ == 0) return;
    for (size_t i = slot(key); values_[i] != kEmpty; i = (i + 1) & mask_) {
      if (keys_[i] == key) f(values_[i]);
    }
  }

  size_t size() const { return size_; }
  size_t memory_bytes() const {
    return keys_.capacity() * sizeof(Key) + values_.capacity() * sizeof(uint32_t);
  }

 private:
  size_t slot(Key key) const {
    uint64_t h = static_cast<uint64_t>(key) * 0x9E3779B97F4A7C15ull;
    return static_cast<size_t>(h >> 32 ^ h) & mask_;
  }
  void grow() {
    std::vector<Key> old_keys = std::move(keys_);
    std::vector<uint32_t> old_values = std::move(values_);
    const size_t capacity = old_values.empty() ? 1024 : old_values.size() * 2;
    keys_.assign(capacity, Key{});
    values_.assign(capacity, kEmpty);
    mask_ = capacity - 1;
    for (size_t i = 0; i < old_values.size(); ++i) {
      if (old_values[i] == kEmpty) continue;
      size_t j = slot(old_keys[i]);
      while (values_[j] != kEmpty) j = (j + 1) & mask_;
      keys_[j] = old_keys[i];
      values_[j] = old_values[i];
    }
  }

  std::vector<Key> keys_;
  std::vector<uint32_t> values_;
  size_t mask_ = 0, size_ = 0;
};

}  // namespace tidings::dedup_detail
