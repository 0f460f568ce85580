// Metadata from page structures as news sites write them: JSON-LD,
// OpenGraph, <meta> variants, <time>, title suffixes, bylines.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/time.h"
#include "extract/metadata.h"
#include "test_pages.h"

namespace tidings {
namespace {

using test::body_paragraphs;
using test::extract_ok;
using test::page;

std::string published(const Article& a) {
  return a.published_at ? format_rfc3339(*a.published_at) : "none";
}

TEST(Metadata, JsonLdNewsArticle) {
  const std::string head = R"(<title>Dam opens - Valley Courier</title>
<script type="application/ld+json">
{"@context":"https://schema.org","@graph":[
  {"@type":"WebSite","name":"Valley Courier"},
  {"@type":["NewsArticle"],"headline":"Dam opens after ten years",
   "datePublished":"2023-05-04T09:30:00+02:00",
   "author":[{"@type":"Person","name":"Ana Ruiz"},{"@type":"Person","name":"Li Wei"}],
   "publisher":{"@type":"Organization","name":"Valley Courier"},
   "image":{"@type":"ImageObject","url":"/img/dam.jpg"}}]}
</script>)";
  const Article a = extract_ok(page(head, "<article>" + body_paragraphs(4) + "</article>"),
                               "https://courier.example/news/dam");
  EXPECT_EQ(a.title, "Dam opens after ten years");
  EXPECT_EQ(published(a), "2023-05-04T07:30:00Z");
  EXPECT_EQ(a.byline, "Ana Ruiz, Li Wei");
  EXPECT_EQ(a.site_name, "Valley Courier");
  EXPECT_EQ(a.image, "https://courier.example/img/dam.jpg");
  EXPECT_EQ(a.language, "en");
}

// Yoast-style @graph: the article names its publisher and author by @id.
TEST(Metadata, JsonLdReferencesAreResolvedWithinTheGraph) {
  const std::string head = R"(<script type="application/ld+json">
{"@context":"https://schema.org","@graph":[
  {"@type":"Organization","@id":"https://herald.example/#org","name":"The Coast Herald",
   "url":"https://herald.example/"},
  {"@type":"WebSite","@id":"https://herald.example/#website","name":"Herald Online",
   "publisher":{"@type":"Organization","@id":"https://herald.example/#org"}},
  {"@type":"WebPage","@id":"https://herald.example/a#webpage","url":"https://herald.example/a"},
  {"@type":"NewsArticle","@id":"https://herald.example/a#article",
   "isPartOf":{"@id":"https://herald.example/a#webpage"},
   "headline":"Harbour reopens","datePublished":"2008-12-12T19:34:00-05:00",
   "author":[{"@id":"https://herald.example/#/person/ann"},
             {"@type":"Organization","name":"Wire Service"}],
   "publisher":{"@id":"https://herald.example/#org"},
   "image":{"@id":"https://herald.example/a#primaryimage"}},
  {"@type":"ImageObject","@id":"https://herald.example/a#primaryimage",
   "url":"https://herald.example/img/harbour.jpg"},
  {"@type":"Person","@id":"https://herald.example/#/person/ann","name":"Ann Lee"}]}
</script>)";
  const Article a = extract_ok(page(head, body_paragraphs(3)), "https://herald.example/a");
  EXPECT_EQ(a.site_name, "The Coast Herald");
  EXPECT_EQ(a.byline, "Ann Lee, Wire Service");
  EXPECT_EQ(a.image, "https://herald.example/img/harbour.jpg");
  EXPECT_EQ(published(a), "2008-12-13T00:34:00Z");
}

TEST(Metadata, UnresolvedJsonLdReferenceIsNeverASiteName) {
  const std::string ld = R"(<script type="application/ld+json">
{"@context":"https://schema.org","@type":"NewsArticle","headline":"Harbour reopens",
 "publisher":{"@id":"https://herald.example/#org"},"author":"https://herald.example/staff/ann"}
</script>)";
  const Article bare = extract_ok(page(ld, body_paragraphs(3)));
  EXPECT_EQ(bare.site_name, "");
  EXPECT_EQ(bare.byline, "");
  const Article with_og = extract_ok(
      page(ld + R"(<meta property="og:site_name" content="Coast Herald">)", body_paragraphs(3)));
  EXPECT_EQ(with_og.site_name, "Coast Herald");
  const Article with_app = extract_ok(
      page(ld + R"(<meta name="application-name" content="Herald">)", body_paragraphs(3)));
  EXPECT_EQ(with_app.site_name, "Herald");
  // An address in og:site_name is not a name either.
  const Article url_og = extract_ok(
      page(R"(<meta property="og:site_name" content="https://www.herald.example">)",
           body_paragraphs(3)));
  EXPECT_EQ(url_og.site_name, "");
}

TEST(Metadata, JsonLdWithRawNewlinesAndCommentWrapper) {
  const std::string head = "<script type='application/ld+json'><!--\n{\"@type\": \"BlogPosting\","
                           " \"headline\": \"Line\nbreak\", \"datePublished\": \"2022-02-02\","
                           " \"author\": \"Sam Poe\"}\n--></script>";
  const Article a = extract_ok(page(head, body_paragraphs(3)));
  EXPECT_EQ(a.title, "Line break");
  EXPECT_EQ(published(a), "2022-02-02T00:00:00Z");
  EXPECT_EQ(a.byline, "Sam Poe");
}

TEST(Metadata, BrokenJsonLdIsIgnored) {
  const std::string head = "<script type=application/ld+json>{\"@type\": \"NewsArticle\", "
                           "\"headline\": </script><title>Fallback title</title>";
  const Article a = extract_ok(page(head, body_paragraphs(3)));
  EXPECT_EQ(a.title, "Fallback title");
}

TEST(Metadata, OpenGraph) {
  const std::string head = R"(
<meta property="og:title" content="Storm closes ports | Coast Times">
<meta property="og:site_name" content="Coast Times">
<meta property="og:image" content="//cdn.coast.example/storm.jpg">
<meta property="og:url" content="/2023/storm">
<meta property="article:published_time" content="2023-09-10T06:15:00Z">
<meta name="author" content="By Jo Hart">)";
  const Article a = extract_ok(page(head, body_paragraphs(3)), "https://coast.example/x?id=1");
  EXPECT_EQ(a.title, "Storm closes ports");
  EXPECT_EQ(a.site_name, "Coast Times");
  EXPECT_EQ(a.image, "https://cdn.coast.example/storm.jpg");
  EXPECT_EQ(a.canonical_url, "https://coast.example/2023/storm");
  EXPECT_EQ(published(a), "2023-09-10T06:15:00Z");
  EXPECT_EQ(a.byline, "Jo Hart");
}

TEST(Metadata, CanonicalLinkWinsOverOgUrlAndIsResolved) {
  const std::string head = R"(<link rel="canonical" href="../story/42">
<meta property="og:url" content="https://other.example/og">)";
  const Article a = extract_ok(page(head, body_paragraphs(3)), "https://site.example/a/b/c");
  EXPECT_EQ(a.canonical_url, "https://site.example/a/story/42");
}

TEST(Metadata, BaseHrefIsTheBase) {
  const std::string head = R"(<base href="https://static.example/root/">
<meta property="og:image" content="pic.png">)";
  const Article a = extract_ok(page(head, body_paragraphs(3)), "https://site.example/a");
  EXPECT_EQ(a.image, "https://static.example/root/pic.png");
}

TEST(Metadata, MetaDateVariants) {
  struct Case {
    std::string meta;
    std::string expected;
  };
  const Case cases[] = {
      {R"(<meta name="pubdate" content="2021-03-04T05:06:07-05:00">)", "2021-03-04T10:06:07Z"},
      {R"(<meta name="DC.date.issued" content="2021-03-04">)", "2021-03-04T00:00:00Z"},
      {R"(<meta name="date" content="2021/03/04 12:30">)", "2021-03-04T12:30:00Z"},
      {R"(<meta itemprop="datePublished" content="2021-03-04T05:06:07.123Z">)",
       "2021-03-04T05:06:07Z"},
      {R"(<meta name="sailthru.date" content="Thu, 04 Mar 2021 05:06:07 +0100">)",
       "2021-03-04T04:06:07Z"},
      {R"(<meta name="publish-date" content="March 4, 2021 5:06 PM">)", "2021-03-04T17:06:00Z"},
      {R"(<meta name="publishdate" content="20210304">)", "2021-03-04T00:00:00Z"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(published(extract_ok(page(c.meta, body_paragraphs(2)))), c.expected) << c.meta;
  }
}

TEST(Metadata, TimeElement) {
  const std::string body = "<article><time datetime=\"2020-01-01\">Jan 1</time>"
                           "<time itemprop=\"datePublished\" datetime=\"2020-06-07T08:09:10Z\">"
                           "June 7</time>" + body_paragraphs(3) + "</article>";
  EXPECT_EQ(published(extract_ok(page("", body))), "2020-06-07T08:09:10Z");
  const std::string plain = "<time datetime=\"2020-01-02T03:04:05+00:00\">x</time>" +
                            body_paragraphs(3);
  EXPECT_EQ(published(extract_ok(page("", plain))), "2020-01-02T03:04:05Z");
}

TEST(Metadata, FutureDatesAreRejected) {
  // The test clock is 2024-01-01; a day of slack is allowed.
  const std::string head = R"(<meta property="article:published_time" content="2030-01-01T00:00:00Z">
<meta name="date" content="2023-12-31T12:00:00Z">)";
  EXPECT_EQ(published(extract_ok(page(head, body_paragraphs(2)))), "2023-12-31T12:00:00Z");
  const std::string near = R"(<meta name="date" content="2024-01-01T20:00:00Z">)";
  EXPECT_EQ(published(extract_ok(page(near, body_paragraphs(2)))), "2024-01-01T20:00:00Z");
}

TEST(Metadata, TitleFromH1WhenTitleTagHasIt) {
  const std::string head = "<title>Council votes to rebuild bridge \xE2\x80\x93 Riverside Post</title>";
  const std::string body = "<h1>Council votes to rebuild bridge</h1>" + body_paragraphs(3);
  EXPECT_EQ(extract_ok(page(head, body)).title, "Council votes to rebuild bridge");
}

TEST(Metadata, TitleSuffixStripping) {
  using extract_detail::strip_site_from_title;
  EXPECT_EQ(strip_site_from_title("Markets rally as rates fall - World News Today", ""),
            "Markets rally as rates fall");
  EXPECT_EQ(strip_site_from_title("Markets rally as rates fall | WNT", "WNT"),
            "Markets rally as rates fall");
  EXPECT_EQ(strip_site_from_title("The Guardian | Markets rally as rates fall", "the guardian"),
            "Markets rally as rates fall");
  EXPECT_EQ(strip_site_from_title("Rates \xE2\x80\x94 Example News", "Example News"), "Rates");
  // Nothing that looks like a site: left alone.
  EXPECT_EQ(strip_site_from_title("Iran - Russia talks", ""), "Iran - Russia talks");
  EXPECT_EQ(strip_site_from_title("Plain title", "Site"), "Plain title");
  EXPECT_EQ(strip_site_from_title("  spaced \n title  ", ""), "spaced title");
}

TEST(Metadata, BylineFromClassAndRelAuthor) {
  const std::string by_class = "<div class=\"article-byline\">By  Maria\n Lopez</div>" +
                               body_paragraphs(3);
  EXPECT_EQ(extract_ok(page("", by_class)).byline, "Maria Lopez");
  const std::string by_rel = "<p>Written by <a rel=\"author\" href=\"/u/k\">Kim Doe</a></p>" +
                             body_paragraphs(3);
  EXPECT_EQ(extract_ok(page("", by_rel)).byline, "Kim Doe");
  const std::string url_author =
      R"(<meta property="article:author" content="https://facebook.com/someone">)";
  EXPECT_EQ(extract_ok(page(url_author, body_paragraphs(3))).byline, "");
}

// The Guardian: og:title "Headline | Editorial", <title> with three labels.
// NYT: "Opinion | Headline". The <h1> is the headline when a title holds it.
TEST(Metadata, TitleIsTheHeadlineInsideLabelledTitles) {
  const std::string guardian = R"(
<title>The Guardian view on Hong Kong: a city on the brink | Editorial | Opinion | The Guardian</title>
<meta property="og:title" content="The Guardian view on Hong Kong: a city on the brink | Editorial">
<meta property="og:site_name" content="the Guardian">)";
  const std::string h1 = "<h1>The Guardian view on Hong Kong: a city on the brink</h1>";
  EXPECT_EQ(extract_ok(page(guardian, h1 + body_paragraphs(3))).title,
            "The Guardian view on Hong Kong: a city on the brink");
  const std::string nyt = R"(
<title>Opinion | Republicans Are Following Trump to Nowhere - The New York Times</title>
<meta property="og:title" content="Opinion | Republicans Are Following Trump to Nowhere">)";
  const Article a = extract_ok(
      page(nyt, "<h1>Republicans Are Following Trump to Nowhere</h1>" + body_paragraphs(3)));
  EXPECT_EQ(a.title, "Republicans Are Following Trump to Nowhere");
  EXPECT_EQ(a.site_name, "The New York Times");  // from the <title>, nothing else names it
  // A blog whose <h1> is the site's name, in the <title> after the headline.
  const std::string blog = R"(<title>Jangan Membenci Satu Kaum Secara Berlebihan | Kabar Dunia Islam</title>
<meta property="og:title" content="Jangan Membenci Satu Kaum Secara Berlebihan">)";
  EXPECT_EQ(extract_ok(page(blog, "<h1>Kabar Dunia Islam</h1>" + body_paragraphs(3))).title,
            "Jangan Membenci Satu Kaum Secara Berlebihan");
  // BBC: og:title is the sharing version; the <title> agrees with the <h1>.
  const std::string bbc = R"(<title>Taylor Swift is allowed to play her music at the AMAs after all - BBC News</title>
<meta property="og:title" content="Taylor Swift's AMA row seems to be over">
<meta property="og:site_name" content="BBC News">)";
  EXPECT_EQ(extract_ok(page(bbc, "<h1>Taylor Swift is allowed to play her music at the AMAs "
                                 "after all</h1>" + body_paragraphs(3))).title,
            "Taylor Swift is allowed to play her music at the AMAs after all");
}

// A blog whose og:title is written for search engines: the one <h1> shows
// the headline. An aggregator's <h1> that links to another story does not.
TEST(Metadata, TheOnlyH1IsTheHeadline) {
  const std::string head = R"x(<title>Simple Hiking Survival Kit (with Kids) - The Blog</title>
<meta property="og:title" content="Simple Hiking Survival Kit (with Kids)">)x";
  EXPECT_EQ(extract_ok(page(head, "<h1 class=\"entry-title\">Hiking the Boulder Flat Irons</h1>" +
                                      body_paragraphs(3))).title,
            "Hiking the Boulder Flat Irons");
  const std::string digg = R"(<meta property="og:title" content="The early reviews of Stadia are here">)";
  EXPECT_EQ(extract_ok(page(digg, "<h1><a href=\"https://other.example/story\">Why Don't You Go "
                                  "Fight For The Reindeer?</a></h1>" + body_paragraphs(3))).title,
            "The early reviews of Stadia are here");
}

// Gannett: og:site_name is a handle, JSON-LD names the publisher.
TEST(Metadata, SiteNameHandleYieldsToThePublisher) {
  const std::string head = R"(<meta property="og:site_name" content="detroitnews">
<script type="application/ld+json">{"@type":"NewsArticle","publisher":{"@type":"Organization",
 "name":"The Detroit News"}}</script>)";
  EXPECT_EQ(extract_ok(page(head, body_paragraphs(3))).site_name, "The Detroit News");
}

// Reuters: og:site_name holds the edition, "U.S."; the <title> ends with
// the name the host has.
TEST(Metadata, DeclaredSiteNameThatIsNotTheHostsYieldsToTheTitle) {
  const std::string head = R"(<title>Oil falls on oversupply worries - Reuters</title>
<meta property="og:site_name" content="U.S.">
<meta property="og:title" content="Oil falls on oversupply worries">)";
  EXPECT_EQ(extract_ok(page(head, body_paragraphs(3)), "https://www.reuters.com/article/x").site_name,
            "Reuters");
  // A name the host does not spell is kept when the title's is no better.
  const std::string latimes = R"(<title>Disney+ glitches - Los Angeles Times</title>
<meta property="og:site_name" content="Los Angeles Times">)";
  EXPECT_EQ(extract_ok(page(latimes, "<h1>Disney+ glitches</h1>" + body_paragraphs(3)),
                       "https://www.latimes.com/story/x").site_name,
            "Los Angeles Times");
}

TEST(Metadata, SiteNameFromApplicationName) {
  const std::string head = R"(<meta name="application-name" content="Daily Planet">)";
  EXPECT_EQ(extract_ok(page(head, body_paragraphs(2))).site_name, "Daily Planet");
}

TEST(Metadata, LanguageFromTextAndFallbackToDeclared) {
  const std::string german =
      "<p>Die Bundesregierung hat am Mittwoch neue Ma\xC3\x9Fnahmen zur Unterst\xC3\xBCtzung "
      "der Unternehmen beschlossen, die von der Energiekrise besonders betroffen sind. Nach "
      "Angaben des Wirtschaftsministers sollen die Hilfen bis zum Jahresende fast zehn "
      "Milliarden Euro umfassen.</p>";
  EXPECT_EQ(extract_ok(page("", german)).language, "de");  // page says "en", text says "de"
  const std::string tiny = "<html lang=\"pt-BR\"><body><p>Ol\xC3\xA1</p></body></html>";
  EXPECT_EQ(extract_ok(tiny).language, "pt");
}

TEST(Metadata, PageDateParser) {
  using extract_detail::parse_page_date;
  EXPECT_EQ(format_rfc3339(*parse_page_date("Wed, 01 Nov 2023 18:40:00 GMT")),
            "2023-11-01T18:40:00Z");
  EXPECT_EQ(format_rfc3339(*parse_page_date("1 November 2023")), "2023-11-01T00:00:00Z");
  EXPECT_EQ(format_rfc3339(*parse_page_date("1698864000")), "2023-11-01T18:40:00Z");
  EXPECT_FALSE(parse_page_date("yesterday").has_value());
  EXPECT_FALSE(parse_page_date("").has_value());
  EXPECT_FALSE(parse_page_date("2023-13-45").has_value());
}


// Authors as CMSs write them.
TEST(Metadata, AuthorsFromJsonLdArraysObjectsAndStrings) {
  using extract_detail::split_byline;
  const std::string head = R"(<script type="application/ld+json">
{"@context":"https://schema.org","@type":"NewsArticle","headline":"Budget passes",
 "author":[{"@type":"Person","name":"By Jane Doe and John Roe"},
           {"@type":"Person","name":"jane doe"},
           {"@type":"Organization","name":"Valley Courier"}],
 "publisher":{"@type":"Organization","name":"Valley Courier"}}</script>)";
  const Article a = extract_ok(page(head, body_paragraphs(3)));
  ASSERT_EQ(a.authors.size(), 2u) << a.byline;
  EXPECT_EQ(a.authors[0], "Jane Doe");
  EXPECT_EQ(a.authors[1], "John Roe");
  EXPECT_EQ(a.byline, "Jane Doe, John Roe");
  // The site itself as the only author: the next source is asked.
  const std::string only_site = R"(<script type="application/ld+json">
{"@type":"NewsArticle","headline":"x","author":{"@type":"Organization","name":"Valley Courier"},
 "publisher":{"@type":"Organization","name":"Valley Courier"}}</script>
<meta name="author" content="Ana Ruiz">)";
  EXPECT_EQ(extract_ok(page(only_site, body_paragraphs(3))).byline, "Ana Ruiz");
}

TEST(Metadata, SplitByline) {
  using extract_detail::split_byline;
  using V = std::vector<std::string>;
  EXPECT_EQ(split_byline("By Jane Doe and John Roe", ""), (V{"Jane Doe", "John Roe"}));
  EXPECT_EQ(split_byline("BY JANE DOE, JOHN ROE & ANA RUIZ", ""),
            (V{"Jane Doe", "John Roe", "Ana Ruiz"}));
  EXPECT_EQ(split_byline("By Jane Doe, Staff Writer", ""), (V{"Jane Doe"}));
  EXPECT_EQ(split_byline("By Jane Doe | Nov. 1, 2023 at 6:40 p.m. EST", ""), (V{"Jane Doe"}));
  EXPECT_EQ(split_byline("Jane Doe Updated 3 hours ago", ""), (V{"Jane Doe"}));
  EXPECT_EQ(split_byline("jane@news.example", ""), V{});
  EXPECT_EQ(split_byline("Staff", ""), V{});
  EXPECT_EQ(split_byline("Coast Times", "Coast Times"), V{});
  EXPECT_EQ(split_byline("Von Anna Schmidt und Jonas Weber", ""), (V{"Anna Schmidt", "Jonas Weber"}));
  EXPECT_EQ(split_byline("Reuters", "Coast Times"), (V{"Reuters"}));
  // Gannett and AP pages: the agency in the next span, the names in capitals.
  EXPECT_EQ(split_byline("Tom Davies Associated Press", ""), (V{"Tom Davies"}));
  EXPECT_EQ(split_byline("By DANICA KIRKA and JILL LAWLESS Associated Press", ""),
            (V{"Danica Kirka", "Jill Lawless"}));
  EXPECT_EQ(split_byline("Kevin Johnson and Kevin McCoy USA TODAY", "USA TODAY"),
            (V{"Kevin Johnson", "Kevin McCoy"}));
  // Sputnik: "Name. Site"; an initial is not an end.
  EXPECT_EQ(split_byline("Finian Cunningham. Sputnik International", "Sputnik International"),
            (V{"Finian Cunningham"}));
  EXPECT_EQ(split_byline("Bruce Y. Lee", ""), (V{"Bruce Y. Lee"}));
  // CNN: the site's desk after the name.
  EXPECT_EQ(split_byline("By Jill Disis, CNN Business", "CNN"), (V{"Jill Disis"}));
  EXPECT_EQ(split_byline("Nama (wajib)", ""), V{});
  // Credentials, a weekday before the date, a label before "by".
  EXPECT_EQ(split_byline("Ilana Muhlstein, MS, RDN", ""), (V{"Ilana Muhlstein"}));
  EXPECT_EQ(split_byline("Mike Wuerthele and Malcolm Owen Monday, November 18, 2019", ""),
            (V{"Mike Wuerthele", "Malcolm Owen"}));
  EXPECT_EQ(split_byline("Analysis by Chris Cillizza, CNN Editor-at-large", "CNN"),
            (V{"Chris Cillizza"}));
  EXPECT_EQ(split_byline("By PTI", ""), (V{"PTI"}));
  EXPECT_EQ(split_byline("Beachbody", "The Beachbody Blog"), V{});
}

// NYT-like: one <meta name="byl">, several article:author profile URLs.
TEST(Metadata, AuthorsFromMetaNotProfileUrls) {
  const std::string head = R"(
<meta property="article:author" content="https://www.news.example/by/jane-doe">
<meta property="article:author" content="https://www.news.example/by/john-roe">
<meta name="byl" content="By Jane Doe and John Roe">)";
  EXPECT_EQ(extract_ok(page(head, body_paragraphs(3))).byline, "Jane Doe, John Roe");
  // Nothing but a profile URL: its slug.
  const std::string slug_only =
      R"(<meta property="article:author" content="https://www.news.example/author/jane-doe/">)";
  EXPECT_EQ(extract_ok(page(slug_only, body_paragraphs(3))).byline, "Jane Doe");
  EXPECT_EQ(extract_detail::name_from_profile_url("https://facebook.com/someone"), "");
}

// BBC-like: several itemprop="author" blocks, each with its name.
TEST(Metadata, AuthorsFromItempropElements) {
  const std::string body = R"(<article><h1>Rates rise</h1>
<div class="byline"><span itemprop="author" itemscope><span itemprop="name">Ana Ruiz</span></span>
 &amp; <span itemprop="author" itemscope><span itemprop="name">Li Wei</span></span>
 <span class="role">Business reporters</span></div>)" + body_paragraphs(3) + "</article>";
  const Article a = extract_ok(page("", body));
  ASSERT_EQ(a.authors.size(), 2u) << a.byline;
  EXPECT_EQ(a.byline, "Ana Ruiz, Li Wei");
}

TEST(Metadata, SectionFromMetaJsonLdAndBreadcrumbs) {
  const std::string og = R"(<meta property="article:section" content="Politics">)";
  EXPECT_EQ(extract_ok(page(og, body_paragraphs(3))).section, "Politics");
  // Gizmodo's section is its host; CBS's "U.S." is a section.
  const std::string host = R"(<meta property="article:section" content="gizmodo.com">)";
  EXPECT_EQ(extract_ok(page(host, body_paragraphs(3))).section, "");
  const std::string us = R"(<meta property="article:section" content="U.S.">)";
  EXPECT_EQ(extract_ok(page(us, body_paragraphs(3))).section, "U.S.");
  const std::string ld = R"(<script type="application/ld+json">
{"@type":"NewsArticle","headline":"x","articleSection":["World","Europe"]}</script>)";
  EXPECT_EQ(extract_ok(page(ld, body_paragraphs(3))).section, "World");
  const std::string crumbs = R"(<script type="application/ld+json">
{"@context":"https://schema.org","@graph":[{"@type":"BreadcrumbList","itemListElement":[
 {"@type":"ListItem","position":3,"name":"Council votes to rebuild the old bridge"},
 {"@type":"ListItem","position":1,"name":"Home","item":"https://x.example/"},
 {"@type":"ListItem","position":2,"name":"Local News","item":"https://x.example/local/"}]}]}
</script><meta property="og:title" content="Council votes to rebuild the old bridge">)";
  EXPECT_EQ(extract_ok(page(crumbs, body_paragraphs(3))).section, "Local News");
  const std::string dom_crumbs =
      R"(<ol class="breadcrumbs"><li><a href="/">Home</a></li><li><a href="/sport/">Sport</a></li></ol>)" +
      body_paragraphs(3);
  EXPECT_EQ(extract_ok(page("", dom_crumbs)).section, "Sport");
}

TEST(Metadata, TagsInPageOrderEachOnce) {
  // Wired-like JSON-LD keywords carry the CMS's own flags.
  const std::string flags = R"(<script type="application/ld+json">{"@type":"NewsArticle",
 "headline":"x","keywords":["banks","money","_no-apple-news","type:story"]}</script>)";
  EXPECT_EQ(extract_ok(page(flags, body_paragraphs(3))).tags,
            (std::vector<std::string>{"banks", "money"}));
  // Advance Local and Express: routing flags in the keywords.
  const std::string routing =
      R"(<meta name="keywords" content="@river, doobie-brothers, autoplay_video, Rock Hall">)";
  EXPECT_EQ(extract_ok(page(routing, body_paragraphs(3))).tags,
            (std::vector<std::string>{"doobie-brothers", "Rock Hall"}));
  const std::string head = R"(
<meta property="article:tag" content="Elections">
<meta property="article:tag" content="Senate">
<meta name="news_keywords" content="senate, Budget ,Taxes">
<meta name="keywords" content="news, breaking news">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"x",
 "keywords":["Elections","Ohio"]}</script>)";
  const Article a = extract_ok(page(head, body_paragraphs(3)));
  // article:tag is there: the other lists spell the same topics again.
  EXPECT_EQ(a.tags, (std::vector<std::string>{"Elections", "Senate"}));
  const std::string news_keywords = R"(<meta name="news_keywords" content="senate, Budget ,Taxes">
<meta name="keywords" content="news, breaking news">)";
  EXPECT_EQ(extract_ok(page(news_keywords, body_paragraphs(3))).tags,
            (std::vector<std::string>{"senate", "Budget", "Taxes"}));
  const std::string only_keywords = R"(<meta name="keywords" content="rain, floods; storms">)";
  EXPECT_EQ(extract_ok(page(only_keywords, body_paragraphs(3))).tags,
            (std::vector<std::string>{"rain", "floods", "storms"}));
  const std::string ld_string = R"(<script type="application/ld+json">{"@type":"NewsArticle",
 "headline":"x","keywords":"Iran, Oil, Iran"}</script>)";
  EXPECT_EQ(extract_ok(page(ld_string, body_paragraphs(3))).tags,
            (std::vector<std::string>{"Iran", "Oil"}));
}

// A WordPress theme with no tag metadata: the post's category and tag links.
TEST(Metadata, WordPressCategoryAndTagLinks) {
  const std::string body = R"(<article><h1>Post</h1>)" + body_paragraphs(3) +
                           R"(<p class="postinfo">Filed under: <a href="/category/khawarij/"
 rel="category tag">Khawarij</a> | Tags: <a href="/tag/isis/" rel="tag">ISIS</a>,
 <a href="/tag/sejarah/" rel="tag">Sejarah</a></p></article>)";
  const Article a = extract_ok(page("", body));
  EXPECT_EQ(a.section, "Khawarij");
  EXPECT_EQ(a.tags, (std::vector<std::string>{"ISIS", "Sejarah"}));
}

}  // namespace
}  // namespace tidings
