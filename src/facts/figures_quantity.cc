// Numbers in digits and in words, vague amounts, ranges, currency and
// percent signs (figures_quantity.h).
#include "facts/figures_quantity.h"

#include <cmath>

namespace tidings::facts::figures_detail {

using figures_lexicon::Word;
namespace lex = figures_lexicon;

namespace {

// No count worth reporting is larger (the world's GDP is 1e14 USD); larger
// values are identifiers or garbage, and doubles stay exact below 2^53.
constexpr double kLargest = 1e15;
// The longest number token read: "1,000,000,000,000.25bn" and a little more.
constexpr size_t kLongestNumber = 32;

// "8,796" -> 8796, "3.5" -> 3.5, "300m" -> 3e8, "1.5bn" -> 1.5e9. Rejects
// ordinals ("7th"), times ("3pm"), decades ("1990s"), misplaced commas
// ("1,5" is not a thousands separator) and anything long.
bool parse_number_token(std::string_view t, double& value, double& scale) {
  if (t.empty() || t.size() > kLongestNumber) return false;
  // "000", "07": codes and clock digits, never a count ("0.5" is a number).
  if (t.size() > 1 && t[0] == '0' && t[1] != '.') return false;
  size_t i = 0;
  double v = 0;
  int group = 0;           // digits in the current comma group
  bool comma = false;      // a comma has been seen
  while (i < t.size() && ((t[i] >= '0' && t[i] <= '9') || t[i] == ',')) {
    if (t[i] == ',') {
      if (group == 0 || (comma && group != 3) || (!comma && group > 3)) return false;
      comma = true;
      group = 0;
    } else {
      v = v * 10 + (t[i] - '0');
      ++group;
    }
    ++i;
  }
  if (group == 0 || (comma && group != 3)) return false;
  if (i < t.size() && t[i] == '.') {
    ++i;
    double place = 0.1;
    size_t digits = 0;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') {
      v += (t[i] - '0') * place;
      place /= 10;
      ++i;
      ++digits;
    }
    if (digits == 0) return false;
  }
  const std::string_view suffix = t.substr(i);
  if (suffix.empty()) {
    scale = 1;
  } else if (suffix == "m" || suffix == "mn" || suffix == "M") {
    scale = 1e6;
  } else if (suffix == "bn" || suffix == "b" || suffix == "B" || suffix == "Bn") {
    scale = 1e9;
  } else if (suffix == "k" || suffix == "K") {
    scale = 1e3;
  } else if (suffix == "tn") {
    scale = 1e12;
  } else {
    return false;
  }
  value = v * scale;
  return true;
}

std::string_view currency_sign(std::string_view t) {
  if (t == "$") return "USD";
  if (t == "\xE2\x82\xAC") return "EUR";  // €
  if (t == "\xC2\xA3") return "GBP";      // £
  if (t == "\xC2\xA5") return "JPY";      // ¥
  if (t == "\xE2\x82\xB9") return "INR";  // ₹
  if (t == "\xE2\x82\xAA") return "ILS";  // ₪
  return {};
}

bool separator(std::string_view t) { return t == ":" || t == "-" || t == "/" || t == "."; }

// "twenty-five" -> 25.
bool hyphenated_number(std::string_view t, double& value) {
  const size_t dash = t.find('-');
  if (dash == std::string_view::npos) return false;
  const Word* tens = lex::lookup(t.substr(0, dash));
  const Word* unit = lex::lookup(t.substr(dash + 1));
  if (!tens || !unit || !(tens->flags & lex::kUnitWord) || !(unit->flags & lex::kUnitWord)) {
    return false;
  }
  if (tens->number < 20 || unit->number >= 10) return false;
  value = tens->number + unit->number;
  return true;
}

// Numbers in words from token i: "two million", "a dozen", "half a million",
// "two hundred and fifty thousand". Sets `end` past the last word.
bool parse_words(const SentenceView& v, size_t i, double& value, double& scale, size_t& end) {
  double total = 0, current = 0;
  bool any = false;
  size_t k = i;
  for (int steps = 0; steps < 10 && v.valid(k); ++steps) {
    const Word* w = v.word(k);
    double n = 0;
    if (!any && (v.is(k, "a") || v.is(k, "an")) && (v.flags(k + 1) & lex::kScale)) {
      current = 1;
      any = true;
    } else if (!any && v.is(k, "half") && v.is(k + 1, "a") && (v.flags(k + 2) & lex::kScale)) {
      current = 0.5;
      any = true;
      ++k;
    } else if (w && (w->flags & lex::kUnitWord)) {
      if (any && current != 0 && std::fmod(current, 100) != 0) break;  // "two three"
      current += w->number;
      any = true;
    } else if (v.token(k).kind == TokenKind::kWord && hyphenated_number(v.text(k), n)) {
      if (any && current != 0 && std::fmod(current, 100) != 0) break;
      current += n;
      any = true;
    } else if (any && w && (w->flags & lex::kScale)) {
      if (current == 0) current = 1;
      if (w->number <= 100) {
        current *= w->number;
      } else {
        total += current * w->number;
        current = 0;
      }
      scale = w->number;
    } else if (any && v.is(k, "and") && total + current >= 100 &&
               (v.flags(k + 1) & lex::kUnitWord)) {
      // "two hundred and fifty"
    } else {
      break;
    }
    ++k;
  }
  if (!any) return false;
  value = total + current;
  end = k;
  return true;
}

bool parse_one(const SentenceView& v, size_t i, bool allow_range, Quantity& q);

// Percent, currency words and ranges after the number (token j).
void parse_after(const SentenceView& v, size_t& j, bool allow_range, Quantity& q) {
  if (allow_range && !v.is(q.first - 1, "from") &&
      (v.is(j, "to") || (v.is(j, "and") && v.is(q.first - 1, "between")))) {
    Quantity top;
    if (parse_one(v, j + 1, false, top) && top.value >= q.value) {
      if (q.scale == 1 && top.scale > 1 && q.value * top.scale <= top.value) {
        q.value *= top.scale;  // "between 2 and 3 million"
      }
      q.value_max = top.value;
      q.ranged = true;
      q.number_last = top.number_last;
      j = top.last;
      if (top.unit != QuantityUnit::kPlain) {
        q.unit = top.unit;
        q.currency = top.currency;
      }
      return;
    }
  }
  if (v.is_punct(j, "%")) {
    q.unit = QuantityUnit::kPercent;
    ++j;
  } else if (v.flags(j) & lex::kPercent) {
    q.unit = QuantityUnit::kPercent;
    ++j;
  } else if (v.is(j, "per") && v.is(j + 1, "cent")) {
    q.unit = QuantityUnit::kPercent;
    j += 2;
  } else if ((v.flags(j) & lex::kCurrency) && q.unit == QuantityUnit::kPlain) {
    q.unit = QuantityUnit::kMoney;
    q.currency = v.word(j)->key;
    ++j;
  }
}

bool parse_one(const SentenceView& v, size_t i, bool allow_range, Quantity& q) {
  if (!v.valid(i)) return false;
  q = Quantity{};
  q.first = i;
  size_t j = i;
  // A currency before the number: "$2.5", "US$2.5", "USD 50".
  if (v.token(j).kind == TokenKind::kPunctuation) {
    const std::string_view code = currency_sign(v.text(j));
    if (code.empty() || !v.glued(j + 1)) return false;
    q.unit = QuantityUnit::kMoney;
    q.currency = code;
    ++j;
  } else if ((v.is(j, "us") || v.is(j, "a") || v.is(j, "c")) && v.is_punct(j + 1, "$") &&
             v.glued(j + 1) && v.glued(j + 2) && v.is_number(j + 2)) {
    q.unit = QuantityUnit::kMoney;
    q.currency = v.is(j, "us") ? "USD" : v.is(j, "a") ? "AUD" : "CAD";
    j += 2;
  } else if ((v.flags(j) & lex::kCurrency) && v.text(j).size() == 3 && v.is_number(j + 1)) {
    q.unit = QuantityUnit::kMoney;  // "USD 50"
    q.currency = v.word(j)->key;
    ++j;
  }
  q.number_first = j;
  if (v.is_number(j)) {
    // Times, phone numbers, scores, dates and versions are not counts.
    if (v.valid(j + 1) && v.glued(j + 1) && separator(v.text(j + 1)) && v.is_number(j + 2) &&
        v.glued(j + 2)) {
      return false;
    }
    if (j >= v.begin() + 2 && v.glued(j) && separator(v.text(j - 1)) && v.is_number(j - 2) &&
        v.glued(j - 1)) {
      return false;
    }
    // "1, 400": thousands cut apart (by a careless tokenizer); no count.
    if (v.is_punct(j + 1, ",") && v.glued(j + 1) && v.is_number(j + 2) &&
        v.text(j + 2).size() == 3 && v.text(j).size() <= 3) {
      return false;
    }
    double scale = 1;
    if (!parse_number_token(v.text(j), q.value, scale)) return false;
    q.scale = scale;
    ++j;
    for (int n = 0; n < 3 && (v.flags(j) & lex::kScale); ++n, ++j) {
      q.value *= v.word(j)->number;
      q.scale *= v.word(j)->number;
    }
  } else if (q.unit == QuantityUnit::kMoney) {
    return false;
  } else if (v.flags(j) & lex::kVague) {
    const double base = v.word(j)->number;
    ++j;
    if (v.is(j, "of") && (v.flags(j + 1) & lex::kVague) && v.word(j + 1)->number > base) {
      q.value = 2 * base * v.word(j + 1)->number;  // "tens of thousands"
      j += 2;
    } else if (base == 10 || (base == 20 && !v.is(j, "of"))) {
      return false;  // "tens" alone, "scores" of a test
    } else {
      q.value = 2 * base;
    }
    q.vague = true;
    q.words = true;
  } else if ((v.flags(j) & lex::kFuzzy) ||
             (v.is(j, "a") && v.is(j + 1, "few") && (v.flags(j + 2) & lex::kScale))) {
    if (v.is(j, "a")) ++j;
    const double factor = v.word(j)->number;
    if (!(v.flags(j + 1) & lex::kScale)) return false;  // "several people": no number
    q.value = factor * v.word(j + 1)->number;
    q.scale = v.word(j + 1)->number;
    j += 2;
    q.vague = true;
    q.words = true;
  } else {
    size_t end = j;
    double scale = 1;
    if (!parse_words(v, j, q.value, scale, end)) return false;
    q.scale = scale;
    q.words = true;
    j = end;
  }
  q.number_last = j;
  if (!std::isfinite(q.value) || q.value > kLargest) return false;
  parse_after(v, j, allow_range, q);
  if (!std::isfinite(q.value_max) || q.value_max > kLargest) return false;
  q.last = j;
  return true;
}

}  // namespace

SentenceView::SentenceView(const Segmented& segmented, const Sentence& sentence)
    : s_(segmented),
      begin_(sentence.first_token),
      end_(std::min<size_t>(sentence.first_token + sentence.token_count, segmented.tokens.size())) {
  words_.reserve(end_ - begin_);
  for (size_t i = begin_; i < end_; ++i) {
    const Token& t = s_.tokens[i];
    words_.push_back(t.kind == TokenKind::kWord ? lex::lookup(s_.token_text(i)) : nullptr);
  }
}

bool SentenceView::is(size_t i, std::string_view lower) const {
  if (!valid(i)) return false;
  const std::string_view t = text(i);
  if (t.size() != lower.size()) return false;
  for (size_t k = 0; k < t.size(); ++k) {
    char c = t[k];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower[k]) return false;
  }
  return true;
}

bool parse_quantity(const SentenceView& v, size_t i, Quantity& out) {
  return parse_one(v, i, true, out);
}

}  // namespace tidings::facts::figures_detail
