// Figures claimed in news text: how many of whom were killed, wounded,
// missing, displaced, arrested..., with the qualifier ("at least"), the
// breakdown ("including 3,648 children"), the attribution ("according to
// officials") and the time the count was as of (docs/figures.md). Money and
// percentages are figures in their own units. Works from tokens alone: the
// attribution is a text span, its speaker is resolved by later stages.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "facts/dates.h"
#include "facts/facts.h"

namespace tidings::facts {

/// A half-open byte range into the text; empty when absent.
struct TextSpan {
  uint32_t start = 0, end = 0;
  bool empty() const { return start == end; }
};

enum class FigureUnit : uint8_t {
  kCount,    ///< a number of people or things ("8,796 people", "200 homes")
  kMoney,    ///< an amount of a currency (Figure::currency)
  kPercent,  ///< "40 percent", "40%"
};

/// "count", "money", "percent".
const char* unit_name(FigureUnit unit);

enum class Qualifier : uint8_t {
  kNone,       ///< the number as said
  kAtLeast,    ///< "at least", "no fewer than"
  kMoreThan,   ///< "more than", "over", "upwards of", "in excess of"
  kAround,     ///< "around", "about", "some", "approximately", "roughly"
  kNearly,     ///< "nearly", "almost", "close to", "just under"
  kUpTo,       ///< "up to", "as many as", "at most"
  kLessThan,   ///< "less than", "fewer than", "under"
  kEstimated,  ///< "an estimated", "estimated"
  kBetween,    ///< "between 10 and 20", "10 to 20": Figure::value_max holds the top
};

/// "none", "at_least", "more_than", "around", "nearly", "up_to",
/// "less_than", "estimated", "between".
const char* qualifier_name(Qualifier qualifier);

/// One quantity claim.
struct Figure {
  TextSpan span;               ///< qualifier, number and counted noun: "at least 8,796 people"
  TextSpan number;             ///< the number itself: "8,796", "two million", "dozens"
  uint32_t sentence = 0;       ///< index into Segmented::sentences
  double value = 0;            ///< 8796; the lower bound of a vague amount ("dozens" = 24)
  double value_max = 0;        ///< the top of a range (kBetween), else 0
  bool vague = false;          ///< "dozens", "hundreds", "tens of thousands"
  FigureUnit unit = FigureUnit::kCount;
  std::string_view currency;   ///< ISO 4217 ("USD", "EUR") for kMoney, else empty
  /// What happened to them, from a closed vocabulary (docs/figures.md):
  /// "killed" (also "dead", "died", "deaths", "death toll"), "wounded"
  /// ("injured"), "missing", "displaced", "arrested", "detained",
  /// "evacuated", "abducted", ... Empty when the sentence says none.
  std::string_view event;
  TextSpan event_span;
  /// Whom or what it counts, normalised: "people", "children", "women",
  /// "civilians", "soldiers", "palestinians", "homes", ... For a percentage,
  /// the whole it is a share of ("40 percent of residents"). Empty for
  /// money, and for counts of nouns outside the vocabulary.
  std::string_view subject;
  TextSpan subject_span;       ///< the noun as written; empty when not said
  /// False when the subject was not said and "people" is assumed because
  /// the event happens to people ("the death toll rose to 45").
  bool subject_stated = true;
  Qualifier qualifier = Qualifier::kNone;
  TextSpan qualifier_span;
  /// Index (into the returned vector) of the figure this one breaks down:
  /// "8,796 people, including 3,648 children" gives the children figure
  /// the people figure's index. -1 for a top-level figure.
  int32_t parent = -1;
  TextSpan attribution;        ///< "according to officials", "health officials in Gaza said"
  TextSpan source;             ///< who: "officials", "health officials in Gaza"
  /// Index (into the dates given) of the date expression in the same
  /// sentence the count is as of; -1: as of the publication time.
  int32_t as_of = -1;
  /// Index into the entities of the place it was counted in ("killed in
  /// Turkey"), set by extract_facts (figure_places.h); -1: not said.
  int32_t place = -1;
};

/// The measure a figure is a value of, for comparing sources: "killed/people",
/// "missing/children", "displaced/palestinians", "count/homes" (no event),
/// "money/USD", "percent", "percent/displaced". Figures of one measure at
/// about the same time from different sources can be compared.
std::string measure_key(const Figure& figure);

/// Finds the figures of every sentence in text order (a breakdown right
/// after its parent). `dates` are find_dates() of the same text, used for
/// the as-of time; pass none to have every figure as of publication. Never
/// fails; linear in the number of tokens (every look-around is bounded).
/// Thread-safe.
std::vector<Figure> find_figures(const Segmented& segmented,
                                 std::span<const DateExpression> dates = {});

}  // namespace tidings::facts
