// Both backends (src/search/search.h) on the same documents: every test
// runs against Xapian and FTS5 (as Xapian's own tests run against every
// backend), so the two agree on what a query means.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "search/search.h"

namespace tidings::search {
namespace {

namespace fs = std::filesystem;

Instant at(const char* rfc3339) { return *parse_iso8601(rfc3339); }

SearchDoc doc(int64_t id, std::string title, std::string text, std::string outlet,
              const char* when, int64_t story = 0, std::string lang = "en") {
  SearchDoc d;
  d.article_id = id;
  d.title = std::move(title);
  d.text = std::move(text);
  d.outlet = std::move(outlet);
  d.url = "https://example.com/" + std::to_string(id);
  d.language = std::move(lang);
  d.published_at = at(when);
  d.story_id = story;
  return d;
}

class IndexTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    // A parameterised test's name is "Phrases/xapian": its '/' would make
    // the index a subfolder of a folder that TearDown leaves behind.
    std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    std::replace(name.begin(), name.end(), '/', '-');
    dir_ = (fs::temp_directory_path() /
            ("tidings-search-" + std::to_string(::getpid()) + "-" + backend_name(GetParam()) + "-" + name))
               .string();
    fs::remove_all(dir_);
    auto index = create_index(dir_, GetParam());
    ASSERT_TRUE(index) << index.error().message;
    index_ = std::move(*index);
    std::vector<SearchDoc> docs = {
        doc(1, "Strike hits Gaza hospital", "Israeli strikes hit the al-Shifa hospital in Gaza City on Tuesday, officials said.",
            "Global Wire", "2023-11-01T10:00:00Z", 7),
        doc(2, "Iran warns of escalation", "Iran's foreign minister warned of a wider war in the Middle East.",
            "Daily Ledger", "2023-11-01T15:00:00Z", 8),
        doc(3, "Aid trucks enter Gaza", "Aid trucks entered Gaza through the Rafah crossing. Hospitals are short of fuel.",
            "Newshub Today", "2023-11-02T09:30:00Z", 7),
        doc(4, "West Bank raids", "Raids in the West Bank; settlers and soldiers in Jenin. Gaza is not mentioned here? It is.",
            "Global Wire", "2023-11-03T08:00:00Z", 9),
        doc(5, "Le marché", "Les marchés européens ont progressé mardi.", "Le Monde", "2023-11-03T09:00:00Z", 0, "fr"),
    };
    docs[0].entities = {"Benjamin Netanyahu", "person:benjamin netanyahu"};
    docs[0].places = {"Gaza City", "geonames:281133"};
    docs[2].places = {"Rafah", "geonames:281102"};
    docs[3].entities = {"Israel Defense Forces"};
    ASSERT_TRUE(index_->add(docs));
  }
  void TearDown() override {
    index_.reset();
    fs::remove_all(dir_);
  }

  std::vector<int64_t> ids(const std::string& q, Filters f = {}) {
    SearchRequest r;
    r.query = q;
    r.filters = f;
    auto res = index_->search(r);
    EXPECT_TRUE(res) << q << ": " << (res ? "" : res.error().message);
    std::vector<int64_t> out;
    if (res) {
      for (const Hit& h : res->hits) out.push_back(h.article_id);
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  std::string dir_;
  std::unique_ptr<SearchIndex> index_;
};

using V = std::vector<int64_t>;

TEST_P(IndexTest, TermsAreStemmed) {
  EXPECT_EQ(ids("gaza"), (V{1, 3, 4}));
  EXPECT_EQ(ids("hospital"), (V{1, 3}));  // "Hospitals" too
  EXPECT_EQ(ids("strikes"), (V{1}));      // "Strike", "strikes"
  EXPECT_EQ(ids("GAZA"), (V{1, 3, 4}));
  EXPECT_EQ(ids("nothinglikethis"), V{});
}

TEST_P(IndexTest, Phrases) {
  EXPECT_EQ(ids("\"west bank\""), (V{4}));
  EXPECT_EQ(ids("\"bank west\""), V{});
  EXPECT_EQ(ids("\"aid trucks\""), (V{3}));
  EXPECT_EQ(ids("al-Shifa"), (V{1}));
  EXPECT_EQ(ids("\"gaza hospital\""), (V{1}));  // the title
}

TEST_P(IndexTest, BooleanOperators) {
  EXPECT_EQ(ids("gaza AND hospital"), (V{1, 3}));
  EXPECT_EQ(ids("gaza hospital"), (V{1, 3}));
  EXPECT_EQ(ids("iran OR rafah"), (V{2, 3}));
  EXPECT_EQ(ids("gaza NOT hospital"), (V{4}));
  EXPECT_EQ(ids("gaza -\"west bank\""), (V{1, 3}));
  EXPECT_EQ(ids("(iran OR jenin) AND war"), (V{2}));
  EXPECT_EQ(ids("gaza NOT (hospital OR jenin)"), V{});
}

TEST_P(IndexTest, Filters) {
  Filters f;
  f.outlet = "global wire";
  EXPECT_EQ(ids("gaza", f), (V{1, 4}));
  f = {};
  f.language = "fr";
  EXPECT_EQ(ids("", f), (V{5}));
  f = {};
  f.from = at("2023-11-02T00:00:00Z");
  EXPECT_EQ(ids("gaza", f), (V{3, 4}));
  f.to = at("2023-11-03T00:00:00Z");
  EXPECT_EQ(ids("gaza", f), (V{3}));
  f = {};
  f.story_id = 7;
  EXPECT_EQ(ids("gaza", f), (V{1, 3}));
  f = {};
  f.entity = "benjamin NETANYAHU";
  EXPECT_EQ(ids("", f), (V{1}));
  f.entity = "israel defense forces";
  EXPECT_EQ(ids("gaza", f), (V{4}));
  f = {};
  f.place = "281102";  // a geonames id
  EXPECT_EQ(ids("", f), (V{3}));
  f.place = "Gaza City";
  EXPECT_EQ(ids("hospital", f), (V{1}));
}

TEST_P(IndexTest, RankingSnippetsAndFields) {
  SearchRequest r;
  r.query = "hospital";
  auto res = index_->search(r);
  ASSERT_TRUE(res);
  ASSERT_EQ(res->hits.size(), 2u);
  EXPECT_EQ(res->total, 2);
  EXPECT_EQ(res->hits[0].article_id, 1);  // in its title
  EXPECT_GT(res->hits[0].score, res->hits[1].score);
  const Hit& h = res->hits[0];
  EXPECT_EQ(h.title, "Strike hits Gaza hospital");
  EXPECT_EQ(h.outlet, "Global Wire");
  EXPECT_EQ(h.url, "https://example.com/1");
  EXPECT_EQ(h.story_id, 7);
  EXPECT_EQ(format_rfc3339(h.published_at), "2023-11-01T10:00:00Z");
  ASSERT_FALSE(h.highlights.empty());
  EXPECT_EQ(h.snippet.substr(h.highlights[0].start, h.highlights[0].end - h.highlights[0].start),
            "hospital");
}

TEST_P(IndexTest, PagingAndBounds) {
  SearchRequest r;
  r.query = "gaza";
  r.limit = 2;
  auto a = index_->search(r);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->hits.size(), 2u);
  EXPECT_EQ(a->total, 3);
  r.offset = 2;
  auto b = index_->search(r);
  ASSERT_TRUE(b);
  ASSERT_EQ(b->hits.size(), 1u);
  for (const Hit& h : a->hits) EXPECT_NE(h.article_id, b->hits[0].article_id);
  r.limit = kMaxLimit + 1;
  EXPECT_FALSE(index_->search(r));
  r.limit = 10;
  r.offset = kMaxOffset + 1;
  EXPECT_FALSE(index_->search(r));
}

TEST_P(IndexTest, HostileQueriesAreErrorsNotCrashes) {
  for (const std::string& q :
       {std::string("\"unbalanced"), std::string("(("), std::string("AND OR NOT"),
        std::string(5000, 'x'), std::string("gaza\x07"), std::string("NOT gaza"), std::string(""),
        std::string("\"*\" OR NEAR(a b)"), std::string("title:gaza"), std::string("a*")}) {
    SearchRequest r;
    r.query = q;
    auto res = index_->search(r);
    if (!res) {
      EXPECT_EQ(res.error().code, ErrorCode::kInvalidInput) << q;
    }
  }
  // FTS5 syntax in the query is only words.
  EXPECT_EQ(ids("title:gaza"), V{});  // the words "title" and "gaza" as a phrase
  EXPECT_EQ(ids("NEAR(gaza hospital)"), V{});  // the word "near" too
  EXPECT_EQ(ids("(gaza hospital)"), (V{1, 3}));
}

TEST_P(IndexTest, ReplacesByArticleId) {
  ASSERT_TRUE(index_->add({doc(3, "Convoy", "A convoy reached Khan Younis.", "Newshub Today",
                               "2023-11-02T09:30:00Z")}));
  EXPECT_EQ(ids("gaza"), (V{1, 4}));
  EXPECT_EQ(ids("convoy"), (V{3}));
  EXPECT_EQ(index_->doc_count().value(), 5);
  EXPECT_GT(index_->size_bytes().value(), 0);
  SearchDoc bad;
  EXPECT_FALSE(index_->add({bad}));
}

TEST_P(IndexTest, CompactKeepsIdsAndAnswersAndStaysWritable) {
  // Ids far apart, as article ids are after deletions: compaction must not
  // renumber them (Xapian would by default).
  ASSERT_TRUE(index_->add({doc(90'000, "Ceasefire talks in Cairo", "Negotiators met in Cairo to discuss a ceasefire in Gaza.",
                               "Daily Ledger", "2023-11-04T10:00:00Z", 7)}));
  const V before = ids("gaza");
  const V phrase_before = ids("\"Rafah crossing\"");
  ASSERT_TRUE(index_->compact());
  EXPECT_EQ(ids("gaza"), before);
  EXPECT_EQ(ids("\"Rafah crossing\""), phrase_before);
  EXPECT_EQ(ids("ceasefire"), (V{90'000}));
  Filters outlet;
  outlet.outlet = "Global Wire";
  EXPECT_EQ(ids("gaza", outlet), (V{1, 4}));
  EXPECT_EQ(index_->doc_count().value(), 6);
  // Still open for writing: ingest goes on after a reindex.
  ASSERT_TRUE(index_->add({doc(7, "Truce", "A truce was agreed in Doha.", "Global Wire", "2023-11-05T10:00:00Z")}));
  EXPECT_EQ(ids("truce"), (V{7}));
  ASSERT_TRUE(index_->compact());  // twice is fine
  EXPECT_EQ(index_->doc_count().value(), 7);
  index_.reset();
  auto reader = open_index(dir_, false);
  ASSERT_TRUE(reader);
  EXPECT_EQ((*reader)->doc_count().value(), 7);
  EXPECT_FALSE((*reader)->compact());  // read-only
  for (const auto& e : fs::directory_iterator(dir_)) {  // no leftovers beside the index
    const std::string name = e.path().filename().string();
    EXPECT_EQ(name.find(".compact"), std::string::npos) << name;
    EXPECT_EQ(name.find(".old"), std::string::npos) << name;
  }
}

TEST_P(IndexTest, ReopensReadOnly) {
  index_.reset();
  auto backend = index_backend(dir_);
  ASSERT_TRUE(backend);
  EXPECT_EQ(*backend, GetParam());
  auto reader = open_index(dir_, false);
  ASSERT_TRUE(reader);
  EXPECT_EQ((*reader)->doc_count().value(), 5);
  EXPECT_FALSE((*reader)->add({doc(9, "x", "y", "z", "2023-11-01T00:00:00Z")}));
  EXPECT_FALSE(open_index(dir_ + "-absent", false));
  EXPECT_EQ(open_index(dir_ + "-absent", false).error().code, ErrorCode::kNotFound);
}

TEST_P(IndexTest, AttentionPerDayWithOutlets) {
  AttentionRequest r;
  r.queries = {"gaza", "iran"};
  r.filters.from = at("2023-10-31T00:00:00Z");
  r.filters.to = at("2023-11-04T00:00:00Z");
  auto a = attention(*index_, r);
  ASSERT_TRUE(a) << a.error().message;
  ASSERT_EQ(a->buckets.size(), 4u);
  EXPECT_EQ(format_rfc3339(a->buckets[0]), "2023-10-31T00:00:00Z");
  EXPECT_EQ(format_rfc3339(a->to), "2023-11-04T00:00:00Z");
  ASSERT_EQ(a->series.size(), 2u);
  EXPECT_EQ(a->series[0].articles, (V{0, 1, 1, 1}));
  EXPECT_EQ(a->series[0].outlets, (V{0, 1, 1, 1}));
  EXPECT_EQ(a->series[0].total_articles, 3);
  EXPECT_TRUE(a->series[0].complete);  // well inside the time bound
  EXPECT_TRUE(index_->hourly_counts("gaza", {})->complete);
  EXPECT_EQ(a->series[1].articles, (V{0, 1, 0, 0}));
  // Hours; an entity alone.
  r.queries = {""};
  r.filters.entity = "benjamin netanyahu";
  r.interval = Interval::kHour;
  r.filters.from = at("2023-11-01T09:30:00Z");
  r.filters.to = at("2023-11-01T12:00:00Z");
  a = attention(*index_, r);
  ASSERT_TRUE(a) << a.error().message;
  EXPECT_EQ(format_rfc3339(a->from), "2023-11-01T09:00:00Z");
  EXPECT_EQ(a->series[0].articles, (V{0, 1, 0}));
}

TEST_P(IndexTest, AttentionRangeFromTheMatches) {
  AttentionRequest r;
  r.queries = {"gaza"};
  auto a = attention(*index_, r);
  ASSERT_TRUE(a) << a.error().message;
  EXPECT_EQ(format_rfc3339(a->from), "2023-11-01T00:00:00Z");
  EXPECT_EQ(a->series[0].articles, (V{1, 1, 1}));
}

TEST_P(IndexTest, AttentionBounds) {
  AttentionRequest r;
  r.filters.from = at("2015-01-01T00:00:00Z");
  r.filters.to = at("2023-01-01T00:00:00Z");
  r.queries = {"gaza"};
  EXPECT_FALSE(attention(*index_, r));  // > kMaxBuckets days
  r.interval = Interval::kHour;
  r.filters.from = at("2022-01-01T00:00:00Z");
  EXPECT_FALSE(attention(*index_, r));  // > kMaxBuckets hours
  r.interval = Interval::kDay;
  EXPECT_TRUE(attention(*index_, r));
  r.queries.assign(kMaxAttentionQueries + 1, "gaza");
  EXPECT_FALSE(attention(*index_, r));
  r.queries = {"\"broken"};
  EXPECT_FALSE(attention(*index_, r));
  r.queries = {""};
  EXPECT_FALSE(attention(*index_, r));  // nothing to count
  r.queries = {};
  EXPECT_FALSE(attention(*index_, r));
}

INSTANTIATE_TEST_SUITE_P(Backends, IndexTest, ::testing::Values(Backend::kXapian, Backend::kFts5),
                         [](const auto& info) { return std::string(backend_name(info.param)); });

}  // namespace
}  // namespace tidings::search
