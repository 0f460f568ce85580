// What class and id attributes say about an element: boilerplate ("share",
// "related", "sidebar", ...), content ("article", "entry", ...), or an
// article body by name ("entry-content", itemprop=articleBody). Substring
// tests for long words, token tests for short ones ("ad" must not match
// "header"); no regular expressions.
#pragma once

#include "extract/dom.h"

namespace tidings::extract_detail {

/// What one class or id string says.
struct ClassVerdict {
  bool negative = false;  ///< boilerplate-like
  bool positive = false;  ///< content-like
  bool strong = false;    ///< boilerplate-like even when also content-like
  bool body = false;      ///< names an article body
};
ClassVerdict classify_value(std::string_view value);

/// Sets Node::class_weight and the kNegativeClass, kPositiveClass,
/// kStrongNegative and kBodyHint flags from the verdicts on the node's class
/// and id and from its itemprop.
void apply_verdicts(Node& node, const ClassVerdict& cls, const ClassVerdict& id,
                    std::string_view itemprop);

/// True when a class names a social post embedded in the story
/// ("twitter-tweet", "social-media-embed"): quoted content, kept whatever
/// its link density.
bool names_embedded_post(std::string_view value);

/// readability's class weight for one class or id string: +25 content-like,
/// -25 boilerplate-like, 0 both or neither.
int class_weight(std::string_view value);

}  // namespace tidings::extract_detail
