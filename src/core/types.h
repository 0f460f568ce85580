// The values that flow through the pipeline (DESIGN.md "The pipeline"):
// a Document is bytes as fetched, an Article is what a reader sees.
// Plain structs: every stage takes them by const reference and returns new
// ones; nothing here does I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/time.h"

namespace tidings {

/// A way a page credits an original source: the seed's "Source link"
/// footer, a `<link rel="original-source">`, a canonical URL on another
/// site, a dateline "TEHRAN (IRNA) -", a credit "(Reuters) -" or
/// "according to AFP".
struct SourceLink {
  std::string url;     ///< absolute http(s) URL; "" for a credit that names no page
  std::string text;    ///< the link's visible text or the credit's words, whitespace collapsed
  std::string kind;    ///< "link", "canonical", "meta", "dateline", "credit"
  std::string agency;  ///< normalised agency name ("Reuters", "IRNA"), "" if not an agency
};

/// Bytes as fetched or read, before anything is decided about them.
struct Document {
  std::string url;            ///< where it was asked for (file:// for local files)
  std::string final_url;      ///< after redirects (empty = same as url)
  std::string origin;         ///< where tidings read it: a path, "x.warc.gz#offset"
  std::string headers;        ///< raw HTTP response headers, "" for local files
  std::string content_type;   ///< Content-Type header value, if any
  int http_status = 0;        ///< 0 for local files
  Instant fetched_at{};       ///< fetch time (WARC-Date, file mtime)
  std::string body;           ///< the bytes, exactly as received (decoded transfer encoding)
  int64_t source_id = 0;      ///< the registered source it was collected for, 0 = none
};

/// What a reader sees. Strings are UTF-8; empty means "not found on the page".
struct Article {
  std::string url;            ///< the URL the page was read from
  std::string canonical_url;  ///< `<link rel=canonical>`/og:url, resolved; else url
  std::string title;
  std::string byline;                ///< as shown: the authors joined with ", "
  std::vector<std::string> authors;  ///< each author's name, without "By"
  std::optional<Instant> published_at;
  std::optional<Instant> modified_at;
  /// The publisher's UTC offset in minutes for the times above, when the
  /// page states or implies it (+210 for Tehran); unset if unknown.
  std::optional<int> utc_offset_minutes;
  std::string language;       ///< ISO 639-1 ("en"), "" if unknown
  std::string site_name;
  std::string image;          ///< lead image, absolute URL
  std::string section;        ///< the site's section ("World", "Politics")
  std::vector<std::string> tags;  ///< keywords and tags, in page order, each once
  std::string text;           ///< body paragraphs separated by one blank line
  std::vector<SourceLink> source_links;
};

/// What a fetched page turned out to be. Only kArticle pages become
/// articles; the others are kept as failed documents with the kind as their
/// reason (docs/collecting.md "Source health"). Extraction decides from the
/// page itself, the pipeline adds what the HTTP status says.
enum class PageKind {
  kArticle,          ///< a page with an article's text
  kBlocked,          ///< HTTP 403/429/451 or a bot-challenge page instead of the article
  kPaywalled,        ///< a teaser behind a paywall
  kNeedsJavascript,  ///< an empty shell that a script would fill
  kEmpty,            ///< no text, or too little to be an article
};

/// "article", "blocked", "paywalled", "needs_javascript", "empty".
constexpr const char* page_kind_name(PageKind kind) {
  switch (kind) {
    case PageKind::kArticle: return "article";
    case PageKind::kBlocked: return "blocked";
    case PageKind::kPaywalled: return "paywalled";
    case PageKind::kNeedsJavascript: return "needs_javascript";
    case PageKind::kEmpty: return "empty";
  }
  return "article";
}

/// An Article as the store holds it.
struct StoredArticle {
  int64_t id = 0;
  int64_t document_id = 0;
  std::string outlet;         ///< site name, else the host of the canonical URL
  Instant fetched_at{};
  Article article;
};

}  // namespace tidings
