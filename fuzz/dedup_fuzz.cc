// libFuzzer target for dedup's parsers of untrusted input (dedup/dedup.h):
// URLs from pages and feeds (canonicalize_url, registrable_domain), texts
// (fingerprint) and stored fingerprint bytes (decode_fingerprint). Any bytes
// are taken without a crash; a URL key is a fixed point; a fingerprint
// survives its stored form; containment stays within [0, 1].
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "dedup/dedup.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace tidings::dedup;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const size_t nl = input.find('\n');
  const std::string_view url = input.substr(0, nl);
  const std::string_view rest = nl == std::string_view::npos ? std::string_view() : input.substr(nl + 1);

  const std::string key = canonicalize_url(url);
  if (!key.empty() && canonicalize_url(key) != key) std::abort();  // one page, one key
  (void)registrable_domain(url);

  Fingerprint stored;
  if (decode_fingerprint(rest, stored)) {
    Fingerprint again;
    if (!decode_fingerprint(encode_fingerprint(stored), again)) std::abort();
    if (again.exact != stored.exact || again.minhash != stored.minhash || again.shingles != stored.shingles) {
      std::abort();
    }
  }
  const Fingerprint fp = fingerprint(rest);
  Fingerprint round;
  if (!decode_fingerprint(encode_fingerprint(fp), round) || round.minhash != fp.minhash) std::abort();
  const double self = estimate_containment(fp, fp);
  const double other = estimate_containment(fp, stored);
  if (!(self >= 0 && self <= 1) || !(other >= 0 && other <= 1)) std::abort();
  return 0;
}
