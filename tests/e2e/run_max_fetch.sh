#!/usr/bin/env bash
# `tidings run --max-fetch N`: a run stops after N frontier fetches and the
# rest waits in the frontier; 0 only polls; the next run goes on from there.
source "$(dirname "$0")/lib.bash"

start_newsweb
trap 'kill $WEB_PID 2>/dev/null || true; cleanup' EXIT
# Articles the news web serves (its troubled outlet also serves pages that
# are not articles: they are stored as documents but give no article).
articles=$(python3 -c "import json,sys; print(sum(json.loads(l)['articles'] for l in open(sys.argv[1]) if l.startswith('{')))" "$WORK/web.out")

db="$WORK/max.db"
tidings --db "$db" sources import "$WORK/web.opml" >/dev/null
pending() { sqlite3 "$db" "SELECT COUNT(*) FROM frontier WHERE state = 'pending'"; }

tidings --db "$db" run --once --allow-private --min-delay 0 --max-fetch 0 >"$WORK/poll.txt"
cat "$WORK/poll.txt"
expected=$(sed -n 's/.*items [0-9]* (\([0-9]*\) new).*/\1/p' "$WORK/poll.txt")
check "the poll found every page" test "${expected:-0}" -gt "$articles"
check "--max-fetch 0 polls" test "$(pending)" -eq "$expected"
check "--max-fetch 0 fetches nothing" grep -q "pages fetched 0," "$WORK/poll.txt"
check "--max-fetch 0 stores nothing" test "$(sqlite3 "$db" 'SELECT COUNT(*) FROM documents')" -eq 0

tidings --db "$db" run --once --allow-private --min-delay 0 --max-fetch 7 >"$WORK/seven.txt"
cat "$WORK/seven.txt"
check "--max-fetch 7 fetches 7" grep -q "pages fetched 7," "$WORK/seven.txt"
check "the rest waits in the frontier" test "$(pending)" -eq $((expected - 7))
check "7 documents stored" test "$(sqlite3 "$db" 'SELECT COUNT(*) FROM documents')" -eq 7

# Without --once the run ends too, once its fetches are spent.
timeout 60 "$TIDINGS_BIN" --db "$db" run --allow-private --min-delay 0 --max-fetch 30 >"$WORK/thirty.txt" \
  || fail "a continuous run with --max-fetch 30 did not end by itself"
cat "$WORK/thirty.txt"
check "a continuous run stops at its limit" grep -q "pages fetched 30," "$WORK/thirty.txt"
check "the rest still waits" test "$(pending)" -eq $((expected - 37))

# The next run without a limit takes the rest, each page once.
tidings --db "$db" run --once --allow-private --min-delay 0 >"$WORK/rest.txt"
cat "$WORK/rest.txt"
check "frontier drained" test "$(pending)" -eq 0
check "every page once" test "$(sqlite3 "$db" 'SELECT COUNT(*) FROM documents')" -eq "$expected"
check "every article once" test "$(sqlite3 "$db" 'SELECT COUNT(*) FROM articles')" -eq "$articles"
echo "run_max_fetch: all checks passed"
