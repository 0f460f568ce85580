// Links by which a page credits an original source (core/types.h
// SourceLink): "Source link" / "Original article" / "via X" anchors, links in
// a "Source: ..." or "Originally published by ..." line (removed from the
// text or not), links to another site in a "Read more at X" / "Read the full
// story at X" / "Continue reading at X" line, <link rel="original-source"> and <meta
// name="original-source"|"syndication-source"> (kind "meta"), and a
// canonical URL on another site (kind "canonical"). Only http(s) URLs; each
// URL once.
#pragma once

#include <string>
#include <vector>

#include "core/types.h"
#include "extract/dom.h"
#include "extract/metadata.h"

namespace tidings::extract_detail {

std::vector<SourceLink> find_source_links(const Dom& dom, const MetaTags& meta,
                                          const std::string& base, const std::string& page_url,
                                          const std::string& canonical_url);

/// The host without "www.", "m.", "amp." and "mobile." in front.
std::string site_host(const std::string& url);

}  // namespace tidings::extract_detail
