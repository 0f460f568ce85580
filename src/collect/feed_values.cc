// What a captured field's text becomes: trimmed, relative links inside HTML
// resolved, dates parsed, people split, and which of several sources of one
// field wins. First value wins for single fields, except that a ranked
// source replaces a fallback (<title> over media:title, content:encoded over
// a second summary); the last parseable date wins, as in feedparser.
// feed_elements.cc decides which element is which field.
#include "collect/feed_internal.h"
#include "collect/feed_sax.h"
#include "core/url.h"

namespace tidings::feed {
namespace {

bool is_atom(Ns ns) { return ns == Ns::kAtom10 || ns == Ns::kAtom03; }

std::string base64_decode(std::string_view in) {
  std::string out;
  unsigned acc = 0;
  int bits = 0;
  for (char c : in) {
    int v;
    if (c >= 'A' && c <= 'Z') v = c - 'A';
    else if (c >= 'a' && c <= 'z') v = c - 'a' + 26;
    else if (c >= '0' && c <= '9') v = c - '0' + 52;
    else if (c == '+') v = 62;
    else if (c == '/') v = 63;
    else continue;
    acc = (acc << 6) | static_cast<unsigned>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((acc >> bits) & 0xFF);
    }
  }
  return out;
}

void add_person(std::vector<FeedPerson>& to, FeedPerson p) {
  if (p.name.empty() && p.email.empty() && p.uri.empty()) return;
  if (to.size() >= kMaxListItems) return;
  for (const FeedPerson& q : to) {
    if (q.name == p.name && q.email == p.email && q.uri == p.uri) return;
  }
  to.push_back(std::move(p));
}

void set_once(std::string& field, std::string_view value) {
  if (field.empty()) field.assign(value);
}

// A value from a source of rank `rank` replaces one of a lower rank.
void set_ranked(std::string& field, Rank& current, Rank rank, std::string_view value) {
  if (value.empty() || current >= rank) return;
  field.assign(value);
  current = rank;
}

// Dates: the last one that parses wins (feedparser's behaviour).
void set_date(std::optional<Instant>& field, std::string_view value) {
  if (auto t = parse_feed_date(value)) field = t;
}

bool is_html_field(Field field) {
  return field == Field::kSummary || field == Field::kContent || field == Field::kTitle ||
         field == Field::kSubtitle || field == Field::kMediaTitle;
}

// RSS has one summary; a second summary-like element (<description> and
// <summary>, or an iTunes summary) is the item's content unless it has one.
void apply_summary(SaxState& s, FeedItem& it, std::string_view v) {
  if (it.summary.empty()) {
    it.summary.assign(v);
  } else if (v != it.summary) {
    set_ranked(it.content, s.item_content_rank, Rank::kFallback, v);
  }
}

void apply_id(SaxState& s, FeedItem* it, std::string_view v) {
  // RFC 4287 §4.2.6: an Atom id is an IRI, and xml:base applies to it.
  std::string resolved;
  if (is_atom(s.frames.back().ns) && !v.empty() && !has_scheme(v)) {
    resolved = resolve(s, v);
    v = resolved;
  }
  if (!it) return set_once(s.feed.id, v);
  set_once(it->id, v);
  if (s.guid_is_permalink && s.item_link_rank < 1 && (v.rfind("http://", 0) == 0 || v.rfind("https://", 0) == 0)) {
    s.item_link_rank = 1;
    it->link = resolve(s, v);
  }
  s.guid_is_permalink = false;
}

void apply_language(ParsedFeed& feed, std::string_view v) {
  if (!feed.language.empty()) return;
  feed.language.assign(v);
  for (char& c : feed.language) c = c == '_' ? '-' : c;
}

}  // namespace

void apply(SaxState& s, Field field, std::string_view raw) {
  std::string_view v = trim_space(raw);
  std::string resolved;
  if (is_html_field(field)) {
    const std::string& base = s.bases[s.frames.back().base];
    if (!base.empty() && resolve_html_urls(v, base, resolved)) v = resolved;
  }
  FeedItem* it = item(s);
  ParsedFeed& feed = s.feed;
  switch (field) {
    case Field::kTitle: set_ranked(it ? it->title : feed.title, it ? s.item_title_rank : s.feed_title_rank, Rank::kReal, v); break;
    case Field::kMediaTitle: set_ranked(it ? it->title : feed.title, it ? s.item_title_rank : s.feed_title_rank, Rank::kFallback, v); break;
    case Field::kLink: {
      int& rank = it ? s.item_link_rank : s.feed_link_rank;
      if (rank < 3 && !v.empty()) {
        rank = 3;
        (it ? it->link : feed.link) = resolve(s, v);
      }
      break;
    }
    case Field::kAtomLinkText: atom_link(s, s.link_rel, v, s.link_type, ""); break;
    case Field::kSummary: if (it) apply_summary(s, *it, v); break;
    case Field::kContent: if (it) set_ranked(it->content, s.item_content_rank, Rank::kReal, v); break;
    case Field::kSubtitle: if (!it) set_once(feed.subtitle, v); break;
    case Field::kId: apply_id(s, it, v); break;
    case Field::kPublished: if (it) set_date(it->published, v); break;
    case Field::kUpdated: set_date(it ? it->updated : feed.updated, v); break;
    case Field::kCategory:
      if (it && !v.empty() && it->categories.size() < kMaxListItems) it->categories.emplace_back(v);
      break;
    case Field::kPersonName: s.person.name.assign(v); break;
    case Field::kPersonEmail: s.person.email.assign(v); break;
    case Field::kPersonUri: s.person.uri = resolve(s, v); break;
    case Field::kPersonText: add_person(it ? it->authors : feed.authors, parse_person(v)); break;
    case Field::kItunesAuthor: {
      auto& authors = it ? it->authors : feed.authors;
      if (authors.empty()) add_person(authors, parse_person(v));
      break;
    }
    case Field::kLanguage: if (!it) apply_language(feed, v); break;
    case Field::kLoc:
      if (it && it->link.empty()) it->link = resolve(s, v);
      break;
    case Field::kLastmod: if (it) set_date(it->lastmod, v); break;
    case Field::kNewsDate: if (it) set_date(it->published, v); break;
    case Field::kNewsTitle: if (it) set_once(it->news_title, v); break;
    case Field::kNewsName: if (it) set_once(it->news_publication, v); break;
    case Field::kNewsLanguage: if (it) set_once(it->news_publication_language, v); break;
    case Field::kNone: break;
  }
}

void element_end(SaxState& s) {
  const int d = depth(s);
  if (d == s.capture_depth) {
    if (s.truncated) set_bozo(s.feed, "a field longer than " + std::to_string(kMaxFieldBytes) + " bytes was cut");
    if (s.mode == TextMode::kBase64) s.buf = base64_decode(s.buf);
    apply(s, s.field, s.buf);
    s.capture_depth = -1;
    s.truncated = false;
    s.buf.clear();
    if (s.buf.capacity() > 4096) s.buf.shrink_to_fit();
  } else if (d == s.person_depth) {
    add_person(s.person_in_item && s.item_depth >= 0 ? s.feed.items.back().authors : s.feed.authors,
               std::move(s.person));
    s.person_depth = -1;
  } else if (d == s.skip_depth) {
    s.skip_depth = -1;
  } else if (d == s.item_depth) {
    FeedItem& it = s.feed.items.back();
    if (it.title.empty() && !it.news_title.empty()) it.title = it.news_title;
    s.item_depth = -1;
  } else if (d == 0) {
    apply_language(s.feed, s.root_lang);
  }
}

}  // namespace tidings::feed
