// OPML: readers' exports (categories, entities, link outlines), hostile and
// broken documents, and the writer's escaping and round trip.
#include <gtest/gtest.h>

#include "collect/opml.h"

namespace tidings {
namespace {

TEST(Opml, ReadsFeedsWithTheirCategories) {
  const auto doc = parse_opml(R"(<?xml version="1.0"?>
<opml version="2.0"><head><title>My feeds</title></head><body>
  <outline text="World">
    <outline text="Wire &amp; Co" xmlUrl="https://wire.example/rss" htmlUrl="https://wire.example/"/>
    <outline title="Titled" text="ignored" xmlUrl="https://t.example/feed"/>
  </outline>
  <outline text="Page" type="link" url="https://page.example/"/>
  <outline text="Folder without feeds"/>
</body></opml>)");
  ASSERT_TRUE(doc) << doc.error().message;
  EXPECT_EQ(doc->title, "My feeds");
  ASSERT_EQ(doc->outlines.size(), 3u);
  EXPECT_EQ(doc->outlines[0].title, "Wire & Co");
  EXPECT_EQ(doc->outlines[0].xml_url, "https://wire.example/rss");
  EXPECT_EQ(doc->outlines[0].html_url, "https://wire.example/");
  EXPECT_EQ(doc->outlines[0].category, "World");
  EXPECT_EQ(doc->outlines[1].title, "Titled");
  EXPECT_EQ(doc->outlines[2].url, "https://page.example/");
  EXPECT_EQ(doc->outlines[2].category, "");
  EXPECT_TRUE(doc->warning.empty());
}

TEST(Opml, RecoversFromBrokenXmlAndSaysSo) {
  const auto doc = parse_opml(
      "<opml><body><outline text='A' xmlUrl='https://a.example/f'><outline text='B' "
      "xmlUrl='https://b.example/f'></body>");
  ASSERT_TRUE(doc);
  EXPECT_EQ(doc->outlines.size(), 2u);
  EXPECT_FALSE(doc->warning.empty());
}

TEST(Opml, RefusesWhatIsNotOpml) {
  EXPECT_EQ(parse_opml("").error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(parse_opml("<rss><channel/></rss>").error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(parse_opml("\x89PNG\r\n\x1a\n").error().code, ErrorCode::kInvalidInput);
  OpmlOptions small;
  small.max_bytes = 10;
  EXPECT_EQ(parse_opml("<opml><body></body></opml>", small).error().code, ErrorCode::kTooLarge);
}

TEST(Opml, NeverExpandsEntitiesOrLoadsDtds) {
  // Billion laughs and an external entity: neither is expanded or fetched.
  const auto doc = parse_opml(R"(<?xml version="1.0"?>
<!DOCTYPE opml [
  <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
  <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
  <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
  <!ENTITY xxe SYSTEM "file:///etc/passwd">
]>
<opml><body><outline text="&c;&xxe;" xmlUrl="https://a.example/f"/></body></opml>)");
  ASSERT_TRUE(doc);
  ASSERT_EQ(doc->outlines.size(), 1u);
  EXPECT_EQ(doc->outlines[0].title.find("root:"), std::string::npos);
  EXPECT_LT(doc->outlines[0].title.size(), 100000u);
}

TEST(Opml, BoundsTheNumberOfOutlines) {
  std::string big = "<opml><body>";
  for (int i = 0; i < 50; ++i) big += "<outline xmlUrl='https://a.example/" + std::to_string(i) + "'/>";
  big += "</body></opml>";
  OpmlOptions options;
  options.max_outlines = 10;
  EXPECT_EQ(parse_opml(big, options)->outlines.size(), 10u);
}

TEST(Opml, WritesEscapedOpmlThatReadsBack) {
  OpmlDocument doc;
  doc.title = "tidings <sources>";
  OpmlOutline feed;
  feed.title = "Quotes \" & <tags> \xff\x01";
  feed.xml_url = "https://a.example/feed?x=1&y=2";
  feed.kind = "feed";
  feed.every = "15m";
  OpmlOutline page;
  page.title = "Page";
  page.url = "https://p.example/";
  page.kind = "sitemap";
  doc.outlines = {feed, page};
  const std::string xml = write_opml(doc, "Fri, 27 Nov 2026 10:00:00 GMT");
  EXPECT_NE(xml.find("<opml version=\"2.0\""), std::string::npos);
  EXPECT_NE(xml.find("x=1&amp;y=2"), std::string::npos);
  const auto back = parse_opml(xml);
  ASSERT_TRUE(back) << back.error().message;
  EXPECT_TRUE(back->warning.empty()) << back->warning;
  EXPECT_EQ(back->title, doc.title);
  ASSERT_EQ(back->outlines.size(), 2u);
  EXPECT_EQ(back->outlines[0].title, "Quotes \" & <tags> \xEF\xBF\xBD");
  EXPECT_EQ(back->outlines[0].xml_url, feed.xml_url);
  EXPECT_EQ(back->outlines[0].kind, "feed");
  EXPECT_EQ(back->outlines[0].every, "15m");
  EXPECT_EQ(back->outlines[1].url, "https://p.example/");
  EXPECT_EQ(back->outlines[1].kind, "sitemap");
}

}  // namespace
}  // namespace tidings
