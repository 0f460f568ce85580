// Every metadata field at once, on heads shaped like the ones three
// publishing systems write: WordPress with Yoast SEO, Arc Publishing, and a
// Persian news site with its times written without a zone.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/time.h"
#include "test_pages.h"

namespace tidings {
namespace {

using test::body_paragraphs;
using test::run_extract;

using Strings = std::vector<std::string>;

std::string when(const std::optional<Instant>& t) { return t ? format_rfc3339(*t) : "none"; }

Article extract_page(const std::string& html, const std::string& url) {
  auto r = run_extract(html, url);
  EXPECT_TRUE(r.has_value());
  return r ? r->article : Article{};
}

TEST(MetadataCms, WordPressYoast) {
  const std::string html = R"(<!DOCTYPE html><html lang="en-US"><head>
<title>Council approves harbour budget | Coast Herald</title>
<link rel="canonical" href="https://herald.example/2023/05/04/harbour-budget/">
<meta property="og:locale" content="en_US">
<meta property="og:type" content="article">
<meta property="og:title" content="Council approves harbour budget | Coast Herald">
<meta property="og:url" content="https://herald.example/2023/05/04/harbour-budget/">
<meta property="og:site_name" content="Coast Herald">
<meta property="article:publisher" content="https://www.facebook.com/coastherald">
<meta property="article:author" content="https://www.facebook.com/ann.lee">
<meta property="article:tag" content="Budget">
<meta property="article:tag" content="Harbour">
<meta property="article:section" content="Local">
<meta property="article:published_time" content="2023-05-04T09:30:00+00:00">
<meta property="article:modified_time" content="2023-05-04T15:02:11+00:00">
<meta property="og:image" content="https://herald.example/wp-content/uploads/2023/05/harbour.jpg">
<script type="application/ld+json" class="yoast-schema-graph">{"@context":"https://schema.org","@graph":[
 {"@type":"Organization","@id":"https://herald.example/#organization","name":"Coast Herald"},
 {"@type":"WebSite","@id":"https://herald.example/#website","name":"Coast Herald",
  "publisher":{"@id":"https://herald.example/#organization"}},
 {"@type":"WebPage","@id":"https://herald.example/2023/05/04/harbour-budget/#webpage",
  "breadcrumb":{"@id":"https://herald.example/2023/05/04/harbour-budget/#breadcrumb"}},
 {"@type":"Article","@id":"https://herald.example/2023/05/04/harbour-budget/#article",
  "headline":"Council approves harbour budget","datePublished":"2023-05-04T09:30:00+00:00",
  "dateModified":"2023-05-04T15:02:11+00:00","author":{"@id":"https://herald.example/#/schema/person/1"},
  "publisher":{"@id":"https://herald.example/#organization"},"keywords":"Budget,Harbour",
  "articleSection":"Local"},
 {"@type":"BreadcrumbList","@id":"https://herald.example/2023/05/04/harbour-budget/#breadcrumb",
  "itemListElement":[{"@type":"ListItem","position":1,"name":"Home","item":"https://herald.example/"},
  {"@type":"ListItem","position":2,"name":"Council approves harbour budget"}]},
 {"@type":"Person","@id":"https://herald.example/#/schema/person/1","name":"Ann Lee"}]}</script>
</head><body><header><a href="/">Coast Herald</a></header><article>
<h1 class="entry-title">Council approves harbour budget</h1>
<div class="entry-meta">By <span class="author vcard"><a class="url fn n" href="/author/ann-lee/">Ann Lee</a></span>
<time class="entry-date published" datetime="2023-05-04T09:30:00+00:00">May 4, 2023</time></div>)" +
                           body_paragraphs(4) + "</article></body></html>";
  const Article a = extract_page(html, "https://herald.example/2023/05/04/harbour-budget/");
  EXPECT_EQ(a.title, "Council approves harbour budget");
  EXPECT_EQ(a.authors, Strings{"Ann Lee"});
  EXPECT_EQ(when(a.published_at), "2023-05-04T09:30:00Z");
  EXPECT_EQ(when(a.modified_at), "2023-05-04T15:02:11Z");
  EXPECT_EQ(a.utc_offset_minutes.value_or(-1), 0);
  EXPECT_EQ(a.site_name, "Coast Herald");
  EXPECT_EQ(a.canonical_url, "https://herald.example/2023/05/04/harbour-budget/");
  EXPECT_EQ(a.image, "https://herald.example/wp-content/uploads/2023/05/harbour.jpg");
  EXPECT_EQ(a.section, "Local");
  EXPECT_EQ(a.tags, (Strings{"Budget", "Harbour"}));
  EXPECT_EQ(a.language, "en");
}

// Arc Publishing: JSON-LD with several authors and a list of keywords, a
// zone-less display time in the byline, the section as a microdata link.
TEST(MetadataCms, ArcPublishing) {
  const std::string html = R"(<!DOCTYPE html><html lang="en"><head>
<title>Storm knocks out power to thousands - The Valley Post</title>
<meta property="og:title" content="Storm knocks out power to thousands">
<meta property="og:site_name" content="The Valley Post">
<meta property="og:image" content="https://arc-anglerfish.example/storm.jpg">
<meta name="author" content="Jo Hart, Sam Poe">
<link rel="canonical" href="https://www.valleypost.example/weather/2022/03/04/storm-power/">
<script type="application/ld+json">{"@context":"http://schema.org","@type":"NewsArticle",
 "headline":"Storm knocks out power to thousands",
 "author":[{"@type":"Person","name":"Jo Hart"},{"@type":"Person","name":"Sam Poe"}],
 "datePublished":"2022-03-04T23:10:00Z","dateModified":"2022-03-05T01:00:00Z",
 "keywords":["weather","power outages","storms"],
 "publisher":{"@type":"Organization","name":"The Valley Post"}}</script>
</head><body><article><a itemprop="articleSection" href="/weather/">Weather</a>
<h1>Storm knocks out power to thousands</h1>
<div class="byline">By Jo Hart and Sam Poe <time datetime="2022-03-04T18:10:00">March 4, 2022 at 6:10 p.m.
EST</time></div>)" + body_paragraphs(4) + "</article></body></html>";
  const Article a = extract_page(html, "https://www.valleypost.example/weather/2022/03/04/storm-power/");
  EXPECT_EQ(a.title, "Storm knocks out power to thousands");
  EXPECT_EQ(a.authors, (Strings{"Jo Hart", "Sam Poe"}));
  EXPECT_EQ(a.byline, "Jo Hart, Sam Poe");
  EXPECT_EQ(when(a.published_at), "2022-03-04T23:10:00Z");
  EXPECT_EQ(when(a.modified_at), "2022-03-05T01:00:00Z");
  EXPECT_EQ(a.utc_offset_minutes.value_or(0), -300);  // the byline's local time says so
  EXPECT_EQ(a.site_name, "The Valley Post");
  EXPECT_EQ(a.section, "Weather");
  EXPECT_EQ(a.tags, (Strings{"weather", "power outages", "storms"}));
  EXPECT_EQ(a.image, "https://arc-anglerfish.example/storm.jpg");
}

// A Persian news agency: right-to-left text, times in Tehran without a
// zone (.ir: +03:30), a Persian section and tags.
TEST(MetadataCms, PersianNewsSite) {
  const std::string paragraph =
      "<p>وزارت بهداشت روز سه\u200cشنبه از افتتاح یک بیمارستان جدید در پایتخت خبر داد. وزیر "
      "گفت این بیمارستان به بیش از یک میلیون نفر از مردم منطقه خدمت خواهد کرد و دولت "
      "سرمایه\u200cگذاری در بخش سلامت را در سال\u200cهای آینده ادامه می\u200cدهد.</p>";
  const std::string html = R"(<!DOCTYPE html><html lang="fa" dir="rtl"><head>
<title>افتتاح بیمارستان تازه در پایتخت - خبرگزاری نمونه</title>
<meta property="og:title" content="افتتاح بیمارستان تازه در پایتخت">
<meta property="og:site_name" content="خبرگزاری نمونه">
<meta property="article:section" content="اجتماعی">
<meta name="keywords" content="بهداشت,بیمارستان,تهران">
<meta property="article:published_time" content="2023-11-01T09:15:00">
<meta name="author" content="مریم احمدی">
</head><body><article><h1>افتتاح بیمارستان تازه در پایتخت</h1>)" +
                           paragraph + paragraph + paragraph + "</article></body></html>";
  const Article a = extract_page(html, "https://www.news.example.ir/fa/news/123456/");
  EXPECT_EQ(a.title, "افتتاح بیمارستان تازه در پایتخت");
  EXPECT_EQ(a.authors, Strings{"مریم احمدی"});
  EXPECT_EQ(when(a.published_at), "2023-11-01T05:45:00Z");
  EXPECT_EQ(a.utc_offset_minutes.value_or(0), 210);
  EXPECT_EQ(a.site_name, "خبرگزاری نمونه");
  EXPECT_EQ(a.section, "اجتماعی");
  EXPECT_EQ(a.tags, (Strings{"بهداشت", "بیمارستان", "تهران"}));
  EXPECT_EQ(a.language, "fa");
  EXPECT_NE(a.text.find("سه\u200cشنبه"), std::string::npos);
}

}  // namespace
}  // namespace tidings
