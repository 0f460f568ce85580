// Which element of which vocabulary starts which field: RSS 0.9x/2.0
// (no namespace), RSS 1.0 (RDF), CDF (Microsoft's Channel Definition
// Format: <CHANNEL HREF LASTMOD>, <ITEM>, <ABSTRACT>), Atom 0.3 and 1.0
// (RFC 4287), Dublin Core, content:encoded, <body>/<fullitem>, iTunes, Media
// RSS and sitemaps.org with Google News. Namespaces are matched by URI;
// element and attribute names without case, as feedparser does (CDF is
// upper case, some feeds capitalise RSS's names). feed_values.cc stores what
// the fields capture.
#include <libxml/parser.h>

#include <algorithm>

#include "collect/feed_internal.h"
#include "collect/feed_sax.h"
#include "core/url.h"

namespace tidings::feed {
namespace {

bool is_rss(Ns ns) { return ns == Ns::kNone || ns == Ns::kRss10 || ns == Ns::kRss090; }
bool is_atom(Ns ns) { return ns == Ns::kAtom10 || ns == Ns::kAtom03; }

bool in_item(const SaxState& s) { return s.item_depth >= 0; }

std::optional<uint64_t> parse_length(std::string_view text) {
  text = trim_space(text);
  if (text.empty() || text.size() >= 20 || text.find_first_not_of("0123456789") != std::string_view::npos) {
    return std::nullopt;
  }
  return std::stoull(std::string(text));
}

void begin_capture(SaxState& s, Field field, TextMode mode = TextMode::kText, bool strip_div = false) {
  s.field = field;
  s.capture_depth = depth(s);
  s.mode = mode;
  s.strip_div = strip_div;
  s.in_div = false;
  s.buf.clear();
}

// Atom text constructs: type="xhtml" (1.0) and mode="xml"/"base64" (0.3).
// A <div> wrapping escaped HTML (TypePad's habit) is dropped as well.
void begin_text_construct(SaxState& s, Field field, const unsigned char** attrs, int n) {
  const Frame& f = s.frames.back();
  const std::string type = attribute(attrs, n, "type");
  if (f.ns == Ns::kAtom10) {
    if (field == Field::kContent && !attribute(attrs, n, "src").empty()) return;  // out of line
    if (type == "xhtml" || type == "application/xhtml+xml") {
      return begin_capture(s, field, TextMode::kXml, true);
    }
    // RFC 4287 §4.1.3.3: other non-XML, non-text types are Base64.
    if (!type.empty() && type != "text" && type != "html" && type.rfind("text/", 0) != 0 &&
        type.find("xml") == std::string::npos) {
      return begin_capture(s, field, TextMode::kBase64);
    }
  } else if (f.ns == Ns::kAtom03) {
    const std::string mode = attribute(attrs, n, "mode");
    if (mode == "base64") return begin_capture(s, field, TextMode::kBase64);
    if (mode != "escaped" && (type.find("html") != std::string::npos)) {
      return begin_capture(s, field, TextMode::kXml, false);
    }
  }
  begin_capture(s, field, TextMode::kText, true);
}

// CDF puts an item's (or the channel's) link and date in attributes.
void cdf_attributes(SaxState& s, const unsigned char** attrs, int n) {
  const std::string href = attribute(attrs, n, "href");
  if (!href.empty()) apply(s, Field::kLink, href);
  const std::string lastmod = attribute(attrs, n, "lastmod");
  if (!lastmod.empty()) apply(s, Field::kUpdated, lastmod);
}

void start_root(SaxState& s, std::string_view l, const Frame& f, const unsigned char** attrs, int n) {
  std::string& format = s.feed.format;
  if (l == "rss") {
    const std::string v = std::string(trim_space(attribute(attrs, n, "version")));
    if (v == "0.91") {
      format = s.doctype_public.find("Netscape") != std::string::npos ? "rss091n" : "rss091u";
    } else if (v == "0.90") {
      format = "rss090";
    } else if (v == "0.92" || v == "0.93" || v == "0.94") {
      format = "rss09" + v.substr(3);
    } else if (!v.empty() && v[0] == '2') {
      format = "rss20";
    } else {
      format = "rss";
    }
  } else if (l == "rdf" && (f.ns == Ns::kRdf || f.ns == Ns::kOther)) {
    format = s.default_ns_rss090 ? "rss090" : "rss10";
  } else if (l == "feed" && (is_atom(f.ns) || f.ns == Ns::kNone || f.ns == Ns::kOther)) {
    const std::string v = attribute(attrs, n, "version");
    format = f.ns == Ns::kAtom10 ? "atom10" : (f.ns == Ns::kAtom03 || v == "0.3") ? "atom03" : "atom";
  } else if (l == "urlset") {
    format = "sitemap";
  } else if (l == "sitemapindex") {
    format = "sitemapindex";
  } else if (l == "channel") {  // an RSS fragment, or CDF
    format = "rss";
  } else {
    s.feed.bozo_message = "unknown root element <" + std::string(f.local) + ">";
    xmlStopParser(static_cast<xmlParserCtxtPtr>(s.ctxt));
    return;
  }
  s.root_seen = true;
  if (l == "feed") s.root_alias = format == "atom03" ? Ns::kAtom03 : Ns::kAtom10;
  if (l == "channel") cdf_attributes(s, attrs, n);
}

void start_item(SaxState& s) {
  if (s.feed.items.size() >= s.options->max_items) {
    set_bozo(s.feed, "more than " + std::to_string(s.options->max_items) + " items; the rest dropped");
    xmlStopParser(static_cast<xmlParserCtxtPtr>(s.ctxt));
    return;
  }
  s.feed.items.emplace_back();
  s.item_depth = depth(s);
  s.item_link_rank = 0;
  s.item_title_rank = Rank::kNone;
  s.item_content_rank = Rank::kNone;
  s.guid_is_permalink = false;
}

void start_atom_link(SaxState& s, const unsigned char** attrs, int n) {
  std::string rel = attribute(attrs, n, "rel");
  if (rel.empty()) rel = "alternate";
  const std::string href = attribute(attrs, n, "href");
  if (href.empty()) {  // <link rel="alternate">http://...</link>: the text is the href
    s.link_rel = std::move(rel);
    s.link_type = attribute(attrs, n, "type");
    return begin_capture(s, Field::kAtomLinkText);
  }
  atom_link(s, rel, href, attribute(attrs, n, "type"), attribute(attrs, n, "length"));
}

void rss_enclosure(SaxState& s, const unsigned char** attrs, int n) {
  FeedItem* it = item(s);
  if (!it || it->enclosures.size() >= kMaxListItems) return;
  const std::string url = attribute(attrs, n, "url");
  if (url.empty()) return;
  it->enclosures.push_back({resolve(s, url), attribute(attrs, n, "type"), parse_length(attribute(attrs, n, "length"))});
}

void add_category(SaxState& s, std::string_view term) {
  FeedItem* it = item(s);
  term = trim_space(term);
  if (it && !term.empty() && it->categories.size() < kMaxListItems) it->categories.emplace_back(term);
}

void start_rss_element(SaxState& s, std::string_view l, int d, const unsigned char** attrs, int n) {
  const Field summary = in_item(s) ? Field::kSummary : Field::kSubtitle;
  if (l == "title") begin_capture(s, Field::kTitle);
  else if (l == "link") begin_capture(s, Field::kLink);
  else if (l == "description" || l == "abstract" || l == "summary") begin_capture(s, summary);
  else if (l == "guid") {
    const std::string perma = attribute(attrs, n, "ispermalink");
    s.guid_is_permalink = perma.empty() || perma == "true";
    begin_capture(s, Field::kId);
  } else if (l == "pubdate") begin_capture(s, Field::kPublished);
  else if (l == "lastbuilddate") begin_capture(s, Field::kUpdated);
  else if (l == "category") begin_capture(s, Field::kCategory);
  else if (l == "author" || l == "managingeditor") begin_capture(s, Field::kPersonText);
  else if (l == "language") begin_capture(s, Field::kLanguage);
  else if (l == "enclosure") rss_enclosure(s, attrs, n);
  else if (l == "body" && in_item(s)) begin_capture(s, Field::kContent, TextMode::kXml);
  else if (l == "fullitem" && in_item(s)) begin_capture(s, Field::kContent);
  else if (l == "image" || l == "textinput" || l == "source") s.skip_depth = d;
}

void start_atom_element(SaxState& s, std::string_view l, int d, const unsigned char** attrs, int n) {
  if (l == "title") begin_text_construct(s, Field::kTitle, attrs, n);
  else if (l == "link") start_atom_link(s, attrs, n);
  else if (l == "summary") begin_text_construct(s, Field::kSummary, attrs, n);
  else if (l == "content") begin_text_construct(s, Field::kContent, attrs, n);
  else if (l == "subtitle" || l == "tagline") begin_text_construct(s, Field::kSubtitle, attrs, n);
  else if (l == "id") begin_capture(s, Field::kId);
  else if (l == "published" || l == "issued") begin_capture(s, Field::kPublished);
  else if (l == "updated" || l == "modified") begin_capture(s, Field::kUpdated);
  else if (l == "category") add_category(s, attribute(attrs, n, "term"));
  else if (l == "author") {
    s.person_depth = d;
    s.person = FeedPerson{};
    s.person_in_item = in_item(s);
  } else if (l == "source" || l == "contributor" || l == "info") s.skip_depth = d;
}

void start_other_element(SaxState& s, Ns ns, std::string_view l, const unsigned char** attrs, int n) {
  const Field summary = in_item(s) ? Field::kSummary : Field::kSubtitle;
  switch (ns) {
    case Ns::kDc:
      if (l == "title") begin_capture(s, Field::kTitle);
      else if (l == "creator" || l == "author") begin_capture(s, Field::kPersonText);
      else if (l == "date" || l == "modified") begin_capture(s, Field::kUpdated);
      else if (l == "issued") begin_capture(s, Field::kPublished);
      else if (l == "subject") begin_capture(s, Field::kCategory);
      else if (l == "language") begin_capture(s, Field::kLanguage);
      else if (l == "description") begin_capture(s, summary);
      else if (l == "identifier") begin_capture(s, Field::kId);
      break;
    case Ns::kContent:
      if (l == "encoded") begin_capture(s, Field::kContent);
      break;
    case Ns::kXhtml:  // <xhtml:body> in an RSS item
      if (l == "body" && in_item(s)) begin_capture(s, Field::kContent, TextMode::kXml);
      break;
    case Ns::kItunes:
      if (l == "author") begin_capture(s, Field::kItunesAuthor);
      else if (l == "summary" || l == "subtitle") begin_capture(s, summary);
      else if (l == "category") add_category(s, attribute(attrs, n, "text"));
      break;
    case Ns::kMedia:
      if (l == "title") begin_capture(s, Field::kMediaTitle);
      else if (l == "category") begin_capture(s, Field::kCategory);
      break;
    default:
      break;
  }
}

void start_sitemap_element(SaxState& s, Ns ns, std::string_view l) {
  if (ns == Ns::kSitemap || ns == Ns::kNone) {
    if (l == "loc") begin_capture(s, Field::kLoc);
    else if (l == "lastmod") begin_capture(s, Field::kLastmod);
  } else if (ns == Ns::kNews) {
    if (l == "title") begin_capture(s, Field::kNewsTitle);
    else if (l == "publication_date") begin_capture(s, Field::kNewsDate);
    else if (l == "name") begin_capture(s, Field::kNewsName);
    else if (l == "language") begin_capture(s, Field::kNewsLanguage);
  }
}

}  // namespace

std::string resolve(const SaxState& s, std::string_view ref) {
  ref = trim_space(ref);
  if (ref.empty()) return "";
  const std::string& base = s.bases[s.frames.empty() ? 0 : s.frames.back().base];
  std::string out = resolve_link(base, ref);  // no base: normalises absolute URLs, "" otherwise
  return out.empty() ? std::string(ref) : out;
}

void atom_link(SaxState& s, std::string_view rel, std::string_view href, std::string_view type,
               std::string_view length) {
  href = trim_space(href);
  if (href.empty()) return;
  FeedItem* it = item(s);
  if (rel == "alternate") {
    const int rank = (type.empty() || type == "text/html" || type == "application/xhtml+xml") ? 4 : 3;
    int& current = it ? s.item_link_rank : s.feed_link_rank;
    if (rank > current) {
      current = rank;
      (it ? it->link : s.feed.link) = resolve(s, href);
    }
  } else if (rel == "enclosure" && it && it->enclosures.size() < kMaxListItems) {
    it->enclosures.push_back({resolve(s, href), std::string(type), parse_length(length)});
  }
}

void element_start(SaxState& s, const unsigned char** attrs, int n) {
  const Frame& f = s.frames.back();
  // Names are matched without case (CDF writes ITEM); most are lower case
  // already and are read in place.
  std::string_view l = f.local;
  if (std::any_of(l.begin(), l.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
    std::string& lower = s.lower_local;
    lower.assign(f.local);
    for (char& c : lower) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
    l = lower;
  }
  const int d = depth(s);
  if (d == 0) return start_root(s, l, f, attrs, n);
  if (s.skip_depth >= 0) return;
  const bool sitemap = s.feed.format == "sitemap" || s.feed.format == "sitemapindex";
  if (s.person_depth >= 0) {
    if (!is_atom(f.ns)) return;
    if (l == "name") begin_capture(s, Field::kPersonName);
    else if (l == "email") begin_capture(s, Field::kPersonEmail);
    else if (l == "uri" || l == "url" || l == "homepage") begin_capture(s, Field::kPersonUri);
    return;
  }
  if (!in_item(s)) {
    if (sitemap ? (d == 1 && (l == "url" || l == "sitemap") && (f.ns == Ns::kSitemap || f.ns == Ns::kNone))
                : ((l == "item" && is_rss(f.ns)) || (l == "entry" && is_atom(f.ns)))) {
      if (f.ns == Ns::kRss090) s.feed.format = "rss090";
      start_item(s);
      if (!in_item(s)) return;
      if (f.ns == Ns::kRss10) s.feed.items.back().id = attribute(attrs, n, "about", Ns::kRdf);
      if (f.ns == Ns::kNone && !sitemap) cdf_attributes(s, attrs, n);
      return;
    }
  }
  if (sitemap) {
    if (in_item(s)) start_sitemap_element(s, f.ns, l);
    return;
  }
  if (f.ns == Ns::kRss090 && s.feed.format == "rss10") s.feed.format = "rss090";
  if (l == "channel" && is_rss(f.ns) && !in_item(s) && d <= 1) {
    s.channel_depth = d;
    return;
  }
  // iTunes categories nest (<itunes:category text="Technology"><itunes:category text="Gadgets"/>).
  if (f.ns == Ns::kItunes && l == "category" && in_item(s)) return add_category(s, attribute(attrs, n, "text"));
  // Fields are direct children of their item or channel: a <title> inside
  // an item's <image> is not the item's title.
  if (d != (in_item(s) ? s.item_depth : s.channel_depth) + 1) return;
  if (is_rss(f.ns)) return start_rss_element(s, l, d, attrs, n);
  if (is_atom(f.ns)) return start_atom_element(s, l, d, attrs, n);
  start_other_element(s, f.ns, l, attrs, n);
}

}  // namespace tidings::feed
