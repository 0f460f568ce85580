// Pieces of the feed parser (feed.h) shared between its files. Private to
// collect.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "collect/feed.h"
#include "core/error.h"
#include "core/time.h"

namespace tidings::feed {

// Dates (feed_dates.cc). Each accepts one family; parse_feed_date tries all.
std::optional<Instant> parse_rfc822_date(std::string_view text);  ///< also asctime, perforce
std::optional<Instant> parse_w3dtf_date(std::string_view text);   ///< RFC 3339 / W3C-DTF
std::optional<Instant> parse_iso8601_date(std::string_view text); ///< looser ISO 8601 forms

/// Bytes -> UTF-8 (feed_encoding.cc). `encoding` is the lower-case name
/// the bytes were read as; `problem` the charset trouble found, if any.
struct FeedText {
  std::string converted;  ///< the UTF-8 text when conversion was needed
  std::string_view utf8;  ///< the text: the input itself or `converted`
  std::string encoding;
  std::string problem;
};
Result<FeedText> decode_feed_bytes(std::string_view bytes, std::string_view content_type);

/// XML feeds and sitemaps (feed_xml.cc). Fails only when the root element
/// is not one of ours, or nothing parses at all.
Result<ParsedFeed> parse_xml_feed(std::string_view utf8, const FeedParseOptions& options);

/// JSON Feed 1.0 / 1.1 (feed_json.cc).
Result<ParsedFeed> parse_json_feed(std::string_view utf8, const FeedParseOptions& options);

/// Plain-text sitemaps: one URL per line (sitemap.cc). nullopt when the
/// text is not such a list.
std::optional<ParsedFeed> parse_text_sitemap(std::string_view utf8, const FeedParseOptions& options);

/// Longest string kept in any one field; longer values are cut (bozo).
inline constexpr size_t kMaxFieldBytes = 1u << 20;

/// Sets bozo with `message` unless a problem was already recorded.
inline void set_bozo(ParsedFeed& feed, std::string message) {
  if (!feed.bozo) {
    feed.bozo = true;
    feed.bozo_message = std::move(message);
  }
}

/// `html` with relative href/src/cite/poster/longdesc/background attribute
/// values resolved against `base` (feedparser resolves them too), so links
/// in summaries and content work out of context (feed_html_urls.cc). The
/// result goes to `out`; false (and `out` untouched) when nothing changed.
bool resolve_html_urls(std::string_view html, std::string_view base, std::string& out);

/// resolve_url(base, ref) (core/url.h), without libcurl for the usual
/// clean http(s) URLs (feed_urls.cc): RFC 3986 resolution and the same
/// normalisation ("" path -> "/", dot segments removed).
std::string resolve_link(std::string_view base, std::string_view ref);

/// Whether `ref` starts with a URI scheme ("http:", "tag:", "urn:").
bool has_scheme(std::string_view ref);

/// "text" without leading/trailing XML whitespace.
std::string_view trim_space(std::string_view text);

/// "Name <a@b>", "a@b (Name)", "Name" -> a person (RSS author, managingEditor).
FeedPerson parse_person(std::string_view text);

}  // namespace tidings::feed
