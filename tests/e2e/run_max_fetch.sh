#!/usr/bin/env bash
# `tidings run --max-fetch N`: a run stops after N frontier fetches and the
# rest waits in the frontier; 0 only polls; the next run goes on from there.
source "$(dirname "$0")/lib.bash"

python3 "$TIDINGS_SOURCE_DIR/scripts/newsweb.py" --opml "$WORK/web.opml" >"$WORK/web.out" 2>"$WORK/web.err" &
WEB_PID=$!
trap 'kill $WEB_PID 2>/dev/null || true; cleanup' EXIT
for _ in $(seq 1 100); do grep -q '^ready' "$WORK/web.out" && break; sleep 0.1; done
grep -q '^ready' "$WORK/web.out" || { cat "$WORK/web.err"; fail "news web did not start"; }
expected=$(python3 -c "import sys; print(sum(1 for _ in open(sys.argv[1])))" "$TIDINGS_SOURCE_DIR/data/sample/manifest.jsonl")

db="$WORK/max.db"
tidings --db "$db" sources import "$WORK/web.opml" >/dev/null
pending() { sqlite3 "$db" "SELECT COUNT(*) FROM frontier WHERE state = 'pending'"; }

tidings --db "$db" run --once --allow-private --min-delay 0 --max-fetch 0 >"$WORK/poll.txt"
cat "$WORK/poll.txt"
check "--max-fetch 0 polls" test "$(pending)" -eq "$expected"
check "--max-fetch 0 fetches nothing" grep -q "pages fetched 0," "$WORK/poll.txt"
check "--max-fetch 0 stores nothing" test "$(sqlite3 "$db" 'SELECT COUNT(*) FROM documents')" -eq 0

tidings --db "$db" run --once --allow-private --min-delay 0 --max-fetch 7 >"$WORK/seven.txt"
cat "$WORK/seven.txt"
check "--max-fetch 7 fetches 7" grep -q "pages fetched 7," "$WORK/seven.txt"
check "the rest waits in the frontier" test "$(pending)" -eq $((expected - 7))
check "7 articles stored" test "$(sqlite3 "$db" 'SELECT COUNT(*) FROM articles')" -eq 7

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
check "every page once" test "$(sqlite3 "$db" 'SELECT COUNT(*) FROM articles')" -eq "$expected"
echo "run_max_fetch: all checks passed"
