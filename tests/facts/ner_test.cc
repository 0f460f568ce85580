// The entity tagger (src/facts/ner.h): the committed model on hand-written
// news sentences, hostile input, the model file, and training.
#include "facts/ner.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "facts/ner_clusters.h"
#include "facts/ner_features.h"
#include "facts/ner_person_names.h"
#include "facts/ner_train.h"
#include "facts/segment.h"

namespace tidings::facts {
namespace {

const NerModel& committed() {
  static const NerModel model = [] {
    auto m = NerModel::load_default();
    return m ? *m : NerModel();
  }();
  return model;
}

using Found = std::vector<std::pair<std::string, std::string>>;

Found entities(const std::string& text) {
  const Segmented s = segment(text);
  Found out;
  for (const Entity& e : committed().tag(s))
    out.emplace_back(std::string(text.substr(e.start, e.end - e.start)), entity_type_name(e.type));
  return out;
}

bool has(const Found& found, const std::string& text, const std::string& type) {
  for (const auto& [t, ty] : found)
    if (t == text && ty == type) return true;
  return false;
}

TEST(Ner, CommittedModelLoads) {
  auto m = NerModel::load_default();
  ASSERT_TRUE(m) << m.error().message << " (" << default_ner_model_path() << ")";
  EXPECT_GT(m->weight_rows(), 10000u);
  EXPECT_GT(m->case_words(), 1000u);
}

TEST(Ner, SeedArticlePeopleAndPlaces) {
  ASSERT_FALSE(committed().empty());
  const Found f = entities(
      "Ali Asghar Khaji, a senior aide on political affairs to Iran\xE2\x80\x99s foreign minister and "
      "the visiting Russian Special Presidential Envoy for Syria Alexander Lavrentiev exchanged "
      "viewpoints about unfolding developments in the West Asia region during a meeting in the "
      "Iranian capital city of Tehran on Wednesday.");
  EXPECT_TRUE(has(f, "Ali Asghar Khaji", "PER"));
  EXPECT_TRUE(has(f, "Alexander Lavrentiev", "PER"));
  EXPECT_TRUE(has(f, "Tehran", "LOC"));
  EXPECT_TRUE(has(f, "Iran", "LOC"));
  EXPECT_TRUE(has(f, "Syria", "LOC"));
  EXPECT_FALSE(has(f, "Wednesday", "PER"));
}

TEST(Ner, TitlesStayOutOfThePersonsSpan) {
  const Found f = entities("Lavrentiev delivered Russian President Vladimir Putin's message to his Iranian "
                           "counterpart Ebrahim Raeisi.");
  EXPECT_TRUE(has(f, "Vladimir Putin", "PER"));
  EXPECT_TRUE(has(f, "Ebrahim Raeisi", "PER"));
  for (const auto& [text, type] : f) EXPECT_NE(text, "Iranian") << "a nationality is not a place";
}

TEST(Ner, Organisations) {
  const Found f = entities("The United Nations and the World Health Organization said on Monday that "
                           "aid trucks had reached the Gaza Strip.");
  EXPECT_TRUE(has(f, "United Nations", "ORG"));
  EXPECT_TRUE(has(f, "World Health Organization", "ORG"));
  EXPECT_TRUE(has(f, "Gaza Strip", "LOC"));
}

TEST(Ner, OffsetsAreBytesOfTheText) {
  const std::string text = "\xE2\x80\x9CWe will stay,\xE2\x80\x9D said Angela Merkel in Berlin.";
  const Segmented s = segment(text);
  for (const Entity& e : committed().tag(s)) {
    ASSERT_LE(e.end, text.size());
    EXPECT_EQ(e.start, s.tokens[e.first_token].start);
    EXPECT_EQ(e.end, s.tokens[e.first_token + e.token_count - 1].end);
  }
  EXPECT_TRUE(has(entities(text), "Angela Merkel", "PER"));
}

TEST(Ner, OtherScriptsAndHostileInputNeverCrash) {
  std::vector<std::string> texts = {
      "",
      "\xD8\xA7\xD9\x84\xD9\x82\xD8\xAF\xD8\xB3 \xD9\x85\xD8\xAF\xD9\x8A\xD9\x86\xD8\xA9.",  // Arabic
      "\xE5\x8C\x97\xE4\xBA\xAC\xE6\x98\xAF\xE4\xB8\xAD\xE5\x9B\xBD\xE7\x9A\x84\xE9\xA6\x96\xE9\x83\xBD\xE3\x80\x82",
      "\xD0\x92\xD0\xBB\xD0\xB0\xD0\xB4\xD0\xB8\xD0\xBC\xD0\xB8\xD1\x80 \xD0\x9F\xD1\x83\xD1\x82\xD0\xB8\xD0\xBD "
      "\xD0\xB2 \xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB5.",
      std::string("\xFF\xFE\xC3 Bad \x80 bytes \xED\xA0\x80 here\0 nul", 28),
      std::string(100000, 'A'),
      std::string(5000, '.'),
  };
  std::string many;
  for (int i = 0; i < 20000; ++i) many += "Smith ";
  texts.push_back(many);
  for (const auto& t : texts) {
    const Segmented s = segment(t);
    for (const Entity& e : committed().tag(s)) {
      EXPECT_LE(e.start, e.end);
      EXPECT_LE(e.end, t.size());
    }
  }
  // Words given directly, of any length and bytes.
  const std::string huge(1 << 20, 'x');
  const auto tags = committed().tag_document({{huge, "\x01", "", "O'Brien", "\xF0\x9F\x98\x80"}, {}});
  ASSERT_EQ(tags.size(), 2u);
  EXPECT_EQ(tags[0].size(), 5u);
  EXPECT_TRUE(tags[1].empty());
  // A sentence longer than the tagger reads at once keeps one tag a word.
  const NerWords long_sentence(3000, "Smith");
  EXPECT_EQ(committed().tag_document({long_sentence})[0].size(), 3000u);
}

TEST(Ner, SameAnswersFromManyThreads) {
  const std::string text = "Ali Asghar Khaji met Alexander Lavrentiev in Tehran on Wednesday.";
  const Segmented s = segment(text);
  const auto expected = committed().tag(s);
  std::vector<std::thread> threads;
  std::vector<size_t> counts(4);
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) counts[t] += committed().tag(s).size() == expected.size();
    });
  for (auto& th : threads) th.join();
  for (size_t c : counts) EXPECT_EQ(c, 200u);
}

TEST(Ner, SpansReadAsConllevalDoes) {
  const uint8_t bp = begin_tag(NerKind::kPer), ip = inside_tag(NerKind::kPer), il = inside_tag(NerKind::kLoc);
  const auto spans = ner_spans({bp, ip, kTagO, ip, il, bp, bp});
  ASSERT_EQ(spans.size(), 5u);
  EXPECT_EQ(spans[0].first, 0u);
  EXPECT_EQ(spans[0].count, 2u);
  EXPECT_EQ(spans[1].first, 3u);  // an I- after O starts a span
  EXPECT_EQ(spans[2].kind, NerKind::kLoc);
  EXPECT_EQ(spans[3].count, 1u);  // B- after B- starts another
  EXPECT_EQ(ner_spans({200, kTagO}).size(), 0u);  // not a tag: ignored
}

TEST(Ner, ModelBytesRoundTripAndCorruptFilesAreRejected) {
  ASSERT_FALSE(committed().empty());
  const std::string bytes = committed().to_bytes();
  auto again = NerModel::from_bytes(bytes);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->to_bytes(), bytes);
  EXPECT_FALSE(NerModel::from_bytes(""));
  EXPECT_FALSE(NerModel::from_bytes("TIDNER01\xFF\xFF\xFF\x7F garbage"));  // the old version
  EXPECT_FALSE(NerModel::from_bytes("TIDNER02\xFF\xFF\xFF\x7F garbage"));
  EXPECT_FALSE(NerModel::from_bytes("TIDNER03\xFF\xFF\xFF\x7F garbage"));
  for (size_t cut : {size_t(8), size_t(12), size_t(100), bytes.size() / 2, bytes.size() - 1})
    EXPECT_FALSE(NerModel::from_bytes(std::string_view(bytes).substr(0, cut))) << cut;
  std::string flipped = bytes;
  flipped[flipped.size() / 2] ^= 0x5A;
  auto m = NerModel::from_bytes(flipped);  // zstd's checksum may or may not catch it; never a crash
  if (m) m->tag_document({{"Paris"}});
  EXPECT_FALSE(NerModel::load("/nonexistent/ner.model"));
}

// A toy corpus: capitalised words after "met" are people, after "in" places.
std::vector<NerTrainSentence> toy_corpus() {
  const std::vector<std::string> names = {"Anna", "Boris", "Chen", "Dara", "Emil", "Fatima"};
  const std::vector<std::string> places = {"Oslo", "Lima", "Quito", "Accra", "Hanoi", "Riga"};
  std::vector<NerTrainSentence> out;
  for (size_t i = 0; i < names.size(); ++i) {
    for (size_t j = 0; j < places.size(); ++j) {
      NerTrainSentence s;
      s.words = {"we", "met", names[i], "in", places[j], "."};
      s.tags = {kTagO, kTagO, begin_tag(NerKind::kPer), kTagO, begin_tag(NerKind::kLoc), kTagO};
      s.document = static_cast<uint32_t>(out.size());
      out.push_back(std::move(s));
    }
  }
  return out;
}

TEST(NerTrain, LearnsAndIsDeterministic) {
  NerTrainOptions options;
  options.epochs = 3;
  options.bits = 16;
  const auto corpus = toy_corpus();
  auto a = train_ner(corpus, {}, options);
  auto b = train_ner(corpus, {}, options);
  ASSERT_TRUE(a && b);
  EXPECT_EQ(a->to_bytes(), b->to_bytes());
  const auto tags = a->tag_document({{"we", "met", "Boris", "in", "Lima", "."}});
  EXPECT_EQ(tags[0][2], begin_tag(NerKind::kPer));
  EXPECT_EQ(tags[0][4], begin_tag(NerKind::kLoc));
  options.seed = 99;
  auto c = train_ner(corpus, {}, options);
  ASSERT_TRUE(c);
}

TEST(NerTrain, RejectsTagsThatDoNotMatchWords) {
  auto corpus = toy_corpus();
  corpus[0].tags.pop_back();
  EXPECT_FALSE(train_ner(corpus, {}, NerTrainOptions{}));
  corpus = toy_corpus();
  corpus[0].tags[0] = 77;
  EXPECT_FALSE(train_ner(corpus, {}, NerTrainOptions{}));
}

// Bits two paths share from the root.
int common_prefix(uint16_t a, uint16_t b) {
  auto depth = [](uint16_t p) {
    int d = 0;
    for (; p > 1; p >>= 1) ++d;
    return d;
  };
  int n = 0;
  for (int l = 1; l <= std::min(depth(a), depth(b)); ++l, ++n)
    if (ner::path_prefix(a, l) != ner::path_prefix(b, l)) break;
  return n;
}

TEST(NerClusters, WordsUsedAlikeShareAPath) {
  const std::vector<std::string> animals = {"cat", "dog", "cow", "pig", "goat"};
  const std::vector<std::string> cities = {"Paris", "Rome", "Oslo", "Lima", "Kyiv"};
  std::vector<std::vector<std::string>> text;
  for (int r = 0; r < 4; ++r) {
    for (const auto& a : animals) {
      text.push_back({"the", a, "ate", "the", "grass", "."});
      text.push_back({"a", "hungry", a, "slept", "."});
    }
    for (const auto& c : cities) {
      text.push_back({"we", "flew", "to", c, "yesterday", "."});
      text.push_back({"rain", "fell", "in", c, "."});
    }
  }
  std::vector<NerWords> sentences;
  for (const auto& words : text) sentences.emplace_back(words.begin(), words.end());
  ner::ClusterOptions options;
  options.min_leaf = 1;
  const auto table = ner::learn_word_clusters(sentences, options);
  const auto again = ner::learn_word_clusters(sentences, options);
  EXPECT_EQ(table.keys, again.keys);
  EXPECT_EQ(table.paths, again.paths);
  auto path = [&](std::string_view w) {
    std::string lower;
    ner::lower_case(w, lower);
    return table.lookup(ner::hash_bytes(lower));
  };
  ASSERT_NE(path("cat"), 0);
  ASSERT_NE(path("Paris"), 0);
  EXPECT_EQ(path("zebra"), 0) << "an unseen word has no cluster";
  EXPECT_GT(common_prefix(path("cat"), path("dog")), common_prefix(path("cat"), path("paris")));
  EXPECT_GT(common_prefix(path("rome"), path("oslo")), common_prefix(path("rome"), path("pig")));
  EXPECT_EQ(ner::path_prefix(0b1101101, 3), 0b1101);
  EXPECT_EQ(ner::path_prefix(0b101, 6), 0b101);
}

TEST(NerClusters, WordVectorsGiveNearWordsNearPaths) {
  // Two groups of vectors far apart, each a little spread; "Oslo" and
  // "oslo" are one key (the more frequent, earlier, word's path wins).
  const std::vector<std::string> words = {"cat", "dog", "cow", "pig", "Paris", "rome", "oslo", "lima", "Oslo"};
  std::vector<float> vectors;
  for (size_t i = 0; i < words.size(); ++i) {
    const bool city = i >= 4;
    const float spread = 0.1f * static_cast<float>(i % 4);
    vectors.insert(vectors.end(), {city ? 0.0f : 3.0f, city ? 3.0f : 0.0f, spread, 1.0f - spread});
  }
  ner::ClusterOptions options;
  options.min_leaf = 1;
  const auto table = ner::clusters_from_vectors(words, vectors, 4, options);
  const auto again = ner::clusters_from_vectors(words, vectors, 4, options);
  EXPECT_EQ(table.keys, again.keys);
  EXPECT_EQ(table.paths, again.paths);
  EXPECT_EQ(table.keys.size(), 8u) << "'Oslo' and 'oslo' are one word";
  auto path = [&](std::string_view w) {
    std::string lower;
    ner::lower_case(w, lower);
    return table.lookup(ner::hash_bytes(lower));
  };
  ASSERT_NE(path("CAT"), 0);
  EXPECT_EQ(path("zebra"), 0);
  EXPECT_GT(common_prefix(path("cat"), path("pig")), common_prefix(path("cat"), path("paris")));
  EXPECT_GT(common_prefix(path("Rome"), path("Lima")), common_prefix(path("rome"), path("cow")));
  // Vectors that do not match the words, or none: an empty table, never a crash.
  EXPECT_TRUE(ner::clusters_from_vectors(words, {1.0f, 2.0f}, 4, options).keys.empty());
  EXPECT_TRUE(ner::clusters_from_vectors({}, {}, 4, options).keys.empty());
  EXPECT_EQ(ner::ClusterTable().lookup(ner::hash_bytes("cat")), 0) << "a table never indexed finds nothing";
}

TEST(NerGazetteer, LongestNameFirstLeftToRight) {
  auto word = [](std::string_view w) {
    std::string lower;
    ner::lower_case(w, lower);
    return ner::hash_bytes(lower);
  };
  const uint64_t york = ner::mix(ner::kNameSeed, word("york"));
  const uint64_t new_york = ner::mix(ner::mix(ner::kNameSeed, word("new")), word("york"));
  ner::NameList names;
  const uint64_t new_ = ner::mix(ner::kNameSeed, word("new"));  // the first word of a longer name
  std::vector<std::pair<uint32_t, uint8_t>> rows = {{uint32_t(york), ner::kNameCity},
                                                    {uint32_t(new_york), ner::kNameBigCity},
                                                    {uint32_t(new_), ner::kNamePrefix}};
  std::sort(rows.begin(), rows.end());
  for (const auto& [k, c] : rows) {
    names.keys.push_back(k);
    names.classes.push_back(c);
  }
  names.index();
  std::vector<uint16_t> match;
  ner::match_names(names, {word("in"), word("New"), word("York"), word("and"), word("YORK")}, match);
  const std::vector<uint16_t> want = {0, ner::kNameBigCity * 4 + 1, ner::kNameBigCity * 4 + 2, 0,
                                      ner::kNameCity * 4 + 1};
  EXPECT_EQ(match, want);
  ner::match_names(ner::NameList{}, {word("York")}, match);
  EXPECT_EQ(match, std::vector<uint16_t>{0});
}

TEST(NerPersonNames, WordsAndTheirHyphenatedParts) {
  const auto names = ner::person_names({{"Ali", ner::kPersonFirst}, {"ali", ner::kPersonPart},
                                        {"Akbar", ner::kPersonPart}, {"", ner::kPersonFirst},
                                        {"Ahmadian", ner::kPersonPart}});
  EXPECT_EQ(names.keys.size(), 3u) << "duplicates merged, empty words skipped";
  auto cls = [&](std::string_view w) {
    std::string lower;
    ner::lower_case(w, lower);
    return ner::person_name_class(names, lower, ner::hash_bytes(lower));
  };
  EXPECT_EQ(cls("ALI"), ner::kPersonFirst | ner::kPersonPart);
  EXPECT_EQ(cls("Ahmadian"), ner::kPersonPart);
  EXPECT_EQ(cls("Ali-Akbar"), ner::kPersonFirst | ner::kPersonPart | ner::kPersonByParts);
  EXPECT_EQ(cls("al-Aqsa"), 0);
  EXPECT_EQ(cls("Tehran"), 0);
  EXPECT_EQ(cls("-"), 0);
  EXPECT_EQ(ner::person_name_class(ner::NameList{}, "ali", ner::hash_bytes("ali")), 0);
}

TEST(NerTrain, PersonNamesTravelInTheModel) {
  NerTrainOptions options;
  options.epochs = 3;
  options.bits = 16;
  options.person_names = ner::person_names({{"Anna", ner::kPersonFirst}, {"Boris", ner::kPersonFirst}});
  auto model = train_ner(toy_corpus(), {}, options);
  ASSERT_TRUE(model);
  const std::string bytes = model->to_bytes();
  auto again = NerModel::from_bytes(bytes);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->to_bytes(), bytes);
  const NerWords words = {"we", "met", "Anna", "in", "Riga", "."};
  EXPECT_EQ(again->tag_document({words}), model->tag_document({words}));
}

TEST(NerTrain, ViterbiRespectsBio) {
  NerTrainOptions options;
  options.epochs = 3;
  options.bits = 16;
  auto model = train_ner(toy_corpus(), {}, options);
  ASSERT_TRUE(model);
  const auto tags = model->tag_document({{"in", "in", "Oslo", "Oslo", "met", "met", "Anna", "x", "Lima"}});
  for (size_t i = 0; i < tags[0].size(); ++i)
    EXPECT_TRUE(ner::allowed(i ? tags[0][i - 1] : kTagO, tags[0][i])) << i;
}

}  // namespace
}  // namespace tidings::facts
