#!/usr/bin/env bash
# Source health against the local news web: The Northern Post
# (scripts/newsweb.py) serves two Cloudflare-like challenge pages (HTTP
# 403), two paywall teasers and two JavaScript-only shells beside three
# articles. Those six pages must be failed documents with their kind, never
# articles; `status` must flag the source and no other; re-extraction keeps
# them what they are; a layout change and a coverage gap made in the
# database show up too.
source "$(dirname "$0")/lib.bash"

start_newsweb
post=$(grep '"northernpost.example"' "$WORK/web.out")
post_url=$(python3 -c "import json,sys; print(json.loads(sys.argv[1])['url'])" "$post")

db="$WORK/health.db"
tidings --db "$db" sources import "$WORK/web.opml" >/dev/null
tidings --db "$db" run --once --allow-private --min-delay 0 --quiet >"$WORK/run.txt" 2>"$WORK/run.err"
cat "$WORK/run.txt"
check "six pages are not articles" grep -q "not articles 6" "$WORK/run.txt"
check "no fetch errors" grep -q "fetch errors 0" "$WORK/run.txt"

# In `tidings failures`, each with its kind and reason.
tidings --db "$db" failures --json >"$WORK/failures.json"
kinds() { json_get "$WORK/failures.json" "sorted(f['code'] for f in j if f['stage'] == 'page')"; }
check "failures name the kinds" test "$(kinds)" = "['blocked', 'blocked', 'needs_javascript', 'needs_javascript', 'paywalled', 'paywalled']"
check "the challenge says why" test "$(json_get "$WORK/failures.json" "sum(1 for f in j if f['code'] == 'blocked' and 'HTTP 403' in f['message'] and 'cf_chl_' in f['message'])")" -eq 2
check "all from the Northern Post" test "$(json_get "$WORK/failures.json" "all(f['url'].startswith('${post_url%/feed.xml}') for f in j)")" = True

# No article was stored for them, and none is empty.
check "no article from the failed pages" test "$(sqlite3 "$db" "SELECT COUNT(*) FROM articles a JOIN documents d ON d.id = a.document_id WHERE d.state = 'failed'")" -eq 0
check "the Northern Post's three articles" test "$(sqlite3 "$db" "SELECT COUNT(*) FROM articles a JOIN documents d ON d.id = a.document_id JOIN sources s ON s.id = d.source_id WHERE s.url = '$post_url'")" -eq 3
check "no empty article" test "$(sqlite3 "$db" "SELECT COUNT(*) FROM articles WHERE LENGTH(TRIM(text)) < 80")" -eq 0
check "fetch log: one row per page" test "$(sqlite3 "$db" "SELECT COUNT(*) FROM fetch_log")" -eq "$(sqlite3 "$db" "SELECT COUNT(*) FROM documents")"

# status --json flags the Northern Post, and only it.
tidings --db "$db" status --json >"$WORK/status.json"
flags() { json_get "$WORK/status.json" "[sorted(f['code'] for f in s['health']['flags']) for s in j['sources'] if s['url'] == '$post_url'][0]"; }
check "status flags the source" test "$(flags)" = "['blocked', 'needs_javascript', 'paywalled']"
check "its counts" test "$(json_get "$WORK/status.json" "[(h['fetched'], h['articles'], h['blocked'], h['paywalled'], h['needs_javascript']) for s in j['sources'] if s['url'] == '$post_url' for h in [s['health']]][0]")" = "(9, 3, 2, 2, 2)"
check "the other sources are ok" test "$(json_get "$WORK/status.json" "sum(1 for s in j['sources'] if not s['health']['ok'])")" -eq 1
tidings --db "$db" status >"$WORK/status.txt"
check "status table shows the flags" grep -q "blocked,paywalled,needs_javascript" "$WORK/status.txt"
check "with plain reasons" grep -q "2 of 9 recent pages were behind a paywall" "$WORK/status.txt"

# Re-extraction keeps them what they are.
tidings --db "$db" reextract --failed >/dev/null 2>&1 || true
check "still no article from them" test "$(sqlite3 "$db" "SELECT COUNT(*) FROM documents WHERE state = 'failed' AND error_stage = 'page'")" -eq 6

# The API and the sources page say the same.
start_server "$db"
curl -sf "$BASE_URL/api/sources" >"$WORK/api.json"
check "API flags the source" test "$(json_get "$WORK/api.json" "[len(s['health']['flags']) for s in j['sources'] if s['url'] == '$post_url'][0]")" -eq 3
curl -sf "$BASE_URL/sources" >"$WORK/sources.html"
check "sources page flags it" grep -q '<tr class="flagged">' "$WORK/sources.html"
check "with the reason" grep -q "were empty without JavaScript" "$WORK/sources.html"
stop_server

# A layout change: the Daily Ledger's earlier articles were long, its
# recent ones (as if) a sixteenth as long; and a coverage gap: the Global
# Wire, which (as if) published every few hours, stored nothing new for ten
# days.
ledger=$(sqlite3 "$db" "SELECT id FROM sources WHERE name = 'The Daily Ledger'")
sqlite3 "$db" "UPDATE fetch_log SET text_length = 5000, fetched_at = '2026-01-01T00:00:00Z' WHERE source_id = $ledger AND id IN (SELECT id FROM fetch_log WHERE source_id = $ledger ORDER BY id LIMIT 11)"
sqlite3 "$db" "UPDATE fetch_log SET text_length = 300 WHERE source_id = $ledger AND fetched_at != '2026-01-01T00:00:00Z'"
wire=$(sqlite3 "$db" "SELECT id FROM sources WHERE name = 'Global Wire Service'")
sqlite3 "$db" "UPDATE documents SET fetched_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-10 days') WHERE source_id = $wire"
sqlite3 "$db" "UPDATE articles SET sort_time = strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-10 days', '-' || id || ' hours') WHERE document_id IN (SELECT id FROM documents WHERE source_id = $wire)"
tidings --db "$db" status --json >"$WORK/status2.json"
flag_of() { json_get "$WORK/status2.json" "[sorted(f['code'] for f in s['health']['flags']) for s in j['sources'] if s['id'] == $1][0]"; }
check "layout change flagged" test "$(flag_of "$ledger")" = "['empty_or_short']"
check "coverage gap flagged" test "$(flag_of "$wire")" = "['coverage_gap']"
echo "source_health: all checks passed"
