// The labelled copy set (eval/copy_set.h): wire families inside the corpus,
// copies of each original with their edits, and the evidence ingest sees
// (URLs, outlets, times, source links, agency credits).
#include "eval/copy_set.h"

#include <algorithm>
#include <cctype>
#include <numeric>

#include <xxhash.h>

#include "eval/copy_edits.h"
#include "eval/shingle_score.h"

namespace tidings::eval {

namespace {

using copy_edits::Rng;

const std::vector<std::string> kKinds = {"verbatim",      "site_chrome", "related_links", "truncated",
                                         "teaser",        "dropped_paragraphs", "house_style", "title_rewrite",
                                         "noise",         "mixed"};

struct AgencySite {
  const char* name;
  const char* domain;
};
const std::vector<AgencySite> kAgencies = {{"Reuters", "reuters.com"}, {"AP", "apnews.com"},
                                           {"AFP", "afp.com"},        {"IRNA", "en.irna.ir"},
                                           {"Xinhua", "xinhuanet.com"}, {"Anadolu", "aa.com.tr"},
                                           {"TASS", "tass.com"},      {"ANSA", "ansa.it"}};

const std::vector<std::string> kOutlets = {
    "dailynewsroom.net", "worldtimes.co.uk", "newshub24.com.au", "theglobepost.com", "cityherald.org",
    "m.morningreport.com", "www.nachrichten-welt.de", "latestnews.co.in", "aggregator.news",
    "www.gulfdaily.ae", "presstoday.ca", "www.headlines.co.nz", "amp.newsfeed.io", "www.eveningstar.ie",
    "worldnewsdaily.blogspot.com", "www.nouvelles.fr", "www.noticias.com.br", "pressreader24.com"};

// Lower-cased words as Python's re.findall(r'\w+') finds them (the ECB+
// README's measure of copies inside the corpus).
std::vector<std::string> words_of(const std::string& text) {
  std::vector<std::string> out;
  for (const std::string_view token : word_tokens(text)) {
    std::string w(token);
    for (char& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    out.push_back(std::move(w));
  }
  return out;
}

// Hashes of the distinct word 5-shingles, sorted.
std::vector<uint64_t> shingles5(const std::string& text) {
  const auto w = words_of(text);
  std::vector<uint64_t> out;
  for (size_t i = 0; i + 5 <= w.size(); ++i) {
    const std::string s = w[i] + " " + w[i + 1] + " " + w[i + 2] + " " + w[i + 3] + " " + w[i + 4];
    out.push_back(XXH3_64bits(s.data(), s.size()));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

double containment(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  if (a.empty() || b.empty()) return 0;
  size_t common = 0;
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] == b[j]) ++common, ++i, ++j;
    else if (a[i] < b[j]) ++i;
    else ++j;
  }
  return double(common) / std::min(a.size(), b.size());
}

// A related-links entry: the headline, cut as headlines are (ECB+'s
// "title" of its ecb documents is the whole first sentence).
std::string headline(const std::string& title) {
  size_t words = 0, i = 0;
  for (; i < title.size(); ++i) {
    if (title[i] == ' ' && ++words == 12) break;
  }
  return title.substr(0, i);
}

size_t find_root(std::vector<size_t>& parent, size_t i) {
  while (parent[i] != i) i = parent[i] = parent[parent[i]];
  return i;
}

std::string slug(const std::string& title) {
  std::string out;
  for (const auto& w : words_of(title)) {
    if (out.size() > 50) break;
    (out.empty() ? out : out += "-") += w;
  }
  return out;
}

// A link to `url` as a copy writes it: tracking parameters, http, AMP,
// another host spelling (dedup::canonicalize_url must see through these).
std::string url_variant(const std::string& url, Rng& rng) {
  switch (rng.below(5)) {
    case 0: return url + (url.find('?') == std::string::npos ? "?" : "&") + "utm_source=feed&utm_medium=rss";
    case 1: return url.starts_with("https://") ? "http://" + url.substr(8) : url;
    case 2: return url + "#comments";
    case 3: return url.ends_with("/") ? url + "amp/" : url + "/amp";
    default: return url;
  }
}

std::string apply_edit(const std::string& kind, const std::string& text, const std::vector<std::string>& headlines,
                       Rng& rng) {
  namespace e = copy_edits;
  if (kind == "verbatim") return rng.chance(0.5) ? text : e::join_lines(e::split_lines(text));
  if (kind == "site_chrome") return e::add_site_chrome(text, rng);
  if (kind == "related_links") return e::add_related_links(text, headlines, rng);
  if (kind == "truncated") return e::truncate_text(text, rng);
  if (kind == "teaser") return e::make_teaser(text, rng);
  if (kind == "dropped_paragraphs") return e::drop_paragraphs(text, rng);
  if (kind == "house_style") return e::apply_house_style(text, rng);
  if (kind == "title_rewrite") return e::rewrite_title(text, rng);
  if (kind == "noise") return e::add_noise(text, rng);
  // mixed: what one aggregator really does, several edits at once.
  std::string out = e::rewrite_title(text, rng);
  if (rng.chance(0.5)) out = e::drop_paragraphs(out, rng);
  out = e::apply_house_style(out, rng);
  out = e::add_related_links(out, headlines, rng);
  out = e::add_site_chrome(out, rng);
  if (rng.chance(0.5)) out = e::add_noise(out, rng);
  return out;
}

}  // namespace

const std::vector<std::string>& copy_edit_kinds() { return kKinds; }

double shingle_containment(const std::string& a, const std::string& b) {
  return containment(shingles5(a), shingles5(b));
}

CopySet generate_copy_set(std::vector<SourceDocument> sources, uint64_t seed, size_t copies_per_original) {
  CopySet set;
  set.sources = std::move(sources);
  const size_t n = set.sources.size();
  // Wire families: within a story, and across stories too (a post that
  // quotes another story's article whole).
  std::vector<std::vector<uint64_t>> shingles(n);
  for (size_t i = 0; i < n; ++i) shingles[i] = shingles5(set.sources[i].text);
  std::vector<size_t> parent(n);
  std::iota(parent.begin(), parent.end(), 0);
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = i + 1; j < n; ++j) {
      if (containment(shingles[i], shingles[j]) >= kWireContainment) {
        ++set.wire_pairs;
        parent[find_root(parent, i)] = find_root(parent, j);
      }
    }
  }
  set.family.resize(n);
  for (size_t i = 0; i < n; ++i) set.family[i] = find_root(parent, i);


  const Instant epoch = Instant(std::chrono::seconds(1367539200));  // 2013-05-03
  for (size_t i = 0; i < n; ++i) {
    const SourceDocument& doc = set.sources[i];
    Rng doc_rng(seed ^ XXH3_64bits(doc.id.data(), doc.id.size()));
    const std::string topic = doc.cluster.substr(0, doc.cluster.find('_'));
    const Instant published = epoch + std::chrono::hours(24 * (i % 40)) + std::chrono::minutes(doc_rng.below(1440));
    const bool gets_copies = words_of(doc.text).size() >= kMinOriginalWords;
    set.originals += gets_copies;
    // The group's evidence: an agency's story credited by its copies, a
    // "Source link" to the original, syndication partners' canonical URLs,
    // or nothing but the times.
    const size_t mode = doc_rng.below(100);
    const std::string evidence = !gets_copies ? "none" : mode < 35 ? "agency" : mode < 60 ? "source_link"
                                                       : mode < 70 ? "canonical" : "none";
    CopySetArticle original;
    original.source = i;
    original.kind = "original";
    original.evidence = evidence;
    original.text = doc.text;
    const AgencySite& agency = kAgencies[doc_rng.below(kAgencies.size())];
    if (evidence == "agency") {
      original.candidate.url = "https://www." + std::string(agency.domain) + "/article/" + slug(doc.title) + "-id" +
                               std::to_string(i);
      original.candidate.outlet = agency.name;
      original.candidate.agency = agency.name;
    } else {
      original.candidate.url = !doc.url.empty() ? doc.url : "https://www.ecbnews" + topic + ".com/news/" + doc.id + ".html";
      original.candidate.outlet = "ecbnews" + topic;
    }
    if (!doc_rng.chance(0.1)) original.candidate.published_at = published;  // 10% undated originals
    set.articles.push_back(original);
    if (!gets_copies) continue;

    for (size_t c = 0; c < copies_per_original; ++c) {
      CopySetArticle copy;
      copy.source = i;
      copy.kind = kKinds[doc_rng.below(kKinds.size())];
      copy.evidence = evidence;
      std::vector<std::string> headlines;  // other topics' titles
      for (size_t h = 0, want = 3 + doc_rng.below(4); h < 50 && headlines.size() < want; ++h) {
        const SourceDocument& other = set.sources[doc_rng.below(n)];
        if (other.cluster.substr(0, other.cluster.find('_')) != topic) headlines.push_back(headline(other.title));
      }
      std::string text = apply_edit(copy.kind, doc.text, headlines, doc_rng);
      const std::string host = kOutlets[doc_rng.below(kOutlets.size())];
      copy.candidate.outlet = host;
      copy.candidate.url = "https://" + host + "/2013/05/" + slug(doc.title) + "-" + std::to_string(i * 100 + c) +
                           (doc_rng.chance(0.3) ? "?utm_source=twitter" : "");
      // Copies come minutes to a day and a half later; one in ten carries a
      // wrong clock (local time read as UTC) and looks earlier.
      copy.candidate.published_at = doc_rng.chance(0.1) ? published - std::chrono::minutes(60 + doc_rng.below(300))
                                                        : published + std::chrono::minutes(5 + doc_rng.below(2160));
      if (doc_rng.chance(0.05)) copy.candidate.published_at.reset();
      if (evidence == "agency" && doc_rng.chance(0.6)) {
        if (doc_rng.chance(0.5)) text = copy_edits::add_credit_line(text, agency.name, doc_rng);
        copy.candidate.source_links.push_back({"", "(" + std::string(agency.name) + ")", "credit", agency.name});
      } else if (evidence == "source_link" && doc_rng.chance(0.5)) {
        copy.candidate.source_links.push_back(
            {url_variant(original.candidate.url, doc_rng), "Source link", "link", ""});
      } else if (evidence == "canonical" && doc_rng.chance(0.4)) {
        copy.candidate.canonical_url = url_variant(original.candidate.url, doc_rng);
      }
      copy.text = std::move(text);
      set.articles.push_back(std::move(copy));
    }
  }
  return set;
}

}  // namespace tidings::eval
