// Reading GeoVirus XML (src/eval/geo_eval.h): the shifted code-point
// offsets, entities, and malformed files that must not crash.
#include "eval/geo_eval.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace tidings::eval {
namespace {

TEST(GeoVirusXml, OffsetsAreShiftedCodePoints) {
  // "Zürich" starts at code point 12 (byte 12) but upstream writes 13; "Köln" after a 2-byte ü.
  const std::string xml =
      "<articles><article><source>u</source><text>Flu reached Z\xC3\xBCrich &amp; K\xC3\xB6ln.</text>"
      "<locations><location><name>Z\xC3\xBCrich</name><start>13</start><end>19</end><lat>47.37</lat>"
      "<lon>8.54</lon><page>https://en.wikipedia.org/wiki/Z%C3%BCrich</page></location>"
      "<location><name>K\xC3\xB6ln</name><start>22</start><end>26</end><lat>50.94</lat><lon>6.96</lon>"
      "<page>https://en.wikipedia.org/wiki/Cologne</page></location>"
      "<location><name>Nowhere</name><start>1</start><end>3</end><lat>0</lat><lon>0</lon><page/></location>"
      "</locations></article></articles>";
  size_t misaligned = 0;
  const auto articles = parse_geovirus(xml, &misaligned);
  ASSERT_TRUE(articles) << articles.error().message;
  ASSERT_EQ(articles->size(), 1u);
  const GeoArticle& a = (*articles)[0];
  EXPECT_EQ(a.text, "Flu reached Z\xC3\xBCrich & K\xC3\xB6ln.");
  ASSERT_EQ(a.toponyms.size(), 2u);
  EXPECT_EQ(a.text.substr(a.toponyms[0].start, a.toponyms[0].end - a.toponyms[0].start), "Z\xC3\xBCrich");
  EXPECT_EQ(a.text.substr(a.toponyms[1].start, a.toponyms[1].end - a.toponyms[1].start), "K\xC3\xB6ln");
  EXPECT_DOUBLE_EQ(a.toponyms[1].lat, 50.94);
  EXPECT_EQ(misaligned, 1u);  // "Nowhere" is not at 0..2
}

TEST(GeoVirusXml, MalformedFilesAreErrorsOrEmptyNeverCrashes) {
  EXPECT_FALSE(parse_geovirus(""));
  EXPECT_FALSE(parse_geovirus("<articles></articles>"));
  const std::string base =
      "<articles><article><text>a &#x1F600; b &#99999999; &bogus; &</text><locations><location><name>b</name>"
      "<start>99999999999</start><end>-5</end></location><location><location></locations></article>";
  EXPECT_TRUE(parse_geovirus(base));
  std::mt19937 rng(11);
  for (int round = 0; round < 300; ++round) {
    std::string s = base;
    for (int k = 0; k < 5; ++k) s[rng() % s.size()] = static_cast<char>(rng());
    s.resize(rng() % (s.size() + 1));
    (void)parse_geovirus(s);
  }
}

}  // namespace
}  // namespace tidings::eval
