// The people an article names, for story clustering (story_people.h).
#include "facts/story_people.h"

#include <algorithm>
#include <cctype>
#include <unordered_set>

#include "facts/people.h"
#include "facts/segment.h"

namespace tidings::facts {

bool names_a_group(std::string_view text, size_t start, std::string_view name) {
  if (name.size() < 3 || name.back() != 's' || name.find(' ') != std::string_view::npos) return false;
  if (start < 4) return false;
  const std::string_view before = text.substr(start - 4, 4);
  return (before == "the " || before == "The ") && (start == 4 || !std::isalpha(static_cast<unsigned char>(text[start - 5])));
}

std::vector<std::string> person_mentions(const NerModel& model, std::string_view title, std::string_view text) {
  std::vector<std::string> out;
  if (model.empty()) return out;
  std::string joined;
  joined.reserve(std::min(title.size() + 1 + text.size(), kMaxTextBytes));
  joined.append(title.substr(0, kMaxTextBytes));
  joined.push_back('\n');
  joined.append(text.substr(0, kMaxTextBytes - std::min(joined.size(), kMaxTextBytes)));
  const Segmented segmented = segment(joined);
  const std::string_view all = segmented.text;
  // The words the text names as groups: a mention "Colts" in the title is
  // the team when the text also says "the Colts".
  std::unordered_set<std::string_view> groups;
  for (size_t at = all.find("he "); at != std::string_view::npos; at = all.find("he ", at + 3)) {
    if (at == 0) continue;
    size_t end = at + 3;
    while (end < all.size() && std::isalpha(static_cast<unsigned char>(all[end]))) ++end;
    const std::string_view word = all.substr(at + 3, end - at - 3);
    if (!word.empty() && std::isupper(static_cast<unsigned char>(word[0])) && names_a_group(all, at + 3, word)) {
      groups.insert(word);
    }
  }
  // The tagger's people as the facts pass corrects them.
  std::vector<Entity> entities = model.tag(segmented);
  correct_people(segmented, entities);
  for (const Entity& e : entities) {
    if (e.type != EntityType::kPerson) continue;
    const std::string_view name = all.substr(e.start, e.end - e.start);
    if (groups.count(name) || names_a_group(all, e.start, name)) continue;
    out.emplace_back(name);
  }
  return out;
}

}  // namespace tidings::facts
