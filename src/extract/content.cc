// Boilerplate marking and content scoring (see content.h). Readability.js's
// scoring (Arc90, Mozilla; grabArticle) on the flattened Dom: every pass is
// a loop over the node vector, so pages cost linear time.
#include "extract/content.h"

#include <algorithm>
#include <cmath>

#include "extract/related_blocks.h"
#include "extract/text_ops.h"

namespace tidings::extract_detail {

namespace {

constexpr int32_t kMinParagraphChars = 25;
constexpr int kAncestorLevels = 5;
constexpr size_t kTopCandidates = 5;

bool is_structural(Tag t) {
  return t == Tag::kHtml || t == Tag::kBody || t == Tag::kMain || t == Tag::kArticle;
}

// Readability's initializeNode: a prior by tag, plus the class weight.
double initial_score(const Node& n) {
  double s = n.class_weight;
  switch (n.tag) {
    case Tag::kDiv: s += 5; break;
    case Tag::kPre: case Tag::kTd: case Tag::kBlockquote: s += 3; break;
    case Tag::kAddress: case Tag::kOl: case Tag::kUl: case Tag::kDl: case Tag::kDd:
    case Tag::kDt: case Tag::kLi: case Tag::kForm:
      s -= 3;
      break;
    case Tag::kH1: case Tag::kH2: case Tag::kH3: case Tag::kH4: case Tag::kH5: case Tag::kH6:
    case Tag::kTh:
      s -= 5;
      break;
    default: break;
  }
  return s;
}

bool is_content(const Node& n) { return (n.flags & (kInRemoved | kBoilerplate)) == 0; }

struct Scores {
  std::vector<double> score;
  std::vector<char> initialized;

  explicit Scores(size_t n) : score(n, 0.0), initialized(n, 0) {}
  void add(const Dom& dom, int32_t i, double value) {
    if (!initialized[i]) {
      initialized[i] = 1;
      score[i] = initial_score(dom.nodes[i]);
    }
    score[i] += value;
  }
};

// Gives a paragraph's score to `first` (level 0) and its ancestors.
void propagate(const Dom& dom, Scores& scores, int32_t first, double content) {
  int32_t a = first;
  for (int level = 0; level < kAncestorLevels && a >= 0; ++level) {
    if (dom.nodes[a].tag == Tag::kHtml) break;
    const double divider = level == 0 ? 1.0 : level == 1 ? 2.0 : level * 3.0;
    scores.add(dom, a, content / divider);
    a = dom.nodes[a].parent;
  }
}

double paragraph_score(int32_t chars, int32_t commas) {
  return 1.0 + commas + std::min(chars / 100, 3);
}

void score_paragraphs(const Dom& dom, Scores& scores) {
  for (size_t i = 0; i < dom.nodes.size(); ++i) {
    const Node& n = dom.nodes[i];
    if (!is_content(n)) continue;
    const bool paragraph_tag = n.tag == Tag::kP || n.tag == Tag::kPre || n.tag == Tag::kTd ||
                               (n.tag >= Tag::kH2 && n.tag <= Tag::kH6);
    const bool inline_div = (n.tag == Tag::kDiv || n.tag == Tag::kSection) &&
                            !(n.flags & kHasBlockChild);
    if (paragraph_tag || inline_div) {
      if (n.kept.chars >= kMinParagraphChars && n.parent >= 0) {
        propagate(dom, scores, n.parent, paragraph_score(n.kept.chars, n.kept.commas));
      }
    } else if ((n.tag == Tag::kDiv || n.tag == Tag::kSection || n.tag == Tag::kArticle ||
                n.tag == Tag::kMain || n.tag == Tag::kBlockquote) &&
               n.own_chars >= kMinParagraphChars) {
      // Text directly in a container with block children: Readability wraps
      // such runs in <p>, whose parent is this container.
      propagate(dom, scores, static_cast<int32_t>(i), paragraph_score(n.own_chars, n.own_commas));
    }
  }
}

int32_t element_children(const Dom& dom, int32_t i) {
  int32_t count = 0;
  for (int32_t c = i + 1; c < dom.nodes[i].end; c = dom.nodes[c].end) ++count;
  return count;
}

// Readability's refinements of the top candidate: a common ancestor of
// several near-top candidates, a parent that scores higher, an only child.
int32_t refine_top(const Dom& dom, const std::vector<double>& final_score,
                   const std::vector<int32_t>& top) {
  int32_t best = top[0];
  const double best_score = final_score[best];
  std::vector<int32_t> alternatives;
  for (size_t k = 1; k < top.size(); ++k) {
    if (final_score[top[k]] / best_score >= 0.75) alternatives.push_back(top[k]);
  }
  if (alternatives.size() >= 3) {
    for (int32_t a = dom.nodes[best].parent; a >= 0 && dom.nodes[a].tag != Tag::kBody;
         a = dom.nodes[a].parent) {
      int containing = 0;
      for (int32_t alt : alternatives) containing += dom.is_ancestor(a, alt) ? 1 : 0;
      if (containing >= 3) {
        best = a;
        break;
      }
    }
  }
  double last = final_score[best];
  const double threshold = last / 3;
  for (int32_t a = dom.nodes[best].parent; a >= 0 && dom.nodes[a].tag != Tag::kBody &&
                                           dom.nodes[a].tag != Tag::kHtml;
       a = dom.nodes[a].parent) {
    if (final_score[a] == 0.0) continue;
    if (final_score[a] < threshold) break;
    if (final_score[a] > last) {
      best = a;
      break;
    }
    last = final_score[a];
  }
  while (dom.nodes[best].parent >= 0) {
    const int32_t p = dom.nodes[best].parent;
    const Tag t = dom.nodes[p].tag;
    if (t == Tag::kBody || t == Tag::kHtml || element_children(dom, p) != 1) break;
    best = p;
  }
  return best;
}

// Readability's sibling pass: siblings of the top candidate that score or
// read like article paragraphs join it.
std::vector<int32_t> with_siblings(const Dom& dom, const std::vector<double>& final_score,
                                   int32_t best) {
  const int32_t parent = dom.nodes[best].parent;
  if (parent < 0 || dom.nodes[parent].tag == Tag::kHtml) return {best};
  const double threshold = std::max(10.0, final_score[best] * 0.2);
  std::vector<int32_t> out;
  for (int32_t c = parent + 1; c < dom.nodes[parent].end; c = dom.nodes[c].end) {
    const Node& n = dom.nodes[c];
    if (c == best) {
      out.push_back(c);
      continue;
    }
    if (!is_content(n) || n.kept.chars == 0) continue;
    double bonus = 0;
    if (!n.cls.empty() && n.cls == dom.nodes[best].cls) bonus = final_score[best] * 0.2;
    bool append = final_score[c] != 0.0 && final_score[c] + bonus >= threshold;
    if (!append && n.tag == Tag::kP) {
      const double ld = n.kept.link_density();
      if (n.kept.chars > 80 && ld < 0.25) {
        append = true;
      } else if (n.kept.chars > 0 && ld == 0.0) {
        const std::string text = inner_text(n.xml, 400);
        append = !text.empty() && (text.back() == '.' || text.find(". ") != std::string::npos);
      }
    }
    if (append) out.push_back(c);
  }
  return out;
}

// The best element named as an article body (class, id or itemprop),
// preferring a descendant that holds nearly all of its text. (<article>
// alone is too often a teaser card to count as a name.)
int32_t named_body(const Dom& dom) {
  int32_t best = -1;
  for (size_t i = 0; i < dom.nodes.size(); ++i) {
    const Node& n = dom.nodes[i];
    if (!(n.flags & kBodyHint) || !is_content(n)) continue;
    if (n.kept.chars < 100 || n.kept.link_density() > 0.5) continue;
    if (best < 0 || n.kept.chars > dom.nodes[best].kept.chars) best = static_cast<int32_t>(i);
  }
  if (best < 0) return -1;
  for (int32_t i = best + 1; i < dom.nodes[best].end; ++i) {
    const Node& n = dom.nodes[i];
    if ((n.flags & kBodyHint) && is_content(n) && n.kept.chars >= 0.85 * dom.nodes[best].kept.chars) {
      best = i;
    }
  }
  return best;
}

// A body split into several same-named sections (between ads, say): the
// sections like `best` — same class, same depth, a fair share of text.
std::vector<int32_t> with_sections(const Dom& dom, int32_t best) {
  const Node& b = dom.nodes[best];
  std::vector<int32_t> out;
  for (size_t i = 0; i < dom.nodes.size(); ++i) {
    const Node& n = dom.nodes[i];
    const auto index = static_cast<int32_t>(i);
    if (index == best) {
      out.push_back(index);
      continue;
    }
    if (!(n.flags & kBodyHint) || !is_content(n) || b.cls.empty() || n.cls != b.cls ||
        n.depth != b.depth || n.kept.chars * 5 < b.kept.chars) {
      continue;
    }
    out.push_back(index);
  }
  return out;
}

// A lead paragraph set just before a named body ("summary", "standfirst"):
// the previous sibling with text, if it reads as one paragraph of prose —
// phrasing content only, no picture (that is a caption), few links, and
// ending as a sentence ends. -1 otherwise.
int32_t lead_before(const Dom& dom, int32_t body) {
  const int32_t parent = dom.nodes[body].parent;
  if (parent < 0) return -1;
  int32_t lead = -1;
  for (int32_t c = parent + 1; c < body; c = dom.nodes[c].end) {
    if (dom.nodes[c].kept.chars > 0) lead = c;
  }
  if (lead < 0) return -1;
  const Node& n = dom.nodes[lead];
  const bool phrasing = n.tag == Tag::kP || ((n.tag == Tag::kDiv || n.tag == Tag::kSection) &&
                                             !(n.flags & kHasBlockChild));
  if (!phrasing || !is_content(n) || n.kept.images > 0 || n.kept.chars < 80 ||
      n.kept.link_density() > 0.1) {
    return -1;
  }
  const std::string text = inner_text(n.xml, 2000);
  const char last = text.empty() ? 0 : text.back();
  return last == '.' || last == '!' || last == '?' ? lead : -1;
}

int32_t chars_of(const Dom& dom, const std::vector<int32_t>& roots) {
  int32_t chars = 0;
  for (int32_t r : roots) chars += dom.nodes[r].kept.chars;
  return chars;
}

bool looks_like_card(const Node& n) {
  return (n.tag == Tag::kSpan || n.tag == Tag::kInline || n.tag == Tag::kCustom) &&
         n.all.images > 0 && n.all.chars >= 40 && n.all.link_chars * 2 >= n.all.chars;
}

// A card that pops up over a name in a sentence (a person's picture and
// their latest articles): the innermost inline element inside a paragraph
// that holds a picture and mostly links. (Its wrappers also hold the name
// the sentence needs.)
bool is_popup_card(const Dom& dom, int32_t i) {
  const Node& n = dom.nodes[i];
  if (!looks_like_card(n)) return false;
  for (int32_t c = i + 1; c < n.end; c = dom.nodes[c].end) {
    if (looks_like_card(dom.nodes[c])) return false;
  }
  for (int32_t a = n.parent; a >= 0; a = dom.nodes[a].parent) {
    const Tag t = dom.nodes[a].tag;
    if (t == Tag::kP) return true;
    if (is_block(t)) return false;
  }
  return false;
}

}  // namespace

void mark_boilerplate(Dom& dom) {
  if (dom.nodes.empty()) return;
  mark_related_lists(dom);
  const int32_t page_chars = dom.nodes[dom.body >= 0 ? dom.body : 0].all.chars;
  // A subtree holding a named body (or an <article>) is not boilerplate.
  std::vector<char> holds_body(dom.nodes.size(), 0), holds_named(dom.nodes.size(), 0);
  for (auto i = static_cast<int32_t>(dom.nodes.size()) - 1; i >= 0; --i) {
    const Node& n = dom.nodes[i];
    if ((n.flags & kBodyHint) || n.tag == Tag::kMain) holds_named[i] = 1;
    if (holds_named[i] || n.tag == Tag::kArticle) holds_body[i] = 1;
    if (n.parent >= 0) {
      holds_body[n.parent] |= holds_body[i];
      holds_named[n.parent] |= holds_named[i];
    }
  }
  for (size_t i = 0; i < dom.nodes.size(); ++i) {
    Node& n = dom.nodes[i];
    if (n.parent >= 0 && (dom.nodes[n.parent].flags & kBoilerplate)) {
      n.flags |= kBoilerplate;
      continue;
    }
    // A block of teasers is boilerplate even as or inside an <article>,
    // never when it holds a named body or <main>.
    if (n.tag != Tag::kBody && n.tag != Tag::kHtml && holds_named[i] == 0 && n.all.chars > 0 &&
        n.all.headings > 0 && is_teaser_block(dom, i)) {
      n.flags |= kBoilerplate;
      continue;
    }
    if (is_structural(n.tag) || holds_body[i]) continue;
    if (is_popup_card(dom, static_cast<int32_t>(i))) {
      n.flags |= kBoilerplate;
      continue;
    }
    const bool negative = (n.flags & kStrongNegative) ||
                          ((n.flags & kNegativeClass) && !(n.flags & kPositiveClass));
    if (!negative) continue;
    if (n.all.chars * 2 > page_chars && page_chars > 0) continue;  // a page wrapper
    n.flags |= kBoilerplate;
  }
  for (Node& n : dom.nodes) n.kept = TextStats{};
  for (auto i = static_cast<int32_t>(dom.nodes.size()) - 1; i >= 0; --i) {
    Node& n = dom.nodes[i];
    if (!is_content(n)) continue;
    // Own text and own element counts are what `all` holds minus children.
    TextStats self = n.all;
    for (int32_t c = i + 1; c < n.end; c = dom.nodes[c].end) {
      if (!(dom.nodes[c].flags & kInRemoved)) {
        const TextStats& ca = dom.nodes[c].all;
        self.chars -= ca.chars;
        self.link_chars -= ca.link_chars;
        self.commas -= ca.commas;
        self.paragraphs -= ca.paragraphs;
        self.images -= ca.images;
        self.list_items -= ca.list_items;
        self.inputs -= ca.inputs;
        self.embeds -= ca.embeds;
        self.headings -= ca.headings;
      } else {
        self.inputs -= dom.nodes[c].all.inputs;
        self.embeds -= dom.nodes[c].all.embeds;
      }
    }
    self.inputs = std::max(self.inputs, 0);
    self.embeds = std::max(self.embeds, 0);
    n.kept.add(self);
    if (n.parent >= 0) dom.nodes[n.parent].kept.add(n.kept);
  }
}

std::vector<int32_t> choose_content(const Dom& dom) {
  if (dom.nodes.empty()) return {};
  Scores scores(dom.nodes.size());
  score_paragraphs(dom, scores);
  std::vector<double> final_score(dom.nodes.size(), 0.0);
  std::vector<int32_t> candidates;
  for (size_t i = 0; i < dom.nodes.size(); ++i) {
    if (!scores.initialized[i]) continue;
    final_score[i] = scores.score[i] * (1.0 - dom.nodes[i].kept.link_density());
    candidates.push_back(static_cast<int32_t>(i));
  }
  const int32_t fallback = dom.body >= 0 ? dom.body : 0;
  std::vector<int32_t> readability;
  if (candidates.empty()) {
    readability = {fallback};
  } else {
    const size_t k = std::min(kTopCandidates, candidates.size());
    std::partial_sort(candidates.begin(), candidates.begin() + k, candidates.end(),
                      [&](int32_t a, int32_t b) { return final_score[a] > final_score[b]; });
    candidates.resize(k);
    readability = with_siblings(dom, final_score, refine_top(dom, final_score, candidates));
  }
  const int32_t named = named_body(dom);
  if (named >= 0 && dom.nodes[named].kept.chars * 10 >= chars_of(dom, readability) * 4) {
    std::vector<int32_t> roots = with_sections(dom, named);
    if (const int32_t lead = lead_before(dom, roots.front()); lead >= 0) {
      roots.insert(roots.begin(), lead);
    }
    return roots;
  }
  if (dom.nodes[fallback].kept.chars == 0) return {};
  return readability;
}

}  // namespace tidings::extract_detail
