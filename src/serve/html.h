// HTML building blocks for the web UI: escaping, safe external links, times
// and paragraphs. Every string that came from a page goes through these;
// nothing here trusts its input (DESIGN.md "Trust").
#pragma once

#include <string>
#include <string_view>

#include "core/time.h"

namespace tidings::serve {

/// Escapes & < > " ' for text and double-quoted attribute values, replaces
/// invalid UTF-8 with U+FFFD and drops C0 controls other than tab and
/// newline (and DEL), so the output is well-formed UTF-8 HTML text.
std::string escape_html(std::string_view text);

/// `<a href="url" rel="noopener noreferrer nofollow">text</a>` when `url` is
/// an absolute http(s) URL (core/url.h is_http_url); otherwise the URL (or
/// `text`) as plain escaped text in a `<span class="unlinked">`, so
/// `javascript:` and `data:` URLs are visible but never clickable. An empty
/// `text` shows the URL itself.
std::string external_link(std::string_view url, std::string_view text = {});

/// `<time datetime="2023-11-01T18:40:00Z">2023-11-01 18:40 UTC</time>`.
std::string time_element(Instant t);

/// "2023-11-01 18:40 UTC".
std::string format_display_time(Instant t);

/// The text as `<p>` elements: paragraphs are separated by blank lines;
/// line breaks inside a paragraph become spaces; empty paragraphs vanish.
std::string paragraphs_html(std::string_view text);

/// At most `max_bytes` of `text` (whitespace collapsed), cut at a word
/// boundary when one is near and never inside a UTF-8 sequence, with "…"
/// appended when cut. Not escaped.
std::string excerpt(std::string_view text, size_t max_bytes);

/// True for a plausible BCP 47 language tag ("en", "pt-BR"): letters,
/// digits and '-', at most 35 characters. Only such values become `lang`
/// attributes.
bool is_language_tag(std::string_view tag);

}  // namespace tidings::serve
