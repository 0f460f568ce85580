// Main content: boilerplate out, paragraphs in order, credit lines dropped.
#include <gtest/gtest.h>

#include <initializer_list>
#include <string>

#include "extract/paragraphs.h"
#include "test_pages.h"

namespace tidings {
namespace {

using test::body_paragraphs;
using test::extract_ok;
using test::page;

bool contains(const std::string& text, const std::string& needle) {
  return text.find(needle) != std::string::npos;
}

// Each of `junk` is absent from `text`.
void expect_absent(const std::string& text, std::initializer_list<const char*> junk) {
  for (const char* j : junk) EXPECT_FALSE(contains(text, j)) << j << " in:\n" << text;
}

TEST(Content, BlocksBecomeParagraphsSeparatedByOneBlankLine) {
  const std::string body = R"(<article class="story-body">
<p>First   paragraph,
  with   spaces&nbsp;and a <a href="/x">link</a>.</p>
<h2>A subheading</h2>
<ul><li>One item, which is a full sentence here.</li><li>Another item, also long enough.</li></ul>
<blockquote>A quote from the mayor, who spoke on Monday.</blockquote>
<pre>code   block</pre>
<div>Text in a div<br><br>after two breaks<br>and one break.</div>
</article>)";
  EXPECT_EQ(extract_ok(page("", body)).text,
            "First paragraph, with spaces and a link.\n\n"
            "A subheading\n\n"
            "One item, which is a full sentence here.\n\n"
            "Another item, also long enough.\n\n"
            "A quote from the mayor, who spoke on Monday.\n\n"
            "code block\n\n"
            "Text in a div\n\n"
            "after two breaks and one break.");
}

TEST(Content, BoilerplateAroundTheArticleIsRemoved) {
  const std::string body = R"(
<header class="site-header"><a href="/">Home</a><nav><a href="/world">World</a></nav></header>
<div class="cookie-banner">We use cookies to improve your experience on this site.</div>
<div id="main"><div class="entry-content">)" + body_paragraphs(5) + R"(</div>
<div class="share-tools">Share this on Facebook, Twitter, WhatsApp and by email today.</div>
<div class="related-posts"><h3>Related posts</h3><ul>
<li><a href="/a">Another story about the harbour works and the council</a></li>
<li><a href="/b">Yet another story about harbour funding and delays</a></li></ul></div>
<div id="comments"><p>Great article, thanks! I really enjoyed reading it, well done.</p></div>
</div>
<aside class="sidebar"><p>Most read: a very popular story, with many, many commas, here.</p></aside>
<footer>&copy; 2023 Example News. All rights reserved.</footer>
<script>var x = "Paragraph 99 tells the story";</script>)";
  const std::string text = extract_ok(page("", body)).text;
  EXPECT_TRUE(contains(text, "Paragraph 1 tells")) << text;
  EXPECT_TRUE(contains(text, "Paragraph 5 tells")) << text;
  expect_absent(text, {"cookies", "Share this", "Related", "Another story", "Great article",
                       "Most read", "All rights", "Paragraph 99", "World"});
}

TEST(Content, ScoringFindsTheBodyWithoutSemanticMarkup) {
  std::string links;
  for (int i = 0; i < 30; ++i) links += "<a href=\"/s/" + std::to_string(i) + "\">Section " + std::to_string(i) + "</a> ";
  const std::string body = "<div class=\"x1\">" + links + "</div><div class=\"x2\"><div class=\"x3\">" +
                           body_paragraphs(6, "the valley") + "</div></div><div class=\"x4\">" +
                           links + "</div>";
  const std::string text = extract_ok(page("", body)).text;
  EXPECT_TRUE(contains(text, "Paragraph 1 tells the story of the valley")) << text;
  EXPECT_TRUE(contains(text, "Paragraph 6 tells")) << text;
  EXPECT_FALSE(contains(text, "Section")) << text;
}

TEST(Content, ArticleFooterContainerIsNotDroppedBlindly) {
  // "article-footer" looks like boilerplate by name, but here it wraps the
  // whole story.
  const std::string body = "<div class=\"article-footer-wrap\">" + body_paragraphs(5) +
                           "</div><div class=\"footer\"><p>Small print about the site, short.</p></div>";
  const std::string text = extract_ok(page("", body)).text;
  EXPECT_TRUE(contains(text, "Paragraph 1 tells")) << text;
  EXPECT_TRUE(contains(text, "Paragraph 5 tells")) << text;
  EXPECT_FALSE(contains(text, "Small print")) << text;
}

TEST(Content, HiddenAndScriptContentIsNotText) {
  const std::string body = "<article>" + body_paragraphs(3) +
                           "<p style=\"display: none\">Hidden teaser text that nobody sees.</p>"
                           "<p hidden>Also hidden from every reader.</p>"
                           "<noscript><p>Please enable JavaScript to continue.</p></noscript>"
                           "<style>p { color: red }</style></article>";
  const std::string text = extract_ok(page("", body)).text;
  EXPECT_FALSE(contains(text, "Hidden teaser")) << text;
  EXPECT_FALSE(contains(text, "Also hidden")) << text;
  EXPECT_FALSE(contains(text, "enable JavaScript")) << text;
  EXPECT_FALSE(contains(text, "color")) << text;
}

TEST(Content, AggregatorFooterParagraphsAreDropped) {
  const std::string body =
      "<div class=\"post-content\">" + body_paragraphs(4) +
      "<p><em>This report was gathered from trusted news agencies in the region. Click to enter "
      "the source.</em></p>"
      "<p>This news has been collected from reliable news agencies in the country.</p>"
      "<p><a href=\"https://agency.example/a\">Source link</a></p>"
      "<p>Read more: <a href=\"/other\">Other news of the day</a></p>"
      "<p>Share: <a href=\"#\">Facebook</a> <a href=\"#\">Twitter</a></p>"
      "<p>\xC2\xA9 2023 Example Media. All rights reserved.</p>"
      "<p>The post Harbour works resume appeared first on Example News.</p></div>";
  const std::string text = extract_ok(page("", body)).text;
  EXPECT_TRUE(contains(text, "Paragraph 4 tells")) << text;
  expect_absent(text, {"Click to enter", "collected from", "Source link", "Read more",
                       "Share:", "All rights", "appeared first"});
}

TEST(Content, CreditParagraphPatterns) {
  using extract_detail::is_credit_paragraph;
  EXPECT_TRUE(is_credit_paragraph("Source link", 10, 10));
  EXPECT_TRUE(is_credit_paragraph("Source: Reuters", 14, 7));
  EXPECT_TRUE(is_credit_paragraph("via The Agency", 12, 9));
  EXPECT_TRUE(is_credit_paragraph("Copyright 2023 Example Media", 25, 0));
  EXPECT_TRUE(is_credit_paragraph("Read the original article at Example.", 32, 7));
  // Body sentences that merely mention such words stay.
  EXPECT_FALSE(is_credit_paragraph("Source: the ministry said exports rose 4% in May, driven by "
                                   "strong demand for grain and machinery.", 80, 0));
  EXPECT_FALSE(is_credit_paragraph("The original plan, officials said, was collected from "
                                   "several drafts written over many years by many hands in "
                                   "different ministries, agencies and offices across the "
                                   "country and abroad, and then revised again.", 180, 0));
}

TEST(Content, PromotionAndCreditLinesInsideTheBodyAreDropped) {
  const std::string body =
      "<div class=\"article-body\"><p>5 min read</p>" + body_paragraphs(2) +
      "<p><strong><a href=\"/other-story\">MAYOR OPENS NEW BRIDGE AFTER YEARS OF DELAY</a></strong></p>"
      "<p>Related: <a href=\"/x\">Harbour works in pictures</a></p>" + body_paragraphs(2, "the port") +
      "<p>Get the latest updates right in your inbox. Subscribe to our newsletters.</p>"
      "<p>Reporting by Jane Roe; Editing by John Doe</p>"
      "<p>Our reporter Ann Lee contributed to this report.</p>"
      "<p>Follow us on Twitter and Facebook.</p>"
      "<p>ann.lee@example.com</p>"
      "<p>12 Comments</p></div>";
  const std::string text = extract_ok(page("", body)).text;
  EXPECT_TRUE(contains(text, "Paragraph 2 tells the story of the port")) << text;
  expect_absent(text, {"min read", "MAYOR OPENS", "Related", "newsletters", "Reporting by",
                       "contributed", "Follow us", "ann.lee@", "Comments"});
}

TEST(Content, BoilerplateLinePatterns) {
  using extract_detail::is_boilerplate_line;
  EXPECT_TRUE(is_boilerplate_line("Like this story? Share it with a friend!", 33, 0));
  EXPECT_TRUE(is_boilerplate_line("You may also like...", 16, 0));
  EXPECT_TRUE(is_boilerplate_line("Image 1 of 5", 9, 0));
  EXPECT_TRUE(is_boilerplate_line("[button link=\"/review\" type=\"big\"] Send us your review[/button]",
                                  50, 0));
  EXPECT_TRUE(is_boilerplate_line("Photo 12 of 30", 11, 0));
  EXPECT_TRUE(is_boilerplate_line("Updated at 1:23 p.m.", 16, 0));
  EXPECT_TRUE(is_boilerplate_line("Posted on March 30, 2015 by Admin", 27, 0));
  EXPECT_TRUE(is_boilerplate_line("Follow Newsbeat on Instagram, Facebook, Twitter and YouTube.", 52, 0));
  EXPECT_TRUE(is_boilerplate_line("twitter.com/janeroe", 19, 0));
  EXPECT_TRUE(is_boilerplate_line("Note: we are temporarily moderating all comments submitted.", 50, 0));
  EXPECT_TRUE(is_boilerplate_line("ATEN\xC3\x87\xC3\x83O: Coment\xC3\xA1rios ofensivos n\xC3\xA3o ser\xC3\xA3o "
                                  "aprovados pelo moderador.", 60, 0));
  EXPECT_TRUE(is_boilerplate_line("Another Headline About Something Else", 33, 33));
  // A cited web address and a sentence about a newsletter in the story stay.
  EXPECT_FALSE(is_boilerplate_line("http://example.org/report.pdf", 29, 29));
  EXPECT_FALSE(is_boilerplate_line("The council said its newsletter would carry the plans, "
                                   "which residents can read at the library from Monday.",
                                   90, 0));
  EXPECT_FALSE(is_boilerplate_line("Read the full statement below, officials said.", 40, 0));
  EXPECT_FALSE(is_boilerplate_line("Posted on social media by analysts at the studio, the video "
                                   "shows the game running at 4K.", 70, 0));
  EXPECT_FALSE(is_boilerplate_line("Image 3 of the series shows the harbour.", 33, 0));
  EXPECT_FALSE(is_boilerplate_line("Posted in 2019, the video was seen by millions of people "
                                   "before the company took it down last week.", 80, 0));
  EXPECT_TRUE(is_boilerplate_line("Posted in News, Politics", 20, 0));
  EXPECT_FALSE(is_boilerplate_line("Analysts expect moderate growth, according to comments made "
                                   "by the minister on Monday.", 70, 0));
}

TEST(Content, TeaserBlocksAreDroppedEvenInsideTheArticle) {
  std::string cards;
  for (int i = 1; i <= 4; ++i) {
    cards += "<article class=\"card post-" + std::to_string(i) + "\"><a href=\"/p" +
             std::to_string(i) + "\"><img src=\"/i.jpg\" alt=\"\"></a><p>Teaser " +
             std::to_string(i) + " about a different story, with a few words of its own.</p></article>";
  }
  const std::string body = "<article class=\"single\"><h1>Title</h1>" + body_paragraphs(3) +
                           "<section class=\"more\"><h3>Voc\xC3\xAA pode gostar</h3>" + cards +
                           "</section></article>";
  const std::string text = extract_ok(page("", body)).text;
  EXPECT_TRUE(contains(text, "Paragraph 3 tells")) << text;
  EXPECT_FALSE(contains(text, "Teaser")) << text;
  EXPECT_FALSE(contains(text, "gostar")) << text;
}

TEST(Content, DivParagraphsBetweenImagesAreKept) {
  // Paragraphs written as <div>s of phrasing content, with pictures
  // between them: not an image gallery.
  std::string body = "<div class=\"post-body\"><div><span>" + std::string(
      "Photos released online show the actress looking stunning in new pictures today.") +
      "</span></div><div class=\"reader\">";
  for (int i = 1; i <= 3; ++i) {
    body += "<div class=\"separator\"><a href=\"/i" + std::to_string(i) +
            ".jpg\"><img src=\"/i.jpg\"></a></div><div><span>Line " + std::to_string(i) +
            " of the story, which goes on for a while so that it reads as prose.</span></div>";
  }
  body += "</div></div>";
  const std::string text = extract_ok(page("", body)).text;
  EXPECT_TRUE(contains(text, "Line 1 of the story")) << text;
  EXPECT_TRUE(contains(text, "Line 3 of the story")) << text;
}

TEST(Content, EmbeddedSocialPostsAreKeptInOrder) {
  const std::string tweet =
      "<div class=\"social-media-embed\"><blockquote class=\"twitter-tweet\"><p>The bridge is "
      "open at last, and it looks great <a href=\"https://t.co/x\">https://t.co/x</a></p>"
      "\xE2\x80\x94 City Hall (@cityhall) <a href=\"https://twitter.com/s/1\">November 18, 2019</a>"
      "</blockquote></div>";
  const std::string body = "<div class=\"entry-content\">" + body_paragraphs(2) + tweet +
                           body_paragraphs(2, "the port") + "</div>"
                           "<div class=\"social-share\"><a href=\"#\">Share on Facebook</a></div>";
  const std::string text = extract_ok(page("", body)).text;
  const size_t tweet_at = text.find("The bridge is open at last");
  ASSERT_NE(tweet_at, std::string::npos) << text;
  EXPECT_LT(text.find("Paragraph 2 tells the story of the harbour"), tweet_at) << text;
  EXPECT_GT(text.find("Paragraph 1 tells the story of the port"), tweet_at) << text;
  EXPECT_FALSE(contains(text, "Share on Facebook")) << text;
}

TEST(Content, HeadRepeatsAndMarkedUpDatesInsideTheBodyAreDropped) {
  const std::string head = "<title>Harbour works resume after long delay</title>";
  const std::string body =
      "<div itemprop=\"articleBody\"><span itemprop=\"datePublished\">Monday, 22 January 2018, "
      "10:13</span><h2>Harbour works resume after long delay</h2><p>By JANE ROE and JOHN DOE</p>" +
      body_paragraphs(3) +
      "<p>DON'T MISS <a href=\"/a\">Bridge plans unveiled at last after years of talks</a> "
      "[PICS] <a href=\"/b\">Ferry timetable changes for the winter season announced</a> "
      "[INSIGHT] <a href=\"/c\">Port strike ends as workers accept the new offer</a></p></div>";
  const std::string text = extract_ok(page(head, body)).text;
  EXPECT_EQ(text.rfind("Paragraph 1 tells", 0), 0u) << text;
  expect_absent(text, {"22 January", "Harbour works resume", "JANE ROE", "DON'T MISS"});
}

TEST(Content, LeadParagraphJustBeforeTheNamedBodyIsKept) {
  const std::string body =
      "<div class=\"article\"><h1>Title</h1><div class=\"cover\"><img src=\"/a.jpg\">A cyclist "
      "rides past the blocked plant on the outskirts of the city, on Tuesday.</div>"
      "<div class=\"summary\">Three people have died during protests against the new "
      "government, after clashes erupted between supporters and security forces.</div>"
      "<div class=\"article__text\">" + body_paragraphs(4) + "</div></div>";
  const std::string text = extract_ok(page("", body)).text;
  EXPECT_EQ(text.rfind("Three people have died", 0), 0u) << text;
  EXPECT_FALSE(contains(text, "cyclist")) << text;
}

TEST(Content, LinkListUnderAMoreStoriesHeadingIsDropped) {
  const std::string body =
      "<div class=\"article__body\">" + body_paragraphs(4) +
      "<hr><div class=\"heading-h3\">More Great Stories</div><ul>"
      "<li>Ferry fares rise, <a href=\"/a\">and commuters are not happy</a></li>"
      "<li>The bridge that nobody wanted <a href=\"/b\">finally opens</a></li>"
      "<li>Could the old port <a href=\"/c\">become a park</a>?</li></ul>"
      "<h2>What happens next</h2><ul><li>The council votes in May, after the hearings.</li>"
      "<li>Works resume <a href=\"/d\">in June</a>, weather permitting.</li></ul></div>";
  const std::string text = extract_ok(page("", body)).text;
  EXPECT_FALSE(contains(text, "More Great Stories")) << text;
  EXPECT_FALSE(contains(text, "Ferry fares")) << text;
  EXPECT_FALSE(contains(text, "old port")) << text;
  // A list under an ordinary sub-heading stays, in order.
  EXPECT_TRUE(contains(text, "What happens next\n\nThe council votes in May")) << text;
}

TEST(Content, CaptionsAndImageCreditsAreKeptApartFromTheBody) {
  const std::string body =
      "<article class=\"story\"><div class=\"story-body\">" + body_paragraphs(2) +
      "<figure><img src=\"/a.jpg\"><figcaption>The harbour at dawn, seen from the pier on "
      "Monday.</figcaption></figure>"
      "<div class=\"story-image\"><img src=\"/b.jpg\"><p class=\"story-image-caption\">Workers "
      "return to the site after the long winter break.</p><span class=\"photo-credit\">Jane "
      "Roe / Example Agency</span></div>"
      "<div class=\"wp-caption\"><img src=\"/c.jpg\"><p class=\"wp-caption-text\">The old crane, "
      "now a landmark of the town.</p></div>" +
      body_paragraphs(2, "the port") + "</div></article>";
  const std::string text = extract_ok(page("", body)).text;
  EXPECT_TRUE(contains(text, "Paragraph 2 tells the story of the port")) << text;
  expect_absent(text, {"harbour at dawn", "Workers return", "Example Agency", "old crane"});
}

TEST(Content, BannersShareBarsAndCommentsInsideTheArticleAreRemoved) {
  const std::string body =
      "<article><div class=\"entry-content\">" + body_paragraphs(2) +
      "<div class=\"social-share-bar\"><a href=\"#\">Facebook</a> <a href=\"#\">Twitter</a> "
      "<span>Share this article with your friends</span></div>"
      "<div class=\"newsletter-signup\"><h3>Get our morning briefing</h3><p>The day's news in "
      "your inbox, every morning, for free.</p><input type=\"email\"><button>Sign up</button></div>" +
      body_paragraphs(2, "the port") +
      "</div><div id=\"cookie-consent\">We use cookies to give you the best experience; by "
      "continuing you agree.</div>"
      "<section class=\"comments-area\"><h3>3 thoughts on this story</h3><ol class=\"comment-list\">"
      "<li><p>Great piece, thank you, I learned a lot about the harbour today.</p></li></ol>"
      "</section></article>";
  const std::string text = extract_ok(page("", body)).text;
  EXPECT_TRUE(contains(text, "Paragraph 2 tells the story of the port")) << text;
  expect_absent(text, {"Facebook", "Share this", "morning briefing", "inbox", "cookies",
                       "thoughts", "Great piece"});
}

TEST(Content, PopUpCardsInsideASentenceAreDroppedButTheNameStays) {
  const std::string card =
      "<span class=\"person\"><a href=\"/people/jane-roe\">Jane Roe</a><span class=\"person-card\">"
      "<span><img src=\"/jane.jpg\" alt=\"\"><a href=\"/people/jane-roe\">Jane Roe</a>"
      "<a href=\"/story/1\">Council approves the new harbour budget after a long debate</a> "
      "<a href=\"/story/2\">Mayor defends the ferry plan</a></span></span></span>";
  const std::string body = "<div class=\"article-body\"><p>Officials met Rep. " + card +
                           " (D-Minn.) on Monday, her office said in a statement.</p>" +
                           body_paragraphs(3) + "</div>";
  const std::string text = extract_ok(page("", body)).text;
  EXPECT_TRUE(contains(text, "Officials met Rep. Jane Roe (D-Minn.) on Monday")) << text;
  expect_absent(text, {"Council approves", "ferry plan"});
}

TEST(Content, LinkListsInsideTheBodyAreDropped) {
  const std::string body = "<article>" + body_paragraphs(4) +
                           "<ul><li><a href=\"/1\">Link one</a></li><li><a href=\"/2\">Link "
                           "two</a></li><li><a href=\"/3\">Link three</a></li></ul></article>";
  const std::string text = extract_ok(page("", body)).text;
  EXPECT_FALSE(contains(text, "Link one")) << text;
}

TEST(Content, TitleHeadingIsNotBodyText) {
  const std::string body = "<article><h1>The headline</h1>" + body_paragraphs(3) + "</article>";
  const std::string text = extract_ok(page("", body)).text;
  EXPECT_FALSE(contains(text, "The headline")) << text;
  EXPECT_EQ(text.rfind("Paragraph 1", 0), 0u) << text;
}

}  // namespace
}  // namespace tidings
