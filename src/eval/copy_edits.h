// Private to eval: the edits republishing makes to an article's text, each
// a function of the text and a seeded random source (eval/copy_set.h).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace tidings::eval::copy_edits {

/// A small deterministic random source (splitmix64), the same on every
/// platform, unlike std::uniform_int_distribution.
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t next();
  size_t below(size_t n) { return n == 0 ? 0 : static_cast<size_t>(next() % n); }
  bool chance(double p) { return (next() >> 11) * (1.0 / 9007199254740992.0) < p; }
  template <typename T>
  const T& pick(const std::vector<T>& v) { return v[below(v.size())]; }

 private:
  uint64_t state_;
};

std::vector<std::string> split_lines(const std::string& text);
std::string join_lines(const std::vector<std::string>& lines);

/// A site's header (menu, breadcrumbs) and footer ("This news has been
/// collected from reliable news agencies ... Source link", copyright).
std::string add_site_chrome(const std::string& text, Rng& rng);
/// A "Related" / "Read also" block of `headlines` after a paragraph.
std::string add_related_links(const std::string& text, const std::vector<std::string>& headlines, Rng& rng);
/// The first 40-85% of the paragraphs, sometimes cut mid-sentence with "...".
std::string truncate_text(const std::string& text, Rng& rng);
/// The title and the first two to four paragraphs, then "Read more".
std::string make_teaser(const std::string& text, Rng& rng);
/// 10-30% of the paragraphs after the first dropped.
std::string drop_paragraphs(const std::string& text, Rng& rng);
/// Number formats, British spelling, curly quotes, month abbreviations.
std::string apply_house_style(const std::string& text, Rng& rng);
/// A rewritten first line (the title).
std::string rewrite_title(const std::string& text, Rng& rng);
/// Whitespace noise, entity leftovers, names in capitals or with accents.
std::string add_noise(const std::string& text, Rng& rng);
/// A dateline credit in front of the body: "WASHINGTON (Reuters) - ".
std::string add_credit_line(const std::string& text, const std::string& agency, Rng& rng);

}  // namespace tidings::eval::copy_edits
