// Words, stems, filter names and snippets shared by both backends
// (query.h). Words are split with Xapian's Unicode tables so the index and
// the query agree on what a word is.
#include <xapian.h>

#include <algorithm>
#include <array>
#include <unordered_map>
#include <unordered_set>

#include "core/utf8.h"
#include "search/query.h"

namespace tidings::search {

namespace {

constexpr size_t kMaxNameBytes = 200;

}  // namespace

std::vector<Word> split_words(std::string_view text, size_t max_words) {
  std::vector<Word> words;
  std::string current;
  size_t start = 0;
  bool too_long = false;
  auto finish = [&](size_t end) {
    if (!current.empty() && !too_long) words.push_back({current, start, end});
    current.clear();
    too_long = false;
  };
  size_t i = 0;
  while (i < text.size() && words.size() < max_words) {
    size_t bad = 0;
    const size_t n = utf8_sequence(text, i, bad);
    if (n == 0) {  // not UTF-8: a separator
      finish(i);
      i += bad;
      continue;
    }
    Xapian::Utf8Iterator it(text.data() + i, n);
    const unsigned ch = *it;
    if (Xapian::Unicode::is_wordchar(ch)) {
      if (current.empty()) start = i;
      if (current.size() + 4 > kMaxWordBytes) {
        too_long = true;
      } else {
        Xapian::Unicode::append_utf8(current, Xapian::Unicode::tolower(ch));
      }
    } else {
      finish(i);
    }
    i += n;
  }
  if (words.size() < max_words) finish(i);
  return words;
}

std::string stem(const std::string& word) {
  thread_local Xapian::Stem stemmer("english");
  return stemmer(word);
}

std::string normalise_name(std::string_view name) {
  std::string out;
  bool space = false;
  for (const Word& w : split_words(name, 64)) {
    if (space) out += ' ';
    out += w.text;
    space = true;
  }
  return utf8_prefix(out, kMaxNameBytes);
}

std::string normalise_place(std::string_view place) {
  if (!place.empty() && place.size() <= 18 &&
      place.find_first_not_of("0123456789") == std::string_view::npos) {
    return "geonames:" + std::string(place);
  }
  // Keys such as "geonames:112931" and "iso:IR" keep their colon.
  const auto colon = place.find(':');
  if (colon != std::string_view::npos && colon > 0 && colon < 16 &&
      place.find(' ') == std::string_view::npos) {
    std::string out;
    for (char c : place.substr(0, kMaxNameBytes)) {
      out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    return out;
  }
  return normalise_name(place);
}

bool Filters::any() const {
  return from || to || !outlet.empty() || !language.empty() || story_id || !entity.empty() ||
         !place.empty();
}

Result<void> check_filters(const Filters& f) {
  for (const auto* s : {&f.outlet, &f.language, &f.entity, &f.place}) {
    if (s->size() > kMaxNameBytes) {
      return fail(ErrorCode::kInvalidInput, "a filter is longer than 200 bytes");
    }
  }
  if (f.from && f.to && *f.from >= *f.to) {
    return fail(ErrorCode::kInvalidInput, "from must be before to");
  }
  if (f.story_id && *f.story_id < 1) return fail(ErrorCode::kInvalidInput, "story must be >= 1");
  return {};
}

std::string utf8_prefix(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return std::string(text.substr(0, end));
}

Snippet make_snippet(std::string_view text, const std::vector<std::string>& query_words,
                     size_t max_bytes) {
  std::unordered_set<std::string> stems;
  for (const std::string& w : query_words) stems.insert(stem(w));
  const std::vector<Word> words = split_words(text, 20'000);
  // A word's stem begins with the word's first byte (the English stemmer
  // rewrites endings only: query_test checks it), so only the words that
  // begin as a query stem does are stemmed, each distinct one once.
  // Stemming every word of every hit was a third of a phrase query's time.
  std::array<bool, 256> may_match{};
  for (const std::string& s : stems) {
    if (!s.empty()) may_match[static_cast<unsigned char>(s[0])] = true;
  }
  std::unordered_map<std::string_view, bool> matches;
  std::vector<size_t> hits;  // indexes into words
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i].text;
    if (w.empty() || !may_match[static_cast<unsigned char>(w[0])]) continue;
    auto [it, added] = matches.try_emplace(w, false);
    if (added) it->second = stems.count(stem(w)) > 0;
    if (it->second) hits.push_back(i);
  }
  // The window of words starting at a hit that holds the most hits within
  // max_bytes; else the start of the text.
  size_t first = 0;
  if (!hits.empty()) {
    size_t best = 0, best_count = 0;
    for (size_t h = 0, e = 0; h < hits.size(); ++h) {
      if (e < h) e = h;
      while (e + 1 < hits.size() && words[hits[e + 1]].end - words[hits[h]].start <= max_bytes) ++e;
      if (e - h + 1 > best_count) {
        best_count = e - h + 1;
        best = h;
      }
    }
    // Start a few words before the first hit, for context.
    first = hits[best] >= 4 ? hits[best] - 4 : 0;
    if (words[hits[best]].start - words[first].start > max_bytes / 3) first = hits[best];
  }
  size_t begin = words.empty() ? 0 : words[first].start;
  if (first == 0) begin = 0;
  size_t limit = std::min(text.size(), begin + max_bytes);
  // End at the end of the last whole word inside the limit.
  size_t end = limit;
  if (limit < text.size()) {
    end = begin;
    for (size_t i = first; i < words.size() && words[i].end <= limit; ++i) end = words[i].end;
    if (end == begin) end = limit;
    while (end > begin && end < text.size() &&
           (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
      --end;
    }
  }
  Snippet out;
  if (begin > 0) out.text = "… ";
  size_t next_hit = 0;
  while (next_hit < hits.size() && words[hits[next_hit]].start < begin) ++next_hit;
  bool space = false;
  for (size_t i = begin; i < end;) {
    while (next_hit < hits.size() && words[hits[next_hit]].start < i) ++next_hit;
    if (next_hit < hits.size() && words[hits[next_hit]].start == i &&
        words[hits[next_hit]].end <= end) {
      if (space) out.text += ' ';
      space = false;
      const Word& w = words[hits[next_hit]];
      out.highlights.push_back({out.text.size(), out.text.size() + (w.end - w.start)});
      out.text.append(text.substr(w.start, w.end - w.start));
      i = w.end;
      ++next_hit;
      continue;
    }
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c < 0x20 || c == 0x7F) {
      space = !out.text.empty();
      ++i;
      continue;
    }
    if (space) out.text += ' ';
    space = false;
    size_t bad = 0;
    const size_t n = utf8_sequence(text, i, bad);
    if (n == 0) {
      out.text += "\xEF\xBF\xBD";
      i += bad;
    } else {
      out.text.append(text.substr(i, n));
      i += n;
    }
  }
  if (end < text.size()) out.text += " …";
  return out;
}

}  // namespace tidings::search
