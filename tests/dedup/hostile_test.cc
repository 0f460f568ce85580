// Hostile inputs to dedup: invalid UTF-8, huge texts, binary garbage,
// pathological tokens and URLs. Nothing may crash, hang or grow unbounded.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "dedup/dedup.h"

namespace tidings::dedup {
namespace {

TEST(Hostile, InvalidUtf8IsReadAsReplacementCharacters) {
  const std::string bad = "caf\xC3 \xFF\xFE broken \xE2\x82 text \xED\xA0\x80 surrogate \xF4\x90\x80\x80 end";
  const Fingerprint fp = fingerprint(bad);
  EXPECT_NE(fp.exact, 0u);
  EXPECT_EQ(fingerprint(bad).exact, fp.exact);  // deterministic
}

TEST(Hostile, BinaryGarbageAndNulBytes) {
  std::string blob(100000, '\0');
  uint64_t state = 7;
  for (char& c : blob) c = static_cast<char>((state = state * 6364136223846793005ull + 1) >> 56);
  const Fingerprint fp = fingerprint(blob);
  Fingerprint back;
  ASSERT_TRUE(decode_fingerprint(encode_fingerprint(fp), back));
  EXPECT_EQ(fingerprint(std::string(1000, '\0')).exact, 0u);
}

TEST(Hostile, HugeTextIsBoundedInTime) {
  std::string huge;
  huge.reserve(40u << 20);
  for (int i = 0; huge.size() < (40u << 20); ++i) {
    huge += "word";
    huge += std::to_string(i % 50000);
    huge += ' ';
  }
  const auto start = std::chrono::steady_clock::now();
  const Fingerprint fp = fingerprint(huge);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 5.0);
  EXPECT_EQ(fp.minhash.size(), kMinHashSize);
  EXPECT_LE(fp.shingles, kMaxShingledWords);
}

TEST(Hostile, OneEndlessTokenAndOnlyPunctuation) {
  EXPECT_NE(fingerprint(std::string(5u << 20, 'a')).exact, 0u);
  EXPECT_EQ(fingerprint(std::string(1u << 20, '!')).exact, 0u);
  EXPECT_NE(fingerprint(std::string(1u << 20, '7')).exact, 0u);
  std::string combining = "a";
  for (int i = 0; i < 100000; ++i) combining += "\xCC\x81";  // U+0301 after U+0301...
  EXPECT_NE(fingerprint(combining).exact, 0u);
}

TEST(Hostile, WeirdUrls) {
  for (const std::string& url :
       {std::string("http://"), std::string("https://%00/"), std::string("https://a.com/%"),
        std::string("https://a.com/%zz%4"), std::string("https://a.com/?&&&=&utm_=1&="),
        std::string("https://xn--nxasmq6b.com/\xFF\xFE"), std::string("https://a..b..com/"),
        std::string("https://a.com:99999/"), std::string("https://user:pass@a.com/x"),
        std::string("https://a.com/") + std::string(7000, '/'), std::string(100000, 'h'),
        std::string("https://127.0.0.1/x"), std::string("https://[::1]:8080/x")}) {
    const std::string key = canonicalize_url(url);
    EXPECT_EQ(canonicalize_url(url), key);
    registrable_domain(url);
    if (!key.empty()) {
      EXPECT_TRUE(key.starts_with("https://")) << key;
      EXPECT_EQ(canonicalize_url(key), key) << url;  // idempotent
    }
  }
  EXPECT_EQ(canonicalize_url("https://user:pass@a.com/x"), "https://a.com/x");
}

}  // namespace
}  // namespace tidings::dedup
