// Where a page shows its date (see visible_dates.h): elements named as dates
// near the headline, a date line opening the body, the URL. Every pass is a
// bounded loop over the flattened Dom.
#include "extract/visible_dates.h"

#include <algorithm>

#include "core/url.h"
#include "extract/text_ops.h"

namespace tidings::extract_detail {

namespace {

constexpr size_t kMaxExamined = 400;       // date-named elements looked at per pass
constexpr int32_t kMaxDateElementNodes = 40;  // a date line is a small subtree
constexpr size_t kMaxDateText = 160;       // bytes of text in a date line
constexpr int32_t kBodyParagraphChars = 80;
constexpr int kMinYear = 1990;

// Substrings of class, id and itemprop values that name a date line or the
// line of metadata that holds one.
constexpr std::string_view kDateNames[] = {
    "date", "time", "posted", "publish", "byline", "meta", "stamp", "info", "submitted",
    "created",
};
constexpr std::string_view kUpdatedNames[] = {"updat", "modif", "edited", "revised"};

// Labels that may precede a date opening the body ("Posted on 13 Dec 2008").
constexpr std::string_view kDateLabels[] = {
    "posted", "posted on", "published", "published on", "date", "dated", "filed",
    "updated", "last updated", "updated on", "first published", "first published on",
};

bool named_as(const Node& n, const std::string_view* words, size_t count) {
  const std::string_view itemprop = attr(n.xml, "itemprop");
  for (size_t k = 0; k < count; ++k) {
    if (contains_ci(n.cls, words[k]) || contains_ci(n.id, words[k]) ||
        contains_ci(itemprop, words[k])) {
      return true;
    }
  }
  return false;
}

bool is_date_named(const Node& n) {
  return n.tag == Tag::kTime || named_as(n, kDateNames, std::size(kDateNames));
}

// Inside something that is never the article's own date line: hidden parts,
// menus, forms, related/comment/sidebar blocks, long lists of stories.
bool excluded(const Dom& dom, int32_t i) {
  for (int32_t a = i; a >= 0; a = dom.nodes[a].parent) {
    const Node& n = dom.nodes[a];
    if (n.flags & (kHidden | kStrongNegative)) return true;
    switch (n.tag) {
      case Tag::kNav: case Tag::kAside: case Tag::kMenu: case Tag::kForm: case Tag::kSelect:
      case Tag::kOption: case Tag::kButton: case Tag::kTextarea: case Tag::kScript:
      case Tag::kStyle: case Tag::kNoscript: case Tag::kTemplate: case Tag::kDialog:
        return true;
      default: break;
    }
    if (n.tag == Tag::kLi && n.parent >= 0) {
      int items = 0;
      const int32_t list = n.parent;
      for (int32_t c = list + 1; c < dom.nodes[list].end && items < 5; c = dom.nodes[c].end) {
        ++items;
      }
      if (items >= 5) return true;
    }
  }
  return false;
}

bool in_range(Instant t, Instant now) {
  const Instant earliest = std::chrono::sys_days{std::chrono::year{kMinYear} / 1 / 1};
  return t >= earliest && t <= now + std::chrono::hours(24);
}

bool mentions_update(std::string_view text) {
  for (std::string_view w : kUpdatedNames) {
    if (contains_ci(text, w)) return true;
  }
  return false;
}

// The best date so far: one that is not an "updated" date ends the search.
struct Pick {
  std::optional<PageDate> published, updated;
  bool done() const { return published.has_value(); }
  void offer(const TextDate& d, bool is_update) {
    PageDate t;
    t.when = d.when;
    t.has_time = d.has_time;
    t.has_offset = t.numeric_offset = d.has_zone;
    t.offset_minutes = d.offset_minutes;
    if (!is_update) {
      if (!published) published = t;
    } else if (!updated) {
      updated = t;
    }
  }
};

// The date of element `i` when it is a short, date-named, visible line. A
// machine-readable attribute the metadata pass could not read ("2019-11-18
// 17:19:53 GMT", <abbr class="published" title="...">) comes before the text.
void consider_element(const Dom& dom, int32_t i, Instant now, Pick& pick) {
  const Node& n = dom.nodes[i];
  if (n.end - i > kMaxDateElementNodes || excluded(dom, i)) return;
  const std::string text = inner_text(n.xml, kMaxDateText + 1);
  if (text.size() > kMaxDateText) return;
  // "Updated: <time>..</time>": the label is often the text just before.
  bool update = named_as(n, kUpdatedNames, std::size(kUpdatedNames)) ||
                (n.parent >= 0 && named_as(dom.nodes[n.parent], kUpdatedNames,
                                           std::size(kUpdatedNames)));
  for (const xmlNode* p = n.xml->prev; p != nullptr && !update; p = p->prev) {
    if (p->type != XML_TEXT_NODE) break;
    update = mentions_update(node_text(p).substr(0, kMaxDateText));
  }
  for (const char* name : {"datetime", "content", "title"}) {
    const std::string_view value = attr(n.xml, name);
    if (value.empty() || value.size() > kMaxDateText) continue;
    const auto date = find_date_in_text(value);
    if (date && in_range(date->when, now)) {
      pick.offer(*date, update || mentions_update(text));
      return;
    }
  }
  const auto date = find_date_in_text(text);
  if (!date || !in_range(date->when, now)) return;
  pick.offer(*date, update || mentions_update(std::string_view(text).substr(0, date->start)));
}

// The first element of the body: the first one in the content with a
// paragraph's worth of its own text (a long headline is not one).
int32_t body_start(const Dom& dom, int32_t root) {
  for (int32_t i = root; i < dom.nodes[root].end; ++i) {
    const Node& n = dom.nodes[i];
    if (!(n.flags & (kInRemoved | kBoilerplate)) && n.own_chars >= kBodyParagraphChars &&
        !is_heading(n.tag) && !is_date_named(n)) {
      return i;
    }
  }
  return root;
}

// "13 December 2008", "Posted on Dec 13, 2008", "LONDON, Dec. 13, 2008 (AP)
// - ...": a date at the very start of the body's first paragraph, after at
// most a label or an upper-case dateline.
void consider_leading_line(std::string_view paragraph, Instant now, Pick& pick) {
  if (paragraph.size() > 160) paragraph = paragraph.substr(0, 160);
  const auto date = find_date_in_text(paragraph);
  if (!date || date->start > 48 || !in_range(date->when, now)) return;
  std::string_view prefix = trim(paragraph.substr(0, date->start));
  while (!prefix.empty() && (prefix.back() == ':' || prefix.back() == ',' ||
                             prefix.back() == '-' || prefix.back() == ' ')) {
    prefix.remove_suffix(1);
  }
  prefix = trim(prefix);
  bool label = prefix.empty();
  for (std::string_view l : kDateLabels) label = label || equals_ci(prefix, l);
  bool dateline = !prefix.empty();
  for (char c : prefix) {
    if (c >= 'a' && c <= 'z') dateline = false;
  }
  if (!label && !dateline) return;
  pick.offer(*date, mentions_update(prefix));
}

}  // namespace

std::optional<PageDate> find_visible_date(const Dom& dom, const std::vector<int32_t>& roots,
                                         std::string_view first_paragraph, Instant now) {
  if (roots.empty()) return std::nullopt;
  const int32_t first = *std::min_element(roots.begin(), roots.end());
  int32_t last_end = 0;
  for (int32_t r : roots) last_end = std::max(last_end, dom.nodes[r].end);
  Pick pick;

  // Above the body, nearest first: a masthead's "today" is further up.
  size_t examined = 0;
  for (int32_t i = body_start(dom, first) - 1; i >= 0 && !pick.done(); --i) {
    if (!is_date_named(dom.nodes[i])) continue;
    if (++examined > kMaxExamined) break;
    consider_element(dom, i, now, pick);
  }
  if (!pick.done()) consider_leading_line(first_paragraph, now, pick);

  // Below the body, within the same <article>: "Posted on ..." footers.
  int32_t article = first;
  while (article >= 0 && dom.nodes[article].tag != Tag::kArticle) {
    article = dom.nodes[article].parent;
  }
  examined = 0;
  if (article >= 0) {
    for (int32_t i = last_end; i < dom.nodes[article].end && !pick.done(); ++i) {
      if (!is_date_named(dom.nodes[i])) continue;
      if (++examined > kMaxExamined) break;
      consider_element(dom, i, now, pick);
    }
  }
  return pick.published ? pick.published : pick.updated;
}

std::optional<Instant> date_in_url(std::string_view url, Instant now) {
  if (!is_http_url(url)) return std::nullopt;
  const std::string path = url_path(url);
  const std::string_view rest = path;

  // Path segments, each checked with the two after it.
  std::vector<std::string_view> segments;
  for (size_t i = 1; i <= rest.size() && segments.size() < 32;) {
    const size_t slash = std::min(rest.find('/', i), rest.size());
    segments.push_back(rest.substr(i, slash - i));
    i = slash + 1;
  }
  auto digits = [](std::string_view s, size_t n) {
    if (s.size() != n) return false;
    for (char c : s) {
      if (c < '0' || c > '9') return false;
    }
    return true;
  };
  auto number = [](std::string_view s) {
    int v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
  };
  for (size_t k = 0; k < segments.size(); ++k) {
    int y = 0, m = 0, d = 0;
    const std::string_view s = segments[k];
    if (k + 2 < segments.size() && digits(s, 4) && digits(segments[k + 1], 2) &&
        digits(segments[k + 2], 2)) {
      y = number(s), m = number(segments[k + 1]), d = number(segments[k + 2]);
    } else if (s.size() == 10 && digits(s.substr(0, 4), 4) && s[4] == '-' &&
               digits(s.substr(5, 2), 2) && s[7] == '-' && digits(s.substr(8, 2), 2)) {
      y = number(s.substr(0, 4)), m = number(s.substr(5, 2)), d = number(s.substr(8, 2));
    } else {
      continue;
    }
    const std::chrono::year_month_day ymd{std::chrono::year{y},
                                          std::chrono::month{static_cast<unsigned>(m)},
                                          std::chrono::day{static_cast<unsigned>(d)}};
    if (!ymd.ok()) continue;
    const Instant t = std::chrono::sys_days{ymd};
    if (in_range(t, now)) return t;
  }
  return std::nullopt;
}

}  // namespace tidings::extract_detail
