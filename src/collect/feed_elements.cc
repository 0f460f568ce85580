// Which element of which vocabulary fills which field: RSS 0.9x/2.0
// (no namespace), RSS 1.0 (RDF), Atom 0.3 and 1.0 (RFC 4287), Dublin Core,
// content:encoded, iTunes (author fallback) and sitemaps.org with Google
// News. Namespaces are matched by URI. First value wins for single fields;
// links rank alternate HTML > other alternate / RSS <link> > permalink guid.
#include <cstring>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

#include "collect/feed_internal.h"
#include "collect/feed_sax.h"
#include "core/url.h"

namespace tidings::feed {
namespace {

constexpr size_t kMaxListItems = 1000;

bool is_rss(Ns ns) { return ns == Ns::kNone || ns == Ns::kRss10 || ns == Ns::kRss090; }
bool is_atom(Ns ns) { return ns == Ns::kAtom10 || ns == Ns::kAtom03; }

bool in_item(const SaxState& s) { return s.item_depth >= 0; }

std::string resolve(const SaxState& s, std::string_view ref) {
  ref = trim_space(ref);
  if (ref.empty()) return "";
  const std::string& base = s.bases[s.frames.empty() ? 0 : s.frames.back().base];
  if (base.empty()) {
    std::string abs = resolve_url("", ref);  // normalises absolute URLs, "" otherwise
    return abs.empty() ? std::string(ref) : abs;
  }
  std::string out = resolve_url(base, ref);
  return out.empty() ? std::string(ref) : out;
}

std::string base64_decode(std::string_view in) {
  std::string out;
  unsigned acc = 0;
  int bits = 0;
  for (char c : in) {
    int v;
    if (c >= 'A' && c <= 'Z') v = c - 'A';
    else if (c >= 'a' && c <= 'z') v = c - 'a' + 26;
    else if (c >= '0' && c <= '9') v = c - '0' + 52;
    else if (c == '+') v = 62;
    else if (c == '/') v = 63;
    else continue;
    acc = (acc << 6) | static_cast<unsigned>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((acc >> bits) & 0xFF);
    }
  }
  return out;
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
  begin_capture(s, field);
}

FeedItem* item(SaxState& s) { return in_item(s) ? &s.feed.items.back() : nullptr; }

void start_root(SaxState& s, const Frame& f, const unsigned char** attrs, int n) {
  std::string& format = s.feed.format;
  if (f.local == "rss") {
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
  } else if (f.local == "RDF" && (f.ns == Ns::kRdf || f.ns == Ns::kOther)) {
    format = "rss10";
  } else if (f.local == "feed" && (is_atom(f.ns) || f.ns == Ns::kNone || f.ns == Ns::kOther)) {
    const std::string v = attribute(attrs, n, "version");
    format = f.ns == Ns::kAtom10 ? "atom10" : (f.ns == Ns::kAtom03 || v == "0.3") ? "atom03" : "atom";
  } else if (f.local == "urlset") {
    format = "sitemap";
  } else if (f.local == "sitemapindex") {
    format = "sitemapindex";
  } else if (f.local == "channel") {
    format = "rss";
  } else {
    s.feed.bozo_message = "unknown root element <" + std::string(f.local) + ">";
    xmlStopParser(static_cast<xmlParserCtxtPtr>(s.ctxt));
    return;
  }
  s.root_seen = true;
  if (f.local == "feed") s.root_alias = format == "atom03" ? Ns::kAtom03 : Ns::kAtom10;
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
  s.guid_is_permalink = false;
}

void atom_link(SaxState& s, const unsigned char** attrs, int n) {
  std::string rel = attribute(attrs, n, "rel");
  if (rel.empty()) rel = "alternate";
  const std::string href = attribute(attrs, n, "href");
  if (href.empty()) return;
  const std::string type = attribute(attrs, n, "type");
  FeedItem* it = item(s);
  if (rel == "alternate") {
    const int rank = (type.empty() || type == "text/html" || type == "application/xhtml+xml") ? 4 : 3;
    int& current = it ? s.item_link_rank : s.feed_link_rank;
    if (rank > current) {
      current = rank;
      (it ? it->link : s.feed.link) = resolve(s, href);
    }
  } else if (rel == "enclosure" && it && it->enclosures.size() < kMaxListItems) {
    FeedEnclosure e{resolve(s, href), type, std::nullopt};
    const std::string length = attribute(attrs, n, "length");
    if (!length.empty() && length.size() < 20 && length.find_first_not_of("0123456789") == std::string::npos) {
      e.length = std::stoull(length);
    }
    it->enclosures.push_back(std::move(e));
  }
}

void rss_enclosure(SaxState& s, const unsigned char** attrs, int n) {
  FeedItem* it = item(s);
  if (!it || it->enclosures.size() >= kMaxListItems) return;
  const std::string url = attribute(attrs, n, "url");
  if (url.empty()) return;
  FeedEnclosure e{resolve(s, url), attribute(attrs, n, "type"), std::nullopt};
  const std::string length(trim_space(attribute(attrs, n, "length")));
  if (!length.empty() && length.size() < 20 && length.find_first_not_of("0123456789") == std::string::npos) {
    e.length = std::stoull(length);
  }
  it->enclosures.push_back(std::move(e));
}

}  // namespace

void element_start(SaxState& s, const unsigned char** attrs, int n) {
  const Frame& f = s.frames.back();
  const int d = depth(s);
  if (d == 0) return start_root(s, f, attrs, n);
  if (s.skip_depth >= 0) return;
  const std::string_view l = f.local;
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
      if (in_item(s) && f.ns == Ns::kRss10) s.feed.items.back().id = attribute(attrs, n, "about", Ns::kRdf);
      return;
    }
  }
  if (sitemap) {
    if (!in_item(s)) return;
    if (f.ns == Ns::kSitemap || f.ns == Ns::kNone) {
      if (l == "loc") begin_capture(s, Field::kLoc);
      else if (l == "lastmod") begin_capture(s, Field::kLastmod);
    } else if (f.ns == Ns::kNews) {
      if (l == "title") begin_capture(s, Field::kNewsTitle);
      else if (l == "publication_date") begin_capture(s, Field::kNewsDate);
      else if (l == "name") begin_capture(s, Field::kNewsName);
      else if (l == "language") begin_capture(s, Field::kNewsLanguage);
    }
    return;
  }
  if (f.ns == Ns::kRss090 && s.feed.format == "rss10") s.feed.format = "rss090";
  if (l == "channel" && is_rss(f.ns) && !in_item(s) && d <= 1) {
    s.channel_depth = d;
    return;
  }
  // Fields are direct children of their item or channel: a <title> inside
  // an item's <image> is not the item's title.
  if (d != (in_item(s) ? s.item_depth : s.channel_depth) + 1) return;
  switch (f.ns) {
    case Ns::kNone:
    case Ns::kRss10:
    case Ns::kRss090:
      if (l == "title") begin_capture(s, Field::kTitle);
      else if (l == "link") begin_capture(s, Field::kLink);
      else if (l == "description") begin_capture(s, in_item(s) ? Field::kSummary : Field::kSubtitle);
      else if (l == "guid") {
        const std::string perma = attribute(attrs, n, "isPermaLink");
        s.guid_is_permalink = perma.empty() || perma == "true";
        begin_capture(s, Field::kId);
      } else if (l == "pubDate") begin_capture(s, Field::kPublished);
      else if (l == "lastBuildDate") begin_capture(s, Field::kUpdated);
      else if (l == "category") begin_capture(s, Field::kCategory);
      else if (l == "author" || l == "managingEditor") begin_capture(s, Field::kPersonText);
      else if (l == "language") begin_capture(s, Field::kLanguage);
      else if (l == "enclosure") rss_enclosure(s, attrs, n);
      else if (l == "image" || l == "textinput" || l == "textInput" || l == "source") s.skip_depth = d;
      break;
    case Ns::kAtom10:
    case Ns::kAtom03:
      if (l == "title") begin_text_construct(s, Field::kTitle, attrs, n);
      else if (l == "link") atom_link(s, attrs, n);
      else if (l == "summary") begin_text_construct(s, Field::kSummary, attrs, n);
      else if (l == "content") begin_text_construct(s, Field::kContent, attrs, n);
      else if (l == "subtitle" || l == "tagline") begin_text_construct(s, Field::kSubtitle, attrs, n);
      else if (l == "id") begin_capture(s, Field::kId);
      else if (l == "published" || l == "issued") begin_capture(s, Field::kPublished);
      else if (l == "updated" || l == "modified") begin_capture(s, Field::kUpdated);
      else if (l == "category") {
        FeedItem* it = item(s);
        const std::string term(trim_space(attribute(attrs, n, "term")));
        if (it && !term.empty() && it->categories.size() < kMaxListItems) it->categories.push_back(term);
      } else if (l == "author") {
        s.person_depth = d;
        s.person = FeedPerson{};
        s.person_in_item = in_item(s);
      } else if (l == "source" || l == "contributor" || l == "info") s.skip_depth = d;
      break;
    case Ns::kDc:
      if (l == "title") begin_capture(s, Field::kTitle);
      else if (l == "creator" || l == "author") begin_capture(s, Field::kPersonText);
      else if (l == "date" || l == "modified") begin_capture(s, Field::kUpdated);
      else if (l == "issued") begin_capture(s, Field::kPublished);
      else if (l == "subject") begin_capture(s, Field::kCategory);
      else if (l == "language") begin_capture(s, Field::kLanguage);
      else if (l == "description") begin_capture(s, in_item(s) ? Field::kSummary : Field::kSubtitle);
      else if (l == "identifier") begin_capture(s, Field::kId);
      break;
    case Ns::kContent:
      if (l == "encoded") begin_capture(s, Field::kContent);
      break;
    case Ns::kItunes:
      if (l == "author") begin_capture(s, Field::kItunesAuthor);
      else if (l == "summary" || l == "subtitle") begin_capture(s, in_item(s) ? Field::kSummary : Field::kSubtitle);
      else if (l == "category") {
        FeedItem* it = item(s);
        const std::string text(trim_space(attribute(attrs, n, "text")));
        if (it && !text.empty() && it->categories.size() < kMaxListItems) it->categories.push_back(text);
      }
      break;
    case Ns::kMedia:
      if (l == "title") begin_capture(s, Field::kTitle);
      else if (l == "category") begin_capture(s, Field::kCategory);
      break;
    default:
      break;
  }
}

namespace {

void add_person(std::vector<FeedPerson>& to, FeedPerson p) {
  if (p.name.empty() && p.email.empty() && p.uri.empty()) return;
  if (to.size() >= kMaxListItems) return;
  for (const FeedPerson& q : to) {
    if (q.name == p.name && q.email == p.email && q.uri == p.uri) return;
  }
  to.push_back(std::move(p));
}

void set_once(std::string& field, std::string_view value) {
  if (field.empty()) field.assign(value);
}

// Dates: the last one that parses wins (feedparser's behaviour).
void set_date(std::optional<Instant>& field, std::string_view value) {
  if (auto t = parse_feed_date(value)) field = t;
}

void apply(SaxState& s, Field field, std::string_view raw) {
  std::string_view v = trim_space(raw);
  std::string resolved;
  if ((field == Field::kSummary || field == Field::kContent || field == Field::kTitle ||
       field == Field::kSubtitle) &&
      (v.find("href") != std::string_view::npos || v.find("src") != std::string_view::npos)) {
    const std::string& base = s.bases[s.frames.back().base];
    if (!base.empty()) {
      resolved = resolve_html_urls(v, base);
      v = resolved;
    }
  }
  FeedItem* it = item(s);
  ParsedFeed& feed = s.feed;
  switch (field) {
    case Field::kTitle: set_once(it ? it->title : feed.title, v); break;
    case Field::kLink: {
      int& rank = it ? s.item_link_rank : s.feed_link_rank;
      if (rank < 3 && !v.empty()) {
        rank = 3;
        (it ? it->link : feed.link) = resolve(s, v);
      }
      break;
    }
    case Field::kSummary: if (it) set_once(it->summary, v); break;
    case Field::kContent: if (it) set_once(it->content, v); break;
    case Field::kSubtitle: if (!it) set_once(feed.subtitle, v); break;
    case Field::kId:
      if (it) {
        set_once(it->id, v);
        if (s.guid_is_permalink && s.item_link_rank < 1 && (v.rfind("http://", 0) == 0 || v.rfind("https://", 0) == 0)) {
          s.item_link_rank = 1;
          it->link = resolve(s, v);
        }
        s.guid_is_permalink = false;
      } else {
        set_once(feed.id, v);
      }
      break;
    case Field::kPublished: if (it) set_date(it->published, v); break;
    case Field::kUpdated: set_date(it ? it->updated : feed.updated, v); break;
    case Field::kCategory:
      if (it && !v.empty() && it->categories.size() < kMaxListItems) it->categories.emplace_back(v);
      break;
    case Field::kPersonName: s.person.name.assign(v); break;
    case Field::kPersonEmail: s.person.email.assign(v); break;
    case Field::kPersonUri: s.person.uri = resolve(s, v); break;
    case Field::kPersonText: add_person(it ? it->authors : feed.authors, parse_person(v)); break;
    case Field::kItunesAuthor: {
      auto& authors = it ? it->authors : feed.authors;
      if (authors.empty()) add_person(authors, parse_person(v));
      break;
    }
    case Field::kLanguage:
      if (!it && feed.language.empty()) {
        feed.language.assign(v);
        for (char& c : feed.language) c = c == '_' ? '-' : c;
      }
      break;
    case Field::kLoc:
      if (it && it->link.empty()) it->link = resolve(s, v);
      break;
    case Field::kLastmod: if (it) set_date(it->lastmod, v); break;
    case Field::kNewsDate: if (it) set_date(it->published, v); break;
    case Field::kNewsTitle: if (it) set_once(it->news_title, v); break;
    case Field::kNewsName: if (it) set_once(it->news_publication, v); break;
    case Field::kNewsLanguage: if (it) set_once(it->news_publication_language, v); break;
    case Field::kNone: break;
  }
}

}  // namespace

void element_end(SaxState& s) {
  const int d = depth(s);
  if (d == s.capture_depth) {
    if (s.truncated) set_bozo(s.feed, "a field longer than " + std::to_string(kMaxFieldBytes) + " bytes was cut");
    if (s.mode == TextMode::kBase64) s.buf = base64_decode(s.buf);
    apply(s, s.field, s.buf);
    s.capture_depth = -1;
    s.truncated = false;
    s.buf.clear();
    if (s.buf.capacity() > 4096) s.buf.shrink_to_fit();
  } else if (d == s.person_depth) {
    add_person(s.person_in_item && in_item(s) ? s.feed.items.back().authors : s.feed.authors,
               std::move(s.person));
    s.person_depth = -1;
  } else if (d == s.skip_depth) {
    s.skip_depth = -1;
  } else if (d == s.item_depth) {
    FeedItem& it = s.feed.items.back();
    if (it.title.empty() && !it.news_title.empty()) it.title = it.news_title;
    s.item_depth = -1;
  } else if (d == 0 && s.feed.language.empty()) {
    s.feed.language = s.root_lang;
    for (char& c : s.feed.language) c = c == '_' ? '-' : c;
  }
}

}  // namespace tidings::feed
