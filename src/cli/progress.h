// A progress line on stderr for long work, drawn only when stderr is a
// terminal (scripts and logs get the final counts alone).
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace tidings::cli {

/// True when stderr is a terminal (so a bar would be drawn).
bool bar_enabled();

class ProgressBar {
 public:
  /// `total` = 0 when unknown (a counter is drawn instead of a bar).
  explicit ProgressBar(int64_t total, std::string unit);
  ~ProgressBar();

  bool enabled() const { return enabled_; }
  /// Redraws at most ~10 times a second.
  void update(int64_t done, const std::string& detail);
  /// Clears the line so that ordinary output can follow.
  void clear();

 private:
  bool enabled_;
  int64_t total_;
  std::string unit_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_{};
};

}  // namespace tidings::cli
