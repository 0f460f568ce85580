// The Xapian index's word-pair terms (formats 2 to 4,
// src/search/backends.h): in format 2 every query answers exactly as in a
// format-1 index, which matches phrases by positions alone — the same
// documents with the same weights; in format 3 (pairs counted, a two-word
// phrase ranked by its own BM25) and format 4 (triples with a clitic,
// date terms) the same documents —
// on a corpus of the hard cases: repeated words, the title/body boundary,
// words split by punctuation, words over 64 bytes, non-Latin scripts,
// chunks the parser turns into phrases (al-Shifa, U.S.) and what an
// apostrophe leaves ("Iran's", "don't", "l'armée"). Format 4's date terms
// are checked against the value range on times that make day, month and
// year boundaries hard.
#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <random>
#include <set>

#include "search/backends.h"
#include "search/query.h"
#include "search/search.h"

namespace tidings::search {
namespace {

namespace fs = std::filesystem;

SearchDoc doc(int64_t id, std::string title, std::string text) {
  SearchDoc d;
  d.article_id = id;
  d.title = std::move(title);
  d.text = std::move(text);
  d.outlet = id % 2 ? "Global Wire" : "Daily Ledger";
  d.language = "en";
  d.url = "https://example.com/" + std::to_string(id);
  d.published_at = Instant(std::chrono::seconds(1698832800 + id * 3600));
  d.story_id = 1 + id % 3;
  return d;
}

// A new, empty index of `format` in `dir` (made).
Result<std::unique_ptr<SearchIndex>> new_index(const std::string& dir, int format) {
  fs::create_directories(dir);
  return open_xapian(dir, true, true, format);
}

std::string long_title() {  // more words than the title's positions
  std::string t;
  for (int i = 1; i <= 1200; ++i) t += "t" + std::to_string(10000 + i) + " ";
  return t;
}

std::vector<SearchDoc> corpus() {
  const std::string w61(61, 'q');  // the longest ASCII word indexed
  const std::string w70(70, 'x');  // skipped: its neighbours become adjacent
  return {
      doc(1, "New York strike", "New new York: the the the strike in new York city. York new york."),
      doc(2, "Gaza", "City officials in Gaza said the al-Shifa hospital lost power."),
      doc(3, "Gaza City hospital", "Israeli strikes hit al Shifa; U.S. forces and US officials said nothing."),
      doc(4, "End of talks", "The talks came to an end. Start again, said the U.S. envoy; u s aid."),
      doc(5, "Long words", "alpha " + w70 + " beta, and gamma " + w61 + " delta " + w61 + " " + w61),
      doc(6, "Путин заявил", "Путин заявил о переговорах. غزة مستشفى الشفاء في غزة. 東京 都 の 会議"),
      doc(7, "Café crème", "Un café crème et un café noir; CAFÉ Crème again. naïve café"),
      doc(8, long_title(), "bodystart follows the long title; t10500 t10501 are title words"),
      doc(9, "strike strike", "strike strike strike new york new york new york"),
      doc(10, "Markets", "European markets rose on Tuesday; new york markets fell. City Gaza."),
      doc(11, "Iran's envoy", "Iran's foreign minister said it's still early: don't go, it s not Iran s. "
                              "L'armée d'Israël; the U.S. s t'd we'll they're you've I'm."),
  };
}

// Phrases that occur, that do not, and across every boundary of the corpus.
std::vector<std::string> queries() {
  std::vector<std::string> q = {
      "\"new york\"", "\"york new\"", "\"new new\"", "\"new new york\"", "\"the the\"",
      "\"the the the\"", "\"the the the the\"", "\"york new york\"", "\"new york city\"",
      "\"gaza city\"", "\"city officials\"", "\"gaza city hospital\"", "al-Shifa", "\"al shifa\"",
      "\"al-Shifa hospital\"", "U.S.", "\"u s\"", "\"U.S. forces\"", "\"us officials\"", "\"end start\"",
      "\"end. Start\"", "\"alpha beta\"", "\"alpha " + std::string(70, 'x') + " beta\"",
      "\"gamma " + std::string(61, 'q') + "\"", "\"" + std::string(61, 'q') + " " + std::string(61, 'q') + "\"",
      "\"" + std::string(61, 'q') + " delta\"", "\"путин заявил\"", "\"Путин Заявил о\"",
      "\"غزة مستشفى\"", "\"مستشفى الشفاء في غزة\"", "\"東京 都\"", "\"café crème\"", "\"CAFÉ CRÈME\"",
      "\"naïve café\"", "\"strike strike\"", "\"strike strike strike\"", "\"strike strike strike strike\"",
      "\"strike new\"", "\"new york new york new york\"", "\"york strike\"", "\"strike in new york\"",
      "\"t10997 t10998\"", "\"t10998 bodystart\"", "\"t10998 t10999\"", "\"t11200 bodystart\"",
      "\"t10001 t10002 t10003\"", "\"long words alpha\"", "\"markets european\"", "\"city gaza\"",
      "\"new york\" OR \"gaza city\"", "\"new york\" -\"york city\"", "\"the the\" AND strike",
      "(\"al shifa\" OR U.S.) NOT \"gaza city\"", "\"new york\" markets", "\"nothing at all\"",
      "\"Iran's foreign\"", "\"Iran's foreign minister\"", "\"iran s foreign minister said\"", "\"it's still\"",
      "\"it s still\"", "\"don't go\"", "\"it s not\"", "\"s t d\"", "\"u s s\"", "\"envoy iran s\"",
      "\"L'armée d'Israël\"", "\"we'll they're you've\"", "\"s iran s\"", "\"Iran's\"",
      // Phrases of three words or more that the query requires (format 4:
      // checked by PhraseCheck), and ones it does not (by OP_PHRASE).
      "\"new york city\" \"york new york\"", "\"new new york\" AND \"strike in new\"",
      "\"gaza city hospital\" OR strike", "strike -\"new york city\"", "\"the the the\" -\"new new york\"",
      "(\"new york city\" OR \"al shifa hospital\") AND \"the the\"", "\"foreign minister said it s\" iran",
      "\"iran s foreign minister\" -\"it s still early\"",
  };
  // Every run of two to four words of every field, and every two words a
  // field boundary or a skipped word separates.
  for (const SearchDoc& d : corpus()) {
    for (const std::string* field : {&d.title, &d.text}) {
      const std::vector<Word> w = split_words(*field, 40);
      for (size_t i = 0; i < w.size(); ++i) {
        for (size_t n = 2; n <= 4 && i + n <= w.size(); ++n) {
          std::string p = "\"";
          for (size_t k = i; k < i + n; ++k) p += (k > i ? " " : "") + w[k].text;
          q.push_back(p + "\"");
        }
        if (i + 2 < w.size()) q.push_back("\"" + w[i].text + " " + w[i + 2].text + "\"");
      }
    }
  }
  return q;
}

class XapianPairsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    base_ = (fs::temp_directory_path() /
             ("tidings-pairs-" + std::to_string(::getpid()) + "-" +
              ::testing::UnitTest::GetInstance()->current_test_info()->name()))
                .string();
    fs::remove_all(base_);
    for (int format : {1, 2, 3, 4}) {
      const std::string dir = base_ + "/f" + std::to_string(format);
      auto index = new_index(dir, format);
      ASSERT_TRUE(index) << index.error().message;
      ASSERT_TRUE((*index)->add(corpus()));
      index_[format] = std::move(*index);
    }
  }
  void TearDown() override {
    for (auto& index : index_) index.reset();
    fs::remove_all(base_);
  }

  std::string base_;
  std::unique_ptr<SearchIndex> index_[5];
};

struct Answer {
  std::vector<std::pair<int64_t, double>> hits;  // in rank order
};

Answer answer(SearchIndex& index, const std::string& q, Filters f = {}) {
  SearchRequest r;
  r.query = q;
  r.filters = f;
  r.limit = 200;
  auto res = index.search(r);
  EXPECT_TRUE(res) << q << ": " << (res ? "" : res.error().message);
  Answer a;
  if (!res) return a;
  for (const Hit& h : res->hits) a.hits.emplace_back(h.article_id, h.score);
  return a;
}

void expect_same(SearchIndex& old_index, SearchIndex& new_index, const std::string& q, Filters f = {}) {
  const Answer a = answer(old_index, q, f), b = answer(new_index, q, f);
  ASSERT_EQ(a.hits.size(), b.hits.size()) << q;
  for (size_t i = 0; i < a.hits.size(); ++i) {
    EXPECT_EQ(a.hits[i].first, b.hits[i].first) << q << " rank " << i;
    EXPECT_NEAR(a.hits[i].second, b.hits[i].second, 1e-9) << q << " rank " << i;
  }
}

TEST_F(XapianPairsTest, EveryPhraseMatchesAndRanksAsByPositions) {
  const std::vector<std::string> qs = queries();
  ASSERT_GT(qs.size(), 300u);
  size_t matched = 0;
  for (const std::string& q : qs) {
    expect_same(*index_[1], *index_[2], q);
    if (!answer(*index_[2], q).hits.empty()) ++matched;
  }
  EXPECT_GT(matched, qs.size() / 2);  // the comparison is not between empty lists
  Filters f;
  f.outlet = "Global Wire";
  expect_same(*index_[1], *index_[2], "\"new york\"", f);
  expect_same(*index_[1], *index_[2], "\"the the the\" OR \"al shifa\"", f);
}

std::vector<int64_t> sorted_ids(const Answer& a) {
  std::vector<int64_t> out;
  for (const auto& [id, w] : a.hits) out.push_back(id);
  std::sort(out.begin(), out.end());
  return out;
}

TEST_F(XapianPairsTest, Formats3And4MatchTheSameDocuments) {
  const std::vector<std::string> qs = queries();
  for (int format : {3, 4}) {
    for (const std::string& q : qs) {
      EXPECT_EQ(sorted_ids(answer(*index_[1], q)), sorted_ids(answer(*index_[format], q))) << q << " format " << format;
    }
    Filters f;
    f.outlet = "Global Wire";
    for (const char* q : {"\"new york\"", "\"the the the\" OR \"al shifa\"", "strike", "\"iran s foreign\""}) {
      EXPECT_EQ(sorted_ids(answer(*index_[1], q, f)), sorted_ids(answer(*index_[format], q, f))) << q;
    }
  }
}

TEST_F(XapianPairsTest, Format4FiltersAsFormat3) {
  Filters f;
  f.outlet = "Global Wire";
  f.from = Instant(std::chrono::seconds(1698832800 + 2 * 3600));
  f.to = Instant(std::chrono::seconds(1698832800 + 9 * 3600 + 1));
  for (const char* q : {"\"new york\"", "strike OR gaza", "city", "\"iran s foreign\"", ""}) {
    EXPECT_EQ(sorted_ids(answer(*index_[3], q, f)), sorted_ids(answer(*index_[4], q, f))) << q;
  }
}

TEST(XapianPhraseCheck, CountsWhatItLetsThrough) {
  // Format 4 matches a required phrase of three words or more by its pairs
  // and checks positions only where the matcher would rank a document;
  // the count of matches is Xapian's, scaled by the share the check let
  // through. 600 documents hold "alpha beta gamma", 1,400 its pairs apart.
  const std::string base = (fs::temp_directory_path() / ("tidings-check-" + std::to_string(::getpid()))).string();
  fs::remove_all(base);
  auto f1 = new_index(base + "/f1", 1);
  auto f4 = new_index(base + "/f4", 4);
  ASSERT_TRUE(f1 && f4);
  std::vector<SearchDoc> docs;
  for (int i = 1; i <= 2000; ++i) {
    docs.push_back(doc(i, "t", i % 10 < 3 ? "some alpha beta gamma text " + std::to_string(i)
                                          : "alpha beta and beta gamma text " + std::to_string(i)));
  }
  ASSERT_TRUE((*f1)->add(docs));
  ASSERT_TRUE((*f4)->add(docs));
  SearchRequest r;
  r.query = "\"alpha beta gamma\"";
  r.limit = 10;
  auto a = (*f1)->search(r), b = (*f4)->search(r);
  ASSERT_TRUE(a && b);
  EXPECT_EQ(a->hits.size(), 10u);
  EXPECT_EQ(b->hits.size(), 10u);
  EXPECT_NEAR(static_cast<double>(b->total), 600.0, 120.0);
  EXPECT_NEAR(static_cast<double>(a->total), 600.0, 180.0);
  for (int offset : {0, 190, 590}) {  // every page holds the phrase; the last one ends at 600
    r.offset = offset;
    r.limit = 20;
    auto page = (*f4)->search(r);
    ASSERT_TRUE(page);
    EXPECT_EQ(page->hits.size(), offset == 590 ? 10u : 20u) << offset;
    for (const Hit& h : page->hits) EXPECT_LT(h.article_id % 10, 3) << h.article_id;
  }
  f1->reset();
  f4->reset();
  fs::remove_all(base);
}

TEST_F(XapianPairsTest, Format3KeepsTheRankingOfWords) {
  // Pairs lengthen every document by about half, so each document's length
  // against the average, and the order of the answers to word queries, stay.
  for (int format : {3, 4}) {
    for (const char* q : {"strike", "york", "gaza", "officials", "city", "café", "markets", "new", "the",
                          "strike OR gaza", "new AND york", "said -gaza", "\"gaza city hospital\"", "iran"}) {
      const Answer a = answer(*index_[1], q), b = answer(*index_[format], q);
      ASSERT_EQ(a.hits.size(), b.hits.size()) << q;
      for (size_t i = 0; i < a.hits.size(); ++i) EXPECT_EQ(a.hits[i].first, b.hits[i].first) << q << " rank " << i;
    }
  }
}

TEST_F(XapianPairsTest, Format4RanksAPhraseWithACliticByItsOwnCount) {
  // "iran s foreign" is one triple term in format 4: the document that
  // says it more often ranks first, though both hold the words as often.
  const std::string dir = base_ + "/triples";
  auto index = new_index(dir, 4);
  ASSERT_TRUE(index) << index.error().message;
  ASSERT_TRUE((*index)->add({doc(41, "One", "Iran's foreign policy and Iran's foreign aid: calm water"),
                             doc(42, "Two", "Iran's foreign policy, foreign aid, Iran s water calm")}));
  const Answer a = answer(**index, "\"Iran's foreign\"");
  ASSERT_EQ(a.hits.size(), 2u);
  EXPECT_EQ(a.hits[0].first, 41);
  EXPECT_GT(a.hits[0].second, a.hits[1].second);
  index->reset();
  Xapian::Database db(dir + "/xapian");
  EXPECT_EQ(db.get_termfreq("XTiran s foreign"), 2u);
  EXPECT_EQ(db.get_collection_freq("XTiran s foreign"), 3u);
  EXPECT_TRUE(db.term_exists("XTs foreign policy"));
  EXPECT_FALSE(db.term_exists("XTone iran s"));  // the title "One" and the body: never one triple
  EXPECT_FALSE(db.term_exists("XTforeign policy and"));  // no clitic: pairs only
  EXPECT_FALSE(db.term_exists("XTs calm water"));        // not adjacent
}

TEST_F(XapianPairsTest, Format3RanksATwoWordPhraseByItsOwnCount) {
  // Two documents of the same length with both words as often: the one
  // that has them together more often ranks first (in formats 1 and 2 they
  // tie: a phrase is weighted by its words).
  auto index = new_index(base_ + "/count", 3);
  ASSERT_TRUE(index) << index.error().message;
  ASSERT_TRUE((*index)->add({doc(31, "One", "river bank river bank river bank calm water today"),
                             doc(32, "Two", "river bank calm bank river water river today bank")}));
  const Answer a = answer(**index, "\"river bank\"");
  ASSERT_EQ(a.hits.size(), 2u);
  EXPECT_EQ(a.hits[0].first, 31);
  EXPECT_GT(a.hits[0].second, a.hits[1].second);
  // A title pair counts as the title's words do.
  ASSERT_TRUE((*index)->add({doc(33, "River bank", "calm water river bank today and more words here")}));
  EXPECT_EQ(answer(**index, "\"river bank\"").hits.at(0).first, 33);
}

TEST_F(XapianPairsTest, HardCasesMatchWhatPositionsSay) {
  auto ids = [&](const std::string& q) {
    std::vector<int64_t> out;
    for (const auto& [id, w] : answer(*index_[2], q).hits) out.push_back(id);
    std::sort(out.begin(), out.end());
    return out;
  };
  using V = std::vector<int64_t>;
  EXPECT_EQ(ids("\"new new york\""), V({1}));
  EXPECT_EQ(ids("\"the the the\""), V({1}));
  EXPECT_EQ(ids("\"the the the the\""), V());
  EXPECT_EQ(ids("\"strike strike strike\""), V({9}));
  EXPECT_EQ(ids("\"gaza city\""), V({3}));   // not 2 (title "Gaza", body "City …")
  EXPECT_EQ(ids("\"city gaza\""), V({10}));
  EXPECT_EQ(ids("al-Shifa"), V({2, 3}));     // a phrase: "al shifa"
  EXPECT_EQ(ids("U.S."), V({3, 4, 11}));     // "u s", and "u s aid"
  EXPECT_EQ(ids("\"end start\""), V({4}));   // punctuation is no boundary
  EXPECT_EQ(ids("\"alpha beta\""), V({5}));  // the 70-byte word between is not indexed
  EXPECT_EQ(ids("\"gamma " + std::string(61, 'q') + "\""), V({5}));
  EXPECT_EQ(ids("\"путин заявил о\""), V({6}));
  EXPECT_EQ(ids("\"мастерская заявил\""), V());
  EXPECT_EQ(ids("\"مستشفى الشفاء\""), V({6}));
  EXPECT_EQ(ids("\"東京 都\""), V({6}));
  EXPECT_EQ(ids("\"CAFÉ crème\""), V({7}));
  EXPECT_EQ(ids("\"t10997 t10998\""), V({8}));
  EXPECT_EQ(ids("\"t10998 bodystart\""), V());  // the last title word, the first body word
  EXPECT_EQ(ids("\"t10500 t10501\""), V({8}));
  EXPECT_EQ(ids("\"t10998 t10999\""), V());         // past the title's positions
  EXPECT_EQ(ids("t10999"), V());
}

TEST_F(XapianPairsTest, Format2HoldsPairTermsWithinFieldsAndFormat1None) {
  for (auto& index : index_) index.reset();
  Xapian::Database f1(base_ + "/f1/xapian"), f2(base_ + "/f2/xapian"), f3(base_ + "/f3/xapian");
  EXPECT_EQ(f1.get_metadata("tidings:format"), "");
  EXPECT_EQ(f2.get_metadata("tidings:format"), "2");
  EXPECT_EQ(f3.get_metadata("tidings:format"), "3");
  // Format 3: the same pair terms, counted (body pairs once, title pairs
  // thrice, as their words), so documents are longer.
  for (Xapian::TermIterator t = f2.allterms_begin("XB"); t != f2.allterms_end("XB"); ++t) {
    EXPECT_EQ(f2.get_termfreq(*t), f3.get_termfreq(*t)) << *t;
  }
  EXPECT_EQ(f3.get_collection_freq("XBnew york"), 3u /* title of 1 */ + 3 /* body of 1 */ + 3 /* 9 */ + 1 /* 10 */);
  EXPECT_GT(f3.get_doclength(1), f1.get_doclength(1));
  EXPECT_FALSE(f1.term_exists("XBnew york"));
  EXPECT_EQ(f2.get_termfreq("XBnew york"), 3u);  // 1, 9, 10
  EXPECT_EQ(f2.get_termfreq("XBgaza city"), 1u);  // 3 only: 2 has "Gaza" | "City"
  EXPECT_TRUE(f2.term_exists("XBal shifa"));
  EXPECT_TRUE(f2.term_exists("XBalpha beta"));
  EXPECT_TRUE(f2.term_exists("XBпутин заявил"));
  EXPECT_FALSE(f2.term_exists("XBt11200 bodystart"));
  // Pairs have wdf 0: documents keep their length, so BM25 is unchanged.
  EXPECT_EQ(f1.get_doclength(1), f2.get_doclength(1));
  EXPECT_EQ(f1.get_total_length(), f2.get_total_length());
  // Every pair term of a document is two of its words at adjacent positions.
  for (Xapian::TermIterator t = f2.allterms_begin("XB"); t != f2.allterms_end("XB"); ++t) {
    const std::string term = (*t).substr(2);
    const auto space = term.find(' ');
    ASSERT_NE(space, std::string::npos) << term;
    const std::string first = term.substr(0, space), second = term.substr(space + 1);
    for (Xapian::PostingIterator p = f2.postlist_begin(*t); p != f2.postlist_end(*t); ++p) {
      std::set<Xapian::termpos> after;
      for (auto q = f2.positionlist_begin(*p, first); q != f2.positionlist_end(*p, first); ++q) {
        after.insert(*q + 1);
      }
      bool adjacent = false;
      for (auto q = f2.positionlist_begin(*p, second); q != f2.positionlist_end(*p, second); ++q) {
        adjacent = adjacent || after.count(*q);
      }
      EXPECT_TRUE(adjacent) << *t << " in " << *p;
    }
  }
}

TEST_F(XapianPairsTest, AFormat1IndexStaysFormat1AndAnswersPhrases) {
  // An index written before pair terms existed: reopened and added to, it
  // records no pairs, claims none, and still finds phrases by positions.
  index_[1].reset();
  auto old = open_xapian(base_ + "/f1", true, false);
  ASSERT_TRUE(old) << old.error().message;
  ASSERT_TRUE((*old)->add({doc(20, "Fresh", "a fresh new york story")}));
  std::vector<int64_t> ids;
  for (const auto& [id, w] : answer(**old, "\"new york\"").hits) ids.push_back(id);
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(ids, std::vector<int64_t>({1, 9, 10, 20}));
  old->reset();
  Xapian::Database db(base_ + "/f1/xapian");
  EXPECT_EQ(db.get_metadata("tidings:format"), "");
  EXPECT_FALSE(db.term_exists("XBnew york"));
}

TEST_F(XapianPairsTest, AnOlderFormatTellsTheUserToReindex) {
  for (int format : {1, 2, 3}) {
    const std::string note = index_[format]->upgrade_note();
    EXPECT_NE(note.find("format " + std::to_string(format)), std::string::npos) << note;
    EXPECT_NE(note.find("tidings reindex"), std::string::npos) << note;
  }
  EXPECT_EQ(index_[4]->upgrade_note(), "");
}

TEST_F(XapianPairsTest, CompactionKeepsTheFormat) {
  ASSERT_TRUE(index_[2]->compact());
  for (const char* q : {"\"new york\"", "\"the the the\"", "al-Shifa", "\"gaza city hospital\""}) {
    expect_same(*index_[1], *index_[2], q);
  }
  index_[2].reset();
  Xapian::Database db(base_ + "/f2/xapian");
  EXPECT_EQ(db.get_metadata("tidings:format"), "2");
  EXPECT_TRUE(db.term_exists("XBnew york"));
}

TEST_F(XapianPairsTest, NewIndexesAreFormat4AndUnknownFormatsAreRefused) {
  const std::string dir = base_ + "/created";
  auto created = create_index(dir, Backend::kXapian);
  ASSERT_TRUE(created) << created.error().message;
  created->reset();
  {
    Xapian::WritableDatabase db(dir + "/xapian");
    EXPECT_EQ(db.get_metadata("tidings:format"), std::to_string(kXapianFormat));
    db.set_metadata("tidings:format", "9");  // a newer tidings
    db.commit();
  }
  auto newer = open_index(dir, false);
  ASSERT_FALSE(newer);
  EXPECT_EQ(newer.error().code, ErrorCode::kIo);
  EXPECT_NE(newer.error().message.find("tidings reindex"), std::string::npos) << newer.error().message;
  EXPECT_EQ(kXapianFormat, 4);
  EXPECT_FALSE(open_xapian(base_ + "/other", true, true, 5));
  EXPECT_FALSE(open_xapian(base_ + "/other", true, true, 0));
}

TEST_F(XapianPairsTest, AttentionCountsTheSameMatches) {
  for (const char* q : {"\"new york\"", "\"the the\"", "U.S."}) {
    auto a = index_[1]->hourly_counts(q, {});
    auto b = index_[3]->hourly_counts(q, {});
    ASSERT_TRUE(a && b) << q;
    ASSERT_EQ(a->counts.size(), b->counts.size()) << q;
    EXPECT_FALSE(a->counts.empty()) << q;
    for (size_t i = 0; i < a->counts.size(); ++i) {
      EXPECT_EQ(a->counts[i].hour, b->counts[i].hour);
      EXPECT_EQ(a->counts[i].outlet, b->counts[i].outlet);
      EXPECT_EQ(a->counts[i].articles, b->counts[i].articles);
    }
  }
}

}  // namespace
}  // namespace tidings::search

namespace tidings::search {
namespace {

// Format 4's date terms against format 3's value range: the same documents
// for every range, over times that make the boundaries hard (midnights, a
// second before them, 29 February, month and year ends, before 1970, and
// times outside the years 1 to 9999, which have no date terms).
TEST(XapianDateTerms, EveryRangeMatchesWhatTheValueRangeMatches) {
  const std::string base = (fs::temp_directory_path() / ("tidings-dates-" + std::to_string(::getpid()))).string();
  fs::remove_all(base);
  std::vector<int64_t> times = {
      1672531200,        1672531199,        1672531201,   // 2023-01-01T00:00:00Z and a second either side
      1709164800,        1709251199,        1709251200,   // 2024-02-29 (leap day): its start, its end, 1 March
      1698796800 - 1,    1698796800,        1698883199,   // 2023-11-01 and the second before it
      1704067199,        1704067200,                      // 2023's last second, 2024's first
      0,                 -1,                -86400 * 400,   // the epoch, the second before, 1968
      -62135596800,      253402300799,                    // 0001-01-01, 9999-12-31T23:59:59Z
      -62135596801,      253402300800,      int64_t{1} << 40,  // outside the years 1 to 9999
  };
  std::mt19937_64 rng(11);
  for (int i = 0; i < 400; ++i) times.push_back(1640995200 + static_cast<int64_t>(rng() % (4ull * 365 * 86400)));
  std::unique_ptr<SearchIndex> index[2];
  for (int k = 0; k < 2; ++k) {
    const std::string dir = base + "/f" + std::to_string(3 + k);
    auto opened = new_index(dir, 3 + k);
    ASSERT_TRUE(opened) << opened.error().message;
    std::vector<SearchDoc> docs;
    for (size_t j = 0; j < times.size(); ++j) {
      SearchDoc d = doc(static_cast<int64_t>(j + 1), "t", j % 2 ? "alpha" : "alpha beta");
      d.published_at = Instant(std::chrono::seconds(times[j]));
      docs.push_back(std::move(d));
    }
    ASSERT_TRUE((*opened)->add(docs));
    index[k] = std::move(*opened);
  }
  // Every id a query matches (pages of 200).
  auto ids = [](SearchIndex& ix, const std::string& q, const Filters& f) {
    std::vector<int64_t> out;
    for (int offset = 0;; offset += kMaxLimit) {
      SearchRequest r;
      r.query = q;
      r.filters = f;
      r.limit = kMaxLimit;
      r.offset = offset;
      auto res = ix.search(r);
      EXPECT_TRUE(res) << (res ? "" : res.error().message);
      if (!res) break;
      for (const Hit& h : res->hits) out.push_back(h.article_id);
      if (res->hits.size() < static_cast<size_t>(kMaxLimit)) break;
    }
    std::sort(out.begin(), out.end());
    return out;
  };
  auto at = [](int64_t t) { return Instant(std::chrono::seconds(t)); };
  std::vector<Filters> ranges;
  auto range = [&](std::optional<int64_t> from, std::optional<int64_t> to) {
    Filters f;
    if (from) f.from = at(*from);
    if (to) f.to = at(*to);
    ranges.push_back(f);
  };
  for (int64_t t : times) {  // each time as either end, and the second after it
    range(t, std::nullopt);
    range(std::nullopt, t);
    range(t, t + 1);
    range(t + 1, t + 86400 * 31);
    range(t - 86400 * 400, t);
  }
  range(1672531200, 1704067200);  // exactly 2023
  range(1698796800, 1701388800);  // exactly November 2023
  range(1698796800, 1698883200);  // exactly 1 November 2023
  range(-62135596801, 253402300801);
  for (int i = 0; i < 300; ++i) {
    const int64_t a = 1640995200 + static_cast<int64_t>(rng() % (4ull * 365 * 86400));
    const int64_t b = a + 1 + static_cast<int64_t>(rng() % (i % 3 ? 86400 * 3 : 86400 * 500));
    range(a, b);
  }
  size_t nonempty = 0;
  for (const Filters& f : ranges) {
    const auto expected = ids(*index[0], "", f);
    ASSERT_EQ(expected, ids(*index[1], "", f))
        << (f.from ? format_rfc3339(*f.from) : "-") << " .. " << (f.to ? format_rfc3339(*f.to) : "-");
    EXPECT_EQ(ids(*index[0], "beta", f), ids(*index[1], "beta", f));
    if (!expected.empty()) ++nonempty;
  }
  EXPECT_GT(nonempty, ranges.size() * 3 / 4);  // not a comparison of empty lists
  // The terms are the UTC date's.
  for (auto& ix : index) ix.reset();
  Xapian::Database db(base + "/f4/xapian");
  EXPECT_TRUE(db.term_exists("XY2024"));
  EXPECT_TRUE(db.term_exists("XM202402"));
  EXPECT_TRUE(db.term_exists("XD20240229"));
  const auto on_new_years_eve = std::count_if(times.begin(), times.end(), [](int64_t t) {
    return t >= 1703980800 && t < 1704067200;  // 2023-12-31
  });
  EXPECT_EQ(db.get_termfreq("XD20231231"), static_cast<Xapian::doccount>(on_new_years_eve));
  EXPECT_GE(on_new_years_eve, 1);
  EXPECT_TRUE(db.term_exists("XY1968"));
  EXPECT_TRUE(db.term_exists("XD19691231"));
  EXPECT_TRUE(db.term_exists("XD00010101") && db.term_exists("XY0001"));
  EXPECT_TRUE(db.term_exists("XD99991231"));
  EXPECT_EQ(db.get_termfreq("XYout"), 3u);
  Xapian::Database f3(base + "/f3/xapian");
  EXPECT_FALSE(f3.term_exists("XY2023"));
  fs::remove_all(base);
}

}  // namespace
}  // namespace tidings::search
