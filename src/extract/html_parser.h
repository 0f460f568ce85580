// libxml2's HTML parser, wrapped once: quiet (no global error output, safe
// on many threads), bounded (nesting depth is reported, not silently cut).
#pragma once

#include <libxml/HTMLparser.h>

#include <memory>
#include <string>
#include <string_view>

#include "core/error.h"

namespace tidings::extract_detail {

struct XmlDocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
using HtmlDoc = std::unique_ptr<xmlDoc, XmlDocFree>;

/// Parses UTF-8 HTML. Fails with kTooDeep when libxml2 stops at its nesting
/// bound (256 elements), kTooLarge when tags carry so many attributes that
/// libxml2's quadratic duplicate check would run for minutes, kInvalidInput
/// when it builds no document.
/// The string overload takes the text and frees it as soon as the parser
/// holds its copy; the view overload copies it first.
Result<HtmlDoc> parse_html(std::string&& utf8);
Result<HtmlDoc> parse_html(std::string_view utf8);

}  // namespace tidings::extract_detail
