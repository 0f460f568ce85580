// Words of titles, roles and nationality in English news (people_words.h).
#include "facts/people_words.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace tidings::facts::words {
namespace {

using RC = RoleClass;
using G = Gender;

struct RoleEntry {
  std::string_view word;
  RoleClass role;
  Gender gender;
};

// Lower case; abbreviations without their period ("gen" for "Gen.").
constexpr RoleEntry kRoleWords[] = {
    // Honorifics: taken off the name, tell the gender, are no role.
    {"mr", RC::kHonorific, G::kMale}, {"mrs", RC::kHonorific, G::kFemale},
    {"ms", RC::kHonorific, G::kFemale}, {"miss", RC::kHonorific, G::kFemale},
    {"mx", RC::kHonorific, G::kUnknown}, {"dr", RC::kHonorific, G::kUnknown},
    {"sir", RC::kHonorific, G::kMale}, {"dame", RC::kHonorific, G::kFemale},
    {"madam", RC::kHonorific, G::kFemale}, {"mme", RC::kHonorific, G::kFemale},
    {"mister", RC::kHonorific, G::kMale},
    // Roles by themselves.
    {"president", RC::kHead, G::kUnknown}, {"president-elect", RC::kHead, G::kUnknown},
    {"vice-president", RC::kHead, G::kUnknown}, {"pres", RC::kHead, G::kUnknown},
    {"minister", RC::kHead, G::kUnknown}, {"premier", RC::kHead, G::kUnknown},
    {"secretary", RC::kHead, G::kUnknown}, {"secretary-general", RC::kHead, G::kUnknown},
    {"sec", RC::kHead, G::kUnknown}, {"chancellor", RC::kHead, G::kUnknown},
    {"senator", RC::kHead, G::kUnknown}, {"sen", RC::kHead, G::kUnknown},
    {"representative", RC::kHead, G::kUnknown}, {"rep", RC::kHead, G::kUnknown},
    {"congressman", RC::kHead, G::kMale}, {"congresswoman", RC::kHead, G::kFemale},
    {"lawmaker", RC::kHead, G::kUnknown}, {"legislator", RC::kHead, G::kUnknown},
    {"mp", RC::kHead, G::kUnknown}, {"governor", RC::kHead, G::kUnknown},
    {"gov", RC::kHead, G::kUnknown}, {"mayor", RC::kHead, G::kUnknown},
    {"ambassador", RC::kHead, G::kUnknown}, {"amb", RC::kHead, G::kUnknown},
    {"envoy", RC::kHead, G::kUnknown}, {"diplomat", RC::kHead, G::kUnknown},
    {"consul", RC::kHead, G::kUnknown}, {"delegate", RC::kHead, G::kUnknown},
    {"negotiator", RC::kHead, G::kUnknown}, {"mediator", RC::kHead, G::kUnknown},
    {"spokesman", RC::kHead, G::kMale}, {"spokeswoman", RC::kHead, G::kFemale},
    {"spokesperson", RC::kHead, G::kUnknown}, {"aide", RC::kHead, G::kUnknown},
    {"adviser", RC::kHead, G::kUnknown}, {"advisor", RC::kHead, G::kUnknown},
    {"counselor", RC::kHead, G::kUnknown}, {"counsellor", RC::kHead, G::kUnknown},
    {"director", RC::kHead, G::kUnknown}, {"director-general", RC::kHead, G::kUnknown},
    {"chairman", RC::kHead, G::kMale}, {"chairwoman", RC::kHead, G::kFemale},
    {"chair", RC::kHead, G::kUnknown}, {"chairperson", RC::kHead, G::kUnknown},
    {"ceo", RC::kHead, G::kUnknown}, {"cfo", RC::kHead, G::kUnknown},
    {"founder", RC::kHead, G::kUnknown}, {"co-founder", RC::kHead, G::kUnknown},
    {"head", RC::kHead, G::kUnknown}, {"chief", RC::kHead, G::kUnknown},
    {"leader", RC::kHead, G::kUnknown}, {"commander", RC::kHead, G::kUnknown},
    {"cmdr", RC::kHead, G::kUnknown}, {"general", RC::kHead, G::kUnknown},
    {"gen", RC::kHead, G::kUnknown}, {"admiral", RC::kHead, G::kUnknown},
    {"adm", RC::kHead, G::kUnknown}, {"colonel", RC::kHead, G::kUnknown},
    {"col", RC::kHead, G::kUnknown}, {"lieutenant", RC::kHead, G::kUnknown},
    {"lt", RC::kHead, G::kUnknown}, {"major", RC::kHead, G::kUnknown},
    {"maj", RC::kHead, G::kUnknown}, {"captain", RC::kHead, G::kUnknown},
    {"capt", RC::kHead, G::kUnknown}, {"sergeant", RC::kHead, G::kUnknown},
    {"sgt", RC::kHead, G::kUnknown}, {"corporal", RC::kHead, G::kUnknown},
    {"cpl", RC::kHead, G::kUnknown}, {"marshal", RC::kHead, G::kUnknown},
    {"brigadier", RC::kHead, G::kUnknown}, {"brig", RC::kHead, G::kUnknown},
    {"officer", RC::kHead, G::kUnknown}, {"official", RC::kHead, G::kUnknown},
    {"judge", RC::kHead, G::kUnknown}, {"justice", RC::kHead, G::kUnknown},
    {"attorney", RC::kHead, G::kUnknown}, {"prosecutor", RC::kHead, G::kUnknown},
    {"lawyer", RC::kHead, G::kUnknown}, {"king", RC::kHead, G::kMale},
    {"queen", RC::kHead, G::kFemale}, {"prince", RC::kHead, G::kMale},
    {"princess", RC::kHead, G::kFemale}, {"emir", RC::kHead, G::kMale},
    {"sultan", RC::kHead, G::kMale}, {"sheikh", RC::kHead, G::kMale},
    {"ayatollah", RC::kHead, G::kMale}, {"imam", RC::kHead, G::kMale},
    {"pope", RC::kHead, G::kMale}, {"cardinal", RC::kHead, G::kMale},
    {"archbishop", RC::kHead, G::kUnknown}, {"bishop", RC::kHead, G::kUnknown},
    {"rabbi", RC::kHead, G::kUnknown}, {"pastor", RC::kHead, G::kUnknown},
    {"rev", RC::kHead, G::kUnknown}, {"reverend", RC::kHead, G::kUnknown},
    {"cleric", RC::kHead, G::kUnknown}, {"mufti", RC::kHead, G::kUnknown},
    {"professor", RC::kHead, G::kUnknown}, {"prof", RC::kHead, G::kUnknown},
    {"doctor", RC::kHead, G::kUnknown}, {"coach", RC::kHead, G::kUnknown},
    {"manager", RC::kHead, G::kUnknown}, {"speaker", RC::kHead, G::kUnknown},
    {"commissioner", RC::kHead, G::kUnknown}, {"inspector", RC::kHead, G::kUnknown},
    {"detective", RC::kHead, G::kUnknown}, {"sheriff", RC::kHead, G::kUnknown},
    {"superintendent", RC::kHead, G::kUnknown}, {"councillor", RC::kHead, G::kUnknown},
    {"councilman", RC::kHead, G::kMale}, {"councilwoman", RC::kHead, G::kFemale},
    {"counterpart", RC::kHead, G::kUnknown}, {"rector", RC::kHead, G::kUnknown}, {"treasurer", RC::kHead, G::kUnknown},
    {"rapporteur", RC::kHead, G::kUnknown}, {"administrator", RC::kHead, G::kUnknown},
    {"executive", RC::kHead, G::kUnknown}, {"economist", RC::kHead, G::kUnknown},
    {"analyst", RC::kHead, G::kUnknown}, {"editor", RC::kHead, G::kUnknown},
    {"correspondent", RC::kHead, G::kUnknown}, {"journalist", RC::kHead, G::kUnknown},
    {"actor", RC::kHead, G::kMale}, {"actress", RC::kHead, G::kFemale},
    {"singer", RC::kHead, G::kUnknown}, {"publicist", RC::kHead, G::kUnknown},
    {"whip", RC::kHead, G::kUnknown},
    // Only inside a role.
    {"foreign", RC::kModifier, G::kUnknown}, {"defense", RC::kModifier, G::kUnknown},
    {"defence", RC::kModifier, G::kUnknown}, {"interior", RC::kModifier, G::kUnknown},
    {"finance", RC::kModifier, G::kUnknown}, {"economy", RC::kModifier, G::kUnknown},
    {"health", RC::kModifier, G::kUnknown}, {"education", RC::kModifier, G::kUnknown},
    {"prime", RC::kModifier, G::kUnknown}, {"deputy", RC::kModifier, G::kUnknown},
    {"vice", RC::kModifier, G::kUnknown}, {"acting", RC::kModifier, G::kUnknown},
    {"interim", RC::kModifier, G::kUnknown}, {"former", RC::kModifier, G::kUnknown},
    {"ex", RC::kModifier, G::kUnknown}, {"senior", RC::kModifier, G::kUnknown},
    {"junior", RC::kModifier, G::kUnknown}, {"top", RC::kModifier, G::kUnknown},
    {"special", RC::kModifier, G::kUnknown}, {"presidential", RC::kModifier, G::kUnknown},
    {"state", RC::kModifier, G::kUnknown}, {"national", RC::kModifier, G::kUnknown},
    {"security", RC::kModifier, G::kUnknown}, {"supreme", RC::kModifier, G::kUnknown},
    {"assistant", RC::kModifier, G::kUnknown}, {"associate", RC::kModifier, G::kUnknown},
    {"managing", RC::kModifier, G::kUnknown}, {"political", RC::kModifier, G::kUnknown},
    {"military", RC::kModifier, G::kUnknown}, {"high", RC::kModifier, G::kUnknown},
    {"grand", RC::kModifier, G::kUnknown}, {"crown", RC::kModifier, G::kUnknown},
    {"first", RC::kModifier, G::kUnknown}, {"lord", RC::kModifier, G::kMale},
    {"lady", RC::kModifier, G::kFemale}, {"district", RC::kModifier, G::kUnknown},
    {"army", RC::kModifier, G::kUnknown}, {"police", RC::kModifier, G::kUnknown},
    {"affairs", RC::kModifier, G::kUnknown}, {"trade", RC::kModifier, G::kUnknown},
    {"energy", RC::kModifier, G::kUnknown}, {"oil", RC::kModifier, G::kUnknown},
    {"labour", RC::kModifier, G::kUnknown}, {"labor", RC::kModifier, G::kUnknown},
    {"agriculture", RC::kModifier, G::kUnknown}, {"environment", RC::kModifier, G::kUnknown},
    {"culture", RC::kModifier, G::kUnknown}, {"transport", RC::kModifier, G::kUnknown},
    {"intelligence", RC::kModifier, G::kUnknown}, {"permanent", RC::kModifier, G::kUnknown},
    {"press", RC::kModifier, G::kUnknown}, {"regional", RC::kModifier, G::kUnknown},
    {"provincial", RC::kModifier, G::kUnknown}, {"federal", RC::kModifier, G::kUnknown},
    {"executive", RC::kModifier, G::kUnknown}, {"communications", RC::kModifier, G::kUnknown},
    {"staff", RC::kModifier, G::kUnknown}, {"joint", RC::kModifier, G::kUnknown},
    {"opposition", RC::kModifier, G::kUnknown}, {"majority", RC::kModifier, G::kUnknown},
    {"minority", RC::kModifier, G::kUnknown}, {"party", RC::kModifier, G::kUnknown},
    {"white", RC::kModifier, G::kUnknown}, {"house", RC::kModifier, G::kUnknown},
    {"government", RC::kModifier, G::kUnknown}, {"ministry", RC::kModifier, G::kUnknown},
    {"commission", RC::kModifier, G::kUnknown}, {"council", RC::kModifier, G::kUnknown},
};

struct DemonymEntry {
  std::string_view demonym, country;
};

// The nationalities most written about; the geo stage has the full table.
constexpr DemonymEntry kDemonyms[] = {
    {"afghan", "Afghanistan"}, {"albanian", "Albania"}, {"algerian", "Algeria"},
    {"american", "United States"}, {"u.s", "United States"}, {"u.s.", "United States"},
    {"u.k", "United Kingdom"}, {"u.k.", "United Kingdom"}, {"argentine", "Argentina"}, {"argentinian", "Argentina"},
    {"armenian", "Armenia"}, {"australian", "Australia"}, {"austrian", "Austria"},
    {"azerbaijani", "Azerbaijan"}, {"bahraini", "Bahrain"}, {"bangladeshi", "Bangladesh"},
    {"belarusian", "Belarus"}, {"belgian", "Belgium"}, {"bolivian", "Bolivia"},
    {"bosnian", "Bosnia and Herzegovina"}, {"brazilian", "Brazil"}, {"british", "United Kingdom"},
    {"bulgarian", "Bulgaria"}, {"burmese", "Myanmar"}, {"cambodian", "Cambodia"},
    {"cameroonian", "Cameroon"}, {"canadian", "Canada"}, {"chilean", "Chile"},
    {"chinese", "China"}, {"colombian", "Colombia"}, {"congolese", "Congo"},
    {"croatian", "Croatia"}, {"cuban", "Cuba"}, {"cypriot", "Cyprus"}, {"czech", "Czechia"},
    {"danish", "Denmark"}, {"dutch", "Netherlands"}, {"ecuadorian", "Ecuador"},
    {"egyptian", "Egypt"}, {"emirati", "United Arab Emirates"}, {"eritrean", "Eritrea"},
    {"estonian", "Estonia"}, {"ethiopian", "Ethiopia"}, {"filipino", "Philippines"},
    {"finnish", "Finland"}, {"french", "France"}, {"georgian", "Georgia"}, {"german", "Germany"},
    {"ghanaian", "Ghana"}, {"greek", "Greece"}, {"haitian", "Haiti"}, {"hungarian", "Hungary"},
    {"icelandic", "Iceland"}, {"indian", "India"}, {"indonesian", "Indonesia"},
    {"iranian", "Iran"}, {"iraqi", "Iraq"}, {"irish", "Ireland"}, {"israeli", "Israel"},
    {"italian", "Italy"}, {"japanese", "Japan"}, {"jordanian", "Jordan"},
    {"kazakh", "Kazakhstan"}, {"kenyan", "Kenya"}, {"kuwaiti", "Kuwait"}, {"latvian", "Latvia"},
    {"lebanese", "Lebanon"}, {"libyan", "Libya"}, {"lithuanian", "Lithuania"},
    {"malaysian", "Malaysia"}, {"malian", "Mali"}, {"mexican", "Mexico"},
    {"moldovan", "Moldova"}, {"mongolian", "Mongolia"}, {"moroccan", "Morocco"},
    {"nepali", "Nepal"}, {"nigerian", "Nigeria"}, {"nigerien", "Niger"},
    {"norwegian", "Norway"}, {"omani", "Oman"}, {"pakistani", "Pakistan"},
    {"palestinian", "Palestine"}, {"peruvian", "Peru"}, {"philippine", "Philippines"},
    {"polish", "Poland"}, {"portuguese", "Portugal"}, {"qatari", "Qatar"},
    {"romanian", "Romania"}, {"russian", "Russia"}, {"rwandan", "Rwanda"},
    {"saudi", "Saudi Arabia"}, {"senegalese", "Senegal"}, {"serbian", "Serbia"},
    {"singaporean", "Singapore"}, {"slovak", "Slovakia"}, {"slovenian", "Slovenia"},
    {"somali", "Somalia"}, {"spanish", "Spain"}, {"sudanese", "Sudan"}, {"swedish", "Sweden"},
    {"swiss", "Switzerland"}, {"syrian", "Syria"}, {"taiwanese", "Taiwan"},
    {"tajik", "Tajikistan"}, {"tanzanian", "Tanzania"}, {"thai", "Thailand"},
    {"tunisian", "Tunisia"}, {"turkish", "Turkey"}, {"turkmen", "Turkmenistan"},
    {"ugandan", "Uganda"}, {"ukrainian", "Ukraine"}, {"uruguayan", "Uruguay"},
    {"uzbek", "Uzbekistan"}, {"venezuelan", "Venezuela"}, {"vietnamese", "Vietnam"},
    {"yemeni", "Yemen"}, {"zambian", "Zambia"}, {"zimbabwean", "Zimbabwe"},
};

constexpr std::string_view kDeterminers[] = {"a",   "an",  "the",   "his",  "her",  "its",
                                             "their", "our", "this", "that", "these", "those",
                                             "my",  "your"};

constexpr std::string_view kCalendarWords[] = {
    "january", "february", "march",   "april",    "may",    "june",     "july",
    "august",  "september", "october", "november", "december", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday"};

const std::unordered_map<std::string_view, RoleWord>& role_table() {
  static const auto* table = [] {
    auto* t = new std::unordered_map<std::string_view, RoleWord>();
    for (const RoleEntry& e : kRoleWords) t->emplace(e.word, RoleWord{e.role, e.gender});
    return t;
  }();
  return *table;
}

const std::unordered_map<std::string_view, std::string_view>& demonym_table() {
  static const auto* table = [] {
    auto* t = new std::unordered_map<std::string_view, std::string_view>();
    for (const DemonymEntry& e : kDemonyms) t->emplace(e.demonym, e.country);
    return t;
  }();
  return *table;
}

const std::unordered_set<std::string_view>& country_names() {
  static const auto* names = [] {
    auto* s = new std::unordered_set<std::string_view>();
    for (const DemonymEntry& e : kDemonyms) s->insert(e.country);
    return s;
  }();
  return *names;
}

UChar32 first_char(std::string_view word) {
  if (word.empty()) return -1;
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(word.data()), i, static_cast<int32_t>(word.size()), c);
  return c;
}

}  // namespace

std::string_view ascii_lower(std::string_view word, char (&out)[32]) {
  const size_t n = std::min(word.size(), sizeof out - 1);
  for (size_t i = 0; i < n; ++i) {
    const char c = word[i];
    out[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return std::string_view(out, n);
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

RoleWord role_word(std::string_view word) {
  if (word.empty() || word.size() > 20) return {};
  char buf[32];
  const auto& table = role_table();
  const auto it = table.find(ascii_lower(word, buf));
  return it == table.end() ? RoleWord{} : it->second;
}

std::string_view country_of_demonym(std::string_view word) {
  if (word.empty() || word.size() > 20) return {};
  char buf[32];
  const auto& table = demonym_table();
  const auto it = table.find(ascii_lower(word, buf));
  return it == table.end() ? std::string_view{} : it->second;
}

bool is_country_name(std::string_view word) { return country_names().count(word) > 0; }

bool is_capitalised(std::string_view word) {
  const UChar32 c = first_char(word);
  return c >= 0 && (u_isupper(c) || u_istitle(c));
}

bool is_acronym(std::string_view word) {
  int letters = 0;
  for (const char c : word) {
    if (c >= 'A' && c <= 'Z') {
      ++letters;
    } else if (c != '.' && c != '&') {
      return false;
    }
  }
  return letters >= 2;
}

bool is_determiner(std::string_view word) {
  if (word.size() > 6) return false;
  for (const std::string_view d : kDeterminers) {
    if (iequals(word, d)) return true;
  }
  return false;
}

bool is_auxiliary(std::string_view word) {
  for (const std::string_view x : {"has", "have", "had", "is", "are", "was", "were", "will", "would", "can", "could",
                                   "may", "might", "must", "should", "did", "does", "do"}) {
    if (word == x) return true;
  }
  return false;
}

bool is_calendar_word(std::string_view word) {
  if (word.size() < 3 || word.size() > 9) return false;
  for (const std::string_view d : kCalendarWords) {
    if (iequals(word, d)) return true;
  }
  return false;
}

bool entity_is_valid(const Segmented& text, const Entity& e) {
  if (e.token_count == 0 || e.first_token >= text.tokens.size() ||
      e.token_count > text.tokens.size() - e.first_token) {
    return false;
  }
  return text.tokens[e.first_token].start == e.start &&
         text.tokens[e.first_token + e.token_count - 1].end == e.end;
}

std::vector<int32_t> entity_of_token(const Segmented& text, const std::vector<Entity>& entities) {
  std::vector<int32_t> out(text.tokens.size(), -1);
  for (size_t i = 0; i < entities.size(); ++i) {
    const Entity& e = entities[i];
    if (!entity_is_valid(text, e)) continue;
    // Overlapping entities: the first one given keeps its tokens.
    bool free = true;
    for (uint32_t t = e.first_token; t < e.first_token + e.token_count && free; ++t) {
      free = out[t] < 0;
    }
    if (!free) continue;
    for (uint32_t t = e.first_token; t < e.first_token + e.token_count; ++t) {
      out[t] = static_cast<int32_t>(i);
    }
  }
  return out;
}

std::vector<uint32_t> sentence_of_token(const Segmented& text) {
  std::vector<uint32_t> out(text.tokens.size(), 0);
  for (size_t s = 0; s < text.sentences.size(); ++s) {
    const Sentence& sentence = text.sentences[s];
    const size_t end = std::min<size_t>(sentence.first_token + sentence.token_count, out.size());
    for (size_t t = sentence.first_token; t < end; ++t) out[t] = static_cast<uint32_t>(s);
  }
  return out;
}

}  // namespace tidings::facts::words
