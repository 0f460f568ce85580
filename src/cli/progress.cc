// Terminal progress line (see progress.h).
#include "cli/progress.h"

#include <unistd.h>

#include <cstdio>

namespace tidings::cli {

bool bar_enabled() { return isatty(STDERR_FILENO) == 1; }

ProgressBar::ProgressBar(int64_t total, std::string unit)
    : enabled_(bar_enabled()),
      total_(total),
      unit_(std::move(unit)),
      start_(std::chrono::steady_clock::now()) {}

ProgressBar::~ProgressBar() { clear(); }

void ProgressBar::update(int64_t done, const std::string& detail) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  const double secs = std::chrono::duration<double>(now - start_).count();
  const double rate = secs > 0 ? done / secs : 0;
  std::string tail = detail.size() > 40 ? "…" + detail.substr(detail.size() - 39) : detail;
  if (total_ > 0) {
    constexpr int kWidth = 24;
    const int filled = static_cast<int>(kWidth * std::min<int64_t>(done, total_) / total_);
    std::fprintf(stderr, "\r\033[K[%s%s] %lld/%lld %s  %.0f/s  %s",
                 std::string(filled, '#').c_str(), std::string(kWidth - filled, ' ').c_str(),
                 static_cast<long long>(done), static_cast<long long>(total_), unit_.c_str(), rate,
                 tail.c_str());
  } else {
    std::fprintf(stderr, "\r\033[K%lld %s  %.0f/s  %s", static_cast<long long>(done),
                 unit_.c_str(), rate, tail.c_str());
  }
  std::fflush(stderr);
  drawn_ = true;
}

void ProgressBar::clear() {
  if (enabled_ && drawn_) {
    std::fprintf(stderr, "\r\033[K");
    std::fflush(stderr);
    drawn_ = false;
  }
}

}  // namespace tidings::cli
