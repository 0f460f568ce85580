#!/usr/bin/env bash
# Collecting from a local news web (scripts/newsweb.py: the sample outlets
# served on 127.0.0.1 with Atom, RSS, a discovered feed and news sitemaps
# named in robots.txt, and a troubled outlet): every article arrives once, a second round adds
# nothing, and a run killed with -9 resumes without loss or duplicates.
source "$(dirname "$0")/lib.bash"

start_newsweb
# Every sample page is an article, and so are three of the made-up Northern
# Post's nine pages (its other six are not: tests/e2e/source_health.sh);
# each outlet line says how many of its pages are articles.
expected=$(python3 -c "import json,sys; print(sum(json.loads(l)['articles'] for l in open(sys.argv[1]) if l.startswith('{')))" "$WORK/web.out")
pages=$(python3 -c "import json,sys; print(sum(1 for _ in open(sys.argv[1])))" "$TIDINGS_SOURCE_DIR/data/sample/manifest.jsonl")
check "the sample's pages plus the Northern Post's articles" test "$expected" -eq $((pages + 3))

# Every outlet of the news web as a source, through the OPML it writes.
register() { tidings --db "$1" sources import "$WORK/web.opml" >/dev/null; }

db="$WORK/run.db"
register "$db"
check "private addresses refused by default" bash -c \
  "'$TIDINGS_BIN' --db '$db' run --once --min-delay 0 2>&1 | grep -q 'private address'"
# That refused round is recorded on the sources; collect for real now.
sqlite3 "$db" "UPDATE sources SET next_poll_at = NULL"
tidings --db "$db" run --once --allow-private --min-delay 0 >"$WORK/run1.txt" 2>"$WORK/run1.err"
cat "$WORK/run1.txt"
check "every sample page collected" test "$(sqlite3 "$db" 'SELECT COUNT(*) FROM articles')" -eq "$expected"
check "no fetch errors" grep -q "fetch errors 0" "$WORK/run1.txt"
tidings --db "$db" status --json >"$WORK/status.json"
check "status per source" test "$(json_get "$WORK/status.json" "all(s['last_status'] == 200 and s['articles'] > 0 for s in j['sources'])")" = True
check "auto sources found their feeds" test "$(json_get "$WORK/status.json" "sum(1 for s in j['sources'] if s['kind'] == 'auto' and s['feed_url'])")" -eq 3
check "documents name their source" test "$(sqlite3 "$db" 'SELECT COUNT(*) FROM documents WHERE source_id IS NULL')" -eq 0

# Due again at once: feeds answer 304, nothing new is stored.
sqlite3 "$db" "UPDATE sources SET next_poll_at = NULL"
tidings --db "$db" run --once --allow-private --min-delay 0 >"$WORK/run2.txt"
cat "$WORK/run2.txt"
check "conditional GET: feeds not modified" grep -Eq "\(([4-9]|[1-9][0-9]) not modified" "$WORK/run2.txt"
check "second round adds nothing" grep -q "new articles 0" "$WORK/run2.txt"

# kill -9 in the middle of a polite run, then resume.
db2="$WORK/kill.db"
register "$db2"
"$TIDINGS_BIN" --db "$db2" run --allow-private --min-delay 1s >/dev/null 2>&1 &
pid=$!
for _ in $(seq 1 200); do
  n=$(sqlite3 "$db2" "SELECT COUNT(*) FROM articles" 2>/dev/null || echo 0)
  [ "${n:-0}" -ge 10 ] && break
  sleep 0.1
done
kill -9 "$pid"; wait "$pid" 2>/dev/null || true
before=$(sqlite3 "$db2" "SELECT COUNT(*) FROM articles")
echo "articles before kill -9: $before of $expected"
check "killed mid-run" test "$before" -lt "$expected"
check "integrity_check" test "$(sqlite3 "$db2" 'PRAGMA integrity_check')" = ok
tidings --db "$db2" run --once --allow-private --min-delay 0 >"$WORK/run3.txt"
cat "$WORK/run3.txt"
check "resumed: every page once" test "$(sqlite3 "$db2" 'SELECT COUNT(*) FROM articles')" -eq "$expected"
check "no article from a failed page" test "$(sqlite3 "$db2" "SELECT COUNT(*) FROM articles a JOIN documents d ON d.id = a.document_id WHERE d.state = 'failed'")" -eq 0
check "no URL fetched into two documents" test "$(sqlite3 "$db2" 'SELECT COUNT(*) FROM (SELECT url FROM documents GROUP BY url HAVING COUNT(*) > 1)')" -eq 0
check "frontier drained" test "$(sqlite3 "$db2" "SELECT COUNT(*) FROM frontier WHERE state != 'done'")" -eq 0
echo "run_collect: all checks passed"
