// Extraction: one HTML page in, one Article out (DESIGN.md "extract").
// A pure function of its arguments: no I/O, no global state, safe to call
// from many threads at once.
//
// Steps: bytes -> UTF-8 (text/charset.h: BOM, HTTP header, <meta>,
// uchardet) -> libxml2's HTML parser -> metadata (title, byline, dates,
// language, canonical URL, site name, image) -> main content (text density,
// link density, semantic tags; menus, share bars, related-posts blocks and
// aggregator footers removed) -> a shown date when the metadata has none
// (visible_dates.h) -> source links (the links by which the page credits an
// original) and credits in the text (datelines, "according to AFP"), each
// with its news agency when it names one (agencies.h).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/types.h"

namespace tidings {

struct ExtractOptions {
  std::string url;           ///< where the page came from: base for relative links
  std::string content_type;  ///< HTTP Content-Type, for its charset parameter
  size_t max_bytes = 16u << 20;  ///< larger pages fail with kTooLarge
  /// "Now" for rejecting publication times in the future (more than a day
  /// ahead). The zero Instant means the system clock; tests pass a fixed one
  /// so that extraction stays a pure function of its arguments.
  Instant now{};
};

struct Extraction {
  Article article;
  std::vector<std::string> warnings;  ///< e.g. "invalid UTF-8: 3 bytes replaced"
  /// What the page is: an article, or a bot challenge, a paywall teaser, a
  /// JavaScript shell or an empty page (the article's fields are filled
  /// as far as the page allows either way). Each non-article kind needs a
  /// marker and a short extracted text, so an article that mentions a
  /// captcha or JavaScript stays an article; rules in docs/collecting.md.
  PageKind page_kind = PageKind::kArticle;
  std::string page_reason;  ///< why, one line; "" for an article
};

/// Errors: kInvalidInput (empty, binary, not HTML), kTooLarge (max_bytes, or
/// tags with so many attributes that the parser would take minutes),
/// kTooDeep (nesting beyond the parser's bound of 256), each with a one-line
/// message. Invalid byte sequences are not errors: they become U+FFFD and a
/// warning. Time and memory are about linear in the input; no recursion on
/// the tree.
Result<Extraction> extract_article(std::string_view bytes, const ExtractOptions& options);

/// A feed a page announces.
struct FeedLink {
  std::string url;    ///< absolute http(s)
  std::string type;   ///< "application/rss+xml", "application/atom+xml", ...
  std::string title;
};

/// Feed autodiscovery: the <link rel="alternate"> feeds of a page, in page
/// order, resolved against <base> and `page_url`, at most 32.
Result<std::vector<FeedLink>> find_feed_links(std::string_view bytes, const std::string& page_url,
                                              const std::string& content_type);

/// Bumped whenever extraction output changes; stored with each article.
constexpr int kExtractorVersion = 6;

/// The news agency whose web site `host` is on ("en.irna.ir" -> "IRNA"),
/// as SourceLink::agency names agencies; "" when it is not an agency's.
std::string agency_of_host(std::string_view host);

}  // namespace tidings
