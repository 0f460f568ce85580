// Word clusters for the NER tagger (ner_clusters.h).
#include "facts/ner_clusters.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <tuple>
#include <unordered_map>

#include "facts/ner_features.h"

namespace tidings::facts::ner {
namespace {

constexpr uint32_t kNoWord = 0xFFFFFFFFu;

using Vector = std::vector<float>;

float squared_distance(const float* a, const float* b, uint32_t d) {
  float s = 0;
  for (uint32_t k = 0; k < d; ++k) s += (a[k] - b[k]) * (a[k] - b[k]);
  return s;
}

// Splits `members` in two: first by the sign of their projection on the
// principal direction (power iteration), then refined by 2-means. Returns
// side per member (0 or 1); false when it cannot split.
bool split(const std::vector<uint32_t>& members, const std::vector<float>& vectors, uint32_t d, int iterations,
           std::vector<uint8_t>& side) {
  const size_t n = members.size();
  Vector mean(d, 0);
  for (uint32_t m : members)
    for (uint32_t k = 0; k < d; ++k) mean[k] += vectors[size_t(m) * d + k];
  for (auto& x : mean) x /= static_cast<float>(n);
  Vector direction(d), next(d);
  for (uint32_t k = 0; k < d; ++k) direction[k] = (mix(k, 0xC1u) & 1) ? 1.0f : -1.0f;
  for (int it = 0; it < 12; ++it) {
    std::fill(next.begin(), next.end(), 0.0f);
    for (uint32_t m : members) {
      const float* x = &vectors[size_t(m) * d];
      float dot = 0;
      for (uint32_t k = 0; k < d; ++k) dot += (x[k] - mean[k]) * direction[k];
      for (uint32_t k = 0; k < d; ++k) next[k] += dot * (x[k] - mean[k]);
    }
    float norm = 0;
    for (float x : next) norm += x * x;
    if (norm <= 0) return false;
    norm = std::sqrt(norm);
    for (uint32_t k = 0; k < d; ++k) direction[k] = next[k] / norm;
  }
  side.assign(n, 0);
  for (size_t i = 0; i < n; ++i) {
    const float* x = &vectors[size_t(members[i]) * d];
    float dot = 0;
    for (uint32_t k = 0; k < d; ++k) dot += (x[k] - mean[k]) * direction[k];
    side[i] = dot > 0 ? 1 : 0;
  }
  Vector centre[2] = {Vector(d), Vector(d)};
  for (int it = 0; it <= iterations; ++it) {
    size_t count[2] = {0, 0};
    for (auto& c : centre) std::fill(c.begin(), c.end(), 0.0f);
    for (size_t i = 0; i < n; ++i) {
      ++count[side[i]];
      const float* x = &vectors[size_t(members[i]) * d];
      for (uint32_t k = 0; k < d; ++k) centre[side[i]][k] += x[k];
    }
    if (count[0] == 0 || count[1] == 0) return false;
    for (int c = 0; c < 2; ++c)
      for (auto& x : centre[c]) x /= static_cast<float>(count[c]);
    if (it == iterations) break;
    bool moved = false;
    for (size_t i = 0; i < n; ++i) {
      const float* x = &vectors[size_t(members[i]) * d];
      const uint8_t s = squared_distance(x, centre[1].data(), d) < squared_distance(x, centre[0].data(), d) ? 1 : 0;
      moved |= s != side[i];
      side[i] = s;
    }
    if (!moved) break;
  }
  return true;
}

// Scales each of the `n` rows of `d` floats to unit length (a zero row stays).
void normalise_rows(std::vector<float>& vectors, size_t n, uint32_t d) {
  for (size_t w = 0; w < n; ++w) {
    float* v = &vectors[w * d];
    float norm = 0;
    for (uint32_t k = 0; k < d; ++k) norm += v[k] * v[k];
    if (norm > 0) {
      norm = std::sqrt(norm);
      for (uint32_t k = 0; k < d; ++k) v[k] /= norm;
    }
  }
}

// Bisecting 2-means over `n` unit vectors of `d` dimensions, depth first:
// each word's path in the tree (root = 1).
std::vector<uint16_t> bisect_paths(const std::vector<float>& vectors, size_t n, uint32_t d,
                                   const ClusterOptions& options) {
  const int depth = std::clamp(options.depth, 1, 15);
  std::vector<uint16_t> path_of(n, 1);
  struct Node {
    std::vector<uint32_t> members;
    uint16_t path;
    int level;
  };
  std::vector<Node> stack;
  {
    Node root{{}, 1, 0};
    for (uint32_t w = 0; w < n; ++w) root.members.push_back(w);
    stack.push_back(std::move(root));
  }
  std::vector<uint8_t> side;
  while (!stack.empty()) {
    Node node = std::move(stack.back());
    stack.pop_back();
    if (node.level >= depth || node.members.size() < 2 * size_t(options.min_leaf) ||
        !split(node.members, vectors, d, options.iterations, side)) {
      for (uint32_t w : node.members) path_of[w] = node.path;
      continue;
    }
    Node children[2];
    for (int c = 0; c < 2; ++c) {
      children[c].path = static_cast<uint16_t>(node.path * 2 + c);
      children[c].level = node.level + 1;
    }
    for (size_t i = 0; i < node.members.size(); ++i) children[side[i]].members.push_back(node.members[i]);
    stack.push_back(std::move(children[1]));
    stack.push_back(std::move(children[0]));
  }
  return path_of;
}

}  // namespace

void ClusterTable::index() {
  index_.build(keys, [this](size_t i) { return paths[i]; });
}

// One probe for most words: with a binary search over 341,000 keys the
// facts pass ran at 0.95 of its speed.
uint16_t ClusterTable::lookup(uint64_t lower_hash) const { return index_.find(static_cast<uint32_t>(lower_hash)); }

ClusterTable learn_word_clusters(const std::vector<NerWords>& sentences, const ClusterOptions& options) {
  // Every token as its 32-bit key, sentences ended by kNoWord.
  std::vector<uint32_t> tokens;
  std::unordered_map<uint32_t, uint32_t> counts;
  std::string lower;
  for (const auto& words : sentences) {
    for (std::string_view w : words) {
      if (w.size() > kMaxWordBytes) {
        tokens.push_back(kNoWord - 1);
        continue;
      }
      lower_case(w, lower);
      const auto key = static_cast<uint32_t>(hash_bytes(lower));
      tokens.push_back(key);
      ++counts[key];
    }
    tokens.push_back(kNoWord);
  }
  // The vocabulary, most frequent first (ties by key).
  std::vector<std::pair<uint32_t, uint32_t>> vocabulary;  // count, key
  for (const auto& [key, count] : counts)
    if (count >= options.min_count && key < kNoWord - 1) vocabulary.emplace_back(count, key);
  std::sort(vocabulary.begin(), vocabulary.end(),
            [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
  std::unordered_map<uint32_t, uint32_t> index;
  for (uint32_t i = 0; i < vocabulary.size(); ++i) index.emplace(vocabulary[i].second, i);
  ClusterTable table;
  const uint32_t d = options.dimensions;
  if (vocabulary.size() < 2 || d == 0) return table;

  // Contexts: the neighbour on each side among the most frequent words, or
  // the sentence's edge (context C).
  const uint32_t contexts = std::min<uint32_t>(options.context_words, static_cast<uint32_t>(vocabulary.size()));
  auto context_of = [&](size_t at) -> uint32_t {
    const uint32_t key = tokens[at];
    if (key == kNoWord) return contexts;
    const auto it = index.find(key);
    return it != index.end() && it->second < contexts ? it->second : kNoWord;
  };
  std::vector<uint64_t> pairs;  // word << 32 | dimension
  std::vector<uint32_t> word_of(tokens.size(), kNoWord);
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i] == kNoWord) continue;
    const auto it = index.find(tokens[i]);
    if (it != index.end()) word_of[i] = it->second;
  }
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (word_of[i] == kNoWord) continue;
    const uint32_t left = i == 0 ? contexts : context_of(i - 1);
    const uint32_t right = context_of(i + 1 < tokens.size() ? i + 1 : i);
    if (left != kNoWord) pairs.push_back(uint64_t(word_of[i]) << 32 | left);
    if (right != kNoWord) pairs.push_back(uint64_t(word_of[i]) << 32 | (contexts + 1 + right));
  }
  std::sort(pairs.begin(), pairs.end());
  std::vector<double> word_total(vocabulary.size(), 0), context_total(2 * (contexts + 1), 0);
  for (uint64_t p : pairs) {
    word_total[p >> 32] += 1;
    context_total[p & 0xFFFFFFFFu] += 1;
  }
  const double total = static_cast<double>(pairs.size());
  // Positive PMI, projected on a fixed random ±1 basis per context.
  std::vector<float> vectors(vocabulary.size() * size_t(d), 0.0f);
  for (size_t i = 0; i < pairs.size();) {
    size_t j = i;
    while (j < pairs.size() && pairs[j] == pairs[i]) ++j;
    const uint32_t w = static_cast<uint32_t>(pairs[i] >> 32), c = static_cast<uint32_t>(pairs[i] & 0xFFFFFFFFu);
    const double pmi = std::log(double(j - i) * total / (word_total[w] * context_total[c]));
    if (pmi > 0) {
      float* v = &vectors[size_t(w) * d];
      uint64_t bits = 0;
      for (uint32_t k = 0; k < d; ++k) {
        if (k % 64 == 0) bits = mix(c, 0xA5A5u + k / 64);
        v[k] += ((bits >> (k % 64)) & 1) ? static_cast<float>(pmi) : -static_cast<float>(pmi);
      }
    }
    i = j;
  }
  normalise_rows(vectors, vocabulary.size(), d);

  const std::vector<uint16_t> path_of = bisect_paths(vectors, vocabulary.size(), d, options);
  std::vector<std::pair<uint32_t, uint16_t>> rows;
  for (uint32_t w = 0; w < vocabulary.size(); ++w) rows.emplace_back(vocabulary[w].second, path_of[w]);
  std::sort(rows.begin(), rows.end());
  for (const auto& [key, path] : rows) {
    table.keys.push_back(key);
    table.paths.push_back(path);
  }
  table.index();
  return table;
}

ClusterTable clusters_from_vectors(const std::vector<std::string>& words, std::vector<float> vectors, uint32_t d,
                                   const ClusterOptions& options) {
  ClusterTable table;
  if (d == 0 || words.size() < 2 || vectors.size() != words.size() * size_t(d)) return table;
  normalise_rows(vectors, words.size(), d);
  const std::vector<uint16_t> path_of = bisect_paths(vectors, words.size(), d, options);
  // One row per key; the first (most frequent) word of a key wins.
  std::vector<std::tuple<uint32_t, uint32_t, uint16_t>> rows;  // key, rank, path
  std::string lower;
  for (uint32_t w = 0; w < words.size(); ++w) {
    if (words[w].size() > kMaxWordBytes) continue;
    lower_case(words[w], lower);
    rows.emplace_back(static_cast<uint32_t>(hash_bytes(lower)), w, path_of[w]);
  }
  std::sort(rows.begin(), rows.end());
  for (size_t i = 0; i < rows.size(); ++i) {
    if (i > 0 && std::get<0>(rows[i]) == std::get<0>(rows[i - 1])) continue;
    table.keys.push_back(std::get<0>(rows[i]));
    table.paths.push_back(std::get<2>(rows[i]));
  }
  table.index();
  return table;
}

}  // namespace tidings::facts::ner
