// Text to normalised token hashes for fingerprints (dedup/tokens.h).
#include "dedup/tokens.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <xxhash.h>

namespace tidings::dedup_detail {

namespace {

constexpr int kMaxTokenUnits = 128;  // longer tokens are hashed on their first units

bool is_word_char(UChar32 c) {
  const int32_t mask = U_GET_GC_MASK(c);
  return (mask & (U_GC_L_MASK | U_GC_N_MASK | U_GC_M_MASK)) != 0;
}

bool is_unspaced_script(UChar32 c) {
  if (c < 0x0E00) return false;  // fast path: Latin, Greek, Cyrillic, Arabic, Hebrew, Indic...
  UErrorCode status = U_ZERO_ERROR;
  switch (uscript_getScript(c, &status)) {
    case USCRIPT_HAN:
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA:
    case USCRIPT_THAI:
    case USCRIPT_LAO:
    case USCRIPT_KHMER:
    case USCRIPT_MYANMAR:
      return true;
    default:
      return false;
  }
}

bool is_digit_separator(UChar32 c) { return c == ',' || c == '.' || c == '\'' || c == 0x2019; }

class TokenSink {
 public:
  explicit TokenSink(std::vector<uint64_t>& out) : out_(out) {}
  void add_unit(char16_t u) {
    if (len_ < kMaxTokenUnits) buf_[len_] = u;
    ++len_;
  }
  void add(UChar32 c) {
    if (c <= 0xFFFF) {
      add_unit(static_cast<char16_t>(c));
    } else {
      add_unit(U16_LEAD(c));
      add_unit(U16_TRAIL(c));
    }
  }
  void flush() {
    if (len_ == 0) return;
    const int n = len_ < kMaxTokenUnits ? len_ : kMaxTokenUnits;
    if (out_.size() < kMaxTokens) out_.push_back(XXH3_64bits(buf_, n * sizeof(char16_t)) ^ len_);
    len_ = 0;
  }
  bool empty() const { return len_ == 0; }

 private:
  std::vector<uint64_t>& out_;
  char16_t buf_[kMaxTokenUnits];
  int len_ = 0;
};

}  // namespace

std::vector<uint64_t> token_hashes(std::string_view text) {
  std::vector<uint64_t> out;
  if (text.size() > kMaxTextBytes) text = text.substr(0, kMaxTextBytes);
  if (text.empty()) return out;
  const icu::UnicodeString raw =
      icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status) || nfkc_cf == nullptr) return out;
  const icu::UnicodeString norm = nfkc_cf->normalize(raw, status);
  if (U_FAILURE(status)) return out;

  out.reserve(static_cast<size_t>(norm.length()) / 5 + 1);
  TokenSink sink(out);
  const int32_t n = norm.length();
  UChar32 prev = 0;
  for (int32_t i = 0; i < n && out.size() < kMaxTokens;) {
    const UChar32 c = norm.char32At(i);
    const int32_t next = i + U16_LENGTH(c);
    if (is_unspaced_script(c)) {
      sink.flush();
      sink.add(c);
      sink.flush();
    } else if (is_word_char(c)) {
      sink.add(c);
    } else if (is_digit_separator(c) && !sink.empty() && u_isdigit(prev) && next < n &&
               u_isdigit(norm.char32At(next))) {
      // "8,796" and "8796" are one number written in two house styles.
    } else {
      sink.flush();
    }
    prev = c;
    i = next;
  }
  sink.flush();
  return out;
}

}  // namespace tidings::dedup_detail
