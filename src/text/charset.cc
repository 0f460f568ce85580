// Bytes of unknown encoding -> UTF-8 (see charset.h): the decision order, a
// hand-written UTF-8 repair for the common case and ICU for everything else.
#include "text/charset.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ustring.h>
#include <uchardet/uchardet.h>

#include <cstdint>
#include <cstring>
#include <memory>
#include <vector>

#include "core/utf8.h"
#include "text/charset_internal.h"

namespace tidings {

namespace {

using charset_detail::Encoding;

// Skips ASCII from `i` on, eight bytes at a time.
size_t skip_ascii(std::string_view s, size_t i) {
  while (i + 32 <= s.size()) {  // four words at a time while all is ASCII
    uint64_t w[4];
    std::memcpy(w, s.data() + i, 32);
    if ((w[0] | w[1] | w[2] | w[3]) & 0x8080808080808080ull) break;
    i += 32;
  }
  while (i + 8 <= s.size()) {
    uint64_t word;
    std::memcpy(&word, s.data() + i, 8);
    if (word & 0x8080808080808080ull) break;
    i += 8;
  }
  while (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80) ++i;
  return i;
}

struct Utf8Stats {
  size_t multibyte = 0;      // well-formed non-ASCII sequences
  size_t invalid_bytes = 0;  // bytes in ill-formed sequences
};

Utf8Stats utf8_stats(std::string_view s) {
  Utf8Stats st;
  size_t i = 0, bad = 0;
  while (i < s.size()) {
    i = skip_ascii(s, i);
    if (i >= s.size()) break;
    const size_t n = utf8_sequence(s, i, bad);
    if (n == 0) {
      st.invalid_bytes += bad;
      i += bad;
    } else {
      if (n > 1) ++st.multibyte;
      i += n;
    }
  }
  return st;
}

// Copies `s`, replacing each maximal ill-formed subpart with U+FFFD.
void repair_utf8(std::string_view s, DecodedText& out) {
  out.utf8.clear();
  out.utf8.reserve(s.size());
  size_t i = 0, run = 0, bad = 0;
  while (i < s.size()) {
    i = skip_ascii(s, i);
    if (i >= s.size()) break;
    const size_t n = utf8_sequence(s, i, bad);
    if (n > 0) {
      i += n;
      continue;
    }
    out.utf8.append(s.substr(run, i - run));
    out.utf8.append("\xEF\xBF\xBD");
    ++out.replaced;
    out.invalid_bytes += bad;
    i += bad;
    run = i;
  }
  out.utf8.append(s.substr(run));
}

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using Converter = std::unique_ptr<UConverter, ConverterCloser>;

struct Replacements {
  size_t sequences = 0;
  size_t bytes = 0;
};

// ICU to-Unicode callback: writes U+FFFD for anything invalid or unmapped and
// counts it (ICU's own SUBSTITUTE callback would write U+001A for some).
void count_and_substitute(const void* context, UConverterToUnicodeArgs* args,
                          const char* /*code_units*/, int32_t length,
                          UConverterCallbackReason reason, UErrorCode* err) {
  if (reason != UCNV_UNASSIGNED && reason != UCNV_ILLEGAL && reason != UCNV_IRREGULAR) return;
  auto* counts = static_cast<Replacements*>(const_cast<void*>(context));
  ++counts->sequences;
  counts->bytes += static_cast<size_t>(length);
  static const UChar kReplacement = 0xFFFD;
  *err = U_ZERO_ERROR;
  ucnv_cbToUWriteUChars(args, &kReplacement, 1, 0, err);
}

Converter open_converter(const char* name) {
  UErrorCode err = U_ZERO_ERROR;
  Converter c(ucnv_open(name, &err));
  if (U_FAILURE(err)) c.reset();
  return c;
}

Result<bool> convert_with_icu(std::string_view bytes, const char* icu_name, DecodedText& out) {
  Converter cnv = open_converter(icu_name);
  if (!cnv) return fail(ErrorCode::kInternal, std::string("cannot open converter ") + icu_name);
  Replacements counts;
  UErrorCode err = U_ZERO_ERROR;
  ucnv_setToUCallBack(cnv.get(), count_and_substitute, &counts, nullptr, nullptr, &err);
  if (U_FAILURE(err)) return fail(ErrorCode::kInternal, "cannot set converter callback");

  std::vector<UChar> utf16(bytes.size() + 16);
  size_t used = 0;
  const char* src = bytes.data();
  const char* const src_end = bytes.data() + bytes.size();
  for (;;) {
    UChar* target = utf16.data() + used;
    err = U_ZERO_ERROR;
    ucnv_toUnicode(cnv.get(), &target, utf16.data() + utf16.size(), &src, src_end, nullptr, true,
                   &err);
    used = static_cast<size_t>(target - utf16.data());
    if (err == U_BUFFER_OVERFLOW_ERROR) {
      utf16.resize(utf16.size() * 2);
      continue;
    }
    break;
  }
  if (U_FAILURE(err)) return fail(ErrorCode::kInternal, std::string("conversion failed: ") + u_errorName(err));

  out.utf8.resize(used * 3 + 4);
  int32_t length = 0, substitutions = 0;
  err = U_ZERO_ERROR;
  u_strToUTF8WithSub(out.utf8.data(), static_cast<int32_t>(out.utf8.size()), &length, utf16.data(),
                     static_cast<int32_t>(used), 0xFFFD, &substitutions, &err);
  if (U_FAILURE(err)) return fail(ErrorCode::kInternal, std::string("conversion failed: ") + u_errorName(err));
  out.utf8.resize(static_cast<size_t>(length));
  out.replaced = counts.sequences + static_cast<size_t>(substitutions);
  out.invalid_bytes = counts.bytes;
  return true;
}

// A declared label -> encoding: the WHATWG table first, then any name ICU
// knows. `storage` keeps the names of an ICU-only encoding alive.
const Encoding* encoding_for_label(const std::string& label, Encoding& storage) {
  if (label.empty()) return nullptr;
  if (const Encoding* e = charset_detail::find_encoding(label)) return e;
  Converter c = open_converter(label.c_str());
  if (!c) return nullptr;
  UErrorCode err = U_ZERO_ERROR;
  const char* name = ucnv_getName(c.get(), &err);
  if (U_FAILURE(err) || name == nullptr) return nullptr;
  // ICU's names are static strings owned by its alias table.
  storage = Encoding{name, name};
  return &storage;
}

// uchardet's guess for `sample`, as a label find_encoding or ICU knows.
std::string detect_with_uchardet(std::string_view sample) {
  uchardet_t ud = uchardet_new();
  if (ud == nullptr) return "";
  std::string result;
  if (uchardet_handle_data(ud, sample.data(), sample.size()) == 0) {
    uchardet_data_end(ud);
    const char* name = uchardet_get_charset(ud);
    if (name != nullptr) result = name;
  }
  uchardet_delete(ud);
  // uchardet names Korean "UHC" (Unified Hangul Code, Microsoft's superset
  // of EUC-KR), a name neither the WHATWG table nor ICU knows.
  if (result == "UHC") result = "windows-949";
  return result;
}

// The bytes detection looks at: from a little before the first non-ASCII
// byte, so that a long ASCII head (scripts, styles) does not hide the text.
std::string_view detection_sample(std::string_view bytes) {
  constexpr size_t kContext = 1024;
  const size_t first = skip_ascii(bytes, 0);
  const size_t from = first > kContext ? first - kContext : 0;
  return bytes.substr(from, charset_detail::kDetectBytes);
}

}  // namespace

bool is_valid_utf8(std::string_view bytes) {
  size_t i = 0, bad = 0;
  while (i < bytes.size()) {
    i = skip_ascii(bytes, i);  // ASCII runs dominate markup
    if (i >= bytes.size()) break;
    const size_t n = utf8_sequence(bytes, i, bad);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

Result<DecodedText> decode_html_bytes(std::string_view bytes, std::string_view content_type) {
  static constexpr Encoding kUtf8{"UTF-8", "UTF-8"};
  static constexpr Encoding kWindows1252{"windows-1252", "windows-1252"};
  DecodedText out;
  const Encoding* encoding = nullptr;
  Encoding storage{};

  if (const auto bom = charset_detail::sniff_bom(bytes); bom.encoding != nullptr) {
    encoding = bom.encoding;
    out.charset_source = "bom";
    bytes.remove_prefix(bom.length);
  }
  if (encoding == nullptr) {
    encoding = encoding_for_label(charset_detail::charset_from_content_type(content_type), storage);
    if (encoding != nullptr) out.charset_source = "http";
  }
  if (encoding == nullptr) {
    encoding = encoding_for_label(charset_detail::charset_from_meta(bytes), storage);
    if (encoding != nullptr) {
      out.charset_source = "meta";
      // A page cannot declare itself UTF-16 in ASCII-compatible bytes (WHATWG).
      if (std::string_view(encoding->name).rfind("UTF-16", 0) == 0) encoding = &kUtf8;
    }
  }
  // A declared legacy charset over bytes that are well-formed UTF-8 with
  // non-ASCII characters in them is a mislabelled page (a CMS that serves
  // UTF-8 under a default header): text in a legacy charset is almost never
  // well-formed UTF-8 by chance, so the bytes win over the label.
  if (encoding != nullptr && out.charset_source != "bom" &&
      std::string_view(encoding->icu_name) != "UTF-8" &&
      std::string_view(encoding->name).rfind("UTF-16", 0) != 0) {
    const Utf8Stats st = utf8_stats(bytes);
    if (st.invalid_bytes == 0 && st.multibyte > 0) {
      encoding = &kUtf8;
      out.charset_source = "detected";
    }
  }
  if (encoding == nullptr) {
    const std::string_view sample = detection_sample(bytes);
    const Utf8Stats st = utf8_stats(sample);
    if (st.invalid_bytes == 0 && st.multibyte == 0) {
      encoding = &kUtf8;  // ASCII only: any ASCII-compatible choice reads the same
      out.charset_source = "default";
    } else if (st.invalid_bytes == 0 || st.multibyte >= 4 * st.invalid_bytes) {
      encoding = &kUtf8;  // UTF-8 with at most a few stray bytes
      out.charset_source = "detected";
    } else {
      encoding = encoding_for_label(detect_with_uchardet(sample), storage);
      out.charset_source = "detected";
      if (encoding == nullptr) {
        encoding = &kWindows1252;
        out.charset_source = "default";
      }
    }
  }

  out.charset = encoding->name;
  if (std::string_view(encoding->icu_name) == "UTF-8") {
    repair_utf8(bytes, out);
    return out;
  }
  if (auto ok = convert_with_icu(bytes, encoding->icu_name, out); !ok) {
    return tl::unexpected<Error>(ok.error());
  }
  return out;
}

}  // namespace tidings
