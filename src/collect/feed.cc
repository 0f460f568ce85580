// parse_feed (feed.h): size bound, gzip, charset to UTF-8, then by the first
// meaningful byte to the XML (feed_xml.cc), JSON (feed_json.cc) or plain
// text sitemap (sitemap_text.cc) reader. Also the small helpers the readers
// share: namespaces, attributes, people.
#include <libxml/HTMLparser.h>

#include <cstring>

#include "collect/feed.h"
#include "collect/feed_internal.h"
#include "collect/feed_sax.h"
#include "collect/http_payload.h"
#include "core/utf8.h"

namespace tidings {
namespace feed {
namespace {

struct NsUri {
  std::string_view uri;
  Ns ns;
};

constexpr NsUri kNamespaces[] = {
    {"http://www.w3.org/2005/Atom", Ns::kAtom10},
    {"http://purl.org/atom/ns#", Ns::kAtom03},
    {"http://purl.org/rss/1.0/", Ns::kRss10},
    {"http://my.netscape.com/rdf/simple/0.9/", Ns::kRss090},
    {"http://www.w3.org/1999/02/22-rdf-syntax-ns#", Ns::kRdf},
    {"http://purl.org/dc/elements/1.1/", Ns::kDc},
    {"http://purl.org/dc/terms/", Ns::kDc},
    {"http://purl.org/rss/1.0/modules/content/", Ns::kContent},
    {"http://www.itunes.com/dtds/podcast-1.0.dtd", Ns::kItunes},
    {"http://www.itunes.com/DTDs/Podcast-1.0.dtd", Ns::kItunes},
    {"http://search.yahoo.com/mrss/", Ns::kMedia},
    {"http://search.yahoo.com/mrss", Ns::kMedia},
    {"http://www.sitemaps.org/schemas/sitemap/0.9", Ns::kSitemap},
    {"http://www.google.com/schemas/sitemap/0.9", Ns::kSitemap},
    {"http://www.google.com/schemas/sitemap/0.84", Ns::kSitemap},
    {"http://www.google.com/schemas/sitemap-news/0.9", Ns::kNews},
    {"http://www.w3.org/1999/xhtml", Ns::kXhtml},
    {"http://www.w3.org/XML/1998/namespace", Ns::kXml},
    // Default namespaces some RSS 2.0 feeds declare: still plain RSS.
    {"http://backend.userland.com/rss2", Ns::kNone},
    {"http://blogs.law.harvard.edu/tech/rss", Ns::kNone},
    {"http://backend.userland.com/rss", Ns::kNone},
};

// Undeclared prefixes (a namespace error libxml2 recovers from): the usual
// meaning of the prefix.
constexpr NsUri kPrefixes[] = {
    {"dc", Ns::kDc},           {"dcterms", Ns::kDc},  {"content", Ns::kContent}, {"atom", Ns::kAtom10},
    {"itunes", Ns::kItunes},   {"media", Ns::kMedia}, {"rdf", Ns::kRdf},         {"news", Ns::kNews},
    {"xml", Ns::kXml},         {"xhtml", Ns::kXhtml},
};

// Appends the text of "&...;" at s[i] and returns its length, or 0 when it
// is not a reference we know.
size_t decode_ref(std::string_view s, size_t i, std::string& out) {
  const size_t semi = s.find(';', i);
  if (semi == std::string_view::npos || semi - i > 32) return 0;
  const std::string name(s.substr(i + 1, semi - i - 1));
  unsigned cp = 0;
  if (name.size() > 1 && name[0] == '#') {
    const bool hex = name[1] == 'x' || name[1] == 'X';
    const std::string digits = name.substr(hex ? 2 : 1);
    if (digits.empty() || digits.size() > 7) return 0;
    for (char c : digits) {
      const int v = (c >= '0' && c <= '9') ? c - '0'
                    : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      if (v < 0) return 0;
      cp = cp * (hex ? 16 : 10) + static_cast<unsigned>(v);
    }
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  } else if (name == "apos") {
    cp = '\'';
  } else if (const htmlEntityDesc* e = htmlEntityLookup(reinterpret_cast<const xmlChar*>(name.c_str()))) {
    cp = e->value;
  } else {
    return 0;
  }
  append_utf8(out, cp);
  return semi - i + 1;
}

// ASCII case-insensitive: CDF writes HREF, some feeds isPermalink.
bool same_name(std::string_view want, const char* name) {
  size_t i = 0;
  for (; i < want.size(); ++i) {
    char c = name[i];
    if (c == '\0') return false;
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (c != (want[i] >= 'A' && want[i] <= 'Z' ? static_cast<char>(want[i] + 32) : want[i])) return false;
  }
  return name[i] == '\0';
}

}  // namespace

Ns ns_of(const unsigned char* uri, const unsigned char* prefix) {
  if (uri == nullptr) {
    if (prefix == nullptr) return Ns::kNone;
    const std::string_view p(reinterpret_cast<const char*>(prefix));
    for (const NsUri& n : kPrefixes) {
      if (n.uri == p) return n.ns;
    }
    return Ns::kOther;
  }
  const std::string_view u(reinterpret_cast<const char*>(uri));
  for (const NsUri& n : kNamespaces) {
    if (n.uri == u) return n.ns;
  }
  return Ns::kOther;
}

std::string attribute(const unsigned char** attrs, int nb_attrs, std::string_view local, Ns ns) {
  for (int i = 0; i < nb_attrs; ++i) {
    const unsigned char** a = attrs + 5 * i;
    if (!same_name(local, reinterpret_cast<const char*>(a[0]))) continue;
    if (ns == Ns::kNone ? a[2] != nullptr : ns_of(a[2], a[1]) != ns) continue;
    const std::string_view v(reinterpret_cast<const char*>(a[3]), static_cast<size_t>(a[4] - a[3]));
    if (v.find('&') == std::string_view::npos) return std::string(v);
    // libxml2 leaves references in attribute values when it does not
    // substitute entities ("&#38;" for "&amp;"): decode them here.
    std::string out;
    for (size_t k = 0; k < v.size();) {
      if (v[k] == '&') {
        if (const size_t used = decode_ref(v, k, out)) {
          k += used;
          continue;
        }
      }
      out += v[k++];
    }
    return out;
  }
  return "";
}

FeedPerson parse_person(std::string_view text) {
  FeedPerson p;
  text = trim_space(text);
  const size_t lt = text.find('<');
  const size_t gt = text.rfind('>');
  const size_t open = text.find('(');
  const size_t close = text.rfind(')');
  if (lt != std::string_view::npos && gt != std::string_view::npos && lt < gt &&
      text.substr(lt, gt - lt).find('@') != std::string_view::npos) {  // Name <email>
    p.email = std::string(trim_space(text.substr(lt + 1, gt - lt - 1)));
    p.name = std::string(trim_space(text.substr(0, lt)));
  } else if (open != std::string_view::npos && close != std::string_view::npos && open < close &&
             text.substr(0, open).find('@') != std::string_view::npos) {  // email (Name)
    p.email = std::string(trim_space(text.substr(0, open)));
    p.name = std::string(trim_space(text.substr(open + 1, close - open - 1)));
  } else if (open != std::string_view::npos && close != std::string_view::npos && open < close &&
             text.substr(open, close - open).find('@') != std::string_view::npos) {  // Name (email)
    p.email = std::string(trim_space(text.substr(open + 1, close - open - 1)));
    p.name = std::string(trim_space(text.substr(0, open)));
  } else if (text.find('@') != std::string_view::npos && text.find(' ') == std::string_view::npos) {
    p.email = std::string(text);
  } else {
    p.name = std::string(text);
  }
  if (p.email.rfind("mailto:", 0) == 0) p.email.erase(0, 7);
  return p;
}

}  // namespace feed

Result<ParsedFeed> parse_feed(std::string_view bytes, const FeedParseOptions& options) {
  if (bytes.size() > options.max_bytes) {
    return fail(ErrorCode::kTooLarge, "feed larger than " + std::to_string(options.max_bytes) + " bytes");
  }
  if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f &&
      static_cast<unsigned char>(bytes[1]) == 0x8b) {
    auto inflated = collect::inflate_bounded(bytes, false, options.max_bytes);
    if (!inflated) return tl::unexpected(inflated.error());
    if (inflated->size() >= 2 && static_cast<unsigned char>((*inflated)[0]) == 0x1f &&
        static_cast<unsigned char>((*inflated)[1]) == 0x8b) {
      return fail(ErrorCode::kInvalidInput, "not a feed: gzip inside gzip");
    }
    return parse_feed(*inflated, options);
  }
  auto text = feed::decode_feed_bytes(bytes, options.content_type);
  if (!text) return tl::unexpected(text.error());
  const std::string_view body = feed::trim_space(text->utf8);
  if (body.empty()) return fail(ErrorCode::kInvalidInput, "not a feed: empty input");
  Result<ParsedFeed> parsed = [&]() -> Result<ParsedFeed> {
    if (body[0] == '<') return feed::parse_xml_feed(text->utf8, options);
    if (body[0] == '{' || body[0] == '[') return feed::parse_json_feed(body, options);
    if (auto list = feed::parse_text_sitemap(body, options)) return std::move(*list);
    return fail(ErrorCode::kInvalidInput, "not a feed: neither XML, JSON nor a list of URLs");
  }();
  if (!parsed) return parsed;
  if (parsed->language.empty()) {  // "en-GB, fr": the first
    parsed->language = feed::trim_space(options.content_language.substr(0, options.content_language.find(',')));
  }
  parsed->encoding = text->encoding;
  if (!text->problem.empty()) {
    parsed->bozo = true;
    parsed->bozo_message = text->problem;
  }
  return parsed;
}

}  // namespace tidings
