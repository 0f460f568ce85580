#!/usr/bin/env bash
# Copies and stories end to end: ingest the sample collection (aggregators'
# copies of agency stories, and independent reports of the same events),
# check that the pipeline filed copies under their originals and articles
# in stories, that `tidings reextract` keeps those links, then read them
# back through `tidings stories`, `story`, `article --json` and the HTTP API
# and pages.
source "$(dirname "$0")/lib.bash"
command -v sqlite3 >/dev/null || { echo "SKIP: no sqlite3 command"; exit 77; }
db="$WORK/t.db"
tidings --db "$db" ingest --quiet "$TIDINGS_SOURCE_DIR/data/sample" >/dev/null

articles=$(sqlite3 "$db" "SELECT COUNT(*) FROM articles")
linked=$(sqlite3 "$db" "SELECT COUNT(*) FROM article_links WHERE story_id IS NOT NULL AND fingerprint IS NOT NULL")
check "every article has a story and a fingerprint" test "$linked" -eq "$articles"
# Against the sample's ground truth (data/sample/manifest.jsonl): every
# syndicated copy whose original is in the sample is found, with the right
# original, and nothing else is called a copy; no story mixes two events.
sqlite3 -separator '|' "$db" "SELECT a.canonical_url, COALESCE(o.canonical_url, ''), l.story_id
  FROM article_links l JOIN articles a ON a.id = l.article_id
  LEFT JOIN articles o ON o.id = l.copy_of" >"$WORK/links.txt"
python3 - "$TIDINGS_SOURCE_DIR/data/sample/manifest.jsonl" "$WORK/links.txt" >"$WORK/truth.txt" <<'PY'
import itertools, json, sys
man = {r['url']: r for r in map(json.loads, open(sys.argv[1], encoding='utf-8'))}
got = {}
for line in open(sys.argv[2], encoding='utf-8'):
    url, original, story = line.rstrip('\n').split('|')
    got[url] = (original or None, int(story))
gold = {u for u, r in man.items() if r['copy_of'] in got}
found = {u for u, g in got.items() if g[0]}
right = {u for u in found if u in man and got[u][0] == man[u]['copy_of']}
def event(u):  # a copy's event is its original's
    r = man[u]
    return man[r['copy_of']]['story'] if r['copy_of'] in man else (r['story'] or u)
together = [(a, b) for a, b in itertools.combinations(sorted(got), 2) if got[a][1] == got[b][1]]
mixed = sum(1 for a, b in together if event(a) != event(b))
print(len(gold), len(found), len(right), mixed)
PY
read -r gold found right mixed <"$WORK/truth.txt"
echo "copies: $found found, $right right, $gold in the ground truth; story pairs of two events: $mixed"
check "the sample's copies are found" test "$found" -eq "$gold"
check "each with its original" test "$right" -eq "$gold"
check "no story mixes two events" test "$mixed" -eq 0
check "a copy is in its original's story" test "$(sqlite3 "$db" "SELECT COUNT(*) FROM article_links c
  JOIN article_links o ON o.article_id = c.copy_of WHERE c.story_id <> o.story_id")" -eq 0
check "copy_of never leads to another copy" test "$(sqlite3 "$db" "SELECT COUNT(*) FROM article_links c
  JOIN article_links o ON o.article_id = c.copy_of WHERE o.copy_of IS NOT NULL")" -eq 0
# The story with the most articles among those holding a copy.
story=$(sqlite3 "$db" "SELECT story_id FROM article_links WHERE story_id IN
  (SELECT story_id FROM article_links WHERE copy_of IS NOT NULL)
  GROUP BY story_id ORDER BY COUNT(*) DESC, story_id LIMIT 1")
n=$(sqlite3 "$db" "SELECT COUNT(*) FROM article_links WHERE story_id = $story")
outlets=$(sqlite3 "$db" "SELECT COUNT(DISTINCT a.outlet) FROM articles a JOIN article_links l
  ON l.article_id = a.id WHERE l.story_id = $story")
copy=$(sqlite3 "$db" "SELECT MIN(article_id) FROM article_links WHERE story_id = $story AND copy_of IS NOT NULL")
original=$(sqlite3 "$db" "SELECT copy_of FROM article_links WHERE article_id = $copy")
ncopies=$(sqlite3 "$db" "SELECT COUNT(*) FROM article_links WHERE copy_of = $original")
check "the sample has a story with copies" test "$n" -ge 2

tidings --db "$db" reextract --quiet >/dev/null
check "re-extraction keeps the copy relation" \
  test "$(sqlite3 "$db" "SELECT copy_of FROM article_links WHERE article_id = $copy")" -eq "$original"
tidings --db "$db" stories --json --limit 1000 >"$WORK/stories.json"
check "stories listed" test "$(json_get "$WORK/stories.json" "len(j)")" -ge 2
check "its articles counted" test "$(json_get "$WORK/stories.json" "[s for s in j if s['id'] == $story][0]['article_count']")" -eq "$n"
check "its outlets counted" test "$(json_get "$WORK/stories.json" "[s for s in j if s['id'] == $story][0]['outlet_count']")" -eq "$outlets"
check "it has a first report" test "$(json_get "$WORK/stories.json" "[s for s in j if s['id'] == $story][0]['first_reported_by']['outlet'] is not None")" = True

tidings --db "$db" story "$story" --json >"$WORK/story.json"
check "the copy is folded under its original" test "$(json_get "$WORK/story.json" \
  "[len(a['copies']) for a in j['articles'] if a['id'] == $original][0]")" -eq "$ncopies"
check "coverage buckets" test "$(json_get "$WORK/story.json" "sum(b['articles'] for b in j['coverage']['buckets'])")" -eq "$n"
tidings --db "$db" story "$story" | head -4

tidings --db "$db" article "$copy" --json >"$WORK/copy.json"
check "article copy_of" test "$(json_get "$WORK/copy.json" "j['copy_of']['id']")" -eq "$original"
check "article story" test "$(json_get "$WORK/copy.json" "j['story']")" -eq "$story"
tidings --db "$db" article "$original" --json >"$WORK/orig.json"
check "article copies" test "$(json_get "$WORK/orig.json" "[c['id'] for c in j['copies']].count($copy)")" -eq 1

start_server "$db"
curl -fsS "$BASE_URL/api/stories?sort=coverage" >"$WORK/api.json"
check "api lists stories by coverage" test "$(json_get "$WORK/api.json" "j['stories'][0]['outlet_count'] >= j['stories'][-1]['outlet_count']")" = True
curl -fsS "$BASE_URL/api/stories/$story" >"$WORK/api1.json"
check "api story = cli story" test "$(json_get "$WORK/api1.json" "j['articles']")" = "$(json_get "$WORK/story.json" "j['articles']")"
curl -fsS "$BASE_URL/stories/$story" >"$WORK/story.html"
check "story page has the chart" grep -q '<svg class="chart"' "$WORK/story.html"
check "story page folds the copies" grep -Eq '<summary>[0-9]+ cop(y|ies)</summary>' "$WORK/story.html"
curl -fsS "$BASE_URL/" >"$WORK/home.html"
check "home page lists stories" grep -q 'href="/stories/[0-9]*"' "$WORK/home.html"
code=$(curl -s -o /dev/null -w '%{http_code}' "$BASE_URL/api/stories/999999")
check "unknown story is a 404" test "$code" = 404
code=$(curl -s -o /dev/null -w '%{http_code}' "$BASE_URL/api/stories?sort=best")
check "bad sort is a 400" test "$code" = 400
stop_server
echo "stories_cli: all checks passed"
