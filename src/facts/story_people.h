// The people an article names, as the story clusterer reads them
// (cluster::ClusterDoc::people, docs/stories.md "People").
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "facts/ner.h"

namespace tidings::facts {

/// Every PER mention the tagger finds in `title` and `text`, as written, in
/// order ("Wladimir Klitschko", "Klitschko", ...), less those that name a
/// group (names_a_group): the clusterer keys them by their last word. Reads
/// at most kMaxTextBytes. Thread-safe.
std::vector<std::string> person_mentions(const NerModel& model, std::string_view title, std::string_view text);

/// Whether the mention `name`, at byte `start` of `text`, names a group and
/// not a person: one plural capitalised word after "the" ("the Colts", "the
/// Chargers", "the Clintons": a team, a band, a family). The tagger takes
/// some of these for people, and a team named by every report of two games
/// would become both stories' main person (docs/stories.md).
bool names_a_group(std::string_view text, size_t start, std::string_view name);

}  // namespace tidings::facts
