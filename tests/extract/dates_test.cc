// Publication and modification times as real pages give them: several
// candidates that disagree, times without a zone, dates in the future or
// implausibly old, a URL's day against a timestamp.
#include "extract/dates.h"

#include <gtest/gtest.h>

#include <string>

#include "core/time.h"
#include "test_pages.h"

namespace tidings {
namespace {

using test::body_paragraphs;
using test::page;
using test::run_extract;

std::string when(const std::optional<Instant>& t) { return t ? format_rfc3339(*t) : "none"; }

Extraction extract_page(const std::string& head, const std::string& body,
                        const std::string& url = "") {
  auto r = run_extract(page(head, body), url);
  EXPECT_TRUE(r.has_value());
  return r ? *r : Extraction{};
}

TEST(Dates, ReadPageDateKeepsWhatTheStringSaid) {
  using extract_detail::read_page_date;
  auto d = read_page_date("2023-11-01T18:40:00+03:30");
  ASSERT_TRUE(d);
  EXPECT_TRUE(d->has_time && d->has_offset && d->numeric_offset);
  EXPECT_EQ(d->offset_minutes, 210);
  EXPECT_EQ(format_rfc3339(d->when), "2023-11-01T15:10:00Z");
  d = read_page_date("2023-11-01T18:40:00-0500");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->offset_minutes, -300);
  d = read_page_date("2023-11-01T18:40:00Z");
  ASSERT_TRUE(d);
  EXPECT_TRUE(d->has_offset);
  EXPECT_FALSE(d->numeric_offset);
  d = read_page_date("2023-11-01 18:40");
  ASSERT_TRUE(d);
  EXPECT_TRUE(d->has_time);
  EXPECT_FALSE(d->has_offset);
  d = read_page_date("2023-11-01");
  ASSERT_TRUE(d);
  EXPECT_FALSE(d->has_time);
  d = read_page_date("Wed, 01 Nov 2023 18:40:00 +0100");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->offset_minutes, 60);
  EXPECT_TRUE(d->numeric_offset);
}

// WordPress/Yoast: JSON-LD and OpenGraph agree; dateModified later.
TEST(Dates, PublishedAndModifiedWithTheirOffset) {
  const std::string head = R"(
<meta property="article:published_time" content="2023-11-01T09:15:00+03:30">
<meta property="article:modified_time" content="2023-11-02T10:00:00+03:30">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
 {"@type":"Article","headline":"Rial falls","datePublished":"2023-11-01T09:15:00+03:30",
  "dateModified":"2023-11-02T10:00:00+03:30"}]}</script>)";
  const Extraction x = extract_page(head, body_paragraphs(3));
  EXPECT_EQ(when(x.article.published_at), "2023-11-01T05:45:00Z");
  EXPECT_EQ(when(x.article.modified_at), "2023-11-02T06:30:00Z");
  ASSERT_TRUE(x.article.utc_offset_minutes);
  EXPECT_EQ(*x.article.utc_offset_minutes, 210);
}

// A CMS that writes the publication time without a zone and the
// modification time with one: the zone is the page's.
TEST(Dates, MissingZoneIsRepairedFromTheOtherDates) {
  const std::string head = R"(
<meta name="pubdate" content="2023-11-01T09:15:00">
<meta property="og:updated_time" content="2023-11-01T12:00:00+03:30">)";
  const Extraction x = extract_page(head, body_paragraphs(3));
  EXPECT_EQ(when(x.article.published_at), "2023-11-01T05:45:00Z");
  EXPECT_EQ(when(x.article.modified_at), "2023-11-01T08:30:00Z");
  EXPECT_EQ(x.article.utc_offset_minutes.value_or(-1), 210);
}

// "Z" tells nothing about the publisher's zone.
TEST(Dates, UtcWrittenAsZIsNoOffset) {
  const std::string head =
      R"(<meta property="article:published_time" content="2023-11-01T09:15:00Z">)";
  const Extraction x = extract_page(head, body_paragraphs(3));
  EXPECT_EQ(when(x.article.published_at), "2023-11-01T09:15:00Z");
  EXPECT_FALSE(x.article.utc_offset_minutes.has_value());
}

// Republished pages: the first publication time is the earliest one.
TEST(Dates, EarliestTrustworthyOneWins) {
  const std::string head = R"(
<meta property="article:published_time" content="2023-11-03T08:00:00-05:00">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"x",
 "datePublished":"2023-11-01T18:40:00-05:00"}</script>)";
  const Extraction x = extract_page(head, body_paragraphs(3));
  EXPECT_EQ(when(x.article.published_at), "2023-11-01T23:40:00Z");
  EXPECT_EQ(x.article.utc_offset_minutes.value_or(0), -300);
}

// /2023/11/01/ is a day: it does not beat a timestamp of the same day, nor
// one of the next day in UTC (the publisher's evening), but it does beat a
// much later one (a page re-dated when it was updated).
TEST(Dates, UrlDayAgainstATimestamp) {
  const std::string same =
      R"(<meta property="article:published_time" content="2023-11-01T18:40:00-05:00">)";
  EXPECT_EQ(when(extract_page(same, body_paragraphs(3), "https://news.example/2023/11/01/x")
                     .article.published_at),
            "2023-11-01T23:40:00Z");
  const std::string next_utc =
      R"(<meta property="article:published_time" content="2023-11-02T03:40:00Z">)";
  EXPECT_EQ(when(extract_page(next_utc, body_paragraphs(3), "https://news.example/2023/11/01/x")
                     .article.published_at),
            "2023-11-02T03:40:00Z");
  const std::string later =
      R"(<meta property="article:published_time" content="2023-12-15T08:00:00Z">)";
  EXPECT_EQ(when(extract_page(later, body_paragraphs(3), "https://news.example/2023/11/01/x")
                     .article.published_at),
            "2023-11-01T00:00:00Z");
  // No metadata at all: the URL's day.
  EXPECT_EQ(when(extract_page("", body_paragraphs(3), "https://news.example/2023/11/01/x")
                     .article.published_at),
            "2023-11-01T00:00:00Z");
}

TEST(Dates, FutureAndAncientDatesAreDroppedWithAWarning) {
  const std::string head = R"(
<meta property="article:published_time" content="2031-05-01T00:00:00Z">
<meta name="dc.date" content="1970-01-01T00:00:00Z">
<meta name="date" content="2023-06-01T10:00:00Z">)";
  const Extraction x = extract_page(head, body_paragraphs(3));
  EXPECT_EQ(when(x.article.published_at), "2023-06-01T10:00:00Z");
  ASSERT_EQ(x.warnings.size(), 2u);
  EXPECT_NE(x.warnings[0].find("in the future"), std::string::npos) << x.warnings[0];
  EXPECT_NE(x.warnings[0].find("article:published_time"), std::string::npos);
  EXPECT_NE(x.warnings[1].find("before 1995"), std::string::npos) << x.warnings[1];
}

TEST(Dates, ModifiedBeforePublishedIsIgnored) {
  const std::string head = R"(
<meta property="article:published_time" content="2023-06-01T10:00:00Z">
<meta property="article:modified_time" content="2023-05-01T10:00:00Z">)";
  EXPECT_EQ(when(extract_page(head, body_paragraphs(3)).article.modified_at), "none");
}

// Arc Publishing: dates only in JSON-LD, and <time itemprop> in the body.
TEST(Dates, TimeElementsForBothTimes) {
  const std::string body =
      "<article><h1>Bridge</h1><time itemprop=\"datePublished\" "
      "datetime=\"2022-03-04T05:06:07+01:00\">4 March</time> <time itemprop=\"dateModified\" "
      "datetime=\"2022-03-05T00:00:00+01:00\">5 March</time>" +
      body_paragraphs(3) + "</article>";
  const Extraction x = extract_page("", body);
  EXPECT_EQ(when(x.article.published_at), "2022-03-04T04:06:07Z");
  EXPECT_EQ(when(x.article.modified_at), "2022-03-04T23:00:00Z");
  EXPECT_EQ(x.article.utc_offset_minutes.value_or(0), 60);
}

// A dateline in the text with a zone name gives the publisher's offset.
TEST(Dates, ShownDateWithZone) {
  const std::string body = "<article><h1>Storm</h1><p class=\"date\">November 1, 2023 6:40 PM "
                           "EST</p>" + body_paragraphs(3) + "</article>";
  const Extraction x = extract_page("", body);
  EXPECT_EQ(when(x.article.published_at), "2023-11-01T23:40:00Z");
  EXPECT_EQ(x.article.utc_offset_minutes.value_or(0), -300);
}

// A Korean site writes its local time bare: .kr has one zone, +09:00.
TEST(Dates, CountryDomainGivesTheZone) {
  const std::string head = R"(<meta name="pubdate" content="2018-08-25 15:24">)";
  const Extraction kr = extract_page(head, body_paragraphs(3), "http://news.example.kr/view?id=1");
  EXPECT_EQ(when(kr.article.published_at), "2018-08-25T06:24:00Z");
  EXPECT_EQ(kr.article.utc_offset_minutes.value_or(0), 540);
  // A country with daylight saving time is not guessed.
  const Extraction de = extract_page(head, body_paragraphs(3), "http://news.example.de/a");
  EXPECT_EQ(when(de.article.published_at), "2018-08-25T15:24:00Z");
  EXPECT_FALSE(de.article.utc_offset_minutes.has_value());
}

// WordPress VIP (Twin Cities): metadata in UTC with "+00:00", the <time>
// in the byline local and zone-less. The local one tells the offset.
TEST(Dates, LocalTimeBesideUtcImpliesTheOffset) {
  const std::string head = R"(
<meta property="article:published_time" content="2019-11-20T02:59:46+00:00">)";
  const std::string body = R"(<article><h1>Wild win</h1><time datetime="2019-11-19 20:59:46">
November 19, 2019 at 8:59 pm</time>)" + body_paragraphs(3) + "</article>";
  const Extraction x = extract_page(head, body, "https://www.example.com/2019/11/19/wild/");
  EXPECT_EQ(when(x.article.published_at), "2019-11-20T02:59:46Z");
  EXPECT_EQ(x.article.utc_offset_minutes.value_or(0), -360);
  // Another story's time in a list, some hours and seconds off: no offset.
  const std::string other = R"(<article><h1>Wild win</h1>)" + body_paragraphs(3) +
                            R"(</article><ul><li><time datetime="2019-11-19 17:10:53">Earlier</time></li></ul>)";
  const Extraction y = extract_page(head, other, "https://www.example.com/2019/11/19/wild/");
  EXPECT_EQ(y.article.utc_offset_minutes.value_or(-1), 0);
}

}  // namespace
}  // namespace tidings
