// choose_original: links, canonical URLs, agency credits, time.
#include <gtest/gtest.h>

#include "dedup/dedup.h"

namespace tidings::dedup {
namespace {

CopyCandidate candidate(int64_t id, std::string url, std::optional<int> hour = std::nullopt) {
  CopyCandidate c;
  c.id = id;
  c.url = std::move(url);
  if (hour) c.published_at = Instant(std::chrono::hours(400000 + *hour));
  return c;
}

TEST(ChooseOriginal, EmptyAndSingle) {
  EXPECT_EQ(choose_original({}).original_id, 0);
  const auto one = choose_original({candidate(5, "https://a.com/x")});
  EXPECT_EQ(one.original_id, 5);
  EXPECT_EQ(one.reason, "first_stored");
}

TEST(ChooseOriginal, SourceLinkBeatsTime) {
  auto original = candidate(1, "https://www.agency.com/story-1", 10);
  auto copy = candidate(2, "https://copier.net/a", 3);  // a wrong clock: looks earlier
  copy.source_links.push_back({"http://agency.com/story-1/?utm_source=rss", "Source link", "link", ""});
  const auto choice = choose_original({copy, original});
  EXPECT_EQ(choice.original_id, 1);
  EXPECT_EQ(choice.reason, "source_link");
}

TEST(ChooseOriginal, CopyOfACopyPointsToTheRoot) {
  auto a = candidate(1, "https://origin.com/s", 5);
  auto b = candidate(2, "https://middle.com/s", 6);
  b.source_links.push_back({"https://origin.com/s", "", "link", ""});
  auto c = candidate(3, "https://leaf.com/s", 1);
  c.source_links.push_back({"https://middle.com/s", "", "link", ""});
  EXPECT_EQ(choose_original({c, b, a}).original_id, 1);
}

TEST(ChooseOriginal, CanonicalOnAnotherSite) {
  auto partner = candidate(2, "https://partner.com/x", 1);
  partner.canonical_url = "https://origin.com/story/amp";
  const auto choice = choose_original({partner, candidate(1, "https://origin.com/story", 5)});
  EXPECT_EQ(choice.original_id, 1);
  EXPECT_EQ(choice.reason, "canonical");
}

TEST(ChooseOriginal, AgencyCreditNamesTheAgencySite) {
  auto agency = candidate(1, "https://www.reuters.com/article/x", 9);
  agency.outlet = "Reuters";
  agency.agency = "Reuters";
  auto copy = candidate(2, "https://news.example/x", 2);
  copy.source_links.push_back({"", "(Reuters)", "credit", "Reuters"});
  auto other = candidate(3, "https://other.example/x", 4);
  const auto choice = choose_original({copy, other, agency});
  EXPECT_EQ(choice.original_id, 1);
  EXPECT_EQ(choice.reason, "agency");
  // The credit alone, without the agency's own article: earliest wins.
  EXPECT_EQ(choose_original({copy, other}).original_id, 2);
}

TEST(ChooseOriginal, EarliestThenLowestId) {
  const auto choice = choose_original({candidate(3, "https://a.com/1", 5), candidate(2, "https://b.com/1"),
                                       candidate(4, "https://c.com/1", 2)});
  EXPECT_EQ(choice.original_id, 4);
  EXPECT_EQ(choice.reason, "earliest");
  EXPECT_EQ(choose_original({candidate(3, "https://a.com/1", 2), candidate(2, "https://b.com/1", 2)}).original_id, 2);
  EXPECT_EQ(choose_original({candidate(3, ""), candidate(2, "not a url")}).original_id, 2);
}

TEST(ChooseOriginal, LinkCyclesAndSelfLinksDoNotConfuseIt) {
  auto a = candidate(1, "https://a.com/s", 5);
  a.source_links.push_back({"https://b.com/s", "", "link", ""});
  a.source_links.push_back({"https://a.com/s", "", "link", ""});
  auto b = candidate(2, "https://b.com/s", 3);
  b.source_links.push_back({"https://a.com/s", "", "link", ""});
  const auto choice = choose_original({a, b});
  EXPECT_EQ(choice.original_id, 2);  // both pointed at: the earlier
}

}  // namespace
}  // namespace tidings::dedup
