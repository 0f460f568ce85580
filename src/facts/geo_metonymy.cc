// Place-for-government cues (geo_metonymy.h): a fixed vocabulary of nouns
// of government and of verbs of saying and acting that news writes after a
// capital used as its government.
#include "facts/geo_metonymy.h"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

namespace tidings::facts {

namespace {

constexpr std::array<std::string_view, 9> kGovernmentNouns = {
    "regime", "government", "administration", "authorities", "leadership", "junta", "cabinet", "officials", "leaders"};

constexpr std::array<std::string_view, 36> kSpeechVerbs = {
    "said",     "says",      "say",       "warned",    "warns",     "warn",      "announced", "announces", "announce",
    "insisted", "insists",   "denied",    "denies",    "deny",      "accused",   "accuses",   "condemned", "condemns",
    "rejected", "rejects",   "threatened", "threatens", "urged",    "urges",     "demanded",  "demands",   "responded",
    "vowed",    "claimed",   "claims",    "stated",    "retaliated", "refused",  "protested", "pledged",   "expelled"};

constexpr std::array<std::string_view, 14> kAuxiliaries = {"has",   "have",  "had", "will",  "would", "could", "may",
                                                           "might", "must",  "did", "does",  "also",  "again", "then"};

constexpr std::array<std::string_view, 13> kLocativePrepositions = {
    "in", "at", "from", "near", "to", "into", "outside", "around", "of", "across", "throughout", "inside", "within"};

template <size_t N>
bool one_of(const std::array<std::string_view, N>& words, std::string_view w) {
  return std::find(words.begin(), words.end(), w) != words.end();
}

std::string lower_ascii(std::string_view w) {
  std::string out(w.substr(0, 32));
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Index of the first token starting at or after `offset`.
size_t token_at(const Segmented& text, uint32_t offset) {
  auto it = std::lower_bound(text.tokens.begin(), text.tokens.end(), offset,
                             [](const Token& t, uint32_t v) { return t.start < v; });
  return static_cast<size_t>(it - text.tokens.begin());
}

}  // namespace

MetonymyCue metonymy_cue(const Segmented& text, uint32_t start, uint32_t end) {
  const size_t first = token_at(text, start);
  size_t next = token_at(text, end);
  if (first > 0 && text.tokens[first - 1].kind == TokenKind::kWord &&
      one_of(kLocativePrepositions, lower_ascii(text.token_text(first - 1)))) {
    return MetonymyCue::kNone;
  }
  const bool possessive = next < text.tokens.size() && text.tokens[next].possessive;
  if (possessive) ++next;
  if (next >= text.tokens.size() || text.tokens[next].kind != TokenKind::kWord) return MetonymyCue::kNone;
  const std::string w = lower_ascii(text.token_text(next));
  if (one_of(kGovernmentNouns, w)) return MetonymyCue::kGovernmentNoun;
  if (possessive) return MetonymyCue::kNone;
  if (one_of(kSpeechVerbs, w)) return MetonymyCue::kSpeechVerb;
  // "Moscow has warned", "Beijing will not accept": up to two auxiliaries.
  size_t k = next;
  for (int hops = 0; hops < 2 && k < text.tokens.size(); ++hops) {
    const std::string aux = lower_ascii(text.token_text(k));
    if (!one_of(kAuxiliaries, aux) && aux != "not") break;
    ++k;
    if (k < text.tokens.size() && one_of(kSpeechVerbs, lower_ascii(text.token_text(k)))) {
      return MetonymyCue::kSpeechVerb;
    }
  }
  return MetonymyCue::kNone;
}

}  // namespace tidings::facts
