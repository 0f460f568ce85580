// Continuous collection (`tidings run`): poll each registered source when
// it is due, put the item URLs its feed or sitemap names into the store's
// frontier, fetch them politely and send them through ingest. State lives
// in the store, so a killed run resumes where it stopped: a frontier entry
// is marked done only after its document and article are committed, and a
// URL enters the frontier once.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>

#include "collect/fetch.h"
#include "pipeline/pipeline.h"
#include "store/store.h"

namespace tidings {

/// FetchOptions as the crawler wants them by default: a round waits at most
/// 5 s for a host that backs off (429, 5xx, timeouts); its other requests
/// end `backed_off` and the frontier retries them later, so one failing
/// host cannot hold up a round for the others.
FetchOptions crawl_fetch_options();

struct CrawlOptions {
  FetchOptions fetch = crawl_fetch_options();
  PipelineOptions pipeline;
  bool once = false;            ///< poll what is due, fetch the frontier, then return
  int frontier_batch = 256;     ///< frontier entries fetched per round
  int max_attempts = 5;         ///< transient failures retried this often, then failed
  size_t max_sitemaps_per_index = 50;  ///< child sitemaps followed per sitemap index
  /// Frontier fetches allowed in this run (-1 = no limit, 0 = poll only).
  /// Once they are spent the run returns; the rest stays in the frontier.
  int64_t max_fetch = -1;
  /// New frontier URLs one poll of one source may add, newest items first;
  /// the rest are added by later polls (known URLs are skipped).
  int64_t max_new_per_poll = 10'000;
  const std::atomic<bool>* stop = nullptr;  ///< set to end a continuous run
};

struct CrawlCounts {
  int64_t polls = 0;           ///< feed/sitemap/page requests made for sources
  int64_t not_modified = 0;    ///< polls answered 304
  int64_t poll_errors = 0;
  int64_t items_found = 0;     ///< item URLs in the polled feeds
  int64_t items_new = 0;       ///< of those, new to the frontier
  int64_t fetched = 0;         ///< frontier URLs fetched
  int64_t articles_new = 0;    ///< new articles stored from them
  int64_t not_articles = 0;    ///< new pages stored that are not articles (blocked, paywalled...)
  int64_t fetch_errors = 0;    ///< frontier fetches that failed (retried or for good)
};

/// Runs the collector. Fails only when the store fails; everything a
/// source or server does wrong is recorded on the source or the frontier
/// entry and reported through `events`.
Result<CrawlCounts> run_crawl(Store& store, const CrawlOptions& options, const EventSink& events);

}  // namespace tidings
