// Publication dates from what the page shows when its metadata has none: a
// date line by the headline, a date opening the body, the URL.
#include "extract/visible_dates.h"

#include <gtest/gtest.h>

#include <string>

#include "core/time.h"
#include "test_pages.h"

namespace tidings {
namespace {

using extract_detail::find_date_in_text;
using test::body_paragraphs;
using test::extract_ok;
using test::page;

std::string published(const Article& a) {
  return a.published_at ? format_rfc3339(*a.published_at) : "none";
}

std::string parsed(std::string_view text) {
  const auto d = find_date_in_text(text);
  return d ? format_rfc3339(d->when) : "none";
}

// An HTML 4 table layout in windows-1252 whose only date is the one printed
// under the headline; the masthead prints today's date further up.
TEST(VisibleDates, TableLayoutDateLineUnderTheHeadline) {
  const std::string html =
      "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\">\n"
      "<html lang=\"en-GB\"><head>"
      "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">"
      "<title>The Riverside Chronicle - Mill reopens</title></head>"
      "<body bgcolor=\"#ffffff\">"
      "<table width=\"100%\" class=\"masthead\"><tr><td><img src=\"/logo.gif\" alt=\"Chronicle\">"
      "</td><td class=\"today\">Monday, 15 December 2008</td></tr></table>"
      "<table width=\"100%\"><tr><td class=\"leftcol\"><b>Sections</b><br>"
      "<a href=\"/news/\">News</a><br><a href=\"/sport/\">Sport</a></td>"
      "<td class=\"maincol\"><div id=\"story\"><h1 class=\"headline\">Mill reopens</h1>"
      "<span class=\"storydate\">Saturday, 13 December 2008</span><br>"
      "<span class=\"byline\">by Staff Reporter</span><br><br>"
      "<div class=\"storytext\">"
      "The old mill on the river reopened on Friday after a two-year restoration, and the "
      "town\x92s mayor said the works had come in under budget, which residents welcomed.<br>\n"
      "<br>\n"
      "Visitors queued from early morning, and the first loaf baked with the mill\x92s flour "
      "was sold within minutes, according to the volunteers who run the caf\xE9.<br>\n"
      "<br>\n"
      "</div></div></td></tr></table></body></html>";
  const Article a = extract_ok(html, "https://chronicle.example/news/article.php?id=1");
  EXPECT_EQ(published(a), "2008-12-13T00:00:00Z");
  EXPECT_NE(a.text.find("town\xE2\x80\x99s mayor"), std::string::npos);
  EXPECT_NE(a.text.find("welcomed.\n\nVisitors"), std::string::npos) << a.text;
}

TEST(VisibleDates, FormatsInText) {
  EXPECT_EQ(parsed("13 December 2008"), "2008-12-13T00:00:00Z");
  EXPECT_EQ(parsed("Saturday, 13 December 2008"), "2008-12-13T00:00:00Z");
  EXPECT_EQ(parsed("Published December 13, 2008"), "2008-12-13T00:00:00Z");
  EXPECT_EQ(parsed("Dec. 13, 2008"), "2008-12-13T00:00:00Z");
  EXPECT_EQ(parsed("Dec 13 2008"), "2008-12-13T00:00:00Z");
  EXPECT_EQ(parsed("on Saturday, December 13th, 2008 at 10:45 a.m."), "2008-12-13T10:45:00Z");
  EXPECT_EQ(parsed("Dec. 13, 2008 10:45 AM EST"), "2008-12-13T15:45:00Z");
  EXPECT_EQ(parsed("13 December 2008 10:45 GMT"), "2008-12-13T10:45:00Z");
  EXPECT_EQ(parsed("13 December 2008, 22:10 UTC"), "2008-12-13T22:10:00Z");
  EXPECT_EQ(parsed("13 December 2008 10:45 +0300"), "2008-12-13T07:45:00Z");
  EXPECT_EQ(parsed("Updated 7:07 PM EST Dec 13, 2008"), "2008-12-14T00:07:00Z");
  EXPECT_EQ(parsed("2008-12-13"), "2008-12-13T00:00:00Z");
  EXPECT_EQ(parsed("2008/12/13 10:45"), "2008-12-13T10:45:00Z");
  EXPECT_EQ(parsed("13/12/2008"), "2008-12-13T00:00:00Z");
  EXPECT_EQ(parsed("12/13/2008"), "2008-12-13T00:00:00Z");
  // Day and month could be either way round, or there is no year: no date.
  EXPECT_EQ(parsed("12/11/2008"), "none");
  EXPECT_EQ(parsed("December 13"), "none");
  EXPECT_EQ(parsed("May 2008"), "none");
  EXPECT_EQ(parsed("31 February 2008"), "none");
  EXPECT_EQ(parsed("The mayor may 13 times 2008 ways"), "none");
  EXPECT_EQ(parsed(""), "none");
}

TEST(VisibleDates, MetadataDateWins) {
  const std::string head =
      R"(<meta property="article:published_time" content="2008-12-12T16:10:00Z">)";
  const std::string body = "<article><h1>Mill reopens</h1>"
                           "<span class=\"date\">Saturday, 13 December 2008</span>" +
                           body_paragraphs(3) + "</article>";
  EXPECT_EQ(published(extract_ok(page(head, body))), "2008-12-12T16:10:00Z");
}

// A WordPress-like header: "Posted" and "Updated" dates side by side, the
// date inside a permalink; the related posts below carry other dates.
TEST(VisibleDates, PostedBeatsUpdatedAndRelatedPostsAreIgnored) {
  const std::string body =
      "<div class=\"site\"><article class=\"post hentry\"><header class=\"entry-header\">"
      "<h1 class=\"entry-title\">Mill reopens</h1><div class=\"entry-meta\">"
      "<span class=\"posted-on\">Posted on <a href=\"/mill/\" rel=\"bookmark\">December 12, "
      "2008</a></span> <span class=\"updated-on\">Updated December 14, 2008</span></div>"
      "</header><div class=\"entry-content\">" +
      body_paragraphs(4) +
      "</div></article><div class=\"related-posts\"><ul>"
      "<li><a href=\"/a\">Bakery opens</a> <span class=\"date\">January 3, 2009</span></li>"
      "</ul></div></div>";
  EXPECT_EQ(published(extract_ok(page("", body))), "2008-12-12T00:00:00Z");

  // Only "Updated": better than nothing.
  const std::string only_updated =
      "<article><h1>Mill reopens</h1><p class=\"meta\">Last updated: 14 Dec 2008 09:30 GMT</p>" +
      body_paragraphs(3) + "</article>";
  EXPECT_EQ(published(extract_ok(page("", only_updated))), "2008-12-14T09:30:00Z");
}

TEST(VisibleDates, DatesInSidebarsListsAndHiddenPartsAreNotTheArticles) {
  const std::string body =
      "<aside class=\"rail\"><h3>Latest</h3><span class=\"date\">12 December 2008</span></aside>"
      "<div class=\"most-read\"><ul>"
      "<li><span class=\"time\">11 Dec 2008</span> One</li><li>Two</li><li>Three</li>"
      "<li>Four</li><li>Five</li></ul></div>"
      "<span class=\"date\" style=\"display:none\">10 December 2008</span>"
      "<div class=\"story\"><h1>Mill reopens</h1>" +
      body_paragraphs(3) +
      "</div><div id=\"comments\"><span class=\"comment-date\">14 December 2008</span></div>";
  EXPECT_EQ(published(extract_ok(page("", body))), "none");
}

TEST(VisibleDates, FutureAndAncientDatesAreRejected) {
  // The test clock is 2024-01-01.
  const std::string future = "<div class=\"story\"><h1>Mill</h1>"
                             "<span class=\"date\">1 March 2030</span>" +
                             body_paragraphs(3) + "</div>";
  EXPECT_EQ(published(extract_ok(page("", future))), "none");
  const std::string ancient = "<div class=\"story\"><h1>Mill</h1>"
                              "<span class=\"date\">12 March 1985</span>" +
                              body_paragraphs(3) + "</div>";
  EXPECT_EQ(published(extract_ok(page("", ancient))), "none");
}

TEST(VisibleDates, LeadingDateLineInTheBody) {
  const std::string plain = "<div class=\"entry-content\"><p>December 13, 2008</p>" +
                            body_paragraphs(3) + "</div>";
  EXPECT_EQ(published(extract_ok(page("", plain))), "2008-12-13T00:00:00Z");
  const std::string dateline =
      "<div class=\"entry-content\"><p>LONDON, Dec. 13, 2008 (Wire) \xE2\x80\x94 The old mill "
      "on the river reopened on Friday after a two-year restoration, officials said.</p>" +
      body_paragraphs(3) + "</div>";
  EXPECT_EQ(published(extract_ok(page("", dateline))), "2008-12-13T00:00:00Z");
  // A sentence about a date is not a date line.
  const std::string sentence =
      "<div class=\"entry-content\"><p>On 13 December 2008, the old mill on the river "
      "reopened after a two-year restoration, officials said.</p>" +
      body_paragraphs(3) + "</div>";
  EXPECT_EQ(published(extract_ok(page("", sentence))), "none");
}

TEST(VisibleDates, TimeElementWithoutDatetimeAndUnreadableAttribute) {
  const std::string text_only = "<article><h1>Mill</h1><time>Dec 13, 2008 10:45 AM</time>" +
                                body_paragraphs(3) + "</article>";
  EXPECT_EQ(published(extract_ok(page("", text_only))), "2008-12-13T10:45:00Z");
  const std::string odd_attr = "<article><h1>Mill</h1><abbr class=\"published\" "
                               "title=\"2008-12-13 17:19:53 GMT\">Dec 13</abbr>" +
                               body_paragraphs(3) + "</article>";
  EXPECT_EQ(published(extract_ok(page("", odd_attr))), "2008-12-13T17:19:53Z");
}

TEST(VisibleDates, UrlDateIsTheLastFallback) {
  const std::string body = "<article><h1>Mill</h1>" + body_paragraphs(3) + "</article>";
  EXPECT_EQ(published(extract_ok(page("", body), "https://news.example/2008/12/13/mill/")),
            "2008-12-13T00:00:00Z");
  EXPECT_EQ(published(extract_ok(page("", body), "https://news.example/stories/2008-12-13/mill")),
            "2008-12-13T00:00:00Z");
  // The canonical URL counts too; a year and month alone do not.
  const std::string canonical =
      R"(<link rel="canonical" href="https://news.example/2008/12/13/mill">)";
  EXPECT_EQ(published(extract_ok(page(canonical, body), "https://m.news.example/?p=1")),
            "2008-12-13T00:00:00Z");
  EXPECT_EQ(published(extract_ok(page("", body), "https://news.example/news/2008/12/mill-42.html")),
            "none");
  EXPECT_EQ(published(extract_ok(page("", body), "https://news.example/2031/01/02/mill/")), "none");
  EXPECT_EQ(published(extract_ok(page("", body), "https://news.example/mill?d=/2008/12/13/")),
            "none");
  // The visible date and the URL's: the earlier day; on the same day, the
  // one with a time.
  const std::string dated = "<article><h1>Mill</h1><p class=\"byline\">By Ann Lee | "
                            "14 December 2008</p>" + body_paragraphs(3) + "</article>";
  EXPECT_EQ(published(extract_ok(page("", dated), "https://news.example/2008/12/13/mill/")),
            "2008-12-13T00:00:00Z");
  EXPECT_EQ(published(extract_ok(page("", dated), "https://news.example/2008/12/14/mill/")),
            "2008-12-14T00:00:00Z");
  const std::string timed = "<article><h1>Mill</h1><p class=\"byline\">By Ann Lee | "
                            "13 December 2008 10:45 GMT</p>" + body_paragraphs(3) + "</article>";
  EXPECT_EQ(published(extract_ok(page("", timed), "https://news.example/2008/12/13/mill/")),
            "2008-12-13T10:45:00Z");
}

// German date lines: "25. September 2018", "3. Dezember 2019".
TEST(VisibleDates, GermanDayMonthYear) {
  EXPECT_EQ(parsed("publiziert am 25. September 2018"), "2018-09-25T00:00:00Z");
  EXPECT_EQ(parsed("3. Dezember 2019, 14:05"), "2019-12-03T14:05:00Z");
}

}  // namespace
}  // namespace tidings
