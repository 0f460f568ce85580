// NER corpora, label mappings and conlleval scoring (ner_eval.h).
#include "eval/ner_eval.h"

#include <zlib.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <map>
#include <set>

#include "facts/ner_features.h"
#include "facts/segment.h"

namespace tidings::eval {
namespace {

using facts::NerKind;

// cp1252's 0x80..0x9F (0 = undefined, kept as U+FFFD); the rest is Latin-1.
constexpr uint16_t kCp1252[32] = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};

std::string cp1252_to_utf8(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  for (unsigned char c : in) {
    uint32_t cp = c;
    if (c >= 0x80 && c < 0xA0) cp = kCp1252[c - 0x80] ? kCp1252[c - 0x80] : 0xFFFD;
    if (cp < 0x80) {
      out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
  }
  return out;
}

// One CSV record's fields (RFC 4180 quoting); false on an unclosed quote.
bool csv_fields(std::string_view line, std::vector<std::string>& fields) {
  fields.assign(1, "");
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        fields.back().push_back('"');
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        fields.back().push_back(c);
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else if (c != '\r') {
      fields.back().push_back(c);
    }
  }
  return !quoted;
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    out.push_back(line);
    start = end + 1;
  }
  return out;
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return out;
}

// Titles and offices that GMB keeps inside a person's span ("President
// Vladimir Putin", "Foreign Minister Sergei Lavrov", "Mr. Bush").
const std::set<std::string>& title_words() {
  static const std::set<std::string> words = {
      "mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr", "prof.", "professor", "president",
      "vice", "prime", "minister", "foreign", "defense", "defence", "interior", "finance",
      "secretary", "general", "gen.", "lt.", "col.", "maj.", "capt.", "sgt.", "adm.", "sen.",
      "rep.", "gov.", "senator", "governor", "representative", "congressman", "congresswoman",
      "king", "queen", "prince", "princess", "pope", "cardinal", "archbishop", "bishop", "rev.",
      "reverend", "sheikh", "ayatollah", "chancellor", "premier", "chairman", "chairwoman",
      "chief", "commander", "ambassador", "envoy", "spokesman", "spokeswoman", "judge", "mayor",
      "lieutenant", "colonel", "major", "captain", "sergeant", "admiral", "deputy", "acting",
      "former", "sir", "lord", "emperor", "crown", "grand", "ayatollah", "mullah", "cleric",
      "imam", "rabbi", "father", "sister", "brother", "lady", "first", "state", "of", "justice",
      "attorney", "u.n.", "u.s.", "opposition", "leader", "senior", "top", "army", "military",
      "police", "labor", "trade", "energy", "oil", "health", "education", "agriculture",
      "economy", "information", "security", "national", "director", "ex-president", "chairperson"};
  return words;
}

NerKind gmb_kind(std::string_view type, std::string_view pos, bool* keep) {
  *keep = true;
  if (type == "per") return NerKind::kPer;
  if (type == "org") return NerKind::kOrg;
  if (type == "geo") return NerKind::kLoc;
  if (type == "gpe") return pos.substr(0, 3) == "NNP" && pos != "NNPS" ? NerKind::kLoc : NerKind::kNorp;
  if (type == "art" || type == "eve" || type == "nat") return NerKind::kMisc;
  *keep = false;
  return NerKind::kMisc;
}

bool parse_kind(std::string_view type, NerKind* kind) {
  if (type == "PER") *kind = NerKind::kPer;
  else if (type == "ORG") *kind = NerKind::kOrg;
  else if (type == "LOC") *kind = NerKind::kLoc;
  else if (type == "MISC") *kind = NerKind::kMisc;
  else if (type == "NORP") *kind = NerKind::kNorp;    // re3d's Nationality
  else if (type == "TITLE") *kind = NerKind::kTitle;  // re3d: a person's leading title
  else return false;
  return true;
}

// Labels "X-type" as (prefix, type); "O" as ('O', "").
std::pair<char, std::string_view> split_label(std::string_view label) {
  if (label.size() >= 3 && label[1] == '-') return {label[0], label.substr(2)};
  return {'O', {}};
}

// Spans of (prefix, kind-or-none) labels, conlleval's chunking: an I- after
// O or after another type starts a span.
struct LabelSpan {
  uint32_t first, count;
  std::string type;
};
std::vector<LabelSpan> label_spans(const std::vector<std::string>& labels) {
  std::vector<LabelSpan> out;
  for (uint32_t i = 0; i < labels.size(); ++i) {
    const auto [prefix, type] = split_label(labels[i]);
    if (prefix == 'O') continue;
    const bool continues = prefix == 'I' && !out.empty() && out.back().type == type &&
                           out.back().first + out.back().count == i;
    if (continues) ++out.back().count;
    else out.push_back({i, 1, std::string(type)});
  }
  return out;
}

}  // namespace

const char* ner_corpus_name(NerCorpus corpus) {
  switch (corpus) {
    case NerCorpus::kGmb: return "gmb";
    case NerCorpus::kWikigold: return "wikigold";
    case NerCorpus::kUner: return "uner";
    case NerCorpus::kRe3d: return "re3d";
  }
  return "?";
}

Result<std::string> read_gzip_file(const std::string& path, size_t max_bytes) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (!f) return fail(ErrorCode::kNotFound, "cannot open " + path);
  std::string out;
  char buf[1 << 16];
  int n;
  while ((n = gzread(f, buf, sizeof buf)) > 0) {
    out.append(buf, static_cast<size_t>(n));
    if (out.size() > max_bytes) {
      gzclose(f);
      return fail(ErrorCode::kTooLarge, path + ": more than " + std::to_string(max_bytes) + " bytes");
    }
  }
  const bool error = n < 0;
  gzclose(f);
  if (error) return fail(ErrorCode::kInvalidInput, path + ": not a readable gzip file");
  return out;
}

Result<std::vector<NerGoldSentence>> read_gmb(std::string_view csv) {
  const std::string text = cp1252_to_utf8(csv);
  std::vector<NerGoldSentence> out;
  std::vector<std::string> fields;
  const auto lines = split_lines(text);
  for (size_t n = 1; n < lines.size(); ++n) {  // line 0 is the header
    if (lines[n].empty()) continue;
    if (!csv_fields(lines[n], fields) || fields.size() != 4)
      return fail(ErrorCode::kInvalidInput, "gmb line " + std::to_string(n + 1) + ": not 4 fields");
    if (!fields[0].empty()) {
      NerGoldSentence s;
      s.number = static_cast<uint32_t>(std::strtoul(fields[0].c_str() + std::min<size_t>(fields[0].size(), 10), nullptr, 10));
      s.document = static_cast<uint32_t>(out.size());
      out.push_back(std::move(s));
    }
    if (out.empty()) return fail(ErrorCode::kInvalidInput, "gmb: a word before the first sentence");
    out.back().words.push_back(fields[1]);
    out.back().pos.push_back(fields[2]);
    out.back().labels.push_back(fields[3]);
  }
  return out;
}

namespace {

// Gathers the sentences of a one-word-per-line corpus: words and labels in
// order, a blank line ending a sentence, a document marker ending it too.
struct SentenceCollector {
  std::vector<NerGoldSentence> out;
  NerGoldSentence current;
  uint32_t document = 0;

  void end_sentence() {
    if (!current.words.empty()) {
      current.document = document;
      out.push_back(std::move(current));
    }
    current = {};
  }
  void new_document() {
    end_sentence();
    ++document;
  }
  void add(std::string_view word, std::string_view label) {
    current.words.emplace_back(word);
    current.labels.emplace_back(label);
  }
  std::vector<NerGoldSentence> finish() {
    end_sentence();
    return std::move(out);
  }
};

}  // namespace

Result<std::vector<NerGoldSentence>> read_wikigold(std::string_view text) {
  SentenceCollector c;
  for (std::string_view line : split_lines(text)) {
    if (line.empty()) {
      c.end_sentence();
      continue;
    }
    const size_t space = line.rfind(' ');
    if (space == std::string_view::npos) return fail(ErrorCode::kInvalidInput, "wikigold: a line without a tag");
    const std::string_view word = line.substr(0, space), label = line.substr(space + 1);
    if (word == "-DOCSTART-") {
      c.new_document();
      continue;
    }
    c.add(word, label);
  }
  return c.finish();
}

Result<std::vector<NerGoldSentence>> read_uner(std::string_view text) {
  SentenceCollector c;
  for (std::string_view line : split_lines(text)) {
    if (line.empty()) {
      c.end_sentence();
      continue;
    }
    if (line[0] == '#') {
      if (line.rfind("# newdoc", 0) == 0) c.new_document();
      continue;
    }
    std::vector<std::string_view> cols;
    for (size_t start = 0;;) {
      const size_t tab = line.find('\t', start);
      cols.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    if (cols.size() < 3) return fail(ErrorCode::kInvalidInput, "uner: fewer than 3 columns");
    c.add(cols[1], cols[2]);
  }
  return c.finish();
}

namespace {

// Words a proper name may hold in lower case, inside it ("Bank of England",
// "Haider al-Abadi"); a person's name only the particles.
const std::set<std::string>& name_connectors() {
  // A possessive inside stays ("DFAT's Middle East Branch"): leaving such
  // mentions out (CoNLL's convention) gave UNER CV 0.648 against 0.654.
  static const std::set<std::string> words = {"of", "for", "and", "the", "on", "in", "de", "du", "la", "le",
                                              "al", "el", "bin", "ibn", "van", "von", "der", "da", "&", "-",
                                              "'s", "\xE2\x80\x99s", "'", "."};
  return words;
}
const std::set<std::string>& name_particles() {
  static const std::set<std::string> words = {"al", "el", "bin", "ibn", "de", "van", "von", "der", "da", "-", "."};
  return words;
}

bool has_capital(std::string_view word) {
  const facts::ner::Case c = facts::ner::word_case(word);
  return c == facts::ner::Case::kCapitalised || c == facts::ner::Case::kAllCaps || c == facts::ner::Case::kMixed ||
         (c == facts::ner::Case::kNone && !word.empty() && word[0] >= '0' && word[0] <= '9');
}

struct Re3dMention {
  size_t begin, end;  // code points
  std::string type;
};

// One document: its sentences with labels, or none for a rejected sentence.
void re3d_document(const std::string& text, std::vector<Re3dMention> mentions, uint32_t document,
                   std::vector<NerGoldSentence>& out) {
  const facts::Segmented seg = facts::segment(text);
  // Code point index -> byte offset.
  std::vector<uint32_t> byte_of;
  for (uint32_t i = 0; i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) byte_of.push_back(i);
  byte_of.push_back(static_cast<uint32_t>(text.size()));
  std::vector<int> token_of_start(text.size() + 1, -1), token_of_end(text.size() + 1, -1);
  for (size_t t = 0; t < seg.tokens.size(); ++t) {
    token_of_start[seg.tokens[t].start] = static_cast<int>(t);
    token_of_end[seg.tokens[t].end] = static_cast<int>(t);
  }
  std::vector<int> sentence_of(seg.tokens.size());
  for (size_t s = 0; s < seg.sentences.size(); ++s)
    for (uint32_t i = 0; i < seg.sentences[s].token_count; ++i) sentence_of[seg.sentences[s].first_token + i] = int(s);
  std::vector<std::string> labels(seg.tokens.size(), "O");
  std::vector<bool> rejected(seg.sentences.size(), false);
  std::vector<bool> taken(seg.tokens.size(), false);
  // Longest mention first; nationalities first so that a person's leading
  // "Iraqi" can be told from the name.
  std::stable_sort(mentions.begin(), mentions.end(), [](const Re3dMention& a, const Re3dMention& b) {
    return a.end - a.begin > b.end - b.begin;
  });
  std::vector<bool> nationality(seg.tokens.size(), false);
  for (const auto& m : mentions) {
    if (m.type != "Nationality" || m.end >= byte_of.size()) continue;
    const int a = token_of_start[byte_of[m.begin]], b = token_of_end[byte_of[m.end]];
    if (a >= 0 && b >= a)
      for (int t = a; t <= b; ++t) nationality[t] = true;
  }
  static const std::set<std::string> articles = {"the", "a", "an"};
  static const std::set<std::string> pronouns = {"i", "we", "he", "she", "they", "it", "us", "you", "me", "him", "her", "them"};
  for (const auto& m : mentions) {
    std::string kind;
    if (m.type == "Person") kind = "PER";
    else if (m.type == "Organisation") kind = "ORG";
    else if (m.type == "Location") kind = "LOC";
    else if (m.type == "Nationality") kind = "NORP";
    else continue;
    if (m.begin >= m.end || m.end >= byte_of.size()) continue;
    int a = token_of_start[byte_of[m.begin]], b = token_of_end[byte_of[m.end]];
    if (a < 0 || b < a || sentence_of[a] != sentence_of[b]) continue;  // not on token edges
    auto word = [&](int t) { return std::string(seg.token_text(t)); };
    while (a < b && articles.count(lower_ascii(word(a)))) ++a;
    while (b > a && seg.tokens[b].possessive) --b;
    bool any_capital = false, name = true;
    for (int t = a; t <= b; ++t) any_capital = any_capital || has_capital(word(t));
    if (!any_capital || (a == b && pronouns.count(lower_ascii(word(a))))) continue;  // a nominal or a pronoun
    bool free = true;
    for (int t = a; t <= b; ++t) free = free && !taken[t];
    if (!free) continue;  // inside a longer mention kept already
    int first = a;
    if (kind == "PER") {
      while (first < b && nationality[first]) ++first;
      while (first < b && title_words().count(lower_ascii(word(first)))) ++first;
    }
    for (int t = first; t <= b; ++t) {
      const std::string w = lower_ascii(word(t));
      const bool ok = has_capital(word(t)) ||
                      (t != first && t != b && (kind == "PER" ? name_particles() : name_connectors()).count(w));
      name = name && ok;
    }
    if (!name) {
      rejected[sentence_of[a]] = true;
      continue;
    }
    for (int t = a; t <= b; ++t) taken[t] = true;
    int t = a;
    if (kind == "PER") {  // GMB's convention: "Iraqi President" NORP, TITLE
      for (bool begin = true; t < first && nationality[t]; ++t, begin = false) labels[t] = begin ? "B-NORP" : "I-NORP";
      for (bool begin = true; t < first; ++t, begin = false) labels[t] = begin ? "B-TITLE" : "I-TITLE";
    }
    for (bool begin = true; t <= b; ++t, begin = false) labels[t] = (begin ? "B-" : "I-") + kind;
  }
  for (size_t s = 0; s < seg.sentences.size(); ++s) {
    if (rejected[s] || seg.sentences[s].token_count == 0) continue;
    NerGoldSentence g;
    g.document = document;
    for (uint32_t i = 0; i < seg.sentences[s].token_count; ++i) {
      const uint32_t t = seg.sentences[s].first_token + i;
      g.words.emplace_back(seg.token_text(t));
      g.labels.push_back(labels[t]);
    }
    out.push_back(std::move(g));
  }
}

}  // namespace

Result<std::vector<NerGoldSentence>> read_re3d(const std::string& dir) {
  constexpr size_t kMaxBytes = 64u << 20;
  static const char* kSources[] = {"Australian_Department_of_Foreign_Affairs", "CENTCOM", "UK_Government",
                                   "US_State_Department", "Wikipedia"};
  auto read_lines = [&](const std::string& path) -> Result<std::vector<nlohmann::json>> {
    std::ifstream in(path, std::ios::binary);
    if (!in) return fail(ErrorCode::kNotFound, "cannot open " + path);
    std::vector<nlohmann::json> out;
    std::string line;
    size_t bytes = 0;
    while (std::getline(in, line)) {
      bytes += line.size();
      if (bytes > kMaxBytes) return fail(ErrorCode::kTooLarge, path + ": too large");
      if (line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      auto j = nlohmann::json::parse(line, nullptr, false);
      if (!j.is_object()) return fail(ErrorCode::kInvalidInput, path + ": a line that is not a JSON object");
      out.push_back(std::move(j));
    }
    return out;
  };
  std::vector<NerGoldSentence> out;
  uint32_t document = 0;
  for (const char* source : kSources) {
    const std::string folder = dir + "/" + source;
    auto documents = read_lines(folder + "/documents.json");
    if (!documents) return tl::unexpected(documents.error());
    auto entities = read_lines(folder + "/entities.json");
    if (!entities) return tl::unexpected(entities.error());
    std::map<std::string, std::vector<Re3dMention>> by_document;
    for (const auto& e : *entities) {
      if (!e.contains("documentId") || !e["documentId"].is_string() || !e.contains("begin") ||
          !e["begin"].is_number_unsigned() || !e.contains("end") || !e["end"].is_number_unsigned() ||
          !e.contains("type") || !e["type"].is_string())
        return fail(ErrorCode::kInvalidInput, folder + "/entities.json: an entity without documentId, begin, end, type");
      by_document[e["documentId"].get<std::string>()].push_back(
          {e["begin"].get<size_t>(), e["end"].get<size_t>(), e["type"].get<std::string>()});
    }
    for (const auto& d : *documents) {
      if (!d.contains("_id") || !d["_id"].is_string() || !d.contains("text") || !d["text"].is_string())
        return fail(ErrorCode::kInvalidInput, folder + "/documents.json: a document without _id and text");
      re3d_document(d["text"].get<std::string>(), by_document[d["_id"].get<std::string>()], document++, out);
    }
  }
  return out;
}

uint8_t unannotated_kinds(NerCorpus corpus) {
  auto bit = [](NerKind k) { return uint8_t(1u << int(k)); };
  switch (corpus) {
    case NerCorpus::kGmb: return bit(NerKind::kMisc);
    case NerCorpus::kWikigold: return bit(NerKind::kNorp) | bit(NerKind::kTitle);
    case NerCorpus::kUner: return bit(NerKind::kNorp) | bit(NerKind::kTitle) | bit(NerKind::kMisc);
    case NerCorpus::kRe3d: return bit(NerKind::kMisc);
  }
  return 0;
}

// GMB's silver labels often make a title alone a person: "Prime/B-per
// Minister/O Gordon/B-per Brown/I-per" (335 times in GMB), "Mr./B-per
// Allawi/B-org" (467 lone "Mr." in all). Trained as they are, the tagger
// learns to call "Prime" a person, which the facts pass then lists as one.
// A person span of title words only becomes a title, stretched over the
// title words after it that GMB left O; a single ORG or LOC span right
// after an honorific ("Mr.", "Mrs.", "Ms.", "Dr.") is the person it names.
// `spans` are label_spans(s.labels); returns the spans to train on, with
// "TITLE" for the titles.
std::vector<LabelSpan> gmb_title_spans(const NerGoldSentence& s, std::vector<LabelSpan> spans) {
  auto is_title = [&](uint32_t i) { return is_gmb_title_word(s.words[i]); };
  for (size_t k = 0; k < spans.size(); ++k) {
    LabelSpan& span = spans[k];
    if (span.type != "per") continue;
    bool all_title = true;
    for (uint32_t i = span.first; i < span.first + span.count && all_title; ++i) all_title = is_title(i);
    if (!all_title) continue;
    span.type = "TITLE";
    uint32_t end = span.first + span.count;
    const bool next_adjacent = k + 1 < spans.size();
    uint32_t stretched = end;
    while (stretched < s.words.size() && s.labels[stretched] == "O" && is_title(stretched)) ++stretched;
    if (next_adjacent && spans[k + 1].first == stretched && spans[k + 1].type == "per") {
      span.count = stretched - span.first;
    } else if (next_adjacent && spans[k + 1].first == end && span.count == 1 &&
               (spans[k + 1].type == "org" || spans[k + 1].type == "geo")) {
      const std::string w = lower_ascii(s.words[span.first]);
      if (w == "mr." || w == "mrs." || w == "ms." || w == "dr." || w == "mr" || w == "mrs" || w == "ms" || w == "dr") {
        spans[k + 1].type = "per";
      }
    }
  }
  return spans;
}

std::vector<uint8_t> training_tags(const NerGoldSentence& s, NerCorpus corpus) {
  std::vector<uint8_t> tags(s.words.size(), facts::kTagO);
  std::vector<LabelSpan> spans = label_spans(s.labels);
  if (corpus == NerCorpus::kGmb) spans = gmb_title_spans(s, std::move(spans));
  for (const LabelSpan& span : spans) {
    NerKind kind;
    uint32_t first = span.first, count = span.count;
    if (corpus == NerCorpus::kGmb && span.type == "TITLE") {
      kind = NerKind::kTitle;
    } else if (corpus == NerCorpus::kGmb) {
      bool keep;
      kind = gmb_kind(span.type, s.pos[first], &keep);
      if (!keep) continue;
      if (kind == NerKind::kPer) {
        // A leading title becomes its own span, as long as a name is left.
        uint32_t title = 0;
        while (title + 1 < count && title_words().count(lower_ascii(s.words[first + title]))) ++title;
        if (title > 0) {
          tags[first] = facts::begin_tag(NerKind::kTitle);
          for (uint32_t i = 1; i < title; ++i) tags[first + i] = facts::inside_tag(NerKind::kTitle);
          first += title;
          count -= title;
        }
      }
    } else if (!parse_kind(span.type, &kind)) {
      continue;  // UNER's OTH
    }
    tags[first] = facts::begin_tag(kind);
    for (uint32_t i = 1; i < count; ++i) tags[first + i] = facts::inside_tag(kind);
  }
  return tags;
}

std::vector<ScoredSpan> gold_spans(const NerGoldSentence& s, NerCorpus corpus) {
  std::vector<ScoredSpan> out;
  for (const LabelSpan& span : label_spans(s.labels)) {
    int type = -1;
    if (corpus == NerCorpus::kGmb) {
      if (span.type == "per") type = 0;
      else if (span.type == "org") type = 1;
      else if (span.type == "geo" || span.type == "gpe") type = 2;
    } else {
      if (span.type == "PER") type = 0;
      else if (span.type == "ORG") type = 1;
      else if (span.type == "LOC") type = 2;
    }
    if (type >= 0) out.push_back({span.first, span.count, static_cast<uint8_t>(type)});
  }
  return out;
}

std::vector<ScoredSpan> predicted_spans(const std::vector<uint8_t>& tags, NerCorpus corpus) {
  std::vector<ScoredSpan> out;
  const auto spans = facts::ner_spans(tags);
  for (size_t i = 0; i < spans.size(); ++i) {
    const auto& s = spans[i];
    int type = -1;
    switch (s.kind) {
      case NerKind::kPer: type = 0; break;
      case NerKind::kOrg: type = 1; break;
      case NerKind::kLoc: type = 2; break;
      case NerKind::kNorp: type = corpus == NerCorpus::kGmb ? 2 : -1; break;
      case NerKind::kTitle:
        if (corpus == NerCorpus::kGmb && i + 1 < spans.size() && spans[i + 1].kind == NerKind::kPer &&
            spans[i + 1].first == s.first + s.count) {
          out.push_back({s.first, s.count + spans[i + 1].count, 0});
          ++i;
        }
        continue;
      case NerKind::kMisc: break;
    }
    if (type >= 0) out.push_back({s.first, s.count, static_cast<uint8_t>(type)});
  }
  return out;
}

void NerScore::add(const std::vector<ScoredSpan>& gold, const std::vector<ScoredSpan>& predicted) {
  for (const auto& g : gold) {
    ++all.gold;
    ++by_type[g.type].gold;
  }
  for (const auto& p : predicted) {
    ++all.predicted;
    ++by_type[p.type].predicted;
    if (std::find(gold.begin(), gold.end(), p) != gold.end()) {
      ++all.true_positives;
      ++by_type[p.type].true_positives;
    }
  }
}

void NerScore::merge(const NerScore& other) {
  auto add = [](Counts& a, const Counts& b) {
    a.true_positives += b.true_positives;
    a.predicted += b.predicted;
    a.gold += b.gold;
  };
  add(all, other.all);
  for (int t = 0; t < kScoredTypes; ++t) add(by_type[t], other.by_type[t]);
  sentences += other.sentences;
  tokens += other.tokens;
}

NerScore score_ner(const facts::NerModel& model, const std::vector<NerGoldSentence>& sentences,
                   NerCorpus corpus, double* seconds) {
  NerScore score;
  double spent = 0;
  for (size_t begin = 0; begin < sentences.size();) {
    size_t end = begin + 1;
    while (end < sentences.size() && sentences[end].document == sentences[begin].document) ++end;
    std::vector<facts::NerWords> words(end - begin);
    for (size_t s = begin; s < end; ++s) words[s - begin].assign(sentences[s].words.begin(), sentences[s].words.end());
    const auto start = std::chrono::steady_clock::now();
    const auto tags = model.tag_document(words);
    spent += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    for (size_t s = begin; s < end; ++s) {
      score.add(gold_spans(sentences[s], corpus), predicted_spans(tags[s - begin], corpus));
      ++score.sentences;
      score.tokens += sentences[s].words.size();
    }
    begin = end;
  }
  if (seconds) *seconds = spent;
  return score;
}

void append_training(const std::vector<NerGoldSentence>& sentences, NerCorpus corpus,
                     std::vector<facts::NerTrainSentence>& out) {
  for (const auto& s : sentences) {
    facts::NerTrainSentence t;
    t.words = s.words;
    t.tags = training_tags(s, corpus);
    t.document = s.document;
    t.corpus = static_cast<uint8_t>(corpus);
    out.push_back(std::move(t));
  }
}

std::vector<int> document_folds(const std::vector<NerGoldSentence>& sentences, int folds) {
  std::vector<int> out(sentences.size());
  int doc_index = -1;
  for (size_t i = 0; i < sentences.size(); ++i) {
    if (i == 0 || sentences[i].document != sentences[i - 1].document) ++doc_index;
    out[i] = folds > 0 ? doc_index % folds : 0;
  }
  return out;
}

namespace {

void append_sentences(std::string_view text, std::vector<std::vector<std::string>>& out) {
  const facts::Segmented s = facts::segment(text);
  for (const auto& sentence : s.sentences) {
    std::vector<std::string> words;
    for (uint32_t i = 0; i < sentence.token_count; ++i) words.emplace_back(s.token_text(sentence.first_token + i));
    if (!words.empty()) out.push_back(std::move(words));
  }
}

// ECB+ articles (JSON lines with "text") and the scrapinghub bodies (one JSON
// object of {"articleBody"}), when present.
void load_unlabelled(const std::string& dir, std::vector<std::vector<std::string>>& out) {
  constexpr size_t kMaxBytes = 64u << 20;
  if (auto ecb = read_gzip_file(dir + "/../clustering/ecbplus/ecbplus_docs.jsonl.gz", kMaxBytes)) {
    std::string_view rest = *ecb;
    while (!rest.empty()) {
      const size_t end = std::min(rest.find('\n'), rest.size());
      const auto doc = nlohmann::json::parse(rest.substr(0, end), nullptr, false);
      if (doc.is_object() && doc.contains("text") && doc["text"].is_string())
        append_sentences(doc["text"].get<std::string>(), out);
      rest.remove_prefix(std::min(end + 1, rest.size()));
    }
  }
  std::ifstream in(dir + "/../extraction/scrapinghub/ground-truth.json", std::ios::binary);
  if (!in) return;
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto truth = nlohmann::json::parse(bytes, nullptr, false);
  if (!truth.is_object()) return;
  for (const auto& [id, page] : truth.items())  // keys in sorted order
    if (page.is_object() && page.contains("articleBody") && page["articleBody"].is_string())
      append_sentences(page["articleBody"].get<std::string>(), out);
}

}  // namespace

Result<NerData> load_ner_data(const std::string& dir) {
  constexpr size_t kMaxCorpusBytes = 256u << 20;
  NerData data;
  auto gmb_bytes = read_gzip_file(dir + "/gmb/ner_dataset.csv.gz", kMaxCorpusBytes);
  if (!gmb_bytes) return tl::unexpected(gmb_bytes.error());
  auto gmb = read_gmb(*gmb_bytes);
  if (!gmb) return tl::unexpected(gmb.error());
  for (auto& s : *gmb) (s.number < kGmbFirstHeldOut ? data.gmb_train : data.gmb_heldout).push_back(std::move(s));
  auto wiki_bytes = read_gzip_file(dir + "/wikigold/wikigold.conll.txt.gz", kMaxCorpusBytes);
  if (!wiki_bytes) return tl::unexpected(wiki_bytes.error());
  auto wiki = read_wikigold(*wiki_bytes);
  if (!wiki) return tl::unexpected(wiki.error());
  data.wikigold = std::move(*wiki);
  auto uner_bytes = read_gzip_file(dir + "/uner_en_ewt/en_ewt-ud-dev.iob2.gz", kMaxCorpusBytes);
  if (!uner_bytes) return tl::unexpected(uner_bytes.error());
  auto uner = read_uner(*uner_bytes);
  if (!uner) return tl::unexpected(uner.error());
  data.uner = std::move(*uner);
  if (auto re3d = read_re3d(dir + "/re3d")) data.re3d = std::move(*re3d);
  else if (re3d.error().code != ErrorCode::kNotFound) return tl::unexpected(re3d.error());
  load_unlabelled(dir, data.unlabelled);
  return data;
}

facts::NerTrainOptions default_ner_options() {
  facts::NerTrainOptions o;
  o.corpora.resize(4);
  for (NerCorpus c : {NerCorpus::kGmb, NerCorpus::kWikigold, NerCorpus::kUner, NerCorpus::kRe3d})
    o.corpora[int(c)].unannotated = unannotated_kinds(c);
  set_gold_repeats(o, 3);
  return o;
}

void set_gold_repeats(facts::NerTrainOptions& options, int repeats) {
  options.corpora.resize(4);
  options.corpora[int(NerCorpus::kWikigold)].repeats = repeats;
  options.corpora[int(NerCorpus::kUner)].repeats = repeats;
  options.corpora[int(NerCorpus::kRe3d)].repeats = repeats;  // once per epoch: UNER CV 0.641 against 0.654
}

Result<std::shared_ptr<const facts::NerModel>> train_first_stage(const NerData& data, NerTrainingSet set,
                                                                 facts::NerTrainOptions options) {
  set.wikigold = set.uner = set.re3d = false;
  set.folds = 0;
  options.first_stage = nullptr;
  options.on_epoch = nullptr;
  auto model = train_ner_model(data, set, options);
  if (!model) return tl::unexpected(model.error());
  return std::make_shared<const facts::NerModel>(std::move(*model));
}

Result<facts::NerModel> train_ner_model(const NerData& data, const NerTrainingSet& set,
                                        const facts::NerTrainOptions& options) {
  std::vector<facts::NerTrainSentence> train;
  append_training(data.gmb_train, NerCorpus::kGmb, train);
  // Case augmentation (Mayhew, Tsygankova and Roth 2019): every Nth GMB
  // sentence (set.lower_cased_every) again in lower case, labels kept, so that the
  // capitalisation table and the words themselves, not only the case, carry
  // what makes a name ("i live in malaysia").
  if (set.lower_cased_every > 0) {
    const size_t n = train.size();
    for (size_t i = 0; i < n; i += static_cast<size_t>(set.lower_cased_every)) {
      facts::NerTrainSentence copy = train[i];
      for (auto& w : copy.words) w = lower_ascii(w);
      copy.document = static_cast<uint32_t>(n + i);
      train.push_back(std::move(copy));
    }
  }
  auto add_gold = [&](const std::vector<NerGoldSentence>& corpus, NerCorpus name) {
    if (set.folds <= 0) return append_training(corpus, name, train);
    const auto folds = document_folds(corpus, set.folds);
    std::vector<NerGoldSentence> kept;
    for (size_t i = 0; i < corpus.size(); ++i)
      if (folds[i] != set.held_out) kept.push_back(corpus[i]);
    append_training(kept, name, train);
  };
  if (set.wikigold) add_gold(data.wikigold, NerCorpus::kWikigold);
  if (set.uner) add_gold(data.uner, NerCorpus::kUner);
  if (set.re3d) append_training(data.re3d, NerCorpus::kRe3d, train);
  std::vector<facts::NerWords> unlabelled;
  if (set.unlabelled)
    for (const auto& words : data.unlabelled) unlabelled.emplace_back(words.begin(), words.end());
  return facts::train_ner(train, unlabelled, options);
}

bool is_gmb_title_word(std::string_view word) { return title_words().count(lower_ascii(word)) > 0; }

}  // namespace tidings::eval
