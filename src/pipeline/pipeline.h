// The pipeline: passes values from one stage to the next and writes the
// results to the store at the end (DESIGN.md "The pipeline"). Stages never
// call each other; this is the only place that strings them together.
//
// ingest: inputs (files, directories, WARC) -> Documents -> Articles.
// Every document read is stored, whether or not a later stage fails; a
// failure is kept with its stage and reason and `reextract` retries it.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "collect/collect.h"
#include "core/error.h"
#include "core/types.h"
#include "extract/extract.h"
#include "store/store.h"

namespace tidings {

struct IngestCounts {
  int64_t read = 0;       ///< documents read from the inputs (and input errors)
  int64_t created = 0;    ///< new documents stored (extracted or failed)
  int64_t unchanged = 0;  ///< already stored with the same URL and bytes
  int64_t failed = 0;     ///< failed a stage in this run (read or extract)
  int64_t skipped = 0;    ///< not pages (e.g. images in a WARC): counted, not stored
};

/// What the pipeline tells its caller as it goes; the CLI prints these.
struct PipelineEvent {
  enum class Kind { kError, kWarning, kProgress };
  Kind kind = Kind::kProgress;
  std::string origin;   ///< the input concerned
  std::string message;  ///< one line
  IngestCounts counts;  ///< running totals
};
using EventSink = std::function<void(const PipelineEvent&)>;

class StoryLinker;
namespace facts {
struct FactsModels;
}

struct PipelineOptions {
  ReadOptions read;
  size_t max_page_bytes = 16u << 20;  ///< extraction size bound
  int threads = 0;                    ///< extraction threads; 0 = one per core
  size_t batch_size = 64;             ///< documents per transaction
  /// Copies and stories (story_linker.h): each new article is filed as an
  /// original or a copy and put in a story. A long-running caller (the
  /// crawler) passes one linker for all its batches; when null, ingest
  /// loads one from the store on its first article.
  bool link_stories = true;
  std::shared_ptr<StoryLinker> linker;
  /// Facts (facts/article_facts.h): each new or re-extracted article's
  /// facts are found on the extraction threads and stored with it. The
  /// models are loaded on the first article unless the caller passes them.
  bool extract_facts = true;
  std::shared_ptr<const facts::FactsModels> facts_models;
  /// Search (search/from_store.h): after each batch committed, its saved
  /// articles are indexed into the index in this directory ("" = none).
  /// An article that fails to index is a warning, never lost: it stays
  /// stored and `tidings reindex` repairs the index. An absent index is
  /// created only when `create_search_index` is set.
  std::string search_index_dir;
  bool create_search_index = false;
};

/// Reads `paths`, stores every document and the article extracted from it.
/// Fails only when the store fails; input problems are events and counts.
Result<IngestCounts> ingest_paths(Store& store, const std::vector<std::string>& paths,
                                  const PipelineOptions& options, const EventSink& events);

/// What became of one document handed to ingest_documents.
struct DocumentOutcome {
  int64_t document_id = 0;     ///< 0 when it was not stored (not a page)
  bool created = false;        ///< false: the same URL and bytes were stored already
  /// Why it is not an article: not a page, extraction failed, or a page
  /// that is not an article (code kBlocked, kPaywalled, kNeedsJavascript,
  /// kEmptyPage; the reason in the message).
  std::optional<Error> error;
  /// As written to the fetch log: "article", a page kind, "failed",
  /// "error" (not a page) or "unchanged".
  std::string outcome;
  int64_t text_length = 0;     ///< characters of the article's text
};

/// HTTP statuses that say "blocked" whatever the page shows: 403
/// Forbidden, 429 Too Many Requests, 451 Unavailable For Legal Reasons.
bool is_blocked_status(int http_status);

/// Why a fetched page is not an article, or nullopt when it is one: a
/// blocking HTTP status first, then the kind extraction found (a failed
/// extraction is not a page kind: nullopt too). Pure.
std::optional<Error> page_failure(int http_status, const Result<Extraction>& extraction);

/// Stores documents fetched by the collector, and their articles, as one
/// batch; outcomes come back in input order. Adds to `counts` when given.
/// A page that is not an article (page_failure) is stored as a failed
/// document at stage "page", never as an article. Documents with a source
/// are entered in the fetch log in the same transaction. Pages with a
/// blocking status are taken whatever their Content-Type.
Result<std::vector<DocumentOutcome>> ingest_documents(Store& store, std::vector<Document> documents,
                                                      const PipelineOptions& options,
                                                      const EventSink& events,
                                                      IngestCounts* counts = nullptr);

/// Re-runs extraction on stored raw bytes (no refetch): every document, or
/// only the failed ones. `created` counts articles (re)written.
Result<IngestCounts> reextract_documents(Store& store, bool failed_only,
                                         const PipelineOptions& options, const EventSink& events);

/// The outlet an article is filed under: its site name, else the name its
/// source has in the registry, else the host of its canonical URL (without
/// "www."), else "local file".
std::string outlet_name(const Article& article, const std::string& source_name = "");

/// True when a Content-Type names something extraction can read (HTML,
/// XHTML, or no type at all).
bool is_page_content_type(const std::string& content_type);

}  // namespace tidings
