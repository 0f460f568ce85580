// The state of one XML feed parse, shared by the libxml2 SAX driver
// (feed_xml.cc) and the element-to-field mapping (feed_elements.cc).
// Private to collect.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "collect/feed.h"

namespace tidings::feed {

/// Namespaces we read, by URI (never by prefix).
enum class Ns : uint8_t {
  kNone,     ///< no namespace: RSS 0.9x/2.0, or unknown default namespaces of RSS
  kAtom10,   ///< http://www.w3.org/2005/Atom
  kAtom03,   ///< http://purl.org/atom/ns#
  kRss10,    ///< http://purl.org/rss/1.0/
  kRss090,   ///< http://my.netscape.com/rdf/simple/0.9/
  kRdf,      ///< http://www.w3.org/1999/02/22-rdf-syntax-ns#
  kDc,       ///< Dublin Core elements and terms
  kContent,  ///< http://purl.org/rss/1.0/modules/content/
  kItunes,
  kMedia,
  kSitemap,  ///< sitemaps.org 0.9 (and Google's old URI)
  kNews,     ///< Google News sitemap
  kXhtml,
  kXml,      ///< the xml: prefix
  kOther,
};

enum class Field : uint8_t {
  kNone, kTitle, kLink, kSummary, kContent, kId, kPublished, kUpdated, kCategory,
  kPersonName, kPersonEmail, kPersonUri, kPersonText, kItunesAuthor, kSubtitle, kLanguage,
  kLastmod, kNewsName, kNewsLanguage, kNewsTitle, kNewsDate, kLoc,
  kMediaTitle,     ///< media:title: the title only when there is no other
  kAtomLinkText,   ///< Atom <link> without href: its text is the href
};

enum class TextMode : uint8_t {
  kText,    ///< character data only (nested tags' text included)
  kXml,     ///< nested elements serialised (Atom type="xhtml", Atom 0.3 mode="xml")
  kBase64,  ///< Atom 0.3 mode="base64"
};

struct Frame {
  Ns ns;
  std::string_view local;  ///< interned by libxml2 for the parse's lifetime
  uint32_t base;           ///< index into SaxState::bases
};

/// Ranks of competing sources of one field: a higher rank replaces a lower.
enum class Rank : uint8_t {
  kNone,
  kFallback,  ///< media:title; a second summary/description read as content
  kReal,
};

struct SaxState {
  const FeedParseOptions* options = nullptr;
  ParsedFeed feed;
  void* ctxt = nullptr;  ///< xmlParserCtxtPtr
  std::vector<Frame> frames;
  std::vector<std::string> bases;  ///< bases[0] is the document URL
  std::string root_lang;
  std::string_view root_uri;  ///< the root's namespace when it is not one we know
  Ns root_alias = Ns::kNone;  ///< what elements in root_uri are read as
  std::string doctype_public;
  bool root_seen = false;
  bool default_ns_rss090 = false;  ///< the root declares RSS 0.90 as default namespace
  std::string lower_local;  ///< the element's local name in lower case (reused buffer)

  int channel_depth = 0;  ///< depth of <channel> (RSS) or the root (Atom)
  bool root_in_no_namespace = false;  ///< Atom without its namespace
  int item_depth = -1;    ///< depth of the open item/entry/url, -1 outside
  int skip_depth = -1;    ///< inside <source>, <image>, <textinput>...: ignored
  int person_depth = -1;  ///< inside an Atom person construct
  bool person_in_item = false;
  FeedPerson person;
  bool item_has_summary_rank = false;
  int item_link_rank = 0;  ///< 3 alternate html, 2 alternate, 1 permalink guid
  int feed_link_rank = 0;
  bool guid_is_permalink = false;
  Rank item_title_rank = Rank::kNone;
  Rank feed_title_rank = Rank::kNone;
  Rank item_content_rank = Rank::kNone;
  std::string link_rel, link_type;  ///< of an Atom <link> whose text is its href

  // Text capture of the element being read.
  Field field = Field::kNone;
  int capture_depth = -1;
  TextMode mode = TextMode::kText;
  bool strip_div = false;  ///< Atom xhtml: drop the wrapping <div>
  bool in_div = false;
  bool truncated = false;
  std::string buf;
};

/// Element events, after the driver has pushed (start) or before it pops
/// (end) the element's frame. `attrs` is libxml2's SAX2 array (5 pointers
/// per attribute).
void element_start(SaxState& s, const unsigned char** attrs, int nb_attrs);  // feed_elements.cc
void element_end(SaxState& s);                                                // feed_values.cc

/// Stores a captured (or attribute) value of `field` in the open item or
/// the feed (feed_values.cc).
void apply(SaxState& s, Field field, std::string_view raw);

/// Attribute `local` (no namespace) of the current element, entities decoded.
std::string attribute(const unsigned char** attrs, int nb_attrs, std::string_view local,
                      Ns ns = Ns::kNone);
Ns ns_of(const unsigned char* uri, const unsigned char* prefix);

/// Depth of the current element (root = 0).
inline int depth(const SaxState& s) { return static_cast<int>(s.frames.size()) - 1; }

/// Caps on repeated values (categories, enclosures, people) per item.
inline constexpr size_t kMaxListItems = 1000;

/// The open item, or nullptr at feed level.
inline FeedItem* item(SaxState& s) { return s.item_depth >= 0 ? &s.feed.items.back() : nullptr; }

/// `ref` resolved against the current element's base (xml:base, then the
/// document URL); as given when it cannot be resolved.
std::string resolve(const SaxState& s, std::string_view ref);

/// An Atom <link>: alternate links rank for `link`, enclosures are kept
/// (feed_elements.cc; also called by feed_values.cc for href-less links).
void atom_link(SaxState& s, std::string_view rel, std::string_view href, std::string_view type,
               std::string_view length);

}  // namespace tidings::feed
