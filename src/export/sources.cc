// The source registry as OPML 2.0 (export.h), through collect/opml.h's
// writer so that `tidings sources import` reads it back.
#include <ostream>

#include "collect/opml.h"
#include "core/duration.h"
#include "core/url.h"
#include "export/export.h"

namespace tidings::exports {

Result<ExportCounts> export_sources_opml(Store& store, Instant now, std::ostream& out) {
  auto sources = store.list_sources();
  if (!sources) return tl::unexpected(sources.error());
  OpmlDocument doc;
  doc.title = "tidings sources";
  for (const Source& s : *sources) {
    OpmlOutline o;
    o.title = s.name.empty() ? url_host(s.url) : s.name;
    o.kind = s.kind;
    o.every = format_duration(s.every_seconds);
    // Feed readers follow xmlUrl; tidings' own kind and registered URL
    // survive in tidings:kind and htmlUrl (a discovered feed is exported as
    // the feed, the registered page as htmlUrl), the rest as type="link".
    if (s.kind == "feed") {
      o.xml_url = s.url;
    } else if (!s.feed_url.empty()) {
      o.xml_url = s.feed_url;
      o.html_url = s.url;
      o.kind = "feed";
    } else {
      o.url = s.url;
    }
    doc.outlines.push_back(std::move(o));
  }
  out << write_opml(doc, format_rfc822(now));
  out.flush();
  if (!out) return fail(ErrorCode::kIo, "cannot write the OPML export");
  return ExportCounts{static_cast<int64_t>(doc.outlines.size())};
}

}  // namespace tidings::exports
