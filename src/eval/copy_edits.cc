// The edits of republished copies (eval/copy_edits.h): what aggregators,
// partner sites and scrapers do to an agency story, as seen on the seed
// page (../shared/data/seed) and on news sites generally.
#include "eval/copy_edits.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

namespace tidings::eval::copy_edits {

uint64_t Rng::next() {
  uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start <= text.size()) {
    const size_t end = text.find('\n', start);
    const std::string line = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (!line.empty()) lines.push_back(line);
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return lines;
}

std::string join_lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) (out.empty() ? out : out += "\n\n") += l;
  return out;
}

namespace {

const std::vector<std::string> kHeaders = {
    "Home | World | Politics | Business | Sports | Entertainment | Contact us",
    "You are here: Home > News > World",
    "Breaking News | Latest | Most Read | Video | Opinion",
    "Follow us on Facebook and Twitter for the latest updates",
    "Home News International Economy Culture Sport Photo Video",
    "Last updated: a few minutes ago | Print | Email | Share",
};
const std::vector<std::string> kFooters = {
    "This news has been collected from reliable news agencies in the country. Click to enter the source.\n\nSource link",
    "This article was automatically generated from a syndicated feed and has not been edited by our staff.",
    "All rights reserved. Copying this material is allowed only with a link to the source.",
    "Share this: Facebook Twitter WhatsApp Telegram Email Print",
    "Disclaimer: the views expressed are those of the original publisher. Source link",
    "Copyright 2013. Distributed by our content partners. Read the original article.",
};

bool is_word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80); }

// Replaces whole-word occurrences of `from` with `to` (each with chance p).
std::string replace_words(const std::string& text, const std::string& from, const std::string& to, Rng& rng,
                          double p) {
  std::string out;
  size_t i = 0;
  while (true) {
    const size_t at = text.find(from, i);
    if (at == std::string::npos) break;
    const bool left = at == 0 || !is_word_char(text[at - 1]);
    const bool right = at + from.size() >= text.size() || !is_word_char(text[at + from.size()]);
    out.append(text, i, at - i);
    out += left && right && rng.chance(p) ? to : from;
    i = at + from.size();
  }
  out.append(text, i, std::string::npos);
  return out;
}

}  // namespace

std::string add_site_chrome(const std::string& text, Rng& rng) {
  std::string out;
  if (rng.chance(0.8)) out += rng.pick(kHeaders) + "\n\n";
  out += text;
  out += "\n\n" + rng.pick(kFooters);
  return out;
}

std::string add_related_links(const std::string& text, const std::vector<std::string>& headlines, Rng& rng) {
  static const std::vector<std::string> kLabels = {"Related:", "Read also:", "More on this topic",
                                                   "You may also like", "Most read"};
  std::vector<std::string> lines = split_lines(text);
  std::string block = rng.pick(kLabels);
  for (const auto& h : headlines) block += "\n" + h;
  const size_t at = lines.size() < 3 || rng.chance(0.5) ? lines.size() : 2 + rng.below(lines.size() - 2);
  lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(at), block);
  return join_lines(lines);
}

std::string truncate_text(const std::string& text, Rng& rng) {
  std::vector<std::string> lines = split_lines(text);
  const double keep = 0.4 + 0.45 * (rng.below(1000) / 1000.0);
  lines.resize(std::max<size_t>(2, static_cast<size_t>(lines.size() * keep + 0.5)));
  if (rng.chance(0.5) && lines.back().size() > 40) {
    std::string& last = lines.back();
    const size_t cut = last.rfind(' ', last.size() / 2);
    if (cut != std::string::npos) last = last.substr(0, cut) + "...";
  }
  return join_lines(lines);
}

std::string make_teaser(const std::string& text, Rng& rng) {
  static const std::vector<std::string> kMore = {"Read more", "Continue reading", "Read the full story",
                                                 "Click here to read more", "Full story >>"};
  std::vector<std::string> lines = split_lines(text);
  lines.resize(std::min(lines.size(), 3 + rng.below(3)));  // the title and two to four paragraphs
  lines.push_back(rng.pick(kMore));
  return join_lines(lines);
}

std::string drop_paragraphs(const std::string& text, Rng& rng) {
  const std::vector<std::string> lines = split_lines(text);
  const double drop = 0.1 + 0.2 * (rng.below(1000) / 1000.0);
  std::vector<std::string> kept;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i < 2 || !rng.chance(drop)) kept.push_back(lines[i]);
  }
  return join_lines(kept);
}

std::string apply_house_style(const std::string& text, Rng& rng) {
  static const std::vector<std::pair<std::string, std::string>> kSpellings = {
      {"color", "colour"},     {"center", "centre"},         {"Center", "Centre"},     {"organization", "organisation"},
      {"defense", "defence"},  {"program", "programme"},     {"labor", "labour"},      {"favorite", "favourite"},
      {"honor", "honour"},     {"analyze", "analyse"},       {"recognize", "recognise"}, {"realize", "realise"},
      {"criticized", "criticised"}, {"apologized", "apologised"}, {"traveled", "travelled"}, {"neighbor", "neighbour"},
      {"theater", "theatre"},  {"license", "licence"},       {"gray", "grey"},         {"rumor", "rumour"},
      {"behavior", "behaviour"}, {"harbor", "harbour"},      {"meters", "metres"},     {"offense", "offence"},
      {"percent", "per cent"}, {"toward", "towards"},        {"jewelry", "jewellery"}, {"fiber", "fibre"}};
  static const std::vector<std::pair<std::string, std::string>> kMonths = {
      {"January", "Jan."}, {"February", "Feb."}, {"August", "Aug."},    {"September", "Sept."},
      {"October", "Oct."}, {"November", "Nov."}, {"December", "Dec."}, {"Monday", "Mon."}};
  static const std::vector<std::pair<std::string, std::string>> kNumbers = {
      {"one", "1"}, {"two", "2"}, {"three", "3"}, {"four", "4"}, {"five", "5"}, {"six", "6"},
      {"seven", "7"}, {"eight", "8"}, {"nine", "9"}, {"%", " percent"}, {"Mr. ", ""}, {"Ms. ", ""}};
  std::string out = text;
  for (const auto& [us, uk] : kSpellings) out = replace_words(out, us, uk, rng, 0.9);
  if (rng.chance(0.5)) {
    for (const auto& [full, abbr] : kMonths) out = replace_words(out, full, abbr, rng, 0.9);
  }
  for (const auto& [word, digit] : kNumbers) out = replace_words(out, word, digit, rng, 0.7);
  // Thousands separators dropped or added: "8,796" <-> "8796".
  std::string numbers;
  for (size_t i = 0; i < out.size(); ++i) {
    const bool digit_before = i > 0 && std::isdigit(static_cast<unsigned char>(out[i - 1]));
    const bool digit_after = i + 1 < out.size() && std::isdigit(static_cast<unsigned char>(out[i + 1]));
    if (out[i] == ',' && digit_before && digit_after) continue;
    numbers.push_back(out[i]);
  }
  out = std::move(numbers);
  // Straight quotes to curly ones, apostrophes too.
  std::string quoted;
  bool open = true;
  for (const char c : out) {
    if (c == '"') {
      quoted += open ? "\u201C" : "\u201D";
      open = !open;
    } else if (c == '\'') {
      quoted += "\u2019";
    } else {
      quoted.push_back(c);
    }
  }
  return quoted;
}

std::string rewrite_title(const std::string& text, Rng& rng) {
  static const std::vector<std::string> kPrefixes = {"BREAKING: ", "WATCH: ", "Update: ", "Report: ",
                                                     "Exclusive: ", ""};
  std::vector<std::string> lines = split_lines(text);
  if (lines.empty()) return text;
  std::vector<std::string> words;
  size_t start = 0;
  const std::string& title = lines[0];
  while (start < title.size()) {
    size_t end = title.find(' ', start);
    if (end == std::string::npos) end = title.size();
    if (end > start) words.push_back(title.substr(start, end - start));
    start = end + 1;
  }
  std::string rewritten = rng.pick(kPrefixes);
  const size_t keep = std::max<size_t>(3, words.size() * 2 / 3);
  for (size_t i = 0; i < words.size() && i < keep; ++i) {
    rewritten += (i ? " " : "") + words[(i * 7 + 3) % words.size()];
  }
  rewritten += rng.chance(0.5) ? " - report" : " | News";
  // ECB+'s ecb documents have no title: their first line is the lead
  // sentence, which a new headline goes above, not over.
  if (words.size() <= 15) {
    lines[0] = rewritten;
  } else {
    lines.insert(lines.begin(), rewritten);
  }
  return join_lines(lines);
}

std::string add_noise(const std::string& text, Rng& rng) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  bool word_start = true;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == ' ' && rng.chance(0.05)) {
      out += rng.chance(0.5) ? "  " : (rng.chance(0.5) ? "\u00A0" : " \t");
      word_start = true;
      continue;
    }
    if (c == '\n' && rng.chance(0.3)) out += "\n \n";
    if (word_start && std::isupper(static_cast<unsigned char>(c)) && rng.chance(0.05)) {
      // A name in capitals, as some sites write people and places.
      size_t end = i;
      while (end < text.size() && std::isalpha(static_cast<unsigned char>(text[end]))) ++end;
      for (size_t k = i; k < end; ++k) out.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(text[k]))));
      i = end - 1;
      word_start = false;
      continue;
    }
    if (c == 'e' && word_start == false && rng.chance(0.003)) {
      out += "\u00E9";  // an accent added to a name ("Jose" / "José")
      continue;
    }
    if (c == '&') {
      out += "&amp;";  // an entity left escaped
      continue;
    }
    if (c == ' ' && rng.chance(0.003)) out += "\u200B";  // a zero-width space from a CMS
    out.push_back(c);
    word_start = c == ' ' || c == '\n';
  }
  return out;
}

std::string add_credit_line(const std::string& text, const std::string& agency, Rng& rng) {
  static const std::vector<std::string> kPlaces = {"WASHINGTON", "LONDON", "TEHRAN", "NEW YORK", "PARIS",
                                                   "LOS ANGELES", "MOSCOW", "BEIJING"};
  std::vector<std::string> lines = split_lines(text);
  if (lines.size() < 2) return text;
  const std::string credit = rng.chance(0.6) ? rng.pick(kPlaces) + " (" + agency + ") - "
                                             : "(" + agency + ") - ";
  lines[1] = credit + lines[1];
  return join_lines(lines);
}

}  // namespace tidings::eval::copy_edits
