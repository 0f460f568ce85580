// The backends' constructors and what they share (private to src/search);
// index.cc picks one from the directory's "backend" file.
#pragma once

#include <memory>
#include <string>

#include "search/search.h"

namespace tidings::search {

/// Opens (or, with `create`, creates) the Xapian index in `dir`/xapian.
Result<std::unique_ptr<SearchIndex>> open_xapian(const std::string& dir, bool writable,
                                                 bool create);
/// Opens (or creates) the FTS5 index in `dir`/fts5.db.
Result<std::unique_ptr<SearchIndex>> open_fts5(const std::string& dir, bool writable, bool create);

/// Bytes of the files under `path`.
Result<int64_t> directory_bytes(const std::string& path);
/// kInvalidInput for a limit, offset, query length or filter out of bounds.
Result<void> check_request(const SearchRequest& request);

}  // namespace tidings::search
