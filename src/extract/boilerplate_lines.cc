// Lines inside an article's container that are not the story (see
// paragraphs.h is_boilerplate_line): promotions of other pages, newsletter
// and follow-us prompts, reporting and editing credits, reading times,
// image counters, comment-section labels, related headlines set as bare
// links. Recognised by wording families and by being nearly all link, never
// by one site's text.
#include <cctype>

#include "extract/paragraphs.h"
#include "extract/text_ops.h"

namespace tidings::extract_detail {

namespace {

// At the start of a short line (after any bullet or dash).
constexpr std::string_view kOpenings[] = {
    "related:", "[related", "related stories", "related articles", "related coverage",
    "related content", "related news", "more:", "also:", "also read", "also see",
    "see also:", "don't miss", "don\xE2\x80\x99t miss", "you may also like", "you might also like",
    "recommended:", "recommended for you", "like this story", "like this article",
    "get the latest", "reporting by",
    "editing by", "additional reporting", "writing by", "follow us", "have a tip",
    "filed under", "posted in", "image 1 of", "more from", "sign up for our",
    "subscribe to our", "subscribe now", "join the conversation", "leave a comment",
    "tell us what you think", "this slideshow requires", "this article originally appeared",
};

// Anywhere in a short line.
constexpr std::string_view kPhrases[] = {
    "contributed to this report", "contributed reporting", "follow us on", "follow him on",
    "follow her on", "follow them on", "newsletters.", "newsletter delivered",
    "daily newsletter", "free newsletter", "delivered to your inbox", "right in your inbox",
};

// The whole line.
constexpr std::string_view kWholeLines[] = {
    "comments", "comment", "advertisement", "share", "share this", "print", "email",
    "related", "more", "continue reading", "read more", "show comments", "view comments",
};

// Words that say a short line is a reading time ("5 min read").
constexpr std::string_view kReadingTime[] = {"min read", "minute read", "minutes read",
                                             "reading time", "tempo de leitura",
                                             "lesezeit", "tiempo de lectura"};

bool any_opening(std::string_view text, std::string_view start) {
  for (std::string_view o : kOpenings) {
    if (starts_with_ci(text, o) || starts_with_ci(start, o)) return true;
  }
  return false;
}

template <size_t N>
bool any_phrase(std::string_view text, const std::string_view (&words)[N]) {
  for (std::string_view w : words) {
    if (contains_ci(text, w)) return true;
  }
  return false;
}

// "jane.doe@example.com" alone: a reporter's address. (A lone web address
// is kept: articles cite their sources that way.)
bool is_lone_email(std::string_view text) {
  return word_count(text) == 1 && text.find('@') != std::string_view::npos &&
         text.find('.') != std::string_view::npos;
}

bool is_web_address(std::string_view text) {
  return starts_with_ci(text, "http") || starts_with_ci(text, "www.");
}

// The line without trailing punctuation and spaces, lower case compared.
std::string_view strip_end(std::string_view s) {
  while (!s.empty() && (std::ispunct(static_cast<unsigned char>(s.back())) || s.back() == ' ')) {
    s.remove_suffix(1);
  }
  return s;
}

}  // namespace

bool is_boilerplate_line(std::string_view text, int32_t chars, int32_t link_chars) {
  const size_t words = word_count(text);
  if (words > 45 || chars <= 0) return false;
  const std::string_view start = skip_leading_marks(text);
  const std::string_view bare = strip_end(start);
  for (std::string_view w : kWholeLines) {
    if (equals_ci(bare, w)) return true;
  }
  if (words <= 3 && bare.size() < 24 && contains_ci(bare, "comment")) return true;  // "12 Comments"
  if ((words <= 30 || link_chars * 2 >= chars) && any_opening(text, start)) return true;
  if (words <= 35 && any_phrase(text, kPhrases)) return true;
  if (words <= 8 && any_phrase(text, kReadingTime)) return true;
  if (is_lone_email(start)) return true;
  // A headline set as a bare link: another page's title, not this story.
  if (words <= 25 && link_chars * 10 >= chars * 9 && !is_web_address(start)) return true;
  return false;
}

}  // namespace tidings::extract_detail
