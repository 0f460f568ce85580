// The backends' constructors and what they share (private to src/search);
// index.cc picks one from the directory's "backend" file.
#pragma once

#include <memory>
#include <string>

#include "search/search.h"

namespace tidings::search {

/// The Xapian index's format, in the database's user metadata under
/// "tidings:format" (docs/search.md): 1 (no record: indexes written before
/// the record existed) has words with positions, stems and filters; 2 adds
/// a term per pair of adjacent words, which phrase queries use. A new index
/// is written in kXapianFormat. A format-1 index still answers every query
/// the same (phrases by positions alone, slower) and stays format 1 when
/// written to; `tidings reindex` rebuilds it in the current format.
inline constexpr int kXapianFormat = 2;

/// Opens (or, with `create`, creates in `create_format`: 1 or 2; the tests
/// compare the two) the Xapian index in `dir`/xapian. kIo for a format this
/// code does not know.
Result<std::unique_ptr<SearchIndex>> open_xapian(const std::string& dir, bool writable,
                                                 bool create, int create_format = kXapianFormat);
/// Opens (or creates) the FTS5 index in `dir`/fts5.db.
Result<std::unique_ptr<SearchIndex>> open_fts5(const std::string& dir, bool writable, bool create);

/// Bytes of the files under `path`.
Result<int64_t> directory_bytes(const std::string& path);
/// kInvalidInput for a limit, offset, query length or filter out of bounds.
Result<void> check_request(const SearchRequest& request);

}  // namespace tidings::search
