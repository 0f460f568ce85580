// Quantity claims: the number, what it counts, its qualifier, breakdown,
// attribution and as-of time (figures.h, docs/figures.md). One pass over
// each sentence's tokens; every look-around is bounded by a constant, so
// the whole is linear in the text.
#include "facts/figures.h"

#include <algorithm>
#include <array>
#include <cstdlib>

#include "facts/figures_lexicon.h"
#include "facts/figures_quantity.h"

namespace tidings::facts {
namespace {

namespace lex = figures_lexicon;
using figures_detail::Quantity;
using figures_detail::QuantityUnit;
using figures_detail::SentenceView;

// How far the look-arounds reach, in tokens.
constexpr size_t kModifiers = 3;       // "12 unarmed Palestinian civilians"
constexpr size_t kAuxiliaries = 6;     // "people have reportedly been killed"
constexpr size_t kTollReach = 10;      // "the death toll ... has risen to 45"
constexpr size_t kClauseReach = 40;    // ", including 3,648 children and 2,290 women,"
constexpr size_t kSourceReach = 10;    // "health officials in the Gaza Strip said"

struct QualifierPhrase {
  std::array<std::string_view, 3> words;  // in text order; unused slots empty
  Qualifier qualifier;
};

// Longest first, so that "just over" wins over "over".
constexpr QualifierPhrase kQualifiers[] = {
    {{"no", "fewer", "than"}, Qualifier::kAtLeast}, {{"not", "less", "than"}, Qualifier::kAtLeast},
    {{"in", "excess", "of"}, Qualifier::kMoreThan}, {{"as", "many", "as"}, Qualifier::kUpTo},
    {{"no", "more", "than"}, Qualifier::kUpTo},     {{"at", "least"}, Qualifier::kAtLeast},
    {{"more", "than"}, Qualifier::kMoreThan},       {{"upwards", "of"}, Qualifier::kMoreThan},
    {{"just", "over"}, Qualifier::kMoreThan},       {{"well", "over"}, Qualifier::kMoreThan},
    {{"close", "to"}, Qualifier::kNearly},          {{"just", "under"}, Qualifier::kNearly},
    {{"up", "to"}, Qualifier::kUpTo},               {{"at", "most"}, Qualifier::kUpTo},
    {{"less", "than"}, Qualifier::kLessThan},       {{"fewer", "than"}, Qualifier::kLessThan},
    {{"an", "estimated"}, Qualifier::kEstimated},   {{"over"}, Qualifier::kMoreThan},
    {{"around"}, Qualifier::kAround},               {{"about"}, Qualifier::kAround},
    {{"some"}, Qualifier::kAround},                 {{"approximately"}, Qualifier::kAround},
    {{"roughly"}, Qualifier::kAround},              {{"circa"}, Qualifier::kAround},
    {{"nearly"}, Qualifier::kNearly},               {{"almost"}, Qualifier::kNearly},
    {{"under"}, Qualifier::kLessThan},              {{"estimated"}, Qualifier::kEstimated},
    {{"between"}, Qualifier::kBetween},
};

// The qualifier that ends right before token `at`; sets `first` to its
// first token.
Qualifier qualifier_before(const SentenceView& v, size_t at, size_t& first) {
  for (const QualifierPhrase& p : kQualifiers) {
    size_t n = 0;
    while (n < p.words.size() && !p.words[n].empty()) ++n;
    if (at < v.begin() + n) continue;
    bool match = true;
    for (size_t k = 0; k < n && match; ++k) match = v.is(at - n + k, p.words[k]);
    if (match) {
      first = at - n;
      return p.qualifier;
    }
  }
  first = at;
  return Qualifier::kNone;
}

bool capitalised(const SentenceView& v, size_t k) {
  return v.valid(k) && v.token(k).kind == TokenKind::kWord && v.text(k)[0] >= 'A' &&
         v.text(k)[0] <= 'Z';
}

bool is_person_event(std::string_view e) {
  return !e.empty() && e != "destroyed" && e != "damaged" && e != "fired" && e != "launched" &&
         e != "intercepted" && e != "struck";
}

TextSpan span_of(const SentenceView& v, size_t first, size_t last) {
  if (first >= last) return {};
  return {v.token(first).start, v.token(last - 1).end};
}

// Skips ", including 3,648 children and 2,290 women," from token k (at the
// comma or parenthesis), a restatement (", or three quarters of the
// population,") or any parenthesis ("(a third of them children)"); returns
// the token after it, or k when none.
size_t skip_breakdown_clause(const SentenceView& v, size_t k) {
  const bool paren = v.is_punct(k, "(");
  if (!(v.is_punct(k, ",") || paren)) return k;
  if (!paren && !(v.is(k + 1, "including") || v.is(k + 1, "among") || v.is(k + 1, "or"))) return k;
  for (size_t j = k + 2; j < k + kClauseReach && v.valid(j); ++j) {
    if (paren ? v.is_punct(j, ")") : v.is_punct(j, ",")) return j + 1;
  }
  return k;
}

struct Found {
  Figure figure;
  size_t first = 0, last = 0;  // tokens of the claim
  size_t next = 0;             // where scanning resumes
  bool small_words = false;    // "two", "five": a count only with an event or in a breakdown
  size_t restated_by = 0;      // > 0: "X put the figure at N", the token of X's first word
};

bool restating_verb(const SentenceView& v, size_t k) {
  static constexpr std::string_view kVerbs[] = {"put", "puts", "putting", "placed", "places", "estimated",
                                                "estimates", "set", "sets", "gave", "gives"};
  for (const std::string_view x : kVerbs) {
    if (v.is(k, x)) return true;
  }
  return false;
}

// "the CGT union put the figure at 3.5 million", "Reuters estimated the
// crowd at 200,000": another source's value of the figure said before.
// Returns the first token of that source, or 0 when the words before token
// p are not such a restatement.
size_t restatement_source(const SentenceView& v, size_t p) {
  if (!v.is(p - 1, "at")) return 0;
  size_t k = p - 2;
  if (v.is(k, "there")) --k;  // "put the toll there at 5,700"
  static constexpr std::string_view kNouns[] = {"figure", "number", "toll", "total", "tally", "count",
                                                "turnout", "crowd", "estimate", "numbers", "figures"};
  bool noun = false;
  for (const std::string_view n : kNouns) noun = noun || v.is(k, n);
  if (!noun) return 0;
  --k;
  if (v.is(k, "death") || v.is(k, "casualty") || v.is(k, "its") || v.is(k, "their") || v.is(k, "the")) --k;
  if (v.is(k, "the") || v.is(k, "its") || v.is(k, "their")) --k;
  if (!restating_verb(v, k) || k <= v.begin()) return 0;
  // The source: the words before the verb, back to a comma, "while",
  // "but", "whereas" or the sentence's start (at most twelve: "Syria's
  // government and a rescue group in the rebel-held northwest").
  size_t first = k;
  while (first > v.begin() && k - first < 12) {
    const size_t t = first - 1;
    if ((v.token(t).kind == TokenKind::kPunctuation && !v.token(t).possessive) || v.is(t, "while") ||
        v.is(t, "but") || v.is(t, "whereas")) {
      break;
    }
    first = t;
  }
  return first < k ? first : 0;
}

struct Attribution {
  TextSpan whole, source;
  size_t anchor = 0;  // token of the cue
};

// The attribution of a restatement whose source starts at token `source`
// and whose "at" is token `at`: the whole phrase up to "at", and the
// source's words up to the verb.
Attribution restatement_attribution(const SentenceView& v, size_t source, size_t at) {
  size_t verb = source + 1;  // restatement_source puts at least one word before the verb
  while (verb < at && !restating_verb(v, verb)) ++verb;
  return {span_of(v, source, at + 1), span_of(v, source, verb), at};
}

// The counted noun after the quantity, with the modifiers and event words
// that may sit between them. Returns the token after the noun phrase.
size_t counted_noun(const SentenceView& v, size_t j, Figure& f, bool& thing) {
  if (v.is(j, "of") && f.vague) ++j;  // "dozens of people"
  size_t k = j;
  size_t event_at = 0;
  for (size_t n = 0; n < kModifiers && v.valid(k); ++n) {
    const uint32_t fl = v.flags(k);
    if (fl & (lex::kPerson | lex::kThing | lex::kEventNoun)) break;
    if (fl & lex::kParticiple) {
      event_at = k;  // "1.5 million displaced people"
    } else if (!(fl & lex::kModifier)) {
      break;
    }
    ++k;
  }
  const uint32_t fl = v.flags(k);
  if (fl & (lex::kPerson | lex::kThing)) {
    f.subject = v.word(k)->key;
    thing = (fl & lex::kThing) != 0;
    size_t end = k + 1;
    // "women and children": one figure of people.
    if ((fl & lex::kPerson) && (v.is(end, "and") || v.is(end, "or")) &&
        (v.flags(end + 1) & lex::kPerson) && !(v.flags(end + 1) & lex::kModifier)) {
      if (v.word(end + 1)->key != f.subject) f.subject = "people";
      end += 2;
    }
    f.subject_span = span_of(v, k, end);
    if (event_at) {
      f.event = v.word(event_at)->key;
      f.event_span = span_of(v, event_at, event_at + 1);
    }
    return end;
  }
  if (fl & lex::kEventNoun) {  // "45 deaths", "12 civilian deaths"
    f.event = v.word(k)->key;
    f.event_span = span_of(v, k, k + 1);
    return k + 1;
  }
  // A demonym standing alone: "12 Lebanese".
  if (k > j && (v.flags(k - 1) & lex::kPerson)) {
    f.subject = v.word(k - 1)->key;
    f.subject_span = span_of(v, k - 1, k);
    return k;
  }
  // "of whom 12 were children"
  if ((v.is(j, "were") || v.is(j, "are") || v.is(j, "was")) && (v.flags(j + 1) & lex::kPerson)) {
    f.subject = v.word(j + 1)->key;
    f.subject_span = span_of(v, j + 1, j + 2);
    return j + 2;
  }
  if (event_at == j && event_at) {  // "12 dead", "30 wounded"
    f.event = v.word(j)->key;
    f.event_span = span_of(v, j, j + 1);
    return j + 1;
  }
  return j;
}

// The event said after the noun: "were killed", "are still missing",
// "died", with a breakdown clause skipped.
void event_after(const SentenceView& v, size_t k, Figure& f) {
  k = skip_breakdown_clause(v, k);
  for (size_t n = 0; n <= kAuxiliaries && v.valid(k); ++n, ++k) {
    // "taken hostage", "held captive"
    if ((v.is(k, "taken") || v.is(k, "held")) && (v.is(k + 1, "hostage") || v.is(k + 1, "captive"))) {
      f.event = "abducted";
      f.event_span = span_of(v, k, k + 2);
      return;
    }
    const std::string_view t = v.text(k);
    const bool adverb = v.token(k).kind == TokenKind::kWord && t.size() > 4 &&
                        t.substr(t.size() - 2) == "ly";  // "internally displaced"
    if (adverb || v.is(k, "more")) continue;  // "12 more were injured"
    const uint32_t fl = v.flags(k);
    if (fl & lex::kParticiple) {
      f.event = v.word(k)->key;
      f.event_span = span_of(v, k, k + 1);
      return;
    }
    if (!(fl & lex::kAux)) return;
  }
}

// The event said before the quantity: "killing 12", "massacre of
// thousands", "the lives of 45", "the death toll rose to 45".
void event_before(const SentenceView& v, size_t p, Figure& f) {
  if (v.is(p - 1, "all")) {
    --p;  // "killing all 239"
  } else if (v.is(p - 1, "another") || v.is(p - 1, "additional") || v.is(p - 1, "further")) {
    p -= (v.is(p - 2, "an") || v.is(p - 2, "a")) ? 2 : 1;  // "detained another 30"
  } else if (v.is(p - 1, "of") && v.is(p - 2, "total") && v.is(p - 3, "a")) {
    p -= 3;  // "killing a total of 45"
  }
  if (!v.valid(p - 1)) return;
  if (v.flags(p - 1) & lex::kVerb) {
    f.event = v.word(p - 1)->key;
    f.event_span = span_of(v, p - 1, p);
    return;
  }
  if (v.is(p - 1, "of") && v.valid(p - 2)) {
    if (v.flags(p - 2) & lex::kEventNoun) {
      f.event = v.word(p - 2)->key;
      f.event_span = span_of(v, p - 2, p - 1);
      return;
    }
    if (v.is(p - 2, "lives")) {
      f.event = "killed";
      f.event_span = span_of(v, p - 2, p - 1);
      return;
    }
  }
  for (size_t n = 1; n <= kTollReach && v.valid(p - n); ++n) {
    const size_t k = p - n;
    // "rose from 30 to 45": the old value is passed over.
    if (v.is_number(k) && v.is(k - 1, "from") && v.is(k + 1, "to")) continue;
    if (v.is_number(k) || v.is_punct(k, ";") || v.is_punct(k, ".")) return;
    if (v.is(k, "toll")) {
      f.event = v.is(k - 1, "casualty") ? "casualties" : v.is(k - 1, "injury") ? "wounded" : "killed";
      f.event_span = span_of(v, v.is(k - 1, "death") || v.is(k - 1, "casualty") ? k - 1 : k, k + 1);
      return;
    }
    // "the number of dead", "the tally of displaced people"
    if ((v.is(k, "number") || v.is(k, "tally") || v.is(k, "count")) && v.is(k + 1, "of") &&
        (v.flags(k + 2) & (lex::kParticiple | lex::kEventNoun))) {
      f.event = v.word(k + 2)->key;
      f.event_span = span_of(v, k + 2, k + 3);
      return;
    }
  }
}

bool is_year_like(const SentenceView& v, const Quantity& q) {
  // A year takes no sign before it, but may take a unit after ("in 2006
  // dollars").
  if (q.words || q.number_first != q.first || q.number_last != q.number_first + 1) {
    return false;
  }
  const std::string_view t = v.text(q.number_first);
  return t.size() == 4 && q.value >= 1000 && q.value <= 2999;
}

bool after_preposition_of_time(const SentenceView& v, size_t p) {
  static constexpr std::string_view kBefore[] = {"in", "since", "by", "during", "until", "till",
                                                 "from", "before", "after", "through", "of",
                                                 "early", "late", "mid", "spring", "summer",
                                                 "autumn", "winter", "fall", "year"};
  for (std::string_view w : kBefore) {
    if (v.is(p - 1, w)) return true;
  }
  return false;
}

// Things are destroyed and fired, people killed and arrested: an event of
// the other kind belongs to another part of the sentence ("launched a
// thousand girls", "arrested five buildings away", "fired two times").
void drop_event_of_other_kind(Figure& f, bool thing_counted) {
  if (!f.event.empty() && is_person_event(f.event) == thing_counted) {
    f.event = {};
    f.event_span = {};
  }
}

// The claim starting at token i, or false. Fills everything but parent,
// attribution and as-of.
bool figure_at(const SentenceView& v, size_t i, uint32_t sentence, Found& out) {
  Quantity q;
  if (!figures_detail::parse_quantity(v, i, q)) return false;
  out = Found{};
  out.next = std::max(q.last, i + 1);
  Figure& f = out.figure;
  f.sentence = sentence;
  f.value = q.value;
  f.value_max = q.ranged ? q.value_max : 0;
  f.vague = q.vague;
  f.number = span_of(v, q.number_first, q.number_last);
  f.unit = q.unit == QuantityUnit::kMoney     ? FigureUnit::kMoney
           : q.unit == QuantityUnit::kPercent ? FigureUnit::kPercent
                                              : FigureUnit::kCount;
  f.currency = q.currency;

  // Dates, ages, list numbers and identifiers are not counts.
  if (v.flags(q.last) & (lex::kTimeNoun | lex::kMonth)) return false;
  if (v.flags(q.first - 1) & lex::kMonth) return false;
  // "rose from 30 to 45": 30 is the count no longer claimed.
  if (v.is(q.first - 1, "from") && v.is(q.last, "to") && v.valid(q.last + 1) &&
      (v.is_number(q.last + 1) || (v.flags(q.last + 1) & lex::kUnitWord))) {
    return false;
  }
  if (v.is(q.first - 1, "no") || v.is_punct(q.first - 1, "#") || v.is(q.first - 1, "number") ||
      v.is(q.first - 1, "aged") || v.is(q.first - 1, "age")) {
    return false;
  }
  if (q.first == v.begin() && (v.is_punct(q.last, ".") || v.is_punct(q.last, ")"))) return false;
  const bool year_like = is_year_like(v, q);
  const bool possessive_after = v.valid(q.last) && v.token(q.last).possessive;  // "2019's"
  if (year_like && (after_preposition_of_time(v, q.first) || possessive_after)) {
    return false;
  }

  size_t first = q.first;
  f.qualifier = qualifier_before(v, q.first, first);
  if (f.qualifier == Qualifier::kBetween && !q.ranged) {
    f.qualifier = Qualifier::kNone;
    first = q.first;
  }
  if (q.ranged && f.qualifier == Qualifier::kNone) f.qualifier = Qualifier::kBetween;
  f.qualifier_span = span_of(v, first, q.first);

  size_t last = q.last;
  if (f.unit == FigureUnit::kCount) {
    bool thing = false;
    last = counted_noun(v, q.last, f, thing);
    if (f.event.empty()) event_after(v, last, f);
    if (f.event.empty()) event_before(v, first, f);
    drop_event_of_other_kind(f, thing);
    if (f.subject_span.empty() && is_person_event(f.event)) {
      f.subject = "people";
      f.subject_stated = false;
    }
    const bool counted = !f.subject_span.empty() || !f.event.empty();
    if (!counted) {
      out.restated_by = restatement_source(v, first);
      if (out.restated_by == 0) return false;
      f.span = span_of(v, first, q.last);
      out.first = first;
      out.last = q.last;
      return true;
    }
    // "2019 elections", "the 1967 killings": a year before a noun.
    if (year_like && (f.event.empty() || f.subject_span.empty())) return false;
    // "Beta 2 is affected", "Flight 370 crashed": a number in a name.
    if (f.subject_span.empty() && first == q.first && capitalised(v, first - 1) &&
        first - 1 > v.begin()) {
      return false;
    }
    out.small_words = q.words && !q.vague && q.value < 10;
  }
  if (f.unit == FigureUnit::kPercent && v.is(q.last, "of")) {
    // "40 percent of residents fled", "30% of the homes were destroyed"
    size_t k = q.last + 1;
    if (v.is(k, "the") || v.is(k, "its") || v.is(k, "their") || v.is(k, "all")) ++k;
    if (!v.is_number(k)) {
      bool thing = false;
      const size_t end = counted_noun(v, k, f, thing);
      if (!f.subject_span.empty()) {
        if (f.event.empty()) event_after(v, end, f);
        drop_event_of_other_kind(f, thing);
      } else {
        f.subject = {};
        f.event = {};
        f.event_span = {};
      }
    }
  }
  f.span = span_of(v, first, std::max(last, q.last));
  out.first = first;
  out.last = std::max(last, q.last);
  return true;
}

// A cheap test before parse_quantity: most tokens cannot start a number.
bool may_start_quantity(const SentenceView& v, size_t i) {
  const Token& t = v.token(i);
  if (t.kind == TokenKind::kNumber) return true;
  if (t.kind == TokenKind::kPunctuation) return t.end - t.start > 1 || v.text(i) == "$";
  constexpr uint32_t kStarts = lex::kUnitWord | lex::kVague | lex::kFuzzy | lex::kCurrency |
                               lex::kStarter;
  return (v.flags(i) & kStarts) != 0 || (v.token(i).kind == TokenKind::kWord &&
                                         v.text(i).find('-') != std::string_view::npos);
}

// A breakdown marker right before token p: "including", "among them",
// "of whom", "(including".
bool breakdown_marker(const SentenceView& v, size_t p) {
  if (v.is(p - 1, "including") || v.is(p - 1, "incl")) return true;
  if (v.is(p - 2, "among") && (v.is(p - 1, "them") || v.is(p - 1, "whom") || v.is(p - 1, "those"))) {
    return true;
  }
  return v.is(p - 2, "of") && (v.is(p - 1, "whom") || v.is(p - 1, "them") || v.is(p - 1, "which"));
}

// "Of the 45 dead, 12 were children": the sentence opens with its total.
bool of_the_total(const SentenceView& v, const Figure& total, size_t p) {
  const size_t b = v.begin();
  if (!v.is(b, "of")) return false;
  const size_t at = v.is(b + 1, "the") || v.is(b + 1, "those") ? b + 2 : b + 1;
  return v.valid(at) && v.token(at).start == total.span.start && v.is_punct(p - 1, ",");
}

// Attribution phrases of a sentence: "according to X", "citing X",
// "X said", "said X".
// "Committee to Protect Journalists", "Ministry of Health", "Office for
// the Coordination of Humanitarian Affairs": small words inside a name.
bool name_glue(const SentenceView& v, size_t k) {
  static constexpr std::string_view kGlue[] = {"of", "for", "to", "on", "and", "the", "de", "al"};
  bool glue = false;
  for (std::string_view g : kGlue) glue = glue || v.is(k, g);
  return glue && (capitalised(v, k + 1) || (v.is(k + 1, "the") && capitalised(v, k + 2)));
}

bool source_token(const SentenceView& v, size_t k) {
  if (!v.valid(k)) return false;
  if (name_glue(v, k)) return true;
  // Verbs end a source ("as saying the quake caused damage estimated").
  const std::string_view w = v.text(k);
  if (!capitalised(v, k) && w.size() > 4 &&
      (w.substr(w.size() - 3) == "ing" || w.substr(w.size() - 2) == "ed")) {
    return false;
  }
  const Token& t = v.token(k);
  if (t.kind == TokenKind::kNumber) return false;
  if (t.kind == TokenKind::kPunctuation) return false;
  const uint32_t fl = v.flags(k);
  if (fl & (lex::kVerb | lex::kParticiple | lex::kEventNoun | lex::kSay)) return false;
  if (fl & lex::kAux) return false;
  return !v.is(k, "that") && !v.is(k, "which") && !v.is(k, "who");
}

// The period of "U.S." or "U.N." inside a name, not one that ends it.
bool abbreviation_period(const SentenceView& v, size_t k) {
  return v.is_punct(k, ".") && v.glued(k) && v.text(k - 1).find('.') != std::string_view::npos &&
         v.valid(k + 1) && v.token(k + 1).kind == TokenKind::kWord;
}

std::vector<Attribution> attributions(const SentenceView& v) {
  std::vector<Attribution> out;
  for (size_t i = v.begin(); i < v.end(); ++i) {
    // "The Red Crescent put the death toll at 52": the source before the verb.
    if (v.is(i, "at")) {
      if (const size_t src = restatement_source(v, i + 1); src > 0) {
        out.push_back(restatement_attribution(v, src, i));
        continue;
      }
    }
    const bool according = v.is(i, "according") && v.is(i + 1, "to");
    const bool citing = v.is(i, "citing");
    if (according || citing) {
      const size_t from = i + (according ? 2 : 1);
      size_t k = from;
      // After "according to", "estimates" and "reports" are nouns, and "U.S."
      // keeps its period.
      while (k < from + kSourceReach &&
             (source_token(v, k) || (v.valid(k) && v.token(k).possessive) ||
              (v.flags(k) & lex::kSay) || abbreviation_period(v, k))) {
        ++k;
      }
      if (k > from) {
        out.push_back({span_of(v, i, k), span_of(v, from, k), i});
      }
      continue;
    }
    if (!(v.flags(i) & lex::kSay)) continue;
    // "were reported killed", "was confirmed dead": not a source.
    if ((v.flags(i - 1) & lex::kAux) && !v.is(i - 1, "has") && !v.is(i - 1, "have") &&
        !v.is(i - 1, "had")) {
      continue;
    }
    if (v.flags(i + 1) & lex::kParticiple) continue;
    // "an estimated 40%", "estimated 2,000": a qualifier, not a source.
    if (v.is(i - 1, "an") || v.is(i - 1, "the") || v.is(i - 1, "a")) continue;
    if (v.is_number(i + 1) && (v.is(i, "estimated") || v.is(i, "estimates"))) continue;
    if (v.is(i, "estimated") && (v.is(i + 1, "at") || v.is(i + 1, "by"))) continue;  // "damage estimated at"
    size_t b = i;
    if (v.is(b - 1, "has") || v.is(b - 1, "have") || v.is(b - 1, "had")) --b;
    size_t k = b;
    while (k > v.begin() && k + kSourceReach > b &&
           (source_token(v, k - 1) || v.token(k - 1).possessive)) {
      --k;
    }
    if (k < b) {
      out.push_back({span_of(v, k, i + 1), span_of(v, k, b), i});
      continue;
    }
    // "..., said the ministry."
    size_t e = i + 1;
    while (e < i + 1 + kSourceReach && source_token(v, e) && !v.is(e, "in") && !v.is(e, "on") &&
           !v.is(e, "at") && !v.is(e, "on")) {
      ++e;
    }
    // It must end the clause: "..., said the ministry." / "... in a statement".
    const bool clause_end = !v.valid(e) || v.token(e).kind == TokenKind::kPunctuation ||
                            v.is(e, "in") || v.is(e, "on") || v.is(e, "at");
    if (e > i + 1 && clause_end) out.push_back({span_of(v, i, e), span_of(v, i + 1, e), i});
  }
  return out;
}

// The attribution nearest to token `at` (they are in token order).
const Attribution* nearest(const std::vector<Attribution>& list, size_t at) {
  if (list.empty()) return nullptr;
  auto it = std::lower_bound(list.begin(), list.end(), at,
                             [](const Attribution& a, size_t t) { return a.anchor < t; });
  if (it == list.end()) return &list.back();
  if (it == list.begin()) return &*it;
  const auto prev = it - 1;
  return (at - prev->anchor <= it->anchor - at) ? &*prev : &*it;
}

// A date that is the base of a comparison or the start of a count ("up
// 12% from 2018", "since October 7") is not what a figure is as of.
bool comparison_base(const SentenceView& v, const DateExpression& d) {
  const size_t k = d.first_token;
  return v.is(k - 1, "from") || v.is(k - 1, "since") || v.is(k - 1, "than") ||
         v.is(k - 1, "compared") || v.is(k - 1, "with");
}

// The date of [first, last) nearest to `span`, not inside it and not a
// comparison base; dates are in text order. Looks at a bounded number of
// candidates on each side.
int32_t nearest_date(const SentenceView& v, std::span<const DateExpression> dates, size_t first,
                     size_t last, TextSpan span) {
  constexpr int kLook = 4;
  const auto begin = dates.begin() + static_cast<ptrdiff_t>(first);
  const auto end = dates.begin() + static_cast<ptrdiff_t>(last);
  const auto after = std::lower_bound(begin, end, span.end, [](const DateExpression& d, uint32_t at) {
    return d.start < at;
  });
  int32_t best = -1;
  uint32_t best_gap = UINT32_MAX;
  auto it = after;
  for (int n = 0; n < kLook && it != end; ++n, ++it) {
    if (comparison_base(v, *it)) continue;
    best = static_cast<int32_t>(it - dates.begin());
    best_gap = it->start - span.end;
    break;
  }
  it = after;
  for (int n = 0; n < kLook && it != begin; ++n) {
    --it;
    if (it->end > span.start || comparison_base(v, *it)) continue;  // overlaps the figure
    if (span.start - it->end < best_gap) best = static_cast<int32_t>(it - dates.begin());
    break;
  }
  return best;
}

}  // namespace

const char* unit_name(FigureUnit unit) {
  switch (unit) {
    case FigureUnit::kCount: return "count";
    case FigureUnit::kMoney: return "money";
    case FigureUnit::kPercent: return "percent";
  }
  return "count";
}

const char* qualifier_name(Qualifier qualifier) {
  switch (qualifier) {
    case Qualifier::kNone: return "none";
    case Qualifier::kAtLeast: return "at_least";
    case Qualifier::kMoreThan: return "more_than";
    case Qualifier::kAround: return "around";
    case Qualifier::kNearly: return "nearly";
    case Qualifier::kUpTo: return "up_to";
    case Qualifier::kLessThan: return "less_than";
    case Qualifier::kEstimated: return "estimated";
    case Qualifier::kBetween: return "between";
  }
  return "none";
}

std::string measure_key(const Figure& figure) {
  std::string key;
  switch (figure.unit) {
    case FigureUnit::kMoney:
      key = "money/";
      key += figure.currency;
      return key;
    case FigureUnit::kPercent:
      key = "percent";
      if (!figure.event.empty()) {
        key += '/';
        key += figure.event;
      }
      return key;
    case FigureUnit::kCount:
      break;
  }
  key = figure.event.empty() ? std::string_view("count") : figure.event;
  if (!figure.subject.empty()) {
    key += '/';
    key += figure.subject;
  }
  return key;
}

std::vector<Figure> find_figures(const Segmented& segmented, std::span<const DateExpression> dates) {
  std::vector<Figure> out;
  size_t next_date = 0;
  for (uint32_t s = 0; s < segmented.sentences.size(); ++s) {
    const SentenceView v(segmented, segmented.sentences[s]);
    const size_t sentence_start = out.size();
    std::vector<Attribution> said;
    bool said_done = false;
    int32_t last_top = -1;        // the latest top-level count in this sentence
    size_t last_end_token = 0;    // where the latest figure ended
    while (next_date < dates.size() && dates[next_date].sentence < s) ++next_date;
    size_t date_end = next_date;
    while (date_end < dates.size() && dates[date_end].sentence == s) ++date_end;

    for (size_t i = v.begin(); i < v.end();) {
      Found found;
      if (!may_start_quantity(v, i) || !figure_at(v, i, s, found)) {
        ++i;
        continue;
      }
      i = std::max(found.next, found.last);
      Figure& f = found.figure;
      if (found.restated_by > 0) {
        // The measure of the latest count of this sentence or the one
        // before; the restating source is its attribution.
        const Figure* said_before = nullptr;
        for (size_t k = out.size(); k > 0 && !said_before; --k) {
          const Figure& g = out[k - 1];
          if (g.sentence + 1 < s) break;
          if (g.unit == FigureUnit::kCount && g.parent < 0 && (!g.event.empty() || !g.subject.empty())) {
            said_before = &g;
          }
        }
        if (!said_before) continue;
        f.event = said_before->event;
        f.subject = said_before->subject;
        f.subject_stated = false;
        const Attribution a = restatement_attribution(v, found.restated_by, found.first - 1);
        f.source = a.source;
        f.attribution = a.whole;
        f.as_of = nearest_date(v, dates, next_date, date_end, f.span);
        last_end_token = found.last;
        out.push_back(f);
        continue;
      }
      // Breakdowns: "including 3,648 children and 2,290 women".
      const size_t p = found.first;
      const bool count = f.unit == FigureUnit::kCount;
      if (count && last_top >= 0 &&
          (breakdown_marker(v, p) || of_the_total(v, out[last_top], found.first))) {
        f.parent = last_top;
      } else if (count && out.size() > sentence_start && out.back().parent >= 0 &&
                 (v.is(p - 1, "and") || v.is_punct(p - 1, ",")) &&
                 (last_end_token == p - 1 ||
                  (last_end_token == p - 2 && v.is_punct(p - 2, ",") && v.is(p - 1, "and")))) {
        f.parent = out.back().parent;
      }
      if (found.small_words && f.event.empty() && f.parent < 0) continue;  // "the two women"
      // "60 percent of the 2.3 million residents have fled": what happened
      // is said of the percentage; the count is its base.
      if (count && f.parent < 0 && out.size() > sentence_start &&
          out.back().unit == FigureUnit::kPercent && out.back().event.empty() &&
          (v.is(p - 1, "of") || (v.is(p - 1, "the") && v.is(p - 2, "of"))) &&
          (last_end_token == p - 1 || last_end_token == p - 2)) {
        Figure& share = out.back();
        share.event = f.event;
        share.event_span = f.event_span;
        share.subject = f.subject;
        share.subject_span = f.subject_span;
        share.subject_stated = f.subject_stated;
        f.event = {};
        f.event_span = {};
      }
      if (f.parent >= 0 && f.event.empty()) {
        f.event = out[f.parent].event;
        f.event_span = out[f.parent].event_span;
      }
      if (!said_done) {
        said = attributions(v);
        said_done = true;
      }
      if (const Attribution* a = nearest(said, p)) {
        f.attribution = a->whole;
        f.source = a->source;
      }
      f.as_of = nearest_date(v, dates, next_date, date_end, f.span);
      if (count && f.parent < 0) last_top = static_cast<int32_t>(out.size());
      last_end_token = found.last;
      out.push_back(f);
    }
  }
  return out;
}

}  // namespace tidings::facts
