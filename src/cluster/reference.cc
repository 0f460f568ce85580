// The reference clusterer (reference.h): lower-cased words less a common
// English stop list, 1 + ln(tf) times a smoothed idf, L2-normalised; a
// story's centroid is the mean of its members' vectors; every story is
// compared, by a full scan.
#include "cluster/reference.h"

#include <cmath>
#include <sstream>
#include <unordered_set>

#include "cluster/terms.h"
#include "cluster/vectors.h"

namespace tidings::cluster {

namespace {

constexpr const char* kStopWords =
    "a about above after again against all am an and any are as at be because been before being "
    "below between both but by can could did do does doing down during each few for from further "
    "had has have having he her here hers herself him himself his how i if in into is it its "
    "itself just me more most my myself no nor not now of off on once only or other our ours "
    "ourselves out over own same she should so some such than that the their theirs them "
    "themselves then there these they this those through to too under until up very was we were "
    "what when where which while who whom why will with would you your yours yourself yourselves "
    "said says also s t";

const std::unordered_set<TermId>& stop_ids() {
  static const std::unordered_set<TermId> ids = [] {
    std::unordered_set<TermId> out;
    std::istringstream words(kStopWords);
    for (std::string w; words >> w;) out.insert(term_id('p', w));
    return out;
  }();
  return ids;
}

// The plain bag of words the reference compares: no stop words, 1 + ln(tf).
TermVector reference_terms(TermExtractor& extractor, const ClusterDoc& doc) {
  TermVector v = extractor.plain_words(doc);
  std::erase_if(v, [](const Term& t) { return stop_ids().count(t.id) > 0; });
  for (Term& t : v) t.weight = 1.0f + std::log(t.weight);
  return v;
}

}  // namespace

struct ReferenceClusterer::Impl {
  ReferenceOptions options;
  TermExtractor extractor;
  std::unordered_map<uint64_t, uint32_t> df;
  uint64_t docs = 0;
  bool batch = false;
  std::vector<TermVector> centroids;  ///< Σ member vectors
  std::vector<double> norms;

  double idf(TermId t) const {
    auto it = df.find(t);
    const double n = it == df.end() ? 0 : it->second;
    return std::log((static_cast<double>(docs) + 1) / (n + 1)) + 1;
  }

  // The document's unit tf-idf vector, counting it first when idf is online.
  TermVector weigh(const ClusterDoc& doc) {
    TermVector v = reference_terms(extractor, doc);
    if (!batch) {
      for (const Term& t : v) ++df[t.id];
      ++docs;
    }
    for (Term& t : v) t.weight = static_cast<float>(t.weight * idf(t.id));
    normalise(v);
    return v;
  }
};

ReferenceClusterer::ReferenceClusterer(ReferenceOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->batch = !options.document_frequencies.empty();
  impl_->df = std::move(options.document_frequencies);
  impl_->docs = options.documents;
  impl_->options = std::move(options);
}
ReferenceClusterer::~ReferenceClusterer() = default;
ReferenceClusterer::ReferenceClusterer(ReferenceClusterer&&) noexcept = default;
ReferenceClusterer& ReferenceClusterer::operator=(ReferenceClusterer&&) noexcept = default;

int64_t ReferenceClusterer::start_story(const ClusterDoc& doc) {
  Impl& m = *impl_;
  TermVector v = m.weigh(doc);
  m.centroids.push_back(std::move(v));
  m.norms.push_back(norm(m.centroids.back()));
  return static_cast<int64_t>(m.centroids.size());
}

int64_t ReferenceClusterer::add(const ClusterDoc& doc) {
  Impl& m = *impl_;
  TermVector v = m.weigh(doc);
  double best = -1;
  size_t best_slot = 0;
  for (size_t s = 0; s < m.centroids.size(); ++s) {
    const double c = m.norms[s] > 0 ? dot(v, m.centroids[s]) / m.norms[s] : 0;
    if (c > best) best = c, best_slot = s;
  }
  if (best < m.options.join_threshold || m.centroids.empty()) {
    best_slot = m.centroids.size();
    m.centroids.emplace_back();
    m.norms.push_back(0);
  }
  add_scaled(m.centroids[best_slot], v, 1.0f);
  m.norms[best_slot] = norm(m.centroids[best_slot]);
  return static_cast<int64_t>(best_slot) + 1;
}

size_t ReferenceClusterer::stories() const { return impl_->centroids.size(); }

size_t ReferenceClusterer::memory_bytes() const {
  size_t bytes = impl_->centroids.capacity() * sizeof(TermVector) + impl_->norms.capacity() * sizeof(double);
  for (const TermVector& c : impl_->centroids) bytes += c.capacity() * sizeof(Term);
  bytes += impl_->df.size() * (sizeof(uint64_t) + 8 + sizeof(void*)) + impl_->df.bucket_count() * sizeof(void*);
  return bytes;
}

std::unordered_map<uint64_t, uint32_t> ReferenceClusterer::count_frequencies(const std::vector<ClusterDoc>& docs) {
  TermExtractor extractor;
  std::unordered_map<uint64_t, uint32_t> df;
  for (const ClusterDoc& d : docs) {
    for (const Term& t : reference_terms(extractor, d)) ++df[t.id];
  }
  return df;
}

}  // namespace tidings::cluster
