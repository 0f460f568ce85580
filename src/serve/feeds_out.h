// Feeds out: tidings republishes its stories as Atom 1.0 (RFC 4287) and
// JSON Feed 1.1 (https://jsonfeed.org/version/1.1), every entry linking the
// original article and naming the outlets that carried it. The renderers
// are pure functions over a generic list of entries; the handlers
// (feeds_out_handlers.cc) build the entries from the store. Private to
// src/serve; routes and formats in docs/api.md "Feeds".
//
// Escaping: every string passes through xml_text (Atom) or nlohmann (JSON
// Feed) after invalid UTF-8 became U+FFFD and the characters XML 1.0 forbids
// were dropped; HTML content is built with html.h's escape_html and then
// escaped again as XML text (type="html"), never as CDATA. Only absolute
// http(s) URLs are ever emitted as links.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/time.h"
#include "serve/handlers.h"
#include "store/stories.h"

namespace tidings::serve {

/// An outlet that carried an entry: its name and its article.
struct FeedOutlet {
  std::string name;
  std::string url;  ///< the outlet's article; shown as a link only when http(s)
  std::optional<Instant> published_at;
  bool copy = false;  ///< a copy of the entry's original
};

/// One entry of a feed, whatever it stands for (a story, an article).
struct FeedEntry {
  std::string id;  ///< a stable URI (tag:, RFC 4151)
  std::string title;
  std::string url;          ///< the original article (alternate link), http(s) or dropped
  std::string related_url;  ///< tidings' own page about it (absolute), or ""
  std::string summary;      ///< plain text
  std::optional<Instant> published;
  Instant updated{};
  std::vector<std::string> authors;            ///< the original's outlet, then its byline's names
  std::vector<FeedOutlet> outlets;             ///< who carried it, the original first
  std::string outlets_heading = "Carried by";  ///< "Also carried by" in a story's feed
};

/// What describes the feed itself.
struct FeedMeta {
  std::string id;  ///< a stable URI: the feed's own absolute URL
  std::string title;
  std::string subtitle;
  std::string self_url;   ///< this document's absolute URL
  std::string home_url;   ///< the HTML page it mirrors (absolute)
  std::string other_url;  ///< the same feed in the other format (absolute), or ""
  Instant updated{};
};

/// Text made safe for XML 1.0: invalid UTF-8 becomes U+FFFD; characters
/// outside the Char production (C0 controls other than tab, LF, CR;
/// U+FFFE, U+FFFF) are dropped. Not escaped.
std::string xml_clean(std::string_view text);
/// xml_clean, then & < > " ' as entities: fit for text and attributes.
std::string xml_text(std::string_view text);

/// The Atom 1.0 document (application/atom+xml).
std::string render_atom(const FeedMeta& meta, const std::vector<FeedEntry>& entries);
/// The JSON Feed 1.1 document (application/feed+json). Outlets are listed in
/// content_html and content_text and in the item extension `_tidings`.
std::string render_json_feed(const FeedMeta& meta, const std::vector<FeedEntry>& entries);
/// The HTML an entry's content carries: its summary and the outlets, each
/// with a link to its article when that is http(s). Escaped HTML.
std::string entry_content_html(const FeedEntry& entry);
/// The same as plain text.
std::string entry_content_text(const FeedEntry& entry);

// --- the handlers (feeds_out_handlers.cc) ---

enum class FeedFormat { kAtom, kJson };
inline constexpr std::string_view kAtomType = "application/atom+xml; charset=utf-8";
inline constexpr std::string_view kJsonFeedType = "application/feed+json; charset=utf-8";

/// Where the feeds live: absolute URLs need the public base URL.
struct FeedSite {
  std::string base_url;  ///< "http://127.0.0.1:8080", no trailing slash
};

/// Checks and normalises a public base URL: an absolute http(s) URL without
/// query or fragment; the trailing slash removed. kInvalidInput otherwise.
Result<std::string> normalize_base_url(std::string_view url);
/// "tag:HOST,YYYY-MM-DD:SPECIFIC" (RFC 4151) with the base URL's host
/// ("tidings.invalid" when the host is not a DNS name) and `date`'s day.
std::string tag_uri(const FeedSite& site, Instant date, std::string_view specific);

/// The latest stories (limit 1..100, default 30).
inline constexpr int kDefaultFeedLimit = 30;
inline constexpr int kMaxFeedLimit = 100;
/// A story feed's entries: its originals, the newest kMaxStoryFeedEntries.
inline constexpr size_t kMaxStoryFeedEntries = 200;

/// GET /feeds/stories.atom|.json[?limit=N]: one entry per story, linking
/// the original that first reported it and listing every outlet.
Reply feed_stories(Store& store, const FeedSite& site, const QueryParams& params, FeedFormat format,
                   std::string_view if_none_match);
/// GET /feeds/stories/{id}.atom|.json: one entry per original article of
/// the story, its copies folded under it as "also carried by".
Reply feed_story(Store& store, const FeedSite& site, std::string_view id_text, FeedFormat format,
                 std::string_view if_none_match);

/// What a saved search's feed needs from the search module: the hits for a
/// query, best first, at most `limit`; kInvalidInput for a bad query.
using SearchHitsFn =
    std::function<Result<std::vector<ArticleRef>>(std::string_view query, int limit)>;
/// Query strings longer than this are a 400.
inline constexpr size_t kMaxFeedQueryBytes = 1000;
/// GET /feeds/search.atom|.json?q=Q[&limit=N]: one entry per hit (an
/// article), linking it and listing its original and copies. `find_hits`
/// runs the search; q missing, empty or too long is a 400.
Reply feed_search(Store& store, const FeedSite& site, const QueryParams& params, FeedFormat format,
                  std::string_view if_none_match, const SearchHitsFn& find_hits);
/// The same from hits found already (entries in the hits' order).
Reply feed_search_hits(Store& store, const FeedSite& site, std::string_view query,
                       const std::vector<ArticleRef>& hits, FeedFormat format,
                       std::string_view if_none_match);

}  // namespace tidings::serve
