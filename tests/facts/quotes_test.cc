// Direct and indirect quotes and their speakers (src/facts/quotes.h), with
// entities given by hand.
#include "facts/quotes.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "facts/people.h"
#include "facts/quotes_people_testing.h"

namespace tidings::facts {
namespace {

using testing::Tagged;

#define LQ "\xE2\x80\x9C"  // “
#define RQ "\xE2\x80\x9D"  // ”
#define APOS "\xE2\x80\x99"  // ’

struct Found {
  People people;
  std::vector<Quote> quotes;
};

Found run(const Tagged& t) {
  Found f;
  f.people = find_people(t.seg(), t.entities());
  f.quotes = find_quotes(t.seg(), t.entities(), f.people);
  return f;
}

std::string speaker_name(const Found& f, const Quote& q) {
  if (q.speaker.person >= 0) return f.people.persons[q.speaker.person].name;
  return "";
}

std::string describe(const Tagged& t, const Found& f) {
  std::string out;
  for (const Quote& q : f.quotes) {
    out += q.kind == QuoteKind::kDirect ? "direct " : "indirect ";
    out += "[" + q.text + "] cue=" + std::string(t.span(q.cue_start, q.cue_end)) + " speaker=" +
           std::string(t.span(q.speaker.start, q.speaker.end)) + " -> " + speaker_name(f, q) +
           " kind=" + std::to_string(static_cast<int>(q.speaker.kind)) + "\n";
  }
  return out;
}

const Quote* quote_with(const Found& f, std::string_view text) {
  for (const Quote& q : f.quotes) {
    if (q.text == text) return &q;
  }
  return nullptr;
}

// The seed article's paragraphs with a quote and its speaker, as in
// ../shared/data/seed/seed-article.txt (no-break space included; data/sample
// has the page; tests/facts/data/quotes_people_seed_test.cc reads the file).
constexpr const char* kSeed =
    "Ali Asghar Khaji, a senior aide on political affairs to Iran" APOS "s foreign minister and "
    "the visiting Russian Special Presidential Envoy for Syria Alexander Lavrentiev exchanged "
    "viewpoints about unfolding developments in the West Asia region during a meeting in the "
    "Iranian capital city of Tehran on Wednesday.\n\n"
    "The two sides discussed Israeli crimes against the oppressed people of Gaza, and voiced "
    "their deep concern over the brutal killing of civilians.\n\n"
    "Khaji blamed the United States" APOS " generous support for Israel as the main reason behind "
    "assaults against the residents of the Gaza Strip and massacre of thousands of women and "
    "children, saying, " LQ "Such crimes can be best described as\xC2\xA0" "collective punishment and "
    "genocide." RQ "\n\n"
    "Israel has also imposed a " LQ "complete siege" RQ " on the territory, cutting off fuel, "
    "electricity, food and water to the more than two million Palestinians living there.";

TEST(Quotes, SeedKhajiQuote) {
  Tagged t(kSeed);
  t.per("Ali Asghar Khaji").gpe("Iran").gpe("Syria").per("Alexander Lavrentiev").gpe("Tehran");
  t.gpe("Gaza").per("Khaji", 1).gpe("United States").gpe("Israel").gpe("Gaza Strip");
  t.gpe("Israel", 1);
  const Found f = run(t);
  SCOPED_TRACE(describe(t, f));
  const Quote* q =
      quote_with(f, "Such crimes can be best described as collective punishment and genocide.");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->kind, QuoteKind::kDirect);
  EXPECT_EQ(t.span(q->cue_start, q->cue_end), "saying");
  EXPECT_EQ(t.span(q->speaker.start, q->speaker.end), "Khaji");
  EXPECT_EQ(q->speaker.kind, SpeakerKind::kPerson);
  EXPECT_EQ(speaker_name(f, *q), "Ali Asghar Khaji");
  ASSERT_EQ(q->parts.size(), 1u);
  // The page has a no-break space there: the span keeps it, the text is plain.
  EXPECT_EQ(t.span(q->start, q->end),
            "Such crimes can be best described as\xC2\xA0" "collective punishment and genocide.");
  // "complete siege" is a scare quote, not something anyone said.
  EXPECT_EQ(quote_with(f, "complete siege"), nullptr);
  for (const Quote& x : f.quotes) EXPECT_EQ(x.text.find("complete siege"), std::string::npos);
}

TEST(Quotes, SplitQuoteWithPronounSpeaker) {
  Tagged t(
      "Ali Asghar Khaji met reporters in Tehran.\n"
      LQ "Such crimes," RQ " he said, " LQ "can be best described as collective punishment." RQ);
  t.per("Ali Asghar Khaji").gpe("Tehran");
  const Found f = run(t);
  SCOPED_TRACE(describe(t, f));
  ASSERT_EQ(f.quotes.size(), 1u);
  const Quote& q = f.quotes[0];
  EXPECT_EQ(q.text, "Such crimes can be best described as collective punishment.");
  EXPECT_EQ(q.parts.size(), 2u);
  EXPECT_EQ(t.span(q.speaker.start, q.speaker.end), "he");
  EXPECT_EQ(speaker_name(f, q), "Ali Asghar Khaji");
  EXPECT_EQ(t.span(q.cue_start, q.cue_end), "said");
}

TEST(Quotes, StraightMarksAndInvertedAttribution) {
  Tagged t(
      "\"We appreciate your respect to her and her family's privacy at this time,\" said Jack "
      "Ketsoyan, her rep. \"She is doing well,\" Ketsoyan told People magazine.");
  t.per("Jack Ketsoyan").per("Ketsoyan", 1).org("People");
  const Found f = run(t);
  SCOPED_TRACE(describe(t, f));
  ASSERT_EQ(f.quotes.size(), 2u);
  EXPECT_EQ(f.quotes[0].text,
            "We appreciate your respect to her and her family's privacy at this time");
  EXPECT_EQ(speaker_name(f, f.quotes[0]), "Jack Ketsoyan");
  EXPECT_EQ(f.quotes[1].text, "She is doing well");  // the comma is the attribution's
  EXPECT_EQ(speaker_name(f, f.quotes[1]), "Jack Ketsoyan");
  EXPECT_EQ(t.span(f.quotes[1].cue_start, f.quotes[1].cue_end), "told");
}

TEST(Quotes, SpeakerDescribedBeforeTheName) {
  Tagged t(
      "\"We appreciate your respect to her and her family's privacy at this time,\" the "
      "33-year-old actress's rep Jack Ketsoyan told the magazine exclusively.");
  t.per("Jack Ketsoyan");
  const Found f = run(t);
  SCOPED_TRACE(describe(t, f));
  ASSERT_EQ(f.quotes.size(), 1u);
  EXPECT_EQ(speaker_name(f, f.quotes[0]), "Jack Ketsoyan");
  EXPECT_EQ(t.span(f.quotes[0].cue_start, f.quotes[0].cue_end), "told");
}

TEST(Quotes, ObjectCueIsNotAClauseFirstAttribution) {
  Tagged t(
      "Senior Iranian, Russian diplomats call for cessation of Israel" APOS
      "s atrocities in besieged Gaza\n\nThe talks ended, the ministry said in a statement.");
  t.gpe("Israel").gpe("Gaza");
  const Found f = run(t);
  SCOPED_TRACE(describe(t, f));
  ASSERT_EQ(f.quotes.size(), 2u);
  EXPECT_EQ(f.quotes[0].text, "cessation of Israel" APOS "s atrocities in besieged Gaza");
  EXPECT_EQ(t.span(f.quotes[0].speaker.start, f.quotes[0].speaker.end), "Russian diplomats");
  EXPECT_EQ(f.quotes[1].text, "The talks ended");
  EXPECT_EQ(t.span(f.quotes[1].speaker.start, f.quotes[1].speaker.end), "the ministry");
}

TEST(Quotes, SpeakerWithAppositiveBeforeTheCue) {
  Tagged t(LQ "We will not stop," RQ " Ali Asghar Khaji, a senior aide to Iran" APOS
           "s foreign minister, said on Wednesday.");
  t.per("Ali Asghar Khaji").gpe("Iran");
  const Found f = run(t);
  SCOPED_TRACE(describe(t, f));
  ASSERT_EQ(f.quotes.size(), 1u);
  EXPECT_EQ(speaker_name(f, f.quotes[0]), "Ali Asghar Khaji");
}

TEST(Quotes, ColonIntroducedQuoteOverParagraphs) {
  Tagged t(
      "Gen. Mark Milley told reporters: " LQ "The first paragraph of what I said.\n\n"
      LQ "And the second paragraph goes on." RQ "\n\nSomething else happened.");
  t.per("Mark Milley");
  const Found f = run(t);
  SCOPED_TRACE(describe(t, f));
  ASSERT_EQ(f.quotes.size(), 1u);
  const Quote& q = f.quotes[0];
  EXPECT_EQ(q.parts.size(), 2u);
  EXPECT_EQ(q.text, "The first paragraph of what I said. And the second paragraph goes on.");
  EXPECT_EQ(speaker_name(f, q), "Mark Milley");
  EXPECT_EQ(t.span(q.cue_start, q.cue_end), "told");
}

TEST(Quotes, UnbalancedQuoteAtParagraphEndIsDropped) {
  Tagged t(LQ "This quote never closes and the paragraph ends here, he said.\n\n"
           "A new paragraph without marks follows.");
  const Found f = run(t);
  SCOPED_TRACE(describe(t, f));
  for (const Quote& q : f.quotes) EXPECT_EQ(q.kind, QuoteKind::kIndirect);
}

TEST(Quotes, StrayStraightClosingMarkOpensNothing) {
  // A quote broken over lines without a mark on the second (the opening is
  // lost with the first line): the closing mark must not open a new quote
  // that swallows the next one.
  Tagged t(
      "\"I believe he did not win.\nIn his own words, he will stay in jail,\" said Christina "
      "Greenway, daughter of the court reporter.\n\"I'm not disappointed and I have no regrets.\"");
  t.per("Christina Greenway");
  const Found f = run(t);
  SCOPED_TRACE(describe(t, f));
  ASSERT_EQ(f.quotes.size(), 1u);
  EXPECT_EQ(f.quotes[0].text, "I'm not disappointed and I have no regrets.");
}

TEST(Quotes, FollowOnQuoteKeepsTheSpeaker) {
  Tagged t(
      LQ "We are ready to talk," RQ " Hossein Amir-Abdollahian said.\n\n"
      LQ "But we will not accept any conditions from anyone at all." RQ);
  t.per("Hossein Amir-Abdollahian");
  const Found f = run(t);
  SCOPED_TRACE(describe(t, f));
  ASSERT_EQ(f.quotes.size(), 2u);
  EXPECT_EQ(speaker_name(f, f.quotes[1]), "Hossein Amir-Abdollahian");
  EXPECT_EQ(f.quotes[1].cue_end, 0u);
  EXPECT_TRUE(f.quotes[1].speaker_inferred);
  EXPECT_FALSE(f.quotes[0].speaker_inferred);
}

TEST(Quotes, GuillemetsAndNestedMarks) {
  Tagged t("\xC2\xAB" "Nous ne c\xC3\xA9" "derons pas" "\xC2\xBB" ", a dit Macron. " LQ
           "He called it " "\xE2\x80\x98" "a disgrace" "\xE2\x80\x99" " and left," RQ
           " said Mary Smith.");
  t.per("Macron").per("Mary Smith");
  const Found f = run(t);
  SCOPED_TRACE(describe(t, f));
  const Quote* nested = quote_with(f, "He called it \xE2\x80\x98" "a disgrace\xE2\x80\x99 and left");
  ASSERT_NE(nested, nullptr);
  EXPECT_EQ(speaker_name(f, *nested), "Mary Smith");
  EXPECT_EQ(quote_with(f, "a disgrace"), nullptr);
}

TEST(Quotes, IndirectQuotesWithCueVerbs) {
  Tagged t(
      "The Gaza health ministry said that at least 8,796 people had been killed. "
      "Israel's army denied the claims. "
      "The strike killed 20 people, according to officials. "
      "The talks will resume next week, Khaji told reporters in Tehran. "
      "Khaji warned Israel would pay a heavy price. "
      "The two diplomats met on Wednesday, calling for an immediate ceasefire in Gaza.");
  t.gpe("Gaza").gpe("Israel").per("Khaji").gpe("Tehran").per("Khaji", 1).gpe("Israel", 1);
  t.gpe("Gaza", 1);
  const Found f = run(t);
  SCOPED_TRACE(describe(t, f));
  const Quote* ministry = quote_with(f, "at least 8,796 people had been killed");
  ASSERT_NE(ministry, nullptr);
  EXPECT_EQ(ministry->kind, QuoteKind::kIndirect);
  EXPECT_EQ(t.span(ministry->speaker.start, ministry->speaker.end), "The Gaza health ministry");
  EXPECT_EQ(ministry->speaker.kind, SpeakerKind::kNominal);

  const Quote* denied = quote_with(f, "the claims");
  ASSERT_NE(denied, nullptr);
  EXPECT_EQ(t.span(denied->cue_start, denied->cue_end), "denied");

  const Quote* according = quote_with(f, "The strike killed 20 people");
  ASSERT_NE(according, nullptr);
  EXPECT_EQ(t.span(according->speaker.start, according->speaker.end), "officials");
  EXPECT_EQ(t.span(according->cue_start, according->cue_end), "according to");

  const Quote* talks = quote_with(f, "The talks will resume next week");
  ASSERT_NE(talks, nullptr);
  EXPECT_EQ(speaker_name(f, *talks), "Khaji");

  const Quote* warned = quote_with(f, "Israel would pay a heavy price");
  ASSERT_NE(warned, nullptr);
  EXPECT_EQ(speaker_name(f, *warned), "Khaji");

  const Quote* calling = quote_with(f, "an immediate ceasefire in Gaza");
  ASSERT_NE(calling, nullptr);
  EXPECT_EQ(t.span(calling->speaker.start, calling->speaker.end), "The two diplomats");
}

TEST(Quotes, OrganisationSpeakerAndPronounGender) {
  Tagged t(
      "Hillary Clinton met John Kerry. She said the plan was sound. "
      "The United Nations said the aid would arrive on Friday.");
  t.per("Hillary Clinton").per("John Kerry").org("United Nations");
  // "Ms." nowhere: Clinton's gender comes from nothing, so "she" takes the
  // latest person whose gender is unknown; give Kerry a known one.
  Tagged u(
      "Mrs. Hillary Clinton met Mr. John Kerry. She said the plan was sound. "
      "The United Nations said the aid would arrive on Friday.");
  u.per("Hillary Clinton").per("John Kerry").org("United Nations");
  const Found f = run(u);
  SCOPED_TRACE(describe(u, f));
  const Quote* plan = quote_with(f, "the plan was sound");
  ASSERT_NE(plan, nullptr);
  EXPECT_EQ(speaker_name(f, *plan), "Hillary Clinton");
  const Quote* aid = quote_with(f, "the aid would arrive on Friday");
  ASSERT_NE(aid, nullptr);
  EXPECT_EQ(aid->speaker.kind, SpeakerKind::kOrganization);
  EXPECT_EQ(aid->speaker.entity, 2);
  const Found g = run(t);
  const Quote* plan2 = quote_with(g, "the plan was sound");
  ASSERT_NE(plan2, nullptr);
  EXPECT_EQ(speaker_name(g, *plan2), "John Kerry");
}

TEST(Quotes, PronounSkipsNamesInsideTheQuote) {
  Tagged t("Mrs. Jane Doe arrived late.\n" LQ "I met Mr. John Smith at the border," RQ " she said.");
  t.per("Jane Doe").per("John Smith");
  const Found f = run(t);
  SCOPED_TRACE(describe(t, f));
  ASSERT_EQ(f.quotes.size(), 1u);
  EXPECT_EQ(speaker_name(f, f.quotes[0]), "Jane Doe");
  Tagged u("Jane Doe arrived late.\n" LQ "I met John Smith at the border," RQ " he said.");
  u.per("Jane Doe").per("John Smith");
  const Found g = run(u);
  ASSERT_EQ(g.quotes.size(), 1u);
  EXPECT_EQ(speaker_name(g, g.quotes[0]), "Jane Doe");  // not Smith, who is inside the quote
}

TEST(Quotes, NominalSpeakerWithARoleOfTheArticle) {
  Tagged t(
      "Russian Special Presidential Envoy for Syria Alexander Lavrentiev arrived in Tehran.\n\n"
      "The talks were useful, the envoy said.\n\nThe ceasefire will hold, the spokesman said.");
  t.per("Alexander Lavrentiev").gpe("Syria").gpe("Tehran");
  const Found f = run(t);
  SCOPED_TRACE(describe(t, f));
  const Quote* q = quote_with(f, "The talks were useful");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->speaker.kind, SpeakerKind::kPerson);
  EXPECT_EQ(speaker_name(f, *q), "Alexander Lavrentiev");
  const Quote* r = quote_with(f, "The ceasefire will hold");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->speaker.kind, SpeakerKind::kNominal);  // no spokesman named in the article
  EXPECT_EQ(r->speaker.person, -1);
}

TEST(Quotes, TheMinistryIsTheMinistryNamedBefore) {
  Tagged t(
      "The Gaza Health Ministry published new figures on Monday.\n\n"
      LQ "The toll will rise further," RQ " said the ministry.\n\n"
      "The army said the strikes had hit military targets.");
  t.org("Gaza Health Ministry");
  const Found f = run(t);
  SCOPED_TRACE(describe(t, f));
  const Quote* toll = quote_with(f, "The toll will rise further");
  ASSERT_NE(toll, nullptr);
  EXPECT_EQ(toll->speaker.kind, SpeakerKind::kOrganization);
  EXPECT_EQ(toll->speaker.entity, 0);
  EXPECT_EQ(t.span(toll->speaker.start, toll->speaker.end), "the ministry");
  const Quote* army = quote_with(f, "the strikes had hit military targets");
  ASSERT_NE(army, nullptr);
  EXPECT_EQ(army->speaker.kind, SpeakerKind::kNominal);  // no army named before
  EXPECT_EQ(army->speaker.entity, -1);
}

TEST(Quotes, ColonEndsTheParagraphBeforeTheQuote) {
  Tagged t("Khaji said:\n\n" LQ "Such crimes can be best described as genocide." RQ);
  t.per("Khaji");
  const Found f = run(t);
  SCOPED_TRACE(describe(t, f));
  ASSERT_EQ(f.quotes.size(), 1u);
  EXPECT_EQ(speaker_name(f, f.quotes[0]), "Khaji");
}

TEST(Quotes, MoreAttributionForms) {
  Tagged t(
      "According to the Health Ministry, 20 people died in the strike. "
      "The Health Ministry issued a statement. It said the toll would rise further.\n"
      "A friend told People she went to Promises on Tuesday. "
      "Khaji on Wednesday said the meeting had gone well.\n"
      "Then said Khaji: " LQ "We will answer every single attack." RQ "\n"
      "Lavrentiev: " LQ "Russia stands with its partners in the region." RQ "\n"
      LQ "This war must end now," RQ " Khaji said.");
  t.org("Health Ministry").org("Health Ministry", 1).org("People").gpe("Promises");
  t.per("Khaji").per("Khaji", 1).per("Lavrentiev").gpe("Russia").per("Khaji", 2);
  const Found f = run(t);
  SCOPED_TRACE(describe(t, f));
  const Quote* according = quote_with(f, "20 people died in the strike");
  ASSERT_NE(according, nullptr);
  EXPECT_EQ(according->speaker.kind, SpeakerKind::kOrganization);
  EXPECT_EQ(according->speaker.entity, 0);
  const Quote* it = quote_with(f, "the toll would rise further");
  ASSERT_NE(it, nullptr);
  EXPECT_EQ(it->speaker.kind, SpeakerKind::kOrganization);
  EXPECT_EQ(it->speaker.entity, 1);
  const Quote* friend_told = quote_with(f, "she went to Promises on Tuesday");
  ASSERT_NE(friend_told, nullptr);
  EXPECT_EQ(t.span(friend_told->speaker.start, friend_told->speaker.end), "A friend");
  const Quote* on_wednesday = quote_with(f, "the meeting had gone well");
  ASSERT_NE(on_wednesday, nullptr);
  EXPECT_EQ(speaker_name(f, *on_wednesday), "Khaji");
  const Quote* said_khaji = quote_with(f, "We will answer every single attack.");
  ASSERT_NE(said_khaji, nullptr);
  EXPECT_EQ(speaker_name(f, *said_khaji), "Khaji");
  const Quote* colon = quote_with(f, "Russia stands with its partners in the region.");
  ASSERT_NE(colon, nullptr);
  EXPECT_EQ(speaker_name(f, *colon), "Lavrentiev");
  EXPECT_EQ(colon->cue_end, 0u);
  // Direct and indirect quotes come out together in text order.
  for (size_t i = 1; i < f.quotes.size(); ++i) EXPECT_LT(f.quotes[i - 1].start, f.quotes[i].start);
  EXPECT_EQ(f.quotes.back().text, "This war must end now");
}

TEST(Quotes, ApposedSpeakerBeforeTheCueAndNoVerbAfterTheSpeaker) {
  // The speaker is the person before ", said", after an appositive; the
  // words after "said" are the clause ("troops had found"), not a speaker
  // of what came before.
  Tagged t("An Israeli military spokesperson, Rear Admiral Daniel Hagari, said troops had found tunnels.");
  t.per("Daniel Hagari");
  const Found f = run(t);
  SCOPED_TRACE(describe(t, f));
  ASSERT_EQ(f.quotes.size(), 1u);
  EXPECT_EQ(f.quotes[0].text, "troops had found tunnels");
  EXPECT_EQ(speaker_name(f, f.quotes[0]), "Daniel Hagari");
}

TEST(Quotes, ADatelineIsNotWhatWasSaid) {
  Tagged t("GAZA CITY (Reuters) - Israeli air strikes killed 45 Palestinians overnight, health officials "
           "said on Saturday.\n\nKYIV, Ukraine (AP) \xE2\x80\x94 Russian strikes hit Kharkiv, the governor said.");
  t.gpe("GAZA CITY").org("Reuters").gpe("KYIV").gpe("Ukraine").org("AP").gpe("Kharkiv");
  const Found f = run(t);
  SCOPED_TRACE(describe(t, f));
  EXPECT_NE(quote_with(f, "Israeli air strikes killed 45 Palestinians overnight"), nullptr);
  EXPECT_NE(quote_with(f, "Russian strikes hit Kharkiv"), nullptr);
}

TEST(Quotes, WhereTheSpeakerWasIsPartOfTheSpeaker) {
  Tagged t("A doctor on the scene told Ruptly that he tried to save one of the wounded.");
  t.org("Ruptly");
  const Found f = run(t);
  SCOPED_TRACE(describe(t, f));
  ASSERT_EQ(f.quotes.size(), 1u);
  EXPECT_EQ(t.span(f.quotes[0].speaker.start, f.quotes[0].speaker.end), "A doctor on the scene");
}

TEST(Quotes, ClauseFirstWithAnOwnedSpeakerAndADayAfterTheCue) {
  Tagged t("An Israeli strike killed at least 10 people, including three children, Lebanon" APOS
           "s Health Ministry said Sunday.");
  t.gpe("Lebanon").org("Health Ministry");
  const Found f = run(t);
  SCOPED_TRACE(describe(t, f));
  ASSERT_EQ(f.quotes.size(), 1u);
  EXPECT_EQ(f.quotes[0].text, "An Israeli strike killed at least 10 people, including three children");
  EXPECT_EQ(t.span(f.quotes[0].speaker.start, f.quotes[0].speaker.end), "Health Ministry");
}

TEST(Quotes, WhomASpeakerToldIsNotTheNextHe) {
  Tagged t("Tariq Ramadan, head of the crisis committee, told John Smith that thousands may have died. "
           LQ "The city needs everything," RQ " he said.");
  t.per("Tariq Ramadan").per("John Smith");
  const Found f = run(t);
  SCOPED_TRACE(describe(t, f));
  const Quote* q = quote_with(f, "The city needs everything,");
  if (q == nullptr) q = quote_with(f, "The city needs everything");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(speaker_name(f, *q), "Tariq Ramadan");
}

TEST(Quotes, WhoDiedAfterSaidDidNotSpeak) {
  Tagged t("Mexico" APOS "s president, Andres Manuel Lopez Obrador, said 17 migrants died when a truck overturned.");
  t.gpe("Mexico").per("Andres Manuel Lopez Obrador");
  const Found f = run(t);
  SCOPED_TRACE(describe(t, f));
  ASSERT_EQ(f.quotes.size(), 1u);
  EXPECT_EQ(f.quotes[0].text, "17 migrants died when a truck overturned");
  EXPECT_EQ(speaker_name(f, f.quotes[0]), "Andres Manuel Lopez Obrador");
}

TEST(Quotes, ClauseFirstWithTheNamedAgencyReporting) {
  Tagged t("The prince spoke by phone with President Ebrahim Raisi, the Saudi Press Agency reported.");
  t.per("Ebrahim Raisi").org("Saudi Press Agency");
  const Found f = run(t);
  SCOPED_TRACE(describe(t, f));
  ASSERT_EQ(f.quotes.size(), 1u);
  EXPECT_EQ(f.quotes[0].text, "The prince spoke by phone with President Ebrahim Raisi");
  EXPECT_EQ(t.span(f.quotes[0].speaker.start, f.quotes[0].speaker.end), "Saudi Press Agency");
}

TEST(Quotes, NoCueNoIndirectQuote) {
  Tagged t("Khaji met Lavrentiev in Tehran. The meeting lasted two hours.");
  t.per("Khaji").per("Lavrentiev").gpe("Tehran");
  const Found f = run(t);
  EXPECT_TRUE(f.quotes.empty()) << describe(t, f);
}

TEST(Quotes, HostileInputStaysLinearAndNeverCrashes) {
  const auto timed = [](const std::string& text) {
    Tagged t(text);
    const auto start = std::chrono::steady_clock::now();
    const People people = find_people(t.seg(), t.entities());
    const auto quotes = find_quotes(t.seg(), t.entities(), people);
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  // A 1 MB quote, closed and unclosed.
  std::string big(1 << 20, 'a');
  for (size_t i = 0; i < big.size(); i += 7) big[i] = ' ';
  EXPECT_LT(timed("He said: " LQ + big + RQ " he said."), 5.0);
  EXPECT_LT(timed("He said: " LQ + big), 5.0);
  EXPECT_LT(timed("\"" + big), 5.0);
  // Thousands of marks of every kind, balanced and not.
  std::string marks;
  for (int i = 0; i < 50000; ++i) marks += i % 3 ? LQ "a " : RQ " said he, \" ";
  EXPECT_LT(timed(marks), 5.0);
  std::string opens;
  for (int i = 0; i < 100000; ++i) opens += LQ;
  EXPECT_LT(timed(opens), 5.0);
  std::string cues;
  for (int i = 0; i < 100000; ++i) cues += "he said that she said, ";
  EXPECT_LT(timed(cues), 5.0);
  // Nested and non-Latin.
  EXPECT_LT(timed(LQ LQ LQ "\xD9\x82\xD8\xA7\xD9\x84" RQ RQ " \xE2\x80\x98\xE2\x80\x99 \xC2\xBB\xC2\xAB"), 1.0);
  EXPECT_LT(timed("\xE7\x8E\x8B\xE6\x98\x8E\xE8\xAF\xB4\xEF\xBC\x9A\xE2\x80\x9C\xE6\x88\x91\xE4\xBB\xAC"
                  "\xE4\xB8\x8D\xE4\xBC\x9A\xE6\x94\xBE\xE5\xBC\x83\xE2\x80\x9D"), 1.0);
  EXPECT_LT(timed(std::string("\xFF\xFE\"\x80\"", 5)), 1.0);
}

}  // namespace
}  // namespace tidings::facts
