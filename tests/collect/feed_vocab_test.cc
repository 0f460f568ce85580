// The feed parser (collect/feed.h) on the less common vocabulary feeds use:
// CDF, element names in other cases, <body>/<fullitem> content, competing
// sources of one field, Atom ids and href-less links, RSS 0.90 by
// namespace, HTTP Content-Language. Each test is a bug the conformance
// cases (feed_conformance_test.cc) found.
#include <gtest/gtest.h>

#include "collect/feed.h"

namespace tidings {
namespace {

ParsedFeed parse_ok(std::string_view bytes, FeedParseOptions options = {}) {
  auto r = parse_feed(bytes, options);
  EXPECT_TRUE(r.has_value()) << (r ? "" : r.error().message);
  return r ? *r : ParsedFeed{};
}

FeedParseOptions at(std::string url) {
  FeedParseOptions o;
  o.base_url = std::move(url);
  return o;
}

TEST(FeedVocab, CdfChannelAndItems) {
  const ParsedFeed f = parse_ok(R"(<CHANNEL HREF="http://www.example.org/" LASTMOD="2004-04-06T23:05:43-05:00">
<TITLE>Example feed</TITLE><ABSTRACT>About it</ABSTRACT>
<ITEM HREF="/story" LASTMOD="2004-04-07T01:00:00Z"><TITLE>Example item</TITLE><ABSTRACT>Gist</ABSTRACT></ITEM>
</CHANNEL>)");
  EXPECT_FALSE(f.bozo) << f.bozo_message;
  EXPECT_EQ(f.title, "Example feed");
  EXPECT_EQ(f.link, "http://www.example.org/");
  EXPECT_EQ(f.subtitle, "About it");
  ASSERT_TRUE(f.updated.has_value());
  EXPECT_EQ(format_rfc3339(*f.updated), "2004-04-07T04:05:43Z");
  ASSERT_EQ(f.items.size(), 1u);
  EXPECT_EQ(f.items[0].title, "Example item");
  EXPECT_EQ(f.items[0].summary, "Gist");
  EXPECT_EQ(f.items[0].link, "/story");  // no base to resolve against
  ASSERT_TRUE(f.items[0].updated.has_value());
}

TEST(FeedVocab, ElementAndAttributeNamesIgnoreCase) {
  const ParsedFeed f = parse_ok(R"(<rss version="2.0"><channel><TiTlE>Example title</TiTlE>
<item><Title>A</Title><PubDate>Tue, 24 Nov 2026 11:54:00 +0000</PubDate>
<guid IsPermaLink="false">http://ex.org/not-a-link</guid></item></channel></rss>)");
  EXPECT_EQ(f.title, "Example title");
  ASSERT_EQ(f.items.size(), 1u);
  EXPECT_EQ(f.items[0].title, "A");
  EXPECT_TRUE(f.items[0].published.has_value());
  EXPECT_EQ(f.items[0].link, "");  // isPermaLink="false" in any case
}

TEST(FeedVocab, BodyAndFullitemAreContent) {
  const ParsedFeed f = parse_ok(R"(<rss version="2.0"><channel>
<item><body><a href="/relative/uri">click here</a></body></item>
<item><body xmlns="http://www.w3.org/1999/xhtml">
<p>Example <b>content</b></p>
</body></item>
<item><fullitem>&lt;a href="/relative/uri">click here&lt;/a></fullitem></item>
</channel></rss>)", at("http://127.0.0.1:8097/feed.xml"));
  ASSERT_EQ(f.items.size(), 3u);
  EXPECT_EQ(f.items[0].content, R"(<a href="http://127.0.0.1:8097/relative/uri">click here</a>)");
  EXPECT_EQ(f.items[1].content, "<p>Example <b>content</b></p>");
  EXPECT_EQ(f.items[2].content, R"(<a href="http://127.0.0.1:8097/relative/uri">click here</a>)");
}

TEST(FeedVocab, SecondSummaryIsContentUnlessThereIsContent) {
  const ParsedFeed f = parse_ok(R"(<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<item><description>Example description</description><summary>Example summary</summary></item>
<item><summary>Example summary</summary><description>Example description</description></item>
<item><description>D</description><summary>S</summary><content:encoded>C</content:encoded></item>
<item><description>Same</description><summary>Same</summary></item>
</channel></rss>)");
  ASSERT_EQ(f.items.size(), 4u);
  EXPECT_EQ(f.items[0].summary, "Example description");
  EXPECT_EQ(f.items[0].content, "Example summary");
  EXPECT_EQ(f.items[1].summary, "Example summary");
  EXPECT_EQ(f.items[1].content, "Example description");
  EXPECT_EQ(f.items[2].content, "C");  // real content replaces the second summary
  EXPECT_EQ(f.items[3].content, "");
}

TEST(FeedVocab, MediaTitleOnlyAsFallback) {
  const ParsedFeed f = parse_ok(R"(<rss xmlns:media="http://search.yahoo.com/mrss/"><channel>
<item><media:title>bar</media:title><title>foo</title></item>
<item><media:title>only</media:title></item>
</channel></rss>)");
  ASSERT_EQ(f.items.size(), 2u);
  EXPECT_EQ(f.items[0].title, "foo");
  EXPECT_EQ(f.items[1].title, "only");
}

TEST(FeedVocab, NestedItunesCategories) {
  const ParsedFeed f = parse_ok(R"(<rss xmlns:itunes="http://www.itunes.com/DTDs/Podcast-1.0.dtd"><channel>
<item><itunes:category text="Technology"><itunes:category text="Gadgets"></itunes:category></itunes:category></item>
</channel></rss>)");
  ASSERT_EQ(f.items.size(), 1u);
  EXPECT_EQ(f.items[0].categories, (std::vector<std::string>{"Technology", "Gadgets"}));
}

TEST(FeedVocab, AtomIdsResolveAndHreflessLinks) {
  const ParsedFeed f = parse_ok(R"(<feed xmlns="http://www.w3.org/2005/Atom"><id>/feed</id>
<entry><id>/relative/link</id>
<link rel="enclosure" type="text/html">http://www.example.com/enclosure</link>
<link rel="alternate" type="text/html">http://www.example.com/alternate</link></entry>
<entry xml:base="http://other.example/"><id>tag:example.com,2004:1</id></entry>
<entry><content type="html"><div xmlns="http://www.w3.org/1999/xhtml">Example &lt;b&gt;Atom&lt;/b&gt;</div></content></entry>
</feed>)", at("http://127.0.0.1:8097/feed.xml"));
  EXPECT_EQ(f.id, "http://127.0.0.1:8097/feed");
  ASSERT_EQ(f.items.size(), 3u);
  EXPECT_EQ(f.items[0].id, "http://127.0.0.1:8097/relative/link");
  EXPECT_EQ(f.items[0].link, "http://www.example.com/alternate");
  ASSERT_EQ(f.items[0].enclosures.size(), 1u);
  EXPECT_EQ(f.items[1].id, "tag:example.com,2004:1");  // absolute: as given
  EXPECT_EQ(f.items[2].content, "Example <b>Atom</b>");  // TypePad's wrapping <div> dropped
}

TEST(FeedVocab, RssGuidsAreNotResolved) {
  const ParsedFeed f = parse_ok(R"(<rss version="2.0"><channel><item><guid isPermaLink="false">1234</guid></item></channel></rss>)",
                                at("http://127.0.0.1:8097/feed.xml"));
  ASSERT_EQ(f.items.size(), 1u);
  EXPECT_EQ(f.items[0].id, "1234");
}

TEST(FeedVocab, Rss090ByDefaultNamespace) {
  const ParsedFeed f = parse_ok(R"(<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/">
</rdf:RDF>)");
  EXPECT_EQ(f.format, "rss090");
}

TEST(FeedVocab, ContentLanguageIsTheLastResort) {
  FeedParseOptions o;
  o.content_language = "en-GB, fr";
  EXPECT_EQ(parse_ok(R"(<feed version="0.3" xmlns="http://purl.org/atom/ns#"></feed>)", o).language, "en-GB");
  EXPECT_EQ(parse_ok(R"(<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de"></feed>)", o).language, "de");
  EXPECT_EQ(parse_ok(R"(<rss><channel><language>fr</language></channel></rss>)", o).language, "fr");
}

TEST(FeedVocab, SvgAndMathMlKeepTheirNamespaces) {
  const ParsedFeed f = parse_ok(R"(<feed xmlns="http://www.w3.org/2005/Atom">
<entry xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:svg="http://www.w3.org/2000/svg">
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><svg:svg width="3" height="2"><svg:a xlink:href="http://example.com/"><svg:circle r="5"/></svg:a></svg:svg></div></content></entry>
<entry xmlns:xlink="http://www.w3.org/1999/xlink">
<summary type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><math xmlns="http://www.w3.org/1998/Math/MathML"><mrow xlink:type="simple"><mi>a</mi></mrow></math></div></summary></entry>
</feed>)");
  ASSERT_EQ(f.items.size(), 2u);
  EXPECT_EQ(f.items[0].content,
            R"(<svg height="2" width="3" xmlns="http://www.w3.org/2000/svg"><a xlink:href="http://example.com/" )"
            R"(xmlns:xlink="http://www.w3.org/1999/xlink"><circle r="5"></circle></a></svg>)");
  EXPECT_EQ(f.items[1].summary,
            R"(<math xmlns="http://www.w3.org/1998/Math/MathML"><mrow xlink:type="simple" )"
            R"(xmlns:xlink="http://www.w3.org/1999/xlink"><mi>a</mi></mrow></math>)");
}

TEST(FeedVocab, RelativeLinksInHtmlKeepNonAsciiCharacters) {
  const ParsedFeed f = parse_ok(R"(<rss xmlns:content="http://purl.org/rss/1.0/modules/content/" xml:base="http://any.test/"><channel>
<item><content:encoded>&lt;a href=&quot;&#192;&quot;&gt;uri&lt;/a&gt; &lt;img src="%C3%80.png"&gt;</content:encoded></item>
</channel></rss>)");
  ASSERT_EQ(f.items.size(), 1u);
  EXPECT_EQ(f.items[0].content, "<a href=\"http://any.test/\u00c0\">uri</a> <img src=\"http://any.test/%C3%80.png\">");
}

TEST(FeedVocab, XhtmlMarkupCountsTowardsTheFieldBound) {
  std::string tags;
  for (int i = 0; i < 200000; ++i) tags += "<b></b>";  // 1.4 MB of markup, no text
  const ParsedFeed f = parse_ok(R"(<feed xmlns="http://www.w3.org/2005/Atom"><entry><content type="xhtml">)"
                                R"(<div xmlns="http://www.w3.org/1999/xhtml">)" + tags + "</div></content></entry></feed>");
  EXPECT_TRUE(f.bozo);
  ASSERT_EQ(f.items.size(), 1u);
  EXPECT_LE(f.items[0].content.size(), (1u << 20) + 16);
}

}  // namespace
}  // namespace tidings
