// Sparse term vectors (sorted by term id): merges, dot products, top-k
// truncation. Private to the cluster module.
#pragma once

#include <algorithm>
#include <cmath>

#include "cluster/terms.h"

namespace tidings::cluster {

/// Σ a_t b_t over the terms both hold.
inline double dot(const TermVector& a, const TermVector& b) {
  double sum = 0;
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i].id < b[j].id) {
      ++i;
    } else if (b[j].id < a[i].id) {
      ++j;
    } else {
      sum += static_cast<double>(a[i++].weight) * b[j++].weight;
    }
  }
  return sum;
}

inline double norm(const TermVector& v) {
  double sum = 0;
  for (const Term& t : v) sum += static_cast<double>(t.weight) * t.weight;
  return std::sqrt(sum);
}

inline void normalise(TermVector& v) {
  const double n = norm(v);
  if (n > 0) {
    for (Term& t : v) t.weight = static_cast<float>(t.weight / n);
  }
}

/// into += scale * v.
inline void add_scaled(TermVector& into, const TermVector& v, float scale) {
  TermVector out;
  out.reserve(into.size() + v.size());
  size_t i = 0, j = 0;
  while (i < into.size() || j < v.size()) {
    if (j == v.size() || (i < into.size() && into[i].id < v[j].id)) {
      out.push_back(into[i++]);
    } else if (i == into.size() || v[j].id < into[i].id) {
      out.push_back({v[j].id, v[j].weight * scale});
      ++j;
    } else {
      out.push_back({into[i].id, into[i].weight + v[j].weight * scale});
      ++i, ++j;
    }
  }
  into.swap(out);
}

/// Keeps the `k` terms of highest key(term), still sorted by id.
template <typename Key>
void keep_top(TermVector& v, size_t k, Key key) {
  if (v.size() <= k) return;
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(k), v.end(),
                   [&](const Term& a, const Term& b) { return key(a) > key(b); });
  v.resize(k);
  std::sort(v.begin(), v.end(), [](const Term& a, const Term& b) { return a.id < b.id; });
  v.shrink_to_fit();
}

}  // namespace tidings::cluster
