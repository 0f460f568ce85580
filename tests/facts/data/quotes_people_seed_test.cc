// The seed article (../shared/data/seed/seed-article.txt) through the people
// and quotes passes, with its entities given by hand so that the test does
// not depend on the tagger: Khaji's quote and the roles of the issue.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "../quotes_people_testing.h"
#include "facts/people.h"
#include "facts/quotes.h"

namespace tidings::facts {
namespace {

std::string read_seed() {
  std::ifstream in(std::string(TIDINGS_SHARED_DATA) + "/seed/seed-article.txt",
                   std::ios::binary);
  if (!in) return {};
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(QuotesPeopleSeed, KhajiQuoteAndTheRolesOfTheIssue) {
  const std::string text = read_seed();
  if (text.empty()) GTEST_SKIP() << "no ../shared/data/seed/seed-article.txt";
  testing::Tagged t(text);
  t.per("Ali Asghar Khaji").gpe("Iran", 0).per("Alexander Lavrentiev").gpe("Syria").gpe("Tehran");
  t.per("Khaji", 1).gpe("United States").per("Lavrentiev", 1);
  t.org("Supreme National Security Council").per("Ali-Akbar Ahmadian").per("Vladimir Putin");
  t.per("Ebrahim Raeisi");
  const People people = find_people(t.seg(), t.entities());
  const std::vector<Quote> quotes = find_quotes(t.seg(), t.entities(), people);

  const Quote* khaji = nullptr;
  for (const Quote& q : quotes) {
    if (q.kind == QuoteKind::kDirect) khaji = &q;
  }
  ASSERT_NE(khaji, nullptr);
  EXPECT_EQ(khaji->text, "Such crimes can be best described as collective punishment and genocide.");
  ASSERT_GE(khaji->speaker.person, 0);
  EXPECT_EQ(people.persons[khaji->speaker.person].name, "Ali Asghar Khaji");

  int with_roles = 0;
  for (const Person& p : people.persons) {
    if (p.name == "Ali Asghar Khaji") {
      ASSERT_FALSE(p.roles.empty());
      EXPECT_EQ(p.roles[0].title,
                "senior aide on political affairs to Iran\xE2\x80\x99s foreign minister");
      EXPECT_EQ(p.mentions.size(), 2u);
      ++with_roles;
    }
    if (p.name == "Alexander Lavrentiev") {
      ASSERT_FALSE(p.roles.empty());
      EXPECT_EQ(p.roles[0].title, "special presidential envoy for Syria");
      EXPECT_EQ(p.roles[0].of, "Russia");
      EXPECT_EQ(p.mentions.size(), 2u);
      ++with_roles;
    }
    if (p.name == "Ali-Akbar Ahmadian") {
      ASSERT_FALSE(p.roles.empty());
      EXPECT_EQ(p.roles[0].title, "secretary");
      EXPECT_EQ(p.roles[0].of, "Supreme National Security Council (SNSC)");
      EXPECT_EQ(p.roles[0].country, "Iran");
      ++with_roles;
    }
  }
  EXPECT_EQ(with_roles, 3);
}

}  // namespace
}  // namespace tidings::facts
