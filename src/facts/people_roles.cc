// Roles around a person's name (people_roles.h): "Russian President
// Vladimir Putin", "Iran's foreign minister, Hossein Amir-Abdollahian",
// "Ali Asghar Khaji, a senior aide on political affairs to Iran's foreign
// minister,", "Secretary of Iran's Supreme National Security Council (SNSC)
// Ali-Akbar Ahmadian".
#include "facts/people_roles.h"

#include <algorithm>

#include "facts/people_words.h"

namespace tidings::facts {
namespace {

using words::RoleClass;

constexpr uint32_t kMaxTitleTokens = 24;       // a title before a name
constexpr uint32_t kMaxAppositiveTokens = 40;  // ", a senior aide on ... ,"
constexpr uint32_t kMaxNameWords = 4;          // an untagged name after a title
constexpr uint32_t kHeadlineReach = 32;        // tokens either side judged for title case

// Abbreviated titles written out, so that "Gen." and "General" are one role.
struct Expansion {
  std::string_view abbreviation, word;
};
constexpr Expansion kExpansions[] = {
    {"gen", "general"},     {"lt", "lieutenant"},  {"col", "colonel"},     {"sen", "senator"},
    {"rep", "representative"}, {"gov", "governor"}, {"capt", "captain"},   {"sgt", "sergeant"},
    {"adm", "admiral"},     {"maj", "major"},      {"cmdr", "commander"},  {"pres", "president"},
    {"sec", "secretary"},   {"amb", "ambassador"}, {"prof", "professor"},  {"rev", "reverend"},
    {"brig", "brigadier"},  {"cpl", "corporal"},
};

// What a ministry or department is of, when a title names it: "Secretary
// of State", "Minister of Foreign Affairs". Part of the title, never its
// owner, even when the tagger calls it an organisation.
bool is_office(std::string_view name) {
  static constexpr std::string_view kOffices[] = {
      "state", "defense", "defence", "homeland security", "interior", "foreign affairs", "home affairs",
      "external affairs", "health", "justice", "finance", "energy", "education", "agriculture", "commerce",
      "labor", "labour", "transportation", "transport", "treasury", "war", "veterans affairs", "trade",
      "economy", "culture", "information", "environment", "industry", "foreign trade", "public security",
      "national defense", "national defence", "the navy", "navy", "the army", "the air force"};
  for (const std::string_view office : kOffices) {
    if (words::iequals(name, office)) return true;
  }
  return false;
}

bool is_preposition(std::string_view w) {
  return w == "of" || w == "for" || w == "to" || w == "on" || w == "at" || w == "in";
}

struct Ctx {
  const Segmented& text;
  const std::vector<int32_t>& ent;
  const std::vector<Entity>& entities;
  int32_t self;  ///< the mention's own entity

  std::string_view word(uint32_t t) const { return text.token_text(t); }
  const Token& token(uint32_t t) const { return text.tokens[t]; }
  /// The entity at token t other than the person's own, or nullptr.
  const Entity* other_entity(uint32_t t) const {
    const int32_t e = ent[t];
    return e >= 0 && e != self ? &entities[e] : nullptr;
  }
  std::string_view entity_text(const Entity& e) const {
    return text.text.substr(e.start, e.end - e.start);
  }
  bool is_head(uint32_t t) const {
    return words::role_word(word(t)).role == RoleClass::kHead && !other_entity(t);
  }
};

uint32_t sentence_first_token(const Segmented& text, uint32_t t) {
  // Sentences are few per text; a binary search keeps this logarithmic.
  const auto it = std::upper_bound(
      text.sentences.begin(), text.sentences.end(), t,
      [](uint32_t x, const Sentence& s) { return x < s.first_token; });
  return it == text.sentences.begin() ? 0 : (it - 1)->first_token;
}

uint32_t sentence_end_token(const Segmented& text, uint32_t t) {
  const auto it = std::upper_bound(
      text.sentences.begin(), text.sentences.end(), t,
      [](uint32_t x, const Sentence& s) { return x < s.first_token; });
  if (it == text.sentences.begin()) return static_cast<uint32_t>(text.tokens.size());
  const Sentence& s = *(it - 1);
  return std::min<uint32_t>(s.first_token + s.token_count, text.tokens.size());
}

// The start of a title that ends at token `end` (exclusive), walking back
// over role words, owners ("Iran's", "Russian", entities), "of"/"for",
// abbreviation periods and "(ACRONYM)". Returns `end` when there is none.
uint32_t title_start(const Ctx& c, uint32_t end, uint32_t floor) {
  uint32_t s = end;
  while (s > floor && end - s < kMaxTitleTokens) {
    const uint32_t t = s - 1;
    const std::string_view w = c.word(t);
    const Token& k = c.token(t);
    if (c.self >= 0 && c.ent[t] == c.self) {
      s = t;  // a title the tagger put inside the name's span
      continue;
    }
    if (k.possessive) {
      if (t == floor) break;
      const Entity* owner = c.other_entity(t - 1);
      if (owner) {
        s = std::max(owner->first_token, floor);
      } else if (words::is_capitalised(c.word(t - 1))) {
        s = t - 1;
      } else {
        break;
      }
      continue;
    }
    if (const Entity* e = c.other_entity(t)) {
      if (e->type == EntityType::kPerson) break;
      s = std::max(e->first_token, floor);
      continue;
    }
    if (words::role_word(w).role != RoleClass::kNone || !words::country_of_demonym(w).empty() ||
        words::is_acronym(w)) {
      s = t;
      continue;
    }
    if (w == "." && !k.space_before && t > floor &&
        (words::role_word(c.word(t - 1)).role != RoleClass::kNone ||
         words::is_acronym(c.word(t - 1)))) {  // "Gen.", "U.S.
      s = t;
      continue;
    }
    if (w == ")" && t >= floor + 2 && c.word(t - 2) == "(" && words::is_acronym(c.word(t - 1))) {
      s = t - 2;
      continue;
    }
    if (is_preposition(w) && w != "in") {
      s = t;
      continue;
    }
    if (w == "the" && t > floor && is_preposition(c.word(t - 1))) {
      s = t;
      continue;
    }
    break;
  }
  // A title opens with a word, not with "of the" or a period.
  while (s < end && (is_preposition(c.word(s)) || c.word(s) == "the" || c.word(s) == "." ||
                     c.word(s) == "(" || c.token(s).possessive)) {
    ++s;
  }
  bool head = false;
  for (uint32_t t = s; t < end && !head; ++t) head = c.is_head(t);
  return head ? s : end;
}

void append_word(std::string& out, std::string_view w, bool space_before) {
  if (!out.empty() && space_before) out += ' ';
  out += w;
}

// The normalised role of tokens [s, e).
FoundRole make_role(const Ctx& c, uint32_t s, uint32_t e) {
  FoundRole found;
  Role& role = found.role;
  role.start = c.token(s).start;
  role.end = c.token(e - 1).end;
  while (s < e && words::is_determiner(c.word(s))) ++s;
  while (s < e && (words::iequals(c.word(s), "former") || words::iequals(c.word(s), "ex") ||
                   words::iequals(c.word(s), "then"))) {
    role.former = role.former || !words::iequals(c.word(s), "then");
    ++s;
    if (s < e && c.word(s) == "-") ++s;
  }
  // An owner first: "Iran's ...", "Putin's ...", "Russian ...".
  if (s < e) {
    const Entity* owner = c.other_entity(s);
    const uint32_t owner_end = owner ? owner->first_token + owner->token_count : s + 1;
    const std::string_view owner_text = owner ? c.entity_text(*owner) : c.word(s);
    const std::string_view country = words::country_of_demonym(owner_text);
    if (owner_end < e && c.token(owner_end).possessive &&
        (owner || words::is_capitalised(owner_text))) {
      role.of = country.empty() ? std::string(owner_text) : std::string(country);
      if ((owner && owner->type == EntityType::kGpe) || words::is_country_name(owner_text) ||
          !country.empty()) {
        role.country = role.of;
      }
      s = owner_end + 1;
    } else if (!country.empty() && owner_end < e) {
      role.of = role.country = std::string(country);
      s = owner_end;
    } else if (((owner && owner->type != EntityType::kPerson) ||
                (!owner && words::is_acronym(owner_text))) &&
               owner_end < e && c.is_head(owner_end)) {
      // "White House spokesman", "Hamas leader", "UN envoy"
      role.of = std::string(owner_text);
      if (owner && owner->type == EntityType::kGpe) role.country = role.of;
      s = owner_end;
    }
    // The abbreviation's period after an owner: "U.S. Secretary of State".
    while (s < e && c.word(s) == "." && !c.token(s).space_before) ++s;
  }
  // "... of/at [the] [Iran's] ORGANISATION [(ACRONYM)]" at the end: the owner.
  uint32_t title_end = e;
  if (role.of.empty()) {
    for (uint32_t p = s + 1; p + 1 < e; ++p) {
      const std::string_view w = c.word(p);
      if (w != "of" && w != "at" && w != "for") continue;
      uint32_t q = p + 1;
      if (q < e && c.word(q) == "the") ++q;
      std::string country;
      if (q + 1 < e) {
        const Entity* poss = c.other_entity(q);
        const uint32_t poss_end = poss ? poss->first_token + poss->token_count : q + 1;
        if (poss_end < e && c.token(poss_end).possessive) {
          country = std::string(poss ? c.entity_text(*poss) : c.word(q));
          q = poss_end + 1;
        }
      }
      const Entity* org = q < e ? c.other_entity(q) : nullptr;
      if (!org || org->type == EntityType::kPerson || org->first_token != q) continue;
      if (is_office(c.entity_text(*org))) continue;  // "Secretary of State": the title's own words
      if (w == "for" && org->type != EntityType::kOrganization) continue;
      uint32_t r = org->first_token + org->token_count;
      std::string of(c.entity_text(*org));
      if (r + 2 < e + 1 && r + 2 < c.text.tokens.size() && c.word(r) == "(" &&
          words::is_acronym(c.word(r + 1)) && c.word(r + 2) == ")") {
        of += " (";
        of += c.word(r + 1);
        of += ")";
        r += 3;
      }
      if (r != e) continue;
      role.of = of;
      role.country = org->type == EntityType::kGpe ? of : country;
      title_end = p;
      break;
    }
  }
  // The title itself: role words lower case, names and acronyms as written.
  for (uint32_t t = s; t < title_end; ++t) {
    const std::string_view w = c.word(t);
    const bool space = t > s && c.token(t).space_before;
    if (w == "." && t > s && words::role_word(c.word(t - 1)).role != RoleClass::kNone) continue;
    if ((c.other_entity(t) && !is_office(w)) || words::is_acronym(w) ||
        (words::is_capitalised(w) && words::role_word(w).role == RoleClass::kNone &&
         words::country_of_demonym(w).empty())) {
      append_word(found.role.title, w, space);
      continue;
    }
    char buf[32];
    std::string_view lower = w.size() < sizeof buf ? words::ascii_lower(w, buf) : w;
    for (const Expansion& x : kExpansions) {
      if (lower == x.abbreviation) lower = x.word;
    }
    append_word(found.role.title, lower, space);
    const words::RoleWord r = words::role_word(w);
    if (r.gender != Gender::kUnknown) found.gender = r.gender;
  }
  // A country named inside the title: "aide ... to Iran's foreign minister".
  if (role.country.empty()) {
    for (uint32_t t = s; t + 1 < e; ++t) {
      if (!c.token(t + 1).possessive) continue;
      const Entity* g = c.other_entity(t);
      const std::string_view w = g ? c.entity_text(*g) : c.word(t);
      if ((g && g->type == EntityType::kGpe) || words::is_country_name(w)) {
        role.country = std::string(w);
        break;
      }
    }
  }
  return found;
}

bool is_cue_word(std::string_view w) {
  for (const std::string_view cue : {"said", "says", "say", "told", "tells", "added", "adds",
                                     "warned", "stressed", "noted", "insisted", "declared", "reported",
                                     "reports", "announced", "wrote", "quoted"}) {
    if (w == cue) return true;
  }
  return false;
}

// ", a senior aide on political affairs to Iran's foreign minister," after
// the name ending at token `last`: the appositive's tokens, or {0, 0}.
std::pair<uint32_t, uint32_t> appositive(const Ctx& c, uint32_t last, uint32_t sentence_end) {
  if (last + 1 >= sentence_end || c.word(last) != ",") return {0, 0};
  uint32_t s = last + 1;
  // ", who is the head of ...": the same as ", the head of ...".
  if (s + 2 < sentence_end && c.word(s) == "who" &&
      (c.word(s + 1) == "is" || c.word(s + 1) == "was") && words::is_determiner(c.word(s + 2))) {
    s += 2;
  }
  uint32_t e = s;
  bool closed = false;
  for (; e < sentence_end && e - s < kMaxAppositiveTokens; ++e) {
    const std::string_view w = c.word(e);
    const Token& k = c.token(e);
    if (const Entity* other = c.other_entity(e); other && other->type == EntityType::kPerson) {
      const uint32_t after = other->first_token + other->token_count;
      if (after < sentence_end && c.token(after).possessive) {
        e = after;  // "a spokesman for Putin's party": the loop steps over the "'s"
        continue;
      }
      closed = true;  // another person begins
      break;
    }
    if (k.kind == TokenKind::kPunctuation) {
      if (w == "." && e + 1 < sentence_end) continue;  // "U.S." or "Gen." inside
      if (w == "(" && e + 2 < sentence_end && words::is_acronym(c.word(e + 1)) &&
          c.word(e + 2) == ")") {
        e += 2;
        continue;
      }
      if (w == "-" && !k.space_before) continue;
      closed = true;
      break;
    }
    if (is_cue_word(w)) return {0, 0};  // "Raisi, the Saudi Press Agency reported": its subject, no role
    if (w == "who" || w == "which" || w == "whose") {
      closed = true;
      break;
    }
    if ((w == "and" || w == "but") && e + 1 < sentence_end &&
        (words::is_determiner(c.word(e + 1)) || words::is_capitalised(c.word(e + 1)))) {
      closed = true;
      break;
    }
  }
  if (e == sentence_end) closed = true;
  if (!closed || e == s) return {0, 0};
  // Trailing sentence period.
  uint32_t end = e;
  while (end > s && c.word(end - 1) == ".") --end;
  if (end == s) return {0, 0};
  const std::string_view first = c.word(s);
  if (c.token(s).kind != TokenKind::kWord) return {0, 0};  // "Smith, 45,"
  bool head = false;
  for (uint32_t t = s; t < end && !head; ++t) head = c.is_head(t);
  if (words::is_determiner(first) && first != "this" && first != "that" && first != "these" &&
      first != "those" && end - s >= 2) {
    return {s, end};  // "a senior aide", "the head of ...", "a resident of Gaza"
  }
  // No article: only a real title ("Russian Special Presidential Envoy for
  // Syria", "Iran's foreign minister"), never a place ("Smith, Paris,").
  if (!head) return {0, 0};
  if (!words::is_capitalised(first) && words::role_word(first).role == RoleClass::kNone &&
      !c.token(s + 1 < end ? s + 1 : s).possessive) {
    return {0, 0};
  }
  return {s, end};
}

}  // namespace

std::string collapse_spaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    size_t width = 0;  // bytes of a white space character at i, or 0
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
      width = 1;
    } else if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      width = 2;  // no-break space
    } else if (c == 0xE2 && i + 2 < s.size()) {
      const auto b1 = static_cast<unsigned char>(s[i + 1]), b2 = static_cast<unsigned char>(s[i + 2]);
      // U+2000..U+200A, U+2028, U+2029, U+202F, U+205F
      if ((b1 == 0x80 && (b2 <= 0x8A || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF)) ||
          (b1 == 0x81 && b2 == 0x9F)) {
        width = 3;
      }
    } else if (c == 0xE3 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
               static_cast<unsigned char>(s[i + 2]) == 0x80) {
      width = 3;  // U+3000 ideographic space
    }
    if (width > 0) {
      space = !out.empty();
      i += width;
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += s[i++];
  }
  return out;
}

namespace {

// Words of institutions, never the last word of a person's name: after a
// title, "Prime Minister Office" or "General Motors Corp" is not a person.
constexpr std::string_view kInstitutionWords[] = {
    "administration", "agency", "army",       "association", "bank",      "board",      "bureau",
    "cabinet",        "co",     "commission", "committee",   "company",   "corp",       "corporation",
    "council",        "court",  "department", "force",       "forces",    "foundation", "government",
    "group",          "house",  "inc",        "institute",   "ltd",       "ministry",   "office",
    "organisation",   "organization", "palace", "parliament", "party",  "police",     "university",
    "union",          "llc",    "plc",        "holdings",    "airlines",  "airways",    "technologies",
    "systems",        "ministries", "school", "college",     "hospital",  "club",       "federation",
};

bool is_institution_word(std::string_view w) {
  for (const std::string_view x : kInstitutionWords) {
    if (words::iequals(w, x)) return true;
  }
  return false;
}

// A word that may be part of a person's name the tagger missed: written with
// a capital and lower-case letters after it ("Ahmadian", "Ali-Akbar"), and
// not a role, a demonym, a country, a month or weekday or an institution.
bool name_like(const Segmented& text, uint32_t t) {
  const Token& k = text.tokens[t];
  if (k.kind != TokenKind::kWord) return false;
  const std::string_view w = text.token_text(t);
  if (w.size() < 2 || !words::is_capitalised(w) || words::is_acronym(w)) return false;
  bool lower = false;
  for (const char c : w) lower = lower || (c >= 'a' && c <= 'z');
  return lower && words::role_word(w).role == RoleClass::kNone && words::country_of_demonym(w).empty() &&
         !words::is_country_name(w) && !words::is_calendar_word(w) && !is_institution_word(w);
}

// Whether tokens [first, end) are a headline in title case, where a
// capital says nothing: every word of three letters or more capitalised
// when it ends with a stop ("... Swimmer And Actress Dies Aged 91."), else
// all but one at most, and four in five. (A sentence of news full of names
// and titles still has a verb in lower case: "Fed Chair Jerome Powell met
// ...".)
bool title_cased(const Segmented& text, uint32_t first, uint32_t end) {
  bool stop = false;
  if (end > first && text.tokens[end - 1].kind == TokenKind::kPunctuation) {
    const std::string_view w = text.token_text(end - 1);
    stop = w == "." || w == "!" || w == "?";
  }
  uint32_t lower = 0, capitals = 0;
  for (uint32_t t = first; t < end; ++t) {
    if (text.tokens[t].kind != TokenKind::kWord || text.token_text(t).size() < 3) continue;
    if (words::is_capitalised(text.token_text(t))) {
      ++capitals;
    } else {
      ++lower;
    }
  }
  if (stop) return capitals >= 3 && lower == 0;
  return capitals > 0 && lower <= 1 && lower * 4 <= capitals;
}

}  // namespace

void split_titled_organisations(const Segmented& text, std::vector<Entity>& entities) {
  std::vector<Entity> out;
  out.reserve(entities.size());
  for (const Entity& e : entities) {
    const uint32_t first = e.first_token, end = e.first_token + e.token_count;
    if (e.type != EntityType::kOrganization || !words::entity_is_valid(text, e) || e.token_count < 3) {
      out.push_back(e);
      continue;
    }
    // The last head word with two to four name words after it, to the end.
    uint32_t head = end;
    for (uint32_t t = end - 2; t > first; --t) {
      if (end - (t + 1) > kMaxNameWords) break;
      if (!name_like(text, t + 1)) break;
      if (end - (t + 1) >= 2 && words::role_word(text.token_text(t)).role == RoleClass::kHead) {
        head = t;
        break;
      }
    }
    bool names = head < end;
    for (uint32_t t = head + 1; names && t < end; ++t) names = name_like(text, t);
    if (!names) {
      out.push_back(e);
      continue;
    }
    // The organisation before the title, when there is one ("Fed"): the
    // words before the first role word.
    uint32_t org_end = first;
    while (org_end < head && words::role_word(text.token_text(org_end)).role == RoleClass::kNone) ++org_end;
    if (org_end > first) {
      Entity org = e;
      org.token_count = org_end - first;
      org.end = text.tokens[org_end - 1].end;
      out.push_back(org);
    }
    Entity person;
    person.first_token = head + 1;
    person.token_count = end - (head + 1);
    person.start = text.tokens[head + 1].start;
    person.end = e.end;
    person.type = EntityType::kPerson;
    out.push_back(person);
  }
  entities = std::move(out);
}

void retype_institutions(const Segmented& text, std::vector<Entity>& entities) {
  // The names without their institution word, to retype the short mentions
  // too ("Sierra Nevada" after "Sierra Nevada Corporation").
  std::vector<std::string_view> short_names;
  for (Entity& e : entities) {
    if (e.type != EntityType::kPerson || e.token_count < 2 || !words::entity_is_valid(text, e)) continue;
    uint32_t last = e.first_token + e.token_count - 1;
    if (text.token_text(last) == "." && last > e.first_token) --last;  // "Corp."
    if (is_institution_word(text.token_text(last)) && words::is_capitalised(text.token_text(last))) {
      e.type = EntityType::kOrganization;
      if (last > e.first_token && short_names.size() < 64) {
        short_names.push_back(text.text.substr(e.start, text.tokens[last - 1].end - e.start));
      }
    }
  }
  if (short_names.empty()) return;
  for (Entity& e : entities) {
    if (e.type != EntityType::kPerson || e.end > text.text.size() || e.start >= e.end) continue;
    const std::string_view name = text.text.substr(e.start, e.end - e.start);
    if (std::find(short_names.begin(), short_names.end(), name) != short_names.end()) {
      e.type = EntityType::kOrganization;
    }
  }
}

void drop_letter_names(const Segmented& text, std::vector<Entity>& entities) {
  std::erase_if(entities, [&](const Entity& e) {
    if (e.type != EntityType::kPerson || !words::entity_is_valid(text, e)) return false;
    for (uint32_t t = e.first_token; t < e.first_token + e.token_count; ++t) {
      const std::string_view w = text.token_text(t);
      if (w != "." && w.size() > 1) return false;
    }
    return true;
  });
}

void correct_people(const Segmented& text, std::vector<Entity>& entities) {
  split_titled_organisations(text, entities);
  retype_institutions(text, entities);
  drop_letter_names(text, entities);
  if (std::vector<Entity> titled = titled_names(text, entities); !titled.empty()) {
    entities.insert(entities.end(), titled.begin(), titled.end());
    std::stable_sort(entities.begin(), entities.end(),
                     [](const Entity& a, const Entity& b) { return a.start < b.start; });
  }
}

std::vector<Entity> titled_names(const Segmented& text, const std::vector<Entity>& entities) {
  std::vector<Entity> out;
  const std::vector<int32_t> ent = words::entity_of_token(text, entities);
  const Ctx c{text, ent, entities, -1};
  for (const Sentence& sentence : text.sentences) {
    const uint32_t first = sentence.first_token;
    const uint32_t end = std::min<uint32_t>(first + sentence.token_count, text.tokens.size());
    if (first >= end) continue;
    for (uint32_t t = first + 1; t < end; ++t) {
      if (ent[t] >= 0 || !name_like(text, t)) continue;
      uint32_t u = t;
      while (u < end && ent[u] < 0 && name_like(text, u)) ++u;
      const uint32_t run = u - t;
      const uint32_t from = t;
      t = u;  // the loop's ++t then steps past the word that ended the run
      if (run < 2 || run > kMaxNameWords) continue;
      // Right after the title's last word: its head ("spokesman") or the
      // "(ACRONYM)" closing its organisation.
      const uint32_t before = from - 1;
      // ("official" is as often an adjective: "the official North Korean
      // news agency", "the official Radio Broadcast partner".)
      const bool after_head = c.is_head(before) && !words::iequals(c.word(before), "official");
      const bool after_acronym = c.word(before) == ")" && before >= first + 2 &&
                                 c.word(before - 2) == "(" && words::is_acronym(c.word(before - 1));
      if (!after_head && !after_acronym) continue;
      if (title_start(c, from, first) >= from) continue;
      // A headline in title case says nothing by its capitals (its line:
      // a headline and the body's first sentence may be one sentence).
      uint32_t line_first = from, line_end = u;
      auto newline_between = [&](uint32_t a, uint32_t b) {
        return text.text.substr(text.tokens[a].end, text.tokens[b].start - text.tokens[a].end).find('\n') !=
               std::string_view::npos;
      };
      while (line_first > first && from - line_first < kHeadlineReach && !newline_between(line_first - 1, line_first)) {
        --line_first;
      }
      while (line_end < end && line_end - u < kHeadlineReach && !newline_between(line_end - 1, line_end)) ++line_end;
      if (title_cased(text, line_first, line_end)) continue;
      Entity e;
      e.start = text.tokens[from].start;
      e.end = text.tokens[u - 1].end;
      e.first_token = from;
      e.token_count = run;
      e.type = EntityType::kPerson;
      out.push_back(e);
    }
  }
  return out;
}

std::vector<FoundRole> roles_of_mention(const Segmented& text,
                                        const std::vector<int32_t>& entity_of_token,
                                        const std::vector<Entity>& entities, uint32_t first,
                                        uint32_t last, int32_t entity) {
  std::vector<FoundRole> out;
  if (first >= last || last > text.tokens.size()) return out;
  const Ctx c{text, entity_of_token, entities, entity};
  const uint32_t floor = sentence_first_token(text, first);
  const uint32_t sentence_end = sentence_end_token(text, first);
  // A title right before the name: "Gen. Mark Milley".
  if (const uint32_t s = title_start(c, first, floor); s < first) {
    out.push_back(make_role(c, s, first));
  } else if (first >= floor + 2 && c.word(first - 1) == ",") {
    // A role before a comma: "Iran's foreign minister, Hossein Amir-Abdollahian".
    const uint32_t end = first - 1;
    const uint32_t rs = title_start(c, end, floor);
    if (rs < end && c.is_head(end - 1)) out.push_back(make_role(c, rs, end));
  }
  // An appositive after it: "Khaji, a senior aide on political affairs ...,".
  if (last < sentence_end && c.token(last).possessive) return out;  // "Putin's message"
  if (const auto [s, e] = appositive(c, last, sentence_end); e > s) {
    out.push_back(make_role(c, s, e));
  }
  // Drop roles that normalised to nothing.
  out.erase(std::remove_if(out.begin(), out.end(),
                           [](const FoundRole& r) { return r.role.title.empty(); }),
            out.end());
  return out;
}

}  // namespace tidings::facts
