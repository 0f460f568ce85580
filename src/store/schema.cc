// Migration 1: sources, documents (raw bytes zstd-compressed), articles and
// their source links; 2: the registry's poll state; 3: the crawl frontier;
// 4: the fetch log; 5: poll warnings; 6: article metadata; 7: copies and
// stories; 8: facts. Later issues append migrations; never edit one that has shipped.
#include "store/schema.h"

namespace tidings {

namespace {

constexpr std::string_view kMigration1 = R"sql(
CREATE TABLE sources (
  id          INTEGER PRIMARY KEY,
  url         TEXT NOT NULL UNIQUE,
  name        TEXT,
  kind        TEXT NOT NULL DEFAULT 'auto',
  created_at  TEXT NOT NULL
);

CREATE TABLE documents (
  id            INTEGER PRIMARY KEY,
  source_id     INTEGER REFERENCES sources(id),
  url           TEXT NOT NULL,
  final_url     TEXT,
  origin        TEXT,
  http_status   INTEGER NOT NULL DEFAULT 0,
  headers       TEXT,
  content_type  TEXT,
  fetched_at    TEXT NOT NULL,
  content_hash  TEXT NOT NULL,          -- XXH3-128 of the raw bytes, hex
  raw_size      INTEGER NOT NULL,
  raw_zstd      BLOB NOT NULL,          -- zstd frame of the raw bytes
  state         TEXT NOT NULL DEFAULT 'new' CHECK (state IN ('new', 'extracted', 'failed')),
  error_stage   TEXT,
  error_code    TEXT,
  error         TEXT,
  attempts      INTEGER NOT NULL DEFAULT 0,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  UNIQUE (url, content_hash)
);
CREATE INDEX documents_state ON documents(state);

CREATE TABLE articles (
  id                 INTEGER PRIMARY KEY,
  document_id        INTEGER NOT NULL UNIQUE REFERENCES documents(id) ON DELETE CASCADE,
  url                TEXT,
  canonical_url      TEXT,
  title              TEXT,
  byline             TEXT,
  published_at       TEXT,
  language           TEXT,
  site_name          TEXT,
  outlet             TEXT,
  image              TEXT,
  text               TEXT NOT NULL,
  sort_time          TEXT NOT NULL,     -- published_at, else the document's fetched_at
  extractor_version  INTEGER NOT NULL,
  extracted_at       TEXT NOT NULL
);
CREATE INDEX articles_sort ON articles(sort_time DESC, id DESC);
CREATE INDEX articles_canonical ON articles(canonical_url);

CREATE TABLE source_links (
  article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  url         TEXT NOT NULL,
  text        TEXT,
  kind        TEXT NOT NULL,
  PRIMARY KEY (article_id, position)
);
CREATE INDEX source_links_url ON source_links(url);
)sql";

// Migration 2: the source registry's schedule and state (collect).
constexpr std::string_view kMigration2 = R"sql(
ALTER TABLE sources ADD COLUMN every_seconds INTEGER NOT NULL DEFAULT 900;
ALTER TABLE sources ADD COLUMN enabled INTEGER NOT NULL DEFAULT 1;
ALTER TABLE sources ADD COLUMN feed_url TEXT;
ALTER TABLE sources ADD COLUMN etag TEXT;
ALTER TABLE sources ADD COLUMN last_modified TEXT;
ALTER TABLE sources ADD COLUMN last_fetch_at TEXT;
ALTER TABLE sources ADD COLUMN next_poll_at TEXT;
ALTER TABLE sources ADD COLUMN last_status INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sources ADD COLUMN last_error TEXT;
ALTER TABLE sources ADD COLUMN items_found INTEGER NOT NULL DEFAULT 0;
CREATE INDEX documents_source ON documents(source_id);
)sql";

// Migration 3: the crawl frontier. Every item URL a feed or sitemap names
// is a row; it stays 'pending' until its fetch is stored, so a killed run
// resumes where it stopped and never fetches a URL twice.
constexpr std::string_view kMigration3 = R"sql(
CREATE TABLE frontier (
  id               INTEGER PRIMARY KEY,
  source_id        INTEGER REFERENCES sources(id) ON DELETE SET NULL,
  url              TEXT NOT NULL UNIQUE,
  title            TEXT,
  published_at     TEXT,
  state            TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done', 'failed')),
  discovered_at    TEXT NOT NULL,
  next_attempt_at  TEXT NOT NULL,
  attempts         INTEGER NOT NULL DEFAULT 0,
  last_status      INTEGER NOT NULL DEFAULT 0,
  last_error       TEXT,
  document_id      INTEGER REFERENCES documents(id)
);
CREATE INDEX frontier_due ON frontier(state, next_attempt_at);
CREATE INDEX frontier_source ON frontier(source_id);
)sql";

// Migration 4: the fetch log, one row per page fetched for a source and
// what it turned out to be, from which source health is computed
// (docs/collecting.md "Source health"). Documents collected before it are
// entered from what the store knows of them (an article or a failure).
constexpr std::string_view kMigration4 = R"sql(
CREATE TABLE fetch_log (
  id           INTEGER PRIMARY KEY,
  source_id    INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  url          TEXT NOT NULL,
  fetched_at   TEXT NOT NULL,
  http_status  INTEGER NOT NULL DEFAULT 0,
  outcome      TEXT NOT NULL CHECK (outcome IN ('article', 'blocked', 'paywalled',
                 'needs_javascript', 'empty', 'failed', 'error', 'unchanged')),
  text_length  INTEGER NOT NULL DEFAULT 0,  -- characters of the article's text
  document_id  INTEGER REFERENCES documents(id) ON DELETE SET NULL
);
CREATE INDEX fetch_log_source ON fetch_log(source_id, fetched_at);
CREATE INDEX fetch_log_document ON fetch_log(document_id);
INSERT INTO fetch_log(source_id, url, fetched_at, http_status, outcome, text_length, document_id)
  SELECT d.source_id, d.url, d.fetched_at, d.http_status,
         CASE WHEN a.id IS NOT NULL THEN 'article' ELSE 'failed' END,
         COALESCE(LENGTH(a.text), 0), d.id
  FROM documents d LEFT JOIN articles a ON a.document_id = d.id
  WHERE d.source_id IS NOT NULL AND d.state != 'new'
  ORDER BY d.id;
)sql";

// Migration 5: what the last poll of a source warned about (a feed with
// more new items than one poll adds, ...), apart from its error.
constexpr std::string_view kMigration5 = R"sql(
ALTER TABLE sources ADD COLUMN last_warning TEXT;
)sql";

// 6: the article metadata of the extraction issue (authors and tags as JSON
// arrays of strings) and the agency a source link credits.
constexpr std::string_view kMigration6 = R"sql(
ALTER TABLE articles ADD COLUMN authors TEXT;
ALTER TABLE articles ADD COLUMN modified_at TEXT;
ALTER TABLE articles ADD COLUMN utc_offset_minutes INTEGER;
ALTER TABLE articles ADD COLUMN section TEXT;
ALTER TABLE articles ADD COLUMN tags TEXT;
ALTER TABLE source_links ADD COLUMN agency TEXT;
)sql";

// 7: copies and stories. What dedup and clustering decide about an article
// sits in a table of its own rather than in `articles`, so that loading
// every fingerprint at start-up does not read every article's text, and
// re-extraction (which rewrites the article row) keeps it. A story's
// counts are kept current as articles join (Store::set_article_links), so
// lists of stories are one indexed read.
constexpr std::string_view kMigration7 = R"sql(
CREATE TABLE stories (
  id                  INTEGER PRIMARY KEY,   -- the clusterer's story number
  headline            TEXT,                  -- the first reporting article's title
  created_at          TEXT NOT NULL,
  first_published_at  TEXT,                  -- earliest sort_time of its articles
  last_published_at   TEXT,                  -- latest sort_time of its articles
  article_count       INTEGER NOT NULL DEFAULT 0,
  outlet_count        INTEGER NOT NULL DEFAULT 0,
  first_article_id    INTEGER REFERENCES articles(id) ON DELETE SET NULL
);
CREATE INDEX stories_latest ON stories(last_published_at DESC, id DESC);
CREATE INDEX stories_coverage ON stories(outlet_count DESC, article_count DESC,
                                         last_published_at DESC, id DESC);

CREATE TABLE article_links (
  article_id       INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  url_key          TEXT,                     -- dedup::article_url_key
  fingerprint      BLOB,                     -- dedup::encode_fingerprint, opaque here
  copy_of          INTEGER REFERENCES articles(id) ON DELETE SET NULL,
  copy_similarity  REAL,
  copy_reason      TEXT,                     -- "<match>:<origin>", e.g. "near:source_link"
  story_id         INTEGER REFERENCES stories(id) ON DELETE SET NULL
);
CREATE INDEX article_links_url_key ON article_links(url_key);
CREATE INDEX article_links_copy_of ON article_links(copy_of);
CREATE INDEX article_links_story ON article_links(story_id);
)sql";

// 8: facts (docs/facts-store.md). One row per fact of an article, in the
// order the facts stage found them (`position`; `parent` is the position of
// the figure a breakdown belongs to); `json` is the fact as the stage printed
// it, opaque to the store. article_facts_state says which facts version ran
// on an article; a trigger marks its facts stale when the article's text
// changes (re-extraction), since their offsets point into that text.
constexpr std::string_view kMigration8 = R"sql(
CREATE TABLE article_facts (
  article_id    INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  position      INTEGER NOT NULL,
  kind          TEXT NOT NULL CHECK (kind IN ('entity', 'person', 'place', 'date', 'quote',
                                              'figure')),
  sentence      INTEGER NOT NULL,
  start_offset  INTEGER NOT NULL,        -- code points into the article text
  end_offset    INTEGER NOT NULL,
  key           TEXT NOT NULL,           -- normalised identity: "killed/people", "iso:IR"...
  label         TEXT,
  value         REAL,
  qualifier     TEXT,
  attribution   TEXT,
  detail        TEXT,
  as_of         TEXT,
  lat           REAL,
  lon           REAL,
  parent        INTEGER,                 -- position of the figure it breaks down
  json          TEXT,
  PRIMARY KEY (article_id, position)
);
CREATE INDEX article_facts_key ON article_facts(kind, key);

CREATE TABLE article_facts_state (
  article_id   INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  version      INTEGER NOT NULL,
  fact_count   INTEGER NOT NULL,
  computed_at  TEXT NOT NULL,
  stale        INTEGER NOT NULL DEFAULT 0  -- 1: the text changed since
);
CREATE INDEX article_facts_state_version ON article_facts_state(version);

CREATE TRIGGER article_facts_stale AFTER UPDATE OF text ON articles
  WHEN OLD.text IS NOT NEW.text
BEGIN
  UPDATE article_facts_state SET stale = 1 WHERE article_id = NEW.id;
END;
)sql";

// 9: the top of a figure's range ("between 10 and 20": value 10, value_max
// 20), so a range is compared as the range it claims.
constexpr std::string_view kMigration9 = R"sql(
ALTER TABLE article_facts ADD COLUMN value_max REAL;
)sql";

}  // namespace

const std::vector<Migration>& migrations() {
  static const std::vector<Migration> kAll = {
      {1, kMigration1},
      {2, kMigration2},
      {3, kMigration3},
      {4, kMigration4},
      {5, kMigration5},
      {6, kMigration6},
      {7, kMigration7},
      {8, kMigration8},
      {9, kMigration9},
  };
  return kAll;
}

}  // namespace tidings
