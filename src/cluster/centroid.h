// A story's centroid: the sum of its members' unit tf vectors, each term
// with the idf it had when last seen, so comparing a document with it
// needs no lookup of document frequencies. Private to the cluster module.
#pragma once

#include <algorithm>
#include <cmath>

#include "cluster/terms.h"

namespace tidings::cluster {

struct CentroidTerm {
  TermId id = 0;
  float weight = 0;  ///< Σ members' unit tf weights
  float idf = 0;     ///< as of the last member that had the term, or the last refresh
};

struct Centroid {
  std::vector<CentroidTerm> terms;  ///< sorted by id
  double norm = 0;                  ///< |weight · idf|

  /// Adds a member's unit tf vector; `idfs` (parallel to it) are today's.
  void add(const TermVector& unit, const TermVector& idfs) {
    std::vector<CentroidTerm> out;
    out.reserve(terms.size() + unit.size());
    size_t i = 0, j = 0;
    while (i < terms.size() || j < unit.size()) {
      if (j == unit.size() || (i < terms.size() && terms[i].id < unit[j].id)) {
        out.push_back(terms[i++]);
      } else if (i == terms.size() || unit[j].id < terms[i].id) {
        out.push_back({unit[j].id, unit[j].weight, idfs[j].weight});
        ++j;
      } else {
        out.push_back({terms[i].id, terms[i].weight + unit[j].weight, idfs[j].weight});
        ++i, ++j;
      }
    }
    terms.swap(out);
    update_norm();
  }

  void update_norm() {
    double sum = 0;
    for (const CentroidTerm& t : terms) sum += std::pow(static_cast<double>(t.weight) * t.idf, 2);
    norm = std::sqrt(sum);
  }

  /// cos(doc, centroid) for a unit tf·idf document vector.
  double cosine(const TermVector& doc) const {
    if (norm <= 0) return 0;
    // A merge without branches on the ids: which side moves is unpredictable,
    // and mispredicted branches were a third of the time spent here
    // (bench/cluster).
    double sum = 0;
    const Term* a = doc.data();
    const Term* const a_end = a + doc.size();
    const CentroidTerm* b = terms.data();
    const CentroidTerm* const b_end = b + terms.size();
    while (a < a_end && b < b_end) {
      const TermId x = a->id, y = b->id;
      sum += static_cast<double>(x == y) * (static_cast<double>(a->weight) * b->weight * b->idf);
      a += x <= y;
      b += y <= x;
    }
    return sum / norm;
  }

  /// Keeps the k terms of highest weight · idf.
  void truncate(size_t k) {
    if (terms.size() <= k) return;
    auto key = [](const CentroidTerm& t) { return t.weight * t.idf; };
    std::nth_element(terms.begin(), terms.begin() + static_cast<std::ptrdiff_t>(k), terms.end(),
                     [&](const CentroidTerm& a, const CentroidTerm& b) { return key(a) > key(b); });
    terms.resize(k);
    std::sort(terms.begin(), terms.end(), [](const CentroidTerm& a, const CentroidTerm& b) { return a.id < b.id; });
    terms.shrink_to_fit();
    update_norm();
  }

  /// Every idf as of today (`idf_of(id)`), once the corpus has grown.
  template <typename IdfOf>
  void refresh(IdfOf idf_of) {
    for (CentroidTerm& t : terms) t.idf = static_cast<float>(idf_of(t.id));
    update_norm();
  }

  /// Adds `delta` to every idf: log((N' + 1) / (N + 1)) is exactly how a
  /// smoothed idf moves as the corpus grows from N to N' documents when the
  /// term's own document frequency stays put.
  void shift(double delta) {
    for (CentroidTerm& t : terms) t.idf = static_cast<float>(t.idf + delta);
    update_norm();
  }

  size_t bytes() const { return terms.capacity() * sizeof(CentroidTerm); }
};

}  // namespace tidings::cluster
