// OPML reading with libxml2 (no network, no DTD, no entity expansion) and
// writing by hand with full attribute escaping (see opml.h).
#include "collect/opml.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <memory>

#include "core/utf8.h"

namespace tidings {

namespace {

struct DocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

void ignore_errors(void*, xmlErrorPtr) {}

std::string attribute(xmlNode* node, const char* name, const char* ns = nullptr) {
  xmlChar* v = ns ? xmlGetNsProp(node, reinterpret_cast<const xmlChar*>(name),
                                 reinterpret_cast<const xmlChar*>(ns))
                  : xmlGetNoNsProp(node, reinterpret_cast<const xmlChar*>(name));
  if (!v) return "";
  std::string s(reinterpret_cast<const char*>(v));
  xmlFree(v);
  // Collapse whitespace: OPML attributes are one-line values.
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

bool is_element(xmlNode* n, const char* name) {
  return n->type == XML_ELEMENT_NODE &&
         xmlStrcasecmp(n->name, reinterpret_cast<const xmlChar*>(name)) == 0;
}

// XML-escapes `s` for an attribute or text, replacing ill-formed UTF-8
// with U+FFFD and dropping C0 controls XML 1.0 cannot carry.
std::string escape_attribute(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    size_t bad = 1;
    const size_t n = utf8_sequence(s, i, bad);
    if (n == 0) {
      out += "\xEF\xBF\xBD";
      i += bad;
      continue;
    }
    if (n > 1) {
      out.append(s.substr(i, n));
      i += n;
      continue;
    }
    const char c = s[i++];
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\n': out += "&#10;"; break;
      case '\t': out += "&#9;"; break;
      default:
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\r') out += c;  // drop C0 controls
    }
  }
  return out;
}

}  // namespace

Result<OpmlDocument> parse_opml(std::string_view bytes, const OpmlOptions& options) {
  if (bytes.empty()) return fail(ErrorCode::kInvalidInput, "empty OPML document");
  if (bytes.size() > options.max_bytes) {
    return fail(ErrorCode::kTooLarge, "OPML document is " + std::to_string(bytes.size()) +
                                          " bytes, more than the limit of " +
                                          std::to_string(options.max_bytes));
  }
  std::unique_ptr<xmlParserCtxt, decltype(&xmlFreeParserCtxt)> ctxt(xmlNewParserCtxt(),
                                                                    &xmlFreeParserCtxt);
  if (!ctxt) return fail(ErrorCode::kInternal, "cannot create an XML parser");
  // Errors go to this context's structured handler (libxml2 2.9 has no
  // xmlCtxtSetErrorHandler); nothing is printed, the context keeps the last.
  ctxt->sax->serror = ignore_errors;
  const int flags = XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
  std::unique_ptr<xmlDoc, DocFree> doc(xmlCtxtReadMemory(
      ctxt.get(), bytes.data(), static_cast<int>(bytes.size()), nullptr, nullptr, flags));
  xmlNode* root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
  if (!root || !is_element(root, "opml")) {
    return fail(ErrorCode::kInvalidInput, "not OPML: no <opml> root element");
  }
  OpmlDocument out;
  if (!ctxt->wellFormed) {
    const xmlError* e = xmlCtxtGetLastError(ctxt.get());
    out.warning = std::string("ill-formed XML, recovered") +
                  (e && e->message ? std::string(": ") + e->message : "");
    while (!out.warning.empty() && (out.warning.back() == '\n' || out.warning.back() == ' ')) {
      out.warning.pop_back();
    }
  }
  xmlNode* body = nullptr;
  for (xmlNode* n = root->children; n; n = n->next) {
    if (is_element(n, "head")) {
      for (xmlNode* h = n->children; h; h = h->next) {
        if (is_element(h, "title")) {
          xmlChar* t = xmlNodeGetContent(h);
          if (t) out.title = reinterpret_cast<const char*>(t);
          xmlFree(t);
        }
      }
    } else if (is_element(n, "body")) {
      body = n;
    }
  }
  if (!body) return out;
  // Iterative walk: categories nest outlines; keep the nearest category title.
  struct Frame {
    xmlNode* node;
    std::string category;
  };
  std::vector<Frame> stack{{body->children, ""}};
  while (!stack.empty() && out.outlines.size() < options.max_outlines) {
    Frame& f = stack.back();
    if (!f.node) {
      stack.pop_back();
      continue;
    }
    xmlNode* n = f.node;
    f.node = n->next;
    if (!is_element(n, "outline")) continue;
    OpmlOutline o;
    o.title = attribute(n, "title");
    if (o.title.empty()) o.title = attribute(n, "text");
    o.xml_url = attribute(n, "xmlUrl");
    o.html_url = attribute(n, "htmlUrl");
    if (attribute(n, "type") == "link") o.url = attribute(n, "url");
    o.kind = attribute(n, "kind", kOpmlNamespace);
    o.every = attribute(n, "every", kOpmlNamespace);
    o.category = f.category;
    const std::string category = f.category;
    if (!o.xml_url.empty() || !o.url.empty()) out.outlines.push_back(std::move(o));
    if (n->children && stack.size() < 64) {
      stack.push_back({n->children, o.xml_url.empty() && o.url.empty() ? o.title : category});
    }
  }
  return out;
}

std::string write_opml(const OpmlDocument& doc, const std::string& date_created) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<opml version=\"2.0\" xmlns:tidings=\"" + std::string(kOpmlNamespace) + "\">\n"
      "  <head>\n"
      "    <title>" + escape_attribute(doc.title) + "</title>\n"
      "    <dateCreated>" + escape_attribute(date_created) + "</dateCreated>\n"
      "  </head>\n"
      "  <body>\n";
  for (const OpmlOutline& o : doc.outlines) {
    const std::string title = escape_attribute(o.title);
    out += "    <outline text=\"" + title + "\" title=\"" + title + "\"";
    if (!o.xml_url.empty()) {
      out += " type=\"rss\" xmlUrl=\"" + escape_attribute(o.xml_url) + "\"";
    } else {
      out += " type=\"link\" url=\"" + escape_attribute(o.url) + "\"";
    }
    if (!o.html_url.empty()) out += " htmlUrl=\"" + escape_attribute(o.html_url) + "\"";
    if (!o.kind.empty()) out += " tidings:kind=\"" + escape_attribute(o.kind) + "\"";
    if (!o.every.empty()) out += " tidings:every=\"" + escape_attribute(o.every) + "\"";
    out += "/>\n";
  }
  out += "  </body>\n</opml>\n";
  return out;
}

}  // namespace tidings
