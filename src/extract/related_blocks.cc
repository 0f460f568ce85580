// Teaser grids and related-story lists (see related_blocks.h).
#include "extract/related_blocks.h"

#include <string>
#include <string_view>

#include "extract/text_ops.h"

namespace tidings::extract_detail {

namespace {

// The first class name ("fundo postbox post-7816" -> "fundo"): cards of
// one list share it while their other classes name each post.
std::string_view first_class(std::string_view cls) {
  size_t b = 0;
  while (b < cls.size() && (cls[b] == ' ' || cls[b] == '\t' || cls[b] == '\n')) ++b;
  size_t e = b;
  while (e < cls.size() && cls[e] != ' ' && cls[e] != '\t' && cls[e] != '\n') ++e;
  return cls.substr(b, e - b);
}

// A heading followed by a run of teaser cards: "More stories", "You may
// like these posts", "Most popular" blocks, whatever their language. The
// cards are three or more siblings of one tag and first class, each short
// and holding a link or an image, and they carry most of the block's text.
}  // namespace

bool is_teaser_block(const Dom& dom, int32_t i) {
  const Node& n = dom.nodes[i];
  int32_t first = -1;  // the first child with text
  for (int32_t c = i + 1; c < n.end; c = dom.nodes[c].end) {
    if (dom.nodes[c].all.chars > 0) {
      first = c;
      break;
    }
  }
  if (first < 0) return false;
  const Node& head = dom.nodes[first];
  if (!is_heading(head.tag) && !(head.all.headings > 0 && head.all.chars <= 80)) return false;
  int32_t cards = 0, card_chars = 0, rest_chars = 0;
  Tag card_tag = Tag::kOther;
  std::string_view card_class;
  for (int32_t c = head.end; c < n.end; c = dom.nodes[c].end) {
    const Node& k = dom.nodes[c];
    if (k.flags & kInRemoved) continue;
    const bool card_like = (k.tag == Tag::kDiv || k.tag == Tag::kArticle || k.tag == Tag::kLi ||
                            k.tag == Tag::kSection || k.tag == Tag::kCustom) &&
                           k.all.chars < 1000 && !first_class(k.cls).empty() &&
                           (k.all.images > 0 || k.all.link_chars * 10 >= k.all.chars);
    if (card_like && cards == 0) {
      card_tag = k.tag;
      card_class = first_class(k.cls);
    }
    if (card_like && k.tag == card_tag && first_class(k.cls) == card_class) {
      ++cards;
      card_chars += k.all.chars;
    } else {
      rest_chars += k.all.chars;
    }
  }
  return cards >= 3 && card_chars >= 3 * rest_chars;
}


namespace {

// Openings of a heading that announces other pages.
constexpr std::string_view kRelatedHeadings[] = {
    "more ", "related", "read more", "read also", "also read", "see also", "you may also like",
    "you might also like", "you may like", "recommended", "most read", "most popular",
    "popular ", "trending", "don't miss", "don\xE2\x80\x99t miss", "latest news", "top stories",
    "leia tamb\xC3\xA9m", "veja tamb\xC3\xA9m", "leia mais", "lesen sie auch", "mehr zum thema",
    "lee tambi\xC3\xA9n", "te puede interesar", "leggi anche", "potrebbe interessarti",
    "lire aussi", "\xC3\xA0 lire aussi", "baca juga",
    "\xD1\x87\xD0\xB8\xD1\x82\xD0\xB0\xD0\xB9\xD1\x82\xD0\xB5 \xD1\x82\xD0\xB0\xD0\xBA\xD0\xB6\xD0\xB5",  // читайте также
};

bool announces_other_pages(const Dom& dom, int32_t i) {
  const Node& n = dom.nodes[i];
  const bool heading_like = is_heading(n.tag) || ((n.tag == Tag::kDiv || n.tag == Tag::kP) &&
                                                  !(n.flags & kHasBlockChild));
  if (!heading_like || n.all.chars == 0 || n.all.chars > 60) return false;
  const std::string text = inner_text(n.xml, 240);
  const std::string_view start = skip_leading_marks(text);
  for (std::string_view h : kRelatedHeadings) {
    if (starts_with_ci(start, h)) return true;
  }
  return false;
}

// A list whose every item with text holds a link.
bool is_link_list(const Dom& dom, int32_t i) {
  const Node& n = dom.nodes[i];
  if ((n.tag != Tag::kUl && n.tag != Tag::kOl) || n.all.chars == 0 || n.all.chars > 2000) {
    return false;
  }
  int32_t items = 0;
  for (int32_t c = i + 1; c < n.end; c = dom.nodes[c].end) {
    const Node& li = dom.nodes[c];
    if (li.all.chars == 0) continue;
    if (li.all.link_chars == 0) return false;
    ++items;
  }
  return items >= 2;
}

void mark_subtree(Dom& dom, int32_t i) {
  for (int32_t k = i; k < dom.nodes[i].end; ++k) dom.nodes[k].flags |= kBoilerplate;
}

}  // namespace

void mark_related_lists(Dom& dom) {
  for (int32_t i = 0; i < static_cast<int32_t>(dom.nodes.size()); ++i) {
    const Node& n = dom.nodes[i];
    if ((n.flags & (kInRemoved | kBoilerplate)) || n.parent < 0 || n.all.chars == 0 ||
        n.all.chars > 60 || !announces_other_pages(dom, i)) {
      continue;
    }
    // The next sibling with text.
    int32_t next = -1;
    for (int32_t c = n.end; c < dom.nodes[n.parent].end; c = dom.nodes[c].end) {
      if (dom.nodes[c].all.chars > 0) {
        next = c;
        break;
      }
    }
    if (next < 0 || !is_link_list(dom, next)) continue;
    bool named = false;
    for (int32_t k = next; k < dom.nodes[next].end && !named; ++k) {
      named = (dom.nodes[k].flags & kBodyHint) != 0;
    }
    if (named) continue;
    mark_subtree(dom, i);
    mark_subtree(dom, next);
  }
}

}  // namespace tidings::extract_detail
