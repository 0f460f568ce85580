// The collector's main loop (see crawl.h): poll what is due, fetch the
// frontier, sleep until the next thing is due, until stopped.
#include "pipeline/crawl.h"

#include <thread>

#include "pipeline/crawl_internal.h"
#include "pipeline/story_linker.h"

namespace tidings {

FetchOptions crawl_fetch_options() {
  FetchOptions options;
  options.max_queue_wait = std::chrono::seconds(5);
  return options;
}

Result<CrawlCounts> run_crawl(Store& store, const CrawlOptions& run_options, const EventSink& events) {
  // One linker (copy index and story clusterer) for every batch of the run,
  // loaded from the store once, not per batch.
  CrawlOptions options = run_options;
  if (options.pipeline.link_stories && !options.pipeline.linker) {
    auto linker = StoryLinker::load(store);
    if (!linker) return tl::unexpected(linker.error());
    options.pipeline.linker = std::move(*linker);
  }
  Fetcher fetcher(options.fetch);
  CrawlCounts counts;
  while (true) {
    if (auto r = crawl_detail::poll_due_sources(store, fetcher, options, events, counts); !r) {
      return tl::unexpected(r.error());
    }
    if (auto r = crawl_detail::fetch_due_frontier(store, fetcher, options, events, counts); !r) {
      return tl::unexpected(r.error());
    }
    if (options.once) return counts;
    if (options.max_fetch >= 0 && counts.fetched >= options.max_fetch) return counts;
    // Sleep in short steps so a stop request is honoured promptly; the next
    // round finds whatever became due meanwhile.
    for (int i = 0; i < 10; ++i) {
      if (options.stop && options.stop->load()) return counts;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  }
}

}  // namespace tidings
