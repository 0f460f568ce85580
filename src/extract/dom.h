// The page as the extractor sees it: libxml2's element tree flattened into
// one vector in document order, with per-element tag, class/id verdict and
// text statistics summed over each subtree. Every pass over it is a loop,
// never a recursion, so deep or huge pages cost linear time and no stack.
#pragma once

#include <libxml/tree.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tidings::extract_detail {

enum class Tag : uint8_t {
  kOther, kCustom,  // unknown tags; kCustom has a '-' (custom elements)
  kHtml, kHead, kBody, kTitle, kMeta, kLink, kBase,
  kScript, kStyle, kNoscript, kTemplate, kSvg, kMath, kIframe, kObject, kEmbed, kCanvas,
  kVideo, kAudio, kForm, kInput, kButton, kSelect, kTextarea, kOption, kLabel,
  kNav, kHeader, kFooter, kAside, kMain, kArticle, kSection, kDiv, kP, kSpan, kA, kBr, kHr,
  kImg, kPicture, kFigure, kFigcaption, kH1, kH2, kH3, kH4, kH5, kH6,
  kUl, kOl, kLi, kDl, kDt, kDd, kBlockquote, kPre, kCode, kTable, kThead, kTbody, kTfoot,
  kTr, kTd, kTh, kCaption, kAddress, kTime, kDetails, kSummary, kDialog, kMenu, kFieldset,
  kCenter, kInline,  // kInline: b, i, em, strong, font, small, ... (phrasing content)
};

Tag tag_of(const xmlNode* n);
bool is_heading(Tag t);
/// Elements whose start and end break the text into paragraphs.
bool is_block(Tag t);

enum NodeFlag : uint32_t {
  kRemovedTag = 1u << 0,    // script, style, nav, ... (never content)
  kHidden = 1u << 1,        // hidden attribute, display:none
  kInRemoved = 1u << 2,     // self or an ancestor is kRemovedTag/kHidden
  kInLink = 1u << 3,        // inside an <a href>
  kNegativeClass = 1u << 4, // class/id look like boilerplate
  kPositiveClass = 1u << 5, // class/id look like content
  kStrongNegative = 1u << 6,// boilerplate even when positive too ("related-content")
  kBodyHint = 1u << 7,      // class/id/itemprop name an article body
  kBoilerplate = 1u << 8,   // decided: left out of content (self or ancestor)
  kHasBlockChild = 1u << 9,
};

/// Text statistics of a subtree; characters are non-space code points.
struct TextStats {
  int32_t chars = 0;
  int32_t link_chars = 0;
  int32_t commas = 0;
  int32_t paragraphs = 0;  // p, pre, blockquote elements
  int32_t images = 0;
  int32_t list_items = 0;
  int32_t inputs = 0;
  int32_t embeds = 0;
  int32_t headings = 0;

  void add(const TextStats& o) {
    chars += o.chars;
    link_chars += o.link_chars;
    commas += o.commas;
    paragraphs += o.paragraphs;
    images += o.images;
    list_items += o.list_items;
    inputs += o.inputs;
    embeds += o.embeds;
    headings += o.headings;
  }
  double link_density() const { return chars > 0 ? double(link_chars) / chars : 0.0; }
};

struct Node {
  xmlNode* xml = nullptr;
  int32_t parent = -1;
  int32_t end = 0;    // one past the last descendant's index
  int32_t depth = 0;
  Tag tag = Tag::kOther;
  uint32_t flags = 0;
  int32_t class_weight = 0;  // readability's class weight: ±25 for class, ±25 for id
  std::string_view cls, id;
  int32_t own_chars = 0;     // direct text children
  int32_t own_commas = 0;
  TextStats all;   // subtree, without removed/hidden parts
  TextStats kept;  // subtree, without boilerplate either
};

/// The flattened page. Indices in `nodes` are document order; a subtree is
/// the range [i, nodes[i].end). Node::xml->_private holds index + 1.
struct Dom {
  std::vector<Node> nodes;
  int32_t body = -1;
  // Elements the metadata and link passes want, in document order.
  std::vector<int32_t> metas, links, scripts, titles, headings1, times, anchors, bases;

  bool has(const Node& n, uint32_t flag) const { return (n.flags & flag) != 0; }
  bool is_ancestor(int32_t a, int32_t d) const { return a <= d && d < nodes[a].end; }
};

/// Builds the flattened tree from the root element of `doc`.
Dom build_dom(xmlDoc* doc);

/// Index of an element's Node, or -1 (text nodes, foreign nodes).
int32_t node_index(const xmlNode* n);

/// The value of attribute `name` (lower case), or "" — a view into the tree.
std::string_view attr(const xmlNode* n, const char* name);
bool has_attr(const xmlNode* n, const char* name);

/// Content of a text or CDATA node.
std::string_view node_text(const xmlNode* n);

/// All text under `n` (scripts and styles skipped), whitespace collapsed,
/// cut after about `max_bytes`.
std::string inner_text(const xmlNode* n, size_t max_bytes = 4096);

/// Raw concatenated text children of `n` (for <script> and <title>).
std::string raw_text(const xmlNode* n, size_t max_bytes);

/// Calls enter(node) for every node below `root` in document order (not root
/// itself); enter returns false to skip the node's children. leave(element)
/// follows the children of each element whose enter returned true.
/// Iterative: no recursion however deep the tree.
template <typename Enter, typename Leave>
void walk(const xmlNode* root, Enter&& enter, Leave&& leave) {
  const xmlNode* n = root->children;
  while (n != nullptr) {
    const bool descend = enter(n) && n->type == XML_ELEMENT_NODE;
    if (descend && n->children != nullptr) {
      n = n->children;
      continue;
    }
    if (descend) leave(n);
    while (n->next == nullptr) {
      n = n->parent;
      if (n == nullptr || n == root) return;
      leave(n);
    }
    n = n->next;
  }
}

}  // namespace tidings::extract_detail
