// extract_article: input checks, then the steps of extract.h in order.
#include "extract/extract.h"

#include <cstring>
#include <exception>
#include <new>

#include "extract/content.h"
#include "extract/dates.h"
#include "extract/dom.h"
#include "extract/html_parser.h"
#include "extract/language.h"
#include "extract/metadata.h"
#include "extract/page_kind.h"
#include "extract/paragraphs.h"
#include "extract/source_links.h"
#include "extract/text_ops.h"
#include "extract/visible_dates.h"
#include "text/charset.h"

namespace tidings {

namespace {

using namespace extract_detail;

constexpr size_t kBinarySample = 64 * 1024;

bool is_blank(std::string_view bytes) {
  for (char c : bytes) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f') return false;
  }
  return true;
}

// NUL bytes or many control characters: an image, an archive, a PDF stream.
bool looks_binary(std::string_view text) {
  const std::string_view sample = text.substr(0, kBinarySample);
  size_t nul = 0, control = 0;
  for (char ch : sample) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == 0) {
      ++nul;
    } else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F) {
      ++control;
    }
  }
  return nul * 200 > sample.size() || (nul + control) * 20 > sample.size();
}

// Some tag-like "<x", "</", "<!" anywhere.
bool has_markup(std::string_view text) {
  size_t pos = 0;
  while ((pos = text.find('<', pos)) != std::string_view::npos) {
    if (++pos >= text.size()) break;
    const char c = text[pos];
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '!' || c == '/') return true;
  }
  return false;
}

std::string join_paragraphs(const std::vector<std::string>& paragraphs) {
  std::string text;
  for (const std::string& p : paragraphs) {
    if (!text.empty()) text += "\n\n";
    text += p;
  }
  return text;
}

Result<Extraction> extract(std::string_view bytes, const ExtractOptions& options) {
  if (is_blank(bytes)) return fail(ErrorCode::kInvalidInput, "empty document");
  if (bytes.size() > options.max_bytes) {
    return fail(ErrorCode::kTooLarge, "document is " + std::to_string(bytes.size()) +
                                          " bytes, more than the limit of " +
                                          std::to_string(options.max_bytes));
  }
  auto decoded = decode_html_bytes(bytes, options.content_type);
  if (!decoded) return tl::unexpected<Error>(decoded.error());
  if (looks_binary(decoded->utf8) || decoded->invalid_bytes * 10 > bytes.size()) {
    return fail(ErrorCode::kInvalidInput, "not HTML: binary content");
  }
  if (!has_markup(decoded->utf8)) return fail(ErrorCode::kInvalidInput, "not HTML: no markup");

  Extraction result;
  if (decoded->replaced > 0) {
    const std::string what = decoded->charset == "UTF-8" ? "UTF-8" : decoded->charset;
    result.warnings.push_back("invalid " + what + ": " + std::to_string(decoded->invalid_bytes) +
                              " bytes replaced");
  }
  auto doc = parse_html(std::move(decoded->utf8));
  if (!doc) return tl::unexpected<Error>(doc.error());

  Dom dom = build_dom(doc->get());
  const Instant now = options.now == Instant{} ? now_seconds() : options.now;
  const MetaTags meta = collect_meta(dom);
  const JsonLd ld = read_json_ld(dom);
  const std::string base = base_url(dom, options.url);
  Article& article = result.article;
  std::string declared_language;
  PageDates dates;
  fill_metadata(dom, meta, ld, options.url, base, article, dates, declared_language);

  mark_boilerplate(dom);
  const std::vector<int32_t> roots = choose_content(dom);
  std::vector<std::string> paragraphs = body_paragraphs(dom, roots);
  drop_head_repeats(paragraphs, article.title);
  article.text = join_paragraphs(paragraphs);
  if (article.text.empty()) result.warnings.push_back("no article text found");
  // Dates: the metadata's and the URL's; the shown one when there is none.
  std::optional<PageDate> shown;
  if (dates.published.empty()) {
    shown = find_visible_date(dom, roots, paragraphs.empty() ? "" : paragraphs[0], now);
  }
  settle_dates(dates, shown, options.url, article.canonical_url, now, article, result.warnings);
  article.source_links =
      find_source_links(dom, meta, base, options.url, article.canonical_url, roots, paragraphs);
  PageVerdict verdict = classify_page(dom, meta, article);
  result.page_kind = verdict.kind;
  result.page_reason = std::move(verdict.reason);
  // The tree is done with (meta and ld point into it and are not read
  // again): freed before CLD2's own working memory joins it at the peak.
  dom = Dom();
  doc->reset();
  article.language = detect_language(article.title, article.text, declared_language);
  return result;
}

}  // namespace

Result<Extraction> extract_article(std::string_view bytes, const ExtractOptions& options) {
  try {
    return extract(bytes, options);
  } catch (const std::bad_alloc&) {
    return fail(ErrorCode::kTooLarge, "out of memory while extracting");
  } catch (const std::exception& e) {
    return fail(ErrorCode::kInternal, std::string("extraction failed: ") + e.what());
  }
}

}  // namespace tidings
