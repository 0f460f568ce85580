// The place of each figure (figure_places.h).
#include "facts/figure_places.h"

#include <algorithm>
#include <string_view>

#include "facts/people_words.h"

namespace tidings::facts {
namespace {

constexpr size_t kAfterWindow = 15;     // tokens after the figure searched for "in PLACE"
constexpr uint32_t kThereWindow = 12;   // tokens either side of the figure's start searched for "there"
constexpr uint32_t kThereSentences = 3; // sentences before searched for what "there" names
constexpr int kMaxLookBack = 64;        // places a backward search examines (hostile text: bounded work)

bool is_locative(std::string_view w) {
  static constexpr std::string_view kWords[] = {"in", "at", "near", "across", "inside", "throughout", "outside"};
  return std::any_of(std::begin(kWords), std::end(kWords), [&](std::string_view x) { return words::iequals(w, x); });
}

// Words that may stand between a preposition and its place: "in the
// occupied West Bank" is not one of them, "in northern Gaza" is.
bool is_place_filler(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "the", "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
      "northeastern", "northwestern", "southeastern", "southwestern", "northeast", "northwest", "southeast",
      "southwest", "neighbouring", "neighboring", "nearby"};
  return std::find(std::begin(kWords), std::end(kWords), w) != std::end(kWords);  // lower case only
}

bool is_existential_verb(std::string_view w) {
  // "there" and a verb or modal: "there were 50 dead", "there must be", "there's".
  static constexpr std::string_view kWords[] = {
      "is",     "are",      "was",    "were",     "be",       "been",     "have",   "has",    "had",
      "remain", "remains",  "remained", "seem",   "seems",    "seemed",   "appear", "appears", "appeared",
      "will",   "would",    "could",  "can",      "may",      "might",    "must",   "should", "shall",
      "do",     "does",     "did",    "'s",       "\xE2\x80\x99s", "'re",  "\xE2\x80\x99re", "'ll", "\xE2\x80\x99ll"};
  return std::any_of(std::begin(kWords), std::end(kWords), [&](std::string_view x) { return words::iequals(w, x); });
}

// The first token at or after byte `offset`.
uint32_t token_at(const Segmented& s, uint32_t offset) {
  const auto it = std::lower_bound(s.tokens.begin(), s.tokens.end(), offset,
                                   [](const Token& t, uint32_t o) { return t.start < o; });
  return static_cast<uint32_t>(it - s.tokens.begin());
}

}  // namespace

std::vector<int32_t> figure_places(const Segmented& s, const std::vector<Entity>& entities,
                                   const std::vector<std::optional<Place>>& places,
                                   const std::vector<Figure>& figures) {
  std::vector<int32_t> out(figures.size(), -1);
  // The places to count in (a government named by its capital or country
  // too: "Syria's government ... put the toll there"; not a demonym), by
  // first token, and for each token the place entity that starts there.
  std::vector<int32_t> place_at(s.tokens.size(), -1);
  std::vector<uint32_t> place_tokens;  // first tokens, ascending
  for (size_t e = 0; e < entities.size() && e < places.size(); ++e) {
    const auto& p = places[e];
    if (!p || p->demonym) continue;
    const uint32_t t = entities[e].first_token;
    if (t >= s.tokens.size() || entities[e].token_count == 0) continue;
    if (place_at[t] < 0) place_tokens.push_back(t);
    place_at[t] = static_cast<int32_t>(e);
  }
  std::sort(place_tokens.begin(), place_tokens.end());
  auto word = [&](size_t t) { return s.token_text(t); };
  // A preposition before the place at token t, allowing one filler word.
  auto behind_preposition = [&](uint32_t t, uint32_t lo) {
    if (t == 0 || t - 1 < lo) return false;
    if (is_locative(word(t - 1))) return true;
    return t >= 2 && t - 2 >= lo && is_place_filler(word(t - 1)) && is_locative(word(t - 2));
  };
  auto entity_end = [&](int32_t e) {
    const Entity& x = entities[static_cast<size_t>(e)];
    return x.first_token + x.token_count;
  };

  // The nearest place entity starting before token `before` and at or
  // after `lo` for which accept(first token, end token) holds; -1: none
  // among the kMaxLookBack nearest.
  auto place_before = [&](uint32_t before, uint32_t lo, auto accept) -> int32_t {
    auto it = std::lower_bound(place_tokens.begin(), place_tokens.end(), before);
    for (int budget = kMaxLookBack; it != place_tokens.begin() && budget > 0; --budget) {
      --it;
      if (*it < lo) break;
      if (accept(*it, entity_end(place_at[*it]))) return place_at[*it];
    }
    return -1;
  };

  for (size_t i = 0; i < figures.size(); ++i) {
    const Figure& g = figures[i];
    if (g.parent >= 0 && static_cast<size_t>(g.parent) < i) {
      out[i] = out[static_cast<size_t>(g.parent)];
      continue;
    }
    if (g.sentence >= s.sentences.size()) continue;
    const Sentence& sentence = s.sentences[g.sentence];
    const uint32_t sentence_lo = sentence.first_token, sentence_hi = sentence.first_token + sentence.token_count;
    const uint32_t first = std::clamp(token_at(s, g.span.start), sentence_lo, sentence_hi);
    const uint32_t last_byte = std::max(g.span.end, g.event_span.end);
    const uint32_t after = std::clamp(token_at(s, last_byte), first, sentence_hi);  // first token past the figure
    // The clause: from the end of the top-level figure before in the
    // sentence to the start of the one after.
    // Figures are in text order, a breakdown right after its parent, so
    // the walks skip only breakdowns (each at most twice in all).
    uint32_t lo = sentence_lo, hi = sentence_hi;
    for (size_t k = i; k-- > 0 && figures[k].sentence == g.sentence;) {
      if (figures[k].parent >= 0) continue;
      const uint32_t kend = token_at(s, figures[k].span.end);
      if (kend <= first) lo = std::max(lo, kend);
      break;
    }
    for (size_t k = i + 1; k < figures.size() && figures[k].sentence == g.sentence; ++k) {
      if (figures[k].parent >= 0) continue;
      const uint32_t kt = token_at(s, figures[k].span.start);
      if (kt > first) hi = std::min(hi, kt);
      break;
    }
    int32_t found = -1;
    // 1. "killed in Turkey".
    const auto from = std::lower_bound(place_tokens.begin(), place_tokens.end(), first);
    for (auto it = from; it != place_tokens.end() && *it < hi && *it < after + kAfterWindow; ++it) {
      if (*it >= after && behind_preposition(*it, first)) {
        found = place_at[*it];
        break;
      }
    }
    // 2. "there" (not "there were").
    if (found < 0) {
      for (uint32_t t = std::max(lo, first > kThereWindow ? first - kThereWindow : 0u); t < hi && t < first + kThereWindow; ++t) {
        if (!words::iequals(word(t), "there")) continue;
        if (t + 1 < sentence_hi && is_existential_verb(word(t + 1))) continue;
        const uint32_t floor = g.sentence >= kThereSentences ? s.sentences[g.sentence - kThereSentences].first_token : 0;
        // In its own sentence, a place "there" can name is behind a
        // preposition or a possessive ("Syria's government ... put the toll
        // there"), not the subject ("Israel imposed a siege on the
        // territory, cutting off water to the Palestinians living there").
        found = place_before(t, floor, [&](uint32_t first_token, uint32_t end) {
          if (end > t) return false;
          return first_token < sentence_lo || behind_preposition(first_token, sentence_lo) || s.tokens[end].possessive;
        });
        break;
      }
    }
    // 3. "In Syria, 5,700 died"; "officials in Gaza said 45 were killed".
    if (found < 0) {
      found = place_before(first, lo, [&](uint32_t t, uint32_t end) {
        return end <= first && behind_preposition(t, lo);
      });
    }
    // 4. "Turkey's disaster agency said 31,643 ...".
    if (found < 0) {
      found = place_before(first, lo, [&](uint32_t, uint32_t end) { return end < first && s.tokens[end].possessive; });
    }
    out[i] = found;
  }
  return out;
}

}  // namespace tidings::facts
