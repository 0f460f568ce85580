// Is this page an article at all? Bot challenges, paywall teasers,
// JavaScript shells and empty pages are told apart from articles from the
// page alone (the HTTP status is the pipeline's part). Private to extract.
#pragma once

#include <string>
#include <string_view>

#include "core/types.h"
#include "extract/dom.h"
#include "extract/metadata.h"

namespace tidings::extract_detail {

struct PageVerdict {
  PageKind kind = PageKind::kArticle;
  std::string reason;  ///< one line for `tidings failures`; "" for an article
};

/// Decides from the parsed page and what extraction made of it. Every
/// non-article verdict needs the extracted text to be short as well as a
/// marker, so that an article which merely mentions a captcha, a paywall or
/// JavaScript stays an article.
PageVerdict classify_page(const Dom& dom, const MetaTags& meta, const Article& article);

/// Extracted text shorter than this many visible characters is "empty".
inline constexpr size_t kMinArticleChars = 80;

}  // namespace tidings::extract_detail
