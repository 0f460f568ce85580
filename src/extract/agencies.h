// The news agencies of the world, by name and by web domain: which agency
// a credit ("(Reuters) -", "selon l'AFP", "по данным ТАСС", "به گزارش ایرنا")
// or a link (https://www.reuters.com/...) names, as one normalised name
// (SourceLink::agency). A fixed table compiled in (agencies.cc); lookups are
// read-only and thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tidings::extract_detail {

/// One agency: its normalised name and, '|'-separated, its spellings and
/// its domains. A spelling of at most five ASCII capitals ("AP", "AA",
/// "MENA"), or one written with a leading '=' ("=Antara": "antara" is
/// Indonesian for "between"), matches only in that case; every other
/// spelling matches in any case.
struct Agency {
  std::string_view name;       ///< "Reuters", "AFP", "Xinhua"
  std::string_view spellings;  ///< "Reuters|Thomson Reuters|رويترز|Рейтер"
  std::string_view domains;    ///< "reuters.com|reutersagency.com"
};

/// The whole table, for tests and documentation.
const std::vector<Agency>& agency_table();

/// The agency whose domain `host` is or is under ("en.irna.ir" -> IRNA),
/// or nullptr.
const Agency* agency_for_host(std::string_view host);

/// A word of a text: bytes [begin, end) and its lower-case form. Words are
/// runs of letters, digits and combining marks (any script); everything
/// else separates them.
struct Word {
  size_t begin = 0, end = 0;
  std::string lower;
};

/// The words of `text` (at most `max_words`).
std::vector<Word> split_words(std::string_view text, size_t max_words = 4096);

/// An agency named at words[first, first + count) of a text.
struct AgencyMatch {
  const Agency* agency = nullptr;
  size_t count = 0;  ///< words the name spans; 0 when nothing matched
};

/// The longest agency spelling that starts at words[i]; `text` is the text
/// the words were split from (for spellings that must match in case). An
/// Arabic word may carry a one-letter prefix ("لرويترز", "وفرانس").
AgencyMatch agency_at(std::string_view text, const std::vector<Word>& words, size_t i);

/// The agency `text` names when it is nothing but one spelling
/// ("Reuters", " AFP ", "Associated Press"), or nullptr.
const Agency* agency_named(std::string_view text);

/// Spellings in scripts written without spaces (Chinese, Japanese,
/// Korean): "新华社", "共同通信", "연합뉴스". Found by substring, not by word.
struct UnspacedName {
  std::string_view spelling;
  const Agency* agency;
};
const std::vector<UnspacedName>& unspaced_agency_names();

}  // namespace tidings::extract_detail
