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

constexpr std::string_view kPublishedKeys[] = {
    "article:published_time", "og:article:published_time", "article:published",
    "published_time", "og:published_time", "datepublished", "date_published", "publishdate",
    "publish-date", "publish_date", "pubdate", "pub_date", "dc.date.issued", "dcterms.issued",
    "dc.date", "dcterms.date", "dc.date.created", "dcterms.created", "date", "sailthru.date",
    "parsely-pub-date", "article.published", "article_date_original", "originalpublicationdate",
    "rnews:datepublished", "release_date", "displaydate", "timestamp", "cxenseparse:recs:publishtime",
};
constexpr std::string_view kModifiedKeys[] = {
    "article:modified_time", "og:article:modified_time", "og:updated_time", "article:modified",
    "modified_time", "datemodified", "date_modified", "dc.date.modified", "dcterms.modified",
    "article.updated", "lastmod", "last_modified", "lastmodified", "revised", "last-modified",
};

void add_candidate(std::vector<DateCandidate>& out, std::string_view text, DateSource source,
                   std::string_view label) {
  if (auto d = read_page_date(text)) out.push_back({*d, source, std::string(label)});
}

// Every date string the page's metadata holds, by kind, in priority order.
PageDates collect_dates(const Dom& dom, const MetaTags& meta, const JsonLd& ld) {
  PageDates dates;
  add_candidate(dates.published, ld.date_published, DateSource::kJsonLd, "datePublished");
  add_candidate(dates.modified, ld.date_modified, DateSource::kJsonLd, "dateModified");
  for (std::string_view key : kPublishedKeys) {
    add_candidate(dates.published, meta.get(key), DateSource::kMeta, key);
  }
  for (std::string_view key : kModifiedKeys) {
    add_candidate(dates.modified, meta.get(key), DateSource::kMeta, key);
  }
  // <time>: the ones marked as publication or modification times; any
  // other only when nothing else dates the page.
  std::string_view plain;
  for (int32_t i : dom.times) {
    const xmlNode* n = dom.nodes[i].xml;
    const std::string_view dt = attr(n, "datetime");
    if (dt.empty()) continue;
    const std::string_view itemprop = attr(n, "itemprop");
    if (has_attr(n, "pubdate") || contains_ci(itemprop, "datepublished")) {
      add_candidate(dates.published, dt, DateSource::kTimeElement, "datePublished");
    } else if (contains_ci(itemprop, "datemodified")) {
      add_candidate(dates.modified, dt, DateSource::kTimeElement, "dateModified");
    } else if (auto d = read_page_date(dt)) {
      if (plain.empty()) plain = dt;
      if (d->has_time && !d->has_offset && dates.local_times.size() < 8) {
        dates.local_times.push_back(*d);
      }
    }
  }
  if (dates.published.empty() && !plain.empty()) {
    add_candidate(dates.published, plain, DateSource::kTimeElement, "datetime");
  }
  return dates;
}

// A section name, or "" when it is not one ("Home", an address).
std::string section_name(std::string_view raw) {
  std::string s = clean(raw);
  // "gizmodo.com" is the site, not a section.
  const size_t dot = s.rfind('.');
  const bool host = dot != std::string::npos && dot + 2 < s.size() && s.find(' ') == std::string::npos;
  if (s.empty() || s.size() > 80 || looks_like_url(s) || host || equals_ci(s, "home") ||
      equals_ci(s, "homepage")) {
    return "";
  }
  return s;
}

// articleSection, article:section and kin, else the breadcrumb before the
// article (JSON-LD BreadcrumbList, then a breadcrumb element's links).
std::string find_section(const Dom& dom, const MetaTags& meta, const JsonLd& ld,
                         std::string_view title) {
  for (std::string_view key : {"article:section", "og:article:section"}) {
    if (std::string s = section_name(meta.get(key)); !s.empty()) return s;
  }
  if (std::string s = section_name(ld.section); !s.empty()) return s;
  for (std::string_view key : {"articlesection", "section", "parsely-section", "article.section",
                               "sailthru.section", "cxenseparse:recs:articlesection",
                               "category"}) {
    if (std::string s = section_name(meta.get(key)); !s.empty()) return s;
  }
  // WordPress themes: <a rel="category tag">Khawarij</a> by the post.
  for (int32_t i : dom.anchors) {
    if (!has_token_ci(attr(dom.nodes[i].xml, "rel"), "category")) continue;
    if (std::string s = section_name(inner_text(dom.nodes[i].xml, 120)); !s.empty()) return s;
  }
  // Microdata: <a itemprop="articleSection">Columnists</a>.
  for (const Node& n : dom.nodes) {
    if (n.tag == Tag::kMeta || !equals_ci(attr(n.xml, "itemprop"), "articlesection")) continue;
    if (std::string s = section_name(inner_text(n.xml, 120)); !s.empty()) return s;
  }
  auto from_crumbs = [&](const std::vector<std::string>& crumbs) -> std::string {
    for (auto it = crumbs.rbegin(); it != crumbs.rend(); ++it) {
      if (!title.empty() &&
          (equals_ci(*it, title) || (it->size() > 30 && contains_ci(title, to_lower_ascii(*it))))) {
        continue;
      }
      if (it == crumbs.rbegin() && crumbs.size() > 2 && word_count(*it) > 6) continue;
      return section_name(*it);
    }
    return "";
  };
  if (std::string s = from_crumbs(ld.breadcrumbs); !s.empty()) return s;
  for (const Node& n : dom.nodes) {
    if (!contains_ci(n.cls, "breadcrumb") && !contains_ci(n.id, "breadcrumb")) continue;
    std::vector<std::string> crumbs;
    for (int32_t i : dom.anchors) {
      if (i <= node_index(n.xml) || i >= n.end) continue;
      if (crumbs.size() < 16) crumbs.push_back(inner_text(dom.nodes[i].xml, 120));
    }
    return from_crumbs(crumbs);
  }
  return "";
}

void add_tags(std::vector<std::string>& tags, std::string_view raw, bool split) {
  auto add = [&](std::string_view t) {
    std::string tag = clean(trim(t));
    // "_no-apple-news", "type:article", "@river", "autoplay_video": the
    // CMS's own flags, not topics; a sentence is not a tag either.
    if (tag.empty() || tag.size() > 80 || looks_like_url(tag) || tags.size() >= 30 ||
        tag[0] == '_' || tag[0] == '@' || tag.find(':') != std::string::npos ||
        (tag.find('_') != std::string::npos && tag.find(' ') == std::string::npos) ||
        word_count(tag) > 8) {
      return;
    }
    for (const std::string& have : tags) {
      if (equals_ci(have, tag)) return;
    }
    tags.push_back(std::move(tag));
  };
  if (!split) return add(raw);
  size_t start = 0;
  for (size_t i = 0; i <= raw.size(); ++i) {
    if (i == raw.size() || raw[i] == ',' || raw[i] == ';') {
      add(raw.substr(start, i - start));
      start = i + 1;
    }
  }
}

// The first of article:tag, JSON-LD keywords, news_keywords and kin that
// the page has (they name the same topics in different spellings), in page
// order; the keywords <meta> (often the same words on every page) last.
std::vector<std::string> find_tags(const Dom& dom, const MetaTags& meta, const JsonLd& ld) {
  std::vector<std::string> tags;
  // Several article:tag values are one tag each ("Elections, Governors");
  // a single one may be the whole list, comma-separated.
  for (std::string_view key : {"article:tag", "og:article:tag"}) {
    const std::vector<std::string_view> values = meta.all(key);
    for (std::string_view t : values) add_tags(tags, t, values.size() == 1);
    if (!tags.empty()) break;
  }
  if (tags.empty()) {
    for (const std::string& k : ld.keywords) add_tags(tags, k, true);
  }
  for (std::string_view key : {"news_keywords", "parsely-tags", "sailthru.tags", "keywords"}) {
    if (tags.empty()) add_tags(tags, meta.get(key), true);
  }
  // Nothing in the metadata: WordPress themes' <a rel="tag"> links by the
  // post (a "category tag" or a /category/ link is the section).
  if (tags.empty()) {
    for (int32_t i : dom.anchors) {
      const std::string_view rel = attr(dom.nodes[i].xml, "rel");
      if (has_token_ci(rel, "tag") && !has_token_ci(rel, "category") &&
          !contains_ci(attr(dom.nodes[i].xml, "href"), "/category/")) {
        add_tags(tags, inner_text(dom.nodes[i].xml, 120), false);
      }
    }
  }
  return tags;
}

// The headline the page shows when the document's <title> agrees with it
// (og:title is sometimes a shorter version for sharing), else og:title,
// JSON-LD headline, <title> without the site's name, <h1>.
std::string find_title(const Dom& dom, const MetaTags& meta, const JsonLd& ld,
                       std::string_view site_name) {
  std::string title;
  if (!dom.titles.empty()) title = clean(raw_text(dom.nodes[dom.titles[0]].xml, kMaxField));
  std::string h1;
  for (int32_t i : dom.headings1) {
    h1 = inner_text(dom.nodes[i].xml, kMaxField);
    if (!h1.empty()) break;
  }
  std::string og = first_meta(meta, {"og:title", "twitter:title"});
  if (!h1.empty() && ((!title.empty() && (title_has_part(title, h1) ||
                                          equals_ci(strip_site_from_title(title, site_name), h1))) ||
                      (!og.empty() && title_has_part(og, h1)))) {
    return h1;
  }
  // The page's only <h1>, when it is a headline (four words or more, not
  // the site's name, not a link to another story): og:title and <title>
  // are then often versions written for sharing and search engines.
  if (dom.headings1.size() == 1 && word_count(h1) >= 4 && h1.size() <= 400 &&
      !is_site_name(h1, site_name)) {
    const int32_t at = dom.headings1[0];
    bool linked = false;  // "<h1><a href=...>Another story</a></h1>" (Digg, aggregators)
    for (int32_t i = at + 1; i < dom.nodes[at].end && !linked; ++i) {
      linked = dom.nodes[i].tag == Tag::kA && has_attr(dom.nodes[i].xml, "href") &&
               inner_text(dom.nodes[i].xml, kMaxField).size() * 2 >= h1.size();
    }
    if (!linked) return h1;
  }
  if (!og.empty()) return strip_site_from_title(og, site_name);
  if (!ld.headline.empty()) return clean(ld.headline);
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

std::vector<std::string_view> MetaTags::all(std::string_view key) const {
  std::vector<std::string_view> out;
  for (const auto& [k, v] : entries) {
    if (k == key && !trim(v).empty()) out.push_back(v);
  }
  return out;
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
                   const std::string& page_url, const std::string& base, Article& a,
                   PageDates& dates, std::string& html_lang) {
  a.url = page_url;
  // A name, never an address ("https://site.example/#org" is an @id).
  // og:site_name written as a handle ("detroitnews") yields to the
  // publisher's name when that is the same name spelled out.
  std::string og_site = first_meta(meta, {"og:site_name"});
  const std::string publisher = clean(ld.publisher);
  if (!publisher.empty() && !og_site.empty() && og_site.find(' ') == std::string::npos &&
      to_lower_ascii(og_site) == og_site && name_key(publisher).find(og_site) != std::string::npos) {
    og_site = publisher;
  }
  for (std::string candidate : {og_site, publisher, first_meta(meta, {"application-name"})}) {
    if (!candidate.empty() && !looks_like_url(candidate) && candidate[0] != '@') {
      a.site_name = std::move(candidate);
      break;
    }
  }
  a.title = find_title(dom, meta, ld, a.site_name);
  // The name the <title> gives after the headline: when none is declared,
  // or when the declared one is not the host's and this one is ("U.S." in
  // og:site_name on reuters.com, whose titles end "- Reuters").
  if (!dom.titles.empty()) {
    std::string from_title =
        site_from_title(clean(raw_text(dom.nodes[dom.titles[0]].xml, kMaxField)), a.title);
    const std::string host = name_key(url_host(page_url));
    const std::string title_key = name_key(from_title), declared_key = name_key(a.site_name);
    if (a.site_name.empty() ||
        (title_key.size() >= 4 && host.find(title_key) != std::string::npos &&
         host.find(declared_key) == std::string::npos)) {
      if (!from_title.empty()) a.site_name = std::move(from_title);
    }
  }
  a.authors = find_authors(dom, meta, ld, a.site_name);
  a.byline.clear();
  for (const std::string& name : a.authors) {
    if (!a.byline.empty()) a.byline += ", ";
    a.byline += name;
  }
  dates = collect_dates(dom, meta, ld);
  a.section = find_section(dom, meta, ld, a.title);
  a.tags = find_tags(dom, meta, ld);

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
