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

/// Removes what repeats the article's head rather than telling it: a
/// paragraph among the first few that is the title again, and a short
/// "By NAME and NAME" byline line.
void drop_head_repeats(std::vector<std::string>& paragraphs, std::string_view title);

/// True for a paragraph that credits or frames the article rather than
/// telling it: "Source link", "This news has been collected from reliable
/// news agencies...", "Click to enter the source", "Read more", "Share:",
/// "The post X appeared first on Y", copyright lines. `chars` and
/// `link_chars` are the paragraph's visible characters and those inside
/// links.
bool is_credit_paragraph(std::string_view text, int32_t chars, int32_t link_chars);

/// True for a line in the article's container that is not the story:
/// "Related: ...", "Sign up for our newsletter", "Reporting by ...; Editing
/// by ...", "Follow us on ...", "5 min read", "Image 1 of 5", "12 Comments",
/// a lone e-mail address, or a short line that is all link (another
/// page's headline). Same arguments as is_credit_paragraph.
bool is_boilerplate_line(std::string_view text, int32_t chars, int32_t link_chars);

}  // namespace tidings::extract_detail
