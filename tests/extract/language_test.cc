// Pages in other scripts: right-to-left text, no spaces between words,
// combining marks, zero-width non-joiners. The text must come out whole and
// the language right, whatever the page's lang attribute says.
#include "extract/language.h"

#include <gtest/gtest.h>

#include <string>

#include "test_pages.h"

namespace tidings {
namespace {

using test::extract_ok;

struct Sample {
  const char* code;
  const char* lang_attr;  // what a careless template declares
  const char* dir;
  const char* title;
  const char* sentence;
};

// Our own sentences, one news paragraph per language.
const Sample kSamples[] = {
    {"ar", "en", "rtl", "افتتاح مستشفى جديد في العاصمة",
     "أعلنت وزارة الصحة يوم الثلاثاء عن افتتاح مستشفى جديد في العاصمة، وقال الوزير إن "
     "المستشفى سيخدم أكثر من مليون مواطن في المنطقة. وأضاف أن الحكومة ستواصل الاستثمار في "
     "القطاع الصحي خلال السنوات المقبلة."},
    {"fa", "ar", "rtl", "افتتاح بیمارستان تازه در پایتخت",
     "وزارت بهداشت روز سه\u200cشنبه از افتتاح یک بیمارستان جدید در پایتخت خبر داد. وزیر گفت "
     "این بیمارستان به بیش از یک میلیون نفر از مردم منطقه خدمت خواهد کرد و دولت "
     "سرمایه\u200cگذاری در بخش سلامت را در سال\u200cهای آینده ادامه می\u200cدهد."},
    {"ru", "en", "ltr", "В столице открылась новая больница",
     "Министерство здравоохранения во вторник объявило об открытии новой больницы в столице. "
     "По словам министра, больница будет обслуживать более миллиона жителей региона, а "
     "правительство продолжит вкладывать средства в здравоохранение в ближайшие годы."},
    {"zh", "en", "ltr", "首都新医院开业",
     "卫生部周二宣布在首都开设一家新医院。部长表示，这家医院将为该地区一百多万居民提供服务，"
     "政府将在未来几年继续投资医疗卫生领域。医院共有八百张床位，预计明年全面投入使用。"},
    {"ja", "zh", "ltr", "首都に新病院が開院",
     "厚生労働省は火曜日、首都に新しい病院を開設すると発表した。大臣によると、この病院は"
     "地域の百万人以上の住民に医療を提供し、政府は今後数年間も医療分野への投資を続けるという。"},
    {"ko", "en", "ltr", "수도에 새 병원 개원",
     "보건부는 화요일 수도에 새 병원을 개원한다고 발표했다. 장관은 이 병원이 지역 주민 백만 "
     "명 이상에게 의료 서비스를 제공할 것이며 정부는 앞으로 몇 년 동안 보건 분야에 대한 "
     "투자를 계속할 것이라고 말했다."},
    {"hi", "en", "ltr", "राजधानी में नए अस्पताल का उद्घाटन",
     "स्वास्थ्य मंत्रालय ने मंगलवार को राजधानी में एक नए अस्पताल के खुलने की घोषणा की। मंत्री ने "
     "कहा कि यह अस्पताल क्षेत्र के दस लाख से अधिक लोगों को सेवा देगा और सरकार आने वाले वर्षों "
     "में स्वास्थ्य क्षेत्र में निवेश जारी रखेगी।"},
};

std::string sample_page(const Sample& s, const std::string& lang) {
  std::string html = "<!DOCTYPE html><html lang=\"" + lang + "\" dir=\"" + s.dir +
                     "\"><head><meta charset=\"utf-8\"><title>" + s.title +
                     "</title></head><body><article><h1>" + s.title + "</h1>";
  for (int i = 0; i < 3; ++i) html += std::string("<p>") + s.sentence + "</p>";
  return html + "</article></body></html>";
}

TEST(Language, EachScriptComesOutWholeWithItsLanguage) {
  for (const Sample& s : kSamples) {
    // The template's lang is wrong: the text decides.
    const Article wrong = extract_ok(sample_page(s, s.lang_attr));
    EXPECT_EQ(wrong.language, s.code) << s.code << " declared " << s.lang_attr;
    EXPECT_NE(wrong.text.find(s.sentence), std::string::npos) << s.code << ": " << wrong.text;
    EXPECT_EQ(wrong.title, s.title) << s.code;
    // Declared right: right, of course.
    EXPECT_EQ(extract_ok(sample_page(s, s.code)).language, s.code) << s.code;
  }
}

// A title alone is too short for CLD2 to be sure: the page's lang decides
// between languages that share a script.
TEST(Language, ShortTextFollowsTheDeclaredLanguage) {
  using extract_detail::detect_language;
  EXPECT_EQ(detect_language("خبر فوری", "", "fa"), "fa");
  EXPECT_EQ(detect_language("خبر فوری", "", "ar"), "ar");
  EXPECT_EQ(detect_language("", "", "ja"), "ja");
  EXPECT_EQ(detect_language("", "", ""), "");
}

// Hindi keeps its combining vowel signs and viramas; Persian its ZWNJ.
TEST(Language, CombiningMarksAndJoinersSurvive) {
  const Article hi = extract_ok(sample_page(kSamples[6], "hi"));
  EXPECT_NE(hi.text.find("स्वास्थ्य"), std::string::npos);
  const Article fa = extract_ok(sample_page(kSamples[1], "fa"));
  EXPECT_NE(fa.text.find("سه\u200cشنبه"), std::string::npos);
}

}  // namespace
}  // namespace tidings
