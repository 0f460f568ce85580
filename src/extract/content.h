// Main-content selection: which elements hold the article's body. Boilerplate
// is decided by class/id with the text it would remove in view (a wrapper
// of most of the page's text is never boilerplate); paragraphs are scored as
// Readability.js does (length, commas, propagated to ancestors, damped by
// link density) and a container named as an article body (itemprop=
// articleBody, .entry-content, ...) wins when it holds enough of that text.
#pragma once

#include <cstdint>
#include <vector>

#include "extract/dom.h"

namespace tidings::extract_detail {

/// Sets kBoilerplate on boilerplate subtrees and fills Node::kept.
void mark_boilerplate(Dom& dom);

/// The elements whose text is the article, in document order: one container
/// and, as Readability does, the siblings that score like it. Empty when
/// the page has no text. Call after mark_boilerplate.
std::vector<int32_t> choose_content(const Dom& dom);

}  // namespace tidings::extract_detail
