// The article's text: the chosen elements turned into paragraphs (block
// elements break paragraphs, whitespace collapses within them), with
// Readability-style conditional cleaning of link lists, forms and
// near-empty blocks, and aggregator credit lines left out.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/dom.h"

namespace tidings::extract_detail {

/// Paragraphs of the elements `roots` (from choose_content), in order.
std::vector<std::string> body_paragraphs(const Dom& dom, const std::vector<int32_t>& roots);

/// True for a paragraph that credits or frames the article rather than
/// telling it: "Source link", "This news has been collected from reliable
/// news agencies...", "Click to enter the source", "Read more", "Share:",
/// "The post X appeared first on Y", copyright lines. `chars` and
/// `link_chars` are the paragraph's visible characters and those inside
/// links.
bool is_credit_paragraph(std::string_view text, int32_t chars, int32_t link_chars);

}  // namespace tidings::extract_detail
