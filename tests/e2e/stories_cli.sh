#!/usr/bin/env bash
# Copies and stories end to end, until the pipeline writes them: ingest the
# sample WARC, file its Lindsay Lohan articles in story 1 (one of them a
# copy) with plain SQL, let `tidings reextract` bring the story's counts up
# to date (re-extraction keeps the links and refreshes the story), then
# read them back through `tidings stories`, `story`, `article --json` and
# the HTTP API and pages.
source "$(dirname "$0")/lib.bash"
command -v sqlite3 >/dev/null || { echo "SKIP: no sqlite3 command"; exit 77; }
db="$WORK/t.db"
tidings --db "$db" ingest --quiet "$TIDINGS_SOURCE_DIR/data/sample/sample.warc.gz" >/dev/null

sqlite3 "$db" "
INSERT INTO stories(id, created_at) VALUES (1, '2026-01-01T00:00:00Z');
INSERT INTO article_links(article_id, story_id, url_key)
  SELECT id, 1, url FROM articles WHERE title LIKE '%Lohan%';
UPDATE article_links SET copy_of = (SELECT MIN(article_id) FROM article_links),
  copy_similarity = 0.93, copy_reason = 'near:earliest'
  WHERE article_id = (SELECT MAX(article_id) FROM article_links);"
n=$(sqlite3 "$db" "SELECT COUNT(*) FROM article_links")
outlets=$(sqlite3 "$db" "SELECT COUNT(DISTINCT outlet) FROM articles WHERE title LIKE '%Lohan%'")
original=$(sqlite3 "$db" "SELECT MIN(article_id) FROM article_links")
copy=$(sqlite3 "$db" "SELECT MAX(article_id) FROM article_links")
check "the sample has a story to file" test "$n" -ge 3

tidings --db "$db" stories --json >"$WORK/before.json"
check "an empty story is not listed" test "$(json_get "$WORK/before.json" "len(j)")" -eq 0
tidings --db "$db" reextract --quiet >/dev/null
tidings --db "$db" stories --json >"$WORK/stories.json"
check "one story" test "$(json_get "$WORK/stories.json" "len(j)")" -eq 1
check "its articles counted" test "$(json_get "$WORK/stories.json" "j[0]['article_count']")" -eq "$n"
check "its outlets counted" test "$(json_get "$WORK/stories.json" "j[0]['outlet_count']")" -eq "$outlets"
check "it has a first report" test "$(json_get "$WORK/stories.json" "j[0]['first_reported_by']['outlet'] is not None")" = True

tidings --db "$db" story 1 --json >"$WORK/story.json"
check "the copy is folded under its original" test "$(json_get "$WORK/story.json" \
  "[len(a['copies']) for a in j['articles'] if a['id'] == $original][0]")" -eq 1
check "coverage buckets" test "$(json_get "$WORK/story.json" "sum(b['articles'] for b in j['coverage']['buckets'])")" -eq "$n"
tidings --db "$db" story 1 | head -4

tidings --db "$db" article "$copy" --json >"$WORK/copy.json"
check "article copy_of" test "$(json_get "$WORK/copy.json" "j['copy_of']['id']")" -eq "$original"
check "article story" test "$(json_get "$WORK/copy.json" "j['story']")" -eq 1
tidings --db "$db" article "$original" --json >"$WORK/orig.json"
check "article copies" test "$(json_get "$WORK/orig.json" "j['copies'][0]['id']")" -eq "$copy"

start_server "$db"
curl -fsS "$BASE_URL/api/stories?sort=coverage" >"$WORK/api.json"
check "api lists the story" test "$(json_get "$WORK/api.json" "j['stories'][0]['id']")" -eq 1
curl -fsS "$BASE_URL/api/stories/1" >"$WORK/api1.json"
check "api story = cli story" test "$(json_get "$WORK/api1.json" "j['articles']")" = "$(json_get "$WORK/story.json" "j['articles']")"
curl -fsS "$BASE_URL/stories/1" >"$WORK/story.html"
check "story page has the chart" grep -q '<svg class="chart"' "$WORK/story.html"
check "story page folds the copy" grep -q '<summary>1 copy</summary>' "$WORK/story.html"
curl -fsS "$BASE_URL/" >"$WORK/home.html"
check "home page lists the story" grep -q 'href="/stories/1"' "$WORK/home.html"
code=$(curl -s -o /dev/null -w '%{http_code}' "$BASE_URL/api/stories/2")
check "unknown story is a 404" test "$code" = 404
code=$(curl -s -o /dev/null -w '%{http_code}' "$BASE_URL/api/stories?sort=best")
check "bad sort is a 400" test "$code" = 400
stop_server
echo "stories_cli: all checks passed"
