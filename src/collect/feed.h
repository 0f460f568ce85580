// Feeds and sitemaps: RSS 0.9x / 1.0 (RDF) / 2.0, Atom 0.3 / 1.0 (RFC 4287),
// JSON Feed 1.0 / 1.1, sitemaps, sitemap indexes and Google News sitemaps
// (sitemaps.org 0.9), read from bytes into one flat shape. Stateless: no I/O,
// no global state, safe to call from many threads at once. docs/feeds.md
// documents the fields, the charset precedence and what `bozo` means.
//
// Errors only for input that is not a feed at all (empty, neither XML nor
// JSON nor a list of URLs, an unknown root element, over max_bytes);
// anything else is parsed as far as it goes, with `bozo` set and the first
// problem in `bozo_message` (feedparser's convention). Bounded: input size,
// item count, string sizes and nesting are capped; external entities and
// DTDs are never loaded.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/time.h"

namespace tidings {

struct FeedParseOptions {
  std::string base_url;      ///< the feed's own URL: base for relative links ("" = none)
  std::string content_type;  ///< the HTTP Content-Type it came with (charset, RFC 3023)
  std::string content_language;  ///< the HTTP Content-Language: the language when the feed names none
  size_t max_items = 100000; ///< later items are dropped (bozo)
  size_t max_bytes = 64u << 20;  ///< larger input (or inflated gzip) is an error
};

struct FeedPerson {
  std::string name;
  std::string email;
  std::string uri;
};

struct FeedEnclosure {
  std::string url;   ///< absolute when it could be resolved
  std::string type;  ///< MIME type, "" if not given
  std::optional<uint64_t> length;  ///< bytes, when given and numeric
};

/// An entry, an item, or one <url> of a sitemap. Strings are UTF-8, ""
/// when missing. Titles are the element's text for plain-text types and
/// its HTML for HTML/XHTML types (feedparser's `title` value); summary and
/// content are kept as given (HTML stays HTML), never sanitised.
struct FeedItem {
  std::string link;   ///< absolute URL: alternate link, RSS <link>, permalink guid, sitemap <loc>
  std::string title;
  std::optional<Instant> published;
  std::optional<Instant> updated;
  std::vector<FeedPerson> authors;
  std::string summary;  ///< description / summary / CDF abstract / JSON summary
  std::string content;  ///< content:encoded / <body> / <fullitem> / atom content / JSON content_html|content_text
                        ///< (else an RSS item's second, different summary)
  std::string id;       ///< guid / id, as given (a relative Atom id resolved)
  std::vector<std::string> categories;
  std::vector<FeedEnclosure> enclosures;
  // Sitemaps.
  std::optional<Instant> lastmod;
  std::string news_publication;           ///< news:publication/news:name
  std::string news_publication_language;  ///< news:publication/news:language
  std::string news_title;                 ///< news:title (also copied to title)
};

struct ParsedFeed {
  /// feedparser's `version` names where they exist: "rss090", "rss091u",
  /// "rss091n", "rss092", "rss093", "rss094", "rss20", "rss" (no version),
  /// "rss10", "atom03", "atom10", "atom" (unknown Atom), "json10", "json11",
  /// "json" (unknown version); and "sitemap", "sitemapindex", "sitemaptxt".
  std::string format;
  std::string title;
  std::string link;  ///< the site (alternate link), absolute
  std::optional<Instant> updated;
  std::string subtitle;
  std::string language;
  std::string id;
  std::vector<FeedPerson> authors;
  std::vector<FeedItem> items;  ///< in document order; for an index, one per <sitemap>
  bool bozo = false;            ///< not well-formed, or charset trouble; parsed anyway
  std::string bozo_message;     ///< the first problem found
  std::string encoding;         ///< charset the bytes were read as ("utf-8", "iso-8859-1"...)
};

/// Parses a feed or sitemap. Gzip input (1f 8b) is inflated first (bounded
/// by max_bytes).
Result<ParsedFeed> parse_feed(std::string_view bytes, const FeedParseOptions& options = {});

/// Dates as feeds write them: RFC 822 / RFC 2822 (with the usual
/// malformations: 2-digit years, named zones, missing seconds or zone, wrong
/// day names), W3C-DTF / RFC 3339 and looser ISO 8601 forms, and asctime.
/// A missing zone means UTC. nullopt when nothing sensible parses.
std::optional<Instant> parse_feed_date(std::string_view text);

}  // namespace tidings
