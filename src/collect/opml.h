// OPML 2.0 (http://opml.org/spec2.opml) subscription lists, as feed readers
// (Miniflux, newsboat, NetNewsWire...) import and export them. Reading is
// tolerant and bounded; writing escapes everything.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace tidings {

/// One subscription: an outline with an xmlUrl (a feed), or type="link"
/// with a url (a page).
struct OpmlOutline {
  std::string title;     ///< title, else text
  std::string xml_url;   ///< the feed, "" for a link
  std::string html_url;  ///< the site
  std::string url;       ///< type="link" outlines
  std::string category;  ///< the enclosing outline's title, if any
  /// tidings' own settings, kept in the urn:tidings:opml namespace so that a
  /// round trip through export and import loses nothing; other readers
  /// ignore them.
  std::string kind;            ///< "feed", "sitemap", "page", "auto"
  std::string every;           ///< poll interval, "15m"
};

/// The namespace of tidings' own outline attributes.
inline constexpr const char* kOpmlNamespace = "urn:tidings:opml";

struct OpmlDocument {
  std::string title;
  std::vector<OpmlOutline> outlines;  ///< in document order, categories flattened
  std::string warning;                ///< first problem found in a recovered document
};

struct OpmlOptions {
  size_t max_bytes = 8u << 20;
  size_t max_outlines = 100000;
};

/// Fails (kInvalidInput) when the bytes are not OPML at all.
Result<OpmlDocument> parse_opml(std::string_view bytes, const OpmlOptions& options = {});

/// An OPML 2.0 document: feeds as type="rss" with xmlUrl, pages as
/// type="link" with url. `date_created` is RFC 822.
std::string write_opml(const OpmlDocument& doc, const std::string& date_created);

}  // namespace tidings
