// The fetcher's scheduler (fetch_scheduler.h): what may start now, what a
// finished transfer means for its host, robots.txt and redirects.
#include "collect/fetch_scheduler.h"

#include <algorithm>

#include "collect/host_policy.h"
#include "core/url.h"

namespace tidings::collect {

namespace {

bool is_redirect(int status) {
  return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

int64_t seconds_until(Steady::time_point t, Steady::time_point now) {
  const auto ms = std::chrono::duration_cast<milliseconds>(t - now).count();
  return std::max<int64_t>(0, (ms + 999) / 1000);
}

}  // namespace

FetchResult failed_result(const Pending& p, FetchFailure failure, ErrorCode code,
                          std::string message) {
  FetchResult r;
  r.request = p.request;
  r.final_url = p.url;
  r.redirects = p.redirects;
  r.fetched_at = now_seconds();
  r.failure = failure;
  r.error = Error(code, std::move(message));
  return r;
}

void Scheduler::enqueue(Pending p, bool front) {
  HostState& host = hosts[p.parts.host_key];
  host.last_active = Steady::now();
  if (front) {
    host.queue.push_front(std::move(p));
  } else {
    host.queue.push_back(std::move(p));
  }
  ++queued;
}

bool Scheduler::start(std::unique_ptr<Transfer> t, HostState& host) {
  CURL* easy = nullptr;
  if (collect::prepare_transfer(*t, options)) {
    easy = t->easy;
    if (curl_multi_add_handle(multi, easy) != CURLM_OK) easy = nullptr;
  }
  if (easy == nullptr) {
    if (!t->is_robots) {
      t->result.failure = FetchFailure::kNetwork;
      t->result.error = Error(ErrorCode::kInternal, "libcurl refused the transfer");
      t->result.fetched_at = now_seconds();
      ready.push_back(std::move(t->result));
    }
    return false;
  }
  host.active++;
  host.contacted = true;
  transfers.emplace(easy, std::move(t));
  return true;
}

void Scheduler::start_robots(const UrlParts& parts, HostState& host) {
  auto t = std::make_unique<Transfer>();
  t->is_robots = true;
  t->parts = parts;
  t->result.request.url = parts.origin + "/robots.txt";
  t->result.final_url = t->result.request.url;
  RobotsEntry& entry = robots[parts.origin];
  if (std::find(host.origins.begin(), host.origins.end(), parts.origin) == host.origins.end()) {
    host.origins.push_back(parts.origin);
  }
  if (start(std::move(t), host)) {
    entry.fetching = true;
  } else {  // cannot even start: treat as unreachable
    entry = RobotsEntry{};
    entry.message = "robots.txt unreachable: libcurl refused the transfer";
    entry.expires = Steady::now() + options.robots_error_ttl;
  }
}

// Starts what each host's politeness allows; ends at once the requests
// that robots.txt or a long back-off rule out.
size_t Scheduler::prune_idle_hosts(Steady::time_point now) {
  size_t pruned = 0;
  for (auto it = hosts.begin(); it != hosts.end();) {
    const HostState& host = it->second;
    const bool idle = host.queue.empty() && host.active == 0 && host.next_allowed <= now &&
                      now - host.last_active >= options.host_idle_ttl;
    const bool robots_busy = std::any_of(host.origins.begin(), host.origins.end(),
                                         [&](const std::string& origin) {
                                           auto r = robots.find(origin);
                                           return r != robots.end() && r->second.fetching;
                                         });
    if (!idle || robots_busy) {
      ++it;
      continue;
    }
    // Its robots.txt goes too: the Crawl-delay lives on the host, so a
    // host that comes back reads robots.txt again rather than run without it.
    for (const std::string& origin : host.origins) robots.erase(origin);
    it = hosts.erase(it);
    ++pruned;
  }
  return pruned;
}

void Scheduler::schedule() {
  const auto now = Steady::now();
  if (now >= next_prune) {
    prune_idle_hosts(now);
    next_prune = now + std::min<milliseconds>(options.host_idle_ttl, milliseconds(60'000));
  }
  for (auto& [key, host] : hosts) {
    while (!host.queue.empty() && host.active < options.max_connections_per_host &&
           static_cast<int>(transfers.size()) < options.max_total_connections) {
      Pending& p = host.queue.front();
      // Only a back-off is cut short: the polite delay (min_delay,
      // Crawl-delay) is always waited, however long it is.
      if (host.failures > 0 && host.next_allowed > now + options.max_queue_wait) {
        FetchResult r = failed_result(
            p, FetchFailure::kBackedOff, ErrorCode::kIo,
            "host backed off for " + std::to_string(seconds_until(host.next_allowed, now)) + " s");
        r.retry_after = seconds_until(host.next_allowed, now);
        pop_with(host, std::move(r));
        continue;
      }
      if (now < host.next_allowed) break;
      if (options.respect_robots) {
        auto it = robots.find(p.parts.origin);
        if (it == robots.end() || (!it->second.fetching && it->second.expires <= now)) {
          start_robots(p.parts, host);
          break;
        }
        const RobotsEntry& entry = it->second;
        if (entry.fetching) break;
        if (!entry.available) {
          FetchResult r = failed_result(p, entry.failure, ErrorCode::kIo, entry.message);
          r.retry_after = seconds_until(entry.expires, now);
          pop_with(host, std::move(r));
          continue;
        }
        if (!entry.policy.allows(robots_path_of(p.url))) {
          pop_with(host, failed_result(p, FetchFailure::kRobotsDisallowed, ErrorCode::kIo,
                                       "disallowed by robots.txt"));
          continue;
        }
      }
      auto t = std::make_unique<Transfer>();
      t->result.request = std::move(p.request);
      t->result.final_url = std::move(p.url);
      t->result.redirects = p.redirects;
      t->parts = std::move(p.parts);
      host.queue.pop_front();
      --queued;
      // Spaces the starts too when more than one connection per host is allowed.
      host.next_allowed = now + std::max(options.min_delay, host.crawl_delay);
      start(std::move(t), host);  // on failure the result is ready already
    }
  }
}

void Scheduler::pop_with(HostState& host, FetchResult r) {
  host.queue.pop_front();
  --queued;
  ready.push_back(std::move(r));
}

// Politeness and back-off after any response or failure from a host.
void Scheduler::after_response(HostState& host, const FetchResult& r,
                               std::optional<int64_t> retry_after) {
  const auto now = Steady::now();
  host.last_active = now;
  const milliseconds delay = std::max(options.min_delay, host.crawl_delay);
  const bool failed_hard = r.status == 429 || r.status >= 500 ||
                           r.failure == FetchFailure::kTimeout ||
                           r.failure == FetchFailure::kConnect;
  if (failed_hard) {
    host.failures++;
    const milliseconds backoff = collect::backoff_delay(host.failures, options.backoff_base,
                                                        options.max_backoff, retry_after);
    host.next_allowed = now + std::max(delay, backoff);
  } else {
    host.failures = 0;
    host.next_allowed = now + delay;
  }
}

void Scheduler::complete_robots(Transfer& t, HostState& host) {
  RobotsEntry& e = robots[t.parts.origin];
  const FetchResult& r = t.result;
  const auto now = Steady::now();
  e = RobotsEntry{};
  e.available = true;
  e.expires = now + options.robots_ttl;
  if (!r.ok() && r.failure != FetchFailure::kTooManyRedirects) {
    // RFC 9309 §2.3.1.4: unreachable means disallow everything for now.
    // A refused or unresolvable host keeps that reason: it is the page's too.
    e.available = false;
    e.expires = now + options.robots_error_ttl;
    const bool keep = r.failure == FetchFailure::kRefusedPrivate || r.failure == FetchFailure::kDns;
    e.failure = keep ? r.failure : FetchFailure::kRobotsUnavailable;
    e.message = keep ? r.error->message : "robots.txt unreachable: " + r.error->message;
  } else if (r.ok() && r.status >= 200 && r.status < 300) {
    e.txt = parse_robots_txt(r.body);
    e.policy = robots_policy(e.txt, options.robots_token);
    host.crawl_delay = std::min(
        options.max_crawl_delay,
        milliseconds(static_cast<int64_t>(std::min(e.policy.crawl_delay.value_or(0), 1e7) * 1000)));
  } else if (r.status == 429 || r.status >= 500) {
    e.available = false;
    e.expires = now + options.robots_error_ttl;
    e.message = "robots.txt unavailable: HTTP " + std::to_string(r.status);
  }
  // Otherwise (4xx, too many redirects, odd statuses): RFC 9309 §2.3.1.3,
  // no rules, everything allowed.
}

void Scheduler::complete(std::unique_ptr<Transfer> t) {
  HostState& host = hosts[t->parts.host_key];
  host.active--;
  if (t->is_robots) {
    complete_robots(*t, host);
    after_response(host, t->result, std::nullopt);
    return;
  }
  FetchResult& r = t->result;
  std::optional<int64_t> retry_after;
  if (!t->retry_after.empty())
    retry_after = collect::parse_retry_after(t->retry_after, now_seconds());
  r.retry_after = retry_after;
  after_response(host, r, retry_after);
  r.fetched_at = now_seconds();
  if (r.ok() && is_redirect(r.status) && !t->location.empty()) {
    const std::string target = resolve_url(r.final_url, t->location);
    UrlParts parts;
    FetchFailure failure = FetchFailure::kNone;
    std::string message;
    if (r.redirects >= options.max_redirects) {
      r.failure = FetchFailure::kTooManyRedirects;
      r.error = Error(ErrorCode::kIo, "too many redirects (more than " +
                                          std::to_string(options.max_redirects) + ")");
    } else if (target.empty() || !collect::split_url(target, parts, failure, message)) {
      r.failure = target.empty() ? FetchFailure::kInvalidUrl : failure;
      r.error = Error(ErrorCode::kInvalidInput,
                      "bad redirect: " + (target.empty() ? std::string("invalid url") : message));
    } else {
      enqueue(Pending{std::move(r.request), target, std::move(parts), r.redirects + 1}, true);
      return;
    }
  }
  ready.push_back(std::move(r));
}

void Scheduler::collect_done() {
  int left = 0;
  while (CURLMsg* msg = curl_multi_info_read(multi, &left)) {
    if (msg->msg != CURLMSG_DONE) continue;
    CURL* easy = msg->easy_handle;
    const CURLcode code = msg->data.result;
    auto it = transfers.find(easy);
    if (it == transfers.end()) continue;
    std::unique_ptr<Transfer> t = std::move(it->second);
    transfers.erase(it);
    curl_multi_remove_handle(multi, easy);
    collect::finish_transfer(*t, code);
    complete(std::move(t));
  }
}

// How long until some queued request could start.
milliseconds Scheduler::wait_hint(milliseconds max_wait) const {
  if (static_cast<int>(transfers.size()) >= options.max_total_connections) return max_wait;
  const auto now = Steady::now();
  milliseconds best = max_wait;
  for (const auto& [key, host] : hosts) {
    if (host.queue.empty() || host.active >= options.max_connections_per_host) continue;
    if (options.respect_robots) {  // waiting on robots.txt: its transfer will wake us
      auto it = robots.find(host.queue.front().parts.origin);
      if (it != robots.end() && it->second.fetching) continue;
    }
    const auto until = std::chrono::duration_cast<milliseconds>(host.next_allowed - now);
    best = std::min(best, std::max(until + milliseconds(1), milliseconds(0)));
  }
  return best;
}

void Scheduler::deliver(const FetchCallback& callback) {
  std::vector<FetchResult> out;
  out.swap(ready);
  for (FetchResult& r : out) callback(std::move(r));
}

}  // namespace tidings::collect
