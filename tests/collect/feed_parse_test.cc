// The feed parser (collect/feed.h) on small hand-made feeds: each format,
// relative links, charsets, entities, bozo, errors, bounds and the XML
// attacks a feed parser must shrug off.
#include <gtest/gtest.h>

#include <chrono>

#include "collect/feed.h"
#include "collect/warc_fixtures.h"

namespace tidings {
namespace {

FeedParseOptions base(std::string url) {
  FeedParseOptions o;
  o.base_url = std::move(url);
  return o;
}
FeedParseOptions ctype(std::string content_type) {
  FeedParseOptions o;
  o.content_type = std::move(content_type);
  return o;
}
FeedParseOptions items(size_t n) {
  FeedParseOptions o;
  o.max_items = n;
  return o;
}
FeedParseOptions bytes(size_t n) {
  FeedParseOptions o;
  o.max_bytes = n;
  return o;
}

std::string utc(std::optional<Instant> t) { return t ? format_rfc3339(*t) : "none"; }

ParsedFeed parse_ok(std::string_view bytes, FeedParseOptions options = {}) {
  auto r = parse_feed(bytes, options);
  EXPECT_TRUE(r.has_value()) << (r ? "" : r.error().message);
  return r ? *r : ParsedFeed{};
}

// Past libxml2's 10 MB lookup limit a feed handed over in one piece came
// back "not well-formed: Huge input lookup"; 100,000 items is 10.5 MB.
TEST(FeedParse, FeedOverTenMegabytesIsWellFormed) {
  std::string xml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Huge</title>";
  for (int i = 0; i < 100000; ++i) {
    xml += "<item><link>http://huge.example/a/" + std::to_string(i) +
           "</link><pubDate>Thu, 01 Jan 2026 00:00:00 GMT</pubDate></item>\n";
  }
  xml += "</channel></rss>";
  ASSERT_GT(xml.size(), 10'000'000u);
  const ParsedFeed feed = parse_ok(xml);
  EXPECT_FALSE(feed.bozo) << feed.bozo_message;
  ASSERT_EQ(feed.items.size(), 100000u);
  EXPECT_EQ(feed.items.back().link, "http://huge.example/a/99999");
}

TEST(FeedParse, Rss20Item) {
  const ParsedFeed f = parse_ok(R"(<?xml version="1.0"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>News &amp; more</title><link>https://ex.org/</link><description>All of it</description>
<language>en-gb</language><lastBuildDate>Tue, 24 Nov 2026 12:00:00 +0000</lastBuildDate>
<image><title>not the title</title><url>https://ex.org/logo.png</url></image>
<item><title>First</title><link>/a/1</link><guid isPermaLink="false">urn:1</guid>
<pubDate>Tue, 24 Nov 2026 11:54:00 +0100</pubDate><dc:creator>A. Writer</dc:creator>
<author>ed@ex.org (The Editor)</author><category>world</category><category> europe </category>
<description>Short &lt;b&gt;bold&lt;/b&gt;</description><content:encoded><![CDATA[<p>Long <a href="/x">x</a></p>]]></content:encoded>
<enclosure url="https://ex.org/a.mp3" type="audio/mpeg" length="123"/></item>
<item><title>Second</title><guid>https://ex.org/a/2</guid></item>
</channel></rss>)", base("https://ex.org/feed.xml"));
  EXPECT_EQ(f.format, "rss20");
  EXPECT_FALSE(f.bozo) << f.bozo_message;
  EXPECT_EQ(f.title, "News & more");
  EXPECT_EQ(f.link, "https://ex.org/");
  EXPECT_EQ(f.subtitle, "All of it");
  EXPECT_EQ(f.language, "en-gb");
  EXPECT_EQ(utc(f.updated), "2026-11-24T12:00:00Z");
  ASSERT_EQ(f.items.size(), 2u);
  const FeedItem& a = f.items[0];
  EXPECT_EQ(a.title, "First");
  EXPECT_EQ(a.link, "https://ex.org/a/1");
  EXPECT_EQ(a.id, "urn:1");
  EXPECT_EQ(utc(a.published), "2026-11-24T10:54:00Z");
  ASSERT_EQ(a.authors.size(), 2u);
  EXPECT_EQ(a.authors[0].name, "A. Writer");
  EXPECT_EQ(a.authors[1].name, "The Editor");
  EXPECT_EQ(a.authors[1].email, "ed@ex.org");
  EXPECT_EQ(a.categories, (std::vector<std::string>{"world", "europe"}));
  EXPECT_EQ(a.summary, "Short <b>bold</b>");
  EXPECT_EQ(a.content, "<p>Long <a href=\"https://ex.org/x\">x</a></p>");
  ASSERT_EQ(a.enclosures.size(), 1u);
  EXPECT_EQ(a.enclosures[0].url, "https://ex.org/a.mp3");
  EXPECT_EQ(a.enclosures[0].length, 123u);
  EXPECT_EQ(f.items[1].link, "https://ex.org/a/2");  // permalink guid
}

TEST(FeedParse, Atom10WithXmlBase) {
  const ParsedFeed f = parse_ok(R"(<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://ex.org/blog/" xml:lang="fr">
<title type="html">A &lt;em&gt;blog&lt;/em&gt;</title><link href="./"/><link rel="self" href="feed.atom"/>
<updated>2024-01-02T03:04:05+02:00</updated><author><name>Ann</name><email>ann@ex.org</email></author>
<entry xml:base="posts/"><id>tag:ex.org,2024:1</id><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Hi <b>there</b></div></title>
<link rel="alternate" type="text/html" href="one.html"/><link rel="enclosure" href="/pod.mp3" length="9"/>
<published>2024-01-01T00:00:00Z</published><updated>2024-01-01T10:00:00Z</updated>
<category term="tech"/><summary>Sum</summary><content type="html">&lt;p&gt;Body&lt;/p&gt;</content>
<source><title>Other feed</title></source></entry></feed>)");
  EXPECT_EQ(f.format, "atom10");
  EXPECT_FALSE(f.bozo) << f.bozo_message;
  EXPECT_EQ(f.title, "A <em>blog</em>");
  EXPECT_EQ(f.link, "https://ex.org/blog/");
  EXPECT_EQ(f.language, "fr");
  EXPECT_EQ(utc(f.updated), "2024-01-02T01:04:05Z");
  ASSERT_EQ(f.authors.size(), 1u);
  EXPECT_EQ(f.authors[0].email, "ann@ex.org");
  ASSERT_EQ(f.items.size(), 1u);
  const FeedItem& e = f.items[0];
  EXPECT_EQ(e.title, "Hi <b>there</b>");
  EXPECT_EQ(e.link, "https://ex.org/blog/posts/one.html");
  EXPECT_EQ(e.enclosures.at(0).url, "https://ex.org/pod.mp3");
  EXPECT_EQ(e.categories, std::vector<std::string>{"tech"});
  EXPECT_EQ(e.summary, "Sum");
  EXPECT_EQ(e.content, "<p>Body</p>");
  EXPECT_EQ(utc(e.published), "2024-01-01T00:00:00Z");
  EXPECT_EQ(utc(e.updated), "2024-01-01T10:00:00Z");
}

TEST(FeedParse, Rss10AndAtom03AndRss091) {
  const ParsedFeed rdf = parse_ok(R"(<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="http://ex.org/"><title>R</title><link>http://ex.org/</link></channel>
<item rdf:about="http://ex.org/1"><title>One</title><link>http://ex.org/1</link><dc:date>2004-05-06T07:08:09Z</dc:date></item></rdf:RDF>)");
  EXPECT_EQ(rdf.format, "rss10");
  ASSERT_EQ(rdf.items.size(), 1u);
  EXPECT_EQ(rdf.items[0].id, "http://ex.org/1");
  EXPECT_EQ(utc(rdf.items[0].updated), "2004-05-06T07:08:09Z");
  const ParsedFeed atom03 = parse_ok(R"(<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Old</title>
<entry><title mode="base64" type="text/plain">SGVsbG8=</title><issued>2004-01-01T00:00:00Z</issued></entry></feed>)");
  EXPECT_EQ(atom03.format, "atom03");
  EXPECT_EQ(atom03.items.at(0).title, "Hello");
  EXPECT_EQ(parse_ok(R"(<rss version="0.91"><channel><title>t</title></channel></rss>)").format, "rss091u");
}

TEST(FeedParse, JsonFeed) {
  const ParsedFeed f = parse_ok(R"({"version": "https://jsonfeed.org/version/1.1", "title": " J ",
    "home_page_url": "https://ex.org/", "authors": [{"name": "Ann", "url": "mailto:ann@ex.org"}],
    "items": [{"id": 7, "url": "/p/7", "title": "Seven", "content_html": "<p>7</p>", "summary": "s",
               "date_published": "2024-02-03T04:05:06Z", "tags": ["a", 3, "b"],
               "attachments": [{"url": "https://ex.org/7.mp3", "mime_type": "audio/mpeg", "size_in_bytes": 77}]},
              {"id": {"bad": true}}, "junk"]})", base("https://ex.org/feed.json"));
  EXPECT_EQ(f.format, "json11");
  EXPECT_EQ(f.title, "J");
  EXPECT_EQ(f.authors.at(0).email, "ann@ex.org");
  ASSERT_EQ(f.items.size(), 1u);
  EXPECT_EQ(f.items[0].id, "7");
  EXPECT_EQ(f.items[0].link, "https://ex.org/p/7");
  EXPECT_EQ(f.items[0].content, "<p>7</p>");
  EXPECT_EQ(f.items[0].categories, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(f.items[0].enclosures.at(0).length, 77u);
  EXPECT_FALSE(parse_feed("{\"version\": \"https://jsonfeed.org/version/1\", \"items\": [").has_value());
  EXPECT_FALSE(parse_feed(std::string(10000, '[')).has_value());
}

TEST(FeedParse, SitemapsAndNews) {
  const ParsedFeed news = parse_ok(R"(<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
 xmlns:news="http://www.google.com/schemas/sitemap-news/0.9" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
<url><loc> https://ex.org/a </loc><lastmod>2024-03-04</lastmod>
<image:image><image:loc>https://ex.org/i.jpg</image:loc></image:image>
<news:news><news:publication><news:name>Ex Times</news:name><news:language>en</news:language></news:publication>
<news:publication_date>2024-03-04T05:06:07+01:00</news:publication_date><news:title>Big news</news:title></news:news></url>
</urlset>)");
  EXPECT_EQ(news.format, "sitemap");
  ASSERT_EQ(news.items.size(), 1u);
  const FeedItem& u = news.items[0];
  EXPECT_EQ(u.link, "https://ex.org/a");
  EXPECT_EQ(utc(u.lastmod), "2024-03-04T00:00:00Z");
  EXPECT_EQ(u.news_publication, "Ex Times");
  EXPECT_EQ(u.news_publication_language, "en");
  EXPECT_EQ(u.news_title, "Big news");
  EXPECT_EQ(u.title, "Big news");
  EXPECT_EQ(utc(u.published), "2024-03-04T04:06:07Z");
  const ParsedFeed index = parse_ok(R"(<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://ex.org/s1.xml</loc></sitemap><sitemap><loc>https://ex.org/s2.xml</loc></sitemap></sitemapindex>)");
  EXPECT_EQ(index.format, "sitemapindex");
  EXPECT_EQ(index.items.size(), 2u);
  const ParsedFeed text = parse_ok("https://ex.org/1\n\nhttps://ex.org/2\r\n");
  EXPECT_EQ(text.format, "sitemaptxt");
  EXPECT_EQ(text.items.size(), 2u);
  const ParsedFeed gz = parse_ok(tidings::testing::gzip("https://ex.org/1\n"));
  EXPECT_EQ(gz.items.size(), 1u);
}

TEST(FeedParse, CharsetPrecedence) {
  const std::string latin1 = "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><rss version=\"2.0\"><channel><title>caf\xE9</title></channel></rss>";
  ParsedFeed f = parse_ok(latin1);
  EXPECT_EQ(f.encoding, "iso-8859-1");
  EXPECT_EQ(f.title, "caf\xC3\xA9");
  EXPECT_FALSE(f.bozo);
  // The HTTP charset overrides the declaration (RFC 3023).
  f = parse_ok(latin1, ctype("application/rss+xml; charset=windows-1252"));
  EXPECT_EQ(f.encoding, "windows-1252");
  // text/xml without charset means us-ascii; these bytes are not: bozo, read anyway.
  f = parse_ok(latin1, ctype("text/xml"));
  EXPECT_TRUE(f.bozo);
  EXPECT_EQ(f.title, "caf\xC3\xA9");
  // A BOM beats everything.
  f = parse_ok("\xEF\xBB\xBF<rss version=\"2.0\"><channel><title>\xC3\xA9</title></channel></rss>",
               ctype("text/xml; charset=iso-8859-1"));
  EXPECT_EQ(f.encoding, "utf-8");
  EXPECT_EQ(f.title, "\xC3\xA9");
  // UTF-16 without a declaration.
  const std::string u16("<\0r\0s\0s\0>\0<\0c\0h\0a\0n\0n\0e\0l\0>\0<\0t\0i\0t\0l\0e\0>\0x\0<\0/\0t\0i\0t\0l\0e\0>\0<\0/\0c\0h\0a\0n\0n\0e\0l\0>\0<\0/\0r\0s\0s\0>\0", 64);
  f = parse_ok(u16);
  EXPECT_EQ(f.encoding, "utf-16le");
  EXPECT_EQ(f.title, "x");
}

TEST(FeedParse, HtmlEntitiesAndBozo) {
  ParsedFeed f = parse_ok("<rss version=\"2.0\"><channel><title>a&nbsp;b&eacute;&copy;</title></channel></rss>");
  EXPECT_FALSE(f.bozo) << f.bozo_message;
  EXPECT_EQ(f.title, "a\xC2\xA0" "b\xC3\xA9\xC2\xA9");
  f = parse_ok("<rss version=\"2.0\"><channel><title>ok</title><item><title>x & y</title></item>"
               "<item><title>a &amp; b&nbsp;c</title></item>");
  EXPECT_TRUE(f.bozo);
  EXPECT_FALSE(f.bozo_message.empty());
  EXPECT_EQ(f.title, "ok");
  ASSERT_EQ(f.items.size(), 2u);
  EXPECT_EQ(f.items[1].title, "a & b\xC2\xA0" "c");  // references still read after the first error
}

TEST(FeedParse, NotAFeed) {
  EXPECT_EQ(parse_feed("").error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(parse_feed("   \n").error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(parse_feed("<html><body>hi</body></html>").error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(parse_feed("hello world").error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(parse_feed("<rss/>", bytes(3)).error().code, ErrorCode::kTooLarge);
}

TEST(FeedParse, Bounds) {
  std::string many = "<rss version=\"2.0\"><channel>";
  for (int i = 0; i < 50; ++i) many += "<item><title>t</title></item>";
  many += "</channel></rss>";
  const ParsedFeed f = parse_ok(many, items(10));
  EXPECT_EQ(f.items.size(), 10u);
  EXPECT_TRUE(f.bozo);
  std::string deep = "<rss><channel>";
  for (int i = 0; i < 5000; ++i) deep += "<a>";
  EXPECT_TRUE(parse_ok(deep).bozo);
}

TEST(FeedParse, NoExternalEntitiesNoExpansionBombs) {
  // XXE: a SYSTEM entity is never read (the file would be /etc/hostname).
  const ParsedFeed xxe = parse_ok(R"(<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/hostname">]>
<rss version="2.0"><channel><title>[&x;]</title></channel></rss>)");
  EXPECT_EQ(xxe.title, "[]");
  // Billion laughs: internal entities are inserted as text, never expanded recursively.
  std::string bomb = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\">";
  for (char c = 'b'; c <= 'k'; ++c) {
    bomb += std::string("<!ENTITY ") + c + " \"";
    for (int i = 0; i < 10; ++i) bomb += std::string("&") + static_cast<char>(c - 1) + ";";
    bomb += "\">";
  }
  bomb += "]><rss version=\"2.0\"><channel><title>&k;</title><description>&a;</description></channel></rss>";
  const auto start = std::chrono::steady_clock::now();
  const auto r = parse_feed(bomb);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(1));
  ASSERT_TRUE(r.has_value());
  EXPECT_LT(r->title.size(), 100u);
  EXPECT_EQ(r->subtitle, "aaaaaaaaaa");
}

// The thread's libxml2 parser is reset and reused between documents: no
// state of one document (an abort, a declared entity, the encoding, the
// namespace of the root, errors) reaches the next.
TEST(FeedParse, ReusedParserCarriesNothingOver) {
  const std::string good = R"(<?xml version="1.0"?><rss version="2.0"><channel><title>T &amp; U</title>
<link>https://a.example/</link><item><title>One</title><link>/1</link></item></channel></rss>)";
  const ParsedFeed fresh = parse_ok(good, base("https://a.example/feed"));
  ASSERT_EQ(fresh.items.size(), 1u);
  std::string deep = "<rss><channel>";  // stops the parser mid-document
  for (int i = 0; i < 5000; ++i) deep += "<a>";
  const std::vector<std::string> before = {
      deep,
      R"(<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY t "declared">]><rss version="2.0"><channel><title>&t;</title>)",
      R"(<?xml version="1.0" encoding="iso-8859-1"?><feed xmlns="http://www.w3.org/2005/Atom"><title>caf)"
      "\xe9</title>",
      "<rss><channel><title>unclosed",
      "\x01\x02 not xml <",
  };
  for (const std::string& first : before) {
    (void)parse_feed(first, base("https://b.example/"));
    const ParsedFeed again = parse_ok(good, base("https://a.example/feed"));
    EXPECT_FALSE(again.bozo) << again.bozo_message << " after " << first.substr(0, 40);
    EXPECT_EQ(again.format, "rss20");
    EXPECT_EQ(again.title, "T & U");
    ASSERT_EQ(again.items.size(), 1u);
    EXPECT_EQ(again.items[0].link, "https://a.example/1");
    // An entity declared by an earlier document is unknown here.
    const ParsedFeed undeclared = parse_ok(
        R"(<rss version="2.0"><channel><title>[&t;]</title></channel></rss>)", {});
    EXPECT_EQ(undeclared.title, "[]");
  }
  // Many documents with distinct names (the dictionary grows; the parser is
  // replaced): each still parses alone.
  for (int i = 0; i < 6000; ++i) {
    std::string doc = "<rss version=\"2.0\"><channel><x";
    doc += std::to_string(i);
    doc += "/></channel></rss>";
    (void)parse_feed(doc);
  }
  EXPECT_EQ(parse_ok(good, base("https://a.example/feed")).items[0].title, "One");
}

}  // namespace
}  // namespace tidings
