// Feed dates (collect/feed_dates.cc) against feedparser's date-parser cases
// (../shared/data/feeds/feedparser-tests/dates.jsonl: rfc822, w3dtf,
// iso8601, asctime, perforce), plus our own edge cases.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "collect/feed.h"
#include "collect/feed_internal.h"

namespace tidings {
namespace {

std::string utc(std::optional<Instant> t) { return t ? format_rfc3339(*t) : "none"; }

TEST(FeedDates, Rfc822) {
  EXPECT_EQ(utc(parse_feed_date("Thu, 01 Jan 2004 19:48:21 GMT")), "2004-01-01T19:48:21Z");
  EXPECT_EQ(utc(parse_feed_date("Tue, 24 Nov 2026 11:54:00 +0000")), "2026-11-24T11:54:00Z");
  EXPECT_EQ(utc(parse_feed_date("Mon, 26 January 2004 16:31:00 PT")), "2004-01-27T00:31:00Z");
  EXPECT_EQ(utc(parse_feed_date("Sat, 11 Jul 2004 12:00:00 EDT")), "2004-07-11T16:00:00Z");
  EXPECT_EQ(utc(parse_feed_date("11 Jul 04 12:00 -0130")), "2004-07-11T13:30:00Z");  // no day, 2-digit year, no seconds
  EXPECT_EQ(utc(parse_feed_date("Fri, 11 Jul 2004")), "2004-07-11T00:00:00Z");  // wrong day name, no time
  EXPECT_EQ(utc(parse_feed_date("Sun, 16 Dec 2012 11:47:32 XYZ")), "2012-12-16T11:47:32Z");  // unknown zone: UTC
  EXPECT_EQ(parse_feed_date("Sun, 31 Feb 2012 11:47:32 GMT"), std::nullopt);
}

TEST(FeedDates, W3dtfAndIso8601) {
  EXPECT_EQ(utc(parse_feed_date("2003-12-31T10:14:55Z")), "2003-12-31T10:14:55Z");
  EXPECT_EQ(utc(parse_feed_date("2003-12-31T10:14:55.123-08:00")), "2003-12-31T18:14:55Z");
  EXPECT_EQ(utc(parse_feed_date("2003-12-31T10:14")), "2003-12-31T10:14:00Z");  // no zone: UTC
  EXPECT_EQ(utc(parse_feed_date("  2003-12  ")), "2003-12-01T00:00:00Z");
  EXPECT_EQ(utc(parse_feed_date("20031231T101455Z")), "2003-12-31T10:14:55Z");
  EXPECT_EQ(parse_feed_date("not a date"), std::nullopt);
  EXPECT_EQ(parse_feed_date(""), std::nullopt);
  EXPECT_EQ(parse_feed_date(std::string(1000, '9')), std::nullopt);
}

// dates.jsonl: each case through the parser family it names.
TEST(FeedDates, FeedparserCases) {
  const auto path = std::filesystem::path(TIDINGS_SHARED_DATA) / "feeds/feedparser-tests/dates.jsonl";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "shared data absent: " << path;
  std::ifstream in(path);
  int run = 0, passed = 0, other = 0;
  for (std::string line; std::getline(in, line);) {
    const auto row = nlohmann::json::parse(line);
    const std::string parser = row["parser"];
    const std::string input = row["input"];
    std::optional<Instant> got;
    if (parser == "rfc822" || parser == "asctime" || parser == "perforce") {
      got = feed::parse_rfc822_date(feed::trim_space(input));
    } else if (parser == "w3dtf") {
      got = feed::parse_w3dtf_date(feed::trim_space(input));
    } else if (parser == "iso8601") {
      got = feed::parse_iso8601_date(feed::trim_space(input));
    } else {
      ++other;  // greek, hungarian, korean: not supported (see docs/feeds.md)
      continue;
    }
    ++run;
    std::string want = "none";
    if (!row["expected"].is_null()) {
      const auto& e = row["expected"];
      using namespace std::chrono;
      const sys_days day{year{e[0].get<int>()} / month{e[1].get<unsigned>()} / std::chrono::day{e[2].get<unsigned>()}};
      want = format_rfc3339(Instant{day} + hours{e[3].get<int>()} + minutes{e[4].get<int>()} +
                            seconds{e[5].get<int>()});
    }
    EXPECT_EQ(utc(got), want) << parser << ": \"" << input << "\"";
    if (utc(got) == want) ++passed;
  }
  std::cout << "  dates.jsonl: " << passed << "/" << run << " rfc822/w3dtf/iso8601/asctime/perforce pass, "
            << other << " other-language cases not run\n";
  EXPECT_GE(run, 60);
}

}  // namespace
}  // namespace tidings
