// Source links: the ways a page credits the original it copies.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "test_pages.h"

namespace tidings {
namespace {

using test::body_paragraphs;
using test::extract_ok;
using test::page;

const SourceLink* find(const Article& a, const std::string& url) {
  for (const SourceLink& l : a.source_links) {
    if (l.url == url) return &l;
  }
  return nullptr;
}

TEST(SourceLinks, SeedLikeFooter) {
  const std::string body =
      "<div class=\"entry-content\">" + body_paragraphs(3) +
      "<p><em>This news has been collected from reliable news agencies in the country. Click "
      "to enter the source.</em></p>"
      "<p><a href=\"https://agency.example/detail/1\" rel=\"nofollow\">Source link</a></p></div>"
      "<div class=\"share\">Share: <a href=\"#\">Facebook</a></div>";
  const Article a = extract_ok(page("", body), "https://aggregator.example/2023/x/");
  ASSERT_EQ(a.source_links.size(), 1u);
  EXPECT_EQ(a.source_links[0].url, "https://agency.example/detail/1");
  EXPECT_EQ(a.source_links[0].text, "Source link");
  EXPECT_EQ(a.source_links[0].kind, "link");
}

TEST(SourceLinks, CreditAnchorsAndSourceLines) {
  const std::string body =
      "<article>" + body_paragraphs(3) +
      "<p>Source: <a href=\"https://wire.example/story/9\">Wire Service</a></p>"
      "<p><a href=\"/orig/7\">Read the original article \xC2\xBB</a></p>"
      "<p>Photo <a href=\"https://photos.example/p\">via Flickr</a></p>"
      "<p>A normal <a href=\"https://elsewhere.example/\">link</a> in a sentence that is not a "
      "credit at all, just a reference.</p></article>";
  const Article a = extract_ok(page("", body), "https://site.example/news/1");
  ASSERT_NE(find(a, "https://wire.example/story/9"), nullptr);
  EXPECT_EQ(find(a, "https://wire.example/story/9")->text, "Wire Service");
  ASSERT_NE(find(a, "https://site.example/orig/7"), nullptr);
  ASSERT_NE(find(a, "https://photos.example/p"), nullptr);
  EXPECT_EQ(find(a, "https://elsewhere.example/"), nullptr);
}

// A truncated teaser ending in "Read more at <outlet>", with an "also read"
// box to another story and related posts on the same site.
TEST(SourceLinks, ReadMoreAtAnotherOutletCredits) {
  const std::string body =
      "<div class=\"mc-article__body\"><p>The old mill on the river reopened on Friday after a "
      "two-year restoration, and the mayor said the works had come in under budget.</p>"
      "<p class=\"also-read\"><strong>READ MORE:</strong> <a "
      "href=\"https://wire.example/stories/2008-11-02/bakery\">Bakery reopens after fire</a></p>"
      "<p>Visitors queued from early morning, and the first loaf was sold within \xE2\x80\xA6</p>"
      "<p class=\"read-more\"><a href=\"https://wire.example/stories/2008-12-13/mill\">Read "
      "more</a> at Wire Service</p></div>"
      "<section class=\"more\"><p><a href=\"https://courier.example/news/other\">Read more</a> at "
      "Courier</p><p>Read more at <a href=\"https://www.courier.example/news/third\">the Courier"
      "</a></p></section>";
  const Article a = extract_ok(page("", body), "https://courier.example/news/mill");
  ASSERT_EQ(a.source_links.size(), 1u);
  EXPECT_EQ(a.source_links[0].url, "https://wire.example/stories/2008-12-13/mill");
  EXPECT_EQ(a.source_links[0].text, "Read more");
  EXPECT_EQ(a.source_links[0].kind, "link");
  EXPECT_EQ(a.text.find("Read more"), std::string::npos) << a.text;
  EXPECT_EQ(a.text.find("READ MORE"), std::string::npos) << a.text;
  EXPECT_NE(a.text.find("first loaf"), std::string::npos);
}

TEST(SourceLinks, FullStoryAndOriginallyPublishedLines) {
  const std::string body =
      "<article>" + body_paragraphs(3) +
      "<p>Read the full story at <a href=\"https://one.example/s/1\">One News</a></p>"
      "<p>\xE2\x96\xBA Continue reading on <a href=\"https://two.example/s/2\">Two</a></p>"
      "<p>This story was originally published by <a href=\"https://three.example/s/3\">Three"
      "</a>.</p>"
      "<p>The council will meet again in January, a spokesman said. Read the full story at "
      "<a href=\"https://four.example/s/4\">Four</a>.</p>"
      "<p>Continue reading at <a href=\"/news/page2\">page two</a></p>"
      "<p>Read more on this topic: <a href=\"https://five.example/x\">Mills of England</a></p>"
      "<p><a href=\"https://apps.example/news\">Continue reading in the app</a></p>"
      "</article>";
  const Article a = extract_ok(page("", body), "https://site.example/news/1");
  std::vector<std::string> urls;
  for (const SourceLink& l : a.source_links) urls.push_back(l.url);
  EXPECT_EQ(urls, (std::vector<std::string>{"https://one.example/s/1", "https://two.example/s/2",
                                            "https://three.example/s/3",
                                            "https://four.example/s/4"}));
}

// "\u2014 Source: <a>Agency</a>" in a credit paragraph the body leaves out.
TEST(SourceLinks, DashedSourceLineInARemovedCreditParagraph) {
  const std::string body =
      "<div class=\"story-body\" itemprop=\"articleBody\">" + body_paragraphs(3) +
      "<p class=\"wire-credit\">&mdash; Source: <a href=\"https://wire.example/s/9\" "
      "rel=\"nofollow\">Wire</a></p></div>"
      "<div class=\"story-body2\">" + body_paragraphs(2, "the mill") +
      "<p>\xE2\x80\x93 Source: <a href=\"https://agency.example/s/7\">Agency</a></p></div>";
  const Article a = extract_ok(page("", body), "https://herald.example/a");
  ASSERT_NE(find(a, "https://wire.example/s/9"), nullptr);
  EXPECT_EQ(find(a, "https://wire.example/s/9")->text, "Wire");
  ASSERT_NE(find(a, "https://agency.example/s/7"), nullptr);
  EXPECT_EQ(a.text.find("Source"), std::string::npos) << a.text;
}

TEST(SourceLinks, OriginalSourceLinkAndMeta) {
  const std::string head =
      R"(<link rel="original-source" href="https://origin.example/a">
<meta name="syndication-source" content="https://syndic.example/b">
<meta name="original-source" content="/relative/c">)";
  const Article a = extract_ok(page(head, body_paragraphs(3)), "https://copy.example/x");
  ASSERT_NE(find(a, "https://origin.example/a"), nullptr);
  EXPECT_EQ(find(a, "https://origin.example/a")->kind, "meta");
  ASSERT_NE(find(a, "https://syndic.example/b"), nullptr);
  ASSERT_NE(find(a, "https://copy.example/relative/c"), nullptr);
}

TEST(SourceLinks, CanonicalOnAnotherHost) {
  const std::string head = R"(<link rel="canonical" href="https://www.origin.example/story">)";
  const Article a = extract_ok(page(head, body_paragraphs(3)), "https://copy.example/story");
  EXPECT_EQ(a.canonical_url, "https://www.origin.example/story");
  ASSERT_NE(find(a, "https://www.origin.example/story"), nullptr);
  EXPECT_EQ(find(a, "https://www.origin.example/story")->kind, "canonical");

  // Same site (www. or not): not a source.
  const std::string same = R"(<link rel="canonical" href="https://www.copy.example/story">)";
  EXPECT_TRUE(extract_ok(page(same, body_paragraphs(3)), "https://copy.example/story?utm=1")
                  .source_links.empty());
}

TEST(SourceLinks, NonHttpLinksAreIgnoredAndDuplicatesMerged) {
  const std::string body =
      "<article>" + body_paragraphs(3) +
      "<p><a href=\"javascript:void(0)\">Source</a></p>"
      "<p><a href=\"mailto:desk@agency.example\">Source</a></p>"
      "<p><a href=\"ftp://agency.example/file\">Source</a></p>"
      "<p><a href=\"https://agency.example/s\">Source</a></p>"
      "<p><a href=\"https://agency.example/s\">Original article</a></p></article>";
  const Article a = extract_ok(page(R"x(<link rel="original-source" href="javascript:alert(1)">)x",
                                    body),
                               "https://copy.example/x");
  ASSERT_EQ(a.source_links.size(), 1u);
  EXPECT_EQ(a.source_links[0].url, "https://agency.example/s");
}

TEST(SourceLinks, NoUrlMeansNoCanonicalSource) {
  const std::string head = R"(<link rel="canonical" href="https://origin.example/story">)";
  EXPECT_TRUE(extract_ok(page(head, body_paragraphs(3))).source_links.empty());
}

}  // namespace
}  // namespace tidings
