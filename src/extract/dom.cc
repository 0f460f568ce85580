// Flattening libxml2's tree into Dom (see dom.h).
#include "extract/dom.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <unordered_map>

#include "extract/class_patterns.h"
#include "extract/text_ops.h"

namespace tidings::extract_detail {

namespace {

struct TagName {
  const char* name;
  Tag tag;
};

// Sorted by name for binary search.
constexpr TagName kTags[] = {
    {"a", Tag::kA}, {"abbr", Tag::kInline}, {"address", Tag::kAddress},
    {"article", Tag::kArticle}, {"aside", Tag::kAside}, {"audio", Tag::kAudio},
    {"b", Tag::kInline}, {"base", Tag::kBase}, {"bdi", Tag::kInline}, {"bdo", Tag::kInline},
    {"big", Tag::kInline}, {"blockquote", Tag::kBlockquote}, {"body", Tag::kBody},
    {"br", Tag::kBr}, {"button", Tag::kButton}, {"canvas", Tag::kCanvas},
    {"caption", Tag::kCaption}, {"center", Tag::kCenter}, {"cite", Tag::kInline},
    {"code", Tag::kCode}, {"dd", Tag::kDd}, {"del", Tag::kInline}, {"details", Tag::kDetails},
    {"dfn", Tag::kInline}, {"dialog", Tag::kDialog}, {"div", Tag::kDiv}, {"dl", Tag::kDl},
    {"dt", Tag::kDt}, {"em", Tag::kInline}, {"embed", Tag::kEmbed}, {"fieldset", Tag::kFieldset},
    {"figcaption", Tag::kFigcaption}, {"figure", Tag::kFigure}, {"font", Tag::kInline},
    {"footer", Tag::kFooter}, {"form", Tag::kForm}, {"h1", Tag::kH1}, {"h2", Tag::kH2},
    {"h3", Tag::kH3}, {"h4", Tag::kH4}, {"h5", Tag::kH5}, {"h6", Tag::kH6},
    {"head", Tag::kHead}, {"header", Tag::kHeader}, {"hr", Tag::kHr}, {"html", Tag::kHtml},
    {"i", Tag::kInline}, {"iframe", Tag::kIframe}, {"img", Tag::kImg}, {"input", Tag::kInput},
    {"ins", Tag::kInline}, {"kbd", Tag::kInline}, {"label", Tag::kLabel}, {"li", Tag::kLi},
    {"link", Tag::kLink}, {"main", Tag::kMain}, {"mark", Tag::kInline}, {"math", Tag::kMath},
    {"menu", Tag::kMenu}, {"meta", Tag::kMeta}, {"nav", Tag::kNav}, {"noscript", Tag::kNoscript},
    {"object", Tag::kObject}, {"ol", Tag::kOl}, {"option", Tag::kOption}, {"p", Tag::kP},
    {"picture", Tag::kPicture}, {"pre", Tag::kPre}, {"q", Tag::kInline}, {"s", Tag::kInline},
    {"samp", Tag::kInline}, {"script", Tag::kScript}, {"section", Tag::kSection},
    {"select", Tag::kSelect}, {"small", Tag::kInline}, {"span", Tag::kSpan},
    {"strike", Tag::kInline}, {"strong", Tag::kInline}, {"style", Tag::kStyle},
    {"sub", Tag::kInline}, {"summary", Tag::kSummary}, {"sup", Tag::kInline},
    {"svg", Tag::kSvg}, {"table", Tag::kTable}, {"tbody", Tag::kTbody}, {"td", Tag::kTd},
    {"template", Tag::kTemplate}, {"textarea", Tag::kTextarea}, {"tfoot", Tag::kTfoot},
    {"th", Tag::kTh}, {"thead", Tag::kThead}, {"time", Tag::kTime}, {"title", Tag::kTitle},
    {"tr", Tag::kTr}, {"tt", Tag::kInline}, {"u", Tag::kInline}, {"ul", Tag::kUl},
    {"var", Tag::kInline}, {"video", Tag::kVideo}, {"wbr", Tag::kInline},
};

// Never part of an article's text, whatever their class says.
bool is_removed_tag(Tag t) {
  switch (t) {
    case Tag::kHead: case Tag::kTitle: case Tag::kMeta: case Tag::kLink: case Tag::kBase:
    case Tag::kScript: case Tag::kStyle: case Tag::kNoscript: case Tag::kTemplate:
    case Tag::kSvg: case Tag::kMath: case Tag::kIframe: case Tag::kObject: case Tag::kEmbed:
    case Tag::kCanvas: case Tag::kVideo: case Tag::kAudio: case Tag::kInput:
    case Tag::kButton: case Tag::kSelect: case Tag::kTextarea: case Tag::kOption:
    case Tag::kNav: case Tag::kHeader: case Tag::kFooter: case Tag::kAside:
    case Tag::kDialog: case Tag::kMenu: case Tag::kFigcaption:
      return true;
    default:
      return false;
  }
}

// Raw text of these is never walked (scripts are read on demand).
bool is_opaque(Tag t) {
  return t == Tag::kScript || t == Tag::kStyle || t == Tag::kSvg || t == Tag::kMath ||
         t == Tag::kTemplate;
}

// The attributes every element is asked for, read in one pass.
struct ElementAttributes {
  std::string_view cls, id, style, itemprop;
  bool hidden = false, href = false;
};

ElementAttributes read_attributes(const xmlNode* n) {
  ElementAttributes out;
  for (const xmlAttr* a = n->properties; a != nullptr; a = a->next) {
    const char* name = reinterpret_cast<const char*>(a->name);
    std::string_view* target = nullptr;
    switch (name[0]) {
      case 'c': if (std::strcmp(name, "class") == 0) target = &out.cls; break;
      case 'i':
        if (name[1] == 'd' && name[2] == 0) target = &out.id;
        else if (std::strcmp(name, "itemprop") == 0) target = &out.itemprop;
        break;
      case 's': if (std::strcmp(name, "style") == 0) target = &out.style; break;
      case 'h':
        if (std::strcmp(name, "hidden") == 0) out.hidden = true;
        else if (std::strcmp(name, "href") == 0) out.href = true;
        break;
      default: break;
    }
    if (target != nullptr && a->children != nullptr && a->children->content != nullptr) {
      *target = reinterpret_cast<const char*>(a->children->content);
    }
  }
  return out;
}

bool is_hidden(const ElementAttributes& a) {
  if (a.hidden) return true;
  if (a.style.empty()) return false;
  return contains_ci(a.style, "display:none") || contains_ci(a.style, "display: none") ||
         contains_ci(a.style, "visibility:hidden") || contains_ci(a.style, "visibility: hidden");
}

// Class strings repeat across a page ("item", "col-md-4"); judge each once.
class VerdictCache {
 public:
  const ClassVerdict& get(std::string_view value) {
    if (value.empty()) return empty_;
    auto it = cache_.find(value);
    if (it == cache_.end()) it = cache_.emplace(value, classify_value(value)).first;
    return it->second;
  }

 private:
  ClassVerdict empty_;
  std::unordered_map<std::string_view, ClassVerdict> cache_;
};

void count_element(Node& node) {
  switch (node.tag) {
    case Tag::kP: case Tag::kPre: case Tag::kBlockquote: node.all.paragraphs = 1; break;
    case Tag::kImg: node.all.images = 1; break;
    case Tag::kLi: node.all.list_items = 1; break;
    case Tag::kInput: case Tag::kSelect: case Tag::kTextarea: case Tag::kButton:
      node.all.inputs = 1;
      break;
    case Tag::kIframe: case Tag::kObject: case Tag::kEmbed: case Tag::kVideo:
      node.all.embeds = 1;
      break;
    default:
      if (is_heading(node.tag)) node.all.headings = 1;
  }
}

}  // namespace

Tag tag_of(const xmlNode* n) {
  if (n == nullptr || n->type != XML_ELEMENT_NODE || n->name == nullptr) return Tag::kOther;
  const std::string_view name(reinterpret_cast<const char*>(n->name));
  const auto* end = std::end(kTags);
  const auto* it = std::lower_bound(std::begin(kTags), end, name,
                                    [](const TagName& t, std::string_view k) { return t.name < k; });
  if (it != end && it->name == name) return it->tag;
  return name.find('-') != std::string_view::npos ? Tag::kCustom : Tag::kOther;
}

bool is_heading(Tag t) { return t >= Tag::kH1 && t <= Tag::kH6; }

bool is_block(Tag t) {
  switch (t) {
    case Tag::kOther: case Tag::kCustom: case Tag::kInline: case Tag::kSpan: case Tag::kA:
    case Tag::kImg: case Tag::kPicture: case Tag::kCode: case Tag::kTime: case Tag::kLabel:
    case Tag::kBr:
      return false;
    default:
      return true;
  }
}

int32_t node_index(const xmlNode* n) {
  if (n == nullptr || n->type != XML_ELEMENT_NODE || n->_private == nullptr) return -1;
  return static_cast<int32_t>(reinterpret_cast<intptr_t>(n->_private)) - 1;
}

std::string_view attr(const xmlNode* n, const char* name) {
  if (n == nullptr || n->type != XML_ELEMENT_NODE) return {};
  for (const xmlAttr* a = n->properties; a != nullptr; a = a->next) {
    if (std::strcmp(reinterpret_cast<const char*>(a->name), name) != 0) continue;
    const xmlNode* v = a->children;
    if (v == nullptr || v->content == nullptr) return {};
    return std::string_view(reinterpret_cast<const char*>(v->content));
  }
  return {};
}

bool has_attr(const xmlNode* n, const char* name) {
  if (n == nullptr || n->type != XML_ELEMENT_NODE) return false;
  for (const xmlAttr* a = n->properties; a != nullptr; a = a->next) {
    if (std::strcmp(reinterpret_cast<const char*>(a->name), name) == 0) return true;
  }
  return false;
}

std::string_view node_text(const xmlNode* n) {
  if (n == nullptr || (n->type != XML_TEXT_NODE && n->type != XML_CDATA_SECTION_NODE) ||
      n->content == nullptr) {
    return {};
  }
  return std::string_view(reinterpret_cast<const char*>(n->content));
}

std::string inner_text(const xmlNode* root, size_t max_bytes) {
  std::string out;
  walk(
      root,
      [&](const xmlNode* n) {
        if (out.size() >= max_bytes) return false;
        if (n->type == XML_ELEMENT_NODE) {
          const Tag t = tag_of(n);
          if (is_opaque(t) || t == Tag::kNoscript) return false;
          if ((is_block(t) || t == Tag::kBr) && !out.empty() && out.back() != ' ') out += ' ';
          return true;
        }
        append_collapsed(out, node_text(n));
        return false;
      },
      [&](const xmlNode* n) {
        if (is_block(tag_of(n)) && !out.empty() && out.back() != ' ') out += ' ';
      });
  return std::string(trim(out));
}

std::string raw_text(const xmlNode* n, size_t max_bytes) {
  std::string out;
  for (const xmlNode* c = n->children; c != nullptr && out.size() < max_bytes; c = c->next) {
    out.append(node_text(c));
  }
  if (out.size() > max_bytes) out.resize(max_bytes);
  return out;
}

// Elements under (and including) `root`, by an iterative walk: the node
// vector is sized once, exactly, instead of growing by doubling (which
// held up to three times the final size while it moved, and a fixed
// first reservation that was most of a small page's memory).
static size_t count_elements(xmlNode* root) {
  size_t n = 0;
  for (xmlNode* cur = root; cur != nullptr;) {
    if (cur->type == XML_ELEMENT_NODE) ++n;
    if (cur->type == XML_ELEMENT_NODE && cur->children != nullptr) {
      cur = cur->children;
      continue;
    }
    while (cur != nullptr && cur != root && cur->next == nullptr) cur = cur->parent;
    if (cur == nullptr || cur == root) break;
    cur = cur->next;
  }
  return n;
}

Dom build_dom(xmlDoc* doc) {
  Dom dom;
  xmlNode* root = xmlDocGetRootElement(doc);
  if (root == nullptr) return dom;
  dom.nodes.reserve(count_elements(root));
  VerdictCache verdicts;

  auto add_element = [&](xmlNode* n) {
    const ElementAttributes attrs = read_attributes(n);
    const int32_t parent = node_index(n->parent);
    Node node;
    node.xml = n;
    node.parent = parent;
    node.tag = tag_of(n);
    node.cls = attrs.cls;
    node.id = attrs.id;
    if (parent >= 0) {
      const Node& p = dom.nodes[parent];
      node.depth = p.depth + 1;
      node.flags = p.flags & (kInRemoved | kInLink);
    }
    if (is_removed_tag(node.tag)) node.flags |= kRemovedTag;
    if (is_hidden(attrs)) node.flags |= kHidden;
    if (node.flags & (kRemovedTag | kHidden)) node.flags |= kInRemoved;
    if (node.tag == Tag::kA && attrs.href) node.flags |= kInLink;
    apply_verdicts(node, verdicts.get(attrs.cls), verdicts.get(attrs.id), attrs.itemprop);
    const bool counted_parent = parent < 0 || !(dom.nodes[parent].flags & kInRemoved);
    if (counted_parent) count_element(node);
    if (parent >= 0 && !(node.flags & kInRemoved) && is_block(node.tag)) {
      dom.nodes[parent].flags |= kHasBlockChild;
    }
    const auto index = static_cast<int32_t>(dom.nodes.size());
    node.end = index + 1;  // until leave() sees its children
    n->_private = reinterpret_cast<void*>(static_cast<intptr_t>(index) + 1);
    dom.nodes.push_back(node);
    switch (node.tag) {
      case Tag::kMeta: dom.metas.push_back(index); break;
      case Tag::kLink: dom.links.push_back(index); break;
      case Tag::kScript: dom.scripts.push_back(index); break;
      case Tag::kTitle: dom.titles.push_back(index); break;
      case Tag::kH1: dom.headings1.push_back(index); break;
      case Tag::kTime: dom.times.push_back(index); break;
      case Tag::kA: dom.anchors.push_back(index); break;
      case Tag::kBase: dom.bases.push_back(index); break;
      case Tag::kBody: if (dom.body < 0) dom.body = index; break;
      default: break;
    }
    return !is_opaque(node.tag);
  };

  add_element(root);
  walk(
      root,
      [&](const xmlNode* cn) {
        auto* n = const_cast<xmlNode*>(cn);
        if (n->type == XML_ELEMENT_NODE) return add_element(n);
        if (n->type != XML_TEXT_NODE) return false;
        const int32_t p = node_index(n->parent);
        if (p < 0) return false;
        Node& parent = dom.nodes[p];
        if (parent.flags & kInRemoved) return false;
        const std::string_view text = node_text(n);
        const auto chars = static_cast<int32_t>(visible_length(text));
        if (chars == 0) return false;
        const auto commas = static_cast<int32_t>(comma_count(text));
        parent.own_chars += chars;
        parent.own_commas += commas;
        parent.all.chars += chars;
        parent.all.commas += commas;
        if (parent.flags & kInLink) parent.all.link_chars += chars;
        return false;
      },
      [&](const xmlNode* n) {
        const int32_t i = node_index(n);
        if (i >= 0) dom.nodes[i].end = static_cast<int32_t>(dom.nodes.size());
      });
  dom.nodes[0].end = static_cast<int32_t>(dom.nodes.size());

  // Subtree sums: children come after their parent, so one backward pass.
  for (auto i = static_cast<int32_t>(dom.nodes.size()) - 1; i > 0; --i) {
    Node& n = dom.nodes[i];
    if (n.parent < 0) continue;
    Node& parent = dom.nodes[n.parent];
    if (!(n.flags & kInRemoved)) {
      parent.all.add(n.all);
    } else if (!(parent.flags & kInRemoved)) {
      parent.all.inputs += n.all.inputs;  // a form's fields count against it
      parent.all.embeds += n.all.embeds;
    }
  }
  return dom;
}

}  // namespace tidings::extract_detail
