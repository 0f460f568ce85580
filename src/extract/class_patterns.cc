// Class/id patterns for boilerplate and content (see class_patterns.h). The
// word lists follow Readability.js's unlikelyCandidates/positive/negative
// expressions, widened with what news sites use.
#include "extract/class_patterns.h"

#include <algorithm>

#include "extract/text_ops.h"

namespace tidings::extract_detail {

namespace {

// Boilerplate even when a content word is also present ("related-content",
// "comments-area", "social-share-article").
constexpr std::string_view kStrongNegativeWords[] = {
    "comment", "related", "share", "sharing", "social", "newsletter", "cookie", "consent",
    "breadcrumb", "outbrain", "taboola", "disqus", "promo", "recommend", "popular",
    "trending", "subscri", "signup", "sign-up", "paywall", "advert", "sponsor", "banner",
    "popup", "modal", "gdpr", "shoutbox", "read-more", "readmore", "more-stories",
    "newsfeed", "tagcloud", "tag-list", "taglist", "post-tags", "article-tags", "keywords",
    "author-bio", "authorbio", "about-author", "author-box", "rating", "donate", "follow-us",
    "sidebar", "caption", "image-credit", "photo-credit", "img-credit", "media-credit",
};

// Boilerplate unless a content word is present too ("article-footer").
constexpr std::string_view kNegative[] = {
    "footer", "foot", "masthead", "menu", "navbar", "navigation", "pagination", "pager",
    "toolbar", "widget", "combx", "contact", "skyscraper", "shopping", "print", "byline",
    "dateline", "caption", "credit", "disclaimer", "login", "header", "topbar", "skip",
};

// Short words matched as whole tokens only.
constexpr std::string_view kNegativeTokens[] = {
    "ad", "ads", "nav", "tag", "tags", "meta", "hid", "hidden", "tool", "tools", "aside",
    "rail", "date", "author", "share", "sr", "visually", "offscreen",
};

constexpr std::string_view kEmbeddedPost[] = {
    "media-embed", "social-embed", "embed-social", "embedded-post", "twitter-tweet",
    "embedded-tweet", "tweet-embed", "embed-tweet", "instagram-media", "tiktok-embed",
    "article-tweet",
};

constexpr std::string_view kPositive[] = {
    "article", "body", "content", "entry", "hentry", "main", "post", "text", "blog", "story",
};

constexpr std::string_view kBodyNames[] = {
    "articlebody", "article-body", "article_body", "article__body", "article-content",
    "articlecontent", "article_content", "article__content", "article-text", "articletext",
    "article__text", "entry-content", "entrycontent", "entry_content", "entry-body",
    "post-content", "postcontent", "post_content", "post-body", "postbody", "post_body",
    "post-entry", "post-text", "story-body", "storybody", "story_body", "story-content",
    "storycontent", "story-text", "storytext", "content-body", "body-text", "bodytext",
    "news-content", "news-text", "newstext", "news-body", "newsbody", "td-post-content",
    "article-main", "articlemain", "main-text", "blog-content", "single-content",
    "text-article", "article_text", "body-copy", "bodycopy", "zn-body", "caas-body",
    "rich-text",
};

// `lower` is already lower case: plain find, which uses memchr.
template <size_t N>
bool any_substring(std::string_view lower, const std::string_view (&words)[N]) {
  for (std::string_view w : words) {
    if (lower.find(w) != std::string_view::npos) return true;
  }
  return false;
}

template <size_t N>
bool any_token(std::string_view value, const std::string_view (&words)[N]) {
  for (std::string_view w : words) {
    if (has_token_ci(value, w)) return true;
  }
  return false;
}

}  // namespace

ClassVerdict classify_value(std::string_view value) {
  ClassVerdict v;
  if (value.empty()) return v;
  char buffer[512];
  const size_t n = std::min(value.size(), sizeof buffer);
  for (size_t i = 0; i < n; ++i) buffer[i] = ascii_lower(value[i]);
  const std::string_view lower(buffer, n);
  v.strong = any_substring(lower, kStrongNegativeWords);
  v.negative = v.strong || any_substring(lower, kNegative) || any_token(lower, kNegativeTokens);
  v.positive = any_substring(lower, kPositive);
  v.body = any_substring(lower, kBodyNames);
  // A social post embedded in the story ("social-media-embed",
  // "twitter-tweet", "instagram-media") is quoted content, not a share bar.
  if (any_substring(lower, kEmbeddedPost) && !any_token(lower, kNegativeTokens)) {
    v.strong = v.negative = false;
  }
  return v;
}

bool names_embedded_post(std::string_view value) {
  if (value.empty()) return false;
  char buffer[512];
  const size_t n = std::min(value.size(), sizeof buffer);
  for (size_t i = 0; i < n; ++i) buffer[i] = ascii_lower(value[i]);
  return any_substring(std::string_view(buffer, n), kEmbeddedPost);
}

int class_weight(std::string_view value) {
  const ClassVerdict v = classify_value(value);
  return (v.negative ? -25 : 0) + (v.positive ? 25 : 0);
}

void apply_verdicts(Node& node, const ClassVerdict& cls, const ClassVerdict& id,
                    std::string_view itemprop) {
  bool body = cls.body || id.body;
  if (!itemprop.empty() && (contains_ci(itemprop, "articlebody") || equals_ci(itemprop, "text"))) {
    body = true;
  }
  node.class_weight = (cls.negative ? -25 : 0) + (cls.positive ? 25 : 0) +
                      (id.negative ? -25 : 0) + (id.positive ? 25 : 0);
  if (cls.negative || id.negative) node.flags |= kNegativeClass;
  if (cls.positive || id.positive) node.flags |= kPositiveClass;
  if ((cls.strong || id.strong) && !body) node.flags |= kStrongNegative;
  if (body) node.flags |= kBodyHint;
  // The page's dates as markup (itemprop=datePublished) are metadata, even
  // when a template puts them inside the body.
  if (!body && !itemprop.empty() &&
      (equals_ci(itemprop, "datepublished") || equals_ci(itemprop, "datemodified") ||
       equals_ci(itemprop, "datecreated") || equals_ci(itemprop, "dateline"))) {
    node.flags |= kStrongNegative | kNegativeClass;
  }
}

}  // namespace tidings::extract_detail
