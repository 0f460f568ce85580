// The people an article names, for story clustering (story_people.h).
#include "facts/story_people.h"

#include "facts/segment.h"

namespace tidings::facts {

std::vector<std::string> person_mentions(const NerModel& model, std::string_view title, std::string_view text) {
  std::vector<std::string> out;
  if (model.empty()) return out;
  std::string joined;
  joined.reserve(std::min(title.size() + 1 + text.size(), kMaxTextBytes));
  joined.append(title.substr(0, kMaxTextBytes));
  joined.push_back('\n');
  joined.append(text.substr(0, kMaxTextBytes - std::min(joined.size(), kMaxTextBytes)));
  const Segmented segmented = segment(joined);
  for (const Entity& e : model.tag(segmented)) {
    if (e.type == EntityType::kPerson) out.emplace_back(segmented.text.substr(e.start, e.end - e.start));
  }
  return out;
}

}  // namespace tidings::facts
