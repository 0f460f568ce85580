// libxml2 HTML parsing with per-thread error capture (see html_parser.h).
#include "extract/html_parser.h"

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include <climits>
#include <cstring>
#include <mutex>

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
// take a minute. This bounds the sum of n^2 over all tags, counting '='
// between "<x" and the next '>' (an overestimate, never an under-count).
constexpr double kMaxAttributeWork = 2e8;

bool too_many_attributes(std::string_view s) {
  double work = 0;
  size_t pos = 0;
  while ((pos = s.find('<', pos)) != std::string_view::npos) {
    ++pos;
    if (pos >= s.size()) break;
    const char c = s[pos];
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) continue;
    const size_t end = s.find('>', pos);
    const size_t stop = end == std::string_view::npos ? s.size() : end;
    if (stop - pos > 64) {  // short tags cannot matter; skip counting them
      double n = 0;
      for (size_t i = pos; i < stop; ++i) n += s[i] == '=' ? 1 : 0;
      work += n * n;
      if (work > kMaxAttributeWork) return true;
    }
    pos = stop;
  }
  return false;
}

struct ParserCtxtFree {
  void operator()(htmlParserCtxt* c) const { htmlFreeParserCtxt(c); }
};

}  // namespace

Result<HtmlDoc> parse_html(std::string_view utf8) {
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
  std::unique_ptr<htmlParserCtxt, ParserCtxtFree> ctxt(htmlNewParserCtxt());
  if (!ctxt) return fail(ErrorCode::kInternal, "cannot create the HTML parser");
  const int options = HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                      HTML_PARSE_RECOVER | HTML_PARSE_COMPACT;
  HtmlDoc doc(htmlCtxtReadMemory(ctxt.get(), utf8.data(), static_cast<int>(utf8.size()), nullptr,
                                 "UTF-8", options));
  if (errors.too_deep) {
    return fail(ErrorCode::kTooDeep, "html nesting deeper than 256 elements");
  }
  if (!doc || xmlDocGetRootElement(doc.get()) == nullptr) {
    return fail(ErrorCode::kInvalidInput, "not HTML: the parser found no document");
  }
  return doc;
}

}  // namespace tidings::extract_detail
