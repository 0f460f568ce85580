// The libxml2 SAX2 driver of the XML feed parser: namespaces by URI, the
// element stack with xml:base, text capture (with nested markup serialised
// for XHTML content), HTML named entities (feeds use &nbsp; without a DTD),
// and errors recorded as bozo instead of printed. Safety: no DTD is loaded,
// no network, no external entity is ever declared (our entityDecl keeps
// only small internal ones, inserted as literal text, so nothing expands
// recursively), libxml2's default depth and size limits apply.
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include <algorithm>
#include <cstring>
#include <deque>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "collect/feed_internal.h"
#include "collect/feed_sax.h"
#include "core/url.h"
#include "core/utf8.h"

namespace tidings::feed {
namespace {

struct Parse : SaxState {
  // Entities handed to libxml2: HTML names and small internal declarations,
  // all as "predefined" so libxml2 inserts their text without re-parsing.
  std::deque<xmlEntity> entities;
  std::deque<std::string> entity_text;
  std::unordered_map<std::string, xmlEntity*> entity_by_name;
  std::unordered_map<std::string, std::string> declared;
  const xmlChar* last_uri = nullptr;  ///< the namespace of the last element, and what it is
  const xmlChar* last_prefix = nullptr;
  Ns last_ns = Ns::kNone;
};

constexpr size_t kMaxDeclaredEntities = 64;
constexpr size_t kMaxEntityBytes = 1024;
constexpr size_t kMaxDepth = 256;

// libxml2 (2.9) drops every entity reference, &amp; included, once it knows
// the document is not well-formed. We record problems ourselves (bozo), so
// each callback clears the flag and recovery keeps the text.
inline void keep_references(Parse& p) { static_cast<xmlParserCtxtPtr>(p.ctxt)->wellFormed = 1; }

xmlEntity* make_entity(Parse& p, const std::string& name, std::string text) {
  p.entity_text.push_back(std::move(text));
  p.entity_text.push_back(name);
  xmlEntity& e = p.entities.emplace_back();
  std::memset(&e, 0, sizeof e);
  e.type = XML_ENTITY_DECL;
  e.name = reinterpret_cast<const xmlChar*>(p.entity_text.back().c_str());
  const std::string& content = p.entity_text[p.entity_text.size() - 2];
  e.content = reinterpret_cast<xmlChar*>(const_cast<char*>(content.c_str()));
  e.length = static_cast<int>(content.size());
  e.etype = XML_INTERNAL_PREDEFINED_ENTITY;
  // Non-null so that libxml2, after an <!ENTITY> declaration, does not hand
  // us its "orig" string to own (it only fills an empty slot).
  static xmlChar kNoOrig[] = "";
  e.orig = kNoOrig;
  p.entity_by_name[name] = &e;
  return &e;
}

xmlEntityPtr get_entity(void* ctx, const xmlChar* name) {
  Parse& p = *static_cast<Parse*>(ctx);
  keep_references(p);
  const std::string key(reinterpret_cast<const char*>(name));
  if (auto it = p.entity_by_name.find(key); it != p.entity_by_name.end()) return it->second;
  if (auto it = p.declared.find(key); it != p.declared.end()) return make_entity(p, key, it->second);
  if (const htmlEntityDesc* html = htmlEntityLookup(name)) {
    std::string text;
    append_utf8(text, html->value);
    return make_entity(p, key, std::move(text));
  }
  return nullptr;
}

void entity_decl(void* ctx, const xmlChar* name, int type, const xmlChar*, const xmlChar*, xmlChar* content) {
  Parse& p = *static_cast<Parse*>(ctx);
  if (type != XML_INTERNAL_GENERAL_ENTITY || content == nullptr) return;  // external: never
  if (p.declared.size() >= kMaxDeclaredEntities) return;
  const char* c = reinterpret_cast<const char*>(content);
  if (std::strlen(c) > kMaxEntityBytes || std::strchr(c, '&') != nullptr) return;
  p.declared.emplace(reinterpret_cast<const char*>(name), c);
}

void internal_subset(void* ctx, const xmlChar*, const xmlChar* external_id, const xmlChar*) {
  if (external_id) static_cast<Parse*>(ctx)->doctype_public = reinterpret_cast<const char*>(external_id);
}

void structured_error(void* ctx, xmlErrorPtr error) {
  Parse& p = *static_cast<Parse*>(ctx);
  if (!error || error->level < XML_ERR_ERROR) return;
  // Problems inside the DTD (unresolvable parameter entities) do not touch the feed.
  if (p.ctxt && static_cast<xmlParserCtxtPtr>(p.ctxt)->inSubset != 0) return;
  std::string message = error->message ? error->message : "xml error";
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  set_bozo(p.feed, "line " + std::to_string(error->line) + ": " + message);
}

std::string_view sv(const xmlChar* s) {
  return s ? std::string_view(reinterpret_cast<const char*>(s)) : std::string_view{};
}

void escape_into(std::string& out, std::string_view text, bool attr) {
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"':
        if (attr) {
          out += "&quot;";
          break;
        }
        [[fallthrough]];
      default: out += c;
    }
  }
}

// A start tag inside captured markup (XHTML content, stray tags in HTML):
// the element by its local name, as HTML reads it; <svg> and <math> with
// their namespace so they stay SVG and MathML; namespaced attributes
// (xlink:href) with their prefix, declared; attributes in name order.
void start_tag(std::string& out, std::string_view local, const xmlChar* uri, const xmlChar** attrs,
               int nb_attrs) {
  out += '<';
  out.append(local);
  struct Attr {
    std::string name;
    std::string value;
  };
  std::vector<Attr> sorted;
  sorted.reserve(static_cast<size_t>(nb_attrs) + 2);
  if ((local == "svg" && sv(uri) == "http://www.w3.org/2000/svg") ||
      (local == "math" && sv(uri) == "http://www.w3.org/1998/Math/MathML")) {
    sorted.push_back({"xmlns", std::string(sv(uri))});
  }
  for (int i = 0; i < nb_attrs; ++i) {
    const xmlChar** a = attrs + 5 * i;
    std::string name(sv(a[0]));
    if (a[1] != nullptr) {
      const std::string prefix(sv(a[1]));
      name = prefix + ":" + name;
      const std::string declaration = "xmlns:" + prefix;
      if (prefix != "xml" && a[2] != nullptr &&
          std::none_of(sorted.begin(), sorted.end(), [&](const Attr& x) { return x.name == declaration; })) {
        sorted.push_back({declaration, std::string(sv(a[2]))});
      }
    }
    sorted.push_back({std::move(name), attribute(a, 1, sv(a[0]), ns_of(a[2], a[1]))});
  }
  std::sort(sorted.begin(), sorted.end(), [](const Attr& x, const Attr& y) { return x.name < y.name; });
  for (const Attr& a : sorted) {
    out += ' ';
    out += a.name;
    out += "=\"";
    escape_into(out, a.value, true);
    out += '"';
  }
  out += '>';
}

void characters(void* ctx, const xmlChar* ch, int len) {
  Parse& p = *static_cast<Parse*>(ctx);
  keep_references(p);
  if (p.capture_depth < 0) return;
  if (p.buf.size() + static_cast<size_t>(len) > kMaxFieldBytes) {
    p.truncated = true;
    return;
  }
  const std::string_view text(reinterpret_cast<const char*>(ch), static_cast<size_t>(len));
  if (p.mode == TextMode::kXml) {
    escape_into(p.buf, text, false);
  } else {
    p.buf.append(text);
  }
}

void start_element(void* ctx, const xmlChar* local, const xmlChar* prefix, const xmlChar* uri, int nb_ns,
                   const xmlChar** ns, int nb_attrs, int, const xmlChar** attrs) {
  Parse& p = *static_cast<Parse*>(ctx);
  keep_references(p);
  if (p.frames.size() >= kMaxDepth) {
    set_bozo(p.feed, "elements nested too deep");
    xmlStopParser(static_cast<xmlParserCtxtPtr>(p.ctxt));
    return;
  }
  // libxml2 interns namespace URIs, so one URI is one pointer for the whole
  // document: the last answer is reused while the pointer repeats.
  if (uri == nullptr || uri != p.last_uri || prefix != p.last_prefix) {
    p.last_uri = uri;
    p.last_prefix = prefix;
    p.last_ns = ns_of(uri, prefix);
  }
  Frame f{p.last_ns, sv(local), p.frames.empty() ? 0u : p.frames.back().base};
  if (p.frames.empty()) {
    if (f.ns == Ns::kOther && uri) p.root_uri = sv(uri);
    for (int i = 0; i < nb_ns; ++i) {  // RSS 0.90: <rdf:RDF xmlns="http://my.netscape.com/rdf/simple/0.9/">
      if (ns[2 * i] == nullptr && ns_of(ns[2 * i + 1], nullptr) == Ns::kRss090) p.default_ns_rss090 = true;
    }
    p.root_in_no_namespace = f.ns == Ns::kNone && f.local == "feed";
  } else if ((f.ns == Ns::kOther && uri && sv(uri) == p.root_uri) ||
             (f.ns == Ns::kNone && p.root_in_no_namespace)) {
    // A feed in an unknown namespace (Atom drafts, RSS with a default
    // namespace): its elements read as the root's vocabulary.
    f.ns = p.root_alias;
  }
  // xml:base (any element, any level) resolved against the enclosing base.
  for (int i = 0; i < nb_attrs; ++i) {
    const xmlChar** a = attrs + 5 * i;
    if (sv(a[0]) == "base" && sv(a[2]) == "http://www.w3.org/XML/1998/namespace") {
      const std::string ref(reinterpret_cast<const char*>(a[3]), a[4] - a[3]);
      std::string resolved = resolve_link(p.bases[f.base], ref);
      if (resolved.empty()) resolved = ref;
      p.bases.push_back(std::move(resolved));
      f.base = static_cast<uint32_t>(p.bases.size() - 1);
    } else if (p.frames.empty() && sv(a[0]) == "lang" && sv(a[2]) == "http://www.w3.org/XML/1998/namespace") {
      p.root_lang.assign(reinterpret_cast<const char*>(a[3]), a[4] - a[3]);
    }
  }
  const bool nested_capture = p.capture_depth >= 0;
  p.frames.push_back(f);
  if (nested_capture) {
    if (p.buf.size() > kMaxFieldBytes) {  // markup counts towards the field's bound too
      p.truncated = true;
      return;
    }
    if (p.mode != TextMode::kBase64) {
      if (p.strip_div && depth(p) == p.capture_depth + 1 && f.ns == Ns::kXhtml && f.local == "div" && !p.in_div) {
        p.in_div = true;
        return;
      }
      start_tag(p.buf, f.local, uri, attrs, nb_attrs);
    }
    return;
  }
  element_start(p, attrs, nb_attrs);
}

void end_element(void* ctx, const xmlChar*, const xmlChar*, const xmlChar*) {
  Parse& p = *static_cast<Parse*>(ctx);
  keep_references(p);
  if (p.frames.empty()) return;
  if (p.capture_depth >= 0 && depth(p) > p.capture_depth) {
    if (p.buf.size() > kMaxFieldBytes) {
      p.truncated = true;
    } else if (p.mode != TextMode::kBase64) {
      const Frame& f = p.frames.back();
      if (p.in_div && depth(p) == p.capture_depth + 1 && f.ns == Ns::kXhtml && f.local == "div") {
        p.in_div = false;
      } else {
        p.buf += "</";
        p.buf.append(f.local);
        p.buf += '>';
      }
    }
  } else {
    element_end(p);
  }
  p.frames.pop_back();
}

// Documents from this size on get their item vector sized up front; small
// feeds grow their few items cheaply.
constexpr size_t kSizeItemsFrom = 16 << 10;  // bytes

// About how many items the document holds, so the item vector is allocated
// once instead of growing (and moving every item) about log2(n) times: the
// opening tags of items, entries and sitemap entries in the first 64 KiB,
// scaled to the whole document, plus an eighth. A wrong guess costs little
// (the vector grows, or holds some unused room); the estimate never exceeds
// max_items nor one item per 32 bytes, so a document of empty tags cannot
// make it large. Counting every tag was a fortieth of the parse.
size_t expected_items(std::string_view doc, size_t max_items) {
  constexpr size_t kSample = 64 << 10;
  const std::string_view sample = doc.substr(0, kSample);
  size_t n = 0;
  for (size_t at = sample.find('<'); at != std::string_view::npos; at = sample.find('<', at + 1)) {
    const std::string_view tag = sample.substr(at + 1, 8);
    if (tag.starts_with("item") || tag.starts_with("entry") || tag.starts_with("url>") ||
        tag.starts_with("sitemap>")) {
      ++n;
    }
  }
  const size_t cap = std::min(max_items, doc.size() / 32);
  if (doc.size() > sample.size()) n = n * (doc.size() / sample.size() + 1) + n / 8;
  return std::min(n, cap);
}

// One libxml2 push parser per thread, reset between documents rather than
// created for each: creating one (its dictionary, buffers and tables) cost
// about a fifth of parsing a small feed. Its dictionary of names grows with
// every document, so a parser that has interned many names is replaced.
struct CtxtDeleter {
  void operator()(xmlParserCtxt* c) const {
    if (c->myDoc) xmlFreeDoc(c->myDoc);
    xmlFreeParserCtxt(c);
  }
};
constexpr int kMaxReusedDictNames = 1024;

xmlParserCtxtPtr take_parser(xmlSAXHandler* sax, void* user_data,
                             std::unique_ptr<xmlParserCtxt, CtxtDeleter>& cached) {
  if (cached && xmlDictSize(cached->dict) <= kMaxReusedDictNames &&
      xmlCtxtResetPush(cached.get(), nullptr, 0, nullptr, nullptr) == 0) {
    xmlParserCtxtPtr c = cached.release();
    std::memcpy(c->sax, sax, sizeof *sax);
    c->userData = user_data;
    return c;
  }
  cached.reset();
  return xmlCreatePushParserCtxt(sax, user_data, nullptr, 0, nullptr);
}

std::once_flag g_init;

}  // namespace

Result<ParsedFeed> parse_xml_feed(std::string_view utf8, const FeedParseOptions& options) {
  std::call_once(g_init, [] { xmlInitParser(); });
  if (utf8.size() > static_cast<size_t>(INT32_MAX)) return fail(ErrorCode::kTooLarge, "feed too large");
  Parse p;
  p.options = &options;
  p.bases.push_back(options.base_url);
  p.frames.reserve(32);
  p.buf.reserve(256);
  if (utf8.size() >= kSizeItemsFrom) {
    p.feed.items.reserve(expected_items(utf8, options.max_items));
  }

  xmlSAXHandler sax;
  std::memset(&sax, 0, sizeof sax);
  sax.initialized = XML_SAX2_MAGIC;
  sax.startElementNs = start_element;
  sax.endElementNs = end_element;
  sax.characters = characters;
  sax.cdataBlock = characters;
  sax.getEntity = get_entity;
  sax.entityDecl = entity_decl;
  sax.internalSubset = internal_subset;
  sax.serror = structured_error;

  thread_local std::unique_ptr<xmlParserCtxt, CtxtDeleter> cached;
  xmlParserCtxtPtr ctxt = take_parser(&sax, &p, cached);
  if (!ctxt) return fail(ErrorCode::kInternal, "cannot create an XML parser");
  p.ctxt = ctxt;
  xmlCtxtUseOptions(ctxt, XML_PARSE_NONET | XML_PARSE_RECOVER | XML_PARSE_IGNORE_ENC |
                              XML_PARSE_NOWARNING | XML_PARSE_NOERROR);
  xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);
  // In pieces: handed over at once, input past 10 MB (libxml2's lookup
  // limit) ends in a false "Huge input lookup" error. Pieces as large as
  // that allows: a piece that ends mid-document (terminate 0) sends
  // libxml2's push parser down a path checking for incomplete input, which
  // made 1 MiB pieces half as fast as 8 MiB ones on 1-8 MB feeds.
  constexpr size_t kPiece = 8 << 20;
  size_t at = 0;
  do {
    const size_t n = std::min(kPiece, utf8.size() - at);
    xmlParseChunk(ctxt, utf8.data() + at, static_cast<int>(n), at + n == utf8.size() ? 1 : 0);
    at += n;
  } while (at < utf8.size());
  // libxml2 builds a stand-in document for some DTD declarations even
  // under SAX; it is ours to free.
  if (ctxt->myDoc) {
    xmlFreeDoc(ctxt->myDoc);
    ctxt->myDoc = nullptr;
  }
  cached.reset(ctxt);  // for the thread's next document

  if (!p.root_seen) {
    if (p.feed.format.empty() && p.frames.empty() && p.feed.bozo_message.empty()) {
      return fail(ErrorCode::kInvalidInput, "not a feed: no root element");
    }
    return fail(ErrorCode::kInvalidInput,
                "not a feed: " + (p.feed.bozo_message.empty() ? std::string("unknown root element")
                                                              : p.feed.bozo_message));
  }
  return std::move(p.feed);
}

}  // namespace tidings::feed
