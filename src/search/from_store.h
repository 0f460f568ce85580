// The index as derived data of the store (search.h): an article and its
// facts as a SearchDoc, a full rebuild (`tidings reindex`) and the hook
// ingest calls after each batch it wrote.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "search/search.h"
#include "store/store.h"

namespace tidings::search {

/// The article as the index takes it: its story from its links, the
/// names of its person, entity and place facts.
Result<SearchDoc> doc_from_store(Store& store, const StoredArticle& article);

struct ReindexCounts {
  int64_t articles = 0;  ///< indexed
  int64_t failed = 0;    ///< could not be read from the store (skipped)
  int64_t index_bytes = 0;
};

/// Rebuilds the index of every stored article in `dir` with `backend`:
/// builds it beside (`<dir>.new`) and swaps it in when complete, so
/// readers see the old index until then. `progress` is called with the
/// running count.
Result<ReindexCounts> reindex(Store& store, const std::string& dir, Backend backend,
                              const std::function<void(int64_t)>& progress = {});

/// Indexes the articles `ids` into the index in `dir` (ingest's hook):
/// opens it for writing, creating it with the default backend when absent
/// and `create` is set. Returns one message per article that was not
/// indexed (they stay stored; `tidings reindex` repairs the index); an
/// absent index without `create` is no message.
std::vector<std::string> index_articles(Store& store, const std::string& dir,
                                        const std::vector<int64_t>& ids, bool create);

}  // namespace tidings::search
