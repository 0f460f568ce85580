// Pairwise and BCubed clustering scores (cluster_score.h), from the
// contingency table of gold and predicted clusters.
#include "eval/cluster_score.h"

#include <openssl/evp.h>

#include <map>
#include <utility>

namespace tidings::eval {

namespace {

double pairs(double n) { return n * (n - 1) / 2; }

PrecisionRecall with_f1(double p, double r) { return {p, r, p + r > 0 ? 2 * p * r / (p + r) : 0.0}; }

}  // namespace

ClusterScore score_clustering(const std::vector<std::string>& gold, const std::vector<int64_t>& predicted) {
  ClusterScore out;
  if (gold.empty() || gold.size() != predicted.size()) return out;
  std::map<std::string, double> gold_size;
  std::map<int64_t, double> pred_size;
  std::map<std::pair<std::string, int64_t>, double> both;
  for (size_t i = 0; i < gold.size(); ++i) {
    gold_size[gold[i]] += 1;
    pred_size[predicted[i]] += 1;
    both[{gold[i], predicted[i]}] += 1;
  }
  double together = 0, gold_pairs = 0, pred_pairs = 0;
  for (const auto& [key, n] : both) together += pairs(n);
  for (const auto& [key, n] : gold_size) gold_pairs += pairs(n);
  for (const auto& [key, n] : pred_size) pred_pairs += pairs(n);
  out.pairwise = with_f1(pred_pairs > 0 ? together / pred_pairs : 1, gold_pairs > 0 ? together / gold_pairs : 1);
  double p = 0, r = 0;
  for (size_t i = 0; i < gold.size(); ++i) {
    const double n = both[{gold[i], predicted[i]}];
    p += n / pred_size[predicted[i]];
    r += n / gold_size[gold[i]];
  }
  const double docs = static_cast<double>(gold.size());
  out.bcubed = with_f1(p / docs, r / docs);
  out.documents = gold.size();
  out.gold_clusters = gold_size.size();
  out.predicted_clusters = pred_size.size();
  return out;
}

std::string md5_hex(std::string_view text) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(text.data(), text.size(), digest, &length, EVP_md5(), nullptr);
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < length; ++i) {
    out.push_back(kHex[digest[i] >> 4]);
    out.push_back(kHex[digest[i] & 15]);
  }
  return out;
}

}  // namespace tidings::eval
