// Page classification on real-looking pages (tests/data/pages/): bot
// challenges, paywall teasers, JavaScript shells and empty pages are told
// apart from articles, and articles that merely mention captchas, paywalls
// or JavaScript stay articles.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "test_pages.h"

namespace tidings {
namespace {

std::string read_page(const std::string& name) {
  std::ifstream in(std::string(TIDINGS_TEST_DATA) + "/pages/" + name, std::ios::binary);
  EXPECT_TRUE(in.good()) << "missing fixture " << name;
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

Extraction classify(const std::string& name) {
  auto r = test::run_extract(read_page(name), "https://news.example.com/world/harbour-works");
  EXPECT_TRUE(r.has_value()) << name << ": " << (r ? "" : r.error().message);
  return r.value_or(Extraction{});
}

struct Case {
  const char* file;
  PageKind kind;
  const char* reason_part;  // a piece of the reason
};

class PageKindTest : public ::testing::TestWithParam<Case> {};

TEST_P(PageKindTest, Classifies) {
  const Case& c = GetParam();
  const Extraction e = classify(c.file);
  EXPECT_STREQ(page_kind_name(e.page_kind), page_kind_name(c.kind)) << c.file << ": " << e.page_reason;
  EXPECT_NE(e.page_reason.find(c.reason_part), std::string::npos) << c.file << ": " << e.page_reason;
}

INSTANTIATE_TEST_SUITE_P(
    Pages, PageKindTest,
    ::testing::Values(
        Case{"cloudflare_challenge.html", PageKind::kBlocked, "cf_chl_"},
        Case{"cloudflare_block.html", PageKind::kBlocked, "cf-error-details"},
        Case{"datadome.html", PageKind::kBlocked, "captcha-delivery.com"},
        Case{"perimeterx.html", PageKind::kBlocked, "px-captcha"},
        Case{"akamai_denied.html", PageKind::kBlocked, "errors.edgesuite.net"},
        Case{"captcha_generic.html", PageKind::kBlocked, "captcha interstitial"},
        Case{"paywall_jsonld.html", PageKind::kPaywalled, "isAccessibleForFree"},
        Case{"paywall_class.html", PageKind::kPaywalled, "\"paywall\" element"},
        Case{"js_shell_noscript.html", PageKind::kNeedsJavascript, "<noscript>"},
        Case{"js_shell_next.html", PageKind::kNeedsJavascript, "app root"},
        Case{"empty.html", PageKind::kEmpty, "no article text"},
        // False positives the rules must not make:
        Case{"article_mentions_captcha.html", PageKind::kArticle, ""},
        Case{"article_not_free_full_text.html", PageKind::kArticle, ""},
        Case{"article_short_brief.html", PageKind::kArticle, ""}),
    [](const ::testing::TestParamInfo<Case>& info) {
      std::string name = info.param.file;
      name = name.substr(0, name.find('.'));
      return name;
    });

TEST(PageKind, ArticleKeepsItsFieldsAndNoReason) {
  const Extraction e = classify("article_mentions_captcha.html");
  EXPECT_EQ(e.page_reason, "");
  EXPECT_EQ(e.article.title, "Why websites keep asking if you are a robot");
  EXPECT_NE(e.article.text.find("rotate an animal upright"), std::string::npos);
}

TEST(PageKind, PaywallTeaserKeepsWhatThePageShows) {
  const Extraction e = classify("paywall_jsonld.html");
  EXPECT_EQ(e.article.title, "Inside the port authority's budget fight");
  EXPECT_NE(e.page_reason.find("characters of text"), std::string::npos);
}

TEST(PageKind, TrivialTextIsEmpty) {
  auto r = test::run_extract(test::page("<title>Brief</title>",
                                        "<article><p>More on this story soon, said the desk.</p></article>"));
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->page_kind, PageKind::kEmpty);
  EXPECT_EQ(r->page_reason, "only 32 characters of text");
}

TEST(PageKind, OrdinaryArticleIsArticle) {
  auto r = test::run_extract(test::page("<title>Harbour</title>", test::body_paragraphs(4)));
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->page_kind, PageKind::kArticle);
}

TEST(PageKind, ChallengeTitleAloneNeedsABarePage) {
  // "Just a moment" as the title of a real (long) article is an article.
  auto r = test::run_extract(test::page("<title>Just a moment of silence for the harbour</title>",
                                        test::body_paragraphs(2)));
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->page_kind, PageKind::kArticle) << r->page_reason;
}

}  // namespace
}  // namespace tidings
