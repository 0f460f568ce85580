// The two halves of a crawl round, shared by crawl.cc. Private to pipeline.
#pragma once

#include "pipeline/crawl.h"

namespace tidings::crawl_detail {

/// Polls every due source and fills the frontier.
Result<void> poll_due_sources(Store& store, Fetcher& fetcher, const CrawlOptions& options,
                              const EventSink& events, CrawlCounts& counts);

/// Fetches due frontier entries and ingests them, until none is due or
/// options.max_fetch fetches have been made.
Result<void> fetch_due_frontier(Store& store, Fetcher& fetcher, const CrawlOptions& options,
                                const EventSink& events, CrawlCounts& counts);

}  // namespace tidings::crawl_detail
