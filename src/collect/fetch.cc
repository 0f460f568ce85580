// The Fetcher (fetch.h): the libcurl multi loop around the scheduler of
// fetch_scheduler.cc, which drives the transfers of fetch_transfer.cc.
#include "collect/fetch.h"

#include <curl/curl.h>

#include <algorithm>
#include <mutex>
#include <thread>

#include "collect/fetch_scheduler.h"

namespace tidings {

using collect::Pending;
using collect::Steady;
using collect::UrlParts;
using std::chrono::milliseconds;

struct Fetcher::Impl : collect::Scheduler {};

Fetcher::Fetcher(FetchOptions options) : impl_(std::make_unique<Impl>()) {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  impl_->options = std::move(options);
  impl_->options.max_connections_per_host = std::max(1, impl_->options.max_connections_per_host);
  impl_->options.max_total_connections = std::max(1, impl_->options.max_total_connections);
  impl_->multi = curl_multi_init();
  curl_multi_setopt(impl_->multi, CURLMOPT_MAX_TOTAL_CONNECTIONS,
                    static_cast<long>(impl_->options.max_total_connections));
  curl_multi_setopt(impl_->multi, CURLMOPT_MAX_HOST_CONNECTIONS,
                    static_cast<long>(impl_->options.max_connections_per_host));
}

Fetcher::~Fetcher() {
  for (auto& [easy, t] : impl_->transfers) curl_multi_remove_handle(impl_->multi, easy);
  impl_->transfers.clear();
  curl_multi_cleanup(impl_->multi);
}

void Fetcher::submit(FetchRequest request) {
  Pending p;
  p.url = request.url;
  p.request = std::move(request);
  FetchFailure failure = FetchFailure::kNone;
  std::string message;
  if (!collect::split_url(p.url, p.parts, failure, message)) {
    impl_->ready.push_back(collect::failed_result(p, failure, ErrorCode::kInvalidInput, message));
    return;
  }
  impl_->enqueue(std::move(p), false);
}

bool Fetcher::step(milliseconds max_wait, const FetchCallback& callback) {
  Impl& d = *impl_;
  int running = 0;
  d.schedule();
  if (!d.transfers.empty()) {
    curl_multi_perform(d.multi, &running);
    d.collect_done();
    d.schedule();
  }
  if (d.ready.empty()) {
    const milliseconds wait = d.wait_hint(max_wait);
    if (!d.transfers.empty()) {
      curl_multi_poll(d.multi, nullptr, 0, static_cast<int>(wait.count()), nullptr);
      curl_multi_perform(d.multi, &running);
      d.collect_done();
      d.schedule();
    } else if (d.queued > 0 && wait.count() > 0) {
      std::this_thread::sleep_for(wait);
      d.schedule();
    }
  }
  d.deliver(callback);
  return d.queued > 0 || !d.transfers.empty() || !d.ready.empty();
}

void Fetcher::fetch_all(std::vector<FetchRequest> requests, const FetchCallback& callback) {
  for (FetchRequest& r : requests) submit(std::move(r));
  while (step(milliseconds(1000), callback)) {
  }
}

size_t Fetcher::queued() const { return impl_->queued; }
size_t Fetcher::running() const { return impl_->transfers.size(); }
size_t Fetcher::hosts_tracked() const { return impl_->hosts.size(); }
size_t Fetcher::prune_idle_hosts() { return impl_->prune_idle_hosts(Steady::now()); }

std::optional<Clock::time_point> Fetcher::host_next_allowed(std::string_view url) const {
  UrlParts parts;
  FetchFailure failure;
  std::string message;
  if (!collect::split_url(url, parts, failure, message)) return std::nullopt;
  auto it = impl_->hosts.find(parts.host_key);
  if (it == impl_->hosts.end() || !it->second.contacted) return std::nullopt;
  const auto left = it->second.next_allowed - Steady::now();
  return Clock::now() + std::chrono::duration_cast<Clock::duration>(left);
}

std::optional<RobotsTxt> Fetcher::cached_robots(std::string_view url) const {
  UrlParts parts;
  FetchFailure failure;
  std::string message;
  if (!collect::split_url(url, parts, failure, message)) return std::nullopt;
  auto it = impl_->robots.find(parts.origin);
  if (it == impl_->robots.end() || it->second.fetching || !it->second.available ||
      it->second.expires <= Steady::now()) {
    return std::nullopt;
  }
  return it->second.txt;
}

}  // namespace tidings
