// The Xapian backend (search.h): a glass database in `<dir>/xapian`.
// Document id = article id. Terms: each word with its position (phrases)
// and its Snowball stem under "Z" (ranked queries), title words weighted
// up; from format 2 (backends.h) each pair of adjacent words under "XB"
// ("XBnew york"), which answers a two-word phrase without reading
// positions and narrows a longer one before they are read (format 2: wdf
// 0; from format 3 the pair's count, so a two-word phrase is ranked by its
// own BM25 from one posting list); filters as
// boolean terms (XO outlet, XL language, XS story, XE entity, XP place).
// From format 4, two more kinds of term: each three adjacent words one of
// which is what an apostrophe leaves of a contraction or a possessive ("s"
// of "Iran's", "t" of "don't") under "XT" ("XTiran s foreign"), so a
// phrase with one is not matched through the enormous posting list of "s"
// (common grams, as Lucene's CommonGramsFilter has them for stop words);
// and the publication date as boolean terms (XY year, XM month, XD day, in
// UTC), so a date range is an OR of a few posting lists (what Omega does)
// instead of a value range read document by document;
// values: 0 the publication time (sortable_serialise, for date ranges and
// the partial days at a range's ends),
// 1 "hour|outlet" (attention, by a ValueCountMatchSpy). The document data
// is the hit as JSON plus the text for snippets.
#include <xapian.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <initializer_list>
#include <limits>
#include <optional>

#include <nlohmann/json.hpp>

#include "search/backends.h"
#include "search/query.h"

namespace tidings::search {

namespace {

constexpr Xapian::valueno kTimeSlot = 0;
constexpr Xapian::valueno kHourOutletSlot = 1;
constexpr Xapian::termpos kBodyOffset = 1000;  // no phrase spans title and body:
constexpr size_t kMaxTitleWords = kBodyOffset - 2;  // a position left empty between them
constexpr Xapian::termcount kTitleWdf = 3;     // a title word counts as three body words
constexpr size_t kMaxIndexedWords = 50'000;
// The index format in the database's user metadata (backends.h); absent is 1.
constexpr const char* kFormatKey = "tidings:format";
constexpr const char* kPairPrefix = "XB";
constexpr const char* kTriplePrefix = "XT";  // three words, one a clitic (format 4)
constexpr char kPairSeparator = ' ';  // never inside a word (split_words)
constexpr size_t kMaxTermBytes = 245;  // glass's limit on a term

int64_t seconds(Instant t) { return t.time_since_epoch().count(); }

std::string bool_term(std::string_view prefix, std::string_view value) {
  return std::string(prefix) + utf8_prefix(value, 240 - prefix.size());
}

// Date terms (format 4): "XY2023", "XM202311", "XD20231101", of the UTC
// date (years of four digits: "XY0001"). A time outside the years 1 to 9999 gets "XYout" alone, and a date
// range answers for such documents by their value (date_query).
constexpr const char* kOutOfRangeYear = "XYout";
constexpr int kFirstYear = 1, kLastYear = 9999;

std::string year_term(int y) {
  char b[16];
  std::snprintf(b, sizeof b, "XY%04d", y);
  return b;
}
std::string month_term(int y, unsigned m) {
  char b[24];
  std::snprintf(b, sizeof b, "XM%04d%02u", y, m);
  return b;
}
std::string day_term(int y, unsigned m, unsigned d) {
  char b[24];
  std::snprintf(b, sizeof b, "XD%04d%02u%02u", y, m, d);
  return b;
}

// Seconds since the epoch at the start of a civil date (UTC).
int64_t start_of(std::chrono::year_month_day ymd) {
  return std::chrono::sys_seconds(std::chrono::sys_days(ymd)).time_since_epoch().count();
}

void add_date_terms(Xapian::Document& doc, int64_t t) {
  constexpr int64_t kLo = -62135596800;  // 0001-01-01T00:00:00Z
  constexpr int64_t kHi = 253402300800;  // 10000-01-01T00:00:00Z
  if (t < kLo || t >= kHi) {
    doc.add_boolean_term(kOutOfRangeYear);
    return;
  }
  const auto day = std::chrono::floor<std::chrono::days>(std::chrono::sys_seconds(std::chrono::seconds(t)));
  const std::chrono::year_month_day ymd(day);
  const int y = static_cast<int>(ymd.year());
  const unsigned m = static_cast<unsigned>(ymd.month()), d = static_cast<unsigned>(ymd.day());
  doc.add_boolean_term(year_term(y));
  doc.add_boolean_term(month_term(y, m));
  doc.add_boolean_term(day_term(y, m, d));
}

// The documents published at a time in [lo, hi) (seconds; an open end is
// the int64 limit), by date terms (format 4): each year of the index the
// range covers is its year term, each month it covers in a year it only
// partly covers its month term, each day likewise its day term, and the
// partly covered days at the ends are their day term filtered by the value
// range. At most a few dozen posting lists, whatever the range; only years
// the index holds are looked at (the XY terms: one per year).
Xapian::Query date_query(const Xapian::Database& db, int64_t lo, int64_t hi, const Xapian::Query& by_value) {
  using namespace std::chrono;
  std::vector<Xapian::Query> parts;
  auto covered = [&](int64_t a, int64_t b) { return lo <= a && b <= hi; };
  auto apart = [&](int64_t a, int64_t b) { return b <= lo || a >= hi; };
  for (auto it = db.allterms_begin("XY"); it != db.allterms_end("XY"); ++it) {
    const std::string term = *it;
    if (term == kOutOfRangeYear) {
      parts.emplace_back(Xapian::Query::OP_FILTER, by_value, Xapian::Query(term));
      continue;
    }
    char* end = nullptr;
    const long y = std::strtol(term.c_str() + 2, &end, 10);
    if (end == term.c_str() + 2 || *end != '\0' || y < kFirstYear || y > kLastYear) continue;
    const int yi = static_cast<int>(y);
    const int64_t ys = start_of(year(yi) / January / 1), ye = start_of(year(yi + 1) / January / 1);
    if (apart(ys, ye)) continue;
    if (covered(ys, ye)) {
      parts.emplace_back(term);
      continue;
    }
    for (unsigned m = 1; m <= 12; ++m) {
      const year_month_day first = year(yi) / month(m) / 1;
      const int64_t ms = start_of(first);
      const int64_t me = start_of(m == 12 ? year(yi + 1) / January / 1 : year(yi) / month(m + 1) / 1);
      if (apart(ms, me)) continue;
      if (covered(ms, me)) {
        parts.emplace_back(month_term(yi, m));
        continue;
      }
      const unsigned days = static_cast<unsigned>(year_month_day_last(year(yi), month_day_last(month(m))).day());
      for (unsigned d = 1; d <= days; ++d) {
        const int64_t ds = ms + int64_t{d - 1} * 86400, de = ds + 86400;
        if (apart(ds, de)) continue;
        if (covered(ds, de)) {
          parts.emplace_back(day_term(yi, m, d));
        } else {
          parts.emplace_back(Xapian::Query::OP_FILTER, Xapian::Query(day_term(yi, m, d)), by_value);
        }
      }
    }
  }
  if (parts.empty()) return Xapian::Query::MatchNothing;
  return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
}

// The term of adjacent words under `prefix`, separated by kPairSeparator;
// none when it would be over Xapian's term limit (words are at most
// kMaxWordBytes, so not today: the phrase is then matched by positions).
std::optional<std::string> gram_term(std::string_view prefix, std::initializer_list<std::string_view> words) {
  size_t bytes = prefix.size() + words.size() - 1;
  for (std::string_view w : words) bytes += w.size();
  if (bytes > kMaxTermBytes) return std::nullopt;
  std::string t;
  t.reserve(bytes);
  t += prefix;
  bool first = true;
  for (std::string_view w : words) {
    if (!first) t += kPairSeparator;
    first = false;
    t += w;
  }
  return t;
}

// The term recording that `second` follows `first`.
std::optional<std::string> pair_term(std::string_view first, std::string_view second) {
  static_assert(2 * kMaxWordBytes + 3 <= kMaxTermBytes, "a pair of words fits in a term");
  return gram_term(kPairPrefix, {first, second});
}

// What an apostrophe leaves of an English contraction or possessive, or of
// a French elision ("l'armée"): words that are in most documents and,
// alone, say little, so a phrase holding one is matched by a triple term
// (format 4) rather than by positions over their posting lists.
bool is_clitic(std::string_view w) {
  return w == "s" || w == "t" || w == "d" || w == "m" || w == "ll" || w == "re" || w == "ve" || w == "l";
}

// The term of three adjacent words one of which is a clitic (format 4);
// none otherwise (or over Xapian's term limit, not today).
std::optional<std::string> triple_term(std::string_view a, std::string_view b, std::string_view c) {
  static_assert(3 * kMaxWordBytes + 4 <= kMaxTermBytes, "three words fit in a term");
  if (!is_clitic(a) && !is_clitic(b) && !is_clitic(c)) return std::nullopt;
  return gram_term(kTriplePrefix, {a, b, c});
}

// The positions of the phrases a query requires (format 4): a phrase of
// three words or more that every match must hold is matched by its pair
// (and triple) terms alone, and this decider checks its words' positions
// only in the documents the matcher would rank — about as many as the
// page asks for, where OP_PHRASE walked the words' posting lists through
// every document holding the pairs. Same matches: the pairs hold in every
// document where the phrase does, and the positions decide.
class PhraseCheck final : public Xapian::MatchDecider {
 public:
  // `wanted`: the documents the page needs (offset + limit).
  PhraseCheck(const Xapian::Database& db, Xapian::doccount wanted) : db_(db), wanted_(wanted) {}

  void add(std::vector<std::string> words) { phrases_.push_back(std::move(words)); }
  bool empty() const { return phrases_.empty(); }

  bool operator()(const Xapian::Document& doc) const override {
    // Until the page is full the matcher asks about every document in
    // turn; after, only about those whose weight would enter it. The first
    // are a fair sample of the documents holding the pairs, the others not.
    const bool sample = accepted_ < wanted_;
    considered_ += sample;
    const Xapian::docid id = doc.get_docid();
    for (const auto& words : phrases_) {
      if (!holds(id, words)) return false;
    }
    accepted_ += 1;
    sampled_accepted_ += sample;
    return true;
  }

  // Xapian's estimate counts the documents the check turned away: scaled by
  // the share of the sample it let through, within Xapian's bounds.
  Xapian::doccount estimate(const Xapian::MSet& m) const {
    const Xapian::doccount lower = m.get_matches_lower_bound(), upper = m.get_matches_upper_bound();
    if (considered_ == 0) return m.get_matches_estimated();
    const double scaled = static_cast<double>(m.get_matches_estimated()) *
                          static_cast<double>(sampled_accepted_) / static_cast<double>(considered_);
    return std::clamp(static_cast<Xapian::doccount>(scaled + 0.5), lower, std::max(lower, upper));
  }

 private:
  // Whether the words stand at consecutive positions somewhere in the document.
  bool holds(Xapian::docid id, const std::vector<std::string>& words) const {
    std::vector<Xapian::termpos> starts(db_.positionlist_begin(id, words[0]), db_.positionlist_end(id, words[0]));
    for (size_t k = 1; k < words.size() && !starts.empty(); ++k) {
      const std::vector<Xapian::termpos> at(db_.positionlist_begin(id, words[k]), db_.positionlist_end(id, words[k]));
      std::erase_if(starts, [&](Xapian::termpos p) { return !std::binary_search(at.begin(), at.end(), p + k); });
    }
    return !starts.empty();
  }

  const Xapian::Database& db_;
  const Xapian::doccount wanted_;
  std::vector<std::vector<std::string>> phrases_;
  mutable Xapian::doccount considered_ = 0, accepted_ = 0, sampled_accepted_ = 0;
};

// A phrase. With pair terms, two words are their pair term: from format 3
// alone, weighted by BM25 of the phrase's own count (one posting list
// read); in format 2 (pairs of wdf 0) the words (for the BM25 weight the
// positional phrase gives: the sum of its words') filtered by the pair
// term, with no positions read. More words are the positional phrase
// filtered by all their pairs, so positions are read only in the documents
// that hold every pair. From format 4, three words one of which is a
// clitic are their triple term alone (ranked by its own BM25, as a pair),
// and a longer phrase's triples stand for the pairs inside them; a longer phrase the whole
// query requires (`check` given) is its pairs and triples alone, ranked by
// their BM25, its positions left to `check`. Same matches as OP_PHRASE
// alone: a pair (triple) term is in a document exactly when the two
// (three) words are at adjacent positions in one field (to_document).
Xapian::Query phrase_query(const std::vector<std::string>& words, int format, PhraseCheck* check) {
  Xapian::Query phrase(Xapian::Query::OP_PHRASE, words.begin(), words.end(), words.size());
  if (format < 2) return phrase;
  // The pairs and, from format 4, the triples that cover the phrase: a
  // pair inside a triple says nothing the triple does not (and its list is
  // the longer), so it is left out.
  std::vector<Xapian::Query> pair_terms;
  std::vector<bool> covered(words.size(), false);  // [i]: the pair ending at word i
  if (format >= 4) {
    for (size_t i = 2; i < words.size(); ++i) {
      auto t = triple_term(words[i - 2], words[i - 1], words[i]);
      if (!t) continue;
      if (words.size() == 3) return Xapian::Query(*t);
      pair_terms.emplace_back(*t);
      covered[i - 1] = covered[i] = true;
    }
  }
  size_t pairs = 0;  // adjacent pairs with a term, or inside a triple
  for (size_t i = 1; i < words.size(); ++i) {
    if (covered[i]) {
      ++pairs;
    } else if (auto t = pair_term(words[i - 1], words[i])) {
      pair_terms.emplace_back(*t);
      ++pairs;
    }
  }
  if (pair_terms.empty()) return phrase;
  const Xapian::Query grams(Xapian::Query::OP_AND, pair_terms.begin(), pair_terms.end());
  if (words.size() == 2 && pair_terms.size() == 1) {
    if (format >= 3) return pair_terms[0];
    return Xapian::Query(Xapian::Query::OP_FILTER,
                         Xapian::Query(Xapian::Query::OP_AND, words.begin(), words.end()), grams);
  }
  if (format >= 4 && check && pairs + 1 == words.size()) {
    check->add(words);
    return grams;
  }
  return Xapian::Query(Xapian::Query::OP_FILTER, phrase, grams);
}

// `check`: where the phrases that every match must hold go (the query's
// root and, below it, AND's kept children), or null (OR's children, what
// is excluded, attention).
Xapian::Query to_xapian(const QueryNode& n, int format, PhraseCheck* check) {
  switch (n.kind) {
    case QueryNode::Kind::kAll: return Xapian::Query::MatchAll;
    case QueryNode::Kind::kTerm: return Xapian::Query("Z" + stem(n.words[0]));
    case QueryNode::Kind::kPhrase: return phrase_query(n.words, format, check);
    case QueryNode::Kind::kAnd:
    case QueryNode::Kind::kOr: {
      PhraseCheck* required = n.kind == QueryNode::Kind::kAnd ? check : nullptr;
      std::vector<Xapian::Query> kids;
      for (const QueryNode& c : n.children) kids.push_back(to_xapian(c, format, required));
      Xapian::Query q(n.kind == QueryNode::Kind::kAnd ? Xapian::Query::OP_AND : Xapian::Query::OP_OR,
                      kids.begin(), kids.end());
      if (n.excluded.empty()) return q;
      std::vector<Xapian::Query> out;
      for (const QueryNode& c : n.excluded) out.push_back(to_xapian(c, format, nullptr));
      return Xapian::Query(Xapian::Query::OP_AND_NOT, q,
                           Xapian::Query(Xapian::Query::OP_OR, out.begin(), out.end()));
    }
  }
  return Xapian::Query::MatchNothing;
}

// The filters as one boolean query; MatchAll when none.
Xapian::Query filter_query(const Filters& f, int format, const Xapian::Database& db) {
  std::vector<Xapian::Query> parts;
  if (!f.outlet.empty()) parts.emplace_back(bool_term("XO", normalise_name(f.outlet)));
  if (!f.language.empty()) parts.emplace_back(bool_term("XL", normalise_name(f.language)));
  if (f.story_id) parts.emplace_back("XS" + std::to_string(*f.story_id));
  if (!f.entity.empty()) parts.emplace_back(bool_term("XE", normalise_name(f.entity)));
  if (!f.place.empty()) parts.emplace_back(bool_term("XP", normalise_place(f.place)));
  if (f.from || f.to) {
    const double lo = f.from ? static_cast<double>(seconds(*f.from)) : -1e18;
    const double hi = f.to ? static_cast<double>(seconds(*f.to) - 1) : 1e18;
    const Xapian::Query by_value(Xapian::Query::OP_VALUE_RANGE, kTimeSlot, Xapian::sortable_serialise(lo),
                                 Xapian::sortable_serialise(hi));
    if (format >= 4) {
      parts.push_back(date_query(db, f.from ? seconds(*f.from) : std::numeric_limits<int64_t>::min(),
                                 f.to ? seconds(*f.to) : std::numeric_limits<int64_t>::max(), by_value));
    } else {
      parts.push_back(by_value);
    }
  }
  if (parts.empty()) return Xapian::Query::MatchAll;
  return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
}

// `check`: as to_xapian's; null to match phrases by positions in the query.
Xapian::Query full_query(const QueryNode& node, const Filters& f, int format, const Xapian::Database& db,
                         PhraseCheck* check = nullptr) {
  const Xapian::Query filter = filter_query(f, format, db);
  if (node.kind == QueryNode::Kind::kAll) return filter;
  if (!f.any()) return to_xapian(node, format, check);
  return Xapian::Query(Xapian::Query::OP_FILTER, to_xapian(node, format, check), filter);
}

// The words of one field at consecutive positions from `first`, with their
// stems and (format 2 on) a term per two consecutive words: the pairs are
// the adjacencies a phrase can match, within the field and never across
// fields.
void add_words(Xapian::Document& doc, const std::vector<Word>& words, Xapian::termpos first,
               Xapian::termcount wdf, int format) {
  Xapian::termpos pos = first;
  for (size_t i = 0; i < words.size(); ++i) {
    doc.add_posting(words[i].text, pos++, wdf);
    doc.add_term("Z" + stem(words[i].text), wdf);
    if (format < 2 || i == 0) continue;
    auto t = pair_term(words[i - 1].text, words[i].text);
    if (!t) continue;
    // Format 3: the pair counts as its words do (a title pair thrice), so
    // a two-word phrase has a BM25 weight of its own. Every document grows
    // by about half (words, stems, pairs), so a document's length against
    // the average, and with it every other term's BM25, stays all but the
    // same (docs/search.md). Format 2: wdf 0, the length as without pairs.
    if (format >= 3) {
      doc.add_term(*t, wdf);
    } else {
      doc.add_boolean_term(*t);
    }
    // Format 4: three words with a clitic, counted as pairs are.
    if (format < 4 || i < 2) continue;
    if (auto t3 = triple_term(words[i - 2].text, words[i - 1].text, words[i].text)) doc.add_term(*t3, wdf);
  }
}

Xapian::Document to_document(const SearchDoc& d, int format) {
  Xapian::Document doc;
  add_words(doc, split_words(d.title, kMaxTitleWords), 1, kTitleWdf, format);
  const std::string text = utf8_prefix(d.text, kMaxStoredTextBytes);
  add_words(doc, split_words(text, kMaxIndexedWords), kBodyOffset, 1, format);
  if (!d.outlet.empty()) doc.add_boolean_term(bool_term("XO", normalise_name(d.outlet)));
  if (!d.language.empty()) doc.add_boolean_term(bool_term("XL", normalise_name(d.language)));
  if (d.story_id > 0) doc.add_boolean_term("XS" + std::to_string(d.story_id));
  for (const std::string& e : d.entities) {
    const std::string n = normalise_name(e);
    if (!n.empty()) doc.add_boolean_term(bool_term("XE", n));
  }
  for (const std::string& p : d.places) {
    const std::string n = normalise_place(p);
    if (!n.empty()) doc.add_boolean_term(bool_term("XP", n));
  }
  const int64_t t = seconds(d.published_at);
  if (format >= 4) add_date_terms(doc, t);
  doc.add_value(kTimeSlot, Xapian::sortable_serialise(static_cast<double>(t)));
  const int64_t hour = t >= 0 ? t / 3600 : -((-t + 3599) / 3600);
  doc.add_value(kHourOutletSlot, std::to_string(hour) + "|" + utf8_prefix(d.outlet, 200));
  nlohmann::json data = {{"title", d.title},       {"url", d.url},
                         {"outlet", d.outlet},     {"language", d.language},
                         {"published", t},         {"story", d.story_id},
                         {"text", text}};
  doc.set_data(data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  return doc;
}

Hit to_hit(const Xapian::Document& doc, Xapian::docid id, double score,
           const std::vector<std::string>& words) {
  Hit h;
  h.article_id = id;
  h.score = score;
  auto data = nlohmann::json::parse(doc.get_data(), nullptr, false);
  if (data.is_discarded() || !data.is_object()) return h;
  h.title = data.value("title", "");
  h.url = data.value("url", "");
  h.outlet = data.value("outlet", "");
  h.language = data.value("language", "");
  h.published_at = Instant(std::chrono::seconds(data.value("published", int64_t{0})));
  h.story_id = data.value("story", int64_t{0});
  Snippet s = make_snippet(data.value("text", ""), words);
  h.snippet = std::move(s.text);
  h.highlights = std::move(s.highlights);
  return h;
}

class XapianIndex final : public SearchIndex {
 public:
  XapianIndex(std::string dir, bool writable) : dir_(std::move(dir)), writable_(writable) {}

  // `create_format`: the format a new index is written in (backends.h).
  Result<void> open(bool create, int create_format = kXapianFormat) {
    try {
      const std::string path = dir_ + "/xapian";
      if (writable_) {
        wdb_ = Xapian::WritableDatabase(
            path, (create ? Xapian::DB_CREATE : Xapian::DB_OPEN) | Xapian::DB_BACKEND_GLASS);
        db_ = wdb_;
        if (create && create_format > 1) {
          wdb_.set_metadata(kFormatKey, std::to_string(create_format));
          wdb_.commit();
        }
      } else {
        db_ = Xapian::Database(path);
      }
      auto format = read_format();
      if (!format) return tl::unexpected(format.error());
      format_ = *format;
      return {};
    } catch (const Xapian::DatabaseLockError& e) {
      return fail(ErrorCode::kIo, "the search index is locked by another writer: " + e.get_msg());
    } catch (const Xapian::Error& e) {
      return fail(ErrorCode::kIo, "cannot open the search index: " + e.get_description());
    }
  }

  Backend backend() const override { return Backend::kXapian; }

  Result<void> add(const std::vector<SearchDoc>& docs) override {
    if (!writable_) return fail(ErrorCode::kInvalidInput, "the search index is open read-only");
    try {
      for (const SearchDoc& d : docs) {
        if (d.article_id <= 0) return fail(ErrorCode::kInvalidInput, "an article id must be > 0");
        wdb_.replace_document(static_cast<Xapian::docid>(d.article_id), to_document(d, format_));
      }
      wdb_.commit();
      return {};
    } catch (const Xapian::Error& e) {
      return fail(ErrorCode::kIo, "search index: " + e.get_description());
    }
  }

  Result<SearchResults> search(const SearchRequest& r) override {
    if (auto ok = check_request(r); !ok) return tl::unexpected(ok.error());
    auto node = parse_query(r.query);
    if (!node) return tl::unexpected(node.error());
    if (node->kind == QueryNode::Kind::kAll && !r.filters.any()) {
      return fail(ErrorCode::kInvalidInput, "the query has no words and no filter");
    }
    try {
      db_.reopen();
      Xapian::Enquire enquire(db_);
      PhraseCheck check(db_, static_cast<Xapian::doccount>(r.offset + r.limit));
      enquire.set_query(full_query(*node, r.filters, format_, db_, &check));
      enquire.set_time_limit(kQueryTimeLimitSeconds);
      if (node->kind == QueryNode::Kind::kAll) {  // a filter-only list: newest first
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        enquire.set_sort_by_value_then_relevance(kTimeSlot, true);
      } else {
        enquire.set_weighting_scheme(Xapian::BM25Weight());
      }
      Xapian::MSet mset = enquire.get_mset(r.offset, r.limit, r.offset + r.limit + 1, nullptr,
                                           check.empty() ? nullptr : &check);
      SearchResults out;
      out.total = check.empty() ? mset.get_matches_estimated() : check.estimate(mset);
      out.exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
      const std::vector<std::string> words = positive_words(*node);
      for (auto it = mset.begin(); it != mset.end(); ++it) {
        out.hits.push_back(to_hit(it.get_document(), *it, it.get_weight(), words));
      }
      return out;
    } catch (const Xapian::Error& e) {
      return fail(ErrorCode::kIo, "search: " + e.get_description());
    }
  }

  Result<HourCounts> hourly_counts(std::string_view query, const Filters& filters) override {
    if (auto ok = check_filters(filters); !ok) return tl::unexpected(ok.error());
    auto node = parse_query(query);
    if (!node) return tl::unexpected(node.error());
    try {
      db_.reopen();
      Xapian::Enquire enquire(db_);
      enquire.set_query(full_query(*node, filters, format_, db_));
      enquire.set_weighting_scheme(Xapian::BoolWeight());
      enquire.set_docid_order(Xapian::Enquire::DONT_CARE);
      enquire.set_time_limit(kQueryTimeLimitSeconds);
      Xapian::ValueCountMatchSpy spy(kHourOutletSlot);
      enquire.add_matchspy(&spy);
      const auto started = std::chrono::steady_clock::now();
      const Xapian::MSet mset = enquire.get_mset(0, 0, db_.get_doccount());
      const double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      HourCounts out;
      // Stopped at the time bound: the spy saw only some of the matches.
      out.complete = took < kQueryTimeLimitSeconds && spy.get_total() >= mset.get_matches_upper_bound();
      for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
        const std::string v = *it;
        const auto bar = v.find('|');
        if (bar == std::string::npos) continue;
        HourCount c;
        c.hour = std::stoll(v.substr(0, bar));
        c.outlet = v.substr(bar + 1);
        c.articles = it.get_termfreq();
        out.counts.push_back(std::move(c));
      }
      return out;
    } catch (const Xapian::Error& e) {
      return fail(ErrorCode::kIo, "attention: " + e.get_description());
    } catch (const std::exception& e) {  // stoll on a corrupt value
      return fail(ErrorCode::kIo, std::string("attention: ") + e.what());
    }
  }

  Result<int64_t> doc_count() override {
    try {
      db_.reopen();
      return static_cast<int64_t>(db_.get_doccount());
    } catch (const Xapian::Error& e) {
      return fail(ErrorCode::kIo, "search index: " + e.get_description());
    }
  }

  Result<int64_t> size_bytes() override { return directory_bytes(dir_ + "/xapian"); }

  Result<void> compact() override {
    if (!writable_) return fail(ErrorCode::kInvalidInput, "the search index is open read-only");
    namespace fs = std::filesystem;
    const std::string path = dir_ + "/xapian";
    const std::string out = dir_ + "/xapian.compact";
    const std::string old = dir_ + "/xapian.old";
    std::error_code ec;
    fs::remove_all(out, ec);
    fs::remove_all(old, ec);
    std::string problem;
    try {
      wdb_.commit();
      wdb_.close();  // the lock goes with it; compaction reads a closed, committed database
      {
        Xapian::Database source(path);
        // Document ids are article ids: never renumbered. FULL, not FULLER:
        // ingest goes on adding to the compacted index.
        source.compact(out, Xapian::DBCOMPACT_NO_RENUMBER | Xapian::Compactor::FULL);
      }
      fs::rename(path, old, ec);
      if (!ec) {
        fs::rename(out, path, ec);
        if (ec) fs::rename(old, path, ec);  // put the original back
        if (ec) problem = "cannot put the compacted index in place: " + ec.message();
      } else {
        problem = "cannot move the index aside: " + ec.message();
      }
    } catch (const Xapian::Error& e) {
      problem = "compacting the search index: " + e.get_description();
    }
    fs::remove_all(out, ec);
    fs::remove_all(old, ec);
    if (auto reopened = open(false); !reopened) return reopened;
    if (!problem.empty()) return fail(ErrorCode::kIo, problem);
    return {};
  }

  std::string upgrade_note() const override {
    if (format_ >= kXapianFormat) return {};
    return "the search index is format " + std::to_string(format_) + "; `tidings reindex` rebuilds it in format " +
           std::to_string(kXapianFormat) + ", which answers phrases and date ranges faster (docs/search.md)";
  }

 private:
  // The format recorded in the database: 1 without a record; a format this
  // code does not know (a newer tidings wrote it) is an error to act on.
  Result<int> read_format() const {
    const std::string value = db_.get_metadata(kFormatKey);
    if (value.empty()) return 1;
    for (int format = 2; format <= kXapianFormat; ++format) {
      if (value == std::to_string(format)) return format;
    }
    return fail(ErrorCode::kIo, "the search index has format " + value.substr(0, 20) +
                                    ", which this tidings does not read: run `tidings reindex`");
  }
  std::string dir_;
  bool writable_;
  // An index stays in the format it was made in (a format-1 index's
  // documents get no pairs, a format-2 one's pairs of wdf 0), so its
  // phrases are answered as that format answers them until `tidings
  // reindex` builds it anew.
  int format_ = 1;
  Xapian::WritableDatabase wdb_;
  Xapian::Database db_;
};

}  // namespace

Result<std::unique_ptr<SearchIndex>> open_xapian(const std::string& dir, bool writable,
                                                 bool create, int create_format) {
  if (create_format < 1 || create_format > kXapianFormat) {
    return fail(ErrorCode::kInvalidInput, "unknown search index format " + std::to_string(create_format));
  }
  auto index = std::make_unique<XapianIndex>(dir, writable);
  if (auto ok = index->open(create, create_format); !ok) return tl::unexpected(ok.error());
  return std::unique_ptr<SearchIndex>(std::move(index));
}

}  // namespace tidings::search
