// Escaping, safe links, times and paragraphs (src/serve/html.h).
#include "serve/html.h"

#include <gtest/gtest.h>

namespace tidings::serve {
namespace {

using namespace std::chrono;

TEST(EscapeHtml, EscapesTheFiveSpecialCharacters) {
  EXPECT_EQ(escape_html(R"(<a href="x">Tom & Jerry's</a>)"),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
}

TEST(EscapeHtml, KeepsValidUtf8AndReplacesInvalid) {
  EXPECT_EQ(escape_html("Zürich — 東京 🙂"), "Zürich — 東京 🙂");
  EXPECT_EQ(escape_html("a\xFF"
                        "b"),
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(escape_html("\xC0\xAF"), "\xEF\xBF\xBD\xEF\xBF\xBD");                  // overlong '/'
  EXPECT_EQ(escape_html("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // surrogate
  // A truncated sequence is one maximal subpart: one U+FFFD, as the decoder does.
  EXPECT_EQ(escape_html("cut \xE2\x80"), "cut \xEF\xBF\xBD");
}

TEST(EscapeHtml, DropsControlCharacters) {
  EXPECT_EQ(escape_html(std::string("a\0b\x01\x7F"
                                    "c\td\n",
                                    9)),
            "abc\td\n");
}

TEST(ExternalLink, LinksHttpUrlsWithRel) {
  EXPECT_EQ(external_link("https://example.com/a?b=1&c=2", "Source"),
            "<a href=\"https://example.com/a?b=1&amp;c=2\" rel=\"noopener noreferrer nofollow\">"
            "Source</a>");
  EXPECT_EQ(external_link("http://example.com/"),
            "<a href=\"http://example.com/\" rel=\"noopener noreferrer nofollow\">"
            "http://example.com/</a>");
}

TEST(ExternalLink, NeverLinksOtherSchemes) {
  for (const char* url :
       {"javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>", "vbscript:x", "file:///etc/passwd",
        "//evil.example/x", "/relative", "ftp://example.com/"}) {
    const std::string html = external_link(url, "click");
    EXPECT_EQ(html.find("<a"), std::string::npos) << url;
    EXPECT_EQ(html.find("href"), std::string::npos) << url;
    EXPECT_EQ(html.find("<script"), std::string::npos) << url;
    EXPECT_NE(html.find("class=\"unlinked\""), std::string::npos) << url;
  }
  EXPECT_EQ(external_link("javascript:alert(1)"),
            "<span class=\"unlinked\">javascript:alert(1)</span>");
}

TEST(ExternalLink, EscapesQuotesInHttpUrls) {
  const std::string html = external_link("https://example.com/\"onmouseover=\"alert(1)", "x");
  EXPECT_EQ(html.find("\"onmouseover"), std::string::npos) << html;
}

TEST(Times, DisplayInUtcWithMachineReadableDatetime) {
  const Instant t = sys_days{2023y / November / 1} + hours{18} + minutes{40} + seconds{59};
  EXPECT_EQ(format_display_time(t), "2023-11-01 18:40 UTC");
  EXPECT_EQ(time_element(t), "<time datetime=\"2023-11-01T18:40:59Z\">2023-11-01 18:40 UTC</time>");
}

TEST(Paragraphs, SplitsOnBlankLinesAndEscapes) {
  EXPECT_EQ(paragraphs_html("One\nstill one.\n\n  \nTwo <b>\r\n\r\nThree"),
            "<p>One still one.</p>\n<p>Two &lt;b&gt;</p>\n<p>Three</p>\n");
  EXPECT_EQ(paragraphs_html(""), "");
  EXPECT_EQ(paragraphs_html("\n\n \n"), "");
}

TEST(Excerpt, CutsAtAWordAndNeverInsideUtf8) {
  EXPECT_EQ(excerpt("short  text\n", 100), "short text");
  EXPECT_EQ(excerpt("alpha beta gamma delta", 13), "alpha beta\xE2\x80\xA6");
  const std::string cut = excerpt("ééééééééééééééééééééé", 9);  // one long word
  EXPECT_EQ(cut, "éééé\xE2\x80\xA6");
}

TEST(LanguageTag, AcceptsOnlyTagCharacters) {
  EXPECT_TRUE(is_language_tag("en"));
  EXPECT_TRUE(is_language_tag("pt-BR"));
  EXPECT_FALSE(is_language_tag(""));
  EXPECT_FALSE(is_language_tag("en\" onclick=\"x"));
  EXPECT_FALSE(is_language_tag(std::string(36, 'a')));
}

}  // namespace
}  // namespace tidings::serve
