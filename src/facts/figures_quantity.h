// Numbers as news writes them, for figures.cc (private to it): "8,796",
// "3.5 million", "1.5bn", "two million", "twenty-five", "half a million",
// "dozens", "tens of thousands", "several hundred", "between 10 and 20";
// with the currency or percent sign around them. What is not a count (a
// time "10:30", a phone number, an ordinal "7th", a score "2-1") is no
// quantity.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "facts/facts.h"
#include "facts/figures_lexicon.h"

namespace tidings::facts::figures_detail {

/// One sentence's tokens with their vocabulary entries, looked up once.
class SentenceView {
 public:
  SentenceView(const Segmented& segmented, const Sentence& sentence);

  size_t begin() const { return begin_; }
  size_t end() const { return end_; }
  bool valid(size_t i) const { return i >= begin_ && i < end_; }
  std::string_view text(size_t i) const { return s_.token_text(i); }
  const Token& token(size_t i) const { return s_.tokens[i]; }
  const figures_lexicon::Word* word(size_t i) const {
    return valid(i) ? words_[i - begin_] : nullptr;
  }
  uint32_t flags(size_t i) const {
    const auto* w = word(i);
    return w ? w->flags : 0;
  }
  /// Token i, compared ASCII-case-insensitively with `lower`.
  bool is(size_t i, std::string_view lower) const;
  bool is_punct(size_t i, std::string_view p) const {
    return valid(i) && s_.tokens[i].kind == TokenKind::kPunctuation && text(i) == p;
  }
  bool is_number(size_t i) const { return valid(i) && s_.tokens[i].kind == TokenKind::kNumber; }
  /// Token i touches token i - 1 (no space between).
  bool glued(size_t i) const { return valid(i) && !s_.tokens[i].space_before; }
  const Segmented& segmented() const { return s_; }

 private:
  const Segmented& s_;
  size_t begin_, end_;
  std::vector<const figures_lexicon::Word*> words_;
};

enum class QuantityUnit : uint8_t { kPlain, kMoney, kPercent };

struct Quantity {
  size_t first = 0, last = 0;      ///< tokens [first, last): sign, number, scale, unit word
  size_t number_first = 0, number_last = 0;  ///< the number words alone
  double value = 0, value_max = 0;
  double scale = 1;                ///< the scale word's factor ("million"), 1 when none
  bool vague = false;
  bool words = false;              ///< written in words ("two million")
  bool ranged = false;             ///< "10 to 20", "between 10 and 20"
  QuantityUnit unit = QuantityUnit::kPlain;
  std::string_view currency;
};

/// The quantity that starts at token i, if one does. Looks at most a few
/// tokens around i.
bool parse_quantity(const SentenceView& v, size_t i, Quantity& out);

}  // namespace tidings::facts::figures_detail
