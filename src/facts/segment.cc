// Sentences and tokens with ICU (UAX #29), adjusted for news text (segment.h).
#include "facts/segment.h"

#include <unicode/ubrk.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <memory>

namespace tidings::facts {
namespace {

// Abbreviations that end with a period and are followed by a name or a
// number, never by a new sentence, in news text. ICU's own suppression list
// ("en@ss=standard") has "Mr." and "U.S." but not military and political
// titles.
constexpr std::array<std::string_view, 34> kNoBreakAfter = {
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Sgt", "Cpl",
    "Adm", "Cmdr", "Rep", "Sen", "Gov", "Pres", "Rev", "Hon", "Amb", "Sec", "Supt", "Insp",
    "St", "Mt", "Ft", "No", "Nos", "Vol", "Art", "Jan", "Feb", "Aug"};

struct BreakIteratorCloser {
  void operator()(UBreakIterator* it) const { ubrk_close(it); }
};
using BreakIteratorPtr = std::unique_ptr<UBreakIterator, BreakIteratorCloser>;
struct UTextCloser {
  void operator()(UText* t) const { utext_close(t); }
};
using UTextPtr = std::unique_ptr<UText, UTextCloser>;

bool is_space(UChar32 c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || c == 0x2009 ||
         c == 0x202F || c == 0x3000 || (c >= 0x2000 && c <= 0x200B) || c == 0x2028 ||
         c == 0x2029 || c == 0xFEFF || c == 0x0B || c == 0x0C;
}

UChar32 decode_at(std::string_view text, int32_t& i) {
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i, static_cast<int32_t>(text.size()), c);
  return c;
}

bool is_hyphen(UChar32 c) { return c == '-' || c == 0x2010 || c == 0x2011; }

// Appends the tokens of one ICU word segment [start, end) with `rule`.
void add_segment(std::string_view text, int32_t start, int32_t end, int32_t rule,
                 bool space_before, std::vector<Token>& out) {
  if (rule < UBRK_WORD_NONE_LIMIT) {
    // Spaces and punctuation: every non-space character is a token.
    for (int32_t i = start; i < end;) {
      const int32_t at = i;
      const UChar32 c = decode_at(text, i);
      if (is_space(c)) {
        space_before = true;
        continue;
      }
      out.push_back({static_cast<uint32_t>(at), static_cast<uint32_t>(i), TokenKind::kPunctuation,
                     space_before, false});
      space_before = false;
    }
    return;
  }
  TokenKind kind = TokenKind::kWord;
  const char first = text[start];
  if (first >= '0' && first <= '9') {
    kind = TokenKind::kNumber;
  } else if (rule >= UBRK_WORD_KANA) {
    kind = TokenKind::kOther;
  }
  // "Iran's" / "Iran’s": the clitic is a token of its own.
  int32_t split = end;
  if (kind == TokenKind::kWord && end - start >= 3) {
    const char last = text[end - 1];
    if (last == 's' || last == 'S') {
      if (text[end - 2] == '\'') {
        split = end - 2;
      } else if (end - start >= 5 && text.substr(end - 4, 3) == "\xE2\x80\x99") {
        split = end - 4;
      }
    }
  }
  out.push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(split), kind, space_before,
                 false});
  if (split != end) {
    out.push_back({static_cast<uint32_t>(split), static_cast<uint32_t>(end), TokenKind::kWord,
                   false, true});
  }
}

// Joins "al" "-" "Aqsa" into one word when nothing separates them.
void join_hyphenated(std::string_view text, std::vector<Token>& tokens) {
  size_t w = 0;
  for (size_t r = 0; r < tokens.size(); ++r) {
    Token t = tokens[r];
    while (r + 2 < tokens.size() && t.kind != TokenKind::kPunctuation && !t.possessive &&
           tokens[r + 1].kind == TokenKind::kPunctuation && !tokens[r + 1].space_before &&
           tokens[r + 2].kind != TokenKind::kPunctuation && !tokens[r + 2].space_before &&
           !tokens[r + 2].possessive) {
      int32_t i = static_cast<int32_t>(tokens[r + 1].start);
      if (!is_hyphen(decode_at(text, i))) break;
      if (t.kind == TokenKind::kNumber && tokens[r + 2].kind == TokenKind::kNumber) break;  // "2-1"
      t.end = tokens[r + 2].end;
      if (t.kind == TokenKind::kNumber) t.kind = TokenKind::kWord;  // "30-year-old"
      r += 2;
    }
    tokens[w++] = t;
  }
  tokens.resize(w);
}

// Opening an ICU iterator costs more than segmenting a short article, so
// each thread keeps one of each and points it at every new text.
UBreakIterator* word_iterator() {
  thread_local BreakIteratorPtr words = [] {
    UErrorCode status = U_ZERO_ERROR;
    BreakIteratorPtr it(ubrk_open(UBRK_WORD, "en", nullptr, 0, &status));
    return U_FAILURE(status) ? nullptr : std::move(it);
  }();
  return words.get();
}

UBreakIterator* sentence_iterator() {
  thread_local BreakIteratorPtr sentences = [] {
    UErrorCode status = U_ZERO_ERROR;
    BreakIteratorPtr it(ubrk_open(UBRK_SENTENCE, "en@ss=standard", nullptr, 0, &status));
    if (U_FAILURE(status)) {
      status = U_ZERO_ERROR;
      it.reset(ubrk_open(UBRK_SENTENCE, "en", nullptr, 0, &status));
    }
    return U_FAILURE(status) ? nullptr : std::move(it);
  }();
  return sentences.get();
}

std::vector<Token> tokenize(std::string_view text, UText* ut) {
  std::vector<Token> tokens;
  UErrorCode status = U_ZERO_ERROR;
  UBreakIterator* words = word_iterator();
  if (!words) return tokens;
  ubrk_setUText(words, ut, &status);
  if (U_FAILURE(status)) return tokens;
  int32_t start = ubrk_first(words);
  bool space_before = true;
  for (int32_t end = ubrk_next(words); end != UBRK_DONE; start = end, end = ubrk_next(words)) {
    const size_t before = tokens.size();
    add_segment(text, start, end, ubrk_getRuleStatus(words), space_before, tokens);
    if (tokens.size() != before) {
      int32_t i = end;
      U8_BACK_1(reinterpret_cast<const uint8_t*>(text.data()), 0, i);
      space_before = is_space(decode_at(text, i));
    } else {
      space_before = true;  // only spaces
    }
  }
  join_hyphenated(text, tokens);
  return tokens;
}

// True when the sentence that ends at `end` (exclusive, spaces trimmed)
// ends with an abbreviation that is not the end of a sentence.
bool ends_with_abbreviation(std::string_view text, uint32_t end) {
  if (end < 2 || text[end - 1] != '.') return false;
  uint32_t b = end - 1;
  while (b > 0 && ((text[b - 1] >= 'A' && text[b - 1] <= 'Z') || (text[b - 1] >= 'a' && text[b - 1] <= 'z'))) {
    --b;
  }
  if (b > 0 && text[b - 1] != ' ' && text[b - 1] != '(' && text[b - 1] != '\n') return false;
  const std::string_view word = text.substr(b, end - 1 - b);
  if (word.size() == 1 && word[0] >= 'A' && word[0] <= 'Z') return true;  // an initial: "J."
  return std::find(kNoBreakAfter.begin(), kNoBreakAfter.end(), word) != kNoBreakAfter.end();
}

// Words that open sentences far more often than they follow "U.S." in a
// name ("U.S. Secretary of State ...", "U.N. envoy").
constexpr std::array<std::string_view, 24> kSentenceOpeners = {
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "This", "That",
    "These", "Those", "But", "And", "In", "On", "At", "If", "When", "There", "His", "Her"};

// "U.S.", "U.N.", "D.C.": letters each followed by a period, ending at `end`.
bool ends_with_dotted_acronym(std::string_view text, uint32_t end) {
  uint32_t i = end, letters = 0;
  while (i >= 2 && text[i - 1] == '.' && ((text[i - 2] >= 'A' && text[i - 2] <= 'Z'))) {
    ++letters;
    i -= 2;
  }
  return letters >= 2 && (i == 0 || text[i - 1] == ' ' || text[i - 1] == '(' || text[i - 1] == '\n');
}

std::string_view first_word(std::string_view text, uint32_t at) {
  uint32_t e = at;
  while (e < text.size() && ((text[e] >= 'A' && text[e] <= 'Z') || (text[e] >= 'a' && text[e] <= 'z'))) ++e;
  return text.substr(at, e - at);
}

bool continues_after_acronym(std::string_view text, uint32_t prev_end, uint32_t next_start) {
  if (!ends_with_dotted_acronym(text, prev_end)) return false;
  const std::string_view next = first_word(text, next_start);
  if (next.empty() || next[0] < 'A' || next[0] > 'Z') return false;
  return std::find(kSentenceOpeners.begin(), kSentenceOpeners.end(), next) == kSentenceOpeners.end();
}

bool starts_lower_or_digit(std::string_view text, uint32_t at) {
  const char c = text[at];
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

std::vector<std::pair<uint32_t, uint32_t>> sentence_bounds(std::string_view text, UText* ut) {
  std::vector<std::pair<uint32_t, uint32_t>> out;
  UErrorCode status = U_ZERO_ERROR;
  UBreakIterator* sentences = sentence_iterator();
  if (!sentences) return out;
  ubrk_setUText(sentences, ut, &status);
  if (U_FAILURE(status)) return out;
  int32_t start = ubrk_first(sentences);
  bool glue = false;
  for (int32_t end = ubrk_next(sentences); end != UBRK_DONE; start = end, end = ubrk_next(sentences)) {
    uint32_t s = static_cast<uint32_t>(start), e = static_cast<uint32_t>(end);
    // Trim spaces on both sides (ASCII and the common Unicode ones).
    while (s < e) {
      int32_t i = static_cast<int32_t>(s);
      if (!is_space(decode_at(text, i))) break;
      s = static_cast<uint32_t>(i);
    }
    while (e > s) {
      int32_t i = static_cast<int32_t>(e);
      U8_BACK_1(reinterpret_cast<const uint8_t*>(text.data()), 0, i);
      int32_t j = i;
      if (!is_space(decode_at(text, j))) break;
      e = static_cast<uint32_t>(i);
    }
    if (s == e) continue;
    const bool paragraph_break = text.substr(start, end - start).find('\n') != std::string_view::npos;
    if (glue && !out.empty() && (ends_with_abbreviation(text, out.back().second) ||
                                 continues_after_acronym(text, out.back().second, s) ||
                                 starts_lower_or_digit(text, s))) {
      out.back().second = e;
    } else {
      out.emplace_back(s, e);
    }
    glue = !paragraph_break;
  }
  return out;
}

}  // namespace

const char* entity_type_name(EntityType type) {
  switch (type) {
    case EntityType::kPerson: return "PER";
    case EntityType::kOrganization: return "ORG";
    case EntityType::kLocation: return "LOC";
    case EntityType::kGpe: return "GPE";
  }
  return "LOC";
}

Segmented segment(std::string_view text) {
  Segmented out;
  text = text.substr(0, kMaxTextBytes);
  // Never cut a UTF-8 sequence in two at the bound.
  if (text.size() == kMaxTextBytes) {
    size_t n = text.size();
    while (n > 0 && (static_cast<unsigned char>(text[n - 1]) & 0xC0) == 0x80) --n;
    if (n > 0 && static_cast<unsigned char>(text[n - 1]) >= 0xC0) text = text.substr(0, n - 1);
  }
  out.text = text;
  if (text.empty()) return out;
  UErrorCode status = U_ZERO_ERROR;
  UTextPtr ut(utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status));
  if (U_FAILURE(status)) return out;
  out.tokens = tokenize(text, ut.get());
  const auto bounds = sentence_bounds(text, ut.get());
  size_t t = 0;
  for (const auto& [s, e] : bounds) {
    Sentence sentence{s, e, static_cast<uint32_t>(t), 0};
    while (t < out.tokens.size() && out.tokens[t].start < e) ++t;
    sentence.token_count = static_cast<uint32_t>(t) - sentence.first_token;
    if (sentence.token_count > 0) out.sentences.push_back(sentence);
  }
  return out;
}

}  // namespace tidings::facts
