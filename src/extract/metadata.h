// Page metadata: title, authors, publication and modification times,
// canonical URL, site name, lead image, section, tags and the declared
// language, from <meta>, <link>, JSON-LD (schema.org NewsArticle and kin),
// <title>, <h1>, <time> and byline elements.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/time.h"
#include "core/types.h"
#include "extract/dates.h"
#include "extract/dom.h"

namespace tidings::extract_detail {

/// <meta> values by lower-cased name, property, itemprop or http-equiv, in
/// document order.
struct MetaTags {
  std::vector<std::pair<std::string, std::string_view>> entries;
  /// The first non-empty value for `key` (lower case), or "".
  std::string_view get(std::string_view key) const;
  /// Every non-empty value for `key`, in document order (article:tag).
  std::vector<std::string_view> all(std::string_view key) const;
};
MetaTags collect_meta(const Dom& dom);

/// The fields of the first schema.org article-like object in the page's
/// JSON-LD blocks (@graph and arrays searched; {"@id": ...} references
/// resolved across the blocks). The publisher falls back to a top-level
/// Organization's, then WebSite's, name; names are never @ids or URLs.
struct JsonLd {
  std::string headline;
  std::string date_published;  ///< datePublished, else dateCreated
  std::string date_modified;
  std::vector<std::string> authors;  ///< author (else creator) names as written, in order
  std::string publisher;  ///< publisher.name, or a top-level Organization's or WebSite's name
  std::string image;
  std::string url;
  std::string section;                ///< articleSection (the first, when a list)
  std::vector<std::string> keywords;  ///< as written: one string may hold "a, b, c"
  std::vector<std::string> breadcrumbs;  ///< a top-level BreadcrumbList's names, in order
};
JsonLd read_json_ld(const Dom& dom);

/// "Title - Site", "Title | Site", "Site | Title" -> "Title" when the other
/// part is the site's name or looks like one.
std::string strip_site_from_title(std::string_view title, std::string_view site_name);

/// Whether `title` is `part`, or `part` and more after one of the
/// separators sites put between a headline and their name ("Headline |
/// Site"), or a label of at most three words before it ("Opinion |
/// Headline"). Case-insensitive.
bool title_has_part(std::string_view title, std::string_view part);

/// "Headline - Site Name" with the headline known -> "Site Name" (at most
/// five words after the last separator), else "".
std::string site_from_title(std::string_view title, std::string_view headline);

/// A name reduced for comparison: lower-cased ASCII letters and digits and
/// every non-ASCII byte ("The Guardian" -> "theguardian").
std::string name_key(std::string_view s);

/// Dates as pages write them in metadata: ISO 8601 and RFC 3339 (through
/// core/time.h), "2023/11/01 18:40", "20231101", RFC 822/1123
/// ("Wed, 01 Nov 2023 18:40:00 GMT"), "November 1, 2023", Unix seconds.
std::optional<Instant> parse_page_date(std::string_view text);

/// An address rather than a name: "https://...", "//...", "www....", "#org",
/// "/path" (JSON-LD @ids and URLs put where a name belongs).
bool looks_like_url(std::string_view s);

/// Author names in a byline as written: "By Jane Doe and John Roe, Staff
/// Writers, Nov. 1, 2023" -> {"Jane Doe", "John Roe"}. Leading "By" (and a
/// few other languages' words for it), dates and what follows them, roles,
/// e-mail addresses, URLs and the site's own name are dropped; split on
/// commas, semicolons, "and", "&"; each name once.
std::vector<std::string> split_byline(std::string_view raw, std::string_view site_name);
std::vector<std::string> split_byline(std::string_view raw,
                                      const std::vector<std::string_view>& site_names);

/// "https://site.example/author/jane-doe/" -> "Jane Doe" (a profile URL's
/// slug under /author/, /people/, /staff/, ...), else "".
std::string name_from_profile_url(std::string_view url);

/// The article's authors: JSON-LD author, else the <meta> author variants,
/// else itemprop="author" elements, rel="author" links, byline elements;
/// a profile URL's slug only when nothing else names anyone.
std::vector<std::string> find_authors(const Dom& dom, const MetaTags& meta, const JsonLd& ld,
                                      std::string_view site_name);

/// Whether `name` is the site's own ("CNN Business" on CNN, "Sky" on Sky
/// News): one name's key begins with the other's.
bool is_site_name(std::string_view name, std::string_view site_name);

/// The base for relative links: <base href> resolved against `page_url`.
std::string base_url(const Dom& dom, const std::string& page_url);

/// Fills every Article field except text, language, source_links and the
/// times; the page's date strings go to `dates` for settle_dates (dates.h),
/// which needs the body's shown date too. `html_lang` receives the declared
/// language (<html lang>, Content-Language, og:locale).
void fill_metadata(const Dom& dom, const MetaTags& meta, const JsonLd& ld,
                   const std::string& page_url, const std::string& base, Article& article,
                   PageDates& dates, std::string& html_lang);

}  // namespace tidings::extract_detail
