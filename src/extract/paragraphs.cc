// Text emission and conditional cleaning (see paragraphs.h).
#include "extract/paragraphs.h"

#include <string>

#include "extract/class_patterns.h"
#include "extract/text_ops.h"

namespace tidings::extract_detail {

namespace {

bool is_content(const Node& n) { return (n.flags & (kInRemoved | kBoilerplate)) == 0; }

bool inside(const Dom& dom, int32_t i, Tag tag, int32_t stop) {
  for (int32_t a = dom.nodes[i].parent; a >= 0 && a != stop; a = dom.nodes[a].parent) {
    if (dom.nodes[a].tag == tag) return true;
  }
  return false;
}

// Readability's _cleanConditionally, on the kept statistics of element `i`
// inside the content root `root`.
bool should_drop(const Dom& dom, int32_t i, int32_t root) {
  const Node& n = dom.nodes[i];
  if (i == root) return false;
  if (is_heading(n.tag)) {
    return n.class_weight < 0 || (n.kept.chars > 0 && n.kept.link_density() > 0.5);
  }
  const bool list = n.tag == Tag::kUl || n.tag == Tag::kOl;
  const bool checked = list || n.tag == Tag::kDiv || n.tag == Tag::kSection ||
                       n.tag == Tag::kTable || n.tag == Tag::kForm ||
                       n.tag == Tag::kFieldset || n.tag == Tag::kFigure;
  if (!checked) return false;
  if (names_embedded_post(n.cls)) return false;
  const int weight = n.class_weight;
  // Readability drops when weight + content score < 0; a block holding most
  // of the content scores far above any class weight.
  if (weight < 0 && n.kept.chars * 2 < dom.nodes[root].kept.chars) return true;
  const TextStats& s = n.kept;
  if (s.commas >= 10) return false;
  // The rules below remove crumbs around a long text; a short page is all text.
  if (dom.nodes[root].kept.chars < 200) return false;
  const double ld = s.link_density();
  const int32_t p = s.paragraphs;
  const int32_t li = s.list_items - 100;
  const bool in_figure = n.tag == Tag::kFigure || inside(dom, i, Tag::kFigure, root);
  if (list) {
    return (weight <= 0 && ld > 0.5) || (weight >= 25 && ld > 0.5) || s.embeds > 1 ||
           (s.embeds == 1 && s.chars < 75);
  }
  if (s.images > 1 && p * 2 < s.images && !in_figure) return true;
  if (li > p) return true;
  if (s.inputs > p / 3) return true;
  if (s.chars < 25 && (s.images == 0 || s.images > 2) && !in_figure) return true;
  if (weight < 25 && ld > 0.2) return true;
  if (weight >= 25 && ld > 0.5) return true;
  if ((s.embeds == 1 && s.chars < 75) || s.embeds > 1) return true;
  return false;
}

class Emitter {
 public:
  void text(std::string_view t, bool in_link) {
    // Whitespace between <br>s ("<br>\n<br>") keeps the pending breaks:
    // pages that separate paragraphs with <br><br> still get paragraphs.
    if (pending_breaks_ > 0 && trim(t).empty()) return;
    if (pending_breaks_ >= 2) {
      flush();
    } else if (pending_breaks_ == 1 && !buffer_.empty() && buffer_.back() != ' ') {
      buffer_ += ' ';
    }
    pending_breaks_ = 0;
    append_collapsed(buffer_, t);
    if (in_link) link_chars_ += static_cast<int32_t>(visible_length(t));
  }
  void line_break() { ++pending_breaks_; }
  void flush() {
    pending_breaks_ = 0;
    const std::string_view p = trim(buffer_);
    if (!p.empty() && has_word_character(p)) {
      const auto chars = static_cast<int32_t>(visible_length(p));
      if (!is_credit_paragraph(p, chars, link_chars_) && !is_boilerplate_line(p, chars, link_chars_)) {
        paragraphs_.emplace_back(p);
      }
    }
    buffer_.clear();
    link_chars_ = 0;
  }
  std::vector<std::string> take() { return std::move(paragraphs_); }

 private:
  static bool has_word_character(std::string_view p) {
    for (char c : p) {
      const auto u = static_cast<unsigned char>(c);
      if (u >= 0x80 || (u >= '0' && u <= '9') || ((u | 0x20) >= 'a' && (u | 0x20) <= 'z')) {
        return true;
      }
    }
    return false;
  }

  std::string buffer_;
  int32_t link_chars_ = 0;
  int pending_breaks_ = 0;
  std::vector<std::string> paragraphs_;
};

}  // namespace

std::vector<std::string> body_paragraphs(const Dom& dom, const std::vector<int32_t>& roots) {
  Emitter out;
  for (int32_t root : roots) {
    out.flush();
    const xmlNode* root_xml = dom.nodes[root].xml;
    walk(
        root_xml,
        [&](const xmlNode* n) {
          if (n->type == XML_TEXT_NODE) {
            const int32_t p = node_index(n->parent);
            out.text(node_text(n), p >= 0 && (dom.nodes[p].flags & kInLink));
            return false;
          }
          if (n->type != XML_ELEMENT_NODE) return false;
          const int32_t i = node_index(n);
          if (i < 0) return false;
          const Node& node = dom.nodes[i];
          if (!is_content(node) || node.tag == Tag::kH1 || should_drop(dom, i, root)) {
            if (is_block(node.tag)) out.flush();
            return false;
          }
          if (node.tag == Tag::kBr) {
            out.line_break();
          } else if (is_block(node.tag)) {
            out.flush();
          } else if (node.tag == Tag::kCustom || node.tag == Tag::kImg) {
            out.text(" ", false);
          }
          return true;
        },
        [&](const xmlNode* n) {
          const int32_t i = node_index(n);
          const Tag t = i >= 0 ? dom.nodes[i].tag : Tag::kOther;
          if (is_block(t)) {
            out.flush();
          } else if (t == Tag::kCustom) {
            out.text(" ", false);
          }
        });
    out.flush();
  }
  return out.take();
}

namespace {

// Letters and digits only, lower-cased ASCII: "Title: Here!" == "title here".
std::string comparable(std::string_view s) {
  std::string out;
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80 || (u >= '0' && u <= '9') || ((u | 0x20) >= 'a' && (u | 0x20) <= 'z')) {
      out += ascii_lower(c);
    }
  }
  return out;
}

// "By JANE ROE and JOHN DOE", "By Jane Roe, Reuters": "By" and then only
// capitalised words (names), "and" and commas.
bool is_byline(std::string_view p) {
  if (!starts_with_ci(p, "by ") || word_count(p) > 9) return false;
  size_t i = 3;
  while (i < p.size()) {
    while (i < p.size() && (p[i] == ' ' || p[i] == ',')) ++i;
    if (i >= p.size()) break;
    size_t e = i;
    while (e < p.size() && p[e] != ' ' && p[e] != ',') ++e;
    const std::string_view word = p.substr(i, e - i);
    const auto first = static_cast<unsigned char>(word[0]);
    const bool name = (first >= 'A' && first <= 'Z') || first >= 0x80;
    if (!name && word != "and" && word != "&") return false;
    i = e;
  }
  return true;
}

}  // namespace

void drop_head_repeats(std::vector<std::string>& paragraphs, std::string_view title) {
  const std::string t = comparable(title);
  size_t kept = 0;
  for (size_t i = 0; i < paragraphs.size(); ++i) {
    const bool head = i < 3;
    const bool repeat = head && ((t.size() >= 10 && comparable(paragraphs[i]) == t) ||
                                 is_byline(paragraphs[i]));
    if (!repeat) {
      if (kept != i) paragraphs[kept] = std::move(paragraphs[i]);
      ++kept;
    }
  }
  paragraphs.resize(kept);
}

}  // namespace tidings::extract_detail
