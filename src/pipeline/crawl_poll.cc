// Polling sources (`tidings run`, see crawl.h): one conditional GET per due
// source; an "auto" source is first asked for its feeds (its URL may be a
// feed itself; else <link rel="alternate">, robots.txt's Sitemap lines, then
// the usual feed paths); a sitemap index is followed one level down; every
// item URL goes to the frontier. A source's poll is recorded once all the
// requests it needed have answered.
#include "pipeline/crawl_internal.h"

#include <algorithm>
#include <map>

#include "collect/feed.h"
#include "core/url.h"
#include "extract/extract.h"

namespace tidings::crawl_detail {

namespace {

enum class Role { kFeed, kDiscovery, kProbe, kChildSitemap, kPage };

// Where sites usually put their feed, tried in this order when a home page
// announces none and robots.txt names no sitemap (WordPress, static site
// generators, Ghost, Blogger and most CMSs use one of these).
constexpr const char* kCommonFeedPaths[] = {
    "/feed", "/rss.xml", "/feed.xml", "/atom.xml", "/rss", "/index.xml", "/feeds/posts/default",
};
constexpr int kCommonFeedPathCount = std::size(kCommonFeedPaths);

struct Pending {
  Role role = Role::kFeed;
  int64_t source_id = 0;
  int probe = 0;  // for kProbe: index in kCommonFeedPaths
};

struct SourceState {
  Source source;
  SourcePoll poll;
  int outstanding = 0;  // requests of this source still unanswered
  int probes_left = 0;  // common-path probes still unanswered
  int best_probe = kCommonFeedPathCount;  // lowest index that answered with a feed
  std::optional<FetchResult> best_probe_result;
  FetchResult discovery;  // the home page's answer, for errors when no probe succeeds
  int64_t added = 0;    // new frontier URLs this poll (child sitemaps included)
};

// Whether a response body is a feed or sitemap tidings can read.
bool is_feed(const FetchResult& r) {
  FeedParseOptions fo;
  fo.base_url = r.final_url.empty() ? r.request.url : r.final_url;
  fo.content_type = r.content_type;
  fo.content_language = r.content_language;
  auto feed = parse_feed(r.body, fo);
  return feed.has_value() && !feed->format.empty();
}

// The items with a link, newest first: dated items by date (feeds and
// sitemaps may list oldest first), undated ones after them in feed order.
std::vector<FrontierItem> newest_first(const std::vector<FeedItem>& feed_items) {
  std::vector<FrontierItem> items;
  items.reserve(feed_items.size());
  for (const FeedItem& item : feed_items) {
    if (!is_http_url(item.link)) continue;
    FrontierItem f;
    f.url = item.link;
    f.title = item.title;
    f.published_at = item.published ? item.published : item.lastmod ? item.lastmod : item.updated;
    items.push_back(std::move(f));
  }
  std::stable_sort(items.begin(), items.end(), [](const FrontierItem& a, const FrontierItem& b) {
    if (!a.published_at || !b.published_at)
      return a.published_at.has_value() > b.published_at.has_value();
    return *a.published_at > *b.published_at;
  });
  return items;
}

// "HTTP 503" or the fetcher's own message.
std::string describe_failure(const FetchResult& r) {
  if (r.error) return r.error->message;
  return "HTTP " + std::to_string(r.status);
}

bool response_usable(const FetchResult& r) { return r.ok() && r.status >= 200 && r.status < 300; }

class Poller {
 public:
  Poller(Store& store, Fetcher& fetcher, const CrawlOptions& options, const EventSink& events,
         CrawlCounts& counts)
      : store_(store), fetcher_(fetcher), options_(options), events_(events), counts_(counts) {}

  Result<void> poll(const std::vector<Source>& due) {
    now_ = now_seconds();
    for (const Source& s : due) {
      SourceState& st = states_[s.id];
      st.source = s;
      st.poll.fetched_at = now_;
      st.poll.next_poll_at = now_ + std::chrono::seconds(std::max<int64_t>(s.every_seconds, 10));
      if (s.kind == "page") {
        submit(s.id, Role::kPage, s.url, "", "");
      } else if (s.kind == "auto" && s.feed_url.empty()) {
        submit(s.id, Role::kDiscovery, s.url, "", "");
      } else {
        const std::string& url = s.kind == "auto" ? s.feed_url : s.url;
        submit(s.id, Role::kFeed, url, s.etag, s.last_modified);
      }
    }
    fetcher_.fetch_all(std::move(initial_), [&](FetchResult&& r) { on_result(std::move(r)); });
    if (store_error_) return tl::unexpected(*store_error_);
    return {};
  }

 private:
  void submit(int64_t source_id, Role role, const std::string& url, const std::string& etag,
              const std::string& last_modified, int probe = 0) {
    const uint64_t tag = next_tag_++;
    pending_[tag] = {role, source_id, probe};
    ++states_[source_id].outstanding;
    ++counts_.polls;
    FetchRequest req{url, etag, last_modified, tag};
    if (started_) {
      fetcher_.submit(std::move(req));
    } else {
      initial_.push_back(std::move(req));
    }
  }

  void on_result(FetchResult&& r) {
    started_ = true;
    const auto it = pending_.find(r.request.tag);
    if (it == pending_.end()) return;
    const Pending p = it->second;
    pending_.erase(it);
    SourceState& st = states_[p.source_id];
    switch (p.role) {
      case Role::kFeed:
      case Role::kChildSitemap: on_feed(st, p.role, r); break;
      case Role::kDiscovery: on_discovery(st, std::move(r)); break;
      case Role::kProbe: on_probe(st, p.probe, std::move(r)); break;
      case Role::kPage: on_page(st, r); break;
    }
    if (--st.outstanding == 0) finish(st);
  }

  void note_error(SourceState& st, const FetchResult& r, const std::string& message) {
    if (st.poll.error.empty()) st.poll.error = message;
    if (st.poll.http_status == 0) st.poll.http_status = r.status;
    ++counts_.poll_errors;
    if (r.retry_after) {
      st.poll.next_poll_at = std::max(st.poll.next_poll_at, now_ + std::chrono::seconds(*r.retry_after));
    }
    send_error(r.request.url, message);
  }

  void on_feed(SourceState& st, Role role, const FetchResult& r) {
    if (role == Role::kFeed) st.poll.http_status = r.status;
    if (r.not_modified) {
      ++counts_.not_modified;
      st.poll.etag = r.etag;
      st.poll.last_modified = r.last_modified;
      return;
    }
    if (!response_usable(r)) return note_error(st, r, describe_failure(r));
    FeedParseOptions fo;
    fo.base_url = r.final_url.empty() ? r.request.url : r.final_url;
    fo.content_type = r.content_type;
    fo.content_language = r.content_language;
    auto feed = parse_feed(r.body, fo);
    if (!feed) return note_error(st, r, "not a feed or sitemap: " + feed.error().message);
    if (role == Role::kFeed) {
      st.poll.etag = r.etag;
      st.poll.last_modified = r.last_modified;
      if (!feed->title.empty()) st.poll.name = feed->title;
    }
    if (feed->bozo) send_warning(r.request.url, "feed is not well-formed: " + feed->bozo_message);
    if (feed->format == "sitemapindex") {
      size_t followed = 0;
      for (const FeedItem& child : feed->items) {
        if (followed >= options_.max_sitemaps_per_index || role == Role::kChildSitemap) break;
        if (!is_http_url(child.link)) continue;
        submit(st.source.id, Role::kChildSitemap, child.link, "", "");
        ++followed;
      }
      return;
    }
    std::vector<FrontierItem> items = newest_first(feed->items);
    st.poll.items_found += static_cast<int64_t>(items.size());
    counts_.items_found += static_cast<int64_t>(items.size());
    const int64_t budget = std::max<int64_t>(0, options_.max_new_per_poll - st.added);
    auto added = store_.add_to_frontier(st.source.id, items, now_, budget);
    if (!added) {
      store_error_ = added.error();
      return;
    }
    st.added += added->added;
    counts_.items_new += added->added;
    if (added->examined < items.size()) {
      // The next poll must read the whole feed again, not get a 304.
      st.poll.forget_validators = true;
      st.poll.warning = "lists " + std::to_string(items.size()) + " items: added the newest " +
                        std::to_string(st.added) + " new ones (at most " +
                        std::to_string(options_.max_new_per_poll) +
                        " per poll); the rest come with the next polls";
      send_warning(r.request.url, st.poll.warning);
    }
  }

  // An "auto" source's URL: a feed or sitemap itself, else the page's
  // announced feeds, else robots.txt's sitemaps (news sitemaps first), else
  // the first of the usual feed paths that answers with a feed.
  void on_discovery(SourceState& st, FetchResult&& r) {
    st.poll.http_status = r.status;
    if (!response_usable(r)) return note_error(st, r, describe_failure(r));
    const std::string base = r.final_url.empty() ? r.request.url : r.final_url;
    if (is_feed(r)) {
      st.poll.feed_url = base;
      return on_feed(st, Role::kFeed, r);
    }
    std::string feed_url;
    auto links = find_feed_links(r.body, base, r.content_type);
    if (links && !links->empty()) feed_url = links->front().url;
    if (feed_url.empty()) {
      if (auto robots = fetcher_.cached_robots(st.source.url)) {
        std::vector<std::string> maps = robots->sitemaps;
        std::stable_sort(maps.begin(), maps.end(), [](const std::string& a, const std::string& b) {
          return (a.find("news") != std::string::npos) > (b.find("news") != std::string::npos);
        });
        if (!maps.empty()) feed_url = maps.front();
      }
    }
    if (!feed_url.empty()) {
      st.poll.feed_url = feed_url;
      return submit(st.source.id, Role::kFeed, feed_url, "", "");
    }
    st.discovery = std::move(r);
    st.discovery.body.clear();
    for (int i = 0; i < kCommonFeedPathCount; ++i) {
      const std::string url = resolve_url(base, kCommonFeedPaths[i]);
      if (url.empty()) continue;
      ++st.probes_left;
      submit(st.source.id, Role::kProbe, url, "", "", i);
    }
    if (st.probes_left == 0) on_probes_done(st);
  }

  // One usual feed path's answer; once all have answered, the first in
  // kCommonFeedPaths' order that is a feed becomes the source's feed.
  void on_probe(SourceState& st, int index, FetchResult&& r) {
    if (index < st.best_probe && response_usable(r) && is_feed(r)) {
      st.best_probe = index;
      st.best_probe_result = std::move(r);
    }
    if (--st.probes_left == 0) on_probes_done(st);
  }

  void on_probes_done(SourceState& st) {
    if (!st.best_probe_result) {
      return note_error(st, st.discovery,
                        "no feed announced on the page, no sitemap in robots.txt and none at "
                        "the usual feed paths (/feed, /rss.xml, ...)");
    }
    const FetchResult& r = *st.best_probe_result;
    st.poll.feed_url = r.final_url.empty() ? r.request.url : r.final_url;
    on_feed(st, Role::kFeed, r);
    st.best_probe_result.reset();
  }

  // A "page" source is one page, re-read at each poll (ingest keeps each
  // distinct version once).
  void on_page(SourceState& st, const FetchResult& r) {
    st.poll.http_status = r.status;
    if (!response_usable(r)) return note_error(st, r, describe_failure(r));
    Document doc = to_document(r);
    doc.source_id = st.source.id;
    auto outcomes = ingest_documents(store_, {std::move(doc)}, options_.pipeline, events_, nullptr);
    if (!outcomes) {
      store_error_ = outcomes.error();
      return;
    }
    const DocumentOutcome& o = outcomes->front();
    if (o.created && !o.error) ++counts_.articles_new;
    if (o.created && o.error && o.document_id > 0) ++counts_.not_articles;
    if (o.error) note_error(st, r, o.error->message);
  }

  void finish(SourceState& st) {
    if (store_error_) return;
    if (auto r = store_.record_poll(st.source.id, st.poll); !r) store_error_ = r.error();
  }

  void send_error(const std::string& origin, const std::string& message) {
    if (events_) events_({PipelineEvent::Kind::kError, origin, message, {}});
  }
  void send_warning(const std::string& origin, const std::string& message) {
    if (events_) events_({PipelineEvent::Kind::kWarning, origin, message, {}});
  }

  Store& store_;
  Fetcher& fetcher_;
  const CrawlOptions& options_;
  const EventSink& events_;
  CrawlCounts& counts_;
  Instant now_{};
  std::map<int64_t, SourceState> states_;
  std::map<uint64_t, Pending> pending_;
  std::vector<FetchRequest> initial_;
  uint64_t next_tag_ = 1;
  bool started_ = false;
  std::optional<Error> store_error_;
};

}  // namespace

Result<void> poll_due_sources(Store& store, Fetcher& fetcher, const CrawlOptions& options,
                              const EventSink& events, CrawlCounts& counts) {
  auto due = store.due_sources(now_seconds());
  if (!due) return tl::unexpected(due.error());
  if (due->empty()) return {};
  Poller poller(store, fetcher, options, events, counts);
  return poller.poll(*due);
}

}  // namespace tidings::crawl_detail
