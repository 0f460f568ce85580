// Date and time expressions resolved against the publication time
// (src/facts/dates.h).
#include "facts/dates.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "facts/segment.h"

namespace tidings::facts {
namespace {

// The seed page's date: Wednesday 2023-11-01, noon in Tehran.
constexpr const char* kSeedPublished = "2023-11-01T12:00:00+03:30";

struct Found {
  std::string text;
  std::vector<DateExpression> dates;

  Found(std::string t, const char* published) : text(std::move(t)) {
    const Segmented s = segment(text);
    std::optional<PublicationTime> p;
    if (published) p = parse_publication_time(published);
    dates = find_dates(s, p);
  }
  std::string str(const DateExpression& d) const { return text.substr(d.start, d.end - d.start); }
};

// The expression of `text` whose words are `words`, or a failed test.
DateExpression find(const Found& f, const std::string& words) {
  for (const DateExpression& d : f.dates) {
    if (f.str(d) == words) return d;
  }
  ADD_FAILURE() << "no \"" << words << "\" in: " << f.text;
  return {};
}

TEST(Dates, SeedOnWednesdayAndOctober7) {
  const Found f(
      "Khaji and Lavrentiev met in Tehran on Wednesday. Israel waged a genocidal war on the "
      "blockaded Gaza Strip on October 7.",
      kSeedPublished);
  ASSERT_EQ(f.dates.size(), 2u);
  const DateExpression& wed = f.dates[0];
  EXPECT_EQ(f.str(wed), "Wednesday");
  EXPECT_EQ(wed.value, "2023-11-01");
  EXPECT_TRUE(wed.relative);
  EXPECT_TRUE(wed.resolved);
  EXPECT_EQ(wed.granularity, DateGranularity::kDay);
  EXPECT_EQ(wed.sentence, 0u);
  const DateExpression& oct = f.dates[1];
  EXPECT_EQ(f.str(oct), "October 7");
  EXPECT_EQ(oct.value, "2023-10-07");
  EXPECT_TRUE(oct.relative);  // its year comes from the publication
  EXPECT_EQ(oct.sentence, 1u);
}

TEST(Dates, AbsoluteExpressions) {
  struct Case {
    const char* text;
    const char* words;
    const char* value;
    DateGranularity granularity;
  };
  const Case cases[] = {
      {"It began on Oct. 7, 2023, at dawn.", "Oct. 7, 2023", "2023-10-07", DateGranularity::kDay},
      {"It began on October 7, 2023.", "October 7, 2023", "2023-10-07", DateGranularity::kDay},
      {"It began on 7 October 2023.", "7 October 2023", "2023-10-07", DateGranularity::kDay},
      {"It began on 2023-10-07.", "2023-10-07", "2023-10-07", DateGranularity::kDay},
      {"It began in October 2023.", "October 2023", "2023-10", DateGranularity::kMonth},
      {"It began in 2019.", "2019", "2019", DateGranularity::kYear},
      {"Prices fell in the 1990s.", "the 1990s", "1990s", DateGranularity::kDecade},
      {"Prices fell in the '90s.", "the '90s", "1990s", DateGranularity::kDecade},
      {"Talks resume in early 2020.", "early 2020", "2020-01-01/2020-05-01",
       DateGranularity::kYear},
      {"Talks resume in mid-2019.", "mid-2019", "2019-05-02/2019-08-30", DateGranularity::kYear},
      {"It rose between 2019 and 2021.", "2021", "2021", DateGranularity::kYear},
      {"Wednesday, Nov. 1, 2023 was calm.", "Wednesday, Nov. 1, 2023", "2023-11-01",
       DateGranularity::kDay},
  };
  for (const Case& c : cases) {
    // Absolute expressions resolve with or without a publication time.
    for (const char* published : {kSeedPublished, static_cast<const char*>(nullptr)}) {
      const Found f(c.text, published);
      const DateExpression d = find(f, c.words);
      EXPECT_EQ(d.value, c.value) << c.text;
      EXPECT_EQ(d.granularity, c.granularity) << c.text;
      EXPECT_FALSE(d.relative) << c.text;
      EXPECT_TRUE(d.resolved) << c.text;
    }
  }
}

TEST(Dates, RelativeExpressions) {
  struct Case {
    const char* text;
    const char* words;
    const char* value;
    DateGranularity granularity;
  };
  // Published Wednesday 2023-11-01 (ISO week 44).
  const Case cases[] = {
      {"He spoke yesterday.", "yesterday", "2023-10-31", DateGranularity::kDay},
      {"He speaks today.", "today", "2023-11-01", DateGranularity::kDay},
      {"He speaks tomorrow.", "tomorrow", "2023-11-02", DateGranularity::kDay},
      {"It rained last night.", "last night", "2023-10-31", DateGranularity::kDay},
      {"Tuesday's meeting was cancelled.", "Tuesday", "2023-10-31", DateGranularity::kDay},
      {"They met on Thursday.", "Thursday", "2023-10-26", DateGranularity::kDay},
      {"They will meet on Friday.", "Friday", "2023-11-03", DateGranularity::kDay},
      {"The vote is scheduled for Monday.", "Monday", "2023-11-06", DateGranularity::kDay},
      {"They met last Tuesday.", "last Tuesday", "2023-10-31", DateGranularity::kDay},
      {"They meet next Friday.", "next Friday", "2023-11-03", DateGranularity::kDay},
      {"Fighting intensified last week.", "last week", "2023-W43", DateGranularity::kWeek},
      {"Talks continue this week.", "this week", "2023-W44", DateGranularity::kWeek},
      {"Elections are due next month.", "next month", "2023-12", DateGranularity::kMonth},
      {"Prices rose last year.", "last year", "2022", DateGranularity::kYear},
      {"He resigned earlier this year.", "earlier this year", "2023-01-01/2023-11-01",
       DateGranularity::kYear},
      {"He resigns later this month.", "later this month", "2023-11", DateGranularity::kMonth},
      {"He resigned earlier this month.", "earlier this month", "2023-11-01/2023-11-01",
       DateGranularity::kMonth},
      {"He left three days ago.", "three days ago", "2023-10-29", DateGranularity::kDay},
      {"He left 10 days ago.", "10 days ago", "2023-10-22", DateGranularity::kDay},
      {"He left two years ago.", "two years ago", "2021", DateGranularity::kYear},
      {"In the past 24 hours, 12 died.", "the past 24 hours", "2023-10-31/2023-11-01",
       DateGranularity::kDay},
      {"It snowed in October.", "October", "2023-10", DateGranularity::kMonth},
      {"It snowed in December.", "December", "2022-12", DateGranularity::kMonth},
      {"It will open in December.", "December", "2023-12", DateGranularity::kMonth},
      {"Talks began in mid-October.", "mid-October", "2023-10-11/2023-10-20",
       DateGranularity::kMonth},
      {"It began on November 3.", "November 3", "2023-11-03", DateGranularity::kDay},
      {"It began on 7 October.", "7 October", "2023-10-07", DateGranularity::kDay},
  };
  for (const Case& c : cases) {
    const Found f(c.text, kSeedPublished);
    const DateExpression d = find(f, c.words);
    EXPECT_EQ(d.value, c.value) << c.text;
    EXPECT_EQ(d.granularity, c.granularity) << c.text;
    EXPECT_TRUE(d.relative) << c.text;
    EXPECT_TRUE(d.resolved) << c.text;
  }
}

TEST(Dates, RelativeWithoutPublicationAreUnresolved) {
  const Found f("On Wednesday, yesterday's talks on October 7 and last week in 2019.", nullptr);
  ASSERT_EQ(f.dates.size(), 5u);
  for (size_t i : {0u, 1u, 2u, 3u}) {
    EXPECT_TRUE(f.dates[i].relative) << f.str(f.dates[i]);
    EXPECT_FALSE(f.dates[i].resolved) << f.str(f.dates[i]);
  }
  EXPECT_EQ(f.dates[0].value, "");
  EXPECT_EQ(f.dates[2].value, "XXXX-10-07");  // what is known (TIMEX3 style)
  EXPECT_TRUE(f.dates[4].resolved);          // "2019" needs no publication time
  EXPECT_EQ(f.dates[4].value, "2019");
}

TEST(Dates, TheLocalDayDecides) {
  // 22:30 UTC on Nov 1 is already Nov 2 in Tehran (+03:30).
  const Found tehran("He spoke yesterday.", "2023-11-01T22:30:00+00:00");
  ASSERT_EQ(tehran.dates.size(), 1u);
  EXPECT_EQ(tehran.dates[0].value, "2023-10-31");
  const Found local("He spoke yesterday.", "2023-11-02T02:00:00+03:30");
  ASSERT_EQ(local.dates.size(), 1u);
  EXPECT_EQ(local.dates[0].value, "2023-11-01");
  // New York, in winter: 03:00 UTC on Nov 2 is still Nov 1 there.
  const Found ny("He spoke today.", "2023-11-02T03:00:00Z");
  EXPECT_EQ(ny.dates.at(0).value, "2023-11-02");
  const Found ny_local("He spoke today.", "2023-11-01T22:00:00-05:00");
  EXPECT_EQ(ny_local.dates.at(0).value, "2023-11-01");
}

TEST(Dates, AcrossTheYear) {
  const char* published = "2024-01-03T09:00:00Z";  // a Wednesday, ISO week 2024-W01
  const Found f("On December 28 and last week and last month and last year it snowed.", published);
  EXPECT_EQ(find(f, "December 28").value, "2023-12-28");
  EXPECT_EQ(find(f, "last week").value, "2023-W52");
  EXPECT_EQ(find(f, "last month").value, "2023-12");
  EXPECT_EQ(find(f, "last year").value, "2023");
  const Found leap("It happened on February 29.", "2024-03-01T09:00:00Z");
  EXPECT_EQ(find(leap, "February 29").value, "2024-02-29");
}

TEST(Dates, ADayWithoutAYearLooksBackUnlessTheFutureIsSaid) {
  // Published in May: October 7 is 149 days ahead and 217 behind.
  const char* published = "2024-05-11T12:00:00Z";
  const Found since("The toll has risen to 35,034 since October 7.", published);
  EXPECT_EQ(find(since, "October 7").value, "2023-10-07");
  const Found plain("The attack on October 7 shocked the country.", published);
  EXPECT_EQ(find(plain, "October 7").value, "2023-10-07");
  const Found ahead("Elections will be held on October 7.", published);
  EXPECT_EQ(find(ahead, "October 7").value, "2024-10-07");
  // A few days ahead is still ahead, without a word of the future.
  const Found soon("The summit on May 14 in Geneva.", published);
  EXPECT_EQ(find(soon, "May 14").value, "2024-05-14");
  // "since" is never ahead, however near.
  const Found since_near("Prices have risen since May 14.", "2024-05-11T12:00:00Z");
  EXPECT_EQ(find(since_near, "May 14").value, "2023-05-14");
}

TEST(Dates, TimesOfDay) {
  const Found f("The blast hit at 10:30 a.m. local time on Wednesday.", kSeedPublished);
  const DateExpression t = find(f, "10:30 a.m. local time");
  EXPECT_EQ(t.granularity, DateGranularity::kMinute);
  EXPECT_EQ(t.minute_of_day, 630);
  EXPECT_FALSE(t.has_utc_offset);
  EXPECT_TRUE(t.resolved);
  EXPECT_EQ(t.value, "2023-11-01T10:30");

  const Found alone("Sirens sounded at 10:30 a.m. local time.", kSeedPublished);
  const DateExpression a = find(alone, "10:30 a.m. local time");
  EXPECT_FALSE(a.resolved);  // which day is not said
  EXPECT_EQ(a.value, "T10:30");

  const Found zones("It began at 22:30 GMT, or 3pm in the east, and ended at 0730 GMT.", nullptr);
  const DateExpression gmt = find(zones, "22:30 GMT");
  EXPECT_TRUE(gmt.has_utc_offset);
  EXPECT_EQ(gmt.utc_offset_minutes, 0);
  EXPECT_EQ(gmt.minute_of_day, 22 * 60 + 30);
  EXPECT_EQ(find(zones, "3pm").minute_of_day, 15 * 60);
  EXPECT_EQ(find(zones, "0730 GMT").minute_of_day, 7 * 60 + 30);

  // (ICU ends a sentence at "p.m. ET", so the zone test uses a 24-hour time.)
  const Found est("Polls closed at 8 p.m. on Tuesday, or at 20:00 ET on Tuesday.", kSeedPublished);
  const DateExpression pm = find(est, "8 p.m.");
  EXPECT_EQ(pm.minute_of_day, 20 * 60);
  EXPECT_EQ(pm.value, "2023-10-31T20:00");
  const DateExpression et = find(est, "20:00 ET");
  EXPECT_TRUE(et.has_utc_offset);
  EXPECT_EQ(et.utc_offset_minutes, -300);
  EXPECT_EQ(et.value, "2023-10-31T20:00");
  EXPECT_EQ(find(Found("They met at noon.", nullptr), "noon").minute_of_day, 720);
}

TEST(Dates, NotDates) {
  const char* texts[] = {
      "May I ask a question?",
      "Thousands march on the capital.",
      "12 people were killed and 2,019 wounded.",
      "Barcelona won 2-1 and the score was 10:30 in the second set.",
      "The 30-year-old and the 7th division.",
      "She said it would march ahead.",
  };
  for (const char* t : texts) {
    const Found f(t, kSeedPublished);
    EXPECT_TRUE(f.dates.empty()) << t << " -> " << (f.dates.empty() ? "" : f.str(f.dates[0]));
  }
}

TEST(Dates, PublicationTimeParsing) {
  auto p = parse_publication_time("2023-11-01T18:40:00+03:30");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->utc_offset_minutes, 210);
  EXPECT_EQ(format_rfc3339(p->at), "2023-11-01T15:10:00Z");
  p = parse_publication_time("2023-11-01T18:40:00-05:00");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->utc_offset_minutes, -300);
  p = parse_publication_time("2023-11-01T18:40:00Z");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->utc_offset_minutes, 0);
  p = parse_publication_time("2023-11-01");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->utc_offset_minutes, 0);
  EXPECT_FALSE(parse_publication_time("yesterday"));
  EXPECT_FALSE(parse_publication_time(""));
  EXPECT_STREQ(granularity_name(DateGranularity::kDecade), "decade");
}

std::string repeat(std::string_view unit, size_t bytes) {
  std::string out;
  out.reserve(bytes + unit.size());
  while (out.size() < bytes) out += unit;
  return out;
}

TEST(DatesHostile, LongSentencesStayLinear) {
  const auto publication = parse_publication_time(kSeedPublished);
  for (const std::string& text :
       {repeat("on Wednesday, Oct. 7, 2023 at 10:30 a.m. local time and last week ", 1 << 20),
        repeat("the past ", 1 << 20), repeat("Wednesday, ", 1 << 20),
        repeat("10:30 a.m. ", 1 << 20), repeat("1990s 2019 ", 1 << 20),
        std::string(1 << 20, '9')}) {
    const auto t0 = std::chrono::steady_clock::now();
    const Segmented s = segment(text);
    const auto dates = find_dates(s, publication);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    EXPECT_LT(seconds, 30.0) << text.substr(0, 30);
    for (const DateExpression& d : dates) {
      EXPECT_LE(d.end, text.size());
      EXPECT_LT(d.start, d.end);
    }
  }
}

}  // namespace
}  // namespace tidings::facts
