// The agency table (see agencies.h). Names, usual spellings and domains are
// from public knowledge: Wikipedia's "List of news agencies" and the
// agencies' own sites (their about pages and the bylines and datelines of
// their wires), and the names other-language outlets give them (BBC Arabic,
// BBC Persian, RIA Novosti, Xinhua's Chinese service). Each spelling sits in
// one agency only: "APA" is the Austrian agency. Bare "CNA" is left out: it
// is Taiwan's Central News Agency, the Catholic News Agency and Channel
// NewsAsia.
#include "extract/agencies.h"
#include "extract/extract.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <unordered_map>

namespace tidings::extract_detail {

namespace {

// clang-format off
const Agency kAgencies[] = {
  // The global wires.
  {"Reuters", "Reuters|Thomson Reuters|REUTERS|رويترز|رویترز|Рейтер|Рейтерс|路透社|路透|ロイター|로이터|Reuters Breakingviews", "reuters.com|reutersagency.com|reuters.tv"},
  {"AP", "AP|Associated Press|The Associated Press|أسوشيتد برس|اسوشیتدپرس|آسوشیتدپرس|Ассошиэйтед Пресс|美联社|美聯社|AP通信", "apnews.com|ap.org"},
  {"AFP", "AFP|Agence France-Presse|Agence France Presse|France-Presse|France Presse|فرانس برس|فرانس پرس|أ ف ب|Франс Пресс|Франс-Пресс|法新社|AFP通信", "afp.com"},
  {"Bloomberg", "Bloomberg|Bloomberg News|بلومبرغ|بلومبرگ|Блумберг|彭博社|彭博", "bloomberg.com"},
  {"UPI", "UPI|United Press International", "upi.com"},
  {"Dow Jones", "Dow Jones Newswires|Dow Jones", "dowjones.com"},
  // Europe.
  {"dpa", "dpa|DPA|Deutsche Presse-Agentur|د ب أ|ДПА|德新社", "dpa.com|dpa.de"},
  {"dpa-AFX", "dpa-AFX", "dpa-afx.de"},
  {"EFE", "EFE|Agencia EFE|إفي|Эфе|埃菲社", "efe.com|agenciaefe.es"},
  {"Europa Press", "Europa Press", "europapress.es"},
  {"ANSA", "ANSA|Agenzia ANSA|أنسا|安莎社", "ansa.it"},
  {"AGI", "AGI|Agenzia Italia", "agi.it"},
  {"Adnkronos", "Adnkronos|AdnKronos", "adnkronos.com"},
  {"PA Media", "PA Media|Press Association|PA", "pa.media|pamediagroup.com"},
  {"APA (Austria)", "APA|Austria Presse Agentur", "apa.at"},
  {"Keystone-SDA", "Keystone-SDA|Keystone-ATS|SDA|ATS|Schweizerische Depeschenagentur", "keystone-sda.ch|sda-ats.ch"},
  {"Belga", "Belga|BELGA", "belga.be|belganewsagency.eu"},
  {"ANP", "ANP|Algemeen Nederlands Persbureau", "anp.nl"},
  {"NTB", "NTB|Norsk Telegrambyrå", "ntb.no"},
  {"TT", "TT|TT Nyhetsbyrån|Tidningarnas Telegrambyrå", "tt.se"},
  {"Ritzau", "Ritzau|Ritzaus Bureau", "ritzau.dk|ritzau.com"},
  {"STT", "STT|STT-FNB|Suomen Tietotoimisto", "stt.fi"},
  {"Lusa", "Lusa|Agência Lusa|Agencia Lusa", "lusa.pt"},
  {"PAP", "PAP|Polska Agencja Prasowa|Polish Press Agency", "pap.pl"},
  {"CTK", "ČTK|CTK|Czech News Agency|Česká tisková kancelář", "ctk.cz|ceskenoviny.cz"},
  {"TASR", "TASR|Tlačová agentúra Slovenskej republiky", "tasr.sk"},
  {"MTI", "MTI|Magyar Távirati Iroda|Hungarian News Agency", "mti.hu"},
  {"BTA", "BTA|БТА|Bulgarian News Agency|Българска телеграфна агенция", "bta.bg"},
  {"Agerpres", "Agerpres|AGERPRES", "agerpres.ro"},
  {"Tanjug", "Tanjug|Танјуг", "tanjug.rs"},
  {"HINA", "HINA|=Hina|Hrvatska izvještajna novinska agencija", "hina.hr"},
  {"STA", "STA|Slovenska tiskovna agencija|Slovenian Press Agency", "sta.si"},
  {"ANA-MPA", "ANA-MPA|AMNA|Athens-Macedonian News Agency", "amna.gr"},
  {"LETA", "LETA", "leta.lv"},
  {"ELTA", "ELTA", "elta.lt"},
  {"BNS", "BNS|Baltic News Service", "bns.ee|bns.lt|bns.lv"},
  {"Ukrinform", "Ukrinform|Укрінформ|Укринформ", "ukrinform.net|ukrinform.ua|ukrinform.ru"},
  {"UNIAN", "UNIAN|УНІАН|УНИАН", "unian.net|unian.ua|unian.info"},
  {"BelTA", "BelTA|БелТА", "belta.by"},
  // Russia.
  {"TASS", "TASS|ТАСС|تاس|塔斯社|ITAR-TASS|ИТАР-ТАСС", "tass.com|tass.ru"},
  {"RIA Novosti", "RIA Novosti|RIA|РИА Новости|РИА «Новости»|ريا نوفوستي|ریانووستی|俄新社", "ria.ru"},
  {"Interfax", "Interfax|Интерфакс|Интерфакса|Интерфаксу|إنترفاكس|国际文传电讯社", "interfax.ru|interfax.com"},
  {"Sputnik", "Sputnik|سبوتنيك|اسپوتنیک|卫星通讯社", "sputniknews.com|sputnikglobe.com|sputniknews.ru"},
  // Turkey, Iran, the Arab world.
  {"Anadolu", "Anadolu|Anadolu Agency|Anadolu Ajansı|AA|الأناضول|آناتولی|Анадолу", "aa.com.tr"},
  {"DHA", "DHA|Demirören Haber Ajansı", "dha.com.tr"},
  {"IHA", "İHA|IHA|İhlas Haber Ajansı", "iha.com.tr"},
  {"IRNA", "IRNA|Islamic Republic News Agency|ایرنا|إرنا|ارنا|Ирна", "irna.ir"},
  {"ISNA", "ISNA|Iranian Students' News Agency|Iranian Students News Agency|ایسنا|إسنا", "isna.ir"},
  {"Tasnim", "Tasnim|Tasnim News Agency|تسنیم|تسنيم|Тасним", "tasnimnews.com|tasnimnews.ir"},
  {"Fars", "Fars|Fars News Agency|Fars News|فارس|فارس نيوز", "farsnews.ir|farsnews.com"},
  {"Mehr", "=Mehr|=MEHR|Mehr News Agency|Mehr News|MNA|مهر", "mehrnews.com|mehrnews.ir"},
  {"ILNA", "ILNA|ایلنا", "ilna.ir|ilna.news"},
  {"WAFA", "WAFA|=Wafa|وفا|Palestinian News and Info Agency", "wafa.ps"},
  {"SPA", "SPA|Saudi Press Agency|واس|وكالة الأنباء السعودية", "spa.gov.sa"},
  {"WAM", "WAM|Emirates News Agency|وام", "wam.ae"},
  {"QNA", "QNA|Qatar News Agency|قنا", "qna.org.qa"},
  {"KUNA", "KUNA|Kuwait News Agency|كونا", "kuna.net.kw"},
  {"BNA", "BNA|Bahrain News Agency|بنا", "bna.bh"},
  {"ONA", "ONA|Oman News Agency|العمانية", "omannews.gov.om"},
  {"MENA", "MENA|Middle East News Agency|أ ش أ|وكالة أنباء الشرق الأوسط", "mena.org.eg"},
  {"SANA", "SANA|Syrian Arab News Agency|سانا", "sana.sy"},
  {"Petra", "=Petra|=PETRA|Jordan News Agency|بترا", "petra.gov.jo"},
  {"INA", "INA|Iraqi News Agency|واع", "ina.iq"},
  {"NNA", "NNA|National News Agency|الوكالة الوطنية للإعلام", "nna-leb.gov.lb"},
  {"Saba", "Saba News Agency|سبأ", "saba.ye"},
  {"MAP", "MAP|Maghreb Arabe Presse|Maghreb Arab Press|لاماب", "mapnews.ma"},
  {"APS", "APS|Algérie Presse Service|Algerie Presse Service|واج", "aps.dz"},
  {"TAP", "TAP|Tunis Afrique Presse|وات", "tap.info.tn"},
  // Asia and the Pacific.
  {"Xinhua", "Xinhua|Xinhua News Agency|新华社|新華社|شينخوا|شین‌هوا|Синьхуа|신화통신|新華社通信", "xinhuanet.com|news.cn|xinhua.net|xinhua.org"},
  {"China News Service", "China News Service|中新社|中新网|中新網", "chinanews.com|chinanews.com.cn"},
  {"CNA (Taiwan)", "Central News Agency|中央社|中央通讯社|中央通訊社", "focustaiwan.tw|cna.com.tw"},
  {"Kyodo", "Kyodo|Kyodo News|共同通信|共同通信社|共同社|교도통신|Киодо", "kyodonews.net|kyodonews.jp"},
  {"Jiji", "Jiji|Jiji Press|時事通信|時事通信社|时事社", "jiji.com"},
  {"Yonhap", "Yonhap|Yonhap News Agency|연합뉴스|韩联社|韓聯社|Рёнхап|يونهاب", "yna.co.kr|yonhapnews.co.kr"},
  {"Newsis", "Newsis|뉴시스", "newsis.com"},
  {"KCNA", "KCNA|Korean Central News Agency|조선중앙통신|朝中社", "kcna.kp|kcna.co.jp"},
  {"PTI", "PTI|Press Trust of India", "ptinews.com|ptiindia.com"},
  {"ANI", "ANI|Asian News International", "aninews.in"},
  {"IANS", "IANS|Indo-Asian News Service", "ians.in|ianslive.in"},
  {"UNI", "UNI|United News of India", "uniindia.com"},
  {"APP", "APP|Associated Press of Pakistan", "app.com.pk"},
  {"BSS", "BSS|Bangladesh Sangbad Sangstha", "bssnews.net"},
  {"Bernama", "Bernama|BERNAMA|برناما", "bernama.com"},
  {"Antara", "=Antara|=ANTARA|Antara News", "antaranews.com"},
  {"PNA", "PNA|Philippine News Agency", "pna.gov.ph"},
  {"VNA", "VNA|Vietnam News Agency|TTXVN|Thông tấn xã Việt Nam", "vnanet.vn|vnagency.com.vn"},
  {"Kazinform", "Kazinform|Казинформ", "inform.kz|kazinform.kz"},
  {"Azertac", "AZERTAC|Azertac|АЗЕРТАДЖ", "azertag.az"},
  {"Armenpress", "Armenpress|Арменпресс", "armenpress.am"},
  {"AAP", "AAP|Australian Associated Press", "aap.com.au"},
  // Africa and the Americas.
  {"NAN", "NAN|News Agency of Nigeria", "nannews.ng"},
  {"GNA", "GNA|Ghana News Agency", "gna.org.gh"},
  {"Canadian Press", "The Canadian Press|Canadian Press|La Presse Canadienne", "thecanadianpress.com"},
  {"Agência Brasil", "Agência Brasil|Agencia Brasil", "agenciabrasil.ebc.com.br"},
  {"Notimex", "Notimex", "notimex.gob.mx"},
  {"Télam", "Télam|Telam", "telam.com.ar"},
  {"Prensa Latina", "Prensa Latina", "prensa-latina.cu|plenglish.com"},
  {"Andina", "Agencia Andina|Andina", "andina.pe"},
};
// clang-format on

// Arabic letters written as one: the hamza forms of alef, alef maksura and
// the Persian forms of yeh and kaf.
char32_t fold_letter(char32_t c) {
  switch (c) {
    case 0x0622: case 0x0623: case 0x0625: case 0x0671: return 0x0627;  // alef
    case 0x0649: case 0x06CC: return 0x064A;                           // yeh
    case 0x06A9: return 0x0643;                                        // kaf
    default: return static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
  }
}

bool is_word_char(UChar32 c) {
  if (c < 0x80) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
  if (c == 0x200C || c == 0x200D || c == 0x0640) return true;  // ZWNJ, ZWJ, tatweel
  return u_isalnum(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0;
}

void append_utf8(std::string& out, char32_t c) {
  char buf[4];
  int32_t n = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buf), n, 4, static_cast<UChar32>(c), error);
  if (!error) out.append(buf, static_cast<size_t>(n));
}

// Scripts written without spaces between words.
bool is_unspaced(UChar32 c) {
  return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x9FFF) ||
         (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0x1100 && c <= 0x11FF);
}

bool has_unspaced(std::string_view s) {
  int32_t i = 0;
  const auto n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, n, c);
    if (is_unspaced(c)) return true;
  }
  return false;
}

// "AP", "MENA": short ASCII capitals that are ordinary words in lower case.
bool needs_exact_case(std::string_view spelling) {
  if (spelling.empty() || spelling.size() > 5) return false;
  for (char c : spelling) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

struct Spelling {
  const Agency* agency;
  std::vector<std::string> words;  // lower case
  std::string_view exact;          // non-empty: must appear in exactly this case
};

struct Index {
  std::unordered_map<std::string, std::vector<Spelling>> by_first_word;
  std::unordered_map<std::string, const Agency*> by_domain;
  std::vector<UnspacedName> unspaced;
};

template <typename F>
void for_each_part(std::string_view list, F&& f) {
  size_t start = 0;
  while (start <= list.size()) {
    size_t bar = list.find('|', start);
    if (bar == std::string_view::npos) bar = list.size();
    if (bar > start) f(list.substr(start, bar - start));
    start = bar + 1;
  }
}

const Index& index() {
  static const Index built = [] {
    Index ix;
    for (const Agency& a : kAgencies) {
      for_each_part(a.spellings, [&](std::string_view s) {
        if (has_unspaced(s)) {
          ix.unspaced.push_back(UnspacedName{s, &a});
          return;
        }
        // "=Mehr": this case only ("mehr" is German for "more").
        const bool forced = s[0] == '=';
        if (forced) s.remove_prefix(1);
        Spelling sp{&a, {}, forced || needs_exact_case(s) ? s : std::string_view()};
        for (Word& w : split_words(s)) sp.words.push_back(std::move(w.lower));
        if (sp.words.empty()) return;
        ix.by_first_word[sp.words[0]].push_back(std::move(sp));
      });
      for_each_part(a.domains, [&](std::string_view d) { ix.by_domain.emplace(d, &a); });
    }
    // Longer names first so that "Xinhua News Agency" wins over "Xinhua"
    // and "新华社" is tried before "新华".
    for (auto& [first, list] : ix.by_first_word) {
      std::stable_sort(list.begin(), list.end(), [](const Spelling& x, const Spelling& y) {
        return x.words.size() > y.words.size();
      });
    }
    std::stable_sort(ix.unspaced.begin(), ix.unspaced.end(),
                     [](const UnspacedName& x, const UnspacedName& y) {
                       return x.spelling.size() > y.spelling.size();
                     });
    return ix;
  }();
  return built;
}

// The Arabic one-letter prefixes "و" (and), "ف" (so), "ب" (by), "ل" (to), "ك" (as).
size_t arabic_prefix(std::string_view lower) {
  if (lower.size() < 6) return 0;
  for (std::string_view p : {"\xD9\x88", "\xD9\x81", "\xD8\xA8", "\xD9\x84", "\xD9\x83"}) {
    if (lower.compare(0, 2, p) == 0) return 2;
  }
  return 0;
}

AgencyMatch match_from(const std::vector<Spelling>& list, std::string_view text,
                       const std::vector<Word>& words, size_t i, std::string_view first) {
  for (const Spelling& sp : list) {
    if (i + sp.words.size() > words.size()) continue;
    if (!sp.exact.empty()) {
      const Word& w = words[i];
      if (text.substr(w.begin, w.end - w.begin) != sp.exact) continue;
      return AgencyMatch{sp.agency, 1};
    }
    bool same = first == sp.words[0];
    for (size_t k = 1; same && k < sp.words.size(); ++k) same = words[i + k].lower == sp.words[k];
    if (same) return AgencyMatch{sp.agency, sp.words.size()};
  }
  return AgencyMatch{};
}

}  // namespace

const std::vector<Agency>& agency_table() {
  static const std::vector<Agency> table(std::begin(kAgencies), std::end(kAgencies));
  return table;
}

const Agency* agency_for_host(std::string_view host) {
  const Index& ix = index();
  while (!host.empty()) {
    auto it = ix.by_domain.find(std::string(host));
    if (it != ix.by_domain.end()) return it->second;
    const size_t dot = host.find('.');
    if (dot == std::string_view::npos) break;
    host.remove_prefix(dot + 1);
  }
  return nullptr;
}

std::vector<Word> split_words(std::string_view text, size_t max_words) {
  std::vector<Word> words;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto n = static_cast<int32_t>(std::min<size_t>(text.size(), INT32_MAX));
  int32_t i = 0;
  Word current;
  bool in_word = false;
  while (i < n && words.size() < max_words) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c >= 0 && is_word_char(c)) {
      if (!in_word) {
        current = Word{static_cast<size_t>(start), 0, {}};
        in_word = true;
      }
      current.end = static_cast<size_t>(i);
      // Marks (harakat, accents written apart), joiners and tatweel are
      // left out of the comparison form.
      if ((U_GET_GC_MASK(c) & U_GC_MN_MASK) == 0 && c != 0x200C && c != 0x200D && c != 0x0640) {
        append_utf8(current.lower, fold_letter(static_cast<char32_t>(c)));
      }
    } else if (in_word) {
      words.push_back(std::move(current));
      in_word = false;
    }
  }
  if (in_word && words.size() < max_words) words.push_back(std::move(current));
  return words;
}

AgencyMatch agency_at(std::string_view text, const std::vector<Word>& words, size_t i) {
  if (i >= words.size()) return {};
  const Index& ix = index();
  const std::string& first = words[i].lower;
  if (auto it = ix.by_first_word.find(first); it != ix.by_first_word.end()) {
    if (AgencyMatch m = match_from(it->second, text, words, i, first); m.agency) return m;
  }
  if (const size_t p = arabic_prefix(first); p > 0) {
    const std::string rest = first.substr(p);
    if (auto it = ix.by_first_word.find(rest); it != ix.by_first_word.end()) {
      for (const Spelling& sp : it->second) {
        if (!sp.exact.empty()) continue;
        if (AgencyMatch m = match_from({sp}, text, words, i, rest); m.agency) return m;
      }
    }
  }
  return {};
}

const Agency* agency_named(std::string_view text) {
  const std::vector<Word> words = split_words(text, 8);
  if (words.empty()) return nullptr;
  const AgencyMatch m = agency_at(text, words, 0);
  if (m.agency == nullptr || m.count != words.size()) return nullptr;
  return m.agency;
}

const std::vector<UnspacedName>& unspaced_agency_names() { return index().unspaced; }

}  // namespace tidings::extract_detail

namespace tidings {

std::string agency_of_host(std::string_view host) {
  const extract_detail::Agency* agency = extract_detail::agency_for_host(host);
  return agency ? std::string(agency->name) : std::string();
}

}  // namespace tidings
