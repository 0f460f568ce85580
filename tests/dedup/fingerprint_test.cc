// Fingerprints: normalisation, containment estimates, the stored bytes.
#include <gtest/gtest.h>

#include <string>

#include "dedup/dedup.h"

namespace tidings::dedup {
namespace {

std::string words(int first, int count) {
  std::string out;
  for (int i = first; i < first + count; ++i) {
    out += "word";
    out += std::to_string(i * 7919 % 100003);
    out += i % 9 ? " " : ".\n";
  }
  return out;
}

TEST(Fingerprint, EmptyAndShortTexts) {
  EXPECT_EQ(fingerprint("").exact, 0u);
  EXPECT_EQ(fingerprint("  \n\t ,.;").exact, 0u);
  const Fingerprint short_fp = fingerprint("Three words only");
  EXPECT_NE(short_fp.exact, 0u);
  EXPECT_TRUE(short_fp.minhash.empty());
  EXPECT_EQ(fingerprint(words(0, 200)).minhash.size(), kMinHashSize);
}

TEST(Fingerprint, ExactHashIgnoresCaseWidthPunctuationAndWhitespace) {
  const Fingerprint a = fingerprint("The President said: \"We will act.\"\n\nMore follows.");
  const Fingerprint b = fingerprint("the  PRESIDENT said \u201Cwe will act\u201D more\u00A0follows");
  EXPECT_EQ(a.exact, b.exact);
  EXPECT_EQ(fingerprint("ｆｕｌｌｗｉｄｔｈ text").exact, fingerprint("fullwidth TEXT").exact);  // NFKC
  EXPECT_EQ(fingerprint("8,796 people").exact, fingerprint("8796 people").exact);
  EXPECT_EQ(fingerprint("soft\u00ADhyphen zero\u200Bwidth").exact, fingerprint("softhyphen zerowidth").exact);
  EXPECT_NE(fingerprint("one text").exact, fingerprint("another text").exact);
}

TEST(Fingerprint, ContainmentOfTeasersAndCopies) {
  const std::string original = words(0, 400);
  const Fingerprint full = fingerprint(original);
  EXPECT_DOUBLE_EQ(estimate_containment(full, full), 1.0);
  // A teaser: the first paragraphs and "Read more".
  const Fingerprint teaser = fingerprint(words(0, 60) + "Read more");
  EXPECT_GE(estimate_containment(teaser, full), copy_threshold());
  // Site chrome around the whole text.
  const Fingerprint chrome = fingerprint("Home | World | Sports\n" + original + "\nSource link");
  EXPECT_GE(estimate_containment(chrome, full), 0.9);
  // An unrelated text, and one sharing a fifth.
  EXPECT_LT(estimate_containment(fingerprint(words(1000, 400)), full), 0.1);
  EXPECT_LT(estimate_containment(fingerprint(words(0, 80) + words(5000, 320)), full), copy_threshold());
}

TEST(Fingerprint, AShortTextInsideALongOneIsNotACopyOfIt) {
  // A headline in a related-links block: contained, but too little shared.
  const Fingerprint headline = fingerprint(words(0, 12) + words(900, 4));
  const Fingerprint page = fingerprint(words(500, 300) + words(0, 12));
  EXPECT_LT(estimate_containment(headline, page), copy_threshold());
}

TEST(Fingerprint, ScriptsWithoutSpacesAreCompared) {
  const std::string zh =
      "中国国家主席今天在北京会见了来访的外国领导人双方就两国关系和共同关心的国际地区问题深入交换意见"
      "会谈在友好气氛中进行双方同意加强经济贸易合作推动人文交流";
  const Fingerprint a = fingerprint(zh), b = fingerprint("新华社北京电 " + zh + " 责任编辑");
  ASSERT_EQ(a.minhash.size(), kMinHashSize);
  EXPECT_GE(estimate_containment(a, b), copy_threshold());
  const Fingerprint other = fingerprint("日本の首相は東京で記者会見を開き経済対策について説明した来年度予算案の編成方針も示した");
  EXPECT_LT(estimate_containment(a, other), 0.1);
}

TEST(Fingerprint, EncodeDecodeRoundTrip) {
  for (const std::string& text : {std::string(), std::string("short"), words(0, 300)}) {
    const Fingerprint fp = fingerprint(text);
    Fingerprint back;
    ASSERT_TRUE(decode_fingerprint(encode_fingerprint(fp), back));
    EXPECT_EQ(back.exact, fp.exact);
    EXPECT_EQ(back.shingles, fp.shingles);
    EXPECT_EQ(back.minhash, fp.minhash);
  }
  EXPECT_EQ(encode_fingerprint(fingerprint(words(0, 300))).size(), 16 + 4 * kMinHashSize);
}

TEST(Fingerprint, DecodeRejectsGarbage) {
  const std::string good = encode_fingerprint(fingerprint(words(0, 300)));
  Fingerprint fp;
  EXPECT_FALSE(decode_fingerprint("", fp));
  EXPECT_FALSE(decode_fingerprint("F", fp));
  EXPECT_FALSE(decode_fingerprint(good.substr(0, good.size() - 1), fp));
  EXPECT_FALSE(decode_fingerprint(good + "x", fp));
  std::string bad = good;
  bad[0] = 'X';
  EXPECT_FALSE(decode_fingerprint(bad, fp));
  bad = good;
  bad[1] = 9;  // unknown version
  EXPECT_FALSE(decode_fingerprint(bad, fp));
  bad = good;
  bad[2] = 7;
  EXPECT_FALSE(decode_fingerprint(bad, fp));
  EXPECT_EQ(fp.exact, 0u);
  EXPECT_TRUE(fp.minhash.empty());
  // Every prefix and random blobs: never a crash.
  for (size_t n = 0; n < good.size(); n += 7) decode_fingerprint(good.substr(0, n), fp);
  uint64_t state = 42;
  for (int i = 0; i < 2000; ++i) {
    std::string blob(16 + (i % 3 ? 4 * kMinHashSize : i % 40), '\0');
    for (char& c : blob) c = static_cast<char>((state = state * 6364136223846793005ull + 1442695040888963407ull) >> 56);
    if (i % 2) blob[0] = 'F', blob[1] = 1, blob[2] = static_cast<char>(i % 4 == 1), blob[3] = 0;
    decode_fingerprint(blob, fp);
  }
}

}  // namespace
}  // namespace tidings::dedup
