// Tagging with a trained NER model, and the model file (ner.h).
#include "facts/ner.h"

#include <zstd.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <fstream>

#include "facts/ner_model.h"

#ifndef TIDINGS_MODELS_DIR
#define TIDINGS_MODELS_DIR "models"
#endif

namespace tidings::facts {
namespace {

constexpr char kMagic[8] = {'T', 'I', 'D', 'N', 'E', 'R', '0', '3'};
constexpr size_t kMaxModelBytes = 64u << 20;     // the file
constexpr size_t kMaxPayloadBytes = 512u << 20;  // inflated
constexpr uint32_t kMinBits = 10, kMaxBits = 26;
// zstd level of the model file: 19 saves 10 % and costs seconds per save.
constexpr int kZstdLevel = 9;
// Longest run of words tagged at once (a sentence's first words are read
// again as sentence-initial past it; no news sentence is that long).
constexpr size_t kMaxPieceWords = 1024;

void put_u32(std::string& out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>(v >> (8 * i)));
}
void put_varint(std::string& out, uint32_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>(v | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
}

// Reads the payload, every read bounded by its size.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}
  bool ok() const { return ok_; }
  uint32_t u32() {
    if (pos_ + 4 > bytes_.size()) return bad();
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i) v |= uint32_t(uint8_t(bytes_[pos_ + i])) << (8 * i);
    pos_ += 4;
    return v;
  }
  uint32_t varint() {
    uint32_t v = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      if (pos_ >= bytes_.size()) return bad();
      const uint8_t b = uint8_t(bytes_[pos_++]);
      v |= uint32_t(b & 0x7F) << shift;
      if (b < 0x80) return v;
    }
    return bad();
  }
  std::string_view take(size_t n) {
    if (n > bytes_.size() - pos_) {
      ok_ = false;
      return {};
    }
    pos_ += n;
    return bytes_.substr(pos_ - n, n);
  }
  bool at_end() const { return pos_ == bytes_.size(); }

 private:
  uint32_t bad() {
    ok_ = false;
    pos_ = bytes_.size();
    return 0;
  }
  std::string_view bytes_;
  size_t pos_ = 0;
  bool ok_ = true;
};

Result<NerWeights> parse_payload(std::string_view payload) {
  auto bad = [](const std::string& why) { return fail(ErrorCode::kInvalidInput, "ner model: " + why); };
  Reader in(payload);
  NerWeights w;
  w.bits = in.u32();
  if (!in.ok() || w.bits < kMinBits || w.bits > kMaxBits) return bad("bad table size");
  const uint32_t case_count = in.u32();
  if (!in.ok() || case_count > payload.size()) return bad("bad word table");
  w.cases.keys.resize(case_count);
  uint32_t key = 0;
  for (uint32_t i = 0; i < case_count; ++i) {
    key += in.varint();
    w.cases.keys[i] = key;
  }
  const auto classes = in.take(case_count);
  if (!in.ok()) return bad("truncated word table");
  w.cases.classes.assign(classes.begin(), classes.end());
  for (size_t i = 1; i < w.cases.keys.size(); ++i)
    if (w.cases.keys[i] <= w.cases.keys[i - 1]) return bad("word table out of order");
  const uint32_t cluster_count = in.u32();
  if (!in.ok() || cluster_count > payload.size()) return bad("bad cluster table");
  w.clusters.keys.resize(cluster_count);
  w.clusters.paths.resize(cluster_count);
  key = 0;
  for (uint32_t i = 0; i < cluster_count; ++i) {
    const uint32_t delta = in.varint();
    if (i > 0 && delta == 0) return bad("cluster table out of order");
    key += delta;
    w.clusters.keys[i] = key;
  }
  for (uint32_t i = 0; i < cluster_count; ++i) {
    const uint32_t path = in.varint();
    if (path > 0xFFFF) return bad("bad cluster path");
    w.clusters.paths[i] = static_cast<uint16_t>(path);
  }
  if (!in.ok()) return bad("truncated cluster table");
  for (size_t i = 1; i < w.clusters.keys.size(); ++i)
    if (w.clusters.keys[i] <= w.clusters.keys[i - 1]) return bad("cluster table out of order");
  w.clusters.index();
  for (ner::NameList* list : {&w.names, &w.persons}) {  // place names, then person names
    const uint32_t name_count = in.u32();
    if (!in.ok() || name_count > payload.size()) return bad("bad name list");
    list->keys.resize(name_count);
    key = 0;
    for (uint32_t i = 0; i < name_count; ++i) {
      key += in.varint();
      list->keys[i] = key;
    }
    const auto name_classes = in.take(name_count);
    if (!in.ok()) return bad("truncated name list");
    list->classes.assign(name_classes.begin(), name_classes.end());
    for (size_t i = 1; i < list->keys.size(); ++i)
      if (list->keys[i] <= list->keys[i - 1]) return bad("name list out of order");
    list->index();
  }
  const uint32_t row_count = in.u32();
  if (!in.ok() || row_count > (1u << w.bits)) return bad("bad row count");
  w.row_of.assign(size_t(1) << w.bits, 0);
  uint32_t bucket = 0;
  for (uint32_t r = 0; r < row_count; ++r) {
    const uint32_t delta = in.varint();
    if (!in.ok() || (r > 0 && delta == 0) || uint64_t(bucket) + delta >= (uint64_t(1) << w.bits))
      return bad("bad bucket");
    bucket += delta;
    w.row_of[bucket] = r + 1;
  }
  const auto scales = in.take(size_t(row_count) * 4);
  const auto weights = in.take(size_t(row_count) * kNerTags);
  if (!in.ok() || !in.at_end()) return bad("truncated weights");
  w.scales.resize(row_count);
  std::memcpy(w.scales.data(), scales.data(), scales.size());  // little-endian hosts only
  for (float s : w.scales)
    if (!std::isfinite(s) || s < 0) return bad("bad scale");
  w.quantized.resize(weights.size());
  std::memcpy(w.quantized.data(), weights.data(), weights.size());
  w.rows.resize(w.quantized.size());
  for (size_t i = 0; i < w.rows.size(); ++i) w.rows[i] = w.scales[i / kNerTags] * w.quantized[i];
  return w;
}

}  // namespace

const char* ner_kind_name(NerKind kind) {
  switch (kind) {
    case NerKind::kPer: return "PER";
    case NerKind::kOrg: return "ORG";
    case NerKind::kLoc: return "LOC";
    case NerKind::kNorp: return "NORP";
    case NerKind::kTitle: return "TITLE";
    case NerKind::kMisc: return "MISC";
  }
  return "?";
}

std::vector<NerSpan> ner_spans(const std::vector<uint8_t>& tags) {
  std::vector<NerSpan> out;
  for (uint32_t i = 0; i < tags.size(); ++i) {
    const uint8_t t = tags[i];
    if (t == kTagO || t >= kNerTags) continue;
    const NerKind kind = tag_kind(t);
    const bool continues = !is_begin(t) && !out.empty() && out.back().kind == kind &&
                           out.back().first + out.back().count == i;
    if (continues) ++out.back().count;
    else out.push_back({i, 1, kind});
  }
  return out;
}

namespace ner {

NerWeights compress_weights(const std::vector<float>& dense, uint32_t bits, float min_weight,
                            CaseTable cases, ClusterTable clusters, NameList names, NameList persons) {
  NerWeights w;
  w.bits = bits;
  w.cases = std::move(cases);
  w.clusters = std::move(clusters);
  w.clusters.index();
  w.names = std::move(names);
  w.names.index();
  w.persons = std::move(persons);
  w.persons.index();
  w.row_of.assign(size_t(1) << bits, 0);
  for (size_t b = 0; b < w.row_of.size(); ++b) {
    const float* row = &dense[b * kNerTags];
    float top = 0;
    for (int t = 0; t < kNerTags; ++t) top = std::max(top, std::fabs(row[t]));
    if (top < min_weight || top == 0) continue;
    const float scale = top / 127.0f;
    w.scales.push_back(scale);
    for (int t = 0; t < kNerTags; ++t)
      w.quantized.push_back(static_cast<int8_t>(std::lround(std::clamp(row[t] / scale, -127.0f, 127.0f))));
    w.row_of[b] = static_cast<uint32_t>(w.scales.size());
  }
  w.rows.resize(w.quantized.size());
  for (size_t i = 0; i < w.rows.size(); ++i) w.rows[i] = w.scales[i / kNerTags] * w.quantized[i];
  return w;
}

}  // namespace ner

NerModel::NerModel() = default;
NerModel::NerModel(std::shared_ptr<const NerWeights> weights) : weights_(std::move(weights)) {}

size_t NerModel::weight_rows() const { return weights_ ? weights_->scales.size() : 0; }
size_t NerModel::case_words() const { return weights_ ? weights_->cases.keys.size() : 0; }
size_t NerModel::cluster_words() const { return weights_ ? weights_->clusters.keys.size() : 0; }

std::string NerModel::to_bytes() const {
  if (!weights_) return {};
  const NerWeights& w = *weights_;
  std::string payload;
  put_u32(payload, w.bits);
  put_u32(payload, static_cast<uint32_t>(w.cases.keys.size()));
  uint32_t prev = 0;
  for (uint32_t k : w.cases.keys) {
    put_varint(payload, k - prev);
    prev = k;
  }
  payload.append(w.cases.classes.begin(), w.cases.classes.end());
  put_u32(payload, static_cast<uint32_t>(w.clusters.keys.size()));
  prev = 0;
  for (uint32_t k : w.clusters.keys) {
    put_varint(payload, k - prev);
    prev = k;
  }
  for (uint16_t p : w.clusters.paths) put_varint(payload, p);
  for (const ner::NameList* list : {&w.names, &w.persons}) {
    put_u32(payload, static_cast<uint32_t>(list->keys.size()));
    prev = 0;
    for (uint32_t k : list->keys) {
      put_varint(payload, k - prev);
      prev = k;
    }
    payload.append(list->classes.begin(), list->classes.end());
  }
  put_u32(payload, static_cast<uint32_t>(w.scales.size()));
  prev = 0;
  for (uint32_t b = 0; b < w.row_of.size(); ++b) {
    if (w.row_of[b] == 0) continue;
    put_varint(payload, b - prev);
    prev = b;
  }
  // Rows in bucket order (the order compress_weights made them in).
  payload.append(reinterpret_cast<const char*>(w.scales.data()), w.scales.size() * 4);
  payload.append(reinterpret_cast<const char*>(w.quantized.data()), w.quantized.size());
  std::string out(kMagic, sizeof kMagic);
  put_u32(out, static_cast<uint32_t>(payload.size()));
  const size_t bound = ZSTD_compressBound(payload.size());
  const size_t header = out.size();
  out.resize(header + bound);
  const size_t n = ZSTD_compress(out.data() + header, bound, payload.data(), payload.size(), kZstdLevel);
  if (ZSTD_isError(n)) return {};
  out.resize(header + n);
  return out;
}

Result<NerModel> NerModel::from_bytes(std::string_view bytes) {
  if (bytes.size() < 12 || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0)
    return fail(ErrorCode::kInvalidInput, "not a tidings NER model (version 3)");
  uint32_t size = 0;
  for (int i = 0; i < 4; ++i) size |= uint32_t(uint8_t(bytes[8 + i])) << (8 * i);
  if (size > kMaxPayloadBytes) return fail(ErrorCode::kTooLarge, "ner model: payload too large");
  std::string payload(size, '\0');
  const size_t n = ZSTD_decompress(payload.data(), payload.size(), bytes.data() + 12, bytes.size() - 12);
  if (ZSTD_isError(n) || n != size) return fail(ErrorCode::kInvalidInput, "ner model: corrupt compressed data");
  auto w = parse_payload(payload);
  if (!w) return tl::unexpected(w.error());
  // Rows must follow bucket order, as to_bytes writes them.
  uint32_t expect = 1;
  for (uint32_t r : w->row_of) {
    if (r == 0) continue;
    if (r != expect++) return fail(ErrorCode::kInvalidInput, "ner model: rows out of order");
  }
  return NerModel(std::make_shared<const NerWeights>(std::move(*w)));
}

Result<NerModel> NerModel::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail(ErrorCode::kNotFound, "cannot open ner model " + path);
  std::string bytes;
  char buf[1 << 16];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    bytes.append(buf, static_cast<size_t>(in.gcount()));
    if (bytes.size() > kMaxModelBytes) return fail(ErrorCode::kTooLarge, path + ": ner model too large");
  }
  if (in.bad()) return fail(ErrorCode::kIo, "cannot read " + path);
  auto model = from_bytes(bytes);
  if (!model) return fail(model.error().code, path + ": " + model.error().message);
  return model;
}

std::string default_ner_model_path() {
  const char* dir = std::getenv("TIDINGS_MODELS");
  return std::string(dir && *dir ? dir : TIDINGS_MODELS_DIR) + "/ner/ner.model";
}

Result<NerModel> NerModel::load_default() { return load(default_ner_model_path()); }

std::vector<std::vector<uint8_t>> NerModel::tag_document(const std::vector<NerWords>& sentences) const {
  std::vector<std::vector<uint8_t>> out(sentences.size());
  if (!weights_) {
    for (size_t s = 0; s < sentences.size(); ++s) out[s].assign(sentences[s].size(), kTagO);
    return out;
  }
  const NerWeights& w = *weights_;
  const ner::DocumentCases doc(sentences);
  ner::DocumentHistory history;  // the tags of the sentences before
  std::vector<uint64_t> features;
  std::vector<ner::TokenKeys> keys;
  std::vector<uint8_t> back, piece_tags;
  for (size_t s = 0; s < sentences.size(); ++s) {
    auto& tags = out[s];
    tags.reserve(sentences[s].size());
    // A sentence of a million words is read in pieces, so that its features
    // (kStaticFeatures hashes a word) stay small.
    for (size_t from = 0; from < sentences[s].size(); from += kMaxPieceWords) {
      const size_t to = std::min(sentences[s].size(), from + kMaxPieceWords);
      NerWords piece;
      if (from > 0 || to < sentences[s].size()) piece.assign(sentences[s].begin() + from, sentences[s].begin() + to);
      const NerWords& words = piece.empty() ? sentences[s] : piece;
      ner::static_features(words, w.cases, w.clusters, w.names, w.persons, doc, history, features, keys);
      ner::viterbi(features.data(), keys.data(), words.size(),
                   [&w](uint64_t f, float* scores) { w.add(f, scores); }, back, piece_tags);
      if (sentences.size() > 1) history.add(keys.data(), piece_tags.data(), words.size());
      tags.insert(tags.end(), piece_tags.begin(), piece_tags.end());
    }
  }
  return out;
}

std::vector<Entity> NerModel::tag(const Segmented& text) const {
  std::vector<NerWords> sentences(text.sentences.size());
  for (size_t s = 0; s < text.sentences.size(); ++s) {
    const Sentence& sentence = text.sentences[s];
    for (uint32_t i = 0; i < sentence.token_count; ++i)
      sentences[s].push_back(text.token_text(sentence.first_token + i));
  }
  const auto tags = tag_document(sentences);
  std::vector<Entity> out;
  for (size_t s = 0; s < tags.size(); ++s) {
    for (const NerSpan& span : ner_spans(tags[s])) {
      EntityType type;
      switch (span.kind) {
        case NerKind::kPer: type = EntityType::kPerson; break;
        case NerKind::kOrg: type = EntityType::kOrganization; break;
        case NerKind::kLoc: type = EntityType::kLocation; break;
        default: continue;
      }
      const uint32_t first = text.sentences[s].first_token + span.first;
      const uint32_t last = first + span.count - 1;
      out.push_back({text.tokens[first].start, text.tokens[last].end, first, span.count, type});
    }
  }
  return out;
}

}  // namespace tidings::facts
