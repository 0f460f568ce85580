#!/usr/bin/env bash
# The spine end to end: ingest the bundled sample collection, list, show,
# ingest again (nothing new), serve, and query the web UI and JSON API.
source "$(dirname "$0")/lib.bash"
db="$WORK/t.db"
sample="$TIDINGS_SOURCE_DIR/data/sample"

tidings --db "$db" ingest --quiet "$sample" >"$WORK/ingest1.txt"
cat "$WORK/ingest1.txt"
read_n=$(grep -Eo 'read [0-9]+' "$WORK/ingest1.txt" | grep -Eo '[0-9]+')
new_n=$(grep -Eo 'new [0-9]+' "$WORK/ingest1.txt" | grep -Eo '[0-9]+')
check "sample read" test "$read_n" -ge 20
check "all new on first ingest" test "$new_n" -eq "$read_n"
check "nothing failed" grep -q 'failed 0' "$WORK/ingest1.txt"

tidings --db "$db" ingest --quiet "$sample" >"$WORK/ingest2.txt"
cat "$WORK/ingest2.txt"
check "second ingest adds nothing" grep -q "new 0, unchanged $read_n" "$WORK/ingest2.txt"

tidings --db "$db" articles --json --limit 1000 >"$WORK/list.json"
check "articles listed" test "$(json_get "$WORK/list.json" "len(j)")" -eq "$read_n"
check "newest first" test "$(json_get "$WORK/list.json" \
  "all((a['published_at'] or a['fetched_at']) >= (b['published_at'] or b['fetched_at']) for a, b in zip(j, j[1:]))")" = True
check "every article has title and text" test "$(json_get "$WORK/list.json" \
  "all(a['title'] and len(a['text']) > 200 for a in j)")" = True
check "WARC documents carry their URLs" test "$(json_get "$WORK/list.json" \
  "sum(1 for a in j if a['url'].startswith('http'))")" -ge 5

seed_id=$(json_get "$WORK/list.json" \
  "[a['id'] for a in j if any('agency.example' in (l['url'] or '') for l in a['source_links'])][0]")
tidings --db "$db" article --json "$seed_id" >"$WORK/one.json"
for field in id url canonical_url title byline published_at language site_name image text source_links outlet fetched_at; do
  check "article has $field" test "$(json_get "$WORK/one.json" "'$field' in j")" = True
done
tidings --db "$db" article "$seed_id" | head -3
tidings --db "$db" failures

start_server "$db"
curl -fsS "$BASE_URL/" >"$WORK/index.html"
check "home lists the seed article" grep -q "Senior Iranian, Russian diplomats" "$WORK/index.html"
curl -fsS "$BASE_URL/articles/$seed_id" >"$WORK/article.html"
check "article page shows the source link" grep -q 'href="https://agency.example/detail/2023/11/01/iran-russia-diplomats-gaza"' "$WORK/article.html"
curl -fsS "$BASE_URL/api/articles?limit=5" >"$WORK/api.json"
check "api list" test "$(json_get "$WORK/api.json" "len(j['articles'])")" -eq 5
curl -fsS "$BASE_URL/api/articles/$seed_id" >"$WORK/api1.json"
check "api article = cli article" test "$(json_get "$WORK/api1.json" "j['source_links']")" = "$(json_get "$WORK/one.json" "j['source_links']")"
code=$(curl -s -o "$WORK/err.json" -w '%{http_code}' "$BASE_URL/api/articles?limit=abc")
check "bad query is a 400" test "$code" = 400
check "error object" test "$(json_get "$WORK/err.json" "'message' in j['error']")" = True
code=$(curl -s -o /dev/null -w '%{http_code}' "$BASE_URL/api/articles/999999")
check "unknown article is a 404" test "$code" = 404
stop_server
echo "ingest_serve: all checks passed"
