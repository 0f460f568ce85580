// The people an article names for the story clusterer
// (src/facts/story_people.h): groups named as "the <plural>" are left out.
#include "facts/story_people.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace tidings::facts {
namespace {

bool group_at(const std::string& text, const std::string& name) {
  const size_t start = text.find(name);
  EXPECT_NE(start, std::string::npos) << name;
  return names_a_group(text, start, name);
}

TEST(StoryPeople, TheBeforeOnePluralWordIsAGroup) {
  EXPECT_TRUE(group_at("Manning threw for the Colts on Sunday.", "Colts"));
  EXPECT_TRUE(group_at("The Chargers won.", "Chargers"));
  EXPECT_TRUE(group_at("A visit by the Clintons.", "Clintons"));
}

TEST(StoryPeople, PeopleAreNotGroups) {
  // Not after "the", or more than one word, or not plural.
  EXPECT_FALSE(group_at("Reggie Wayne caught it, Jennings said.", "Jennings"));
  EXPECT_FALSE(group_at("Coach Tony Dungy of the team.", "Tony Dungy"));
  EXPECT_FALSE(group_at("said the Rev. Jesse Jackson.", "Jesse Jackson"));
  EXPECT_FALSE(group_at("the Vincent Jackson case", "Vincent Jackson"));
  EXPECT_FALSE(group_at("in the Hague", "Hague"));
  // "the" must be a word of its own: "breathe" is not "the".
  EXPECT_FALSE(group_at("breathe Stevens", "Stevens"));
  // At the start of the text, too short, or nothing before it.
  EXPECT_FALSE(group_at("Colts won", "Colts"));
  EXPECT_FALSE(names_a_group("the", 0, ""));
  EXPECT_FALSE(names_a_group("the s", 4, "s"));
}

TEST(StoryPeople, MentionsLeaveGroupsOut) {
  auto model = NerModel::load_default();
  ASSERT_TRUE(model) << model.error().message;
  const std::vector<std::string> people = person_mentions(
      *model, "Colts beat Jaguars",
      "Peyton Manning threw two touchdown passes as the Colts beat the Jaguars 24-17. "
      "Manning found Reggie Wayne twice, and the Colts clinched the division.");
  EXPECT_NE(std::find(people.begin(), people.end(), "Peyton Manning"), people.end());
  EXPECT_NE(std::find(people.begin(), people.end(), "Reggie Wayne"), people.end());
  EXPECT_EQ(std::find(people.begin(), people.end(), "Colts"), people.end());
  EXPECT_EQ(std::find(people.begin(), people.end(), "Jaguars"), people.end());
}

TEST(StoryPeople, NoModelNoPeople) {
  EXPECT_TRUE(person_mentions(NerModel(), "Peyton Manning", "Peyton Manning threw.").empty());
}

}  // namespace
}  // namespace tidings::facts
