// Documents to weighted terms (terms.h): ICU's word break rules (UAX #29)
// find the words of any script, u_foldCase folds them, Snowball stems them.
#include "cluster/terms.h"

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <libstemmer.h>

#include <algorithm>
#include <cmath>
#include <map>

namespace tidings::cluster {

namespace {

constexpr size_t kMaxTokenBytes = 64;  // longer "words" are URLs, hashes, junk
constexpr size_t kMaxTextBytes = 1u << 20;  // past a megabyte, more text says nothing new
constexpr double kTitleCaseShare = 0.6;     // a title with more capitals is in Title Case

// ISO 639-1 codes to Snowball's algorithm names, for libstemmer builds that
// do not know the codes themselves.
const std::map<std::string, std::string, std::less<>> kSnowballNames = {
    {"ar", "arabic"},   {"ca", "catalan"},   {"da", "danish"},     {"de", "german"},
    {"el", "greek"},    {"en", "english"},   {"es", "spanish"},    {"eu", "basque"},
    {"fi", "finnish"},  {"fr", "french"},    {"ga", "irish"},      {"hi", "hindi"},
    {"hu", "hungarian"}, {"hy", "armenian"}, {"id", "indonesian"}, {"it", "italian"},
    {"lt", "lithuanian"}, {"ne", "nepali"},  {"nl", "dutch"},      {"no", "norwegian"},
    {"pt", "portuguese"}, {"ro", "romanian"}, {"ru", "russian"},   {"sr", "serbian"},
    {"sv", "swedish"},  {"ta", "tamil"},     {"tr", "turkish"},    {"yi", "yiddish"},
};

struct Token {
  std::string_view text;
  bool number = false;
  bool capitalised = false;
  bool sentence_start = false;
  bool joined = false;  ///< only spaces since the previous token (a name may go on)
};

void fold(std::string_view in, std::string& out) {
  out.clear();
  for (size_t i = 0; i < in.size();) {
    const unsigned char b = static_cast<unsigned char>(in[i]);
    if (b < 0x80) {
      out.push_back(b >= 'A' && b <= 'Z' ? static_cast<char>(b + 32) : static_cast<char>(b));
      ++i;
      continue;
    }
    UChar32 c;
    int32_t pos = static_cast<int32_t>(i);
    U8_NEXT(reinterpret_cast<const uint8_t*>(in.data()), pos, static_cast<int32_t>(in.size()), c);
    i = static_cast<size_t>(pos);
    if (c < 0) continue;
    c = u_foldCase(c, U_FOLD_CASE_DEFAULT);
    uint8_t buf[4];
    int32_t n = 0;
    U8_APPEND_UNSAFE(buf, n, c);
    out.append(reinterpret_cast<const char*>(buf), static_cast<size_t>(n));
  }
}

bool starts_capitalised(std::string_view s) {
  int32_t pos = 0;
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), pos, static_cast<int32_t>(s.size()), c);
  return c > 0 && (u_isupper(c) || u_istitle(c));
}

bool ends_sentence(std::string_view gap) {
  return gap.find_first_of(".!?\n:;") != std::string_view::npos;
}

bool only_spaces(std::string_view gap) {
  return !gap.empty() && gap.find_first_not_of(' ') == std::string_view::npos;
}

// Sorts (id, count) pairs and sums duplicates, then 1 + ln(count).
TermVector to_vector(std::vector<Term>& raw, bool sublinear) {
  std::sort(raw.begin(), raw.end(), [](const Term& a, const Term& b) { return a.id < b.id; });
  TermVector out;
  for (const Term& t : raw) {
    if (!out.empty() && out.back().id == t.id) {
      out.back().weight += t.weight;
    } else {
      out.push_back(t);
    }
  }
  if (sublinear) {
    for (Term& t : out) t.weight = 1.0f + std::log(std::max(t.weight, 1.0f));
  }
  return out;
}

}  // namespace

TermId term_id(char channel, std::string_view text) {
  uint64_t h = 1469598103934665603ull;  // FNV-1a 64
  h = (h ^ static_cast<unsigned char>(channel)) * 1099511628211ull;
  for (char c : text) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  return h;
}

TermId person_key(std::string_view name) {
  while (!name.empty() && (name.back() == ' ' || name.back() == '.' || name.back() == ',')) name.remove_suffix(1);
  const size_t space = name.find_last_of(' ');
  if (space != std::string_view::npos) name.remove_prefix(space + 1);
  std::string folded;
  fold(name, folded);
  return term_id('n', folded);
}

struct TermExtractor::Impl {
  UBreakIterator* words = nullptr;
  std::map<std::string, sb_stemmer*, std::less<>> stemmers;  // null: no stemmer for it
  std::vector<Token> tokens;
  std::string folded, run;

  Impl() {
    UErrorCode status = U_ZERO_ERROR;
    words = ubrk_open(UBRK_WORD, "", nullptr, 0, &status);
    if (U_FAILURE(status)) words = nullptr;
  }
  ~Impl() {
    if (words) ubrk_close(words);
    for (auto& [name, s] : stemmers) {
      if (s) sb_stemmer_delete(s);
    }
  }

  sb_stemmer* stemmer(const std::string& language) {
    if (language.empty()) return nullptr;
    auto it = stemmers.find(language);
    if (it != stemmers.end()) return it->second;
    sb_stemmer* s = sb_stemmer_new(language.c_str(), "UTF_8");
    if (!s) {
      auto name = kSnowballNames.find(language.substr(0, 2));
      if (name != kSnowballNames.end()) s = sb_stemmer_new(name->second.c_str(), "UTF_8");
    }
    stemmers.emplace(language, s);
    return s;
  }

  // The word and number tokens of `text`, with what surrounds them.
  void segment(std::string_view text) {
    tokens.clear();
    if (!words) return;
    text = text.substr(0, kMaxTextBytes);
    UErrorCode status = U_ZERO_ERROR;
    UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
    if (U_FAILURE(status)) return;
    ubrk_setUText(words, ut, &status);
    bool sentence_start = true;
    int32_t gap_begin = ubrk_first(words);
    int32_t start = gap_begin;
    for (int32_t end = ubrk_next(words); end != UBRK_DONE; start = end, end = ubrk_next(words)) {
      const int32_t rule = ubrk_getRuleStatus(words);
      if (rule < UBRK_WORD_NONE_LIMIT) continue;
      const std::string_view gap = text.substr(gap_begin, start - gap_begin);
      if (ends_sentence(gap)) sentence_start = true;
      const std::string_view word = text.substr(start, end - start);
      gap_begin = end;
      if (word.size() > kMaxTokenBytes) {
        sentence_start = false;
        continue;
      }
      Token t;
      t.text = word;
      // ICU calls "A380" or "G20" numbers too: only a token that starts
      // with a digit is one here.
      t.number = rule < UBRK_WORD_NUMBER_LIMIT && !word.empty() && word[0] >= '0' && word[0] <= '9';
      t.capitalised = !t.number && starts_capitalised(word);
      t.sentence_start = sentence_start;
      t.joined = !tokens.empty() && only_spaces(gap);
      tokens.push_back(t);
      sentence_start = false;
    }
    utext_close(ut);
  }

  // Words, names and numbers of one field, each counted `times`.
  void collect(std::string_view text, float times, bool names_too, sb_stemmer* stem,
               std::vector<Term>& words_out, std::vector<Term>& names_out, std::vector<int>& years) {
    segment(text);
    if (names_too) {
      size_t letters = 0, caps = 0;
      for (const Token& t : tokens) {
        letters += !t.number;
        caps += t.capitalised;
      }
      // A Title Case headline capitalises every word: its capitals say nothing.
      if (letters >= 3 && caps > kTitleCaseShare * static_cast<double>(letters)) names_too = false;
    }
    for (size_t i = 0; i < tokens.size(); ++i) {
      const Token& t = tokens[i];
      fold(t.text, folded);
      if (t.number) {
        names_out.push_back({term_id('#', folded), times});
        if (folded.size() == 4 && (folded.starts_with("19") || folded.starts_with("20"))) {
          years.push_back(std::stoi(folded));
        }
        continue;
      }
      std::string_view w = folded;
      if (stem) {
        const sb_symbol* s = sb_stemmer_stem(stem, reinterpret_cast<const sb_symbol*>(folded.data()),
                                             static_cast<int>(folded.size()));
        if (s) w = std::string_view(reinterpret_cast<const char*>(s), sb_stemmer_length(stem));
      }
      words_out.push_back({term_id('w', w), times});
      if (!names_too || !t.capitalised || (i > 0 && t.joined && tokens[i - 1].capitalised)) continue;
      // A run of capitalised words: each one, and the run as a whole.
      size_t j = i;
      while (j + 1 < tokens.size() && tokens[j + 1].capitalised && tokens[j + 1].joined) ++j;
      // One capitalised word opening a sentence is just a sentence.
      if (j == i && t.sentence_start) continue;
      run.clear();
      for (size_t k = i; k <= j; ++k) {
        fold(tokens[k].text, folded);
        names_out.push_back({term_id('n', folded), times});
        if (k > i) run.push_back(' ');
        run += folded;
      }
      if (j > i) names_out.push_back({term_id('n', run), times});
    }
  }
};

TermExtractor::TermExtractor() : impl_(std::make_unique<Impl>()) {}
TermExtractor::~TermExtractor() = default;
TermExtractor::TermExtractor(TermExtractor&&) noexcept = default;
TermExtractor& TermExtractor::operator=(TermExtractor&&) noexcept = default;

DocTerms TermExtractor::extract(const ClusterDoc& doc, double title_weight) {
  std::vector<Term> words, names;
  std::vector<int> years;
  sb_stemmer* stem = impl_->stemmer(doc.language);
  impl_->collect(doc.title, static_cast<float>(title_weight), true, stem, words, names, years);
  impl_->collect(doc.text, 1.0f, true, stem, words, names, years);
  std::sort(years.begin(), years.end());
  years.erase(std::unique(years.begin(), years.end()), years.end());
  for (const std::string& entity : doc.entities) {
    fold(entity, impl_->folded);
    names.push_back({term_id('n', impl_->folded), 1.0f});
  }
  return {to_vector(words, true), to_vector(names, true), std::move(years)};
}

TermVector TermExtractor::plain_words(const ClusterDoc& doc) {
  std::vector<Term> raw;
  for (std::string_view field : {std::string_view(doc.title), std::string_view(doc.text)}) {
    impl_->segment(field);
    for (const Token& t : impl_->tokens) {
      fold(t.text, impl_->folded);
      raw.push_back({term_id('p', impl_->folded), 1.0f});
    }
  }
  return to_vector(raw, false);
}

}  // namespace tidings::cluster
