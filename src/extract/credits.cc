// Credit and footer lines inside article bodies (see paragraphs.h
// is_credit_paragraph): recognised by their words, their length and how much
// of them is a link, not by any one site's wording.
#include <string>

#include "extract/paragraphs.h"
#include "extract/text_ops.h"

namespace tidings::extract_detail {

namespace {

// Anywhere in a short paragraph.
constexpr std::string_view kCreditPhrases[] = {
    "collected from reliable", "click to enter the source", "enter the source",
    "has been collected from", "appeared first on", "all rights reserved",
    "read the original article", "read the original", "click here to read",
};

// At the start of a short paragraph.
constexpr std::string_view kCreditOpenings[] = {
    "source link", "read more", "read also", "also read", "continue reading",
    "read full story", "read the full story", "original article", "share:", "share this",
    "share on", "copyright", "\xC2\xA9", "(c) ",
};

// Words that make a mostly-link line a credit.
constexpr std::string_view kLinkCreditWords[] = {"source", "original", "via", "read more",
                                                 "full story", "continue"};

bool contains_any(std::string_view text, const std::string_view* words, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    if (contains_ci(text, words[i])) return true;
  }
  return false;
}

}  // namespace

bool is_credit_paragraph(std::string_view text, int32_t chars, int32_t link_chars) {
  const size_t words = word_count(text);
  if (words > 40) return false;
  if (words <= 30 && contains_any(text, kCreditPhrases, std::size(kCreditPhrases))) return true;
  // Openings may follow a dash or a bullet: "\u2014 Source: X", "\u25BA Read more".
  const std::string_view start = skip_leading_marks(text);
  if (words <= 15) {
    for (std::string_view opening : kCreditOpenings) {
      if (starts_with_ci(text, opening) || starts_with_ci(start, opening)) return true;
    }
  }
  // "Source: <a>Agency</a>", "via <a>Site</a>": a label and mostly a link.
  const bool labelled = starts_with_ci(start, "source:") || starts_with_ci(start, "sources:") ||
                        starts_with_ci(start, "via:") || starts_with_ci(start, "via ");
  if (labelled && words <= 12 && link_chars * 2 >= chars) return true;
  // "Tags: a, b, c" as links.
  if ((starts_with_ci(text, "tags") || starts_with_ci(text, "topics")) && link_chars * 2 >= chars) {
    return true;
  }
  if (words <= 8 && chars > 0 && link_chars * 10 >= chars * 8 &&
      contains_any(text, kLinkCreditWords, std::size(kLinkCreditWords))) {
    return true;
  }
  return false;
}

}  // namespace tidings::extract_detail
