// Text fingerprints: the exact hash, MinHash over word shingles (Broder
// 1997), SimHash for comparison (Charikar 2002), and their stored bytes.
#include <algorithm>
#include <array>
#include <bit>
#include <cstring>

#include <xxhash.h>

#include "dedup/dedup.h"
#include "dedup/tokens.h"

namespace tidings::dedup {

namespace {

using dedup_detail::token_hashes;

uint64_t splitmix64(uint64_t& state) {
  uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

// The kMinHashSize hash functions h_k(x) = (a_k x + b_k) >> 32 (multiply-
// shift, Dietzfelbinger et al. 1997) over 64-bit shingle hashes. Fixed
// seeds: stored fingerprints must stay comparable across versions.
struct MinHashFunctions {
  std::array<uint64_t, kMinHashSize> a{}, b{};
  MinHashFunctions() {
    uint64_t state = 0x7469646E67730001ull;  // "tidngs" + format 1
    for (size_t k = 0; k < kMinHashSize; ++k) {
      a[k] = splitmix64(state) | 1;
      b[k] = splitmix64(state);
    }
  }
};
const MinHashFunctions kFunctions;

// Distinct shingle hashes of kShingleWords consecutive tokens (one shorter
// shingle when the text has fewer tokens).
std::vector<uint64_t> shingle_set(const std::vector<uint64_t>& tokens) {
  std::vector<uint64_t> shingles;
  const size_t words = std::min(tokens.size(), kMaxShingledWords);
  if (words == 0) return shingles;
  const size_t width = std::min(kShingleWords, words);
  shingles.reserve(words - width + 1);
  for (size_t i = 0; i + width <= words; ++i) {
    shingles.push_back(XXH3_64bits(&tokens[i], width * sizeof(uint64_t)));
  }
  std::sort(shingles.begin(), shingles.end());
  shingles.erase(std::unique(shingles.begin(), shingles.end()), shingles.end());
  return shingles;
}

void put_le(std::string& out, uint64_t v, int bytes) {
  for (int i = 0; i < bytes; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}

uint64_t get_le(std::string_view in, size_t at, int bytes) {
  uint64_t v = 0;
  for (int i = 0; i < bytes; ++i) v |= uint64_t(static_cast<unsigned char>(in[at + i])) << (8 * i);
  return v;
}

constexpr char kMagic = 'F';
constexpr char kVersion = 1;
constexpr size_t kHeaderBytes = 16;  // magic, version, 2 reserved, exact u64, shingles u32

}  // namespace

Fingerprint fingerprint(std::string_view text) {
  Fingerprint fp;
  const std::vector<uint64_t> tokens = token_hashes(text);
  if (tokens.empty()) return fp;
  fp.exact = XXH3_64bits(tokens.data(), tokens.size() * sizeof(uint64_t));
  if (fp.exact == 0) fp.exact = 1;  // 0 means "no text"
  const std::vector<uint64_t> shingles = shingle_set(tokens);
  fp.shingles = static_cast<uint32_t>(shingles.size());
  if (shingles.size() < kMinShingles) return fp;
  std::array<uint32_t, kMinHashSize> mins;
  mins.fill(UINT32_MAX);
  for (const uint64_t s : shingles) {
    for (size_t k = 0; k < kMinHashSize; ++k) {
      const auto h = static_cast<uint32_t>((kFunctions.a[k] * s + kFunctions.b[k]) >> 32);
      mins[k] = std::min(mins[k], h);
    }
  }
  fp.minhash.assign(mins.begin(), mins.end());
  return fp;
}

double estimate_containment(const Fingerprint& a, const Fingerprint& b) {
  if (a.exact != 0 && a.exact == b.exact) return 1.0;
  if (a.minhash.size() != kMinHashSize || b.minhash.size() != kMinHashSize) return 0.0;
  size_t equal = 0;
  for (size_t k = 0; k < kMinHashSize; ++k) equal += a.minhash[k] == b.minhash[k];
  return containment_from_matches(equal, a.shingles, b.shingles);
}

double containment_from_matches(size_t equal, uint32_t a_shingles, uint32_t b_shingles) {
  if (equal < kMinMatches || a_shingles == 0 || b_shingles == 0) return 0.0;
  const double j = double(equal) / kMinHashSize;
  const double smaller = std::min(a_shingles, b_shingles), larger = std::max(a_shingles, b_shingles);
  const double common = std::min(smaller, j * (smaller + larger) / (1 + j));
  if (common < std::min<double>(kMinCommonShingles, 0.5 * larger)) return 0.0;
  return common / smaller;
}

uint64_t simhash(std::string_view text) {
  const std::vector<uint64_t> shingles = shingle_set(token_hashes(text));
  std::array<int32_t, 64> votes{};
  for (const uint64_t s : shingles) {
    for (int bit = 0; bit < 64; ++bit) votes[bit] += ((s >> bit) & 1) ? 1 : -1;
  }
  uint64_t out = 0;
  for (int bit = 0; bit < 64; ++bit) out |= uint64_t(votes[bit] > 0) << bit;
  return out;
}

std::string encode_fingerprint(const Fingerprint& fp) {
  std::string out;
  const bool has_minhash = fp.minhash.size() == kMinHashSize;
  out.reserve(kHeaderBytes + (has_minhash ? 4 * kMinHashSize : 0));
  out.push_back(kMagic);
  out.push_back(kVersion);
  out.push_back(has_minhash ? 1 : 0);
  out.push_back(0);
  put_le(out, fp.exact, 8);
  put_le(out, fp.shingles, 4);
  if (has_minhash) {
    for (const uint32_t v : fp.minhash) put_le(out, v, 4);
  }
  return out;
}

bool decode_fingerprint(std::string_view blob, Fingerprint& fp) {
  fp = Fingerprint{};
  if (blob.size() < kHeaderBytes || blob[0] != kMagic || blob[1] != kVersion || blob[3] != 0) {
    return false;
  }
  const bool has_minhash = blob[2] == 1;
  if (blob[2] != 0 && !has_minhash) return false;
  if (blob.size() != kHeaderBytes + (has_minhash ? 4 * kMinHashSize : 0)) return false;
  Fingerprint out;
  out.exact = get_le(blob, 4, 8);
  out.shingles = static_cast<uint32_t>(get_le(blob, 12, 4));
  if (has_minhash) {
    if (out.exact == 0 || out.shingles < kMinShingles) return false;
    out.minhash.resize(kMinHashSize);
    for (size_t k = 0; k < kMinHashSize; ++k) {
      out.minhash[k] = static_cast<uint32_t>(get_le(blob, kHeaderBytes + 4 * k, 4));
    }
  }
  fp = std::move(out);
  return true;
}

}  // namespace tidings::dedup
