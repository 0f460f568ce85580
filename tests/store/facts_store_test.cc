// Facts in the SQLite store (migration 8): an article's facts replaced as a
// whole and read back, refused when malformed, rolled back with the
// caller's transaction, the articles a re-run must visit (new version,
// changed text), a story's facts counted per claim and not per copy, and
// the figures its sources disagree on.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "store/fact_fixtures.h"
#include "store/fact_json.h"
#include "store/store.h"
#include "store/story_fixtures.h"

namespace tidings {
namespace {

using testing::link_article;
using testing::seed_article;

std::unique_ptr<Store> memory_store() {
  auto s = open_sqlite_store(":memory:");
  EXPECT_TRUE(s.has_value()) << s.error().message;
  return s ? std::move(*s) : nullptr;
}

FactRecord figure(const std::string& key, double value, const std::string& qualifier = "exact",
                  const std::string& attribution = "") {
  return testing::figure_fact(key, value, qualifier, attribution);
}

FactRecord named(const std::string& kind, const std::string& key, const std::string& label) {
  return testing::named_fact(kind, key, label);
}

FactRecord quote(const std::string& speaker_key, const std::string& speaker,
                 const std::string& text) {
  FactRecord f = named("quote", speaker_key, text);
  f.attribution = speaker;
  return f;
}

void set_facts(Store& store, int64_t article, const std::vector<FactRecord>& facts) {
  auto r = store.set_article_facts(article, 1, facts);
  ASSERT_TRUE(r) << r.error().message;
}

TEST(FactsStore, StoresAndReplacesAnArticlesFactsInOrder) {
  auto store = memory_store();
  const int64_t a = seed_article(*store, "https://wire.example/1", "T", "Wire",
                                 "2023-11-01T09:00:00Z");
  auto before = store->article_facts(a);
  ASSERT_TRUE(before);
  EXPECT_FALSE(before->version);
  EXPECT_TRUE(before->facts.empty());

  FactRecord killed = figure("killed/people", 8796, "at_least", "according to officials");
  killed.sentence = 3;
  killed.start = 120;
  killed.end = 135;
  killed.as_of = parse_iso8601("2023-11-01T06:00:00Z");
  killed.json = R"({"type":"figure","quantity":8796})";
  FactRecord children = figure("killed/children", 3648);
  children.parent = 0;
  FactRecord tehran = named("place", "geonames:112931", "Tehran");
  tehran.lat = 35.69;
  tehran.lon = 51.42;
  tehran.detail = "IR";
  ASSERT_TRUE(store->set_article_facts(a, 2, {killed, children, tehran}));

  auto got = store->article_facts(a);
  ASSERT_TRUE(got) << got.error().message;
  EXPECT_EQ(got->version, 2);
  EXPECT_TRUE(got->computed_at);
  EXPECT_FALSE(got->stale);
  ASSERT_EQ(got->facts.size(), 3u);
  const FactRecord& k = got->facts[0];
  EXPECT_EQ(k.kind, "figure");
  EXPECT_EQ(k.key, "killed/people");
  EXPECT_EQ(k.value, 8796);
  EXPECT_EQ(k.qualifier, "at_least");
  EXPECT_EQ(k.attribution, "according to officials");
  EXPECT_EQ(k.sentence, 3);
  EXPECT_EQ(k.start, 120);
  EXPECT_EQ(k.end, 135);
  EXPECT_EQ(k.as_of, parse_iso8601("2023-11-01T06:00:00Z"));
  EXPECT_EQ(k.parent, -1);
  EXPECT_EQ(k.json, killed.json);
  EXPECT_EQ(got->facts[1].parent, 0);
  EXPECT_EQ(got->facts[2].lat, 35.69);
  EXPECT_EQ(got->facts[2].lon, 51.42);
  EXPECT_EQ(got->facts[2].detail, "IR");
  EXPECT_FALSE(got->facts[2].value);

  // JSON: whole quantities print as integers, the extractor's JSON nested.
  const auto j = article_facts_to_json(*got);
  EXPECT_EQ(j["facts"][0]["value"].dump(), "8796");
  EXPECT_EQ(j["facts"][0]["fact"]["quantity"], 8796);
  EXPECT_EQ(j["facts"][1]["parent"], 0);
  EXPECT_EQ(j["facts"][0]["as_of"], "2023-11-01T06:00:00Z");

  // A re-run replaces them all; an empty list records that it ran.
  ASSERT_TRUE(store->set_article_facts(a, 3, {tehran}));
  got = store->article_facts(a);
  ASSERT_EQ(got->facts.size(), 1u);
  EXPECT_EQ(got->facts[0].key, "geonames:112931");
  ASSERT_TRUE(store->set_article_facts(a, 3, {}));
  got = store->article_facts(a);
  EXPECT_TRUE(got->facts.empty());
  EXPECT_EQ(got->version, 3);
}

TEST(FactsStore, RefusesMalformedFactsAndWritesNothing) {
  auto store = memory_store();
  const int64_t a = seed_article(*store, "https://wire.example/1", "T", "Wire", "");
  set_facts(*store, a, {named("person", "ali asghar khaji", "Ali Asghar Khaji")});
  const auto refused = [&](const std::vector<FactRecord>& facts, std::string_view needle) {
    auto r = store->set_article_facts(a, 2, facts);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidInput);
    EXPECT_NE(r.error().message.find(needle), std::string::npos) << r.error().message;
  };
  refused({named("rumour", "x", "x")}, "unknown kind");
  FactRecord backwards = named("person", "x", "x");
  backwards.start = 5;
  backwards.end = 2;
  refused({backwards}, "offsets");
  FactRecord orphan = figure("killed/children", 5);
  orphan.parent = 3;
  refused({figure("killed/people", 9), orphan}, "fact 1: parent");
  FactRecord self = figure("killed/people", 5);
  self.parent = 0;
  refused({self}, "parent");
  refused({figure("killed/people", std::numeric_limits<double>::quiet_NaN())}, "finite");
  refused({figure("killed/people", std::numeric_limits<double>::infinity())}, "finite");
  FactRecord upside_down = figure("killed/people", 20, "between");
  upside_down.value_max = 10;
  refused({upside_down}, "value_max");
  FactRecord half = named("place", "iso:IR", "Iran");
  half.lat = 32;
  refused({half}, "lat and lon");
  FactRecord far = named("place", "iso:IR", "Iran");
  far.lat = 95;
  far.lon = 10;
  refused({far}, "lat must");
  refused({named("quote", "x", std::string(kMaxFactTextBytes + 1, 'a'))}, "bytes");
  refused(std::vector<FactRecord>(kMaxFactsPerArticle + 1, named("date", "2023-11-01", "x")),
          "at most");
  EXPECT_FALSE(store->set_article_facts(a, 0, {}));

  // Nothing of the refused lists was written.
  auto got = store->article_facts(a);
  ASSERT_EQ(got->facts.size(), 1u);
  EXPECT_EQ(got->facts[0].key, "ali asghar khaji");
  EXPECT_EQ(got->version, 1);

  auto missing = store->set_article_facts(999, 1, {});
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(store->article_facts(999).error().code, ErrorCode::kNotFound);
}

TEST(FactsStore, LandsOrNotWithTheCallersTransaction) {
  auto store = memory_store();
  const int64_t a = seed_article(*store, "https://wire.example/1", "T", "Wire", "");
  auto r = store->transaction([&]() -> Result<void> {
    if (auto w = store->set_article_facts(a, 1, {figure("killed/people", 5)}); !w) return w;
    return fail(ErrorCode::kInternal, "the batch failed later");
  });
  ASSERT_FALSE(r);
  auto got = store->article_facts(a);
  EXPECT_TRUE(got->facts.empty());
  EXPECT_FALSE(got->version);
  ASSERT_TRUE(store->transaction([&]() -> Result<void> {
    return store->set_article_facts(a, 1, {figure("killed/people", 5)});
  }));
  EXPECT_EQ(store->article_facts(a)->facts.size(), 1u);
}

TEST(FactsStore, ListsTheArticlesAReRunMustVisit) {
  auto store = memory_store();
  std::vector<int64_t> ids;
  for (int i = 0; i < 4; ++i) {
    ids.push_back(seed_article(*store, "https://wire.example/" + std::to_string(i), "T", "Wire",
                               "", "Text " + std::to_string(i)));
  }
  auto need = store->articles_needing_facts(1, 0, 100);
  ASSERT_TRUE(need);
  EXPECT_EQ(*need, ids);
  set_facts(*store, ids[0], {});
  ASSERT_TRUE(store->set_article_facts(ids[1], 2, {}));
  EXPECT_EQ(*store->articles_needing_facts(1, 0, 100), std::vector<int64_t>({ids[2], ids[3]}));
  EXPECT_EQ(*store->articles_needing_facts(2, 0, 100),
            std::vector<int64_t>({ids[0], ids[2], ids[3]}));
  // Paged by id.
  EXPECT_EQ(*store->articles_needing_facts(2, ids[0], 1), std::vector<int64_t>({ids[2]}));
  EXPECT_FALSE(store->articles_needing_facts(1, 0, 0));
  EXPECT_FALSE(store->articles_needing_facts(1, 0, 10'001));

  // Re-extraction with a new text makes its facts stale; the same text does not.
  auto doc = store->get_article(ids[1]);
  ASSERT_TRUE(doc);
  Article same = doc->article;
  ASSERT_TRUE(store->save_article(doc->document_id, same, "Wire", 2));
  EXPECT_EQ(*store->articles_needing_facts(2, 0, 100),
            std::vector<int64_t>({ids[0], ids[2], ids[3]}));
  Article changed = doc->article;
  changed.text = "A longer text after the extractor improved.";
  ASSERT_TRUE(store->save_article(doc->document_id, changed, "Wire", 2));
  EXPECT_EQ(*store->articles_needing_facts(2, 0, 100),
            std::vector<int64_t>({ids[0], ids[1], ids[2], ids[3]}));
  EXPECT_TRUE(store->article_facts(ids[1])->stale);
  ASSERT_TRUE(store->set_article_facts(ids[1], 2, {}));
  EXPECT_FALSE(store->article_facts(ids[1])->stale);
}

// A story: one agency original with three copies, and two independent
// outlets; the original and its copies carry the same figure.
class StoryFactsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = memory_store();
    wire_ = seed_article(*store_, "https://wire.example/gaza", "Toll rises", "Wire",
                         "2023-11-01T09:00:00Z");
    for (int i = 0; i < 3; ++i) {
      copies_.push_back(seed_article(*store_, "https://copy" + std::to_string(i) + ".example/g",
                                     "Toll rises (copy)", "Copier " + std::to_string(i),
                                     "2023-11-01T1" + std::to_string(i) + ":00:00Z"));
    }
    daily_ = seed_article(*store_, "https://daily.example/gaza", "Ministry count", "Daily",
                          "2023-11-01T12:00:00Z");
    herald_ = seed_article(*store_, "https://herald.example/gaza", "Officials", "Herald",
                           "2023-11-01T13:00:00Z");
    link_article(*store_, wire_, 5);
    for (int64_t c : copies_) link_article(*store_, c, 5, wire_);
    link_article(*store_, daily_, 5);
    link_article(*store_, herald_, 5);
  }

  std::vector<FactRecord> wire_facts() {
    FactRecord killed = figure("killed/people", 8796, "at_least", "according to officials");
    FactRecord children = figure("killed/children", 3648);
    children.parent = 2;  // a breakdown of `killed`
    return {named("person", "ali asghar khaji", "Ali Asghar Khaji"),
            named("place", "geonames:112931", "Tehran"),
            killed,
            children,
            quote("ali asghar khaji", "Khaji",
                  "\xE2\x80\x9CSuch crimes can be best described as collective punishment.\xE2\x80\x9D")};
  }

  std::unique_ptr<Store> store_;
  int64_t wire_ = 0, daily_ = 0, herald_ = 0;
  std::vector<int64_t> copies_;
};

TEST_F(StoryFactsTest, AnOriginalAndItsCopiesAreOneClaimWithFourCarriers) {
  set_facts(*store_, wire_, wire_facts());
  for (int64_t c : copies_) {
    auto facts = wire_facts();
    facts.back().label = "\"Such crimes can be best described as collective punishment\"";
    facts[0].label = "Khaji";  // a copy's shorter mention
    set_facts(*store_, c, facts);
  }
  auto s = store_->story_facts(5);
  ASSERT_TRUE(s) << s.error().message;
  EXPECT_EQ(s->articles, 6);
  EXPECT_EQ(s->articles_with_facts, 4);
  ASSERT_EQ(s->figures.size(), 2u);
  const FigureMeasure& killed = s->figures[1];
  EXPECT_EQ(killed.key, "killed/people");
  ASSERT_EQ(killed.claims.size(), 1u);
  const FactClaim& claim = killed.claims[0];
  EXPECT_EQ(claim.value, 8796);
  EXPECT_EQ(claim.qualifier, "at_least");
  EXPECT_EQ(claim.attribution, "according to officials");
  EXPECT_EQ(claim.carrier_count, 4);
  ASSERT_EQ(claim.carriers.size(), 4u);
  EXPECT_EQ(claim.article.id, wire_);
  EXPECT_EQ(claim.report_id, wire_);
  EXPECT_EQ(claim.time, *parse_iso8601("2023-11-01T09:00:00Z"));
  const FactClaim& children = s->figures[0].claims.at(0);
  EXPECT_EQ(children.part_of_key, "killed/people");
  EXPECT_EQ(children.part_of_value, 8796);
  // The quote, restyled in the copies, is one claim too.
  ASSERT_EQ(s->quotes.size(), 1u);
  EXPECT_EQ(s->quotes[0].carrier_count, 4);
  EXPECT_EQ(s->quotes[0].attribution, "Khaji");
  // People: four articles and outlets, one report; the copies' "Khaji"s
  // do not outvote the original's full name.
  ASSERT_EQ(s->people.size(), 1u);
  EXPECT_EQ(s->people[0].label, "Ali Asghar Khaji");
  EXPECT_EQ(s->people[0].articles, 4);
  EXPECT_EQ(s->people[0].outlets, 4);
  EXPECT_EQ(s->people[0].reports, 1);
  EXPECT_EQ(s->people[0].first_article_id, wire_);
  EXPECT_EQ(s->places[0].reports, 1);

  // No disagreement: one claim.
  auto d = store_->figure_disagreements(5, kDefaultDisagreementWindowSeconds);
  ASSERT_TRUE(d);
  EXPECT_TRUE(d->measures.empty());
}

TEST_F(StoryFactsTest, TwoOutletsReportingTheSameNumberAreTwoClaims) {
  set_facts(*store_, daily_, {figure("killed/people", 8796, "exact", "the ministry said")});
  set_facts(*store_, herald_, {figure("killed/people", 8796)});
  auto s = store_->story_facts(5);
  ASSERT_TRUE(s);
  ASSERT_EQ(s->figures.size(), 1u);
  ASSERT_EQ(s->figures[0].claims.size(), 2u);
  EXPECT_EQ(s->figures[0].claims[0].value, s->figures[0].claims[1].value);
  EXPECT_EQ(s->figures[0].claims[0].carrier_count, 1);
  EXPECT_EQ(s->figures[0].claims[0].article.outlet, "Daily");
  EXPECT_EQ(s->figures[0].claims[1].article.outlet, "Herald");
  EXPECT_TRUE(store_->figure_disagreements(5, 86400)->measures.empty());
}

TEST_F(StoryFactsTest, ListsDifferingFiguresAtAboutTheSameTime) {
  set_facts(*store_, wire_, wire_facts());  // at least 8,796 at 09:00
  for (int64_t c : copies_) set_facts(*store_, c, wire_facts());
  // 12:00: 8,525 exact contradicts "at least 8,796"; 13:00: 9,000 does not.
  set_facts(*store_, daily_, {figure("killed/people", 8525, "exact", "the ministry said")});
  set_facts(*store_, herald_, {figure("killed/people", 9000)});
  auto d = store_->figure_disagreements(5, 86400);
  ASSERT_TRUE(d) << d.error().message;
  ASSERT_EQ(d->measures.size(), 1u);
  const FigureDisagreement& m = d->measures[0];
  EXPECT_EQ(m.key, "killed/people");
  ASSERT_EQ(m.values.size(), 3u);
  EXPECT_EQ(m.values[0].value, 8525);
  EXPECT_EQ(m.values[0].outlets, std::vector<std::string>({"Daily"}));
  EXPECT_EQ(m.values[0].attributions, std::vector<std::string>({"the ministry said"}));
  EXPECT_EQ(m.values[1].value, 8796);
  EXPECT_EQ(m.values[1].qualifier, "at_least");
  EXPECT_EQ(m.values[1].claims, 1);  // one claim, four carriers
  EXPECT_EQ(m.values[1].outlets.size(), 4u);
  EXPECT_EQ(m.values[1].article_ids.size(), 4u);
  EXPECT_EQ(m.values[1].first_at, *parse_iso8601("2023-11-01T09:00:00Z"));
  EXPECT_EQ(m.values[2].value, 9000);
  // 8,525 against both others; "at least 8,796" and 9,000 agree.
  EXPECT_EQ(m.conflicts, (std::vector<std::pair<size_t, size_t>>{{0, 1}, {0, 2}}));

  // Two hours apart at most: 8,525 (12:00) meets 9,000 (13:00) only.
  // The copies (10:00-12:00) carry the wire claim's 09:00: it is three
  // hours from Daily's, so only Daily's 8,525 and Herald's 9,000 remain.
  d = store_->figure_disagreements(5, 2 * 3600);
  ASSERT_EQ(d->measures.size(), 1u);
  ASSERT_EQ(d->measures[0].values.size(), 2u);
  EXPECT_EQ(d->measures[0].values[1].value, 9000);
  EXPECT_EQ(d->measures[0].conflicts, (std::vector<std::pair<size_t, size_t>>{{0, 1}}));
  EXPECT_FALSE(store_->figure_disagreements(5, 0));
  EXPECT_FALSE(store_->figure_disagreements(5, 31 * 86400));
  EXPECT_EQ(store_->figure_disagreements(99, 3600).error().code, ErrorCode::kNotFound);
}

TEST(FactsRules, ClaimRanges) {
  EXPECT_EQ(claim_range(10, "exact").low, 10);
  EXPECT_EQ(claim_range(10, "exact").high, 10);
  EXPECT_TRUE(std::isinf(claim_range(10, "at_least").high));
  EXPECT_EQ(claim_range(10, "more_than").low, 10);
  EXPECT_EQ(claim_range(10, "up_to").low, 0);
  EXPECT_EQ(claim_range(100, "around").low, 90);
  EXPECT_EQ(claim_range(100, "around").high, 110);
  EXPECT_EQ(claim_range(100, "nearly").high, 100);
  EXPECT_EQ(claim_range(7, "whatever").high, 7);
  EXPECT_EQ(claim_range(10, "between", 20).low, 10);
  EXPECT_EQ(claim_range(10, "between", 20).high, 20);
  EXPECT_EQ(claim_range(10, "between", 5).high, 10) << "a top below the value is no range";
}

TEST_F(StoryFactsTest, ARangeAgreesWithTheNumbersInsideIt) {
  // "between 8,000 and 9,000" (Daily) against 8,525 (Herald) agrees;
  // against 9,500 (Wire, same day) it does not.
  FactRecord range = figure("killed/people", 8000, "between");
  range.value_max = 9000;
  set_facts(*store_, daily_, {range});
  set_facts(*store_, herald_, {figure("killed/people", 8525)});
  EXPECT_TRUE(store_->figure_disagreements(5, 86400)->measures.empty());
  auto stored = store_->article_facts(daily_);
  ASSERT_TRUE(stored);
  ASSERT_EQ(stored->facts.size(), 1u);
  EXPECT_EQ(stored->facts[0].value_max, 9000);

  set_facts(*store_, wire_, {figure("killed/people", 9500)});
  auto d = store_->figure_disagreements(5, 86400);
  ASSERT_TRUE(d) << d.error().message;
  ASSERT_EQ(d->measures.size(), 1u);
  const FigureDisagreement& m = d->measures[0];
  ASSERT_EQ(m.values.size(), 3u);
  EXPECT_EQ(m.values[0].value, 8000);
  EXPECT_EQ(m.values[0].value_max, 9000);
  EXPECT_EQ(m.values[1].value, 8525);
  EXPECT_FALSE(m.values[1].value_max);
  EXPECT_EQ(m.values[2].value, 9500);
  // 9,500 contradicts the range and 8,525; the range holds 8,525.
  EXPECT_EQ(m.conflicts, (std::vector<std::pair<size_t, size_t>>{{0, 2}, {1, 2}}));
}

TEST(FactsRules, AnOutletUpdatingItsOwnFigureIsNotADisagreement) {
  std::vector<ArticleRef> articles(3);
  for (int i = 0; i < 3; ++i) {
    articles[i].id = i + 1;
    articles[i].outlet = i < 2 ? "Daily" : "Herald";
    articles[i].sort_time = *parse_iso8601("2023-11-01T09:00:00Z") + std::chrono::hours(i);
  }
  std::vector<StoryFactRow> rows(3);
  rows[0].fact = figure("killed/people", 100);
  rows[0].article = 0;
  rows[1].fact = figure("killed/people", 120);
  rows[1].article = 1;
  rows[2].fact = figure("killed/people", 120);
  rows[2].article = 2;
  const StoryFacts s = aggregate_story_facts(1, articles, rows);
  ASSERT_EQ(s.figures.at(0).claims.size(), 3u);
  const auto d = find_disagreements(s.figures, 86400);
  ASSERT_EQ(d.size(), 1u);
  // Daily's 100 against Herald's 120; Daily's own 100 -> 120 is an update.
  ASSERT_EQ(d[0].values.size(), 2u);
  EXPECT_EQ(d[0].values[0].outlets, std::vector<std::string>({"Daily"}));
  EXPECT_EQ(d[0].values[1].outlets, std::vector<std::string>({"Herald"}));
  EXPECT_EQ(d[0].values[1].claims, 1);
}

TEST(FactsRules, FiguresCountedInTwoPlacesAreNotADisagreement) {
  // Daily: 31,643 killed in Turkey; Herald: 5,700 killed in Syria; Wire:
  // 45,000 killed, no place said (it is compared with both).
  std::vector<ArticleRef> articles(3);
  const char* outlets[] = {"Daily", "Herald", "Wire"};
  for (int i = 0; i < 3; ++i) {
    articles[i].id = i + 1;
    articles[i].outlet = outlets[i];
    articles[i].sort_time = *parse_iso8601("2023-02-12T09:00:00Z") + std::chrono::hours(i);
  }
  std::vector<StoryFactRow> rows(3);
  rows[0].fact = figure("killed/people", 31643);
  rows[0].fact.detail = "T\u00fcrkiye";
  rows[1].fact = figure("killed/people", 5700);
  rows[1].fact.detail = "Syria";
  rows[1].article = 1;
  rows[2].fact = figure("killed/people", 45000);
  rows[2].article = 2;
  const StoryFacts s = aggregate_story_facts(1, articles, rows);
  ASSERT_EQ(s.figures.size(), 1u);
  ASSERT_EQ(s.figures[0].claims.size(), 3u);
  const auto d = find_disagreements(s.figures, 86400);
  ASSERT_EQ(d.size(), 1u);
  ASSERT_EQ(d[0].values.size(), 3u);
  EXPECT_EQ(d[0].values[0].place, "Syria");
  EXPECT_EQ(d[0].values[1].place, "T\u00fcrkiye");
  EXPECT_EQ(d[0].values[2].place, "");
  // Each place's count against the placeless one; never Turkey against Syria.
  EXPECT_EQ(d[0].conflicts, (std::vector<std::pair<size_t, size_t>>{{0, 2}, {1, 2}}));
  EXPECT_EQ(disagreements_to_json(StoryDisagreements{1, 86400, d})["measures"][0]["values"][0]["place"], "Syria");

  // With the same place, the two counts disagree.
  rows[1].fact.detail = "T\u00fcrkiye";
  rows.pop_back();
  const auto same = find_disagreements(aggregate_story_facts(1, articles, rows).figures, 86400);
  ASSERT_EQ(same.size(), 1u);
  EXPECT_EQ(same[0].conflicts.size(), 1u);
  // In two places only: nothing to set side by side.
  rows[1].fact.detail = "Syria";
  EXPECT_TRUE(find_disagreements(aggregate_story_facts(1, articles, rows).figures, 86400).empty());
}

TEST(FactsRules, HostileRowsStayBounded) {
  std::vector<ArticleRef> articles(1);
  articles[0].id = 1;
  std::vector<StoryFactRow> rows;
  for (int i = 0; i < 5000; ++i) {
    StoryFactRow r;
    r.fact = named("person", "p" + std::to_string(i), "P");
    r.position = i;
    rows.push_back(r);
    StoryFactRow f;
    f.fact = figure("m" + std::to_string(i % 300), i);
    f.fact.parent = 999999;  // points nowhere: ignored
    f.position = 5000 + i;
    rows.push_back(f);
  }
  StoryFactRow stray;
  stray.article = 7;  // no such article: skipped
  stray.fact = named("person", "x", "x");
  rows.push_back(stray);
  const StoryFacts s = aggregate_story_facts(1, articles, rows);
  EXPECT_EQ(s.people.size(), kMaxTallies);
  EXPECT_EQ(s.people_total, 5000);
  EXPECT_EQ(s.figures.size(), kMaxMeasures);
  EXPECT_EQ(s.measures_total, 300);
  EXPECT_TRUE(find_disagreements(s.figures, 86400).empty());  // one outlet
  const auto j = story_facts_to_json(s);
  EXPECT_EQ(j["people"]["total"], 5000);
  EXPECT_EQ(j["people"]["items"].size(), kMaxTallies);
}

}  // namespace
}  // namespace tidings
