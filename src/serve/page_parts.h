// Pieces shared by the page files (pages.cc, story_pages.cc): the page
// layout, number words and the story blocks other pages embed. Private to
// src/serve; every value goes through html.h.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "store/stories.h"

namespace tidings::serve {

/// The whole HTML document around `main_html`: head, site header, footer.
std::string layout(std::string_view title, const std::string& main_html);
/// "1,234".
std::string with_thousands(int64_t n);
/// "1 article", "3 articles".
std::string plural(int64_t n, std::string_view one, std::string_view many);

/// The stories as an <ol class="items">: headline, outlets and articles,
/// first report and time span (story_pages.cc).
std::string story_items_html(const std::vector<Story>& stories);
/// The article page's box: copy of..., N copies (folded), its story and
/// its first report; "" when the store knows none of these.
std::string relations_box_html(const ArticleRelations& relations);
/// The coverage over time as an inline SVG bar chart with its axis times.
std::string coverage_chart_html(const Coverage& coverage);

}  // namespace tidings::serve
