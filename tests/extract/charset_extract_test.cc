// Charsets through extract_article (issue 5): declared ones (<meta charset>,
// http-equiv, the HTTP header), byte-order marks, and undeclared legacy
// encodings detected, each giving the article's text in UTF-8.
#include <unicode/ucnv.h>

#include <gtest/gtest.h>

#include <string>

#include "test_pages.h"

namespace tidings {
namespace {

// `utf8` in charset `to`, by ICU.
std::string encode(const std::string& utf8, const char* to) {
  UErrorCode err = U_ZERO_ERROR;
  std::string out(utf8.size() * 4 + 16, '\0');
  const int32_t n = ucnv_convert(to, "UTF-8", out.data(), static_cast<int32_t>(out.size()),
                                 utf8.data(), static_cast<int32_t>(utf8.size()), &err);
  EXPECT_TRUE(U_SUCCESS(err)) << to << ": " << u_errorName(err);
  out.resize(U_SUCCESS(err) ? static_cast<size_t>(n) : 0);
  return out;
}

struct Sample {
  const char* charset;  // ICU name to encode with
  const char* lang;
  std::string title;
  std::string paragraph;  // one paragraph, repeated to make a body
};

const Sample kRussian{"windows-1251", "ru", "Переговоры возобновятся в марте",
                      "Министр иностранных дел заявил в среду, что переговоры о новых пограничных "
                      "переходах возобновятся в марте, а торговое соглашение, подписанное прошлой "
                      "весной, будет продлено ещё на два года."};
const Sample kArabic{"windows-1256", "ar", "استئناف المحادثات في مارس",
                     "قال وزير الخارجية يوم الأربعاء إن المحادثات بشأن المعابر الحدودية الجديدة "
                     "ستستأنف في مارس، وإن الاتفاقية التجارية التي وقعت في الربيع الماضي ستمدد "
                     "لمدة عامين آخرين."};
const Sample kJapanese{"Shift_JIS", "ja", "協議は三月に再開へ",
                       "外務大臣は水曜日、新しい国境検問所に関する協議を三月に再開すると述べ、昨年"
                       "の春に署名された貿易協定をさらに二年間延長する考えを示した。"};
const Sample kKorean{"EUC-KR", "ko", "협상 3월 재개",
                     "외교부 장관은 수요일 새로운 국경 검문소에 관한 협상이 3월에 재개될 것이라고 "
                     "말했으며, 지난봄 서명된 무역 협정은 2년 더 연장될 것이라고 밝혔다."};
const Sample kChinese{"GBK", "zh", "谈判将于三月恢复",
                      "外交部长星期三表示，关于新边境口岸的谈判将于三月恢复，去年春天签署的贸易协定"
                      "将再延长两年，双方对此表示欢迎。"};
const Sample kFrench{"ISO-8859-1", "fr", "Les négociations reprendront en mars",
                     "Le ministre des Affaires étrangères a déclaré mercredi que les négociations "
                     "sur les nouveaux postes frontières reprendront en mars, et que l'accord "
                     "commercial signé au printemps dernier sera prolongé de deux ans."};

// A page in `s`'s language; `head` goes into <head> before the title.
std::string page_utf8(const Sample& s, const std::string& head, int paragraphs = 6) {
  std::string html = "<!DOCTYPE html><html lang=\"" + std::string(s.lang) + "\"><head>" + head +
                     "<title>" + s.title + "</title></head><body><article><h1>" + s.title +
                     "</h1>";
  for (int i = 0; i < paragraphs; ++i) html += "<p>" + s.paragraph + "</p>";
  return html + "</article></body></html>";
}

Result<Extraction> run(const std::string& bytes, const std::string& content_type = "") {
  ExtractOptions options;
  options.url = "https://charset.example/a";
  options.content_type = content_type;
  options.now = test::test_now();
  return extract_article(bytes, options);
}

void expect_text(const Sample& s, const Result<Extraction>& r) {
  ASSERT_TRUE(r.has_value()) << s.charset << ": " << r.error().message;
  EXPECT_EQ(r->article.title, s.title) << s.charset;
  EXPECT_NE(r->article.text.find(s.paragraph), std::string::npos)
      << s.charset << ": " << r->article.text.substr(0, 300);
  EXPECT_TRUE(r->warnings.empty()) << s.charset << ": " << r->warnings[0];
}

TEST(CharsetExtract, MetaCharset) {
  for (const Sample* s : {&kRussian, &kArabic, &kJapanese, &kKorean, &kChinese, &kFrench}) {
    const std::string head = "<meta charset=\"" + std::string(s->charset) + "\">";
    expect_text(*s, run(encode(page_utf8(*s, head), s->charset)));
  }
}

TEST(CharsetExtract, MetaHttpEquiv) {
  for (const Sample* s : {&kRussian, &kJapanese}) {
    const std::string head = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=" +
                             std::string(s->charset) + "\">";
    expect_text(*s, run(encode(page_utf8(*s, head), s->charset)));
  }
}

TEST(CharsetExtract, HttpHeaderBeatsMeta) {
  for (const Sample* s : {&kArabic, &kKorean}) {
    const std::string head = "<meta charset=\"iso-8859-1\">";
    expect_text(*s, run(encode(page_utf8(*s, head), s->charset),
                        "text/html; charset=" + std::string(s->charset)));
  }
}

TEST(CharsetExtract, ByteOrderMarks) {
  const std::string html = page_utf8(kRussian, "");
  expect_text(kRussian, run("\xEF\xBB\xBF" + html));
  expect_text(kRussian, run("\xFF\xFE" + encode(html, "UTF-16LE")));
  expect_text(kRussian, run("\xFE\xFF" + encode(html, "UTF-16BE")));
  // The BOM wins over a header that says otherwise.
  expect_text(kRussian, run("\xFF\xFE" + encode(html, "UTF-16LE"), "text/html; charset=utf-8"));
}

TEST(CharsetExtract, UndeclaredLegacyEncodingsAreDetected) {
  for (const Sample* s : {&kRussian, &kArabic, &kJapanese, &kKorean, &kChinese, &kFrench}) {
    expect_text(*s, run(encode(page_utf8(*s, ""), s->charset)));
  }
}

// A head of 100 KB of script before the first non-ASCII byte: detection must
// look at the text, not only at the first bytes.
TEST(CharsetExtract, UndeclaredAfterALongAsciiHead) {
  std::string script = "<script>var data = [";
  while (script.size() < 100 * 1024) script += "\"item\", ";
  script += "];</script>";
  for (const Sample* s : {&kRussian, &kArabic, &kJapanese, &kFrench}) {
    expect_text(*s, run(encode(page_utf8(*s, script), s->charset)));
  }
}

// A <meta charset> placed after 5 KB of other head elements.
TEST(CharsetExtract, LateMetaCharset) {
  std::string head;
  while (head.size() < 5 * 1024) head += "<link rel=\"preload\" href=\"/static/font.woff2\">\n";
  for (const Sample* s : {&kRussian, &kFrench}) {
    const std::string h = head + "<meta charset=\"" + std::string(s->charset) + "\">";
    expect_text(*s, run(encode(page_utf8(*s, h), s->charset)));
  }
}

}  // namespace
}  // namespace tidings
