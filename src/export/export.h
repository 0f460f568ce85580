// Exports: what the store holds, written out for other tools
// (docs/export.md). Articles, stories and facts as JSON lines (the API's
// shapes) or CSV (RFC 4180); the source registry as OPML 2.0; the stored
// raw documents as a WARC/1.1 file (ISO 28500:2017). Everything streams: the
// store is read a page at a time and each record is written as it comes, so
// memory stays flat however big the store is.
//
// Contract: the functions write to the stream they are given and print
// nothing else; a store error stops the export and comes back as the
// Result (what was written so far stays written); a stream that fails is
// kIo. The store is only read.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "core/error.h"
#include "core/time.h"
#include "store/store.h"

namespace tidings::exports {

enum class RecordKind { kArticles, kStories, kFacts };
enum class RecordFormat { kJsonl, kCsv };

/// "articles", "stories", "facts" / "jsonl", "csv"; nullopt for anything else.
std::optional<RecordKind> parse_record_kind(std::string_view name);
std::optional<RecordFormat> parse_record_format(std::string_view name);

/// Which records an export keeps. Times compare with an article's sort time
/// (published_at, else fetched_at); a story is kept when its span of
/// articles [first_published_at, last_published_at] meets [from, to].
struct ExportFilter {
  std::optional<Instant> from;  ///< inclusive
  std::optional<Instant> to;    ///< inclusive
  std::string outlet;           ///< "" = every outlet; else exact, case-insensitive
  /// When set, only these articles count (the search module's hits for
  /// `--query`): articles and facts are theirs, stories those holding at
  /// least one of them. The order is then by article id, newest first.
  std::optional<std::vector<int64_t>> article_ids;
};

struct ExportCounts {
  int64_t records = 0;  ///< lines or rows written (the CSV header not counted)
};

/// Articles: one stored_article_to_json per line plus its copy_of and
/// story ids / CSV columns as docs/export.md lists them. Stories: the
/// story_summary_to_json of /api/stories. Facts: fact_to_json plus article,
/// outlet and article_url, one per fact.
Result<ExportCounts> export_records(Store& store, RecordKind kind, RecordFormat format,
                                    const ExportFilter& filter, std::ostream& out);

/// The registry as OPML 2.0 (collect/opml.h write_opml), readable back by
/// `tidings sources import`; `now` is the dateCreated.
Result<ExportCounts> export_sources_opml(Store& store, Instant now, std::ostream& out);

struct WarcOptions {
  bool gzip = false;                ///< each record its own gzip member (.warc.gz)
  std::optional<Instant> from, to;  ///< on the documents' fetch time
  Instant now{};                    ///< the warcinfo record's date
};

/// Every stored document, in id order, as a WARC/1.1 record: a `response`
/// record for an HTTP response (the stored headers, with the codings the
/// stored body no longer has removed and its Content-Length set), a
/// `resource` record for a local file; WARC-Block-Digest and
/// WARC-Payload-Digest are sha1 in base32. A warcinfo record comes first.
Result<ExportCounts> export_warc(Store& store, const WarcOptions& options, std::ostream& out);

// Building blocks, public for their tests.

/// One RFC 4180 field: quoted (quotes doubled) when it holds a comma, a
/// quote, CR or LF, or starts or ends with a space; invalid UTF-8 becomes
/// U+FFFD.
std::string csv_field(std::string_view value);
/// The fields joined by commas, ended by CRLF.
std::string csv_row(const std::vector<std::string>& fields);
/// RFC 4648 base32 (upper case, padded) of the bytes.
std::string base32(std::string_view bytes);
/// "sha1:" + base32 of the SHA-1 of the bytes.
std::string sha1_digest(std::string_view bytes);

}  // namespace tidings::exports
