// The place a figure was counted in (docs/figures.md "Places"): "31,643
// killed in Turkey" and "5,700 there" (after a sentence about Syria) are
// the same measure, killed/people, in two places, and must not be set side
// by side as sources that disagree.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "facts/facts.h"
#include "facts/figures.h"
#include "facts/geo.h"

namespace tidings::facts {

/// Per figure, the index into `entities` of the place it was counted in, or
/// -1 when its sentence does not say. `places` is per entity (set for the
/// places the geocoder resolved; a demonym is not a place to count in). In order of preference, within the figure's clause
/// (its sentence, cut at the figures around it):
///   - a place after the figure behind a locative preposition ("killed in
///     Turkey", "wounded in northern Gaza", "died at the Kakhovka dam");
///   - "there" near the figure ("put the toll there at 5,700"), not the
///     existential "there were": the last place named before it, in the
///     three sentences before or, in its own, behind a preposition or a
///     possessive (the sentence's subject is not where "there" is);
///   - a place before the figure behind a locative preposition ("In Syria,
///     5,700 died", "officials in Gaza said 45 were killed");
///   - a place's possessive before the figure ("Turkey's disaster agency
///     said 31,643 were killed").
/// A breakdown ("including 3,648 children") is counted where its parent is.
std::vector<int32_t> figure_places(const Segmented& segmented, const std::vector<Entity>& entities,
                                   const std::vector<std::optional<Place>>& places,
                                   const std::vector<Figure>& figures);

}  // namespace tidings::facts
