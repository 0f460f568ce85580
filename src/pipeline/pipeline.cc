// Ingest and re-extraction (see pipeline.h). Documents move in batches:
// look each up in the store, extract the new ones on all cores, then write
// the batch in one transaction. Events about a document are sent only after
// its transaction committed, so "stored" is never said of something a crash
// could still take back.
#include "pipeline/pipeline.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <filesystem>
#include <map>
#include <optional>
#include <thread>

#include "core/url.h"
#include "core/utf8.h"
#include "dedup/dedup.h"
#include "facts/article_facts.h"
#include "facts/story_people.h"
#include "pipeline/fact_records.h"
#include "pipeline/story_linker.h"
#include "search/from_store.h"

namespace tidings {

namespace {

struct Pending {
  std::string origin;
  Document document;
  std::optional<Error> read_error;
  bool is_new = false;
  std::optional<Result<Extraction>> extraction;
  int64_t document_id = 0;  // reextract: the stored document
  std::string outcome;      // for the fetch log (see DocumentOutcome)
  int64_t text_length = 0;
  std::optional<Error> page_error;  // not an article (page_failure)
  dedup::Fingerprint fingerprint;   // of the extracted text, for copies
  std::optional<std::vector<FactRecord>> facts;  // when the facts pass ran
  std::optional<std::vector<std::string>> people;  // for the story linker, found with the facts models
  int64_t article_id = 0;  // the article saved, for the search index
  std::vector<int64_t> restoried;  // stored articles whose story its linking changed: reindexed too
};

// The facts of an extracted article, as the store keeps them.
std::vector<FactRecord> facts_of(const Article& article, const facts::FactsModels& models) {
  std::optional<facts::PublicationTime> published;
  if (article.published_at) {
    published = facts::PublicationTime{*article.published_at, article.utc_offset_minutes.value_or(0)};
  }
  return fact_records(facts::extract_facts(article.text, published, models));
}

Result<Extraction> extract_document(const Document& doc, const PipelineOptions& options) {
  ExtractOptions eo;
  eo.url = doc.final_url.empty() ? doc.url : doc.final_url;
  eo.content_type = doc.content_type;
  eo.max_bytes = options.max_page_bytes;
  try {
    return extract_article(doc.body, eo);
  } catch (const std::exception& e) {  // a bug in a stage must not take the run down
    return fail(ErrorCode::kInternal, std::string("extractor threw: ") + e.what());
  }
}

int worker_count(const PipelineOptions& options) {
  if (options.threads > 0) return options.threads;
  return std::max(1u, std::thread::hardware_concurrency());
}

// Extracts every pending item that needs it, on `threads` threads.
void extract_all(std::vector<Pending>& batch, const PipelineOptions& options, const facts::FactsModels* models) {
  std::vector<Pending*> work;
  for (Pending& p : batch) {
    if (p.is_new) work.push_back(&p);
  }
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t i = next++; i < work.size(); i = next++) {
      work[i]->extraction = extract_document(work[i]->document, options);
      if (options.link_stories && *work[i]->extraction) {  // on this thread: it reads every word
        work[i]->fingerprint = dedup::fingerprint((*work[i]->extraction)->article.text);
      }
      if (models && *work[i]->extraction && (*work[i]->extraction)->page_kind == PageKind::kArticle) {
        const Article& article = (*work[i]->extraction)->article;
        work[i]->facts = facts_of(article, *models);
        // The linker's people too, here rather than on the one thread that
        // writes the batch.
        if (options.link_stories) work[i]->people = facts::person_mentions(models->ner, article.title, article.text);
      }
    }
  };
  const int n = std::min<int>(worker_count(options), static_cast<int>(work.size()));
  std::vector<std::thread> threads;
  for (int t = 1; t < n; ++t) threads.emplace_back(worker);
  worker();
  for (auto& t : threads) t.join();
}

// A read error has no bytes; it is stored as an empty document whose URL
// names the input, so `tidings failures` lists it with its reason.
Document document_for_read_error(const std::string& origin) {
  Document d;
  d.origin = origin;
  const auto hash = origin.rfind('#');
  std::string path = origin.substr(0, hash);
  std::error_code ec;
  const auto absolute = std::filesystem::absolute(path, ec);
  d.url = file_url(ec ? path : absolute.string());
  if (hash != std::string::npos) d.url += origin.substr(hash);
  d.fetched_at = now_seconds();
  return d;
}

class BatchWriter {
 public:
  BatchWriter(Store& store, const PipelineOptions& options, const EventSink& events,
              IngestCounts& counts, bool log_fetches = false)
      : store_(store),
        options_(options),
        events_(events),
        counts_(counts),
        log_fetches_(log_fetches),
        linker_(options.linker),
        facts_models_(options.facts_models) {}

  // The facts models, loaded once for the whole run when facts are on.
  Result<void> load_facts_models() {
    if (!options_.extract_facts || facts_models_) return {};
    auto models = facts::load_facts_models();
    if (!models) return fail(models.error().code, "the facts models: " + models.error().message);
    facts_models_ = std::make_shared<const facts::FactsModels>(std::move(*models));
    return {};
  }

  // Ingest: look up, extract, store.
  Result<void> flush_ingest(std::vector<Pending>& batch) {
    for (Pending& p : batch) {
      if (p.read_error) continue;
      auto found = store_.find_document(p.document.url, p.document.body);
      if (!found) return tl::unexpected(found.error());
      p.is_new = !found->has_value();
      if (*found) p.document_id = **found;
    }
    if (auto e = load_facts_models(); !e) return e;
    extract_all(batch, options_, facts_models_.get());
    IngestCounts delta;
    auto r = store_.transaction([&]() -> Result<void> {
      delta = {};
      for (Pending& p : batch) {
        if (auto e = write_ingested(p, delta); !e) return e;
      }
      return {};
    });
    if (!r) return r;
    add(delta);
    report(batch);
    index_for_search(batch);
    return {};
  }

  // Reextract: the documents are stored already; extract and save.
  Result<void> flush_reextract(std::vector<Pending>& batch) {
    if (auto e = load_facts_models(); !e) return e;
    extract_all(batch, options_, facts_models_.get());
    IngestCounts delta;
    auto r = store_.transaction([&]() -> Result<void> {
      delta = {};
      for (Pending& p : batch) {
        ++delta.read;
        if (auto e = save_extraction(p.document_id, p, delta); !e) return e;
      }
      return {};
    });
    if (!r) return r;
    add(delta);
    report(batch);
    index_for_search(batch);
    return {};
  }

 private:
  // The search index follows the committed batch; what it cannot take is
  // a warning (the articles are stored; `tidings reindex` repairs it).
  void index_for_search(const std::vector<Pending>& batch) {
    if (options_.search_index_dir.empty()) return;
    std::vector<int64_t> ids;
    for (const Pending& p : batch) {
      if (p.article_id > 0) ids.push_back(p.article_id);
      ids.insert(ids.end(), p.restoried.begin(), p.restoried.end());  // their story changed
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    for (const std::string& problem :
         search::index_articles(store_, options_.search_index_dir, ids, options_.create_search_index)) {
      if (events_) events_({PipelineEvent::Kind::kWarning, "search index", problem, counts_});
    }
  }

  Result<void> write_ingested(Pending& p, IngestCounts& delta) {
    ++delta.read;
    if (p.read_error) {
      auto put = store_.put_document(document_for_read_error(p.origin));
      if (!put) return tl::unexpected(put.error());
      ++delta.failed;
      if (!put->created) return {};
      ++delta.created;
      return store_.save_failure(put->id, "read", *p.read_error);
    }
    if (!p.is_new) {
      ++delta.unchanged;
      p.outcome = "unchanged";
      return log_fetch(p);
    }
    auto put = store_.put_document(p.document);
    if (!put) return tl::unexpected(put.error());
    p.document_id = put->id;
    if (!put->created) {  // the same bytes twice in one batch
      p.is_new = false;
      ++delta.unchanged;
      p.outcome = "unchanged";
      return log_fetch(p);
    }
    ++delta.created;
    if (auto e = save_extraction(put->id, p, delta); !e) return e;
    return log_fetch(p);
  }

  // A page that is not an article is a failure at stage "page"; a failed
  // extraction one at "extract"; else the article is saved.
  Result<void> save_extraction(int64_t document_id, Pending& p, IngestCounts& delta) {
    const Result<Extraction>& ex = *p.extraction;
    p.page_error = page_failure(p.document.http_status, ex);
    p.text_length = 0;
    if (p.page_error) {
      ++delta.failed;
      p.outcome = error_code_name(p.page_error->code);
      return store_.save_failure(document_id, "page", *p.page_error);
    }
    if (!ex) {
      ++delta.failed;
      p.outcome = "failed";
      return store_.save_failure(document_id, "extract", ex.error());
    }
    const std::string outlet = outlet_name(ex->article, source_name(p.document.source_id));
    auto saved = store_.save_article(document_id, ex->article, outlet, kExtractorVersion);
    if (!saved) return tl::unexpected(saved.error());
    p.article_id = *saved;
    if (options_.link_stories) {
      if (auto e = link_article(*saved, p, ex->article, outlet); !e) return e;
    }
    if (p.facts) {
      auto stored = store_.set_article_facts(*saved, facts::kFactsVersion, *p.facts);
      // A record the store refuses is a bug of the facts pass: the article
      // is kept (without facts, so a later run computes them again).
      if (!stored && stored.error().code != ErrorCode::kInvalidInput) return stored;
      if (!stored && events_) {
        events_({PipelineEvent::Kind::kWarning, p.origin, "facts not stored: " + stored.error().message, counts_});
      }
    }

    p.outcome = "article";
    p.text_length = static_cast<int64_t>(utf8_length(ex->article.text));
    return {};
  }

  // Files a saved article as an original or a copy, in a story. An article
  // that has its links already (re-extracted) keeps them: re-extraction
  // rewrites the text, not what it was found to copy; only its fingerprint
  // follows the new text, for the copies that come later.
  Result<void> link_article(int64_t article_id, Pending& p, const Article& article, const std::string& outlet) {
    auto links = store_.article_links(article_id);
    if (!links) return tl::unexpected(links.error());
    if (*links) {
      std::string blob = dedup::encode_fingerprint(p.fingerprint);
      if ((*links)->fingerprint == blob) return {};
      ArticleLinks updated = std::move(**links);
      updated.fingerprint = std::move(blob);
      return store_.set_article_links(article_id, updated);
    }
    if (!linker_) {
      // One tagger for the facts and the stories: the linker shares the
      // facts models' when they are loaded.
      auto loaded = StoryLinker::load(store_, {}, facts_models_ ? std::optional(facts_models_->ner) : std::nullopt);
      if (!loaded) return tl::unexpected(loaded.error());
      linker_ = std::move(*loaded);
    }
    p.restoried.clear();  // a retried transaction links again
    return linker_->link(store_, article_id, article, outlet, p.fingerprint, p.people ? &*p.people : nullptr,
                         &p.restoried);
  }

  // The fetch log: collected documents only (those with a source).
  Result<void> log_fetch(const Pending& p) {
    if (!log_fetches_ || p.document.source_id <= 0) return {};
    FetchRecord r;
    r.source_id = p.document.source_id;
    r.url = p.document.url;
    r.fetched_at = p.document.fetched_at;
    r.http_status = p.document.http_status;
    r.outcome = p.outcome;
    r.text_length = p.text_length;
    r.document_id = p.document_id;
    return store_.record_fetch(r);
  }

  // The registry's name of a document's source ("" for none), looked up once.
  std::string source_name(int64_t source_id) {
    if (source_id <= 0) return "";
    auto it = source_names_.find(source_id);
    if (it == source_names_.end()) {
      auto source = store_.get_source(source_id);
      it = source_names_.emplace(source_id, source ? source->name : "").first;
    }
    return it->second;
  }

  void add(const IngestCounts& d) {
    counts_.read += d.read;
    counts_.created += d.created;
    counts_.unchanged += d.unchanged;
    counts_.failed += d.failed;
  }

  void report(const std::vector<Pending>& batch) {
    if (!events_) return;
    for (const Pending& p : batch) {
      if (p.read_error) {
        events_({PipelineEvent::Kind::kError, p.origin, p.read_error->message, counts_});
      } else if (p.page_error) {
        events_({PipelineEvent::Kind::kError, p.origin,
                 std::string("not an article (") + error_code_name(p.page_error->code) +
                     "): " + p.page_error->message,
                 counts_});
      } else if (p.extraction && !*p.extraction) {
        events_({PipelineEvent::Kind::kError, p.origin, p.extraction->error().message, counts_});
      } else if (p.extraction) {
        for (const auto& w : (*p.extraction)->warnings) {
          events_({PipelineEvent::Kind::kWarning, p.origin, w, counts_});
        }
      }
    }
    events_({PipelineEvent::Kind::kProgress, batch.empty() ? "" : batch.back().origin, "",
             counts_});
  }

  Store& store_;
  const PipelineOptions& options_;
  const EventSink& events_;
  IngestCounts& counts_;
  const bool log_fetches_;
  std::shared_ptr<StoryLinker> linker_;
  std::shared_ptr<const facts::FactsModels> facts_models_;
  std::map<int64_t, std::string> source_names_;
};

ErrorCode error_code_for(PageKind kind) {
  switch (kind) {
    case PageKind::kBlocked: return ErrorCode::kBlocked;
    case PageKind::kPaywalled: return ErrorCode::kPaywalled;
    case PageKind::kNeedsJavascript: return ErrorCode::kNeedsJavascript;
    case PageKind::kEmpty: return ErrorCode::kEmptyPage;
    case PageKind::kArticle: break;
  }
  return ErrorCode::kInternal;
}

}  // namespace

bool is_blocked_status(int http_status) {
  return http_status == 403 || http_status == 429 || http_status == 451;
}

std::optional<Error> page_failure(int http_status, const Result<Extraction>& extraction) {
  if (is_blocked_status(http_status)) {
    std::string reason = "HTTP " + std::to_string(http_status);
    if (extraction && extraction->page_kind == PageKind::kBlocked) {
      reason += ", " + extraction->page_reason;
    }
    return Error(ErrorCode::kBlocked, reason);
  }
  if (extraction && extraction->page_kind != PageKind::kArticle) {
    return Error(error_code_for(extraction->page_kind), extraction->page_reason);
  }
  return std::nullopt;
}

bool is_page_content_type(const std::string& content_type) {
  std::string type = content_type.substr(0, content_type.find(';'));
  std::transform(type.begin(), type.end(), type.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  type.erase(std::remove_if(type.begin(), type.end(),
                            [](unsigned char c) { return std::isspace(c); }),
             type.end());
  return type.empty() || type == "text/html" || type == "application/xhtml+xml";
}

std::string outlet_name(const Article& article, const std::string& source_name) {
  if (!article.site_name.empty()) return article.site_name;
  if (!source_name.empty()) return source_name;
  for (const std::string* url : {&article.canonical_url, &article.url}) {
    std::string host = url_host(*url);
    if (host.rfind("www.", 0) == 0) host.erase(0, 4);
    if (!host.empty()) return host;
  }
  return "local file";
}

Result<IngestCounts> ingest_paths(Store& store, const std::vector<std::string>& paths,
                                  const PipelineOptions& options, const EventSink& events) {
  IngestCounts counts;
  BatchWriter writer(store, options, events, counts);
  std::vector<Pending> batch;
  std::optional<Error> store_error;
  read_inputs(paths, options.read, [&](InputItem&& item) {
    if (store_error) return;
    Pending p;
    p.origin = item.origin;
    if (item.document) {
      if (!is_page_content_type(item.document->content_type)) {
        ++counts.skipped;
        return;
      }
      p.document = std::move(*item.document);
      if (p.document.origin.empty()) p.document.origin = item.origin;
    } else {
      p.read_error = item.error.value_or(Error(ErrorCode::kInternal, "no document and no error"));
      // The origin is kept beside the message; do not say it twice.
      const std::string prefix = item.origin + ": ";
      if (p.read_error->message.rfind(prefix, 0) == 0) p.read_error->message.erase(0, prefix.size());
    }
    batch.push_back(std::move(p));
    if (batch.size() >= options.batch_size) {
      if (auto r = writer.flush_ingest(batch); !r) store_error = r.error();
      batch.clear();
    }
  });
  if (!store_error && !batch.empty()) {
    if (auto r = writer.flush_ingest(batch); !r) store_error = r.error();
  }
  if (store_error) return tl::unexpected(*store_error);
  return counts;
}

Result<std::vector<DocumentOutcome>> ingest_documents(Store& store, std::vector<Document> documents,
                                                      const PipelineOptions& options,
                                                      const EventSink& events,
                                                      IngestCounts* counts) {
  std::vector<DocumentOutcome> outcomes(documents.size());
  std::vector<Pending> batch;
  std::vector<size_t> positions;  // batch index -> input index
  for (size_t i = 0; i < documents.size(); ++i) {
    if (!is_page_content_type(documents[i].content_type) &&
        !is_blocked_status(documents[i].http_status)) {
      outcomes[i].error = Error(ErrorCode::kInvalidInput,
                                "not a page: Content-Type " + documents[i].content_type);
      outcomes[i].outcome = "error";
      continue;
    }
    Pending p;
    p.origin = documents[i].url;
    p.document = std::move(documents[i]);
    if (p.document.origin.empty()) p.document.origin = p.document.url;
    batch.push_back(std::move(p));
    positions.push_back(i);
  }
  IngestCounts local;
  BatchWriter writer(store, options, events, counts ? *counts : local, /*log_fetches=*/true);
  if (!batch.empty()) {
    if (auto r = writer.flush_ingest(batch); !r) return tl::unexpected(r.error());
  }
  for (size_t b = 0; b < batch.size(); ++b) {
    DocumentOutcome& out = outcomes[positions[b]];
    out.document_id = batch[b].document_id;
    out.created = batch[b].is_new;
    out.outcome = batch[b].outcome;
    out.text_length = batch[b].text_length;
    if (batch[b].page_error) {
      out.error = batch[b].page_error;
    } else if (batch[b].extraction && !*batch[b].extraction) {
      out.error = batch[b].extraction->error();
    }
  }
  return outcomes;
}

Result<IngestCounts> reextract_documents(Store& store, bool failed_only,
                                         const PipelineOptions& options, const EventSink& events) {
  auto ids = store.document_ids(failed_only);
  if (!ids) return tl::unexpected(ids.error());
  IngestCounts counts;
  BatchWriter writer(store, options, events, counts);
  std::vector<Pending> batch;
  for (size_t i = 0; i < ids->size(); ++i) {
    auto doc = store.get_document((*ids)[i]);
    if (!doc) return tl::unexpected(doc.error());
    if (doc->error_stage == "read") continue;  // nothing was read: nothing to re-extract
    Pending p;
    p.origin = doc->document.origin.empty() ? doc->document.url : doc->document.origin;
    p.document = std::move(doc->document);
    p.document_id = doc->id;
    p.is_new = true;
    batch.push_back(std::move(p));
    if (batch.size() >= options.batch_size || i + 1 == ids->size()) {
      if (auto r = writer.flush_reextract(batch); !r) return tl::unexpected(r.error());
      batch.clear();
    }
  }
  if (!batch.empty()) {
    if (auto r = writer.flush_reextract(batch); !r) return tl::unexpected(r.error());
  }
  counts.created = counts.read - counts.failed;
  return counts;
}

}  // namespace tidings
