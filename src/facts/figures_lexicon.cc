// The vocabulary figures.cc reads (figures_lexicon.h). Keys are the
// normalised names a story page groups figures by ("killed"/"people"); the
// surface forms are what English news agencies write.
#include "facts/figures_lexicon.h"

#include <string>
#include <unordered_map>

namespace tidings::facts::figures_lexicon {
namespace {

struct Entry {
  std::string_view surface;
  uint32_t flags;
  std::string_view key;
  double number;
};

constexpr uint32_t kVP = kVerb | kParticiple;

constexpr Entry kEntries[] = {
    // Events. "killed" gathers every word for deaths so that sources that
    // write "dead", "died" or "death toll" are compared on one measure.
    {"kill", kVerb, "killed", 0}, {"kills", kVerb, "killed", 0}, {"killed", kVP, "killed", 0},
    {"killing", kVerb, "killed", 0}, {"slain", kParticiple, "killed", 0},
    {"dead", kParticiple, "killed", 0}, {"died", kParticiple, "killed", 0},
    {"die", kParticiple, "killed", 0}, {"dies", kParticiple, "killed", 0},
    {"murdered", kVP, "killed", 0}, {"massacred", kVP, "killed", 0},
    {"executed", kVP, "killed", 0}, {"deaths", kEventNoun, "killed", 0},
    {"fatalities", kEventNoun, "killed", 0}, {"massacre", kEventNoun, "killed", 0},
    {"killings", kEventNoun, "killed", 0}, {"murder", kEventNoun, "killed", 0},
    {"wound", kVerb, "wounded", 0}, {"wounds", kVerb, "wounded", 0},
    {"wounded", kVP, "wounded", 0}, {"wounding", kVerb, "wounded", 0},
    {"injure", kVerb, "wounded", 0}, {"injures", kVerb, "wounded", 0},
    {"injured", kVP, "wounded", 0}, {"injuring", kVerb, "wounded", 0},
    {"injuries", kEventNoun, "wounded", 0}, {"hurt", kVP, "wounded", 0},
    {"casualties", kEventNoun, "casualties", 0},
    {"missing", kParticiple, "missing", 0}, {"unaccounted", kParticiple, "missing", 0},
    {"displaced", kVP, "displaced", 0}, {"displacing", kVerb, "displaced", 0},
    {"displace", kVerb, "displaced", 0}, {"uprooted", kVP, "displaced", 0},
    {"homeless", kParticiple, "displaced", 0}, {"fled", kParticiple, "displaced", 0},
    {"arrest", kVerb, "arrested", 0}, {"arrested", kVP, "arrested", 0},
    {"arresting", kVerb, "arrested", 0}, {"arrests", kEventNoun, "arrested", 0},
    {"detain", kVerb, "detained", 0}, {"detained", kVP, "detained", 0},
    {"detaining", kVerb, "detained", 0}, {"jailed", kVP, "detained", 0},
    {"imprisoned", kVP, "detained", 0}, {"detentions", kEventNoun, "detained", 0},
    {"evacuate", kVerb, "evacuated", 0}, {"evacuated", kVP, "evacuated", 0},
    {"evacuating", kVerb, "evacuated", 0}, {"evacuations", kEventNoun, "evacuated", 0},
    {"abducted", kVP, "abducted", 0}, {"abducting", kVerb, "abducted", 0},
    {"kidnapped", kVP, "abducted", 0}, {"kidnapping", kVerb, "abducted", 0},
    {"rescued", kVP, "rescued", 0}, {"rescuing", kVerb, "rescued", 0},
    {"released", kVP, "released", 0}, {"releasing", kVerb, "released", 0},
    {"freed", kVP, "released", 0}, {"freeing", kVerb, "released", 0},
    {"deported", kVP, "deported", 0}, {"deporting", kVerb, "deported", 0},
    {"hospitalized", kParticiple, "hospitalized", 0}, {"hospitalised", kParticiple, "hospitalized", 0},
    {"trapped", kParticiple, "trapped", 0}, {"stranded", kParticiple, "trapped", 0},
    {"affected", kVP, "affected", 0}, {"infected", kVP, "infected", 0},
    {"destroyed", kVP, "destroyed", 0}, {"destroying", kVerb, "destroyed", 0},
    {"damaged", kVP, "damaged", 0}, {"damaging", kVerb, "damaged", 0},
    {"fired", kVP, "fired", 0}, {"firing", kVerb, "fired", 0},
    {"launched", kVP, "launched", 0}, {"launching", kVerb, "launched", 0},
    {"intercepted", kVP, "intercepted", 0}, {"struck", kVP, "struck", 0},
    {"striking", kVerb, "struck", 0},
    // People counted.
    {"people", kPerson, "people", 0}, {"persons", kPerson, "people", 0},
    {"person", kPerson, "people", 0}, {"individuals", kPerson, "people", 0},
    {"residents", kPerson, "people", 0}, {"inhabitants", kPerson, "people", 0},
    {"others", kPerson, "people", 0}, {"lives", kPerson, "people", 0},
    {"children", kPerson, "children", 0}, {"kids", kPerson, "children", 0},
    {"minors", kPerson, "children", 0}, {"child", kPerson, "children", 0},
    {"babies", kPerson, "infants", 0}, {"infants", kPerson, "infants", 0},
    {"newborns", kPerson, "infants", 0}, {"women", kPerson, "women", 0},
    {"men", kPerson, "men", 0}, {"boys", kPerson, "boys", 0}, {"girls", kPerson, "girls", 0},
    {"elderly", kPerson | kModifier, "elderly", 0},
    {"civilians", kPerson, "civilians", 0}, {"soldiers", kPerson, "soldiers", 0},
    {"troops", kPerson, "soldiers", 0}, {"servicemen", kPerson, "soldiers", 0},
    {"personnel", kPerson, "soldiers", 0}, {"officers", kPerson, "police", 0},
    {"policemen", kPerson, "police", 0}, {"militants", kPerson, "militants", 0},
    {"fighters", kPerson, "militants", 0}, {"gunmen", kPerson, "militants", 0},
    {"insurgents", kPerson, "militants", 0}, {"rebels", kPerson, "rebels", 0},
    {"journalists", kPerson, "journalists", 0}, {"reporters", kPerson, "journalists", 0},
    {"medics", kPerson, "medics", 0}, {"paramedics", kPerson, "medics", 0},
    {"doctors", kPerson, "medics", 0}, {"nurses", kPerson, "medics", 0},
    {"workers", kPerson, "workers", 0}, {"staff", kPerson, "workers", 0},
    {"employees", kPerson, "workers", 0}, {"students", kPerson, "students", 0},
    {"patients", kPerson, "patients", 0}, {"hostages", kPerson, "hostages", 0},
    {"captives", kPerson, "hostages", 0}, {"prisoners", kPerson, "prisoners", 0},
    {"detainees", kPerson, "prisoners", 0}, {"protesters", kPerson, "protesters", 0},
    {"protestors", kPerson, "protesters", 0}, {"demonstrators", kPerson, "protesters", 0},
    {"migrants", kPerson, "migrants", 0}, {"refugees", kPerson, "refugees", 0},
    {"asylum-seekers", kPerson, "refugees", 0}, {"passengers", kPerson, "passengers", 0},
    {"tourists", kPerson, "tourists", 0}, {"pilgrims", kPerson, "pilgrims", 0},
    {"worshippers", kPerson, "worshippers", 0}, {"victims", kPerson, "victims", 0},
    {"families", kPerson, "families", 0}, {"households", kPerson, "families", 0},
    {"settlers", kPerson, "settlers", 0}, {"miners", kPerson, "miners", 0},
    {"firefighters", kPerson, "firefighters", 0}, {"suspects", kPerson, "suspects", 0},
    {"palestinians", kPerson, "palestinians", 0}, {"gazans", kPerson, "palestinians", 0},
    {"israelis", kPerson, "israelis", 0}, {"ukrainians", kPerson, "ukrainians", 0},
    {"russians", kPerson, "russians", 0}, {"americans", kPerson, "americans", 0},
    {"syrians", kPerson, "syrians", 0}, {"iraqis", kPerson, "iraqis", 0},
    {"afghans", kPerson, "afghans", 0}, {"iranians", kPerson, "iranians", 0},
    {"yemenis", kPerson, "yemenis", 0}, {"lebanese", kPerson | kModifier, "lebanese", 0},
    {"sudanese", kPerson | kModifier, "sudanese", 0}, {"somalis", kPerson, "somalis", 0},
    {"haitians", kPerson, "haitians", 0}, {"pakistanis", kPerson, "pakistanis", 0},
    {"indians", kPerson, "indians", 0}, {"britons", kPerson, "britons", 0},
    {"kurds", kPerson, "kurds", 0}, {"rohingya", kPerson, "rohingya", 0},
    {"uyghurs", kPerson, "uyghurs", 0}, {"jews", kPerson, "jews", 0},
    {"muslims", kPerson, "muslims", 0}, {"christians", kPerson, "christians", 0},
    // Things counted.
    {"homes", kThing, "homes", 0}, {"houses", kThing, "homes", 0},
    {"buildings", kThing, "buildings", 0}, {"schools", kThing, "schools", 0},
    {"hospitals", kThing, "hospitals", 0}, {"mosques", kThing, "mosques", 0},
    {"churches", kThing, "churches", 0}, {"trucks", kThing, "trucks", 0},
    {"lorries", kThing, "trucks", 0}, {"vehicles", kThing, "vehicles", 0},
    {"rockets", kThing, "rockets", 0}, {"missiles", kThing, "missiles", 0},
    {"drones", kThing, "drones", 0}, {"shells", kThing, "shells", 0},
    {"bombs", kThing, "bombs", 0}, {"tanks", kThing, "tanks", 0},
    {"airstrikes", kThing, "airstrikes", 0}, {"strikes", kThing, "airstrikes", 0},
    {"cases", kThing, "cases", 0}, {"bodies", kThing, "bodies", 0},
    {"targets", kThing, "targets", 0}, {"sites", kThing, "targets", 0},
    // Words that may stand between the number and the noun.
    {"more", kModifier, "", 0}, {"other", kModifier, "", 0}, {"innocent", kModifier, "", 0},
    {"unarmed", kModifier, "", 0}, {"young", kModifier, "", 0}, {"foreign", kModifier, "", 0},
    {"local", kModifier, "", 0}, {"new", kModifier, "", 0}, {"additional", kModifier, "", 0},
    {"further", kModifier, "", 0}, {"civilian", kModifier, "", 0}, {"military", kModifier, "", 0},
    {"security", kModifier, "", 0}, {"armed", kModifier, "", 0}, {"aid", kModifier, "", 0},
    {"health", kModifier, "", 0}, {"medical", kModifier, "", 0}, {"police", kModifier, "", 0},
    {"un", kModifier, "", 0}, {"israeli", kModifier, "", 0}, {"palestinian", kModifier, "", 0},
    {"ukrainian", kModifier, "", 0}, {"russian", kModifier, "", 0}, {"american", kModifier, "", 0},
    {"syrian", kModifier, "", 0}, {"iraqi", kModifier, "", 0}, {"afghan", kModifier, "", 0},
    {"iranian", kModifier, "", 0}, {"yemeni", kModifier, "", 0}, {"turkish", kModifier, "", 0},
    {"british", kModifier, "", 0}, {"french", kModifier, "", 0}, {"german", kModifier, "", 0},
    {"chinese", kModifier, "", 0}, {"residential", kModifier, "", 0}, {"family", kModifier, "", 0},
    {"humanitarian", kModifier, "", 0}, {"rescue", kModifier, "", 0}, {"emergency", kModifier, "", 0},
    {"hamas", kModifier, "", 0}, {"hezbollah", kModifier, "", 0}, {"taliban", kModifier, "", 0},
    // Between the noun and the participle.
    {"was", kAux, "", 0}, {"were", kAux, "", 0}, {"is", kAux, "", 0}, {"are", kAux, "", 0},
    {"be", kAux, "", 0}, {"been", kAux, "", 0}, {"being", kAux, "", 0}, {"have", kAux, "", 0},
    {"has", kAux, "", 0}, {"had", kAux, "", 0}, {"still", kAux, "", 0}, {"also", kAux, "", 0},
    {"reportedly", kAux, "", 0}, {"now", kAux, "", 0}, {"already", kAux, "", 0},
    {"allegedly", kAux, "", 0}, {"feared", kAux, "", 0}, {"believed", kAux, "", 0},
    {"thought", kAux, "", 0}, {"to", kAux, "", 0}, {"confirmed", kAux | kSay, "", 0},
    {"found", kAux, "", 0}, {"left", kAux, "", 0}, {"later", kAux, "", 0},
    {"critically", kAux, "", 0}, {"seriously", kAux, "", 0}, {"severely", kAux, "", 0},
    {"badly", kAux, "", 0}, {"fatally", kAux, "", 0}, {"lightly", kAux, "", 0},
    {"either", kAux, "", 0}, {"were", kAux, "", 0}, {"remain", kAux, "", 0},
    {"remained", kAux, "", 0}, {"remains", kAux, "", 0}, {"listed", kAux, "", 0},
    {"presumed", kAux, "", 0}, {"declared", kAux, "", 0}, {"reported", kAux | kSay, "", 0},
    // Modals: "between 18,000 and 20,000 people may have died".
    {"may", kAux, "", 0}, {"might", kAux, "", 0}, {"could", kAux, "", 0}, {"would", kAux, "", 0},
    {"will", kAux, "", 0}, {"can", kAux, "", 0}, {"must", kAux, "", 0},
    // Reporting verbs.
    {"said", kSay, "", 0}, {"says", kSay, "", 0}, {"say", kSay, "", 0}, {"told", kSay, "", 0},
    {"reports", kSay, "", 0}, {"announced", kSay, "", 0}, {"stated", kSay, "", 0},
    {"added", kSay, "", 0}, {"estimated", kSay, "", 0}, {"estimates", kSay, "", 0},
    {"estimate", kSay, "", 0}, {"claimed", kSay, "", 0}, {"claims", kSay, "", 0},
    {"noted", kSay, "", 0}, {"counted", kSay, "", 0}, {"recorded", kSay, "", 0},
    // Numbers.
    {"one", kUnitWord, "", 1}, {"two", kUnitWord, "", 2}, {"three", kUnitWord, "", 3},
    {"four", kUnitWord, "", 4}, {"five", kUnitWord, "", 5}, {"six", kUnitWord, "", 6},
    {"seven", kUnitWord, "", 7}, {"eight", kUnitWord, "", 8}, {"nine", kUnitWord, "", 9},
    {"ten", kUnitWord, "", 10}, {"eleven", kUnitWord, "", 11}, {"twelve", kUnitWord, "", 12},
    {"thirteen", kUnitWord, "", 13}, {"fourteen", kUnitWord, "", 14},
    {"fifteen", kUnitWord, "", 15}, {"sixteen", kUnitWord, "", 16},
    {"seventeen", kUnitWord, "", 17}, {"eighteen", kUnitWord, "", 18},
    {"nineteen", kUnitWord, "", 19}, {"twenty", kUnitWord, "", 20}, {"thirty", kUnitWord, "", 30},
    {"forty", kUnitWord, "", 40}, {"fifty", kUnitWord, "", 50}, {"sixty", kUnitWord, "", 60},
    {"seventy", kUnitWord, "", 70}, {"eighty", kUnitWord, "", 80}, {"ninety", kUnitWord, "", 90},
    {"hundred", kScale, "", 100}, {"thousand", kScale, "", 1e3}, {"million", kScale, "", 1e6},
    {"billion", kScale, "", 1e9}, {"trillion", kScale, "", 1e12}, {"dozen", kScale, "", 12},
    // Vague amounts: number = the unit they count in; the lower bound is two
    // of them ("dozens" >= 24, "tens of thousands" >= 20,000).
    {"dozens", kVague, "", 12}, {"scores", kVague, "", 20}, {"hundreds", kVague, "", 100},
    {"thousands", kVague, "", 1e3}, {"millions", kVague, "", 1e6}, {"billions", kVague, "", 1e9},
    {"tens", kVague, "", 10},
    {"a", kStarter, "", 0}, {"an", kStarter, "", 0}, {"half", kStarter, "", 0},
    {"us", kStarter, "", 0}, {"c", kStarter, "", 0},
    {"several", kFuzzy, "", 3}, {"few", kFuzzy, "", 2}, {"many", kFuzzy, "", 2},
    // Units that are not counts.
    {"percent", kPercent, "", 0}, {"pct", kPercent, "", 0}, {"dollars", kCurrency, "USD", 0},
    {"usd", kCurrency, "USD", 0}, {"euros", kCurrency, "EUR", 0}, {"eur", kCurrency, "EUR", 0},
    {"gbp", kCurrency, "GBP", 0}, {"sterling", kCurrency, "GBP", 0}, {"yen", kCurrency, "JPY", 0},
    {"yuan", kCurrency, "CNY", 0}, {"rupees", kCurrency, "INR", 0}, {"shekels", kCurrency, "ILS", 0},
    {"rubles", kCurrency, "RUB", 0}, {"roubles", kCurrency, "RUB", 0},
    {"hryvnias", kCurrency, "UAH", 0}, {"rials", kCurrency, "IRR", 0},
    // Ages and durations: "30 years", "10 days".
    {"year", kTimeNoun, "", 0}, {"years", kTimeNoun, "", 0}, {"month", kTimeNoun, "", 0},
    {"months", kTimeNoun, "", 0}, {"week", kTimeNoun, "", 0}, {"weeks", kTimeNoun, "", 0},
    {"day", kTimeNoun, "", 0}, {"days", kTimeNoun, "", 0}, {"hours", kTimeNoun, "", 0},
    {"minutes", kTimeNoun, "", 0},
    // Months (a number beside one is a date).
    {"january", kMonth, "", 1}, {"february", kMonth, "", 2}, {"march", kMonth, "", 3},
    {"april", kMonth, "", 4}, {"may", kMonth, "", 5}, {"june", kMonth, "", 6},
    {"july", kMonth, "", 7}, {"august", kMonth, "", 8}, {"september", kMonth, "", 9},
    {"october", kMonth, "", 10}, {"november", kMonth, "", 11}, {"december", kMonth, "", 12},
    {"jan", kMonth, "", 1}, {"feb", kMonth, "", 2}, {"mar", kMonth, "", 3}, {"apr", kMonth, "", 4},
    {"jun", kMonth, "", 6}, {"jul", kMonth, "", 7}, {"aug", kMonth, "", 8}, {"sep", kMonth, "", 9},
    {"sept", kMonth, "", 9}, {"oct", kMonth, "", 10}, {"nov", kMonth, "", 11},
    {"dec", kMonth, "", 12},
};

// FNV-1a: the keys are short ASCII words; std::hash's Murmur is slower here.
struct Fnv {
  size_t operator()(std::string_view s) const {
    uint64_t h = 1469598103934665603ull;
    for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    return static_cast<size_t>(h);
  }
};
using Table = std::unordered_map<std::string_view, Word, Fnv>;

// Built once (thread-safe static initialisation), read-only after.
const Table& table() {
  static const auto* map = [] {
    auto* m = new Table();
    m->reserve(std::size(kEntries) * 2);
    for (const Entry& e : kEntries) {
      Word& w = (*m)[e.surface];
      w.flags |= e.flags;
      if (!e.key.empty()) w.key = e.key;
      if (e.number != 0) w.number = e.number;
    }
    return m;
  }();
  return *map;
}

}  // namespace

const Word* lookup(std::string_view token) {
  constexpr size_t kLongest = 16;
  if (token.empty() || token.size() > kLongest) return nullptr;
  char buf[kLongest];
  for (size_t i = 0; i < token.size(); ++i) {
    const char c = token[i];
    buf[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  const auto& map = table();
  const auto it = map.find(std::string_view(buf, token.size()));
  return it == map.end() ? nullptr : &it->second;
}

}  // namespace tidings::facts::figures_lexicon
