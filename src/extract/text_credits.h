// Credits written in the article's words rather than linked: a dateline
// ("TEHRAN (IRNA) —", "PARIS, Nov 1 (Reuters) -", "MOSCOW, November 1.
// /TASS/.", "新华社北京11月1日电"), a credit phrase naming an agency
// ("according to AFP", "IRNA reported", "selon l'AFP", "berichtet dpa",
// "по данным ТАСС", "به گزارش ایرنا", "نقلا عن رويترز", "据新华社报道"), and
// credit lines ("Source: X", "— Reuters", "(AFP)", "Reporting by ...;
// Editing by ..." for Reuters, "© Agence France-Presse"). Each becomes a
// SourceLink of kind "dateline" or "credit" with an empty url (the page
// links nothing), its words as on the page and the agency's normalised name
// (agencies.h). A phrase only credits when it names an agency of the table:
// "according to officials" does not; "Source: X" credits whatever X is.
#pragma once

#include <string>
#include <vector>

#include "core/types.h"

namespace tidings::extract_detail {

/// `paragraphs`: the article's text, paragraph by paragraph (datelines are
/// looked for in the first six). `lines`: short blocks of the content the
/// text may have left out, such as copyright and "Source:" lines; only line
/// patterns are tried on them. At most one entry per agency (a dateline
/// before a credit), and one per text for credits that name no agency. Reads
/// at most about 512 KiB of text, so that huge pages cost little.
std::vector<SourceLink> find_text_credits(const std::vector<std::string>& paragraphs,
                                          const std::vector<std::string>& lines);

}  // namespace tidings::extract_detail
