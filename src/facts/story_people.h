// The people an article names, as the story clusterer reads them
// (cluster::ClusterDoc::people, docs/stories.md "People").
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "facts/ner.h"

namespace tidings::facts {

/// Every PER mention the tagger finds in `title` and `text`, as written, in
/// order ("Wladimir Klitschko", "Klitschko", ...): the clusterer keys them
/// by their last word. Reads at most kMaxTextBytes. Thread-safe.
std::vector<std::string> person_mentions(const NerModel& model, std::string_view title, std::string_view text);

}  // namespace tidings::facts
