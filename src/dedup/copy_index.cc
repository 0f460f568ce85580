// The near-duplicate index: exact hashes, and LSH over MinHash values with
// bands of one row (Indyk & Motwani 1998; Broder 1997), verified by the
// estimated containment (dedup.h, docs/copies.md).
#include <algorithm>

#include "dedup/dedup.h"
#include "dedup/flat_multimap.h"
#include "dedup/huge_pages.h"

namespace tidings::dedup {

namespace {

// Bands of one MinHash value each: a text that shares a fraction J of the
// shingles of another meets it in some band with probability 1-(1-J)^32,
// 0.966 at J = 0.1 (a lead of a tenth of the text), so teasers are found.
constexpr size_t kBands = 32;
// Slots one band value or one exact hash may list: a story copied
// thousands of times is still found through its first copies.
constexpr size_t kMaxPerKey = 64;
// Candidates verified per lookup, bounding its time.
constexpr size_t kMaxCandidates = 4096;
// Containment from which two texts are copies, measured on `tidings eval
// copies` (docs/copies.md): independently written story-mates that share
// paragraphs of wire copy reach 0.53-0.57 in 4-word shingles (below 0.5 in
// the 5-word shingles the ECB+ labels use); edited copies stay above.
constexpr double kCopyThreshold = 0.6;

uint32_t band_key(size_t band, uint32_t value) {
  return value ^ static_cast<uint32_t>((band + 1) * 0x9E3779B1u);
}

}  // namespace

double copy_threshold() { return kCopyThreshold; }

struct CopyIndex::Impl {
  std::vector<int64_t> ids;
  std::vector<uint32_t> shingles;
  // The low 16 bits of each MinHash value (b-bit minwise hashing, Li &
  // König 2010): a chance agreement costs 1/65536, the memory halves.
  std::vector<uint16_t, dedup_detail::HugePageAllocator<uint16_t>> signatures;
  dedup_detail::FlatMultimap<uint64_t> exact;
  dedup_detail::FlatMultimap<uint32_t> bands;
};

CopyIndex::CopyIndex() : impl_(std::make_unique<Impl>()) {}
CopyIndex::~CopyIndex() = default;
CopyIndex::CopyIndex(CopyIndex&&) noexcept = default;
CopyIndex& CopyIndex::operator=(CopyIndex&&) noexcept = default;

void CopyIndex::add(int64_t id, const Fingerprint& fp) {
  Impl& d = *impl_;
  if (d.ids.size() >= UINT32_MAX - 1) return;  // slots are 32-bit
  const auto slot = static_cast<uint32_t>(d.ids.size());
  const bool minhash = fp.minhash.size() == kMinHashSize;
  d.ids.push_back(id);
  d.shingles.push_back(fp.shingles);
  for (size_t k = 0; k < kMinHashSize; ++k) {
    d.signatures.push_back(minhash ? static_cast<uint16_t>(fp.minhash[k]) : 0);
  }
  if (fp.exact != 0) d.exact.insert(fp.exact, slot, kMaxPerKey);
  if (!minhash) return;
  for (size_t b = 0; b < kBands; ++b) d.bands.insert(band_key(b, fp.minhash[b]), slot, kMaxPerKey);
}

std::vector<CopyMatch> CopyIndex::find(const Fingerprint& fp, size_t limit) const {
  const Impl& d = *impl_;
  std::vector<CopyMatch> out;
  std::vector<uint32_t> exact_slots, candidates;
  if (fp.exact != 0) {
    d.exact.for_each(fp.exact, [&](uint32_t slot) {
      exact_slots.push_back(slot);
      out.push_back({d.ids[slot], 1.0, true});
    });
  }
  const bool minhash = fp.minhash.size() == kMinHashSize;
  if (minhash) {
    // The 32 probes miss the cache wherever the table is large: start them
    // all before reading any, so their latencies overlap.
    for (size_t b = 0; b < kBands; ++b) d.bands.prefetch(band_key(b, fp.minhash[b]));
    for (size_t b = 0; b < kBands && candidates.size() < kMaxCandidates; ++b) {
      d.bands.for_each(band_key(b, fp.minhash[b]), [&](uint32_t slot) { candidates.push_back(slot); });
    }
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    std::sort(exact_slots.begin(), exact_slots.end());
    uint16_t query[kMinHashSize];
    for (size_t k = 0; k < kMinHashSize; ++k) query[k] = static_cast<uint16_t>(fp.minhash[k]);
    for (const uint32_t slot : candidates) {  // all of each signature, and its count
      const char* sig = reinterpret_cast<const char*>(&d.signatures[size_t(slot) * kMinHashSize]);
      for (size_t line = 0; line < kMinHashSize * sizeof(uint16_t); line += 64) __builtin_prefetch(sig + line);
      __builtin_prefetch(&d.shingles[slot]);
    }
    for (const uint32_t slot : candidates) {
      if (std::binary_search(exact_slots.begin(), exact_slots.end(), slot)) continue;
      const uint16_t* sig = &d.signatures[size_t(slot) * kMinHashSize];
      size_t equal = 0;
      for (size_t k = 0; k < kMinHashSize; ++k) equal += sig[k] == query[k];
      const double containment = containment_from_matches(equal, fp.shingles, d.shingles[slot]);
      if (containment >= kCopyThreshold) out.push_back({d.ids[slot], containment, false});
    }
  }
  std::sort(out.begin(), out.end(), [](const CopyMatch& a, const CopyMatch& b) {
    if (a.similarity != b.similarity) return a.similarity > b.similarity;
    if (a.exact != b.exact) return a.exact;  // the same text before a text that contains it
    return a.id < b.id;
  });
  if (out.size() > limit) out.resize(limit);
  return out;
}

size_t CopyIndex::size() const { return impl_->ids.size(); }

size_t CopyIndex::memory_bytes() const {
  const Impl& d = *impl_;
  return sizeof(Impl) + d.ids.capacity() * sizeof(int64_t) + d.shingles.capacity() * sizeof(uint32_t) +
         d.signatures.capacity() * sizeof(uint16_t) + d.exact.memory_bytes() + d.bands.memory_bytes();
}

}  // namespace tidings::dedup
