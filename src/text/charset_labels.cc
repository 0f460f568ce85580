// The label table: web charset labels -> WHATWG encodings -> ICU converter
// names (WHATWG Encoding Standard §4.2, the common labels).
#include "text/charset_internal.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace tidings::charset_detail {

namespace {

constexpr Encoding kUtf8{"UTF-8", "UTF-8"};
constexpr Encoding kUtf16Le{"UTF-16LE", "UTF-16LE"};
constexpr Encoding kUtf16Be{"UTF-16BE", "UTF-16BE"};
constexpr Encoding kWindows1252{"windows-1252", "windows-1252"};

struct Label {
  const char* label;
  Encoding encoding;
};

// Sorted by label for binary search; labels lower case.
constexpr Label kLabels[] = {
    {"866", {"IBM866", "IBM866"}},
    {"ansi_x3.4-1968", kWindows1252},
    {"arabic", {"ISO-8859-6", "ISO-8859-6"}},
    {"ascii", kWindows1252},
    {"big5", {"Big5", "Big5-HKSCS"}},
    {"big5-hkscs", {"Big5", "Big5-HKSCS"}},
    {"chinese", {"GBK", "GBK"}},
    {"cn-big5", {"Big5", "Big5-HKSCS"}},
    {"cp1250", {"windows-1250", "windows-1250"}},
    {"cp1251", {"windows-1251", "windows-1251"}},
    {"cp1252", kWindows1252},
    {"cp1253", {"windows-1253", "windows-1253"}},
    {"cp1254", {"windows-1254", "windows-1254"}},
    {"cp1255", {"windows-1255", "windows-1255"}},
    {"cp1256", {"windows-1256", "windows-1256"}},
    {"cp1257", {"windows-1257", "windows-1257"}},
    {"cp1258", {"windows-1258", "windows-1258"}},
    {"cp819", kWindows1252},
    {"cp866", {"IBM866", "IBM866"}},
    {"cp936", {"GBK", "GBK"}},
    {"cp949", {"EUC-KR", "windows-949"}},
    {"csbig5", {"Big5", "Big5-HKSCS"}},
    {"cseuckr", {"EUC-KR", "windows-949"}},
    {"cseucpkdfmtjapanese", {"EUC-JP", "EUC-JP"}},
    {"csgb2312", {"GBK", "GBK"}},
    {"csiso2022jp", {"ISO-2022-JP", "ISO-2022-JP"}},
    {"csisolatin1", kWindows1252},
    {"csisolatin2", {"ISO-8859-2", "ISO-8859-2"}},
    {"csisolatincyrillic", {"ISO-8859-5", "ISO-8859-5"}},
    {"cskoi8r", {"KOI8-R", "KOI8-R"}},
    {"csshiftjis", {"Shift_JIS", "windows-31j"}},
    {"euc-jp", {"EUC-JP", "EUC-JP"}},
    {"euc-kr", {"EUC-KR", "windows-949"}},
    {"gb18030", {"gb18030", "gb18030"}},
    {"gb2312", {"GBK", "GBK"}},
    {"gb_2312-80", {"GBK", "GBK"}},
    {"gbk", {"GBK", "GBK"}},
    {"greek", {"ISO-8859-7", "ISO-8859-7"}},
    {"hebrew", {"ISO-8859-8", "ISO-8859-8"}},
    {"ibm819", kWindows1252},
    {"ibm866", {"IBM866", "IBM866"}},
    {"iso-2022-jp", {"ISO-2022-JP", "ISO-2022-JP"}},
    {"iso-8859-1", kWindows1252},
    {"iso-8859-10", {"ISO-8859-10", "ISO-8859-10"}},
    {"iso-8859-11", {"windows-874", "windows-874"}},
    {"iso-8859-13", {"ISO-8859-13", "ISO-8859-13"}},
    {"iso-8859-14", {"ISO-8859-14", "ISO-8859-14"}},
    {"iso-8859-15", {"ISO-8859-15", "ISO-8859-15"}},
    {"iso-8859-16", {"ISO-8859-16", "ISO-8859-16"}},
    {"iso-8859-2", {"ISO-8859-2", "ISO-8859-2"}},
    {"iso-8859-3", {"ISO-8859-3", "ISO-8859-3"}},
    {"iso-8859-4", {"ISO-8859-4", "ISO-8859-4"}},
    {"iso-8859-5", {"ISO-8859-5", "ISO-8859-5"}},
    {"iso-8859-6", {"ISO-8859-6", "ISO-8859-6"}},
    {"iso-8859-7", {"ISO-8859-7", "ISO-8859-7"}},
    {"iso-8859-8", {"ISO-8859-8", "ISO-8859-8"}},
    {"iso-8859-8-i", {"ISO-8859-8-I", "ISO-8859-8"}},
    {"iso-8859-9", {"windows-1254", "windows-1254"}},
    {"iso8859-1", kWindows1252},
    {"iso8859-15", {"ISO-8859-15", "ISO-8859-15"}},
    {"iso8859-2", {"ISO-8859-2", "ISO-8859-2"}},
    {"iso8859-5", {"ISO-8859-5", "ISO-8859-5"}},
    {"iso8859-9", {"windows-1254", "windows-1254"}},
    {"iso88591", kWindows1252},
    {"iso_8859-1", kWindows1252},
    {"iso_8859-15", {"ISO-8859-15", "ISO-8859-15"}},
    {"iso_8859-1:1987", kWindows1252},
    {"iso_8859-2", {"ISO-8859-2", "ISO-8859-2"}},
    {"iso_8859-5", {"ISO-8859-5", "ISO-8859-5"}},
    {"iso_8859-9", {"windows-1254", "windows-1254"}},
    {"koi", {"KOI8-R", "KOI8-R"}},
    {"koi8", {"KOI8-R", "KOI8-R"}},
    {"koi8-r", {"KOI8-R", "KOI8-R"}},
    {"koi8-ru", {"KOI8-U", "KOI8-U"}},
    {"koi8-u", {"KOI8-U", "KOI8-U"}},
    {"koi8_r", {"KOI8-R", "KOI8-R"}},
    {"korean", {"EUC-KR", "windows-949"}},
    {"ks_c_5601-1987", {"EUC-KR", "windows-949"}},
    {"l1", kWindows1252},
    {"l2", {"ISO-8859-2", "ISO-8859-2"}},
    {"l5", {"windows-1254", "windows-1254"}},
    {"l9", {"ISO-8859-15", "ISO-8859-15"}},
    {"latin1", kWindows1252},
    {"latin2", {"ISO-8859-2", "ISO-8859-2"}},
    {"latin5", {"windows-1254", "windows-1254"}},
    {"latin9", {"ISO-8859-15", "ISO-8859-15"}},
    {"mac", {"macintosh", "macintosh"}},
    {"macintosh", {"macintosh", "macintosh"}},
    {"ms932", {"Shift_JIS", "windows-31j"}},
    {"ms_kanji", {"Shift_JIS", "windows-31j"}},
    {"shift-jis", {"Shift_JIS", "windows-31j"}},
    {"shift_jis", {"Shift_JIS", "windows-31j"}},
    {"sjis", {"Shift_JIS", "windows-31j"}},
    {"tis-620", {"windows-874", "windows-874"}},
    {"ucs-2", kUtf16Le},
    {"unicode", kUtf16Le},
    {"unicode-1-1-utf-8", kUtf8},
    {"us-ascii", kWindows1252},
    {"utf-16", kUtf16Le},
    {"utf-16be", kUtf16Be},
    {"utf-16le", kUtf16Le},
    {"utf-8", kUtf8},
    {"utf8", kUtf8},
    {"windows-1250", {"windows-1250", "windows-1250"}},
    {"windows-1251", {"windows-1251", "windows-1251"}},
    {"windows-1252", kWindows1252},
    {"windows-1253", {"windows-1253", "windows-1253"}},
    {"windows-1254", {"windows-1254", "windows-1254"}},
    {"windows-1255", {"windows-1255", "windows-1255"}},
    {"windows-1256", {"windows-1256", "windows-1256"}},
    {"windows-1257", {"windows-1257", "windows-1257"}},
    {"windows-1258", {"windows-1258", "windows-1258"}},
    {"windows-31j", {"Shift_JIS", "windows-31j"}},
    {"windows-874", {"windows-874", "windows-874"}},
    {"windows-936", {"GBK", "GBK"}},
    {"windows-949", {"EUC-KR", "windows-949"}},
    {"x-cp1250", {"windows-1250", "windows-1250"}},
    {"x-cp1251", {"windows-1251", "windows-1251"}},
    {"x-cp1252", kWindows1252},
    {"x-euc-jp", {"EUC-JP", "EUC-JP"}},
    {"x-gbk", {"GBK", "GBK"}},
    {"x-mac-cyrillic", {"x-mac-cyrillic", "x-mac-cyrillic"}},
    {"x-mac-roman", {"macintosh", "macintosh"}},
    {"x-sjis", {"Shift_JIS", "windows-31j"}},
    {"x-unicode20utf8", kUtf8},
    {"x-user-defined", kWindows1252},
    {"x-x-big5", {"Big5", "Big5-HKSCS"}},
};

constexpr size_t kMaxLabel = 40;

}  // namespace

const Encoding* find_encoding(std::string_view label) {
  while (!label.empty() && std::isspace(static_cast<unsigned char>(label.front()))) {
    label.remove_prefix(1);
  }
  while (!label.empty() && std::isspace(static_cast<unsigned char>(label.back()))) {
    label.remove_suffix(1);
  }
  if (label.empty() || label.size() > kMaxLabel) return nullptr;
  std::array<char, kMaxLabel> lower{};
  for (size_t i = 0; i < label.size(); ++i) {
    lower[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(label[i])));
  }
  const std::string_view key(lower.data(), label.size());
  const auto* end = std::end(kLabels);
  const auto* it = std::lower_bound(std::begin(kLabels), end, key,
                                    [](const Label& l, std::string_view k) { return l.label < k; });
  if (it == end || it->label != key) return nullptr;
  return &it->encoding;
}

}  // namespace tidings::charset_detail
