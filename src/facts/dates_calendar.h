// The date scanner of dates.cc (private to it): calendar arithmetic on
// local days and the patterns tried at each token (dates_scan.cc).
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "facts/dates.h"
#include "facts/facts.h"

namespace tidings::facts::dates_detail {

/// The publication's local day, which relative expressions count from.
struct Anchor {
  std::chrono::sys_days day;
};

/// ASCII-case-insensitive equality with a lower-case word.
bool lower_equal(std::string_view t, std::string_view lower);
/// The last day of `ym`.
std::chrono::sys_days month_end(std::chrono::year_month ym);
/// "07": two digits.
std::string two(unsigned n);
/// DateExpression::value of a resolved expression.
std::string format_value(const DateExpression& e);
/// Narrows [first, last] to its "early", "mid" or "late" third.
void narrow(std::string_view modifier, std::chrono::sys_days& first, std::chrono::sys_days& last);

/// Finds the expressions of one sentence and appends them to `out`.
class Scanner {
 public:
  Scanner(const Segmented& s, uint32_t sentence, const std::optional<Anchor>& anchor,
          std::vector<DateExpression>& out);
  void run();

 private:
  // Each pattern returns the token after its match, or `i` when none.
  size_t weekday(size_t i);
  size_t month_first(size_t i);
  size_t number_first(size_t i);
  size_t relative_words(size_t i);
  size_t mid_word(size_t i);  ///< "mid-October", "mid-2019"
  size_t time_of_day(size_t i);
  void attach_times(size_t first_new);

  // Token helpers (i outside the sentence is never a match).
  bool valid(size_t i) const { return i >= begin_ && i < end_; }
  std::string_view text(size_t i) const;
  bool is(size_t i, std::string_view lower) const;
  bool is_number(size_t i) const;
  bool glued(size_t i) const;
  bool capitalised(size_t i) const;
  int month_at(size_t i, size_t& after) const;  ///< 1..12 with an abbreviation's "."
  int weekday_at(size_t i) const;               ///< 0 (Sunday)..6, else -1
  int day_number(size_t i) const;               ///< "7", "7th": 1..31, else 0
  int year_number(size_t i) const;              ///< "2023": 1000..2999, else 0
  int small_number(size_t i) const;             ///< "3", "three", "a": 1..99, else 0
  bool may_be_relative(size_t i) const;
  bool future_cue(size_t i) const;              ///< "will", "scheduled" before token i
  /// The year of month `m` said without one: the latest on or before the
  /// publication (or the next, with a future cue); direction -1 "last",
  /// +1 "next", 2 "this", 0 by tense.
  int year_of_month(int m, int direction, size_t cue_at) const;

  void day_of_month(size_t first, size_t last, int m, int d, int y);
  int direction_before(size_t i, size_t& first) const;

  DateExpression& add(size_t first, size_t last, DateGranularity g, bool relative);
  void set_day(DateExpression& e, std::chrono::year_month_day d);
  void set_range(DateExpression& e, std::chrono::sys_days first, std::chrono::sys_days last);

  const Segmented& s_;
  uint32_t sentence_;
  size_t begin_, end_;
  const std::optional<Anchor>& anchor_;
  std::vector<DateExpression>& out_;
};

}  // namespace tidings::facts::dates_detail
