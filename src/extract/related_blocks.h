// Blocks that send the reader to other pages rather than tell the story:
// teaser grids under a heading, and link lists under a "More stories" /
// "Related" / "Read also" heading. Recognised by structure (a heading,
// repeated cards, links in every item) and, for the lists, by the heading's
// wording in a few languages; never by one site's markup.
#pragma once

#include <cstdint>

#include "extract/dom.h"

namespace tidings::extract_detail {

/// True when element `i` is a heading followed by three or more teaser
/// cards: siblings of one tag and first class, each under 1,000
/// characters with a picture or a link carrying a tenth of its text,
/// together at least three quarters of the rest of the block's text.
bool is_teaser_block(const Dom& dom, int32_t i);

/// Sets kBoilerplate on each short heading that announces other stories
/// ("More Great Stories", "Related", "Read also", "Leia também", ...) and
/// on the list right after it when every item of that list holds a link.
/// Lists holding a named body are left alone.
void mark_related_lists(Dom& dom);

}  // namespace tidings::extract_detail
