// Source-link detection (see source_links.h).
#include "extract/source_links.h"

#include <unordered_map>

#include "core/url.h"
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

// Openings of a short block whose links credit the source.
constexpr std::string_view kCreditLines[] = {
    "source:", "sources:", "source -", "via:", "originally published", "originally appeared",
    "this article originally appeared", "this article was originally published",
    "this story originally appeared", "this story was originally published",
    "republished from", "reprinted from", "courtesy of",
};

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
  for (std::string_view opening : kCreditLines) {
    if (starts_with_ci(text, opening)) return true;
  }
  return false;
}

class LinkSet {
 public:
  void add(std::string url, std::string text, const char* kind) {
    if (url.empty() || !is_http_url(url)) return;
    for (const SourceLink& l : links_) {
      if (l.url == url) return;
    }
    links_.push_back(SourceLink{std::move(url), std::move(text), kind});
  }
  std::vector<SourceLink> take() { return std::move(links_); }

 private:
  std::vector<SourceLink> links_;
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
                                          const std::string& canonical_url) {
  LinkSet links;
  std::unordered_map<int32_t, bool> credit_blocks;
  for (int32_t i : dom.anchors) {
    const xmlNode* a = dom.nodes[i].xml;
    const std::string_view href = trim(attr(a, "href"));
    if (href.empty() || href[0] == '#' || starts_with_ci(href, "javascript:") ||
        starts_with_ci(href, "mailto:")) {
      continue;
    }
    const std::string text = inner_text(a, 300);
    bool credit = is_credit_anchor(text);
    if (!credit) {
      const int32_t block = block_of(dom, i);
      if (block >= 0) {
        auto it = credit_blocks.find(block);
        if (it == credit_blocks.end()) {
          // Only short blocks can be credit lines; their start is enough.
          const bool short_block = dom.nodes[block].all.chars <= 300;
          it = credit_blocks
                   .emplace(block, short_block && is_credit_line(inner_text(dom.nodes[block].xml, 64)))
                   .first;
        }
        credit = it->second;
      }
    }
    if (credit) links.add(resolve_url(base, href), text, "link");
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
    const std::string page_host = site_host(page_url), canonical_host = site_host(canonical_url);
    if (!page_host.empty() && !canonical_host.empty() && page_host != canonical_host) {
      links.add(canonical_url, "", "canonical");
    }
  }
  return links.take();
}

}  // namespace tidings::extract_detail
