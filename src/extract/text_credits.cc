// Datelines and credit phrases in the text (see text_credits.h). Words are
// compared in their lower-case, Arabic-folded form (agencies.h split_words);
// a phrase is a cue, some filler words ("the state news agency"), then an
// agency of the table, or the agency then a cue ("AFP reported").
#include "extract/text_credits.h"

#include <algorithm>
#include <unordered_set>

#include "extract/agencies.h"
#include "extract/text_ops.h"

namespace tidings::extract_detail {

namespace {

constexpr size_t kScanBudget = 512 * 1024;   // bytes of text read in all
constexpr size_t kParagraphScan = 16 * 1024; // bytes of one paragraph read
constexpr size_t kMaxLine = 300;             // longer blocks are not credit lines
constexpr size_t kTextMax = 160;             // bytes of a credit's text kept
constexpr size_t kDatelineParagraphs = 6;  // after a byline, a slug, a photo credit
constexpr size_t kMaxCredits = 64;

// Phrases before an agency: "according to AFP", "selon l'AFP", "laut dpa",
// "по данным ТАСС", "به گزارش ایرنا", "نقلا عن رويترز".
constexpr std::string_view kCuesBefore =
    "according to|reported by|quoted by|cited by|told|via|citing|quoting|report by|"
    "reports from|with input from|with inputs from|courtesy of|reports|reported|"
    "confirmed to|speaking to|spoke to|obtained by|in an interview with|said to|"
    "según|segun|según informó|informó|informa|de acuerdo con|citado por|citada por|"
    "con información de|"
    "selon|d après|rapporte|a rapporté|rapporté par|cité par|citée par|a indiqué|"
    "laut|berichtet|berichtete|meldet|meldete|nach angaben|unter berufung auf|mit material von|"
    "secondo|riferisce|riporta|segundo|de acordo com|informou|noticiou|"
    "по данным|сообщает|сообщил|сообщило|сообщила|сообщили|передает|передаёт|пишет|"
    "со ссылкой на|по сообщению|по информации|как сообщает|как передает|"
    "повідомляє|за даними|передає|з посиланням на|"
    "به گزارش|به نقل از|طبق گزارش|"
    "نقلا عن|نقلت عن|نقلت|وفقا|وفق|حسب|بحسب|ذكرت|أفادت|أوردت|قالت|أعلنت";

// Phrases after an agency: "IRNA reported", "berichtete dpa" is a cue before.
constexpr std::string_view kCuesAfter =
    "reported|reports|quoted|cited|contributed|"
    "berichtete|berichtet|meldete|meldet|zufolge|schreibt|"
    "informó|informa|reportó|rapporte|a rapporté|indique|a indiqué|riferisce|riporta|"
    "informou|noticiou|"
    "сообщает|сообщил|сообщило|сообщила|передает|передаёт|пишет|информирует|"
    "گزارش داد|اعلام کرد";

// "said" credits only with an agency word around: "Xinhua news agency said".
constexpr std::string_view kSaidAfter = "said|says|sagte|dijo|a déclaré|заявило|заявил";

// Words that may stand between a cue and the agency.
constexpr std::string_view kFillers =
    "the|a|an|state|run|owned|official|semi|semiofficial|government|news|agency|agencies|"
    "wire|service|newswire|press|report|student|students|"
    "french|chinese|russian|iranian|turkish|german|japanese|korean|south|north|spanish|"
    "italian|indian|egyptian|syrian|saudi|qatari|kuwaiti|emirati|jordanian|palestinian|"
    "iraqi|british|american|australian|canadian|pakistani|malaysian|indonesian|"
    "l|la|le|les|el|los|lo|de|del|di|die|der|des|dem|den|"
    "agencia|agence|agenzia|agentur|nachrichtenagentur|presseagentur|"
    "агентство|агентства|агентству|информагентство|информагентства|"
    "خبرگزاری|رسمی|وكالة|الانباء|انباء|الرسمية";
constexpr std::string_view kAgencyWords =
    "agency|agence|agencia|agenzia|agentur|nachrichtenagentur|presseagentur|агентство|"
    "агентства|информагентство|خبرگزاری|وكالة";

// "Source: X" labels.
constexpr std::string_view kSourceLabels =
    "source|sources|fuente|fuentes|quelle|quellen|fonte|fontes|источник|источники|منبع|"
    "المصدر|مصدر|kaynak|bron|źródło|zdroj";
// A "Source:" line naming a picture's source is a photo credit.
constexpr std::string_view kImageWords =
    "photo|photos|image|images|picture|pictures|getty|shutterstock|istock|unsplash|pixabay|"
    "foto|fotos|bild|عکس|صورة";
// Words an agency-only line may start with or join names by: "By AP",
// "AFP and Reuters".
constexpr std::string_view kLineWords = "by|from|with|and|agencies|und|et|y|e|и|و|por|par|von";

// CJK credit cues around an unspaced name: "据新华社报道", "연합뉴스에 따르면".
constexpr std::string_view kUnspacedBefore[] = {"\xE6\x8D\xAE", "\xE6\x93\x9A",
                                                "\xE6\x8F\xB4\xE5\xBC\x95"};  // 据 據 援引
constexpr std::string_view kUnspacedAfter[] = {
    "\xE6\x8A\xA5\xE9\x81\x93",                          // 报道
    "\xE5\xA0\xB1\xE9\x81\x93",                          // 報道
    "\xE6\xB6\x88\xE6\x81\xAF",                          // 消息
    "\xE3\x81\xAB\xE3\x82\x88\xE3\x82\x8B\xE3\x81\xA8",  // によると
    "\xE3\x81\xAE\xE5\xA0\xB1\xE9\x81\x93",              // の報道
    "\xEC\x97\x90 \xEB\x94\xB0\xEB\xA5\xB4\xEB\xA9\xB4", // 에 따르면
    " \xEB\xB3\xB4\xEB\x8F\x84",                         //  보도
};

using Phrase = std::vector<std::string>;

struct Vocabulary {
  std::vector<Phrase> cues_before, cues_after, said_after;
  std::unordered_set<std::string> fillers, agency_words, source_labels, image_words, line_words;
};

template <typename F>
void for_each_part(std::string_view list, F&& f) {
  size_t start = 0;
  while (start < list.size()) {
    size_t bar = list.find('|', start);
    if (bar == std::string_view::npos) bar = list.size();
    if (bar > start) f(list.substr(start, bar - start));
    start = bar + 1;
  }
}

std::vector<Phrase> phrases(std::string_view list) {
  std::vector<Phrase> out;
  for_each_part(list, [&](std::string_view p) {
    Phrase words;
    for (Word& w : split_words(p)) words.push_back(std::move(w.lower));
    if (!words.empty()) out.push_back(std::move(words));
  });
  // Longest first: "según informó" before "según".
  std::stable_sort(out.begin(), out.end(),
                   [](const Phrase& a, const Phrase& b) { return a.size() > b.size(); });
  return out;
}

std::unordered_set<std::string> word_set(std::string_view list) {
  std::unordered_set<std::string> out;
  for (const Phrase& p : phrases(list)) {
    for (const std::string& w : p) out.insert(w);
  }
  return out;
}

const Vocabulary& vocabulary() {
  static const Vocabulary v{phrases(kCuesBefore),     phrases(kCuesAfter),
                            phrases(kSaidAfter),      word_set(kFillers),
                            word_set(kAgencyWords),   word_set(kSourceLabels),
                            word_set(kImageWords),    word_set(kLineWords)};
  return v;
}

// `word` is in `set`, also after an Arabic one-letter prefix ("لوكالة").
bool in_set(const std::unordered_set<std::string>& set, const std::string& word) {
  if (set.count(word) > 0) return true;
  if (word.size() >= 6 && static_cast<unsigned char>(word[0]) >= 0xD8 &&
      static_cast<unsigned char>(word[0]) <= 0xD9) {
    return set.count(word.substr(2)) > 0;
  }
  return false;
}

bool phrase_at(const std::vector<Word>& words, size_t i, const Phrase& p) {
  if (i + p.size() > words.size()) return false;
  for (size_t k = 0; k < p.size(); ++k) {
    if (words[i + k].lower != p[k]) return false;
  }
  return true;
}

// The length of the dash at s[i] ("-", "--", "–", "—", "―"), or 0.
size_t dash_length(std::string_view s, size_t i) {
  if (i >= s.size()) return 0;
  if (s[i] == '-') return (i + 1 < s.size() && s[i + 1] == '-') ? 2 : 1;
  if (i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xE2 &&
      static_cast<unsigned char>(s[i + 1]) == 0x80) {
    const auto c = static_cast<unsigned char>(s[i + 2]);
    if (c >= 0x93 && c <= 0x95) return 3;
  }
  return 0;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string_view rtrim(std::string_view s) {
  const std::string_view t = trim(s);
  return t.empty() ? t : s.substr(0, static_cast<size_t>(t.data() - s.data()) + t.size());
}

std::string_view ltrim(std::string_view s) {
  const std::string_view t = trim(s);
  return t.empty() ? t : s.substr(static_cast<size_t>(t.data() - s.data()));
}

// `s` cut to at most `n` bytes at a character boundary.
std::string_view cut_utf8(std::string_view s, size_t n) {
  if (s.size() <= n) return s;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n);
}

class Credits {
 public:
  void add(std::string_view text, const Agency* agency, const char* kind) {
    std::string t = collapse_whitespace(cut_utf8(text, kTextMax));
    if (t.empty() || links_.size() >= kMaxCredits) return;
    for (const SourceLink& l : links_) {
      if (agency != nullptr ? l.agency == agency->name : (l.agency.empty() && l.text == t)) return;
    }
    links_.push_back(SourceLink{"", std::move(t), kind,
                                agency != nullptr ? std::string(agency->name) : std::string()});
  }
  std::vector<SourceLink> take() { return std::move(links_); }

 private:
  std::vector<SourceLink> links_;
};

// The agencies `text` names when it names nothing else: "AFP",
// "Reuters/AP", "By The Associated Press", "AFP and Reuters".
std::vector<const Agency*> agency_only(std::string_view text) {
  std::vector<const Agency*> found;
  if (text.size() > 100) return found;
  const std::vector<Word> words = split_words(text, 12);
  if (words.size() > 10) return found;
  const Vocabulary& v = vocabulary();
  for (size_t i = 0; i < words.size();) {
    if (const AgencyMatch m = agency_at(text, words, i); m.agency != nullptr) {
      found.push_back(m.agency);
      i += m.count;
    } else if (v.line_words.count(words[i].lower) > 0 || v.fillers.count(words[i].lower) > 0) {
      ++i;
    } else {
      return {};
    }
  }
  return found;
}

// "TEHRAN (IRNA) —", "PARIS, Nov 1 (Reuters) -", "MOSCOW, November 1. /TASS/.",
// "МОСКВА, 1 ноя — РИА Новости.", "New Delhi, Nov 1 (PTI) The ...": a short
// place and date, the agency in brackets or after a comma or a dash, a dash,
// a colon or a full stop, then the story.
bool find_wire_dateline(std::string_view paragraph, Credits& out) {
  const std::string_view head = cut_utf8(paragraph, 240);
  const std::vector<Word> words = split_words(head, 24);
  for (size_t j = 0; j < words.size() && j <= 8; ++j) {
    const AgencyMatch m = agency_at(head, words, j);
    if (m.agency == nullptr) continue;
    const size_t name_end = words[j + m.count - 1].end;
    std::string_view before = rtrim(head.substr(0, words[j].begin));
    enum class Open { kNone, kParen, kSlash, kComma, kDash } open = Open::kNone;
    if (before.empty()) {
      open = Open::kNone;
    } else if (before.back() == '(' || ends_with(before, "\xEF\xBC\x88")) {  // ( （
      open = Open::kParen;
      before.remove_suffix(before.back() == '(' ? 1 : 3);
    } else if (before.back() == '/') {
      open = Open::kSlash;
      before.remove_suffix(1);
    } else if (before.back() == ',' || before.back() == '=') {
      open = Open::kComma;
      before.remove_suffix(1);
    } else if (before.back() == '-' || ends_with(before, "\xE2\x80\x93") ||
               ends_with(before, "\xE2\x80\x94")) {
      open = Open::kDash;
      before.remove_suffix(before.back() == '-' ? 1 : 3);
    } else {
      continue;
    }
    const std::string_view prefix = trim(before);
    if (!prefix.empty()) {
      // A place and a date: "TEHRAN", "PARIS, Nov 1", "МОСКВА, 1 ноя".
      const char c = prefix[0];
      if ((c >= 'a' && c <= 'z') || prefix.find_first_of("()") != std::string_view::npos) continue;
    } else if (open == Open::kComma || open == Open::kDash) {
      continue;
    }
    std::string_view after = head.substr(name_end);
    size_t end = name_end;  // where the dateline's text stops
    std::vector<const Agency*> others;  // "(AP/Reuters)"
    if (open == Open::kParen) {
      const size_t close = after.find_first_of(")");
      const size_t wide = after.find("\xEF\xBC\x89");  // ）
      const size_t at = std::min(close, wide);
      if (at == std::string_view::npos || at > 40) continue;
      const std::string_view inner = trim(after.substr(0, at));
      if (!inner.empty() && (others = agency_only(inner)).empty()) continue;  // "(AP Photo/...)"
      end += at + (at == close ? 1 : 3);
    } else if (open == Open::kSlash) {
      if (after.empty() || after[0] != '/') continue;
      end += 1;
    }
    // What follows: a dash, a colon or a full stop ("(EFE).-", "/TASS/."),
    // then the story. After "Tehran, IRNA" only a dash or a colon will do.
    const std::string_view rest = head.substr(end);
    size_t skip = rest.size() - ltrim(rest).size();
    bool closed = false;
    const bool bracketed = open == Open::kParen || open == Open::kSlash;
    if (skip < rest.size() && rest[skip] == '.' && (bracketed || open == Open::kDash)) {
      ++skip;
      closed = true;
    }
    if (size_t d = dash_length(rest, skip); d > 0) {
      skip += d;
      closed = true;
    } else if (skip < rest.size() && (rest[skip] == ':' || (rest[skip] == ',' && bracketed))) {
      skip += 1;
      closed = true;
    }
    if (!closed) {
      // "New Delhi, Nov 1 (PTI) The ..." : a place and a date, then the story.
      if (open != Open::kParen || prefix.find(',') == std::string_view::npos || j > 6) continue;
      skip = 0;
    }
    if (trim(paragraph.substr(end + skip)).empty()) continue;  // no story after it
    out.add(head.substr(0, end + skip), m.agency, "dateline");
    for (const Agency* a : others) out.add(head.substr(0, end + skip), a, "dateline");
    return true;
  }
  return false;
}

// "新华社北京11月1日电", "(서울=연합뉴스)": names in unspaced scripts.
bool find_unspaced_dateline(std::string_view paragraph, Credits& out) {
  const std::string_view start = cut_utf8(paragraph, 120);
  if (start.empty()) return false;
  for (const UnspacedName& n : unspaced_agency_names()) {
    const size_t pos = start.find(n.spelling);
    if (pos == std::string_view::npos || pos > 12) continue;
    const std::string_view after = start.substr(pos + n.spelling.size());
    const size_t wire = std::min(after.find("\xE7\x94\xB5"), after.find("\xE9\x9B\xBB"));  // 电 電
    if (pos <= 3 && wire != std::string_view::npos && wire <= 48) {
      out.add(start.substr(0, pos + n.spelling.size() + wire + 3), n.agency, "dateline");
      return true;
    }
    const bool opened = start[0] == '(' || start.compare(0, 3, "\xEF\xBC\x88") == 0 ||
                        start.compare(0, 3, "\xE3\x80\x90") == 0;  // ( （ 【
    if (opened && !after.empty()) {
      size_t close = 0;
      if (after[0] == ')') close = 1;
      else if (after.compare(0, 3, "\xEF\xBC\x89") == 0 || after.compare(0, 3, "\xE3\x80\x91") == 0) close = 3;
      if (close > 0) {
        out.add(start.substr(0, pos + n.spelling.size() + close), n.agency, "dateline");
        return true;
      }
    }
  }
  return false;
}

// "LONDON (CNN) —": a wire-style dateline naming an outlet the table does
// not know; the place in capitals, the name in parentheses, then a dash.
bool find_outlet_dateline(std::string_view paragraph, Credits& out) {
  const std::string_view head = cut_utf8(paragraph, 240);
  const size_t open = head.find('(');
  if (open == std::string_view::npos || open < 3 || open > 60) return false;
  const std::string_view place = trim(head.substr(0, open));
  const size_t place_end = place.find(',');
  const std::string_view city = place.substr(0, place_end);
  size_t capitals = 0;
  for (char c : city) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++capitals;
    else if (c != ' ' && c != '.' && c != '-') return false;
  }
  if (capitals < 3 || word_count(place) > 6) return false;
  const size_t close = head.find(')', open);
  if (close == std::string_view::npos || close - open > 30) return false;
  const std::string_view inner = trim(head.substr(open + 1, close - open - 1));
  if (inner.empty() || inner[0] < 'A' || inner[0] > 'Z' || word_count(inner) > 3) return false;
  const std::string_view rest = head.substr(close + 1);
  const std::string_view lead = ltrim(rest);
  const size_t d = dash_length(lead, 0);
  if (d == 0) return false;
  out.add(head.substr(0, close + 1 + (rest.size() - lead.size()) + d), nullptr, "dateline");
  return true;
}

// "Source: X", "Reporting by ...; Editing by ...", "© AFP 2023".
void find_credit_line(std::string_view line, Credits& out) {
  line = trim(line);
  if (line.empty() || line.size() > kMaxLine) return;
  const Vocabulary& v = vocabulary();
  const std::string_view s = skip_leading_marks(line);
  const std::vector<Word> words = split_words(s, 48);
  if (words.empty() || words.size() > 40) return;
  auto agencies_in = [&](size_t from) {
    std::vector<const Agency*> found;
    for (size_t i = from; i < words.size(); ++i) {
      if (const AgencyMatch m = agency_at(s, words, i); m.agency != nullptr) {
        found.push_back(m.agency);
        i += m.count - 1;
      }
    }
    return found;
  };
  // "Source: X", "Fuente: X", "المصدر: X".
  if (words[0].begin == 0 && words.size() >= 2 && words.size() <= 25 &&
      v.source_labels.count(words[0].lower) > 0) {
    const std::string_view after = ltrim(s.substr(words[0].end));
    const bool colon = !after.empty() && (after[0] == ':' || after.compare(0, 3, "\xEF\xBC\x9A") == 0);
    if ((colon || dash_length(after, 0) > 0) && words.size() - 1 <= 12) {
      for (size_t i = 1; i < words.size(); ++i) {
        if (v.image_words.count(words[i].lower) > 0) return;
      }
      const std::vector<const Agency*> found = agencies_in(1);
      // A name, not a headline: "Sources: Sox May Not Be Out Of Teixeira
      // Chase" reports what unnamed sources say.
      const std::string& label = words[0].lower;
      const bool plural = label == "sources" || label == "fuentes" || label == "quellen" ||
                          label == "fontes" || label == "источники";
      if (found.empty() && (plural || words.size() - 1 > 6)) return;
      if (found.empty()) out.add(line, nullptr, "credit");
      for (const Agency* a : found) out.add(line, a, "credit");
      return;
    }
  }
  // Reuters' tagline.
  if ((starts_with_ci(s, "reporting by") || starts_with_ci(s, "additional reporting by")) &&
      (contains_ci(s, "editing by") || contains_ci(s, "writing by"))) {
    out.add(line, agency_named("Reuters"), "credit");
    return;
  }
  // Copyright lines naming an agency.
  if (words.size() <= 30 && (starts_with_ci(line, "copyright") || starts_with_ci(line, "(c)") ||
                             line.find("\xC2\xA9") != std::string_view::npos)) {
    for (const Agency* a : agencies_in(0)) out.add(line, a, "credit");
  }
}

// "... said. (AFP)", "... on Friday. — Reuters", "... into the US. PTI".
void find_tail(std::string_view paragraph, Credits& out) {
  std::string_view p = rtrim(paragraph);
  while (!p.empty() && p.back() == '.') p.remove_suffix(1);
  if (p.size() < 8) return;
  const size_t window = p.size() > 80 ? p.size() - 80 : 0;
  auto credit_tail = [&](size_t from, size_t name_from) {
    const std::vector<const Agency*> found = agency_only(p.substr(name_from));
    for (const Agency* a : found) out.add(p.substr(from), a, "credit");
    return !found.empty();
  };
  if (p.back() == ')') {
    const size_t open = p.rfind('(');
    if (open != std::string_view::npos && open >= window && open > 0) {
      const std::string_view inner = p.substr(open + 1, p.size() - open - 2);
      for (const Agency* a : agency_only(inner)) out.add(p.substr(open), a, "credit");
    }
    return;
  }
  for (size_t i = p.size(); i-- > window;) {
    const size_t d = dash_length(p, i);
    if (d == 0 || (d == 1 && (i == 0 || p[i - 1] != ' '))) continue;
    if (i > 0 && p[i - 1] == '-') continue;  // the second half of "--"
    if (trim(p.substr(0, i)).empty()) return;
    if (credit_tail(i, i + d)) return;
    break;
  }
  // The last words after the last sentence: "... the US. PTI".
  const size_t tail = p.size() > 40 ? p.size() - 40 : 0;
  for (size_t i = p.size(); i-- > tail + 1;) {
    if (p[i] != ' ') continue;
    const char end = p[i - 1];
    if (end != '.' && end != '!' && end != '?' && end != '"') continue;
    if (word_count(p.substr(i)) <= 3) credit_tail(i + 1, i + 1);
    return;
  }
}

// Cue phrases around each agency named in the paragraph.
void find_phrases(std::string_view text, Credits& out) {
  const Vocabulary& v = vocabulary();
  const std::vector<Word> words = split_words(text);
  for (size_t i = 0; i < words.size(); ++i) {
    const AgencyMatch m = agency_at(text, words, i);
    if (m.agency == nullptr) continue;
    const size_t name_end = i + m.count;
    bool agency_word = false, found = false;
    // Back over up to four fillers, trying a cue before each.
    for (size_t b = i; !found; --b) {
      for (const Phrase& cue : v.cues_before) {
        if (b >= cue.size() && phrase_at(words, b - cue.size(), cue)) {
          const size_t from = words[b - cue.size()].begin;
          out.add(text.substr(from, words[name_end - 1].end - from), m.agency, "credit");
          found = true;
          break;
        }
      }
      if (found || b == 0 || i - b >= 4 || !in_set(v.fillers, words[b - 1].lower)) break;
      agency_word |= in_set(v.agency_words, words[b - 1].lower);
    }
    // Forward over up to three fillers, trying a cue after each.
    for (size_t e = name_end; !found && e <= words.size(); ++e) {
      for (const Phrase& cue : v.cues_after) {
        if (phrase_at(words, e, cue)) {
          found = true;
        }
      }
      if (!found && agency_word) {
        for (const Phrase& cue : v.said_after) found = found || phrase_at(words, e, cue);
      }
      if (found) {
        // The cue's own length: the longest phrase that matched.
        size_t len = 1;
        for (const Phrase& cue : v.cues_after) {
          if (phrase_at(words, e, cue)) len = std::max(len, cue.size());
        }
        const size_t to = std::min(e + len, words.size()) - 1;
        out.add(text.substr(words[i].begin, words[to].end - words[i].begin), m.agency, "credit");
        break;
      }
      if (e == words.size() || e - name_end >= 3 || !in_set(v.fillers, words[e].lower)) break;
      agency_word |= in_set(v.agency_words, words[e].lower);
    }
    i = name_end - 1;
  }
  // Unspaced names: a cue just before or just after.
  for (const UnspacedName& n : unspaced_agency_names()) {
    for (size_t pos = text.find(n.spelling); pos != std::string_view::npos;
         pos = text.find(n.spelling, pos + n.spelling.size())) {
      const std::string_view before = text.substr(0, pos);
      const std::string_view after = text.substr(pos + n.spelling.size());
      for (std::string_view cue : kUnspacedBefore) {
        if (ends_with(before, cue)) out.add(text.substr(pos - cue.size(), cue.size() + n.spelling.size()), n.agency, "credit");
      }
      for (std::string_view cue : kUnspacedAfter) {
        if (after.compare(0, cue.size(), cue) == 0) out.add(text.substr(pos, n.spelling.size() + cue.size()), n.agency, "credit");
      }
    }
  }
}

}  // namespace

std::vector<SourceLink> find_text_credits(const std::vector<std::string>& paragraphs,
                                          const std::vector<std::string>& lines) {
  Credits out;
  size_t budget = kScanBudget;
  for (size_t k = 0; k < paragraphs.size() && budget > 0; ++k) {
    const std::string_view p = cut_utf8(paragraphs[k], std::min(kParagraphScan, budget));
    budget -= p.size();
    if (k < kDatelineParagraphs) {
      find_wire_dateline(p, out) || find_unspaced_dateline(p, out) ||
          find_outlet_dateline(p, out);
    }
    if (p.size() <= kMaxLine) {
      find_credit_line(p, out);
      for (const Agency* a : agency_only(skip_leading_marks(p))) out.add(p, a, "credit");
    }
    find_tail(p, out);
    find_phrases(p, out);
  }
  for (size_t k = 0; k < lines.size() && budget > 0; ++k) {
    const std::string_view l = cut_utf8(lines[k], std::min(kMaxLine + 1, budget));
    budget -= l.size();
    find_credit_line(l, out);
    // "The Associated Press contributed to this report." is a credit the
    // body text leaves out (a line about the reporting, not the story);
    // other phrases in left-out blocks (teasers: "... told Reuters") are not.
    if (l.find("contributed") != std::string_view::npos) find_phrases(l, out);
  }
  return out.take();
}

}  // namespace tidings::extract_detail
