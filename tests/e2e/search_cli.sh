#!/usr/bin/env bash
# Search end to end: ingest the sample collection (which creates the index
# beside a new database), search with filters, rebuild it with each
# backend (`tidings reindex`), and ask the API and the search page over
# HTTP; a bad query is a 400 with a JSON error, a missing index a 503.
source "$(dirname "$0")/lib.bash"
db="$WORK/t.db"
sample="$TIDINGS_SOURCE_DIR/data/sample"

tidings --db "$db" ingest --quiet "$sample" >"$WORK/ingest.txt"
check "ingest created the index" test -f "$db.search/backend"
tidings --db "$db" search --json cable >"$WORK/ingested.json"
check "ingest indexed the articles" test "$(json_get "$WORK/ingested.json" "j['total']")" -ge 3

for backend in fts5 xapian; do
  tidings --db "$db" reindex --backend "$backend" >"$WORK/reindex.txt"
  cat "$WORK/reindex.txt"
  check "reindex $backend" grep -q "($backend," "$WORK/reindex.txt"
  n_articles=$(tidings --db "$db" articles --json --limit 1000 | python3 -c "import json,sys; print(len(json.load(sys.stdin)))")
  check "reindex took every article ($backend)" grep -q "reindex: $n_articles articles" "$WORK/reindex.txt"

  # The sample is ECB+ news: undersea cables cut in December 2008, a rehab...
  tidings --db "$db" search --json cable >"$WORK/cable.json"
  total=$(json_get "$WORK/cable.json" "j['total']")
  check "cable matches, stemmed ($backend)" test "$total" -ge 10
  check "cables found by cable ($backend)" test "$(json_get "$WORK/cable.json" \
    "any(h['snippet'][s:e].lower() == 'cables' for h in j['hits'] for s, e in h['highlights'])")" = True
  check "hits carry their fields ($backend)" test "$(json_get "$WORK/cable.json" \
    "all(set(h) >= {'article_id','title','url','outlet','published_at','story_id','score','snippet','highlights'} for h in j['hits'])")" = True
  check "snippets highlight the word ($backend)" test "$(json_get "$WORK/cable.json" \
    "sum(1 for h in j['hits'] for s, e in h['highlights'] if h['snippet'][s:e].lower().startswith('cable'))")" -ge 5
  check "best first ($backend)" test "$(json_get "$WORK/cable.json" \
    "all(a['score'] >= b['score'] for a, b in zip(j['hits'], j['hits'][1:]))")" = True

  outlet=$(json_get "$WORK/cable.json" "j['hits'][0]['outlet']")
  tidings --db "$db" search --json --outlet "$outlet" cable >"$WORK/outlet.json"
  check "outlet filter ($backend)" test "$(json_get "$WORK/outlet.json" \
    "len(j['hits']) >= 1 and all(h['outlet'] == '$outlet' for h in j['hits'])")" = True
  tidings --db "$db" search --json --from 2008-12-20 --to 2008-12-31 cable >"$WORK/dates.json"
  check "date filter ($backend)" test "$(json_get "$WORK/dates.json" \
    "len(j['hits']) < $total and all('2008-12-20' <= h['published_at'][:10] <= '2008-12-31' for h in j['hits'])")" = True
  tidings --db "$db" search --json '"undersea cables"' >"$WORK/phrase.json"
  phrase=$(json_get "$WORK/phrase.json" "j['total']")
  check "phrase ($backend)" test "$phrase" -ge 3 -a "$phrase" -lt "$total"
  tidings --db "$db" search --json '"undersea cables" OR lohan' >"$WORK/or.json"
  check "OR widens ($backend)" test "$(json_get "$WORK/or.json" "j['total']")" -gt "$phrase"
  tidings --db "$db" search --json 'cable NOT egypt' >"$WORK/not.json"
  check "NOT narrows ($backend)" test "$(json_get "$WORK/not.json" "j['total']")" -lt "$total"
  tidings --db "$db" search --limit 2 cable >"$WORK/text.txt"
  check "text output ($backend)" grep -q "matches" "$WORK/text.txt"
  set +e
  tidings --db "$db" search '"unbalanced' 2>"$WORK/bad.txt"; code=$?
  set -e
  check "malformed query exits 2 ($backend)" test "$code" -eq 2
  check "says what is wrong ($backend)" grep -q "quote" "$WORK/bad.txt"
done

start_server "$db"
curl -fsS "$BASE_URL/api/search?q=cable&limit=2" >"$WORK/api.json"
check "api search" test "$(json_get "$WORK/api.json" "len(j['hits'])")" -eq 2
check "api next link" test "$(json_get "$WORK/api.json" "j['next']")" = "/api/search?q=cable&limit=2&offset=2"
code=$(curl -s -o "$WORK/err.json" -w '%{http_code}' "$BASE_URL/api/search?q=%22cable")
check "bad query is a 400" test "$code" = 400
check "with a JSON error" test "$(json_get "$WORK/err.json" "'message' in j['error']")" = True
curl -fsS "$BASE_URL/api/attention?q=cable&q=lohan&interval=day&from=2008-12-01&to=2008-12-31" >"$WORK/att.json"
check "attention shape" test "$(json_get "$WORK/att.json" \
  "sorted(j) == ['buckets','from','interval','series','to'] and len(j['buckets']) == 31 and j['buckets'][0] == '2008-12-01T00:00:00Z' and [s['query'] for s in j['series']] == ['cable','lohan']")" = True
check "attention counts add up" test "$(json_get "$WORK/att.json" \
  "all(sum(s['articles']) == s['total_articles'] and len(s['outlets']) == 31 and all(o <= a for o, a in zip(s['outlets'], s['articles'])) for s in j['series'])")" = True
curl -fsS "$BASE_URL/api/search?q=cable&from=2008-12-01&to=2008-12-31&limit=200" >"$WORK/dec.json"
check "attention = matches in the range" test "$(json_get "$WORK/att.json" "j['series'][0]['total_articles']")" -eq "$(json_get "$WORK/dec.json" "j['total']")"
code=$(curl -s -o /dev/null -w '%{http_code}' "$BASE_URL/api/attention?q=cable&interval=week")
check "bad interval is a 400" test "$code" = 400
curl -fsS "$BASE_URL/search?q=cable&compare=lohan" >"$WORK/search.html"
check "search page marks matches" grep -qi "<mark>cables\?</mark>" "$WORK/search.html"
check "search page has the chart" grep -q 'data-chart-kind="attention" data-chart-src="/api/attention?q=cable&amp;q=lohan&amp;interval=day"' "$WORK/search.html"
check "search page has the table" grep -q '<table class="attention-counts">' "$WORK/search.html"
stop_server

rm -rf "$db.search"
start_server "$db"
code=$(curl -s -o "$WORK/none.json" -w '%{http_code}' "$BASE_URL/api/search?q=cable")
check "no index is a 503" test "$code" = 503
check "saying to reindex" grep -q "tidings reindex" "$WORK/none.json"
stop_server
echo "search_cli: all checks passed"
