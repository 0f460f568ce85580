// Charset decisions and conversions of text/charset.h.
#include "text/charset.h"

#include <gtest/gtest.h>
#include <unicode/ucnv.h>
#include <unicode/ustring.h>

#include <string>

namespace tidings {
namespace {

// UTF-8 -> `charset` through ICU, to build test input in legacy encodings.
std::string encode(const std::string& utf8, const char* charset) {
  std::string out(utf8.size() * 4 + 16, '\0');
  UErrorCode err = U_ZERO_ERROR;
  const int32_t n = ucnv_convert(charset, "UTF-8", out.data(), static_cast<int32_t>(out.size()),
                                 utf8.data(), static_cast<int32_t>(utf8.size()), &err);
  EXPECT_TRUE(U_SUCCESS(err)) << u_errorName(err);
  out.resize(static_cast<size_t>(n));
  return out;
}

DecodedText decode(std::string_view bytes, std::string_view content_type = "") {
  auto r = decode_html_bytes(bytes, content_type);
  EXPECT_TRUE(r.has_value());
  return r ? *r : DecodedText{};
}

TEST(Charset, Utf8BomIsStripped) {
  const auto d = decode("\xEF\xBB\xBF<p>h\xC3\xA9llo</p>", "text/html; charset=iso-8859-1");
  EXPECT_EQ(d.charset, "UTF-8");
  EXPECT_EQ(d.charset_source, "bom");
  EXPECT_EQ(d.utf8, "<p>h\xC3\xA9llo</p>");
}

TEST(Charset, Utf16LeBom) {
  const std::string bytes = "\xFF\xFE" + encode("<p>h\xC3\xA9 \xE2\x82\xAC</p>", "UTF-16LE");
  const auto d = decode(bytes);
  EXPECT_EQ(d.charset, "UTF-16LE");
  EXPECT_EQ(d.utf8, "<p>h\xC3\xA9 \xE2\x82\xAC</p>");
  EXPECT_EQ(d.replaced, 0u);
}

TEST(Charset, HttpHeaderLatin1MeansWindows1252) {
  const auto d = decode("<p>caf\xE9 \x80 \x93quoted\x94</p>", "text/html; charset=ISO-8859-1");
  EXPECT_EQ(d.charset, "windows-1252");
  EXPECT_EQ(d.charset_source, "http");
  EXPECT_EQ(d.utf8, "<p>caf\xC3\xA9 \xE2\x82\xAC \xE2\x80\x9Cquoted\xE2\x80\x9D</p>");
}

// Header ISO-8859-1, <meta> windows-1251, bytes UTF-8 (a mislabelled page,
// tests/e2e/hostile_servers.sh serves one): the text must come out right.
TEST(Charset, WellFormedUtf8BeatsADeclaredLegacyCharset) {
  const std::string arabic = "أعلنت وزارة الصحة اليوم";
  const std::string body = "<meta charset=\"windows-1251\"><p>" + arabic + "</p>";
  const auto d = decode(body, "text/html; charset=ISO-8859-1");
  EXPECT_EQ(d.charset, "UTF-8");
  EXPECT_EQ(d.charset_source, "detected");
  EXPECT_NE(d.utf8.find(arabic), std::string::npos);
  const auto meta_only = decode("<meta charset=\"windows-1251\"><p>Привет</p>", "text/html");
  EXPECT_EQ(meta_only.charset, "UTF-8");
  EXPECT_NE(meta_only.utf8.find("Привет"), std::string::npos);
  // Legacy bytes that are not UTF-8 keep their label.
  const auto legacy =
      decode("<p>" + encode("Привет", "windows-1251") + "</p>", "text/html; charset=windows-1251");
  EXPECT_EQ(legacy.charset, "windows-1251");
  EXPECT_NE(legacy.utf8.find("Привет"), std::string::npos);
}

TEST(Charset, HttpHeaderQuotedAndBeatsMeta) {
  const std::string body = "<meta charset=\"utf-8\"><p>" + encode("Привет", "KOI8-R") + "</p>";
  const auto d = decode(body, "text/html;charset=\"koi8-r\"");
  EXPECT_EQ(d.charset, "KOI8-R");
  EXPECT_EQ(d.charset_source, "http");
  EXPECT_NE(d.utf8.find("Привет"), std::string::npos);
}

TEST(Charset, MetaCharset) {
  const std::string body = "<!doctype html><html><head><meta charset='windows-1251'>"
                           "<title>x</title></head><body>" + encode("Новости дня", "windows-1251");
  const auto d = decode(body);
  EXPECT_EQ(d.charset, "windows-1251");
  EXPECT_EQ(d.charset_source, "meta");
  EXPECT_NE(d.utf8.find("Новости дня"), std::string::npos);
}

TEST(Charset, MetaHttpEquiv) {
  const std::string body =
      "<html><head><META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=iso-8859-2\">"
      "</head><body>" + encode("Zażółć gęślą jaźń", "ISO-8859-2");
  const auto d = decode(body);
  EXPECT_EQ(d.charset, "ISO-8859-2");
  EXPECT_EQ(d.charset_source, "meta");
  EXPECT_NE(d.utf8.find("Zażółć gęślą jaźń"), std::string::npos);
}

TEST(Charset, MetaInsideCommentOrAttributeIsIgnored) {
  const auto d = decode("<!-- <meta charset=koi8-r> --><div title='<meta charset=koi8-r>'>"
                        "caf\xC3\xA9</div>");
  EXPECT_EQ(d.charset, "UTF-8");
  EXPECT_EQ(d.charset_source, "detected");
}

TEST(Charset, MetaUtf16MeansUtf8) {
  const auto d = decode("<meta charset=utf-16><p>caf\xC3\xA9</p>");
  EXPECT_EQ(d.charset, "UTF-8");
  EXPECT_EQ(d.utf8, "<meta charset=utf-16><p>caf\xC3\xA9</p>");
}

TEST(Charset, UnknownLabelFallsThrough) {
  const auto d = decode("<meta charset=no-such-charset><p>caf\xC3\xA9</p>", "text/html; charset=bogus");
  EXPECT_EQ(d.charset, "UTF-8");
  EXPECT_EQ(d.charset_source, "detected");
}

TEST(Charset, AsciiIsDefault) {
  const auto d = decode("<p>plain</p>");
  EXPECT_EQ(d.charset_source, "default");
  EXPECT_EQ(d.utf8, "<p>plain</p>");
}

TEST(Charset, DetectsWindows1252) {
  const std::string text =
      "<html><body><p>Le gouvernement français a annoncé mercredi une série de mesures "
      "destinées à soutenir les entreprises touchées par la crise énergétique. Selon le "
      "ministre de l'Économie, ces aides représenteront près de dix milliards d'euros "
      "d'ici à la fin de l'année. « Nous serons aux côtés des PME », a-t-il déclaré.</p>"
      "<p>Les syndicats ont salué une décision « nécessaire » mais jugent qu'elle arrive "
      "trop tard pour de nombreuses sociétés déjà fragilisées.</p></body></html>";
  const auto d = decode(encode(text, "windows-1252"));
  EXPECT_EQ(d.charset, "windows-1252");
  EXPECT_EQ(d.charset_source, "detected");
  EXPECT_EQ(d.utf8, text);
}

TEST(Charset, DetectsKoi8r) {
  const std::string text =
      "<html><body><p>Правительство России объявило в среду о новых мерах поддержки "
      "предприятий, пострадавших от энергетического кризиса. По словам министра "
      "экономического развития, объём помощи составит почти десять миллиардов рублей до "
      "конца года. Профсоюзы назвали решение необходимым, но запоздалым для многих "
      "компаний, которые уже оказались в трудном положении.</p></body></html>";
  const auto d = decode(encode(text, "KOI8-R"));
  EXPECT_EQ(d.charset, "KOI8-R");
  EXPECT_EQ(d.utf8, text);
}

TEST(Charset, DetectsShiftJis) {
  const std::string text =
      "<html><body><p>政府は水曜日、エネルギー危機の影響を受けた企業を支援するための新たな"
      "対策を発表した。経済大臣によると、支援額は年末までに約一兆円に達する見通しだという。"
      "労働組合はこの決定を必要なものと評価したが、多くの企業にとっては遅すぎると指摘した。"
      "</p></body></html>";
  const auto d = decode(encode(text, "Shift_JIS"));
  EXPECT_EQ(d.charset, "Shift_JIS");
  EXPECT_EQ(d.utf8, text);
}

// uchardet calls Korean "UHC"; it must become EUC-KR (windows-949), not the
// windows-1252 fallback.
TEST(Charset, DetectsKoreanThatUchardetCallsUhc) {
  const std::string text =
      "<html><body><p>외교부 장관은 수요일 새로운 국경 검문소에 관한 협상이 3월에 재개될 "
      "것이라고 말했으며, 지난봄 서명된 무역 협정은 2년 더 연장될 것이라고 밝혔다.</p>"
      "</body></html>";
  const auto d = decode(encode(text, "windows-949"));
  EXPECT_EQ(d.charset, "EUC-KR");
  EXPECT_EQ(d.utf8, text);
  EXPECT_EQ(d.replaced, 0u);
}

// 100 KB of ASCII script before the text: detection looks where the
// non-ASCII bytes are, not only at the first 64 KB.
TEST(Charset, DetectsAfterALongAsciiHead) {
  std::string head = "<html><head><script>var x = [";
  while (head.size() < 100 * 1024) head += "\"item\", ";
  head += "];</script></head>";
  const std::string text =
      head + "<body><p>Правительство России объявило в среду о новых мерах поддержки "
             "предприятий, пострадавших от энергетического кризиса.</p></body></html>";
  const auto d = decode(encode(text, "windows-1251"));
  EXPECT_EQ(d.charset, "windows-1251");
  EXPECT_EQ(d.utf8, text);
  EXPECT_EQ(d.charset_source, "detected");
}

TEST(Charset, InvalidUtf8IsReplacedAndCounted) {
  const auto d = decode("a\xFF" "b\xE2\x82" "c", "text/html; charset=utf-8");
  EXPECT_EQ(d.utf8, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c");
  EXPECT_EQ(d.replaced, 2u);
  EXPECT_EQ(d.invalid_bytes, 3u);
}

TEST(Charset, MaximalSubpartsAreReplacedOneEach) {
  // F0 80 80: F0 cannot be followed by 80, so three separate replacements.
  const auto d = decode("\xF0\x80\x80", "text/html; charset=utf-8");
  EXPECT_EQ(d.replaced, 3u);
  // E2 82 at the end is one truncated sequence.
  EXPECT_EQ(decode("x\xE2\x82", "text/html; charset=utf-8").replaced, 1u);
}

TEST(Charset, MostlyUtf8WithStrayByteStaysUtf8) {
  std::string body = "<p>";
  for (int i = 0; i < 10; ++i) body += "caf\xC3\xA9 na\xC3\xAFve ";
  body += "stray \xE9 byte</p>";
  const auto d = decode(body);
  EXPECT_EQ(d.charset, "UTF-8");
  EXPECT_EQ(d.replaced, 1u);
}

TEST(Charset, InvalidBytesInLegacyCharsetAreCounted) {
  // 0x81 alone is not a complete Shift_JIS character.
  const auto d = decode("ab\x81", "text/html; charset=shift_jis");
  EXPECT_EQ(d.utf8, "ab\xEF\xBF\xBD");
  EXPECT_EQ(d.replaced, 1u);
}

TEST(Charset, IsValidUtf8) {
  EXPECT_TRUE(is_valid_utf8(""));
  EXPECT_TRUE(is_valid_utf8("plain ascii text longer than eight bytes"));
  EXPECT_TRUE(is_valid_utf8("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80"));
  EXPECT_FALSE(is_valid_utf8("\xC0\x80"));          // overlong
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // beyond U+10FFFF
  EXPECT_FALSE(is_valid_utf8("abcdefgh\xE2\x82"));  // truncated after an ASCII run
}

// The inline validator against ICU's strict UTF-8 conversion, on random
// byte strings biased towards lead and continuation bytes, and on every
// two- and three-byte sequence.
TEST(Charset, IsValidUtf8AgreesWithIcu) {
  auto icu_valid = [](const std::string& s) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t length = 0;
    u_strFromUTF8(nullptr, 0, &length, s.data(), static_cast<int32_t>(s.size()), &status);
    return status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING ||
           U_SUCCESS(status);
  };
  std::string s;
  for (int a = 0x80; a < 0x100; ++a) {
    for (int b = 0; b < 0x100; ++b) {
      s = {static_cast<char>(a), static_cast<char>(b)};
      ASSERT_EQ(is_valid_utf8(s), icu_valid(s)) << a << " " << b;
      for (int c : {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF}) {
        s = {static_cast<char>(a), static_cast<char>(b), static_cast<char>(c)};
        ASSERT_EQ(is_valid_utf8(s), icu_valid(s)) << a << " " << b << " " << c;
      }
    }
  }
  uint32_t seed = 12345;
  auto next = [&]() { return seed = seed * 1664525u + 1013904223u; };
  static constexpr unsigned char kBytes[] = {0x20, 0x41, 0x7F, 0x80, 0x9F, 0xA0, 0xBF, 0xC2,
                                             0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF};
  for (int t = 0; t < 20000; ++t) {
    s.clear();
    const size_t len = next() % 24;
    for (size_t k = 0; k < len; ++k) s += static_cast<char>(kBytes[(next() >> 8) % 16]);
    ASSERT_EQ(is_valid_utf8(s), icu_valid(s)) << t;
  }
}

}  // namespace
}  // namespace tidings
