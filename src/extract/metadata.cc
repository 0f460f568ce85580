// Metadata decisions (see metadata.h): which tag wins for each field.
#include "extract/metadata.h"

#include "core/url.h"
#include "extract/text_ops.h"

namespace tidings::extract_detail {

namespace {

constexpr size_t kMaxField = 2048;

std::string clean(std::string_view s) {
  std::string out = collapse_whitespace(s.substr(0, kMaxField * 2));
  if (out.size() > kMaxField) out.resize(kMaxField);
  return out;
}

std::string first_meta(const MetaTags& meta, std::initializer_list<std::string_view> keys) {
  for (std::string_view k : keys) {
    const std::string_view v = meta.get(k);
    if (!trim(v).empty()) return clean(v);
  }
  return "";
}

bool has_rel(const xmlNode* n, std::string_view token) {
  return has_token_ci(attr(n, "rel"), token);
}

// Resolved absolute http(s) URL, or "".
std::string absolute(const std::string& base, std::string_view ref) {
  const std::string_view r = trim(ref);
  if (r.empty()) return "";
  std::string url = resolve_url(base, r);
  return is_http_url(url) ? url : "";
}

// "By Jane Doe" -> "Jane Doe"; rejects URLs and over-long strings.
std::string clean_byline(std::string_view raw) {
  std::string s = collapse_whitespace(raw.substr(0, 1024));
  std::string_view v = s;
  if (starts_with_ci(v, "by:")) {
    v.remove_prefix(3);
  } else if (starts_with_ci(v, "by ")) {
    v.remove_prefix(3);
  }
  v = trim(v);
  if (v.empty() || v.size() > 200 || looks_like_url(v)) return "";
  return std::string(v);
}

std::string find_byline(const Dom& dom, const MetaTags& meta, const JsonLd& ld) {
  for (std::string_view key : {"author", "article:author", "dc.creator", "parsely-author",
                               "sailthru.author", "byl", "dcterms.creator"}) {
    std::string b = clean_byline(meta.get(key));
    if (!b.empty()) return b;
  }
  if (std::string b = clean_byline(ld.author); !b.empty()) return b;
  for (int32_t i : dom.anchors) {
    if (!has_rel(dom.nodes[i].xml, "author")) continue;
    std::string b = clean_byline(inner_text(dom.nodes[i].xml, 256));
    if (!b.empty()) return b;
  }
  for (const Node& n : dom.nodes) {
    if (n.cls.empty() && n.id.empty() && n.tag != Tag::kSpan && n.tag != Tag::kDiv) continue;
    const bool named = contains_ci(n.cls, "byline") || contains_ci(n.id, "byline") ||
                       equals_ci(attr(n.xml, "itemprop"), "author");
    if (!named) continue;
    std::string b = clean_byline(inner_text(n.xml, 256));
    if (!b.empty() && b.size() <= 120) return b;
  }
  return "";
}

std::optional<Instant> accept(std::string_view text, Instant now) {
  auto t = parse_page_date(text);
  if (!t || *t > now + std::chrono::hours(24)) return std::nullopt;
  return t;
}

std::optional<Instant> find_published(const Dom& dom, const MetaTags& meta, const JsonLd& ld,
                                      Instant now) {
  if (auto t = accept(ld.date_published, now)) return t;
  for (std::string_view key :
       {"article:published_time", "og:article:published_time", "article:published",
        "published_time", "og:published_time", "datepublished", "date_published",
        "publishdate", "publish-date", "publish_date", "pubdate", "pub_date", "dc.date.issued",
        "dcterms.issued", "dc.date", "dcterms.date", "dc.date.created", "dcterms.created",
        "date", "sailthru.date", "parsely-pub-date", "article.published",
        "article_date_original", "originalpublicationdate", "rnews:datepublished",
        "release_date", "displaydate", "timestamp"}) {
    if (auto t = accept(meta.get(key), now)) return t;
  }
  // <time>: the one marked as the publication time first, then any.
  for (int pass = 0; pass < 2; ++pass) {
    for (int32_t i : dom.times) {
      const xmlNode* n = dom.nodes[i].xml;
      if (pass == 0 && !has_attr(n, "pubdate") &&
          !contains_ci(attr(n, "itemprop"), "datepublished")) {
        continue;
      }
      std::string_view dt = attr(n, "datetime");
      if (auto t = accept(dt, now)) return t;
    }
  }
  return std::nullopt;
}

std::string find_title(const Dom& dom, const MetaTags& meta, const JsonLd& ld,
                       std::string_view site_name) {
  std::string og = first_meta(meta, {"og:title", "twitter:title"});
  if (!og.empty()) return strip_site_from_title(og, site_name);
  if (!ld.headline.empty()) return clean(ld.headline);
  std::string title;
  if (!dom.titles.empty()) title = clean(raw_text(dom.nodes[dom.titles[0]].xml, kMaxField));
  std::string h1;
  for (int32_t i : dom.headings1) {
    h1 = inner_text(dom.nodes[i].xml, kMaxField);
    if (!h1.empty()) break;
  }
  if (!h1.empty() && (title.empty() || contains_ci(title, to_lower_ascii(h1)))) return h1;
  if (!title.empty()) return strip_site_from_title(title, site_name);
  return h1;
}

std::string language_tag(std::string_view raw) {
  raw = trim(raw);
  std::string out;
  for (char c : raw) {
    if (c == '-' || c == '_') break;
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return "";
    out += ascii_lower(c);
  }
  return out.size() == 2 ? out : "";
}

}  // namespace

bool looks_like_url(std::string_view s) {
  s = trim(s);
  return starts_with_ci(s, "http://") || starts_with_ci(s, "https://") || starts_with_ci(s, "//") ||
         starts_with_ci(s, "www.") || (!s.empty() && (s[0] == '#' || s[0] == '/'));
}

std::string_view MetaTags::get(std::string_view key) const {
  for (const auto& [k, v] : entries) {
    if (k == key && !v.empty()) return v;
  }
  return {};
}

MetaTags collect_meta(const Dom& dom) {
  MetaTags meta;
  for (int32_t i : dom.metas) {
    const xmlNode* n = dom.nodes[i].xml;
    std::string_view value = attr(n, "content");
    if (value.empty()) value = attr(n, "value");
    if (value.empty()) continue;
    for (const char* key_attr : {"property", "name", "itemprop", "http-equiv"}) {
      const std::string_view key = trim(attr(n, key_attr));
      if (!key.empty() && key.size() < 128) meta.entries.emplace_back(to_lower_ascii(key), value);
    }
  }
  return meta;
}

std::string base_url(const Dom& dom, const std::string& page_url) {
  for (int32_t i : dom.bases) {
    const std::string_view href = attr(dom.nodes[i].xml, "href");
    if (href.empty()) continue;
    std::string b = resolve_url(page_url, trim(href));
    if (is_http_url(b)) return b;
    break;
  }
  return page_url;
}

void fill_metadata(const Dom& dom, const MetaTags& meta, const JsonLd& ld,
                   const std::string& page_url, const std::string& base, Instant now,
                   Article& a, std::string& html_lang) {
  a.url = page_url;
  // A name, never an address ("https://site.example/#org" is an @id).
  for (std::string candidate : {first_meta(meta, {"og:site_name"}), clean(ld.publisher),
                                first_meta(meta, {"application-name"})}) {
    if (!candidate.empty() && !looks_like_url(candidate)) {
      a.site_name = std::move(candidate);
      break;
    }
  }
  a.title = find_title(dom, meta, ld, a.site_name);
  a.byline = find_byline(dom, meta, ld);
  a.published_at = find_published(dom, meta, ld, now);

  for (int32_t i : dom.links) {
    if (!has_rel(dom.nodes[i].xml, "canonical")) continue;
    a.canonical_url = absolute(base, attr(dom.nodes[i].xml, "href"));
    if (!a.canonical_url.empty()) break;
  }
  if (a.canonical_url.empty()) a.canonical_url = absolute(base, meta.get("og:url"));
  if (a.canonical_url.empty()) a.canonical_url = page_url;

  for (std::string_view key : {"og:image", "og:image:url", "og:image:secure_url",
                               "twitter:image", "twitter:image:src"}) {
    a.image = absolute(base, meta.get(key));
    if (!a.image.empty()) break;
  }
  if (a.image.empty()) a.image = absolute(base, ld.image);
  if (a.image.empty()) {
    for (int32_t i : dom.links) {
      if (!has_rel(dom.nodes[i].xml, "image_src")) continue;
      a.image = absolute(base, attr(dom.nodes[i].xml, "href"));
      if (!a.image.empty()) break;
    }
  }

  html_lang.clear();
  if (!dom.nodes.empty()) html_lang = language_tag(attr(dom.nodes[0].xml, "lang"));
  if (html_lang.empty()) html_lang = language_tag(attr(dom.nodes[0].xml, "xml:lang"));
  if (html_lang.empty()) html_lang = language_tag(meta.get("content-language"));
  if (html_lang.empty()) html_lang = language_tag(meta.get("og:locale"));
}

}  // namespace tidings::extract_detail
