// Page metadata: title, byline, publication time, canonical URL, site name,
// lead image and the declared language, from <meta>, <link>, JSON-LD
// (schema.org NewsArticle and kin), <title>, <h1> and <time>.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/time.h"
#include "core/types.h"
#include "extract/dom.h"

namespace tidings::extract_detail {

/// <meta> values by lower-cased name, property, itemprop or http-equiv, in
/// document order.
struct MetaTags {
  std::vector<std::pair<std::string, std::string_view>> entries;
  /// The first non-empty value for `key` (lower case), or "".
  std::string_view get(std::string_view key) const;
};
MetaTags collect_meta(const Dom& dom);

/// The fields of the first schema.org article-like object in the page's
/// JSON-LD blocks (@graph and arrays searched; {"@id": ...} references
/// resolved across the blocks). The publisher falls back to a top-level
/// Organization's, then WebSite's, name; names are never @ids or URLs.
struct JsonLd {
  std::string headline;
  std::string date_published;
  std::string author;     ///< names joined with ", "
  std::string publisher;  ///< publisher.name, or a top-level Organization's or WebSite's name
  std::string image;
  std::string url;
};
JsonLd read_json_ld(const Dom& dom);

/// "Title - Site", "Title | Site", "Site | Title" -> "Title" when the other
/// part is the site's name or looks like one.
std::string strip_site_from_title(std::string_view title, std::string_view site_name);

/// Dates as pages write them in metadata: ISO 8601 and RFC 3339 (through
/// core/time.h), "2023/11/01 18:40", "20231101", RFC 822/1123
/// ("Wed, 01 Nov 2023 18:40:00 GMT"), "November 1, 2023", Unix seconds.
std::optional<Instant> parse_page_date(std::string_view text);

/// An address rather than a name: "https://...", "//...", "www....", "#org",
/// "/path" (JSON-LD @ids and URLs put where a name belongs).
bool looks_like_url(std::string_view s);

/// The base for relative links: <base href> resolved against `page_url`.
std::string base_url(const Dom& dom, const std::string& page_url);

/// Fills every Article field except text, language and source_links;
/// published_at only from metadata (visible_dates.h has the fallbacks).
/// `now` bounds publication times (later than now + 1 day are ignored).
/// `html_lang` receives the declared language (<html lang>, og:locale).
void fill_metadata(const Dom& dom, const MetaTags& meta, const JsonLd& ld,
                   const std::string& page_url, const std::string& base, Instant now,
                   Article& article, std::string& html_lang);

}  // namespace tidings::extract_detail
