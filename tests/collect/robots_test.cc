// robots.txt parsing and matching against RFC 9309's rules and examples.
#include "collect/robots.h"

#include <gtest/gtest.h>

namespace tidings {
namespace {

bool allowed(std::string_view text, std::string_view path, std::string_view agent = "tidings") {
  return robots_policy(parse_robots_txt(text), agent).allows(path);
}

TEST(Robots, GroupsAndAgentSelection) {
  const std::string text =
      "# comment\n"
      "User-agent: *\n"
      "Disallow: /private\n"
      "\n"
      "User-agent: Tidings/1.0\n"
      "user-agent: other\n"
      "Disallow: /secret\n"
      "Allow: /secret/ok\n"
      "\n"
      "User-agent: tidings\n"
      "Disallow: /merged\n";
  const RobotsTxt robots = parse_robots_txt(text);
  ASSERT_EQ(robots.groups.size(), 3u);
  EXPECT_EQ(robots.groups[1].agents, (std::vector<std::string>{"tidings", "other"}));
  // Both tidings groups apply, merged; the * group does not.
  EXPECT_TRUE(allowed(text, "/private"));
  EXPECT_FALSE(allowed(text, "/secret/x"));
  EXPECT_TRUE(allowed(text, "/secret/ok/y"));
  EXPECT_FALSE(allowed(text, "/merged"));
  EXPECT_TRUE(allowed(text, "/"));
  // Another crawler gets the * group.
  EXPECT_FALSE(allowed(text, "/private", "somebot"));
  EXPECT_TRUE(allowed(text, "/secret/x", "somebot"));
  // Case-insensitive token.
  EXPECT_FALSE(allowed(text, "/secret/x", "TIDINGS"));
}

TEST(Robots, NoMatchingGroupAllowsEverything) {
  EXPECT_TRUE(allowed("User-agent: otherbot\nDisallow: /\n", "/anything"));
  EXPECT_TRUE(allowed("", "/"));
  EXPECT_TRUE(allowed("Disallow: /\n", "/x"));  // a rule before any group is ignored
}

TEST(Robots, LongestMatchWinsAndAllowWinsTies) {
  // RFC 9309 §2.2.2 and §5.2 examples.
  const std::string text =
      "User-agent: *\n"
      "Allow: /example/page/\n"
      "Disallow: /example/page/disallowed.gif\n"
      "Disallow: /tie\n"
      "Allow: /tie\n";
  EXPECT_TRUE(allowed(text, "/example/page/"));
  EXPECT_FALSE(allowed(text, "/example/page/disallowed.gif"));
  EXPECT_TRUE(allowed(text, "/tie/x"));
}

TEST(Robots, WildcardsAndEndAnchor) {
  const std::string text =
      "User-agent: *\n"
      "Disallow: /*.gif$\n"
      "Disallow: /private*/data\n"
      "Disallow: /exact$\n"
      "Allow: /*.gif$?\n";  // '$' not at the end is literal
  EXPECT_FALSE(allowed(text, "/a/b.gif"));
  EXPECT_TRUE(allowed(text, "/a/b.gif?x=1"));
  EXPECT_TRUE(allowed(text, "/a/b.gifs"));
  EXPECT_FALSE(allowed(text, "/private-x/data/1"));
  EXPECT_TRUE(allowed(text, "/private-x/other"));
  EXPECT_FALSE(allowed(text, "/exact"));
  EXPECT_TRUE(allowed(text, "/exact/more"));
  EXPECT_TRUE(robots_pattern_matches("*", "/"));
  EXPECT_TRUE(robots_pattern_matches("/a*b*c$", "/axxbyyc"));
  EXPECT_FALSE(robots_pattern_matches("/a*b*c$", "/axxbyycd"));
  EXPECT_TRUE(robots_pattern_matches("/a*c$", "/acbc"));
  EXPECT_TRUE(robots_pattern_matches("/**", "/x"));
  EXPECT_FALSE(robots_pattern_matches("/x", "/"));
}

TEST(Robots, EmptyDisallowAllowsAndSlashDisallowsAll) {
  EXPECT_TRUE(allowed("User-agent: *\nDisallow:\n", "/x"));
  EXPECT_FALSE(allowed("User-agent: *\nDisallow: /\n", "/x"));
  EXPECT_FALSE(allowed("User-agent: *\nDisallow: /\n", ""));
  EXPECT_TRUE(allowed("User-agent: *\nDisallow: /\n", "/robots.txt"));
}

TEST(Robots, PercentEncodingIsNormalised) {
  // RFC 9309 §2.2.2 table: unreserved escapes decode, UTF-8 encodes.
  EXPECT_EQ(robots_normalise("/foo/bar?baz=quz"), "/foo/bar?baz=quz");
  EXPECT_EQ(robots_normalise("/foo/bar/\xE3\x83\x84"), "/foo/bar/%E3%83%84");
  EXPECT_EQ(robots_normalise("/foo/bar/%e3%83%84"), "/foo/bar/%E3%83%84");
  EXPECT_EQ(robots_normalise("/foo/%62%61r"), "/foo/bar");
  EXPECT_EQ(robots_normalise("/a%2Fb"), "/a%2Fb");
  EXPECT_EQ(robots_normalise("/a%2"), "/a%252");
  // Found by robots_fuzz: a stray '%' before an escape used to decode on
  // the second pass ("%%33" -> "%3" -> "3"); now it is %25 both times.
  for (const char* path : {"/x%%333", "/%", "/%%", "/%G1", "/50%25off"}) {
    const std::string once = robots_normalise(path);
    EXPECT_EQ(robots_normalise(once), once) << path;
  }
  EXPECT_EQ(robots_normalise("/x%%333"), "/x%2533");
  EXPECT_FALSE(allowed("User-agent: *\nDisallow: /50%off\n", "/50%25off"));
  EXPECT_FALSE(allowed("User-agent: *\nDisallow: /foo/bar/\xE3\x83\x84\n", "/foo/bar/%E3%83%84"));
  EXPECT_FALSE(allowed("User-agent: *\nDisallow: /%7Ejoe\n", "/~joe/index.html"));
}

TEST(Robots, DirectivesAreCaseInsensitiveAndJunkIsIgnored) {
  static const char kText[] =
      "\xEF\xBB\xBFUSER-AGENT : tidings\r\n"
      "this line is junk\r\n"
      "DISALLOW:/a # trailing comment\r\n"
      "Unknown: value\r"
      "disallow: /b\n"
      "Dissallow: /c\n"
      "\0\0binary\xff\xfe\n"
      "Disallow: /e\n";
  const std::string text(kText, sizeof kText - 1);
  EXPECT_FALSE(allowed(text, "/a"));
  EXPECT_FALSE(allowed(text, "/b"));
  EXPECT_FALSE(allowed(text, "/c"));
  EXPECT_TRUE(allowed(text, "/d"));
  EXPECT_FALSE(allowed(text, "/e"));
}

TEST(Robots, CrawlDelayAndSitemaps) {
  const std::string text =
      "Sitemap: https://example.com/news-sitemap.xml\n"
      "User-agent: *\n"
      "Crawl-delay: 2.5\n"
      "User-agent: tidings\n"
      "Crawl-delay: 3\n"
      "Disallow: /x\n"
      "Crawl-delay: junk\n"
      "sitemap:https://example.com/sitemap.xml\n";
  const RobotsTxt robots = parse_robots_txt(text);
  EXPECT_EQ(robots.sitemaps, (std::vector<std::string>{"https://example.com/news-sitemap.xml",
                                                       "https://example.com/sitemap.xml"}));
  EXPECT_EQ(robots_policy(robots, "tidings").crawl_delay, 3.0);
  EXPECT_EQ(robots_policy(robots, "other").crawl_delay, 2.5);
}

TEST(Robots, OnlyTheFirst500KiBAreRead) {
  std::string text = "User-agent: *\n";
  while (text.size() < kRobotsMaxBytes) text += "Disallow: /filler-line-to-pad\n";
  text += "Disallow: /late\n";
  EXPECT_TRUE(allowed(text, "/late"));
  EXPECT_FALSE(allowed(text, "/filler-line-to-pad"));
}

TEST(Robots, DisallowAllPolicy) {
  RobotsPolicy policy;
  policy.disallow_all = true;
  EXPECT_FALSE(policy.allows("/"));
  EXPECT_TRUE(policy.allows("/robots.txt"));
}

TEST(Robots, PathOfUrl) {
  EXPECT_EQ(robots_path_of("https://example.com"), "/");
  EXPECT_EQ(robots_path_of("https://example.com/a/b?c=d#frag"), "/a/b?c=d");
  EXPECT_EQ(robots_path_of("::not a url"), "");
}

}  // namespace
}  // namespace tidings
