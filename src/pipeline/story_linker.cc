// Copies and stories at ingest: the rule of docs/copies.md "Ingest" (which
// `tidings eval copies` measures) applied to stored articles, and the story
// of each (docs/stories.md), written through the store.
#include "pipeline/story_linker.h"

#include <algorithm>

#include "core/url.h"
#include "extract/extract.h"
#include "facts/story_people.h"

namespace tidings {

cluster::ClusterDoc cluster_doc(const Article& article, std::vector<std::string> people) {
  cluster::ClusterDoc doc;
  doc.title = article.title;
  doc.text = article.text;
  doc.published_at = article.published_at;
  doc.language = article.language;
  doc.people = std::move(people);
  return doc;
}

namespace {

dedup::CopyCandidate candidate_of(int64_t id, const Article& a, const std::string& outlet) {
  dedup::CopyCandidate c;
  c.id = id;
  c.url = a.url;
  c.canonical_url = a.canonical_url;
  c.outlet = outlet;
  c.agency = agency_of_host(url_host(a.url));
  c.published_at = a.published_at;
  c.source_links = a.source_links;
  return c;
}

std::string match_kind(const dedup::Fingerprint& a, const dedup::Fingerprint& b) {
  return a.exact != 0 && a.exact == b.exact ? "exact" : "near";
}

}  // namespace

StoryLinker::StoryLinker(const cluster::ClusterOptions& options, facts::NerModel ner)
    : ner_(std::move(ner)), clusterer_(options) {}

Result<std::shared_ptr<StoryLinker>> StoryLinker::load(Store& store, const cluster::ClusterOptions& options,
                                                       std::optional<facts::NerModel> ner) {
  if (!ner) {
    auto model = facts::NerModel::load_default();
    if (!model) return tl::unexpected(model.error());
    ner = std::move(*model);
  }
  std::shared_ptr<StoryLinker> linker(new StoryLinker(options, std::move(*ner)));
  StoryLinker& l = *linker;
  auto loaded = store.load_fingerprints([&](const StoredFingerprint& row) {
    dedup::Fingerprint fp;
    if (dedup::decode_fingerprint(row.fingerprint, fp)) l.index_.add(row.article_id, fp);
    l.groups_.restore(row.article_id, row.copy_of.value_or(row.article_id));
    if (!row.copy_of && row.story_id) {  // a group's story is its original's
      l.story_of_group_[l.groups_.group_of(row.article_id)] = *row.story_id;
    }
  });
  if (!loaded) return tl::unexpected(loaded.error());
  auto max_story = store.max_story_id();
  if (!max_story) return tl::unexpected(max_story.error());
  l.clusterer_.number_stories_above(*max_story);
  // Replay the stories that can still take articles: those active within a
  // lifetime of the newest one (not of the clock: an archive ingested today
  // is about its own time).
  StoryQuery newest;
  newest.limit = 1;
  auto latest = store.list_stories(newest);
  if (!latest) return tl::unexpected(latest.error());
  if (!latest->empty() && latest->front().last_published_at) {
    const cluster::ClusterOptions resolved = cluster::resolved(options);
    std::optional<Instant> since;
    if (resolved.story_lifetime_seconds > 0) {
      since = *latest->front().last_published_at - std::chrono::seconds(resolved.story_lifetime_seconds);
    }
    auto replayed = store.load_story_assignments(since, [&](const StoryAssignment& a) {
      cluster::ClusterDoc doc;
      doc.title = a.title;
      doc.text = a.text;
      doc.published_at = a.published_at;
      doc.language = a.language;
      doc.people = facts::person_mentions(l.ner_, doc.title, doc.text);
      l.clusterer_.add_to(doc, a.story_id);
    });
    if (!replayed) return tl::unexpected(replayed.error());
  }
  return linker;
}

size_t StoryLinker::articles() const {
  std::lock_guard lock(mutex_);
  return index_.size();
}

Result<dedup::Fingerprint> StoryLinker::stored_fingerprint(Store& store, int64_t article_id) {
  dedup::Fingerprint fp;
  auto links = store.article_links(article_id);
  if (!links) return tl::unexpected(links.error());
  if (*links) dedup::decode_fingerprint((*links)->fingerprint, fp);
  return fp;
}

Result<void> StoryLinker::link(Store& store, int64_t article_id, const Article& article, const std::string& outlet,
                               const dedup::Fingerprint& fp, const std::vector<std::string>* people,
                               std::vector<int64_t>* restoried) {
  // Where join_group reports the articles it moves, for this call only.
  struct Reporting {
    std::vector<int64_t>*& slot;
    ~Reporting() { slot = nullptr; }
  } reporting{restoried_};
  restoried_ = restoried;
  std::lock_guard lock(mutex_);
  const cluster::ClusterDoc doc =
      cluster_doc(article, people ? *people : facts::person_mentions(ner_, article.title, article.text));
  const std::string url_key = dedup::article_url_key(article);
  // The same page under another URL, or fetched again after an edit: it
  // joins the group of the article first stored under its key.
  std::optional<int64_t> same_page;
  if (!url_key.empty()) {
    auto same = store.find_article_by_url_key(url_key);
    if (!same) return tl::unexpected(same.error());
    if (*same && **same != article_id && groups_.group_of(**same) != 0) same_page = **same;
  }
  Result<void> r = same_page ? join_group(store, article_id, article, doc, outlet, fp, url_key,
                                          groups_.group_of(*same_page), {}, true)
                             : file_by_text(store, article_id, article, doc, outlet, fp, url_key);
  if (r) index_.add(article_id, fp);  // at once: the rest of its batch must see it
  return r;
}

Result<void> StoryLinker::file_by_text(Store& store, int64_t article_id, const Article& article,
                                       const cluster::ClusterDoc& doc, const std::string& outlet,
                                       const dedup::Fingerprint& fp, const std::string& url_key) {
  const std::vector<dedup::CopyMatch> matches = index_.find(fp);
  std::vector<dedup::Fingerprint> originals;  // stable addresses for CopyGroupInfo
  originals.reserve(matches.size());
  std::vector<dedup::CopyGroupInfo> infos;
  std::unordered_map<int64_t, size_t> original_index;
  for (const dedup::CopyMatch& m : matches) {
    dedup::CopyGroupInfo info;
    const int64_t key = groups_.group_of(m.id);
    if (const dedup::CopyGroups::Group* group = groups_.group(key)) {
      info.group = key;
      info.members = group->members.size();
      auto seen = original_index.find(group->original);
      if (seen == original_index.end()) {
        auto ofp = stored_fingerprint(store, group->original);
        if (!ofp) return tl::unexpected(ofp.error());
        originals.push_back(std::move(*ofp));
        seen = original_index.emplace(group->original, originals.size() - 1).first;
      }
      info.original = &originals[seen->second];
    }
    infos.push_back(info);
  }
  const dedup::GroupDecision decision = dedup::decide_group(fp, matches, infos);
  if (decision.join == 0) return start_group(store, article_id, doc, fp, url_key);
  return join_group(store, article_id, article, doc, outlet, fp, url_key, decision.join, decision.merge, false);
}

Result<void> StoryLinker::start_group(Store& store, int64_t article_id, const cluster::ClusterDoc& doc,
                                      const dedup::Fingerprint& fp, const std::string& url_key) {
  const int64_t story = clusterer_.add(doc);
  ArticleLinks links;
  links.url_key = url_key;
  links.fingerprint = dedup::encode_fingerprint(fp);
  links.story_id = story;
  if (auto r = store.set_article_links(article_id, links); !r) return r;
  story_of_group_[groups_.file(article_id, dedup::GroupDecision{})] = story;
  return {};
}

Result<void> StoryLinker::join_group(Store& store, int64_t article_id, const Article& article,
                                     const cluster::ClusterDoc& doc, const std::string& outlet,
                                     const dedup::Fingerprint& fp, const std::string& url_key,
                                     int64_t group_key, const std::vector<int64_t>& merge,
                                     bool same_page) {
  const int64_t old_original = groups_.group(group_key)->original;
  // Groups whose original is a fragment of this article become one group.
  std::vector<int64_t> moved;
  groups_.file(article_id, dedup::GroupDecision{group_key, merge}, &moved);
  for (const int64_t m : moved) story_of_group_.erase(m);  // merged groups were keyed by a member
  const dedup::CopyGroups::Group& group = *groups_.group(group_key);

  // The original, from the evidence of the contenders (this article
  // included).
  std::vector<dedup::CopyCandidate> candidates;
  for (const int64_t m : groups_.contenders(group_key, article_id)) {
    if (m == article_id) {
      candidates.push_back(candidate_of(article_id, article, outlet));
      continue;
    }
    auto stored = store.get_article(m);
    if (!stored) return tl::unexpected(stored.error());
    candidates.push_back(candidate_of(m, stored->article, stored->outlet));
  }
  const dedup::OriginChoice choice = dedup::choose_original(candidates);
  const int64_t original = choice.original_id != 0 ? choice.original_id : old_original;

  // Copies join their original's story; a group without one (older data)
  // gets one now.
  int64_t& story = story_of_group_[group_key];
  if (story == 0) {
    story = clusterer_.add(doc);
  } else {
    clusterer_.add_to(doc, story);
  }

  // The original's fingerprint, read once for this article and the group.
  auto ofp = original == article_id ? Result<dedup::Fingerprint>(fp) : stored_fingerprint(store, original);
  if (!ofp) return tl::unexpected(ofp.error());
  ArticleLinks links;
  links.url_key = url_key;
  links.fingerprint = dedup::encode_fingerprint(fp);
  links.story_id = story;
  if (original != article_id) {
    links.copy_of = original;
    links.similarity = same_page ? 1.0 : std::max(dedup::estimate_containment(fp, *ofp), 0.0);
    links.copy_reason = (same_page ? "url" : match_kind(fp, *ofp)) + ":" + choice.reason;
  } else {
    links.copy_reason = "original:" + choice.reason;
  }
  if (auto r = store.set_article_links(article_id, links); !r) return r;

  if (original != old_original || !moved.empty()) {
    // Re-point the whole group at its original.
    std::vector<CopyAssignment> copies;
    for (const int64_t m : group.members) {
      if (m == original) continue;
      dedup::Fingerprint mfp = m == article_id ? fp : dedup::Fingerprint{};
      if (m != article_id) {
        auto stored = stored_fingerprint(store, m);
        if (!stored) return tl::unexpected(stored.error());
        mfp = std::move(*stored);
      }
      copies.push_back({m, dedup::estimate_containment(mfp, *ofp), match_kind(mfp, *ofp) + ":" + choice.reason});
    }
    if (auto r = store.set_original(original, copies); !r) return r;
    for (const int64_t m : moved) {
      if (auto r = store.set_story(m, story); !r) return r;
      if (restoried_ && m != article_id) restoried_->push_back(m);
    }
    groups_.set_original(group_key, original);
  }
  return {};
}

}  // namespace tidings
