// Credits in the words of the text: datelines, credit phrases and lines,
// each a SourceLink with the agency's normalised name, and the phrases that
// must not count as credits.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "test_pages.h"

namespace tidings {
namespace {

using test::body_paragraphs;
using test::extract_ok;
using test::page;

// An article whose text starts with `first` and ends with `last`.
Article article_with(const std::string& first, const std::string& last = "",
                     const std::string& lang = "en") {
  std::string body = "<article><h1>Talks resume</h1>";
  if (!first.empty()) body += "<p>" + first + "</p>";
  body += body_paragraphs(3);
  if (!last.empty()) body += "<p>" + last + "</p>";
  body += "</article>";
  std::string html = page("", body);
  if (lang != "en") html.replace(html.find("lang=\"en\""), 9, "lang=\"" + lang + "\"");
  return extract_ok(html, "https://aggregator.example/news/1");
}

std::vector<SourceLink> of_kind(const Article& a, const std::string& kind) {
  std::vector<SourceLink> out;
  for (const SourceLink& l : a.source_links) {
    if (l.kind == kind) out.push_back(l);
  }
  return out;
}

std::string describe(const Article& a) {
  std::string s;
  for (const SourceLink& l : a.source_links) {
    s += "[" + l.kind + " '" + l.text + "' " + l.agency + " " + l.url + "] ";
  }
  return s;
}

// One entry of `kind`: its text and agency.
void expect_one(const Article& a, const std::string& kind, const std::string& text,
                const std::string& agency) {
  const std::vector<SourceLink> found = of_kind(a, kind);
  ASSERT_EQ(found.size(), 1u) << describe(a);
  EXPECT_EQ(found[0].text, text);
  EXPECT_EQ(found[0].agency, agency);
  EXPECT_EQ(found[0].url, "");
}

void expect_none(const Article& a) { EXPECT_TRUE(a.source_links.empty()) << describe(a); }

const std::string kStory =
    " Officials from both countries met on Wednesday to discuss the new border crossings and "
    "the trade agreement signed last spring.";

TEST(Datelines, WireFormsInEnglish) {
  expect_one(article_with("TEHRAN (IRNA) \xE2\x80\x94" + kStory), "dateline",
             "TEHRAN (IRNA) \xE2\x80\x94", "IRNA");
  expect_one(article_with("WASHINGTON (AP) \xE2\x80\x94" + kStory), "dateline",
             "WASHINGTON (AP) \xE2\x80\x94", "AP");
  expect_one(article_with("PARIS, Nov 1 (Reuters) -" + kStory), "dateline",
             "PARIS, Nov 1 (Reuters) -", "Reuters");
  expect_one(article_with("MOSCOW, November 1. /TASS/." + kStory), "dateline",
             "MOSCOW, November 1. /TASS/.", "TASS");
  expect_one(article_with("BEIJING, Nov. 1 (Xinhua) --" + kStory), "dateline",
             "BEIJING, Nov. 1 (Xinhua) --", "Xinhua");
  expect_one(article_with("(Reuters) -" + kStory), "dateline", "(Reuters) -", "Reuters");
  expect_one(article_with("SEOUL, Nov. 1 (Yonhap) --" + kStory), "dateline",
             "SEOUL, Nov. 1 (Yonhap) --", "Yonhap");
  expect_one(article_with("TOKYO (Kyodo) --" + kStory), "dateline", "TOKYO (Kyodo) --", "Kyodo");
  expect_one(article_with("BERLIN (dpa-AFX) -" + kStory), "dateline", "BERLIN (dpa-AFX) -",
             "dpa-AFX");
  expect_one(article_with("TEHRAN, Nov. 01 (MNA) \xE2\x80\x93" + kStory), "dateline",
             "TEHRAN, Nov. 01 (MNA) \xE2\x80\x93", "Mehr");
  expect_one(article_with("ANKARA (AA) -" + kStory), "dateline", "ANKARA (AA) -", "Anadolu");
  expect_one(article_with("LONDON (Reuters Breakingviews) -" + kStory), "dateline",
             "LONDON (Reuters Breakingviews) -", "Reuters");
}

TEST(Datelines, TwoAgencies) {
  const Article a = article_with("JERUSALEM (AP/Reuters) \xE2\x80\x94" + kStory);
  const std::vector<SourceLink> found = of_kind(a, "dateline");
  ASSERT_EQ(found.size(), 2u) << describe(a);
  EXPECT_EQ(found[0].agency, "AP");
  EXPECT_EQ(found[1].agency, "Reuters");
  EXPECT_EQ(found[1].text, "JERUSALEM (AP/Reuters) \xE2\x80\x94");
}

TEST(Datelines, AfterABylineAndASlug) {
  std::string body = "<article><h1>Tories under fire</h1><p>By DANICA KIRKA</p>"
                     "<p>BC-EU--Britain-Election, 1st Ld-Writethru</p><p>ITV, ASSOCIATED PRESS</p>"
                     "<p>LONDON (AP) \xE2\x80\x94" + kStory + "</p>" + body_paragraphs(3) +
                     "</article>";
  expect_one(extract_ok(page("", body), "https://hosted.example/a"), "dateline",
             "LONDON (AP) \xE2\x80\x94", "AP");
}

TEST(Datelines, PlaceAndDateThenTheStory) {
  // PTI and IANS put no dash after the agency.
  expect_one(article_with("New Delhi, Nov 1 (PTI) The government on Wednesday said the new rules "
                          "would apply from January."),
             "dateline", "New Delhi, Nov 1 (PTI)", "PTI");
}

TEST(Datelines, OtherLanguages) {
  expect_one(article_with("\xD0\x9C\xD0\x9E\xD0\xA1\xD0\x9A\xD0\x92\xD0\x90, 1 \xD0\xBD\xD0\xBE"
                          "\xD1\x8F \xE2\x80\x94 \xD0\xA0\xD0\x98\xD0\x90 \xD0\x9D\xD0\xBE\xD0\xB2"
                          "\xD0\xBE\xD1\x81\xD1\x82\xD0\xB8." + kStory),
             "dateline",
             "\xD0\x9C\xD0\x9E\xD0\xA1\xD0\x9A\xD0\x92\xD0\x90, 1 \xD0\xBD\xD0\xBE\xD1\x8F \xE2\x80"
             "\x94 \xD0\xA0\xD0\x98\xD0\x90 \xD0\x9D\xD0\xBE\xD0\xB2\xD0\xBE\xD1\x81\xD1\x82\xD0"
             "\xB8.",
             "RIA Novosti");  // МОСКВА, 1 ноя — РИА Новости.
  expect_one(article_with("Madrid, 1 nov (EFE).- El Gobierno aprob\xC3\xB3 hoy el nuevo plan de "
                          "infraestructuras para las regiones del norte del pa\xC3\xADs."),
             "dateline", "Madrid, 1 nov (EFE).-", "EFE");
  expect_one(article_with("Berlin (dpa) - Die Bundesregierung will die neuen Regeln schon im "
                          "Januar einf\xC3\xBChren, wie ein Sprecher am Mittwoch sagte."),
             "dateline", "Berlin (dpa) -", "dpa");
  // القاهرة (رويترز) -
  expect_one(article_with("\xD8\xA7\xD9\x84\xD9\x82\xD8\xA7\xD9\x87\xD8\xB1\xD8\xA9 (\xD8\xB1\xD9"
                          "\x88\xD9\x8A\xD8\xAA\xD8\xB1\xD8\xB2) -" + kStory),
             "dateline",
             "\xD8\xA7\xD9\x84\xD9\x82\xD8\xA7\xD9\x87\xD8\xB1\xD8\xA9 (\xD8\xB1\xD9\x88\xD9\x8A"
             "\xD8\xAA\xD8\xB1\xD8\xB2) -",
             "Reuters");
  // 新华社北京11月1日电
  expect_one(article_with("\xE6\x96\xB0\xE5\x8D\x8E\xE7\xA4\xBE\xE5\x8C\x97\xE4\xBA\xAC"
                          "11\xE6\x9C\x88" "1\xE6\x97\xA5\xE7\x94\xB5 " + kStory),
             "dateline",
             "\xE6\x96\xB0\xE5\x8D\x8E\xE7\xA4\xBE\xE5\x8C\x97\xE4\xBA\xAC" "11\xE6\x9C\x88"
             "1\xE6\x97\xA5\xE7\x94\xB5",
             "Xinhua");
  // (서울=연합뉴스)
  expect_one(article_with("(\xEC\x84\x9C\xEC\x9A\xB8=\xEC\x97\xB0\xED\x95\xA9\xEB\x89\xB4\xEC\x8A"
                          "\xA4) " + kStory),
             "dateline", "(\xEC\x84\x9C\xEC\x9A\xB8=\xEC\x97\xB0\xED\x95\xA9\xEB\x89\xB4\xEC\x8A\xA4)",
             "Yonhap");
}

TEST(Datelines, AnOutletOutsideTheTable) {
  expect_one(article_with("LONDON (CNN) \xE2\x80\x94" + kStory), "dateline", "LONDON (CNN) \xE2\x80\x94",
             "");
}

TEST(Datelines, SentencesThatOnlyLookLikeThem) {
  expect_none(article_with("The statement (IRNA said later) was read out on television, and"
                           " officials from both countries met on Wednesday."));
  expect_none(article_with("Officials in Tehran (the capital) said on Wednesday that the talks"
                           " would resume next week."));
  expect_none(article_with("(AP Photo/Evan Vucci) President speaks to reporters at the White House"
                           " on Wednesday, after the talks."));
  expect_none(article_with("Reuters journalists were among those who covered the talks in"
                           " Geneva, where officials from both countries met on Wednesday."));
  expect_none(article_with("AFP, the French agency founded in 1835, opened a new bureau in Lagos"
                           " on Wednesday."));
}

TEST(Credits, PhrasesInEnglish) {
  expect_one(article_with("", "The ministry has not commented, according to AFP."), "credit",
             "according to AFP", "AFP");
  expect_one(article_with("", "Three people were injured in the blast, IRNA reported."), "credit",
             "IRNA reported", "IRNA");
  expect_one(article_with("", "The talks would resume in March, the state-run IRNA news agency "
                              "said."),
             "credit", "IRNA news agency said", "IRNA");
  expect_one(article_with("", "A spokesman told Reuters the plant would reopen."), "credit",
             "told Reuters", "Reuters");
  expect_one(article_with("", "The figures were published on Tuesday, as reported by the "
                              "Associated Press."),
             "credit", "reported by the Associated Press", "AP");
  expect_one(article_with("", "The Associated Press contributed to this report."), "credit",
             "The Associated Press contributed", "AP");
  expect_one(article_with("", "The video was shared widely, via Reuters."), "credit",
             "via Reuters", "Reuters");
  expect_one(article_with("", "(With inputs from PTI)"), "credit", "With inputs from PTI", "PTI");
  expect_one(article_with("", "Prosecutors have not signed off on the facility, reports AP."),
             "credit", "reports AP", "AP");
  expect_one(article_with("", "The publicist confirmed to the Associated Press that she had died."),
             "credit", "confirmed to the Associated Press", "AP");
  expect_one(article_with("", "The quake damaged 50 schools, the Russian news agency TASS said."),
             "credit", "TASS said", "TASS");
  expect_one(article_with("", "The ministry said the project would be finished by 2025, "
                              "according to the official Xinhua news agency."),
             "credit", "according to the official Xinhua news agency", "Xinhua");
}

TEST(Credits, Lines) {
  expect_one(article_with("", "Source: Reuters"), "credit", "Source: Reuters", "Reuters");
  expect_one(article_with("", "Source: Ministry of Health"), "credit", "Source: Ministry of Health",
             "");
  expect_one(article_with("", "\xE2\x80\x94 Reuters"), "credit", "\xE2\x80\x94 Reuters", "Reuters");
  expect_one(article_with("", "AFP"), "credit", "AFP", "AFP");
  expect_one(article_with("", "By The Associated Press"), "credit", "By The Associated Press", "AP");
  expect_one(article_with("", "Reporting by John Smith in London; Editing by Jane Doe"), "credit",
             "Reporting by John Smith in London; Editing by Jane Doe", "Reuters");
  expect_one(article_with("", "The plant will reopen in March, the company said. (AFP)"), "credit",
             "(AFP)", "AFP");
  expect_one(article_with("", "The plant will reopen in March, the company said. -- Reuters"),
             "credit", "-- Reuters", "Reuters");
  expect_one(article_with("", "Deportees returned home after trying to enter the US. PTI"),
             "credit", "PTI", "PTI");
  expect_none(article_with("", "The plant will reopen in March, said Mr. Smith of Reuters."));
}

TEST(Credits, CopyrightLinesLeftOutOfTheText) {
  Article a = article_with("", "\xC2\xA9 Agence France-Presse");
  expect_one(a, "credit", "\xC2\xA9 Agence France-Presse", "AFP");
  EXPECT_EQ(a.text.find("Agence France-Presse"), std::string::npos);
  expect_one(article_with("", "Copyright 2023 The Associated Press. All rights reserved."),
             "credit", "Copyright 2023 The Associated Press. All rights reserved.", "AP");
}

TEST(Credits, OtherLanguages) {
  expect_one(article_with("", "La reuni\xC3\xB3n se celebr\xC3\xB3 el martes, seg\xC3\xBAn EFE.",
                          "es"),
             "credit", "seg\xC3\xBAn EFE", "EFE");
  expect_one(article_with("", "Le sommet aura lieu en mars, selon l'AFP.", "fr"), "credit",
             "selon l'AFP", "AFP");
  expect_one(article_with("", "Das Werk soll im M\xC3\xA4rz wieder \xC3\xB6" "ffnen, berichtet dpa.",
                          "de"),
             "credit", "berichtet dpa", "dpa");
  // Переговоры возобновятся в марте, по данным ТАСС.
  expect_one(article_with("", "\xD0\x9F\xD0\xB5\xD1\x80\xD0\xB5\xD0\xB3\xD0\xBE\xD0\xB2\xD0\xBE"
                              "\xD1\x80\xD1\x8B \xD0\xB2 \xD0\xBC\xD0\xB0\xD1\x80\xD1\x82\xD0\xB5, "
                              "\xD0\xBF\xD0\xBE \xD0\xB4\xD0\xB0\xD0\xBD\xD0\xBD\xD1\x8B\xD0\xBC "
                              "\xD0\xA2\xD0\x90\xD0\xA1\xD0\xA1.",
                          "ru"),
             "credit",
             "\xD0\xBF\xD0\xBE \xD0\xB4\xD0\xB0\xD0\xBD\xD0\xBD\xD1\x8B\xD0\xBC \xD0\xA2\xD0\x90\xD0"
             "\xA1\xD0\xA1",
             "TASS");
  // به گزارش خبرگزاری ایرنا، ...
  expect_one(article_with("", "\xD8\xA8\xD9\x87 \xDA\xAF\xD8\xB2\xD8\xA7\xD8\xB1\xD8\xB4 \xD8\xAE"
                              "\xD8\xA8\xD8\xB1\xDA\xAF\xD8\xB2\xD8\xA7\xD8\xB1\xDB\x8C \xD8\xA7"
                              "\xDB\x8C\xD8\xB1\xD9\x86\xD8\xA7\xD8\x8C \xD9\x85\xD8\xB0\xD8\xA7"
                              "\xDA\xA9\xD8\xB1\xD8\xA7\xD8\xAA \xD8\xA7\xD8\xAF\xD8\xA7\xD9\x85"
                              "\xD9\x87 \xD8\xAF\xD8\xA7\xD8\xB1\xD8\xAF.",
                          "fa"),
             "credit",
             "\xD8\xA8\xD9\x87 \xDA\xAF\xD8\xB2\xD8\xA7\xD8\xB1\xD8\xB4 \xD8\xAE\xD8\xA8\xD8\xB1"
             "\xDA\xAF\xD8\xB2\xD8\xA7\xD8\xB1\xDB\x8C \xD8\xA7\xDB\x8C\xD8\xB1\xD9\x86\xD8\xA7",
             "IRNA");
  // ... نقلا عن وكالة رويترز
  expect_one(article_with("", "\xD9\x88\xD9\x82\xD8\xA7\xD9\x84 \xD8\xA7\xD9\x84\xD9\x85\xD8\xB3"
                              "\xD8\xA4\xD9\x88\xD9\x84 \xD8\xA5\xD9\x86 \xD8\xA7\xD9\x84\xD9\x85"
                              "\xD8\xAD\xD8\xA7\xD8\xAF\xD8\xAB\xD8\xA7\xD8\xAA \xD8\xB3\xD8\xAA"
                              "\xD8\xB3\xD8\xAA\xD8\xA3\xD9\x86\xD9\x81 \xD9\x86\xD9\x82\xD9\x84"
                              "\xD8\xA7 \xD8\xB9\xD9\x86 \xD9\x88\xD9\x83\xD8\xA7\xD9\x84\xD8\xA9 "
                              "\xD8\xB1\xD9\x88\xD9\x8A\xD8\xAA\xD8\xB1\xD8\xB2.",
                          "ar"),
             "credit",
             "\xD9\x86\xD9\x82\xD9\x84\xD8\xA7 \xD8\xB9\xD9\x86 \xD9\x88\xD9\x83\xD8\xA7\xD9\x84"
             "\xD8\xA9 \xD8\xB1\xD9\x88\xD9\x8A\xD8\xAA\xD8\xB1\xD8\xB2",
             "Reuters");
  // 据新华社报道，...
  expect_one(article_with("", "\xE6\x8D\xAE\xE6\x96\xB0\xE5\x8D\x8E\xE7\xA4\xBE\xE6\x8A\xA5\xE9"
                              "\x81\x93\xEF\xBC\x8C\xE4\xBC\x9A\xE8\xB0\x88\xE5\xB0\x86\xE4\xBA"
                              "\x8E\xE4\xB8\x8B\xE5\x91\xA8\xE6\x81\xA2\xE5\xA4\x8D\xE3\x80\x82",
                          "zh"),
             "credit", "\xE6\x8D\xAE\xE6\x96\xB0\xE5\x8D\x8E\xE7\xA4\xBE", "Xinhua");
}

TEST(Credits, MentionsThatAreNotCredits) {
  expect_none(article_with("", "At least 8,796 people were killed, according to officials."));
  expect_none(article_with("", "The company said its CAPTAIN and MAPPING teams would merge."));
  expect_none(article_with("", "The AP style guide was updated on Tuesday, and editors welcomed "
                               "the change to its rules on capital letters."));
  expect_none(article_with("", "Investors in the MENA region welcomed the decision."));
  expect_none(article_with("", "Source: Getty Images"));
  expect_none(article_with("", "Sources: Sox May Not Be Out Of Teixeira Chase"));
  expect_none(article_with("", "Source: the company expects to hire more than two hundred new "
                               "workers next year"));
  expect_none(article_with("", "Petra, the ancient city, drew record crowds last summer."));
  expect_none(article_with("", "Reuters journalists won the prize for their reporting on the war."));
  expect_none(article_with("", "He joined Bloomberg in 2010 and left in 2015 to start a fund."));
}

TEST(Credits, OnePerAgencyAndNoneForWhatALinkNames) {
  Article a = article_with("PARIS (AFP) -" + kStory,
                           "The talks will resume in March, according to AFP.");
  ASSERT_EQ(a.source_links.size(), 1u) << describe(a);
  EXPECT_EQ(a.source_links[0].kind, "dateline");
  // "Source: <a>IRNA</a>": one link, with the agency; no credit beside it.
  a = article_with("", "Source: <a href=\"https://aggregator.example/go/9\">IRNA</a>");
  ASSERT_EQ(a.source_links.size(), 1u) << describe(a);
  EXPECT_EQ(a.source_links[0].kind, "link");
  EXPECT_EQ(a.source_links[0].agency, "IRNA");
}

TEST(Credits, LinksToAnAgencyCarryIt) {
  const std::string body =
      "<article>" + body_paragraphs(3) +
      "<p><a href=\"https://www.reuters.com/world/talks-2023-11-01/\">Source link</a></p>"
      "</article>";
  const Article a = extract_ok(page("<link rel=\"canonical\" href=\"https://en.irna.ir/news/8512\">",
                                    body),
                               "https://aggregator.example/news/1");
  ASSERT_EQ(a.source_links.size(), 2u) << describe(a);
  EXPECT_EQ(a.source_links[0].kind, "link");
  EXPECT_EQ(a.source_links[0].agency, "Reuters");
  EXPECT_EQ(a.source_links[1].kind, "canonical");
  EXPECT_EQ(a.source_links[1].agency, "IRNA");
}

}  // namespace
}  // namespace tidings
