// libxml2 HTML parsing with per-thread error capture (see html_parser.h).
#include "extract/html_parser.h"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

#include <algorithm>
#include <climits>
#include <cstring>
#include <mutex>

#include "extract/dom.h"
#include "extract/text_ops.h"

namespace tidings::extract_detail {

namespace {

struct ParseErrors {
  bool too_deep = false;
};

// Receives every libxml2 error of this thread while a parse runs: nothing is
// printed, the depth bound is remembered.
void on_parse_error(void* context, xmlErrorPtr error) {
  auto* errors = static_cast<ParseErrors*>(context);
  if (errors == nullptr || error == nullptr) return;
  if (error->code == XML_ERR_INTERNAL_ERROR && error->message != nullptr &&
      std::strstr(error->message, "Excessive depth") != nullptr) {
    errors->too_deep = true;
  }
}

// Installs on_parse_error for this thread (libxml2 keeps the structured error
// handler per thread) and puts the previous one back afterwards.
class ErrorCapture {
 public:
  explicit ErrorCapture(ParseErrors* errors)
      : previous_(xmlStructuredError), previous_context_(xmlStructuredErrorContext) {
    xmlSetStructuredErrorFunc(errors, on_parse_error);
  }
  ~ErrorCapture() { xmlSetStructuredErrorFunc(previous_context_, previous_); }
  ErrorCapture(const ErrorCapture&) = delete;
  ErrorCapture& operator=(const ErrorCapture&) = delete;

 private:
  xmlStructuredErrorFunc previous_;
  void* previous_context_;
};

// libxml2 2.9 checks each new attribute of a tag against all earlier ones,
// so a tag with n attributes costs n^2 / 2 comparisons: 100,000 attributes
// take a minute. This bounds the sum of n^2 over all tags. A tag's
// attributes are counted as libxml2 reads them: blank-separated tokens
// (bare "<div a b c>" attributes and junk tokens included), a quoted value
// running to its closing quote wherever that is; scripts, styles and
// comments are skipped as the parser skips them. An overestimate, never an
// under-count.
constexpr double kMaxAttributeWork = 2e8;

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Past the end of the raw-text element or comment opening at s[pos] ('<'),
// or pos when none opens there.
size_t skip_raw_text(std::string_view s, size_t pos) {
  if (s.compare(pos, 4, "<!--") == 0) {
    const size_t end = s.find("-->", pos + 4);
    return end == std::string_view::npos ? s.size() : end + 3;
  }
  for (std::string_view tag : {"script", "style"}) {
    if (!starts_with_ci(s.substr(pos + 1), tag)) continue;
    const size_t after = pos + 1 + tag.size();
    if (after < s.size() && !is_blank(s[after]) && s[after] != '>' && s[after] != '/') return pos;
    for (size_t at = s.find("</", after); at != std::string_view::npos; at = s.find("</", at + 2)) {
      if (starts_with_ci(s.substr(at + 2), tag)) return at;
    }
    return s.size();
  }
  return pos;
}

bool too_many_attributes(std::string_view s) {
  double work = 0;
  size_t pos = 0;
  while ((pos = s.find('<', pos)) != std::string_view::npos) {
    if (const size_t raw = skip_raw_text(s, pos); raw != pos) {
      pos = raw;
      continue;
    }
    ++pos;
    if (pos >= s.size()) break;
    const char c = s[pos];
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) continue;
    double n = 0;
    bool in_token = false;
    size_t i = pos;
    for (; i < s.size() && s[i] != '>'; ++i) {
      const char ch = s[i];
      if (is_blank(ch)) {
        in_token = false;
        continue;
      }
      if (!in_token) {
        in_token = true;
        n += 1;
      }
      if (ch == '=') {
        size_t v = i + 1;
        while (v < s.size() && is_blank(s[v])) ++v;
        if (v < s.size() && (s[v] == '"' || s[v] == '\'')) {
          const size_t close = s.find(s[v], v + 1);
          if (close == std::string_view::npos) return work > kMaxAttributeWork;
          i = close;
          in_token = false;  // "a='1'b='2'": count b as well
        }
      }
    }
    if (n > 32) {  // small tags cannot matter
      work += n * n;
      if (work > kMaxAttributeWork) return true;
    }
    pos = i;
  }
  return false;
}

struct ParserCtxtFree {
  void operator()(htmlParserCtxt* c) const { htmlFreeParserCtxt(c); }
};

// The text of scripts and styles is most of many pages' bytes, and a tree
// holding it costs memory for nothing: the extractor reads JSON-LD scripts
// whole, the first 64 KiB of other scripts (page_kind.cc looks there for
// bot-challenge markers) and no style. So the tree builder gets that much;
// the rest of the raw text is dropped as it is parsed.
constexpr size_t kScriptTextBudget = 64 * 1024;

struct RawTextFilter {
  size_t script_bytes = 0;  // other scripts' text kept so far, across the page
  charactersSAXFunc characters = nullptr;
  cdataBlockSAXFunc cdata = nullptr;
};

// The same test read_json_ld (jsonld.cc) applies, so every script it reads
// reaches the tree whole.
bool is_json_ld(const xmlNode* node) { return contains_ci(attr(node, "type"), "ld+json"); }

// How much of `len` bytes of raw text to keep in the current element.
int raw_text_to_keep(htmlParserCtxtPtr ctxt, int len) {
  const xmlChar* name = ctxt->name;
  if (name == nullptr) return len;
  if (xmlStrcasecmp(name, reinterpret_cast<const xmlChar*>("style")) == 0) return 0;
  if (xmlStrcasecmp(name, reinterpret_cast<const xmlChar*>("script")) != 0) return len;
  if (is_json_ld(ctxt->node)) return len;
  auto* filter = static_cast<RawTextFilter*>(ctxt->_private);
  const size_t room = kScriptTextBudget - std::min(kScriptTextBudget, filter->script_bytes);
  const int keep = static_cast<int>(std::min(room, static_cast<size_t>(len)));
  filter->script_bytes += static_cast<size_t>(keep);
  return keep;
}

void filtered_characters(void* ctx, const xmlChar* text, int len) {
  auto* ctxt = static_cast<htmlParserCtxtPtr>(ctx);
  const int keep = raw_text_to_keep(ctxt, len);
  if (keep > 0) static_cast<RawTextFilter*>(ctxt->_private)->characters(ctx, text, keep);
}

void filtered_cdata(void* ctx, const xmlChar* text, int len) {
  auto* ctxt = static_cast<htmlParserCtxtPtr>(ctx);
  const int keep = raw_text_to_keep(ctxt, len);
  if (keep > 0) static_cast<RawTextFilter*>(ctxt->_private)->cdata(ctx, text, keep);
}

}  // namespace

Result<HtmlDoc> parse_html(std::string&& utf8) {
  static std::once_flag init;
  std::call_once(init, [] { xmlInitParser(); });
  if (utf8.size() > static_cast<size_t>(INT_MAX)) {
    return fail(ErrorCode::kTooLarge, "document too large for the HTML parser");
  }
  if (too_many_attributes(utf8)) {
    return fail(ErrorCode::kTooLarge, "html tags with too many attributes");
  }
  ParseErrors errors;
  ErrorCapture capture(&errors);
  // The parser copies the text into its own buffer; ours goes at once, so a
  // page is not held three times (ours, the parser's, the tree) at the peak.
  std::unique_ptr<htmlParserCtxt, ParserCtxtFree> ctxt(
      htmlCreateMemoryParserCtxt(utf8.data(), static_cast<int>(utf8.size())));
  std::string().swap(utf8);
  if (!ctxt || ctxt->sax == nullptr) return fail(ErrorCode::kInternal, "cannot create the HTML parser");
  RawTextFilter filter;
  filter.characters = ctxt->sax->characters;
  filter.cdata = ctxt->sax->cdataBlock;
  if (filter.characters != nullptr && filter.cdata != nullptr) {
    ctxt->_private = &filter;
    ctxt->sax->characters = filtered_characters;
    ctxt->sax->cdataBlock = filtered_cdata;
  }
  htmlCtxtUseOptions(ctxt.get(), HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                                     HTML_PARSE_RECOVER | HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC);
  // The text is UTF-8 already (text/charset.h decoded it): libxml2 is told
  // so without a converter (which would copy the whole page once more into
  // a second buffer), and the page's own <meta charset> is ignored.
  xmlSwitchEncoding(ctxt.get(), XML_CHAR_ENCODING_UTF8);
  htmlParseDocument(ctxt.get());
  HtmlDoc doc(ctxt->myDoc);
  ctxt->myDoc = nullptr;
  if (errors.too_deep) {
    return fail(ErrorCode::kTooDeep, "html nesting deeper than 256 elements");
  }
  if (!doc || xmlDocGetRootElement(doc.get()) == nullptr) {
    return fail(ErrorCode::kInvalidInput, "not HTML: the parser found no document");
  }
  return doc;
}

Result<HtmlDoc> parse_html(std::string_view utf8) { return parse_html(std::string(utf8)); }

}  // namespace tidings::extract_detail
