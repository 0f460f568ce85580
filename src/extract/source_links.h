// Links by which a page credits an original source (core/types.h
// SourceLink): "Source link" / "Original article" / "via X" anchors, links in
// a "Source: ..." or "Originally published by ..." line (removed from the
// text or not), links to another site in a "Read more at X" / "Read the full
// story at X" / "Continue reading at X" line, <link rel="original-source"> and <meta
// name="original-source"|"syndication-source"> (kind "meta"), and a
// canonical URL on another site (kind "canonical"). Only http(s) URLs; each
// URL once, at most 64. A link to an agency's site, or whose text is an agency's name,
// carries the agency (agencies.h). Then the credits written in the text,
// datelines and credit phrases (text_credits.h), except a credit naming what
// a link already names.
#pragma once

#include <string>
#include <vector>

#include "core/types.h"
#include "extract/dom.h"
#include "extract/metadata.h"

namespace tidings::extract_detail {

/// `roots` and `paragraphs` are the content's elements and the article's
/// paragraphs (content.h, paragraphs.h), where credits are looked for.
std::vector<SourceLink> find_source_links(const Dom& dom, const MetaTags& meta,
                                          const std::string& base, const std::string& page_url,
                                          const std::string& canonical_url,
                                          const std::vector<int32_t>& roots,
                                          const std::vector<std::string>& paragraphs);

/// The host without "www.", "m.", "amp." and "mobile." in front.
std::string site_host(const std::string& url);

}  // namespace tidings::extract_detail
