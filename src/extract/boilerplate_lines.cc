// Lines inside an article's container that are not the story (see
// paragraphs.h is_boilerplate_line): promotions of other pages, newsletter
// and follow-us prompts, reporting and editing credits, reading times,
// image counters, comment-section labels, related headlines set as bare
// links. Recognised by wording families and by being nearly all link, never
// by one site's text.
#include <cctype>
#include <string>

#include "extract/paragraphs.h"
#include "extract/text_ops.h"

namespace tidings::extract_detail {

namespace {

// At the start of a line of at most 30 words (after any bullet or dash);
// phrases that no story sentence starts with.
constexpr std::string_view kOpenings[] = {
    "related:", "[related", "related stories", "related articles", "related coverage",
    "related content", "related news", "also read", "see also:", "don't miss",
    "don\xE2\x80\x99t miss", "you may also like", "you might also like", "recommended:",
    "recommended for you", "like this story", "like this article", "reporting by",
    "editing by", "additional reporting", "writing by", "follow us", "have a tip",
    "image 1 of", "sign up for our", "subscribe to our", "subscribe now",
    "join the conversation", "leave a comment", "tell us what you think",
    "this slideshow requires", "this article originally appeared", "if you enjoyed this",
    "twitter.com/", "facebook.com/", "instagram.com/",
};

// The same for openings a sentence could start with, at most 12 words:
// "More: ...", "Filed under: Politics", "Posted in News".
constexpr std::string_view kShortOpenings[] = {
    "more:", "also:", "also see", "more from", "filed under", "posted in", "get the latest",
};

// At the start of a short line holding a date or a time: "Updated at 1:23
// p.m.", "Posted on March 30, 2015 by Admin".
constexpr std::string_view kDatedOpenings[] = {"updated", "posted on", "published on",
                                               "last updated", "posted at", "published at"};

// A counter over a gallery: "Image 2 of 5", "Photo 3 of 12".
constexpr std::string_view kCounterWords[] = {"image ", "photo ", "slide ", "picture "};

// Social networks: "Follow Newsbeat on Instagram, Facebook and Twitter".
constexpr std::string_view kNetworks[] = {"twitter", "facebook", "instagram", "youtube",
                                          "linkedin", "tiktok"};

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

template <size_t N>
bool any_opening(std::string_view text, std::string_view start,
                 const std::string_view (&openings)[N]) {
  for (std::string_view o : openings) {
    if (starts_with_ci(text, o) || starts_with_ci(start, o)) return true;
  }
  return false;
}

template <size_t N>
bool any_phrase(std::string_view lower, const std::string_view (&words)[N]) {
  for (std::string_view w : words) {
    if (lower.find(w) != std::string_view::npos) return true;
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

bool has_digit(std::string_view s) {
  for (char c : s) {
    if (c >= '0' && c <= '9') return true;
  }
  return false;
}

// "Image 2 of 5": a counter word, digits, "of", digits, nothing else.
bool is_gallery_counter(std::string_view s) {
  for (std::string_view w : kCounterWords) {
    if (!starts_with_ci(s, w)) continue;
    size_t i = w.size();
    size_t digits = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++digits;
    if (digits == 0 || !starts_with_ci(s.substr(i), " of ")) return false;
    i += 4;
    digits = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++digits;
    return digits > 0 && i == s.size();
  }
  return false;
}

// "moderated", "moderating", "moderator", "moderador", "moderação",
// "moderazione": the moderation of comments, not the adjective "moderate".
// `lower` is lower case.
bool mentions_moderation(std::string_view lower) {
  for (size_t at = lower.find("modera"); at != std::string_view::npos;
       at = lower.find("modera", at + 1)) {
    size_t e = at + 6;
    while (e < lower.size() && (std::isalpha(static_cast<unsigned char>(lower[e])) ||
                                static_cast<unsigned char>(lower[e]) >= 0x80)) {
      ++e;
    }
    const std::string_view rest = lower.substr(at + 6, e - at - 6);
    if (rest != "te" && rest != "tes" && rest != "tely") return true;
  }
  return false;
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
  if ((words <= 30 || link_chars * 2 >= chars) && any_opening(text, start, kOpenings)) {
    return true;
  }
  if ((words <= 12 || link_chars * 2 >= chars) && any_opening(text, start, kShortOpenings)) {
    return true;
  }
  // Lower case once; the phrase lists are lower case (plain find, memchr).
  const std::string lower = to_lower_ascii(text);
  if (words <= 35 && any_phrase(lower, kPhrases)) return true;
  if (words <= 8 && any_phrase(lower, kReadingTime)) return true;
  if (is_lone_email(start)) return true;
  // An unrendered shortcode: "[button link=...]Send us your review[/button]".
  if (!text.empty() && text.front() == '[' && text.back() == ']' &&
      text.find("[/") != std::string_view::npos) {
    return true;
  }
  if (words <= 5 && is_gallery_counter(bare)) return true;
  if (words <= 10 && has_digit(text)) {
    for (std::string_view o : kDatedOpenings) {
      if (starts_with_ci(start, o)) return true;
    }
  }
  // "Follow X on Instagram, Facebook, Twitter and YouTube."
  if (words <= 20 && (starts_with_ci(start, "follow ") || starts_with_ci(start, "reach ")) &&
      any_phrase(lower, kNetworks)) {
    return true;
  }
  // A comment section's notice: "we are moderating all comments".
  if (words <= 40 && mentions_moderation(lower) &&
      (lower.find("comment") != std::string::npos || lower.find("coment") != std::string::npos ||
       lower.find("kommentar") != std::string::npos)) {
    return true;
  }
  // A headline set as a bare link: another page's title, not this story.
  if (words <= 25 && link_chars * 10 >= chars * 9 && !is_web_address(start)) return true;
  return false;
}

}  // namespace tidings::extract_detail
