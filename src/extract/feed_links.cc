// Feed autodiscovery: the feeds a page announces with <link rel="alternate">
// (the RSS Advisory Board's and WHATWG's convention), for `--kind auto`
// sources (see extract.h).
#include <algorithm>
#include <cctype>

#include "core/url.h"
#include "extract/dom.h"
#include "extract/extract.h"
#include "extract/html_parser.h"
#include "extract/metadata.h"
#include "text/charset.h"

namespace tidings {

namespace {

using namespace extract_detail;

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool has_token(std::string_view list, std::string_view token) {
  size_t i = 0;
  while (i < list.size()) {
    while (i < list.size() && std::isspace(static_cast<unsigned char>(list[i]))) ++i;
    size_t j = i;
    while (j < list.size() && !std::isspace(static_cast<unsigned char>(list[j]))) ++j;
    if (list.substr(i, j - i) == token) return true;
    i = j;
  }
  return false;
}

bool is_feed_type(std::string_view type) {
  return type == "application/rss+xml" || type == "application/atom+xml" ||
         type == "application/feed+json" || type == "application/rdf+xml" ||
         type == "application/json" || type == "text/xml" || type == "application/xml";
}

}  // namespace

Result<std::vector<FeedLink>> find_feed_links(std::string_view bytes, const std::string& page_url,
                                              const std::string& content_type) {
  if (bytes.size() > (16u << 20)) return fail(ErrorCode::kTooLarge, "page too large to read feeds from");
  auto decoded = decode_html_bytes(bytes, content_type);
  if (!decoded) return tl::unexpected(decoded.error());
  auto doc = parse_html(decoded->utf8);
  if (!doc) return tl::unexpected(doc.error());
  const Dom dom = build_dom(doc->get());
  const std::string base = base_url(dom, page_url);
  std::vector<FeedLink> out;
  for (int32_t i : dom.links) {
    const xmlNode* n = dom.nodes[i].xml;
    if (!has_token(lower(attr(n, "rel")), "alternate")) continue;
    std::string type = lower(attr(n, "type"));
    type = type.substr(0, type.find(';'));
    type.erase(std::remove_if(type.begin(), type.end(), [](unsigned char c) { return std::isspace(c); }),
               type.end());
    if (!is_feed_type(type)) continue;
    const std::string url = resolve_url(base, attr(n, "href"));
    if (!is_http_url(url)) continue;
    if (std::any_of(out.begin(), out.end(), [&](const FeedLink& f) { return f.url == url; })) continue;
    out.push_back({url, type, std::string(attr(n, "title"))});
    if (out.size() >= 32) break;
  }
  return out;
}

}  // namespace tidings
