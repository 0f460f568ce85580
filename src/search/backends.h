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
/// a term per pair of adjacent words (wdf 0), which phrase queries use to
/// match; 3 gives the pair term the pair's count, and a two-word phrase is
/// ranked by its own BM25 (one posting list read); 4 adds the publication
/// date as year, month and day terms, so a date range reads a few posting
/// lists rather than every document's time. A new index is written in
/// kXapianFormat. An older index still answers every query with the same
/// matches (format 1: phrases by positions alone, slower; format 2: a
/// two-word phrase weighted by its words; formats 1 to 3: date ranges by
/// value) and stays in its format when written to; `tidings reindex`
/// rebuilds it in the current format.
inline constexpr int kXapianFormat = 4;

/// Opens (or, with `create`, creates in `create_format`: 1 to 4; the
/// tests compare them) the Xapian index in `dir`/xapian. kIo for a format this
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
