// CLD2 language detection (see language.h). CLD2's tables are static and
// its calls thread-safe.
#include "extract/language.h"

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

#include <algorithm>

namespace tidings::extract_detail {

namespace {

constexpr size_t kMaxSample = 32 * 1024;

// A prefix of at most `max` bytes that does not cut a UTF-8 sequence.
std::string_view utf8_prefix(std::string_view s, size_t max) {
  if (s.size() <= max) return s;
  size_t n = max;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n);
}

// CLD2's codes are ISO 639-1 where one exists; "zh-Hant" -> "zh".
std::string iso639_1(CLD2::Language lang) {
  if (lang == CLD2::UNKNOWN_LANGUAGE || lang == CLD2::TG_UNKNOWN_LANGUAGE) return "";
  std::string code = CLD2::LanguageCode(lang);
  const size_t dash = code.find('-');
  if (dash != std::string::npos) code.resize(dash);
  return code.size() == 2 ? code : "";
}

}  // namespace

std::string detect_language(std::string_view title, std::string_view text,
                            const std::string& declared) {
  std::string sample;
  sample.reserve(std::min(kMaxSample, title.size() + text.size() + 1));
  sample.append(utf8_prefix(title, 1024));
  sample += '\n';
  sample.append(utf8_prefix(text, kMaxSample - sample.size()));

  CLD2::CLDHints hints{nullptr, nullptr, CLD2::UNKNOWN_ENCODING, CLD2::UNKNOWN_LANGUAGE};
  if (!declared.empty()) hints.language_hint = CLD2::GetLanguageFromName(declared.c_str());
  CLD2::Language top3[3];
  int percent3[3];
  double scores3[3];
  int text_bytes = 0, valid_prefix = 0;
  bool reliable = false;
  const CLD2::Language lang = CLD2::ExtDetectLanguageSummaryCheckUTF8(
      sample.data(), static_cast<int>(sample.size()), true, &hints, 0, top3, percent3, scores3,
      nullptr, &text_bytes, &reliable, &valid_prefix);
  const std::string detected = iso639_1(lang);
  if (reliable && !detected.empty()) return detected;
  if (!declared.empty()) return declared;
  return text_bytes >= 200 ? detected : "";
}

}  // namespace tidings::extract_detail
