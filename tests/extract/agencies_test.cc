// The agency table: its size and consistency, lookups by domain and by name.
#include "extract/agencies.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

namespace tidings::extract_detail {
namespace {

template <typename F>
void each(std::string_view list, F&& f) {
  size_t start = 0;
  while (start < list.size()) {
    size_t bar = list.find('|', start);
    if (bar == std::string_view::npos) bar = list.size();
    f(list.substr(start, bar - start));
    start = bar + 1;
  }
}

TEST(Agencies, TableCoversTheWorldAndEachNameAndDomainOnce) {
  const std::vector<Agency>& table = agency_table();
  EXPECT_GE(table.size(), 60u);
  std::map<std::string, std::string> spelling_owner, domain_owner;
  std::set<std::string> names;
  for (const Agency& a : table) {
    EXPECT_FALSE(a.name.empty());
    EXPECT_TRUE(names.insert(std::string(a.name)).second) << a.name;
    EXPECT_FALSE(a.spellings.empty()) << a.name;
    EXPECT_FALSE(a.domains.empty()) << a.name;
    each(a.spellings, [&](std::string_view s) {
      EXPECT_FALSE(s.empty()) << a.name;
      std::string key;
      for (const Word& w : split_words(s)) key += w.lower + " ";
      if (key.empty()) key = std::string(s);
      // Case-sensitive abbreviations ("AP") may share a lower-case form with
      // another agency's word only if that one is case-sensitive too.
      if (s[0] == '=' ||
          (s.size() <= 5 && s.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") == std::string::npos)) {
        key = std::string("=").append(s);
      }
      auto [it, fresh] = spelling_owner.emplace(key, std::string(a.name));
      EXPECT_TRUE(fresh || it->second == a.name)
          << "'" << s << "' is spelled by " << it->second << " and " << a.name;
    });
    each(a.domains, [&](std::string_view d) {
      EXPECT_EQ(d.find('/'), std::string_view::npos) << d;
      auto [it, fresh] = domain_owner.emplace(std::string(d), std::string(a.name));
      EXPECT_TRUE(fresh) << d << " is a domain of " << it->second << " and " << a.name;
    });
  }
}

TEST(Agencies, ByHost) {
  auto name = [](std::string_view host) {
    const Agency* a = agency_for_host(host);
    return a != nullptr ? std::string(a->name) : std::string("-");
  };
  EXPECT_EQ(name("www.reuters.com"), "Reuters");
  EXPECT_EQ(name("en.irna.ir"), "IRNA");
  EXPECT_EQ(name("irna.ir"), "IRNA");
  EXPECT_EQ(name("english.news.cn"), "Xinhua");
  EXPECT_EQ(name("www.xinhuanet.com"), "Xinhua");
  EXPECT_EQ(name("tass.com"), "TASS");
  EXPECT_EQ(name("tass.ru"), "TASS");
  EXPECT_EQ(name("ria.ru"), "RIA Novosti");
  EXPECT_EQ(name("www.aa.com.tr"), "Anadolu");
  EXPECT_EQ(name("english.kyodonews.net"), "Kyodo");
  EXPECT_EQ(name("en.yna.co.kr"), "Yonhap");
  EXPECT_EQ(name("www.ptinews.com"), "PTI");
  EXPECT_EQ(name("www.aninews.in"), "ANI");
  EXPECT_EQ(name("apnews.com"), "AP");
  EXPECT_EQ(name("www.afp.com"), "AFP");
  EXPECT_EQ(name("notreuters.com"), "-");
  EXPECT_EQ(name("com.tr"), "-");
  EXPECT_EQ(name("reuters.com.example"), "-");
  EXPECT_EQ(name(""), "-");
}

TEST(Agencies, ByName) {
  auto name = [](std::string_view text) {
    const Agency* a = agency_named(text);
    return a != nullptr ? std::string(a->name) : std::string("-");
  };
  EXPECT_EQ(name("Reuters"), "Reuters");
  EXPECT_EQ(name("REUTERS"), "Reuters");
  EXPECT_EQ(name(" Associated Press "), "AP");
  EXPECT_EQ(name("the associated press"), "AP");
  EXPECT_EQ(name("AP"), "AP");
  EXPECT_EQ(name("ap"), "-");  // abbreviations match in their own case only
  EXPECT_EQ(name("Ap"), "-");
  EXPECT_EQ(name("Agence France-Presse"), "AFP");
  EXPECT_EQ(name("\xD8\xB1\xD9\x88\xD9\x8A\xD8\xAA\xD8\xB1\xD8\xB2"), "Reuters");  // رويترز
  EXPECT_EQ(name("\xD0\xA0\xD0\x98\xD0\x90 \xD0\x9D\xD0\xBE\xD0\xB2\xD0\xBE\xD1\x81\xD1\x82\xD0\xB8"),
            "RIA Novosti");  // РИА Новости
  EXPECT_EQ(name("\xD0\xA2\xD0\x90\xD0\xA1\xD0\xA1"), "TASS");             // ТАСС
  EXPECT_EQ(name("\xD8\xA7\xDB\x8C\xD8\xB1\xD9\x86\xD8\xA7"), "IRNA");     // ایرنا
  EXPECT_EQ(name("\xD8\xA3 \xD9\x81 \xD8\xA8"), "AFP");                     // أ ف ب
  EXPECT_EQ(name("\xD8\xA7 \xD9\x81 \xD8\xA8"), "AFP");                     // ا ف ب, hamza dropped
  EXPECT_EQ(name("dpa-AFX"), "dpa-AFX");
  EXPECT_EQ(name("dpa"), "dpa");
  EXPECT_EQ(name("Xinhua News Agency"), "Xinhua");
  EXPECT_EQ(name("Reuters journalists"), "-");
  EXPECT_EQ(name("APPLE"), "-");
  EXPECT_EQ(name(""), "-");
}

TEST(Agencies, ArabicPrefixes) {
  // لرويترز: "to Reuters".
  const std::string text = "\xD9\x84\xD8\xB1\xD9\x88\xD9\x8A\xD8\xAA\xD8\xB1\xD8\xB2";
  const std::vector<Word> words = split_words(text);
  ASSERT_EQ(words.size(), 1u);
  const AgencyMatch m = agency_at(text, words, 0);
  ASSERT_NE(m.agency, nullptr);
  EXPECT_EQ(m.agency->name, "Reuters");
}

TEST(Agencies, Words) {
  const std::string text = "selon l'AFP \xE2\x80\x94 (Reuters), dpa-AFX";
  const std::vector<Word> words = split_words(text);
  ASSERT_EQ(words.size(), 6u);
  EXPECT_EQ(words[1].lower, "l");
  EXPECT_EQ(words[2].lower, "afp");
  EXPECT_EQ(text.substr(words[2].begin, words[2].end - words[2].begin), "AFP");
  EXPECT_EQ(words[3].lower, "reuters");
  EXPECT_EQ(words[5].lower, "afx");
  EXPECT_EQ(split_words("a b c d", 2).size(), 2u);
}

TEST(Agencies, UnspacedNames) {
  bool xinhua = false, yonhap = false;
  for (const UnspacedName& n : unspaced_agency_names()) {
    xinhua |= n.spelling == "\xE6\x96\xB0\xE5\x8D\x8E\xE7\xA4\xBE" && n.agency->name == "Xinhua";
    yonhap |= n.spelling == "\xEC\x97\xB0\xED\x95\xA9\xEB\x89\xB4\xEC\x8A\xA4" &&
              n.agency->name == "Yonhap";
  }
  EXPECT_TRUE(xinhua);
  EXPECT_TRUE(yonhap);
}

}  // namespace
}  // namespace tidings::extract_detail
