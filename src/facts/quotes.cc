// Direct and indirect quotes and their speakers (quotes.h,
// docs/quotes-people.md).
#include "facts/quotes.h"

#include <algorithm>
#include <optional>

#include "facts/people_roles.h"
#include "facts/people_words.h"
#include "facts/quotes_speakers.h"

namespace tidings::facts {
namespace {

constexpr uint32_t kMaxCueDistance = 8;       // "said on Wednesday in a statement: “"
constexpr uint32_t kMaxDatelineTokens = 12;    // "KYIV, Ukraine (AP) —"
constexpr uint32_t kMaxSpeakerSpan = 48;      // "”, Khaji, a senior aide ..., said"
constexpr uint32_t kMaxTailTokens = 10;       // "..., the ministry said in a statement on Monday."
constexpr uint32_t kMaxEndWindow = 20;        // where the cue of "CLAUSE, SPEAKER said ..." may sit
constexpr uint32_t kMaxThatDistance = 8;      // "said on Wednesday that"
constexpr uint32_t kMinUnattributedWords = 4; // shorter quotes without a cue are titles or scare quotes

// The quotation marks. Straight double quotes open or close by position.
enum class Mark : uint8_t { kNone, kOpen, kClose, kStraight };
enum class Family : uint8_t { kDouble, kSingle, kGuillemet };

struct MarkInfo {
  Mark mark = Mark::kNone;
  Family family = Family::kDouble;
};

MarkInfo mark_of(std::string_view w) {
  if (w == "\"") return {Mark::kStraight, Family::kDouble};
  if (w == "\xE2\x80\x9C" || w == "\xE2\x80\x9E") return {Mark::kOpen, Family::kDouble};  // “ „
  if (w == "\xE2\x80\x9D") return {Mark::kClose, Family::kDouble};                         // ”
  if (w == "\xE2\x80\x98") return {Mark::kOpen, Family::kSingle};                          // ‘
  if (w == "\xE2\x80\x99") return {Mark::kClose, Family::kSingle};                         // ’
  if (w == "\xC2\xAB" || w == "\xE2\x80\xB9") return {Mark::kOpen, Family::kGuillemet};    // « ‹
  if (w == "\xC2\xBB" || w == "\xE2\x80\xBA") return {Mark::kClose, Family::kGuillemet};   // » ›
  return {};
}

// A pair of marks, or a quote continued over paragraphs.
struct RawQuote {
  uint32_t open = 0, close = 0;  ///< tokens of the first opening and the last closing mark
  std::vector<std::pair<uint32_t, uint32_t>> parts;  ///< tokens [first, last) inside marks
};

class Extractor {
 public:
  Extractor(const Segmented& text, const std::vector<Entity>& entities, const People& people)
      : text_(text), finder_(text, entities, people),
        sentence_(words::sentence_of_token(text)) {}

  std::vector<Quote> run();

 private:
  std::string_view word(uint32_t t) const { return text_.token_text(t); }
  bool paragraph_starts_at(uint32_t t) const {
    if (t == 0) return true;
    const uint32_t from = text_.tokens[t - 1].end, to = text_.tokens[t].start;
    return to > from && text_.text.substr(from, to - from).find('\n') != std::string_view::npos;
  }
  uint32_t sentence_first(uint32_t t) const { return text_.sentences[sentence_[t]].first_token; }
  uint32_t sentence_end(uint32_t t) const {
    const Sentence& s = text_.sentences[sentence_[t]];
    return s.first_token + s.token_count;
  }
  std::vector<RawQuote> pair_marks() const;
  bool speaker_described(uint32_t from, uint32_t speaker_first) const {
    for (uint32_t t = from; t < speaker_first; ++t) {
      const std::string_view w = word(t);
      if (text_.tokens[t].kind == TokenKind::kPunctuation && w != "," && w != "." && w != "-") {
        return false;
      }
      if (w == "and" || w == "that" || w == "which" || w == "who") return false;
    }
    return speaker_first >= from;
  }
  std::optional<Quote> attribute(const std::vector<RawQuote>& raw, size_t& i);
  void add_indirect(uint32_t sentence, std::vector<Quote>& out) const;
  Quote make_quote(QuoteKind kind, const std::vector<std::pair<uint32_t, uint32_t>>& parts) const;

  const Segmented& text_;
  SpeakerFinder finder_;
  std::vector<uint32_t> sentence_;
};

// One pass over the tokens: curly marks and guillemets nest, straight
// quotes toggle, single quotes count only outside double ones. A paragraph
// that ends inside a quote continues it only when the next paragraph opens
// with a mark of the same family; otherwise the quote is unbalanced and
// dropped.
std::vector<RawQuote> Extractor::pair_marks() const {
  std::vector<RawQuote> out;
  struct Open {
    bool active = false;
    Family family = Family::kDouble;
    bool straight = false;
    uint32_t depth = 0;
    uint32_t part_first = 0;
    RawQuote quote;
  } open;
  const auto n = static_cast<uint32_t>(text_.tokens.size());
  for (uint32_t t = 0; t < n; ++t) {
    if (text_.tokens[t].kind != TokenKind::kPunctuation) {
      if (open.active && paragraph_starts_at(t)) open.active = false;  // unbalanced
      continue;
    }
    MarkInfo m = mark_of(word(t));
    if (open.active && paragraph_starts_at(t)) {
      const bool opens_again = m.family == open.family &&
                               (m.mark == Mark::kOpen || (m.mark == Mark::kStraight && open.straight));
      if (opens_again && open.depth == 1) {
        // The paragraph before ends the current part; a new part begins.
        if (t > open.part_first) open.quote.parts.emplace_back(open.part_first, t);
        open.part_first = t + 1;
        continue;
      }
      open.active = false;
    }
    if (m.mark == Mark::kNone) continue;
    if (m.family == Family::kSingle && open.active && open.family != Family::kSingle) continue;
    if (!open.active) {
      if (m.mark == Mark::kClose) continue;  // a stray closing mark or an apostrophe
      // A straight mark opens only where an opening one stands: after a
      // space, a bracket or a dash, and before a word. A closing-like one
      // ("...life," said) with nothing open is a stray: its opening was lost.
      if (m.mark == Mark::kStraight) {
        const bool space_or_start = t == 0 || text_.tokens[t].space_before ||
                                    word(t - 1) == "(" || word(t - 1) == "[" ||
                                    word(t - 1) == "\xE2\x80\x94" || word(t - 1) == "\xE2\x80\x93";
        if (!space_or_start || t + 1 >= n || text_.tokens[t + 1].space_before) continue;
      }
      open = Open{true, m.family, m.mark == Mark::kStraight, 1, t + 1, RawQuote{t, 0, {}}};
      continue;
    }
    if (m.family != open.family) continue;  // nested marks of another kind
    if (open.straight != (m.mark == Mark::kStraight)) continue;  // “ ... " ... ”
    if (m.mark == Mark::kOpen) {
      ++open.depth;
      continue;
    }
    if (m.mark == Mark::kClose && --open.depth > 0) continue;
    // Closed.
    // "...," he said: the comma before the closing mark is the attribution's.
    uint32_t part_end = t;
    if (part_end > open.part_first + 1 && word(part_end - 1) == ",") --part_end;
    if (part_end > open.part_first) open.quote.parts.emplace_back(open.part_first, part_end);
    open.quote.close = t;
    if (!open.quote.parts.empty()) out.push_back(std::move(open.quote));
    open = Open{};
  }
  return out;
}

Quote Extractor::make_quote(QuoteKind kind,
                            const std::vector<std::pair<uint32_t, uint32_t>>& parts) const {
  Quote q;
  q.kind = kind;
  for (size_t i = 0; i < parts.size(); ++i) {
    auto [first, last] = parts[i];
    const uint32_t start = text_.tokens[first].start, end = text_.tokens[last - 1].end;
    q.parts.push_back({start, end});
    const std::string piece = collapse_spaces(text_.text.substr(start, end - start));
    if (!q.text.empty() && !piece.empty()) q.text += ' ';
    q.text += piece;
  }
  q.start = q.parts.front().start;
  q.end = q.parts.back().end;
  q.sentence = sentence_[parts.front().first];
  return q;
}

bool has_words(const Segmented& text, uint32_t first, uint32_t last, uint32_t at_least) {
  uint32_t count = 0;
  for (uint32_t t = first; t < last && count < at_least; ++t) {
    count += text.tokens[t].kind == TokenKind::kWord || text.tokens[t].kind == TokenKind::kNumber;
  }
  return count >= at_least;
}

// Attributes raw[i]; merges the next raw quote when it continues a split
// quote ("Such crimes," he said, "can be ..."), advancing i past it.
std::optional<Quote> Extractor::attribute(const std::vector<RawQuote>& raw, size_t& i) {
  RawQuote q = raw[i];
  const auto n = static_cast<uint32_t>(text_.tokens.size());
  Speaker speaker;
  Cue cue;
  // After the closing mark: ", he said", "said Khaji", ", according to officials".
  const uint32_t limit = std::min<uint32_t>(
      {n, sentence_end(q.close), q.close + 1 + kMaxSpeakerSpan,
       i + 1 < raw.size() ? raw[i + 1].open : n});
  uint32_t after = q.close + 1;
  while (after < limit && (word(after) == "," || word(after) == "\xE2\x80\x94")) ++after;
  uint32_t attribution_end = after;  // the token after the attribution
  if (after < limit) {
    if (Cue c = finder_.cue_at(after); c.kind != CueKind::kNone) {
      uint32_t next = c.last;
      Speaker s = finder_.after(c.last, limit, &next);
      if (s.kind != SpeakerKind::kNone) {
        cue = c;
        speaker = s;
        attribution_end = next;
      }
    } else {
      for (uint32_t t = after + 1; t < limit; ++t) {
        const Cue c = finder_.cue_at(t);
        if (c.kind == CueKind::kNone) continue;
        Speaker s = finder_.before(t, after);
        // "Khaji said", "the 33-year-old actress's rep Jack Ketsoyan told":
        // between the mark and the cue only the speaker and words about it.
        if (s.kind != SpeakerKind::kNone && speaker_described(after, finder_.before_first_token(s))) {
          cue = c;
          speaker = s;
          attribution_end = c.last;
        }
        break;
      }
    }
  }
  // A split quote: the attribution is followed by ", “" and the rest.
  if (speaker.kind != SpeakerKind::kNone && i + 1 < raw.size()) {
    uint32_t t = attribution_end;
    while (t < raw[i + 1].open && t - attribution_end < 6 && word(t) != "," && word(t) != ":" &&
           text_.tokens[t].kind != TokenKind::kPunctuation) {
      ++t;  // "he said in a statement"
    }
    if (t < n && (word(t) == "," || word(t) == ":") && t + 1 == raw[i + 1].open) {
      ++i;
      q.parts.insert(q.parts.end(), raw[i].parts.begin(), raw[i].parts.end());
      q.close = raw[i].close;
    }
  }
  // Before the opening mark: "Khaji said: “", "saying, “", "said that “".
  if (speaker.kind == SpeakerKind::kNone && q.open > 0) {
    // "Khaji said:" may end the paragraph before the quote.
    const uint32_t floor =
        word(q.open - 1) == ":" ? sentence_first(q.open - 1) : sentence_first(q.open);
    const uint32_t previous_close = i > 0 ? raw[i - 1].close + 1 : 0;
    const uint32_t low = std::max(floor, previous_close);
    const std::string_view before = word(q.open - 1);
    const bool introduced = before == ":" || before == "," || before == "that" ||
                            finder_.cue_at(q.open - 1).kind != CueKind::kNone;
    for (uint32_t t = q.open, steps = 0; introduced && t > low && steps < kMaxCueDistance;
         --t, ++steps) {
      const Cue c = finder_.cue_at(t - 1);
      if (c.kind == CueKind::kNone) continue;
      Speaker s = finder_.before(c.first, low);
      if (s.kind == SpeakerKind::kNone && c.participle) s = finder_.subject(floor, c.first);
      if (s.kind == SpeakerKind::kNone) {
        uint32_t next = 0;
        s = finder_.after(c.last, q.open, &next);  // "said Khaji: “"
      }
      cue = c;
      speaker = s;
      break;
    }
    // "Khaji: “...”" in a headline or a transcript.
    if (cue.kind == CueKind::kNone && before == ":" && q.open >= 2) {
      const int32_t e = finder_.entity_of_token()[q.open - 2];
      if (e >= 0) speaker = finder_.before(q.open - 1, low);
    }
  }
  uint32_t words_inside = 0;  // counted up to kMinUnattributedWords
  for (const auto& [first, last] : q.parts) {
    for (uint32_t t = first; t < last && words_inside < kMinUnattributedWords; ++t) {
      words_inside += text_.tokens[t].kind == TokenKind::kWord ||
                      text_.tokens[t].kind == TokenKind::kNumber;
    }
  }
  if (cue.kind == CueKind::kNone && speaker.kind == SpeakerKind::kNone &&
      words_inside < kMinUnattributedWords) {
    return std::nullopt;  // "complete siege", "American Pie": a title or a scare quote
  }
  Quote out = make_quote(QuoteKind::kDirect, q.parts);
  out.speaker = speaker;
  if (cue.kind != CueKind::kNone) {
    out.cue_start = text_.tokens[cue.first].start;
    out.cue_end = text_.tokens[cue.last - 1].end;
  }
  return out;
}

bool is_clause_start(const Segmented& text, uint32_t t, const std::vector<int32_t>& ent) {
  if (t >= text.tokens.size()) return false;
  const std::string_view w = text.token_text(t);
  if (text.tokens[t].kind == TokenKind::kNumber || ent[t] >= 0) return true;
  if (text.tokens[t].kind != TokenKind::kWord) return false;
  for (const std::string_view x : {"he", "she", "they", "it", "we", "i", "there", "no", "all",
                                   "some", "many", "more", "most", "both"}) {
    if (words::iequals(w, x)) return true;
  }
  if (words::is_determiner(w) || words::is_capitalised(w)) return true;
  // A bare subject of one or two words before an auxiliary: "said troops
  // had found tunnels", "said fuel prices would rise".
  for (uint32_t k = t + 1; k <= t + 2 && k < text.tokens.size(); ++k) {
    if (text.tokens[k].kind != TokenKind::kWord) return false;
    if (words::is_auxiliary(text.token_text(k))) return true;
  }
  return false;
}

// What may follow "said" when what was said came before it: "..., he said
// in a statement on Monday", "..., she said late on Friday".
bool is_adjunct_start(std::string_view w) {
  for (const std::string_view x : {"in", "on", "at", "during", "after", "before", "to", "from",
                                   "with", "by", "via", "late", "early", "earlier", "later", "last",
                                   "this", "yesterday", "today", "tonight", "when", "while", "as",
                                   "adding", "according", "citing", "without", "for"}) {
    if (w == x) return true;
  }
  return words::is_calendar_word(w);  // "the ministry said Sunday"
}

// The end of a sentence's content: its final punctuation and marks off.
uint32_t content_end(const Segmented& text, uint32_t first, uint32_t end) {
  while (end > first && text.tokens[end - 1].kind == TokenKind::kPunctuation) --end;
  return end;
}

// One indirect quote per sentence, when it has no direct one: "SPEAKER
// said (that) CLAUSE", "CLAUSE, SPEAKER said.", "CLAUSE, according to
// SPEAKER.", "According to SPEAKER, CLAUSE", "SPEAKER ..., calling for X".
void Extractor::add_indirect(uint32_t sentence, std::vector<Quote>& out) const {
  const Sentence& s = text_.sentences[sentence];
  const uint32_t first = s.first_token, end = s.first_token + s.token_count;
  const uint32_t last = content_end(text_, first, end);
  if (last <= first + 2) return;
  const auto& ent = finder_.entity_of_token();
  auto emit = [&](uint32_t a, uint32_t b, const Cue& cue, const Speaker& speaker) {
    // A dateline is not what was said: "GAZA CITY (Reuters) - Israeli
    // strikes killed ...", "KYIV, Ukraine (AP) — ...".
    for (uint32_t t = a; t + 1 < b && t < a + kMaxDatelineTokens; ++t) {
      const std::string_view d = word(t + 1);
      if (word(t) == ")" && (d == "-" || d == "\xE2\x80\x94" || d == "\xE2\x80\x93")) {
        a = t + 2;
        break;
      }
    }
    while (a < b && text_.tokens[a].kind == TokenKind::kPunctuation) ++a;
    while (b > a && text_.tokens[b - 1].kind == TokenKind::kPunctuation) --b;
    // A clause has a subject and a verb; an object ("the claims") may be two words.
    if (!has_words(text_, a, b, cue.kind == CueKind::kObject ? 2 : 3)) return false;
    Quote q = make_quote(QuoteKind::kIndirect, {{a, b}});
    q.cue_start = text_.tokens[cue.first].start;
    q.cue_end = text_.tokens[cue.last - 1].end;
    q.speaker = speaker;
    out.push_back(std::move(q));
    return true;
  };
  // "CLAUSE, SPEAKER said [tail]." / "CLAUSE, said SPEAKER." / "CLAUSE,
  // according to SPEAKER.": a cue near the end after a comma.
  for (uint32_t t = last, steps = 0; t > first + 2 && steps < kMaxEndWindow;
       --t, ++steps) {
    const Cue cue = finder_.cue_at(t - 1);
    if (cue.kind == CueKind::kNone || cue.participle) continue;
    if (word(cue.first - 1) == ",") {  // ", said the ministry" / ", according to officials"
      uint32_t next = 0;
      const Speaker sp = finder_.after(cue.last, last, &next);
      // After the speaker only an adjunct ("said the ministry in a
      // statement"), never a verb: "X, Rear Admiral Y, said troops had found
      // tunnels" is Y's report, not the troops'.
      const bool tail_ok = next >= last || is_adjunct_start(word(next)) ||
                           text_.tokens[next].kind == TokenKind::kPunctuation;
      if (sp.kind != SpeakerKind::kNone && last - next <= kMaxTailTokens && tail_ok &&
          emit(first, cue.first - 1, cue, sp)) {
        return;
      }
      continue;
    }
    if (cue.kind != CueKind::kClause) continue;  // "X, diplomats call for Y": Y is what they said
    if (cue.last < last && !cue.tell && !is_adjunct_start(word(cue.last))) continue;
    const Speaker sp = finder_.before(cue.first, first);
    if (sp.kind == SpeakerKind::kNone) continue;
    uint32_t sp_first = finder_.before_first_token(sp);
    // Its owner first: "..., Lebanon's Health Ministry said Sunday."
    if (sp_first > first + 3 && text_.tokens[sp_first - 1].possessive) {
      const uint32_t owner_last = sp_first - 2;  // the word before the "'s" token
      if (const int32_t e = ent[owner_last]; e >= 0 && finder_.entity(e).first_token > first) {
        sp_first = finder_.entity(e).first_token;
      } else if (words::is_capitalised(word(owner_last))) {
        sp_first = owner_last;
      }
    }
    // "..., the Saudi Press Agency reported.": the article before the name.
    if (sp_first > first + 3 && (word(sp_first - 1) == "the" || word(sp_first - 1) == "The")) --sp_first;
    if (sp_first <= first + 2 || word(sp_first - 1) != ",") continue;
    // Nothing after the cue but a short tail: "said in a statement on Monday".
    if (last - cue.last > kMaxTailTokens || (cue.last < last && word(cue.last) == "that")) continue;
    if (emit(first, sp_first - 1, cue, sp)) return;
  }
  // "According to SPEAKER, CLAUSE."
  if (const Cue cue = finder_.cue_at(first); cue.kind == CueKind::kAccording) {
    uint32_t next = 0;
    const Speaker sp = finder_.after(cue.last, last, &next);
    if (sp.kind != SpeakerKind::kNone && next < last && word(next) == "," &&
        emit(next + 1, last, cue, sp)) {
      return;
    }
  }
  // "SPEAKER said (that) CLAUSE", "SPEAKER called for X", ", saying that X".
  for (uint32_t t = first; t < last; ++t) {
    const Cue cue = finder_.cue_at(t);
    if (cue.kind == CueKind::kNone || cue.kind == CueKind::kAccording) continue;
    Speaker sp;
    if (cue.participle) {
      if (t == first || word(t - 1) != ",") continue;
      sp = finder_.subject(first, t);
    } else {
      sp = finder_.before(t, first);
    }
    if (sp.kind == SpeakerKind::kNone) continue;
    uint32_t c = cue.last;
    // "said (on Wednesday) that": what was said follows "that".
    for (uint32_t x = cue.last; x < last && x - cue.last < kMaxThatDistance; ++x) {
      if (word(x) == "that") {
        c = x + 1;
        break;
      }
      if (text_.tokens[x].kind == TokenKind::kPunctuation || finder_.cue_at(x).kind != CueKind::kNone) {
        break;
      }
    }
    if (c == cue.last && cue.kind == CueKind::kClause) {
      // No "that": "told Reuters she went", "said Israel was"; never "said
      // in a statement." (that is the clause-first form above).
      if (cue.tell && c < last) {
        if (ent[c] >= 0) {
          while (c < last && ent[c] == ent[cue.last]) ++c;
        } else if (words::is_determiner(word(c))) {
          c = std::min(c + 2, last);
        } else if (text_.tokens[c].kind == TokenKind::kWord && !words::is_capitalised(word(c))) {
          ++c;  // "told reporters"
        }
      }
      if (!is_clause_start(text_, c, ent)) continue;
    }
    if (emit(c, last, cue, sp)) return;
  }
}

std::vector<Quote> Extractor::run() {
  std::vector<Quote> out;
  if (text_.tokens.empty() || text_.sentences.empty()) return out;
  const std::vector<RawQuote> raw = pair_marks();
  // A sentence with quotation marks has its words reported directly (or is
  // too tangled to tell): no indirect quote is read from it.
  std::vector<bool> quoted(text_.sentences.size(), false);
  for (uint32_t t = 0; t < text_.tokens.size(); ++t) {
    if (text_.tokens[t].kind != TokenKind::kPunctuation) continue;
    const MarkInfo m = mark_of(word(t));
    if (m.mark != Mark::kNone && m.family != Family::kSingle) quoted[sentence_[t]] = true;
  }
  for (const RawQuote& r : raw) {
    for (uint32_t s = sentence_[r.open]; s <= sentence_[r.close] && s < quoted.size(); ++s) {
      quoted[s] = true;
    }
  }
  std::vector<std::pair<uint32_t, uint32_t>> spans;
  for (const RawQuote& r : raw) spans.emplace_back(text_.tokens[r.open].start, text_.tokens[r.close].end);
  finder_.set_quoted(std::move(spans));
  std::vector<Quote> direct;
  std::vector<uint32_t> open_token, close_token;
  for (size_t i = 0; i < raw.size(); ++i) {
    const uint32_t open = raw[i].open;
    if (auto q = attribute(raw, i)) {
      direct.push_back(std::move(*q));
      open_token.push_back(open);
      close_token.push_back(raw[i].close);
    }
  }
  // A quote that is a sentence of its own, no more than two sentences after
  // an attributed one, is most often the same speaker going on.
  for (size_t i = 1; i < direct.size(); ++i) {
    Quote& q = direct[i];
    const Quote& p = direct[i - 1];
    const bool on_its_own = sentence_first(open_token[i]) == open_token[i];
    if (q.speaker.kind == SpeakerKind::kNone && q.cue_end == 0 &&
        p.speaker.kind != SpeakerKind::kNone && on_its_own &&
        sentence_[open_token[i]] <= sentence_[close_token[i - 1]] + 2) {
      q.speaker = p.speaker;
      q.speaker_inferred = true;
    }
  }
  std::vector<Quote> indirect;
  for (uint32_t s = 0; s < text_.sentences.size(); ++s) {
    if (!quoted[s]) add_indirect(s, indirect);
  }
  out.reserve(direct.size() + indirect.size());
  std::merge(std::make_move_iterator(direct.begin()), std::make_move_iterator(direct.end()),
             std::make_move_iterator(indirect.begin()), std::make_move_iterator(indirect.end()),
             std::back_inserter(out), [](const Quote& a, const Quote& b) { return a.start < b.start; });
  return out;
}

}  // namespace

std::vector<Quote> find_quotes(const Segmented& text, const std::vector<Entity>& entities,
                               const People& people) {
  return Extractor(text, entities, people).run();
}

}  // namespace tidings::facts
