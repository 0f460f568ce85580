// Fetching the frontier (see crawl.h): due entries are fetched politely,
// stored through ingest, and only then marked done. Transient failures are
// retried with growing delays; permanent ones are kept with their reason.
#include <algorithm>
#include <map>

#include "pipeline/crawl_internal.h"

namespace tidings::crawl_detail {

namespace {

constexpr size_t kStoreBatch = 8;  // pages per transaction while fetching

// Whether trying again later could help.
bool is_transient(const FetchResult& r) {
  switch (r.failure) {
    case FetchFailure::kNone:
      return r.status == 408 || r.status == 429 || r.status >= 500;
    case FetchFailure::kDns:
    case FetchFailure::kConnect:
    case FetchFailure::kTimeout:
    case FetchFailure::kRobotsUnavailable:
    case FetchFailure::kBackedOff:
    case FetchFailure::kTls:
    case FetchFailure::kNetwork:
      return true;
    default:  // invalid URL, scheme, private address, too large, redirects, robots
      return false;
  }
}

std::string describe(const FetchResult& r) {
  if (r.error) return r.error->message;
  return "HTTP " + std::to_string(r.status);
}

// A fetch that stored nothing, in the fetch log: "blocked" for a blocking
// status (a 429 to be retried), else "error".
Result<void> log_failed_fetch(Store& store, const FrontierEntry& e, const FetchResult& r) {
  if (e.source_id <= 0) return {};
  FetchRecord rec;
  rec.source_id = e.source_id;
  rec.url = e.item.url;
  rec.fetched_at = r.fetched_at == Instant{} ? now_seconds() : r.fetched_at;
  rec.http_status = r.status;
  rec.outcome = r.ok() && is_blocked_status(r.status) ? "blocked" : "error";
  return store.record_fetch(rec);
}

}  // namespace

Result<void> fetch_due_frontier(Store& store, Fetcher& fetcher, const CrawlOptions& options,
                                const EventSink& events, CrawlCounts& counts) {
  // Bounded rounds: every retry is scheduled at least a minute ahead, so a
  // round never sees the same entry twice; the bound is only a safety net.
  for (int round = 0; round < 100000; ++round) {
    if (options.stop && options.stop->load()) return {};
    int64_t batch = options.frontier_batch;
    if (options.max_fetch >= 0) batch = std::min(batch, options.max_fetch - counts.fetched);
    if (batch <= 0) return {};  // this run's fetches are spent
    const Instant now = now_seconds();
    auto due = store.due_frontier(now, static_cast<int>(batch));
    if (!due) return tl::unexpected(due.error());
    if (due->empty()) return {};

    std::map<uint64_t, const FrontierEntry*> by_tag;
    std::vector<FetchRequest> requests;
    for (const FrontierEntry& e : *due) {
      by_tag[static_cast<uint64_t>(e.id)] = &e;
      requests.push_back({e.item.url, "", "", static_cast<uint64_t>(e.id)});
    }
    std::vector<Document> documents;
    std::vector<std::pair<const FrontierEntry*, int>> stored;  // entry, HTTP status
    std::optional<Error> store_error;
    auto record_failure = [&](const FrontierEntry& e, const FetchResult& r) {
      ++counts.fetch_errors;
      if (r.failure == FetchFailure::kBackedOff) {  // not fetched: no attempt used up
        const Instant retry_at = now_seconds() + std::chrono::seconds(std::max<int64_t>(
                                                     60, r.retry_after.value_or(0)));
        if (events) events({PipelineEvent::Kind::kError, e.item.url, describe(r) + " (will retry)", {}});
        if (auto w = store.frontier_postpone(e.id, describe(r), retry_at); !w) store_error = w.error();
        return;
      }
      std::optional<Instant> retry_at;
      if (is_transient(r) && e.attempts + 1 < options.max_attempts) {
        const int64_t backoff = 60LL << std::min(e.attempts, 10);  // 1, 2, 4 ... minutes
        retry_at = now_seconds() + std::chrono::seconds(std::max(backoff, r.retry_after.value_or(0)));
      }
      const std::string message = describe(r) + (retry_at ? " (will retry)" : "");
      if (events) events({PipelineEvent::Kind::kError, e.item.url, message, {}});
      if (auto w = store.frontier_failed(e.id, r.status, describe(r), retry_at); !w) {
        store_error = w.error();
      }
      if (auto w = log_failed_fetch(store, e, r); !w) store_error = w.error();
    };
    // Stored in small batches as pages arrive, so a killed run loses at
    // most one batch of fetches (they are fetched again; never duplicated).
    auto flush = [&]() -> Result<void> {
      if (documents.empty()) return {};
      IngestCounts ingest_counts;
      auto outcomes = ingest_documents(store, std::move(documents), options.pipeline, events,
                                       &ingest_counts);
      documents.clear();
      if (!outcomes) return tl::unexpected(outcomes.error());
      counts.articles_new += ingest_counts.created - ingest_counts.failed;
      for (size_t i = 0; i < stored.size(); ++i) {
        const FrontierEntry& e = *stored[i].first;
        const DocumentOutcome& o = (*outcomes)[i];
        if (o.document_id > 0 && o.error && o.created) ++counts.not_articles;
        if (o.document_id == 0 && e.source_id > 0) {  // not a page: logged here, not by ingest
          FetchRecord rec{e.source_id, e.item.url, now_seconds(), stored[i].second, "error", 0, 0};
          if (auto w = store.record_fetch(rec); !w) return w;
        }
        Result<void> w = o.document_id > 0
                             ? store.frontier_done(e.id, stored[i].second, o.document_id)
                             : store.frontier_failed(e.id, stored[i].second,
                                                     o.error ? o.error->message : "not stored",
                                                     std::nullopt);
        if (!w) return w;
      }
      stored.clear();
      if (events) {
        IngestCounts progress;
        progress.read = counts.fetched;
        progress.created = counts.articles_new;
        progress.failed = counts.fetch_errors;
        events({PipelineEvent::Kind::kProgress, "", "", progress});
      }
      return {};
    };
    fetcher.fetch_all(std::move(requests), [&](FetchResult&& r) {
      const auto it = by_tag.find(r.request.tag);
      if (it == by_tag.end() || store_error) return;
      const FrontierEntry& e = *it->second;
      ++counts.fetched;
      // A blocking status (403, 451; 429 once retries are spent) is stored
      // with its page, so that it shows in `tidings failures` as "blocked".
      const bool last_attempt = e.attempts + 1 >= options.max_attempts;
      const bool blocked = r.ok() && is_blocked_status(r.status) && (r.status != 429 || last_attempt);
      if (!blocked && (!r.ok() || r.status < 200 || r.status >= 300)) return record_failure(e, r);
      Document doc = to_document(r);
      doc.source_id = e.source_id;
      documents.push_back(std::move(doc));
      stored.emplace_back(&e, r.status);
      if (documents.size() >= kStoreBatch) {
        if (auto f = flush(); !f) store_error = f.error();
      }
    });
    if (!store_error) {
      if (auto f = flush(); !f) store_error = f.error();
    }
    if (store_error) return tl::unexpected(*store_error);
  }
  return {};
}

}  // namespace tidings::crawl_detail
