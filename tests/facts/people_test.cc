// People, their mentions and their roles (src/facts/people.h), with entities
// given by hand.
#include "facts/people.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <string>

#include "facts/quotes_people_testing.h"

namespace tidings::facts {
namespace {

using testing::Tagged;

const Person* find(const People& people, std::string_view name) {
  for (const Person& p : people.persons) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

const Role* role_titled(const Person& p, std::string_view title) {
  for (const Role& r : p.roles) {
    if (r.title == title) return &r;
  }
  return nullptr;
}

// "title | of | country" of the one role of the person `name`, or what is wrong.
std::string only_role(const People& people, std::string_view name) {
  const Person* p = find(people, name);
  if (p == nullptr) return "no person " + std::string(name);
  if (p->roles.size() != 1) return std::to_string(p->roles.size()) + " roles";
  return p->roles[0].title + " | " + p->roles[0].of + " | " + p->roles[0].country;
}

std::string describe(const People& people) {
  std::string out;
  for (const Person& p : people.persons) {
    out += p.name + " [" + std::to_string(p.mentions.size()) + "]";
    for (const Role& r : p.roles) out += " {" + r.title + " | " + r.of + " | " + r.country + "}";
    out += "\n";
  }
  return out;
}

TEST(People, SeedArticleRolesAndLaterMentions) {
  Tagged t(
      "Ali Asghar Khaji, a senior aide on political affairs to Iran\xE2\x80\x99s foreign minister "
      "and the visiting Russian Special Presidential Envoy for Syria Alexander Lavrentiev "
      "exchanged viewpoints in Tehran on Wednesday.\n\n"
      "Khaji blamed the United States for the assaults.\n\n"
      "Lavrentiev also held separate meetings with Secretary of Iran\xE2\x80\x99s Supreme National "
      "Security Council (SNSC) Ali-Akbar Ahmadian, and delivered Russian President Vladimir "
      "Putin\xE2\x80\x99s message to his Iranian counterpart Ebrahim Raeisi.");
  t.per("Ali Asghar Khaji").gpe("Iran").per("Alexander Lavrentiev").gpe("Syria").gpe("Tehran");
  t.per("Khaji", 1).gpe("United States").per("Lavrentiev", 1).gpe("Iran", 1);
  t.org("Supreme National Security Council").per("Ali-Akbar Ahmadian").per("Vladimir Putin");
  t.per("Ebrahim Raeisi");
  const People people = find_people(t.seg(), t.entities());
  SCOPED_TRACE(describe(people));
  ASSERT_EQ(people.persons.size(), 5u);

  const Person* khaji = find(people, "Ali Asghar Khaji");
  ASSERT_NE(khaji, nullptr);
  EXPECT_EQ(khaji->mentions.size(), 2u);
  ASSERT_EQ(khaji->roles.size(), 1u);
  EXPECT_EQ(khaji->roles[0].title,
            "senior aide on political affairs to Iran\xE2\x80\x99s foreign minister");
  EXPECT_EQ(khaji->roles[0].country, "Iran");
  EXPECT_EQ(t.span(khaji->roles[0].start, khaji->roles[0].end),
            "a senior aide on political affairs to Iran\xE2\x80\x99s foreign minister");

  EXPECT_EQ(only_role(people, "Alexander Lavrentiev"),
            "special presidential envoy for Syria | Russia | Russia");
  EXPECT_EQ(only_role(people, "Ali-Akbar Ahmadian"),
            "secretary | Supreme National Security Council (SNSC) | Iran");
  EXPECT_EQ(only_role(people, "Vladimir Putin"), "president | Russia | Russia");
  EXPECT_EQ(only_role(people, "Ebrahim Raeisi"), "counterpart | Iran | Iran");
  EXPECT_EQ(find(people, "Alexander Lavrentiev")->mentions.size(), 2u);

  // Every PER entity belongs to a person; the mention index finds them.
  for (size_t i = 0; i < t.entities().size(); ++i) {
    if (t.entities()[i].type == EntityType::kPerson) {
      EXPECT_GE(people.person_of_entity[i], 0);
    }
  }
  const uint32_t second_khaji = khaji->mentions[1].start;
  EXPECT_EQ(t.span(second_khaji, khaji->mentions[1].end), "Khaji");
  EXPECT_EQ(people.persons[person_at(people, second_khaji)].name, "Ali Asghar Khaji");
  EXPECT_EQ(person_at(people, 0), person_at(people, second_khaji));
}

TEST(People, TitlesInsideThePersonSpanAreTakenOff) {
  Tagged t("President Vladimir Putin met Gen. Mark Milley. Mr. Putin said little.");
  t.per("President Vladimir Putin").per("Gen. Mark Milley").per("Mr. Putin");
  const People people = find_people(t.seg(), t.entities());
  SCOPED_TRACE(describe(people));
  ASSERT_EQ(people.persons.size(), 2u);
  const Person* putin = find(people, "Vladimir Putin");
  ASSERT_NE(putin, nullptr);
  EXPECT_EQ(putin->mentions.size(), 2u);
  EXPECT_EQ(putin->gender, Gender::kMale);
  ASSERT_NE(role_titled(*putin, "president"), nullptr);
  EXPECT_EQ(t.span(putin->mentions[1].start, putin->mentions[1].end), "Putin");
  const Person* milley = find(people, "Mark Milley");
  ASSERT_NE(milley, nullptr);
  ASSERT_NE(role_titled(*milley, "general"), nullptr);
}

TEST(People, AWholeTitleInsideThePersonSpan) {
  Tagged t(
      "Russian Special Presidential Envoy for Syria Alexander Lavrentiev met Secretary of State "
      "Antony Blinken.");
  t.per("Russian Special Presidential Envoy for Syria Alexander Lavrentiev");
  t.per("Secretary of State Antony Blinken");
  const People people = find_people(t.seg(), t.entities());
  SCOPED_TRACE(describe(people));
  const Person* lavrentiev = find(people, "Alexander Lavrentiev");
  ASSERT_NE(lavrentiev, nullptr);
  ASSERT_EQ(lavrentiev->roles.size(), 1u);
  EXPECT_EQ(lavrentiev->roles[0].title, "special presidential envoy for Syria");
  EXPECT_EQ(lavrentiev->roles[0].of, "Russia");
  const Person* blinken = find(people, "Antony Blinken");
  ASSERT_NE(blinken, nullptr);
  EXPECT_NE(role_titled(*blinken, "secretary of state"), nullptr);
}

TEST(People, RoleBeforeACommaAndAppositiveAfter) {
  Tagged t(
      "Iran's foreign minister, Hossein Amir-Abdollahian, met Ashraf al-Qudra, the head of "
      "the Gaza health ministry, on Monday. Amir-Abdollahian said nothing.");
  t.gpe("Iran").per("Hossein Amir-Abdollahian").per("Ashraf al-Qudra").gpe("Gaza");
  t.per("Amir-Abdollahian", 1);
  const People people = find_people(t.seg(), t.entities());
  SCOPED_TRACE(describe(people));
  const Person* hossein = find(people, "Hossein Amir-Abdollahian");
  ASSERT_NE(hossein, nullptr);
  EXPECT_EQ(hossein->mentions.size(), 2u);
  const Role* fm = role_titled(*hossein, "foreign minister");
  ASSERT_NE(fm, nullptr);
  EXPECT_EQ(fm->of, "Iran");
  EXPECT_EQ(fm->country, "Iran");
  const Person* qudra = find(people, "Ashraf al-Qudra");
  ASSERT_NE(qudra, nullptr);
  EXPECT_NE(role_titled(*qudra, "head of the Gaza health ministry"), nullptr);
}

TEST(People, RoleInARelativeClause) {
  Tagged t("Ali Asghar Khaji, who is a senior aide to the foreign minister, met Tom Lee, who left.");
  t.per("Ali Asghar Khaji").per("Tom Lee");
  const People people = find_people(t.seg(), t.entities());
  SCOPED_TRACE(describe(people));
  const Person* khaji = find(people, "Ali Asghar Khaji");
  ASSERT_NE(khaji, nullptr);
  EXPECT_NE(role_titled(*khaji, "senior aide to the foreign minister"), nullptr);
  const Person* lee = find(people, "Tom Lee");
  ASSERT_NE(lee, nullptr);
  EXPECT_TRUE(lee->roles.empty());
}

TEST(People, OwnerOfARoleAfterOf) {
  // ("U.S. Secretary ..." would do as well once segment() keeps "U.S." inside
  // a sentence before a capital; today it ends one there.)
  Tagged t("UN envoy Martin Griffiths and Secretary of State Antony Blinken spoke to Olaf "
           "Scholz, Chancellor of Germany.");
  t.per("Martin Griffiths").per("Antony Blinken").per("Olaf Scholz").gpe("Germany");
  const People people = find_people(t.seg(), t.entities());
  SCOPED_TRACE(describe(people));
  EXPECT_EQ(only_role(people, "Martin Griffiths"), "envoy | UN | ");
  const Person* blinken = find(people, "Antony Blinken");
  ASSERT_NE(blinken, nullptr);
  EXPECT_NE(role_titled(*blinken, "secretary of state"), nullptr);
  const Person* scholz = find(people, "Olaf Scholz");
  ASSERT_NE(scholz, nullptr);
  const Role* chancellor = role_titled(*scholz, "chancellor");
  ASSERT_NE(chancellor, nullptr);
  EXPECT_EQ(chancellor->of, "Germany");
  EXPECT_EQ(chancellor->country, "Germany");
}

TEST(People, FormerAndGenderedRoles) {
  Tagged t("Former President Barack Obama and White House spokeswoman Karine Jean-Pierre spoke.");
  t.per("Barack Obama").org("White House").per("Karine Jean-Pierre");
  const People people = find_people(t.seg(), t.entities());
  SCOPED_TRACE(describe(people));
  const Person* obama = find(people, "Barack Obama");
  ASSERT_NE(obama, nullptr);
  const Role* president = role_titled(*obama, "president");
  ASSERT_NE(president, nullptr);
  EXPECT_TRUE(president->former);
  const Person* kjp = find(people, "Karine Jean-Pierre");
  ASSERT_NE(kjp, nullptr);
  const Role* spox = role_titled(*kjp, "spokeswoman");
  ASSERT_NE(spox, nullptr);
  EXPECT_EQ(spox->of, "White House");
  EXPECT_EQ(kjp->gender, Gender::kFemale);
}

TEST(People, UntaggedSurnameAndSameSurnameTakeTheLatestPerson) {
  Tagged t(
      "Bill Clinton spoke first. Hillary Clinton spoke next. Clinton said she would run. "
      "Later Mr. Khaji arrived; Ali Asghar Khaji had been delayed.");
  t.per("Bill Clinton").per("Hillary Clinton").per("Ali Asghar Khaji");
  const People people = find_people(t.seg(), t.entities());
  SCOPED_TRACE(describe(people));
  ASSERT_EQ(people.persons.size(), 3u);
  const Person* hillary = find(people, "Hillary Clinton");
  ASSERT_NE(hillary, nullptr);
  EXPECT_EQ(hillary->mentions.size(), 2u);  // the untagged "Clinton"
  EXPECT_EQ(hillary->mentions[1].entity, -1);
  const Person* khaji = find(people, "Ali Asghar Khaji");
  ASSERT_NE(khaji, nullptr);
  EXPECT_EQ(khaji->mentions.size(), 2u);  // "Mr. Khaji" before the full name
  EXPECT_EQ(khaji->gender, Gender::kMale);
}

TEST(People, HonorificsKeepSameSurnamesApart) {
  Tagged t("Mrs. Hillary Clinton and Mr. Bill Clinton arrived. Mrs. Clinton spoke; Mr. Clinton left.");
  t.per("Hillary Clinton").per("Bill Clinton").per("Clinton", 2).per("Clinton", 3);
  const People people = find_people(t.seg(), t.entities());
  SCOPED_TRACE(describe(people));
  ASSERT_EQ(people.persons.size(), 2u);
  const Person* hillary = find(people, "Hillary Clinton");
  ASSERT_NE(hillary, nullptr);
  ASSERT_EQ(hillary->mentions.size(), 2u);
  EXPECT_EQ(t.span(hillary->mentions[1].start - 5, hillary->mentions[1].end), "Mrs. Clinton");
  EXPECT_EQ(hillary->gender, Gender::kFemale);
  const Person* bill = find(people, "Bill Clinton");
  ASSERT_NE(bill, nullptr);
  ASSERT_EQ(bill->mentions.size(), 2u);
  EXPECT_EQ(t.span(bill->mentions[1].start - 4, bill->mentions[1].end), "Mr. Clinton");
}

TEST(People, ASingleNameNeverSeenInFullIsItsOwnPerson) {
  Tagged t("Madonna sang. Madonna left. Cher stayed.");
  t.per("Madonna").per("Madonna", 1).per("Cher");
  const People people = find_people(t.seg(), t.entities());
  ASSERT_EQ(people.persons.size(), 2u);
  EXPECT_EQ(people.persons[0].name, "Madonna");
  EXPECT_EQ(people.persons[0].mentions.size(), 2u);
  EXPECT_TRUE(people.persons[0].roles.empty());
}

TEST(People, PlacesAndAgesAreNoAppositives) {
  Tagged t("John Smith, 45, met Jane Doe, Paris, and Tom Lee, who works there.");
  t.per("John Smith").per("Jane Doe").gpe("Paris").per("Tom Lee");
  const People people = find_people(t.seg(), t.entities());
  SCOPED_TRACE(describe(people));
  for (const Person& p : people.persons) EXPECT_TRUE(p.roles.empty()) << p.name;
}

TEST(People, NonLatinNamesAndBrokenEntitiesNeverCrash) {
  Tagged t("\xD8\xB9\xD9\x84\xD9\x8A \xD8\xAE\xD8\xA7\xD8\xAC\xDB\x8C met \xE7\x8E\x8B\xE6\x98\x8E "
           "and \xD0\x92\xD0\xBB\xD0\xB0\xD0\xB4\xD0\xB8\xD0\xBC\xD0\xB8\xD1\x80 "
           "\xD0\x9F\xD1\x83\xD1\x82\xD0\xB8\xD0\xBD.");
  t.per("\xD8\xB9\xD9\x84\xD9\x8A \xD8\xAE\xD8\xA7\xD8\xAC\xDB\x8C");
  t.per("\xD0\x92\xD0\xBB\xD0\xB0\xD0\xB4\xD0\xB8\xD0\xBC\xD0\xB8\xD1\x80 "
        "\xD0\x9F\xD1\x83\xD1\x82\xD0\xB8\xD0\xBD");
  std::vector<Entity> entities = t.entities();
  // Entities that do not fit the text are ignored, not trusted.
  entities.push_back(Entity{5, 2, 1000, 7, EntityType::kPerson});
  entities.push_back(Entity{0, 1u << 30, 0, 1u << 30, EntityType::kPerson});
  entities.push_back(Entity{0, 0, 0, 0, EntityType::kPerson});
  const People people = find_people(t.seg(), entities);
  EXPECT_EQ(people.persons.size(), 2u);
  EXPECT_EQ(people.person_of_entity.size(), entities.size());
  EXPECT_EQ(people.person_of_entity[3], -1);
}

// The untagged names titled_names() finds, joined by " | ".
std::string titled(const Tagged& t) {
  std::string out;
  for (const Entity& e : titled_names(t.seg(), t.entities())) {
    EXPECT_EQ(e.type, EntityType::kPerson);
    if (!out.empty()) out += " | ";
    out += t.span(e.start, e.end);
  }
  return out;
}

TEST(People, ANameAfterATitleIsAPersonEvenUntagged) {
  // The seed article's sentence, with Ahmadian missed by the tagger.
  Tagged seed(
      "Lavrentiev also held separate meetings with Secretary of Iran\xE2\x80\x99s Supreme National "
      "Security Council (SNSC) Ali-Akbar Ahmadian, and delivered Russian President Vladimir "
      "Putin\xE2\x80\x99s message to his Iranian counterpart Ebrahim Raeisi.");
  seed.per("Lavrentiev").gpe("Iran").org("Supreme National Security Council").org("SNSC");
  seed.per("Vladimir Putin").per("Ebrahim Raeisi");
  EXPECT_EQ(titled(seed), "Ali-Akbar Ahmadian");
  std::vector<Entity> all = seed.entities();
  for (const Entity& e : titled_names(seed.seg(), seed.entities())) all.push_back(e);
  std::sort(all.begin(), all.end(), [](const Entity& a, const Entity& b) { return a.start < b.start; });
  const People people = find_people(seed.seg(), all);
  EXPECT_EQ(only_role(people, "Ali-Akbar Ahmadian"),
            "secretary | Supreme National Security Council (SNSC) | Iran");

  Tagged spokeswoman("The briefing was led by White House spokeswoman Karine Jean-Pierre on Monday.");
  spokeswoman.org("White House");
  EXPECT_EQ(titled(spokeswoman), "Karine Jean-Pierre");

  Tagged minister("Talks resumed after Interior Minister Xhafer Bilibani and Deputy Mayor Ana Ruiz Soto met.");
  EXPECT_EQ(titled(minister), "Xhafer Bilibani | Ana Ruiz Soto");
}

TEST(People, NoPersonFromTitlesThatAreNotFollowedByAName) {
  // A tagged name is left to the tagger.
  Tagged tagged("Foreign Minister Sergei Lavrov arrived.");
  tagged.per("Sergei Lavrov");
  EXPECT_EQ(titled(tagged), "");
  // After "of", an office, not a name; an institution's words; one word.
  Tagged office(
      "He was named Minister of Foreign Affairs last year. The Prime Minister Office said so. "
      "The chairman Jones agreed, and so did General Motors Corp on Friday.");
  EXPECT_EQ(titled(office), "");
  // A headline in title case, where every word has a capital.
  Tagged headline("Foreign Minister Says Talks With Rebels Will Resume Next Week");
  EXPECT_EQ(titled(headline), "");
  // "official" as an adjective; a month after a title.
  Tagged official("The news came from the official North Korean agency, and the envoy March Report.");
  EXPECT_EQ(titled(official), "");
  // Five words after a title are not one name.
  Tagged run("They met the minister Abc Bcd Cde Def Efg today.");
  EXPECT_EQ(titled(run), "");
}

// "PER:Jerome Powell ORG:Fed ...": each entity's type (PER, else ORG) and text.
std::string typed(const Tagged& t, const std::vector<Entity>& entities) {
  std::string out;
  for (const Entity& e : entities) {
    out += std::string(e.type == EntityType::kPerson ? "PER:" : "ORG:") + std::string(t.span(e.start, e.end)) + " ";
  }
  return out;
}

TEST(People, AnOrganisationSpanEndingInATitleAndANameIsSplit) {
  Tagged t("Fed Chair Jerome Powell spoke, and CIA Director Porter Goss and the Board of Governors listened.");
  t.org("Fed Chair Jerome Powell").org("CIA Director Porter Goss").org("Board of Governors");
  std::vector<Entity> entities = t.entities();
  split_titled_organisations(t.seg(), entities);
  EXPECT_EQ(typed(t, entities), "ORG:Fed PER:Jerome Powell ORG:CIA PER:Porter Goss ORG:Board of Governors ");
  const People people = find_people(t.seg(), entities);
  EXPECT_EQ(only_role(people, "Jerome Powell"), "chair | Fed | ");
  EXPECT_EQ(only_role(people, "Porter Goss"), "director | CIA | ");
  // No name after the title: the organisation stays whole.
  Tagged whole("The Office of the Prime Minister said so.");
  whole.org("Office of the Prime Minister");
  std::vector<Entity> kept = whole.entities();
  split_titled_organisations(whole.seg(), kept);
  ASSERT_EQ(kept.size(), 1u);
  EXPECT_EQ(whole.span(kept[0].start, kept[0].end), "Office of the Prime Minister");
}

TEST(People, AnInstitutionsNameIsNoPerson) {
  Tagged t("Blue Origin and Sierra Nevada Corporation won. Sierra Nevada said Walt Disney Co. and "
           "Ann Corporal agreed.");
  t.per("Sierra Nevada Corporation").per("Sierra Nevada").per("Walt Disney Co.").per("Ann Corporal");
  std::vector<Entity> entities = t.entities();
  retype_institutions(t.seg(), entities);
  ASSERT_EQ(entities.size(), 4u);
  EXPECT_EQ(entities[0].type, EntityType::kOrganization);
  EXPECT_EQ(entities[1].type, EntityType::kOrganization);  // the short name of the same
  EXPECT_EQ(entities[2].type, EntityType::kOrganization);
  EXPECT_EQ(entities[3].type, EntityType::kPerson);
}

TEST(People, CorrectPeopleDropsLettersAndKeepsTextOrder) {
  Tagged t("Q: How do you prioritize? Fed Chair Jerome Powell met Interior Minister Xhafer Bilibani.");
  t.per("Q").org("Fed Chair Jerome Powell");
  std::vector<Entity> entities = t.entities();
  correct_people(t.seg(), entities);
  EXPECT_EQ(typed(t, entities), "ORG:Fed PER:Jerome Powell PER:Xhafer Bilibani ");
}

TEST(People, AnAttributionAfterTheNameIsNoRole) {
  Tagged t("The prince spoke with Iranian President Ebrahim Raisi, the Saudi Press Agency reported.");
  t.gpe("Iranian").per("Ebrahim Raisi").org("Saudi Press Agency");
  const People people = find_people(t.seg(), t.entities());
  EXPECT_EQ(only_role(people, "Ebrahim Raisi"), "president | Iran | Iran");
}

TEST(People, TitledNamesStayLinearOnHostileText) {
  std::string text;
  for (int i = 0; i < 50000; ++i) text += "the chief envoy (SNSC) Abc Defg and minister Hij Klm, ";
  text += ".";
  Tagged t(text);
  const auto start = std::chrono::steady_clock::now();
  const std::vector<Entity> found = titled_names(t.seg(), t.entities());
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(found.size(), 100000u);
  EXPECT_LT(seconds, 5.0);  // quadratic would take minutes
}

TEST(People, OfficesAreTitlesAndCountryAbbreviationsOwners) {
  // "U.S." as an owner (the tagger's ORG "U.S" leaves the period out), and
  // "of State" as the title's own words even when tagged as an organisation.
  Tagged blinken("The president met U.S. Secretary of State Antony Blinken in Kyiv.");
  blinken.org("U.S").org("State").per("Antony Blinken").gpe("Kyiv");
  EXPECT_EQ(only_role(find_people(blinken.seg(), blinken.entities()), "Antony Blinken"),
            "secretary of state | United States | United States");

  Tagged austin("Secretary of Defense Lloyd Austin spoke.");
  austin.per("Lloyd Austin");
  EXPECT_EQ(only_role(find_people(austin.seg(), austin.entities()), "Lloyd Austin"), "secretary of defense |  | ");

  // A later "of" still names the owner.
  Tagged qatar("He met the Minister of Foreign Affairs of Qatar Mohammed Al Thani on Sunday.");
  qatar.gpe("Qatar").per("Mohammed Al Thani");
  EXPECT_EQ(only_role(find_people(qatar.seg(), qatar.entities()), "Mohammed Al Thani"),
            "minister of foreign affairs | Qatar | Qatar");

  Tagged uk("U.K. Foreign Secretary David Cameron arrived.");
  uk.per("David Cameron");
  EXPECT_EQ(only_role(find_people(uk.seg(), uk.entities()), "David Cameron"),
            "foreign secretary | United Kingdom | United Kingdom");
}

TEST(People, ThousandsOfNamesStayLinear) {
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "President Ali Smith" + std::to_string(i % 7) + " and Smith, ";
  text += ".";
  Tagged t(text);
  std::vector<Entity> entities;
  // Every capitalised word a PER entity of one token.
  for (uint32_t i = 0; i < t.seg().tokens.size(); ++i) {
    const Token& k = t.seg().tokens[i];
    if (k.kind == TokenKind::kWord && text[k.start] >= 'A' && text[k.start] <= 'Z') {
      entities.push_back(Entity{k.start, k.end, i, 1, EntityType::kPerson});
    }
  }
  const auto start = std::chrono::steady_clock::now();
  const People people = find_people(t.seg(), entities);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_FALSE(people.persons.empty());
  EXPECT_LT(seconds, 5.0);  // quadratic would take minutes
}

TEST(People, OneRolePerMentionStaysBounded) {
  std::string text = "Ali Asghar Khaji came. ";
  for (int i = 0; i < 20000; ++i) text += "Khaji, a senior aide number " + std::to_string(i) + ", left. ";
  Tagged t(text);
  t.per("Ali Asghar Khaji");
  std::vector<Entity> entities = t.entities();
  for (uint32_t i = 0; i < t.seg().tokens.size(); ++i) {
    const Token& k = t.seg().tokens[i];
    if (t.span(k.start, k.end) == "Khaji" && k.start > 10) {
      entities.push_back(Entity{k.start, k.end, i, 1, EntityType::kPerson});
    }
  }
  const auto start = std::chrono::steady_clock::now();
  const People people = find_people(t.seg(), entities);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_EQ(people.persons.size(), 1u);
  EXPECT_EQ(people.persons[0].mentions.size(), 20001u);
  EXPECT_EQ(people.persons[0].roles.size(), 32u);
  EXPECT_LT(seconds, 5.0);
}

}  // namespace
}  // namespace tidings::facts
