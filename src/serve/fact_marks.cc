// The article text with its facts highlighted (see page_parts.h): each
// fact's code-point span becomes a <mark> titled with what was found there.
// Marks are placed as private-use code points before the text goes through
// paragraphs_html (so paragraphs and escaping stay exactly those of the
// plain page) and turned into tags after; the text's own private-use code
// points of those planes are replaced first, so the page cannot forge one.
#include <algorithm>
#include <tuple>

#include "core/utf8.h"
#include "serve/html.h"
#include "serve/page_parts.h"

namespace tidings::serve {

namespace {

constexpr unsigned kOpenBase = 0xF0000;   // + fact index: a mark opens
constexpr unsigned kClose = 0x100000;     // a mark closes
constexpr size_t kMaxMarks = 5000;

struct Span {
  int64_t start, end;
  size_t fact;
};

bool highlighted(const std::string& kind) {
  return kind == "person" || kind == "entity" || kind == "place" || kind == "date" ||
         kind == "quote" || kind == "figure";
}

// What a mark's title says of its fact.
std::string mark_title(const FactRecord& f) {
  std::string t = f.kind;
  // Appends rather than operator+ chains: fewer temporaries (and no GCC 12
  // -Wrestrict false positive).
  const auto add = [&t](std::string_view a, std::string_view b = {}) { t.append(a).append(b); };
  if (f.kind == "figure") {
    add(": ", f.key);
    add(" =");
    if (!f.qualifier.empty() && f.qualifier != "exact") add(" ", f.qualifier);
    if (f.value) add(" ", quantity_text(*f.value));
    if (!f.attribution.empty()) add(" (", f.attribution), add(")");
  } else if (f.kind == "quote") {
    if (f.attribution.empty()) {
      add(", speaker unknown");
    } else {
      add(": ", f.attribution);
    }
  } else {
    if (!f.key.empty()) add(": ", f.key);
    if (!f.detail.empty()) add(", ", f.detail);
  }
  return t.size() > 300 ? excerpt(t, 300) : t;
}

// The spans to mark: within one paragraph line, properly nested (a span
// that partly overlaps an earlier one is left out), at most kMaxMarks.
std::vector<Span> choose_spans(const ArticleFacts& a, const std::vector<int64_t>& newlines) {
  std::vector<Span> all;
  for (size_t i = 0; i < a.facts.size(); ++i) {
    const FactRecord& f = a.facts[i];
    if (!highlighted(f.kind) || f.start >= f.end) continue;
    const auto nl = std::lower_bound(newlines.begin(), newlines.end(), f.start);
    if (nl != newlines.end() && *nl < f.end) continue;
    all.push_back({f.start, f.end, i});
  }
  std::sort(all.begin(), all.end(), [](const Span& x, const Span& y) {
    return std::tie(x.start, y.end, x.fact) < std::tie(y.start, x.end, y.fact);
  });
  std::vector<Span> chosen;
  std::vector<int64_t> open_ends;
  for (const Span& s : all) {
    while (!open_ends.empty() && open_ends.back() <= s.start) open_ends.pop_back();
    if (!open_ends.empty() && s.end > open_ends.back()) continue;
    chosen.push_back(s);
    open_ends.push_back(s.end);
    if (chosen.size() == kMaxMarks) break;
  }
  return chosen;
}

}  // namespace

std::string marked_paragraphs_html(std::string_view text, const ArticleFacts& facts) {
  // Code-point positions of line breaks (a mark never spans one).
  std::vector<int64_t> newlines;
  {
    int64_t cp = 0;
    for (size_t i = 0; i < text.size();) {
      size_t bad = 0;
      const size_t n = utf8_sequence(text, i, bad);
      if (n == 1 && text[i] == '\n') newlines.push_back(cp);
      i += n ? n : bad;
      ++cp;
    }
  }
  const std::vector<Span> spans = choose_spans(facts, newlines);
  std::string marked;
  marked.reserve(text.size() + spans.size() * 8);
  std::vector<int64_t> open_ends;
  size_t next = 0;
  int64_t cp = 0;
  const auto marks_at = [&](int64_t pos) {
    while (!open_ends.empty() && open_ends.back() <= pos) {
      append_utf8(marked, kClose);
      open_ends.pop_back();
    }
    while (next < spans.size() && spans[next].start == pos) {
      append_utf8(marked, kOpenBase + static_cast<unsigned>(spans[next].fact));
      open_ends.push_back(spans[next].end);
      ++next;
    }
  };
  for (size_t i = 0; i < text.size(); ++cp) {
    marks_at(cp);
    size_t bad = 0;
    const size_t n = utf8_sequence(text, i, bad);
    if (n == 4 && static_cast<unsigned char>(text[i]) >= 0xF3) {
      append_utf8(marked, 0xFFFD);  // the text's own U+F0000 and above: not ours
    } else {
      marked.append(text.substr(i, n ? n : bad));
    }
    i += n ? n : bad;
  }
  while (!open_ends.empty()) {
    append_utf8(marked, kClose);
    open_ends.pop_back();
  }
  const std::string html = paragraphs_html(marked);
  std::string out;
  out.reserve(html.size() + spans.size() * 64);
  for (size_t i = 0; i < html.size();) {
    const auto b0 = static_cast<unsigned char>(html[i]);
    if ((b0 == 0xF3 || b0 == 0xF4) && i + 3 < html.size()) {
      const unsigned c = ((b0 & 0x07u) << 18) | ((static_cast<unsigned char>(html[i + 1]) & 0x3Fu) << 12) |
                         ((static_cast<unsigned char>(html[i + 2]) & 0x3Fu) << 6) |
                         (static_cast<unsigned char>(html[i + 3]) & 0x3Fu);
      if (c == kClose) {
        out += "</mark>";
        i += 4;
        continue;
      }
      if (c >= kOpenBase && c - kOpenBase < facts.facts.size()) {
        const FactRecord& f = facts.facts[c - kOpenBase];
        out += "<mark class=\"fact fact-" + escape_html(f.kind) + "\" title=\"" +
               escape_html(mark_title(f)) + "\">";
        i += 4;
        continue;
      }
    }
    out += html[i++];
  }
  return out;
}

}  // namespace tidings::serve
