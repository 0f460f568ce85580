// Cue verbs and their speakers (quotes_speakers.h).
#include "facts/quotes_speakers.h"

#include <algorithm>
#include <unordered_map>

#include "facts/people_words.h"

namespace tidings::facts {
namespace {

constexpr uint32_t kMaxNominalTokens = 8;     // "a spokesman for the Gaza health ministry"
constexpr uint32_t kMaxAppositiveTokens = 40; // "Khaji, a senior aide ... minister, said"
constexpr uint32_t kMaxPronounLookBack = 64;  // mentions searched for "he" / "she"

struct CueEntry {
  std::string_view word;
  CueKind kind;
  bool participle;
};

// Lower case. Two-word cues ("called for", "pointed out", "according to")
// are the first word here with `second` checked in cue_at.
constexpr CueEntry kCues[] = {
    {"say", CueKind::kClause, false},       {"says", CueKind::kClause, false},
    {"said", CueKind::kClause, false},      {"saying", CueKind::kClause, true},
    {"tell", CueKind::kClause, false},      {"tells", CueKind::kClause, false},
    {"told", CueKind::kClause, false},      {"telling", CueKind::kClause, true},
    {"add", CueKind::kClause, false},       {"adds", CueKind::kClause, false},
    {"added", CueKind::kClause, false},     {"adding", CueKind::kClause, true},
    {"warn", CueKind::kClause, false},      {"warns", CueKind::kClause, false},
    {"warned", CueKind::kClause, false},    {"warning", CueKind::kClause, true},
    {"stress", CueKind::kClause, false},    {"stresses", CueKind::kClause, false},
    {"stressed", CueKind::kClause, false},  {"stressing", CueKind::kClause, true},
    {"note", CueKind::kClause, false},      {"notes", CueKind::kClause, false},
    {"noted", CueKind::kClause, false},     {"noting", CueKind::kClause, true},
    {"insist", CueKind::kClause, false},    {"insists", CueKind::kClause, false},
    {"insisted", CueKind::kClause, false},  {"insisting", CueKind::kClause, true},
    {"claim", CueKind::kClause, false},     {"claims", CueKind::kClause, false},
    {"claimed", CueKind::kClause, false},   {"claiming", CueKind::kClause, true},
    {"explain", CueKind::kClause, false},   {"explains", CueKind::kClause, false},
    {"explained", CueKind::kClause, false}, {"explaining", CueKind::kClause, true},
    {"stated", CueKind::kClause, false},    {"declared", CueKind::kClause, false},
    {"declares", CueKind::kClause, false},  {"affirmed", CueKind::kClause, false},
    {"asserted", CueKind::kClause, false},  {"argued", CueKind::kClause, false},
    {"argues", CueKind::kClause, false},    {"acknowledged", CueKind::kClause, false},
    {"admitted", CueKind::kClause, false},  {"confirmed", CueKind::kClause, false},
    {"confirms", CueKind::kClause, false},  {"wrote", CueKind::kClause, false},
    {"writes", CueKind::kClause, false},    {"reported", CueKind::kClause, false},
    {"reports", CueKind::kClause, false},   {"reiterated", CueKind::kClause, false},
    {"emphasized", CueKind::kClause, false},{"emphasised", CueKind::kClause, false},
    {"replied", CueKind::kClause, false},   {"responded", CueKind::kClause, false},
    {"predicted", CueKind::kClause, false}, {"promised", CueKind::kClause, false},
    {"vowed", CueKind::kClause, false},     {"complained", CueKind::kClause, false},
    {"conceded", CueKind::kClause, false},  {"recalled", CueKind::kClause, false},
    {"alleged", CueKind::kClause, false},   {"tweeted", CueKind::kClause, false},
    {"posted", CueKind::kClause, false},    {"asked", CueKind::kClause, false},
    {"deny", CueKind::kObject, false},      {"denies", CueKind::kObject, false},
    {"denied", CueKind::kObject, false},    {"denying", CueKind::kObject, true},
    {"announce", CueKind::kObject, false},  {"announces", CueKind::kObject, false},
    {"announced", CueKind::kObject, false}, {"announcing", CueKind::kObject, true},
    {"demand", CueKind::kObject, false},    {"demands", CueKind::kObject, false},
    {"demanded", CueKind::kObject, false},  {"demanding", CueKind::kObject, true},
    {"urged", CueKind::kObject, false},     {"urges", CueKind::kObject, false},
    {"urging", CueKind::kObject, true},     {"threatened", CueKind::kObject, false},
    // Two words: the second is checked in cue_at.
    {"call", CueKind::kObject, false},      {"calls", CueKind::kObject, false},
    {"called", CueKind::kObject, false},    {"calling", CueKind::kObject, true},
    {"point", CueKind::kClause, false},     {"points", CueKind::kClause, false},
    {"pointed", CueKind::kClause, false},   {"pointing", CueKind::kClause, true},
    {"according", CueKind::kAccording, false},
};

const std::unordered_map<std::string_view, CueEntry>& cue_table() {
  static const auto* table = [] {
    auto* t = new std::unordered_map<std::string_view, CueEntry>();
    for (const CueEntry& e : kCues) t->emplace(e.word, e);
    return t;
  }();
  return *table;
}

std::string_view second_word_of(std::string_view first) {
  if (first == "call" || first == "calls" || first == "called" || first == "calling") return "for";
  if (first == "point" || first == "points" || first == "pointed" || first == "pointing") return "out";
  if (first == "according") return "to";
  return {};
}

// Words that may stand between a speaker and the cue: "Khaji also said",
// "the ministry has said", "he later told".
bool is_between_word(std::string_view w) {
  for (const std::string_view x : {"also", "later", "then", "previously", "earlier", "further",
                                   "again", "reportedly", "has", "have", "had", "was", "were",
                                   "is", "are", "once", "just", "recently", "separately"}) {
    if (w == x) return true;
  }
  return w.size() > 4 && w.substr(w.size() - 2) == "ly" && w[0] >= 'a' && w[0] <= 'z';
}

// Words that never end a nominal speaker: "it said" is handled as a
// pronoun, "as I said", "which said".
bool stops_nominal(std::string_view w) {
  for (const std::string_view x :
       {"and", "or", "but", "that", "which", "who", "whom", "what", "when", "where", "as", "not",
        "is", "was", "were", "are", "be", "been", "being", "has", "have", "had", "would", "will",
        "could", "should", "can", "may", "might", "must", "did", "do", "does", "also", "i", "you",
        "we", "it", "if", "than", "then", "so", "because", "while", "after", "before", "since",
        "to", "in", "on", "at", "by", "with", "from", "into", "there", "here", "this", "these",
        "those"}) {
    if (words::iequals(w, x)) return true;
  }
  return false;
}

// Auxiliaries and common irregular past tenses: where a sentence's subject
// ends when no tagger tells ("The two diplomats met ...").
bool is_verb_like(std::string_view w) {
  if (words::is_auxiliary(w)) return true;
  for (const std::string_view x :
       {"met", "held", "went", "took", "made",
        "gave", "began", "left", "sent", "came", "spoke", "saw", "led", "won", "lost", "kept",
        "put", "set", "hit", "cut", "paid", "sought", "brought", "thought", "fought", "stood",
        "struck", "wrote", "rose", "fell", "drew", "grew", "threw", "flew", "broke", "chose",
        "spent", "built", "found", "heard", "meant", "felt", "ran", "sat", "got", "became",
        "shot"}) {
    if (w == x) return true;
  }
  return false;
}

bool is_clause_punctuation(std::string_view w) {
  return w == "," || w == ";" || w == ":" || w == "." || w == "!" || w == "?" || w == "(" ||
         w == ")" || w == "\"" || w == "\xE2\x80\x9C" || w == "\xE2\x80\x9D" ||
         w == "\xE2\x80\x94" || w == "\xE2\x80\x93" || w == "\xC2\xAB" || w == "\xC2\xBB";
}

}  // namespace

SpeakerFinder::SpeakerFinder(const Segmented& text, const std::vector<Entity>& entities,
                             const People& people)
    : text_(text), entities_(entities), people_(people),
      ent_(words::entity_of_token(text, entities)) {
  for (size_t i = 0; i < entities.size(); ++i) {
    const Entity& e = entities[i];
    if (e.type == EntityType::kOrganization && words::entity_is_valid(text, e) &&
        ent_[e.first_token] == static_cast<int32_t>(i)) {
      organizations_.push_back(static_cast<int32_t>(i));
    }
  }
  std::sort(organizations_.begin(), organizations_.end(),
            [&](int32_t a, int32_t b) { return entities[a].start < entities[b].start; });
}

int32_t SpeakerFinder::organization_named(std::string_view head, uint32_t before) const {
  auto it = std::lower_bound(organizations_.begin(), organizations_.end(), before,
                             [&](int32_t e, uint32_t at) { return entities_[e].start < at; });
  for (uint32_t steps = 0; it != organizations_.begin() && steps < kMaxPronounLookBack; ++steps) {
    --it;
    const Entity& e = entities_[*it];
    const std::string_view last = text_.token_text(e.first_token + e.token_count - 1);
    if (words::iequals(last, head)) return *it;
  }
  return -1;
}

Cue SpeakerFinder::cue_at(uint32_t t) const {
  if (t >= text_.tokens.size() || text_.tokens[t].kind != TokenKind::kWord) return {};
  const std::string_view w = text_.token_text(t);
  if (w.size() > 12 || w.size() < 3) return {};
  char buf[32];
  const std::string_view lower = words::ascii_lower(w, buf);
  // Capitalised only at a sentence's start ("According to ...", "Said"
  // elsewhere is a name).
  if (lower != w && lower != "according") return {};
  const auto& table = cue_table();
  const auto it = table.find(lower);
  if (it == table.end()) return {};
  Cue cue{it->second.kind, t, t + 1, it->second.participle,
          lower == "told" || lower == "tell" || lower == "tells" || lower == "telling"};
  if (const std::string_view second = second_word_of(it->second.word); !second.empty()) {
    if (t + 1 >= text_.tokens.size() || text_.token_text(t + 1) != second) return {};
    cue.last = t + 2;
  }
  return cue;
}

Speaker SpeakerFinder::entity_speaker(int32_t entity, uint32_t first, uint32_t last) const {
  Speaker s;
  s.start = text_.tokens[first].start;
  s.end = text_.tokens[last - 1].end;
  s.entity = entity;
  if (entity >= 0 && entities_[entity].type != EntityType::kPerson) {
    s.kind = SpeakerKind::kOrganization;
    return s;
  }
  int32_t person = entity >= 0 && static_cast<size_t>(entity) < people_.person_of_entity.size()
                       ? people_.person_of_entity[entity]
                       : -1;
  if (person < 0) person = person_at(people_, text_.tokens[last - 1].start);
  s.person = person;
  s.kind = person >= 0 ? SpeakerKind::kPerson : SpeakerKind::kNominal;
  return s;
}

Speaker SpeakerFinder::pronoun(uint32_t t) const {
  Speaker s;
  s.start = text_.tokens[t].start;
  s.end = text_.tokens[t].end;
  s.kind = SpeakerKind::kPronoun;
  const std::string_view w = text_.token_text(t);
  Gender want = Gender::kUnknown;
  if (words::iequals(w, "he")) want = Gender::kMale;
  if (words::iequals(w, "she")) want = Gender::kFemale;
  if (want == Gender::kUnknown) return s;  // "they", "we": a group, left as written
  // The latest person mentioned before the pronoun whose gender fits.
  const auto& mentions = people_.mentions;
  auto it = std::lower_bound(mentions.begin(), mentions.end(), s.start,
                             [](const PersonMention& m, uint32_t at) { return m.start < at; });
  for (uint32_t steps = 0; it != mentions.begin() && steps < kMaxPronounLookBack; ++steps) {
    --it;
    if (inside_quote(it->start)) continue;
    // Whom a speaker told is not the next "he": "Ramadan told Al Jazeera
    // that ... . "...," he said."
    const uint32_t tok = token_from(it->start);
    if (tok > 0 && tok < text_.tokens.size() && text_.tokens[tok].start == it->start) {
      const std::string_view prev = text_.token_text(tok - 1);
      if (prev == "told" || prev == "tells" || prev == "telling") continue;
    }
    const Gender g = people_.persons[it->person].gender;
    if (g == Gender::kUnknown || g == want) {
      s.person = it->person;
      s.kind = SpeakerKind::kPerson;
      return s;
    }
  }
  return s;
}

bool SpeakerFinder::inside_quote(uint32_t at) const {
  const auto it = std::upper_bound(
      quoted_.begin(), quoted_.end(), at,
      [](uint32_t x, const std::pair<uint32_t, uint32_t>& span) { return x < span.first; });
  return it != quoted_.begin() && at < (it - 1)->second;
}

int32_t SpeakerFinder::person_with_role(std::string_view head, uint32_t before) const {
  const auto& mentions = people_.mentions;
  auto it = std::lower_bound(mentions.begin(), mentions.end(), before,
                             [](const PersonMention& m, uint32_t at) { return m.start < at; });
  for (uint32_t steps = 0; it != mentions.begin() && steps < kMaxPronounLookBack; ++steps) {
    --it;
    for (const Role& role : people_.persons[it->person].roles) {
      // The head is the title's last word before any "of/for/to ...".
      std::string_view title = role.title;
      for (const std::string_view prep : {" of ", " for ", " to ", " on ", " at "}) {
        title = title.substr(0, std::min(title.size(), title.find(prep)));
      }
      const size_t space = title.rfind(' ');
      const std::string_view last = space == std::string_view::npos ? title : title.substr(space + 1);
      if (words::iequals(last, head)) return it->person;
    }
  }
  return -1;
}

void SpeakerFinder::resolve_nominal(Speaker& sp, uint32_t first, uint32_t end) const {
  const uint32_t last = end - 1;
  const std::string_view head = text_.token_text(last);
  if (ent_[last] >= 0 && entities_[ent_[last]].type != EntityType::kPerson) {
    sp.entity = ent_[last];  // "the Health Ministry" tagged ORG
    sp.kind = SpeakerKind::kOrganization;
  } else if (words::iequals(text_.token_text(first), "the") && first + 1 == last) {
    // "the envoy said": the person the article gave that role; "the
    // ministry said": the organisation named so before.
    if (words::role_word(head).role == words::RoleClass::kHead) {
      sp.person = person_with_role(head, sp.start);
      if (sp.person >= 0) sp.kind = SpeakerKind::kPerson;
    } else {
      sp.entity = organization_named(head, sp.start);
      if (sp.entity >= 0) sp.kind = SpeakerKind::kOrganization;
    }
  }
}

// "the ministry", "Palestinian health officials", "a spokesman for the
// army": words back from token `last` to a determiner or the clause start.
Speaker SpeakerFinder::nominal_before(uint32_t last, uint32_t floor) const {
  uint32_t s = last + 1;
  while (s > floor && last + 1 - s < kMaxNominalTokens) {
    const uint32_t t = s - 1;
    const Token& k = text_.tokens[t];
    const std::string_view w = text_.token_text(t);
    if (k.possessive) {
      s = t;
      continue;
    }
    if (k.kind == TokenKind::kPunctuation || k.kind == TokenKind::kNumber) {
      if (k.kind == TokenKind::kNumber) s = t;  // "two officials" is "2 officials" too
      break;
    }
    if (words::is_determiner(w)) {
      s = t;
      break;
    }
    if ((w == "of" || w == "for") && t != last) {
      s = t;
      continue;
    }
    if (stops_nominal(w) || cue_at(t).kind != CueKind::kNone) break;
    s = t;
  }
  // "A doctor on the scene told ...", "a witness at the site said": the
  // one who spoke, with where they were.
  if (s >= floor + 3 && s <= last) {
    const std::string_view p = text_.token_text(s - 1);
    if (p == "on" || p == "at" || p == "in" || p == "from" || p == "near" || p == "inside" || p == "outside") {
      for (uint32_t d = s - 2; d + 4 >= s && d >= floor; --d) {
        const std::string_view w = text_.token_text(d);
        if (text_.tokens[d].kind != TokenKind::kWord || stops_nominal(w) || cue_at(d).kind != CueKind::kNone) break;
        if (words::is_determiner(w) && d + 2 < s) {
          s = d;
          break;
        }
        if (d == 0) break;
      }
    }
  }
  while (s <= last && (text_.token_text(s) == "of" || text_.token_text(s) == "for")) ++s;
  if (s > last) return {};
  const std::string_view head = text_.token_text(last);
  if (stops_nominal(head) || text_.tokens[last].kind != TokenKind::kWord) return {};
  Speaker sp;
  sp.start = text_.tokens[s].start;
  sp.end = text_.tokens[last].end;
  sp.kind = SpeakerKind::kNominal;
  // "the Health Ministry" tagged ORG: the entity is the speaker.
  resolve_nominal(sp, s, last + 1);
  return sp;
}

Speaker SpeakerFinder::before(uint32_t cue, uint32_t floor) const {
  if (cue == 0 || cue <= floor) return {};
  uint32_t j = cue - 1;
  for (int skipped = 0; j > floor && skipped < 3; ++skipped) {
    const std::string_view w = text_.token_text(j);
    if (is_between_word(w)) {
      --j;
    } else if (j >= floor + 1 && words::is_calendar_word(w) && text_.token_text(j - 1) == "on") {
      j = j >= floor + 2 ? j - 2 : floor;  // "Khaji on Wednesday said"
    } else {
      break;
    }
  }
  const std::string_view w = text_.token_text(j);
  if (ent_[j] >= 0) {
    const Entity& e = entities_[ent_[j]];
    if (e.first_token + e.token_count != j + 1) return {};
    return entity_speaker(ent_[j], std::max(e.first_token, floor), j + 1);
  }
  if (person_at(people_, text_.tokens[j].start) >= 0) return entity_speaker(-1, j, j + 1);
  if (w == "he" || w == "she" || w == "He" || w == "She" || w == "they" || w == "They" ||
      w == "we" || w == "We") {
    return pronoun(j);
  }
  if (w == "it" || w == "It") {
    // "It said": the latest organisation before it.
    const auto it = std::lower_bound(
        organizations_.begin(), organizations_.end(), text_.tokens[j].start,
        [&](int32_t e, uint32_t at) { return entities_[e].start < at; });
    if (it == organizations_.begin()) return {};
    Speaker s;
    s.start = text_.tokens[j].start;
    s.end = text_.tokens[j].end;
    s.kind = SpeakerKind::kOrganization;
    s.entity = *(it - 1);
    return s;
  }
  if (w == ",") {
    // "A military spokesperson, Rear Admiral Daniel Hagari, said": a
    // person right before the comma, after the appositive that opens.
    if (j > floor + 1) {
      const int32_t e = ent_[j - 1];
      if (e >= 0 && entities_[e].type == EntityType::kPerson && entities_[e].first_token + entities_[e].token_count == j) {
        return entity_speaker(e, std::max(entities_[e].first_token, floor), j);
      }
    }
    // "Khaji, a senior aide ... minister, said": the name before the
    // appositive, the nearest person first, else an organisation.
    int32_t best = -1;
    for (uint32_t i = j - 1; i > floor && j - i < kMaxAppositiveTokens; --i) {
      const uint32_t t = i - 1;  // the last token of a name followed by token i
      const std::string_view x = text_.token_text(t);
      if (cue_at(t).kind != CueKind::kNone) break;
      if (is_clause_punctuation(x) && x != "," && x != "(" && x != ")" && x != ".") break;
      if (text_.token_text(i) != ",") continue;
      const int32_t e = ent_[t];
      if (e < 0 || entities_[e].first_token + entities_[e].token_count != t + 1) continue;
      if (entities_[e].type == EntityType::kPerson) {
        best = e;
        break;
      }
      if (best < 0 && entities_[e].type == EntityType::kOrganization) best = e;
    }
    if (best < 0) return {};
    const Entity& e = entities_[best];
    return entity_speaker(best, e.first_token, e.first_token + e.token_count);
  }
  return nominal_before(j, floor);
}

uint32_t SpeakerFinder::token_from(uint32_t byte) const {
  const auto it = std::lower_bound(text_.tokens.begin(), text_.tokens.end(), byte,
                                   [](const Token& k, uint32_t at) { return k.start < at; });
  return static_cast<uint32_t>(it - text_.tokens.begin());
}

uint32_t SpeakerFinder::before_first_token(const Speaker& s) const { return token_from(s.start); }

Speaker SpeakerFinder::after(uint32_t at, uint32_t limit, uint32_t* next) const {
  *next = at;
  if (at >= limit) return {};
  // "said Foreign Minister Hossein Amir-Abdollahian": titles first.
  uint32_t t = at;
  while (t < limit && t - at < 8 && ent_[t] < 0 &&
         (words::role_word(text_.token_text(t)).role != words::RoleClass::kNone ||
          text_.token_text(t) == ".")) {
    ++t;
  }
  if (t < limit && ent_[t] >= 0) {
    const Entity& e = entities_[ent_[t]];
    if (e.first_token == t) {
      *next = std::min<uint32_t>(e.first_token + e.token_count, limit);
      return entity_speaker(ent_[t], t, *next);
    }
  }
  const std::string_view w = text_.token_text(at);
  if (person_at(people_, text_.tokens[at].start) >= 0) {
    *next = at + 1;
    return entity_speaker(-1, at, at + 1);
  }
  if (w == "he" || w == "she" || w == "they" || w == "we") {
    *next = at + 1;
    return pronoun(at);
  }
  // A nominal speaker: to the next punctuation or clause word.
  uint32_t e = at;
  while (e < limit && e - at < kMaxNominalTokens) {
    const Token& k = text_.tokens[e];
    const std::string_view x = text_.token_text(e);
    if (k.kind == TokenKind::kPunctuation || cue_at(e).kind != CueKind::kNone) break;
    if (e > at && stops_nominal(x) && x != "of" && x != "for") break;
    if (e == at && stops_nominal(x)) break;
    // A verb ends it: in "said 17 migrants died" the migrants did not speak
    // (a word in -ed right after the first is a verb more often than an
    // adjective: "said the embattled minister" keeps its adjective).
    if (e > at && (is_verb_like(x) || x == "died" || (e > at + 1 && x.size() > 4 && x.substr(x.size() - 2) == "ed"))) {
      break;
    }
    ++e;
  }
  if (e == at || (e - at == kMaxNominalTokens && e < limit &&
                  text_.tokens[e].kind != TokenKind::kPunctuation)) {
    return {};
  }
  while (e > at && (text_.token_text(e - 1) == "of" || text_.token_text(e - 1) == "for")) --e;
  if (e == at) return {};
  Speaker s;
  s.start = text_.tokens[at].start;
  s.end = text_.tokens[e - 1].end;
  s.kind = SpeakerKind::kNominal;
  resolve_nominal(s, at, e);
  *next = e;
  return s;
}

Speaker SpeakerFinder::subject(uint32_t floor, uint32_t cue) const {
  if (floor >= cue) return {};
  uint32_t t = floor;
  // Past opening quote marks.
  while (t < cue && text_.tokens[t].kind == TokenKind::kPunctuation) ++t;
  if (t >= cue) return {};
  if (ent_[t] >= 0) {
    const Entity& e = entities_[ent_[t]];
    if (e.first_token == t) return entity_speaker(ent_[t], t, e.first_token + e.token_count);
  }
  const std::string_view w = text_.token_text(t);
  if (person_at(people_, text_.tokens[t].start) >= 0) return entity_speaker(-1, t, t + 1);
  if (words::iequals(w, "he") || words::iequals(w, "she") || words::iequals(w, "they") ||
      words::iequals(w, "we")) {
    return pronoun(t);
  }
  // "Senior Iranian and Russian diplomats have expressed ...": up to the
  // first auxiliary or past-tense verb.
  for (uint32_t e = t + 1; e < cue && e - t <= kMaxNominalTokens; ++e) {
    const std::string_view x = text_.token_text(e);
    const Token& k = text_.tokens[e];
    if (k.kind == TokenKind::kPunctuation && x != "," ) return {};
    const bool verb = is_verb_like(x) ||
                      (x.size() > 3 && x.substr(x.size() - 2) == "ed" && ent_[e] < 0 &&
                       !words::is_capitalised(x));
    if (verb) {
      uint32_t last = e - 1;
      if (text_.tokens[last].kind == TokenKind::kPunctuation) return {};
      Speaker s;
      s.start = text_.tokens[t].start;
      s.end = text_.tokens[last].end;
      s.kind = SpeakerKind::kNominal;
      return s;
    }
  }
  return {};
}

}  // namespace tidings::facts
