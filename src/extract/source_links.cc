// Source-link detection (see source_links.h).
#include "extract/source_links.h"

#include <unordered_map>
#include <unordered_set>

#include "core/url.h"
#include "extract/agencies.h"
#include "extract/text_credits.h"
#include "extract/text_ops.h"

namespace tidings::extract_detail {

namespace {

// Whole anchor texts (lower case, trailing punctuation ignored) that credit.
constexpr std::string_view kCreditAnchors[] = {
    "source", "source link", "the source", "original source", "source article",
    "original article", "original", "read original", "read the original",
    "read original article", "read the original article", "view original",
    "view original article", "original story", "read the original story", "link to source",
    "go to source", "visit source", "click to enter the source",
};

// Openings of a short block whose links credit the source (after any
// leading dash or bullet: "— Source: <a>Agency</a>").
constexpr std::string_view kCreditLines[] = {
    "source:", "sources:", "source -", "via:", "originally published", "originally appeared",
    "this article originally appeared", "this article was originally published",
    "this story originally appeared", "this story was originally published",
    "republished from", "reprinted from", "courtesy of",
};

// Phrases that send the reader to the whole story somewhere else when a
// preposition follows: "<a>Read more</a> at Global Wire", "Read the full story
// on <a>X</a>", "First published by <a>X</a>". They credit only when the link
// leaves the site: on the same site they are related-posts links.
constexpr std::string_view kElsewhereLeads[] = {
    "read more", "read the full story", "read the full article", "read the whole story",
    "read the rest of the story", "read the rest", "read the story", "read full story",
    "read full article", "full story", "continue reading", "keep reading",
    "first published", "first appeared", "this article first appeared",
    "this story first appeared",
};
constexpr std::string_view kElsewherePrepositions[] = {"at", "on", "from", "in", "by"};

std::string anchor_key(std::string_view text) {
  std::string key = to_lower_ascii(trim(text));
  while (!key.empty() && (key.back() == ':' || key.back() == '.' || key.back() == '>' ||
                          key.back() == ' ')) {
    key.pop_back();
  }
  // Arrows and guillemets around "Source link »".
  for (std::string_view mark : {"\xC2\xBB", "\xE2\x86\x92", "\xE2\x80\xBA"}) {
    if (key.size() >= mark.size() && key.compare(key.size() - mark.size(), mark.size(), mark) == 0) {
      key.resize(key.size() - mark.size());
      while (!key.empty() && key.back() == ' ') key.pop_back();
    }
  }
  return key;
}

bool is_credit_anchor(std::string_view text) {
  const std::string key = anchor_key(text);
  for (std::string_view a : kCreditAnchors) {
    if (key == a) return true;
  }
  return starts_with_ci(key, "via ") && word_count(key) <= 6;
}

// The nearest block ancestor of element `i`.
int32_t block_of(const Dom& dom, int32_t i) {
  for (int32_t a = dom.nodes[i].parent; a >= 0; a = dom.nodes[a].parent) {
    if (is_block(dom.nodes[a].tag)) return a;
  }
  return -1;
}

bool is_credit_line(std::string_view text) {
  text = skip_leading_marks(text);
  for (std::string_view opening : kCreditLines) {
    if (starts_with_ci(text, opening)) return true;
  }
  return false;
}

// The length of the "read more"-like lead `text` starts with when a
// preposition follows it ("Read more at", "Continue reading on:"), or 0. With
// `lead_only`, the text may also be the lead alone ("Read more »").
size_t elsewhere_lead(std::string_view text, bool lead_only) {
  text = skip_leading_marks(text);
  size_t best = 0;
  for (std::string_view lead : kElsewhereLeads) {
    if (lead.size() <= best || !starts_with_ci(text, lead)) continue;
    std::string_view rest = trim(text.substr(lead.size()));
    if (lead_only && skip_leading_marks(rest).empty()) {
      best = lead.size();
      continue;
    }
    for (std::string_view prep : kElsewherePrepositions) {
      if (!starts_with_ci(rest, prep)) continue;
      std::string_view after = rest.substr(prep.size());
      if (after.empty() || after[0] == ' ' || after[0] == ':') {
        // "Read more on this topic: <a>..</a>" lists stories and "Continue
        // reading in the app" sells one: neither credits a source.
        after = after.empty() || after[0] != ':' ? after : after.substr(1);
        const bool app = has_token_ci(after.substr(0, 16), "app");
        if (after.find(':') == std::string_view::npos && !app) best = lead.size();
        break;
      }
    }
  }
  return best;
}

// "... <a>Read more</a> at X" or "... read the full story at <a>X</a>" inside
// a longer paragraph: the anchor's own text and the text just around it.
bool is_elsewhere_anchor(const xmlNode* a, std::string_view text) {
  if (elsewhere_lead(text, false) > 0) return true;
  if (elsewhere_lead(text, true) > 0 && a->next != nullptr && a->next->type == XML_TEXT_NODE) {
    const std::string after = to_lower_ascii(trim(node_text(a->next)).substr(0, 16));
    for (std::string_view prep : kElsewherePrepositions) {
      if (after.size() > prep.size() && after.compare(0, prep.size(), prep) == 0 &&
          (after[prep.size()] == ' ' || after[prep.size()] == ':')) {
        return true;
      }
    }
  }
  if (a->prev == nullptr || a->prev->type != XML_TEXT_NODE) return false;
  std::string_view before = trim(node_text(a->prev));
  if (before.size() > 48) before = before.substr(before.size() - 48);
  std::string tail = to_lower_ascii(before);
  while (!tail.empty() && (tail.back() == ':' || tail.back() == ' ')) tail.pop_back();
  for (std::string_view lead : kElsewhereLeads) {
    for (std::string_view prep : kElsewherePrepositions) {
      const std::string phrase = std::string(lead) + " " + std::string(prep);
      if (tail.size() >= phrase.size() &&
          tail.compare(tail.size() - phrase.size(), phrase.size(), phrase) == 0 &&
          (tail.size() == phrase.size() || tail[tail.size() - phrase.size() - 1] == ' ')) {
        return true;
      }
    }
  }
  return false;
}

// A link's text without "via" or a "Source:" label: the name it gives.
std::string_view credit_name(std::string_view text) {
  text = skip_leading_marks(text);
  for (std::string_view label : {"via ", "source:", "sources:", "source "}) {
    if (starts_with_ci(text, label)) return trim(text.substr(label.size()));
  }
  return text;
}

// Short blocks of the content, where a copyright or "Source:" line may sit
// that the text leaves out.
std::vector<std::string> content_lines(const Dom& dom, const std::vector<int32_t>& roots) {
  constexpr int32_t kMaxLineChars = 300;
  constexpr size_t kMaxLines = 2000;
  std::vector<std::string> lines;
  for (int32_t root : roots) {
    for (int32_t i = root; i < dom.nodes[root].end && lines.size() < kMaxLines; ++i) {
      const Node& n = dom.nodes[i];
      if (!is_block(n.tag) || dom.has(n, kHasBlockChild) || dom.has(n, kInRemoved)) continue;
      if (n.all.chars == 0 || n.all.chars > kMaxLineChars) continue;
      lines.push_back(inner_text(n.xml, 4 * kMaxLineChars));
    }
  }
  return lines;
}

class LinkSet {
 public:
  void add(std::string url, std::string text, const char* kind) {
    if (url.empty() || links_.size() >= kMaxLinks || !is_http_url(url)) return;
    if (!urls_.insert(url).second) return;
    const Agency* agency = agency_for_host(site_host(url));
    if (agency == nullptr) agency = agency_named(credit_name(text));
    links_.push_back(SourceLink{std::move(url), std::move(text), kind,
                                agency != nullptr ? std::string(agency->name) : ""});
  }
  // A credit written in the text, unless a link already names its agency or
  // its words ("Source: <a>Wire</a>" is a link and, in words, a credit).
  void add_credit(SourceLink credit) {
    for (const SourceLink& l : links_) {
      if (credit.kind == "credit" &&
          (!credit.agency.empty() ? l.agency == credit.agency
                                  : (!l.text.empty() && credit.text.find(l.text) != std::string::npos))) {
        return;
      }
    }
    links_.push_back(std::move(credit));
  }
  std::vector<SourceLink> take() { return std::move(links_); }

 private:
  // A page that "credits" hundreds of URLs is a link farm or an attack; the
  // first ones are kept.
  static constexpr size_t kMaxLinks = 64;
  std::vector<SourceLink> links_;
  std::unordered_set<std::string> urls_;
};

}  // namespace

std::string site_host(const std::string& url) {
  std::string host = url_host(url);
  for (std::string_view prefix : {"www.", "m.", "amp.", "mobile."}) {
    if (host.size() > prefix.size() + 3 && host.compare(0, prefix.size(), prefix) == 0) {
      host.erase(0, prefix.size());
      break;
    }
  }
  return host;
}

std::vector<SourceLink> find_source_links(const Dom& dom, const MetaTags& meta,
                                          const std::string& base, const std::string& page_url,
                                          const std::string& canonical_url,
                                          const std::vector<int32_t>& roots,
                                          const std::vector<std::string>& paragraphs) {
  LinkSet links;
  // The page's own sites: a "Read more at" link to one of them is a related
  // post, not a source.
  const std::string page_host = site_host(page_url), canonical_host = site_host(canonical_url);
  auto leaves_site = [&](const std::string& url) {
    const std::string host = site_host(url);
    return !host.empty() && host != page_host && host != canonical_host;
  };
  enum class Block : char { kPlain, kCredit, kElsewhere };
  std::unordered_map<int32_t, Block> blocks;
  for (int32_t i : dom.anchors) {
    const xmlNode* a = dom.nodes[i].xml;
    const std::string_view href = trim(attr(a, "href"));
    if (href.empty() || href[0] == '#' || starts_with_ci(href, "javascript:") ||
        starts_with_ci(href, "mailto:")) {
      continue;
    }
    const std::string text = inner_text(a, 300);
    Block kind = is_credit_anchor(text) ? Block::kCredit : Block::kPlain;
    if (kind == Block::kPlain) {
      // Credit blocks are read whether or not the body keeps them: a
      // "Source:" line is left out of the text but still names the source.
      const int32_t block = block_of(dom, i);
      if (block >= 0) {
        auto it = blocks.find(block);
        if (it == blocks.end()) {
          // Only short blocks can be credit lines; their start is enough.
          Block b = Block::kPlain;
          if (dom.nodes[block].all.chars <= 300) {
            const std::string start = inner_text(dom.nodes[block].xml, 120);
            if (is_credit_line(start)) {
              b = Block::kCredit;
            } else if (elsewhere_lead(start, false) > 0) {
              b = Block::kElsewhere;
            }
          }
          it = blocks.emplace(block, b).first;
        }
        kind = it->second;
      }
    }
    if (kind == Block::kPlain && is_elsewhere_anchor(a, text)) kind = Block::kElsewhere;
    if (kind == Block::kPlain) continue;
    std::string url = resolve_url(base, href);
    if (kind == Block::kElsewhere && !leaves_site(url)) continue;
    links.add(std::move(url), text, "link");
  }
  for (int32_t i : dom.links) {
    const xmlNode* l = dom.nodes[i].xml;
    const std::string_view rel = attr(l, "rel");
    if (has_token_ci(rel, "original") || contains_ci(rel, "original-source") ||
        contains_ci(rel, "syndication-source")) {
      links.add(resolve_url(base, trim(attr(l, "href"))), "", "meta");
    }
  }
  for (std::string_view key : {"original-source", "syndication-source", "og:original-source",
                               "original_source", "originalsource"}) {
    const std::string_view v = trim(meta.get(key));
    if (!v.empty()) links.add(resolve_url(base, v), "", "meta");
  }
  if (!page_url.empty() && !canonical_url.empty() && canonical_url != page_url) {
    if (!page_host.empty() && !canonical_host.empty() && page_host != canonical_host) {
      links.add(canonical_url, "", "canonical");
    }
  }
  for (SourceLink& credit : find_text_credits(paragraphs, content_lines(dom, roots))) {
    links.add_credit(std::move(credit));
  }
  return links.take();
}

}  // namespace tidings::extract_detail
