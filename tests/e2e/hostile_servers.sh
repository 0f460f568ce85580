#!/usr/bin/env bash
# Hostile servers (tests/e2e/hostile_web.py): one run of `tidings run
# --once` against a slow drip, an endless body, a gzip bomb, a redirect
# loop, a mislabelled charset, storms of 404/500/429, a robots.txt that
# disallows everything, redirects to private addresses and a feed of
# 100,000 items, next to two healthy outlets. The run must end in bounded
# time, every hostile source with a clear error or a bounded result, and
# the healthy outlets collected completely.
source "$(dirname "$0")/lib.bash"
command -v python3 >/dev/null || { echo "SKIP: python3 is missing"; exit 77; }
command -v sqlite3 >/dev/null || { echo "SKIP: sqlite3 is missing"; exit 77; }

python3 "$TIDINGS_SOURCE_DIR/tests/e2e/hostile_web.py" --opml "$WORK/hostile.opml" \
  >"$WORK/web.out" 2>"$WORK/web.err" &
WEB_PID=$!
trap 'kill $WEB_PID 2>/dev/null || true; wait $WEB_PID 2>/dev/null || true; cleanup' EXIT
for _ in $(seq 1 300); do grep -q '^ready' "$WORK/web.out" && break; sleep 0.1; done
grep -q '^ready' "$WORK/web.out" || { cat "$WORK/web.err"; fail "hostile web did not start"; }
requests() { grep -c "^$1 \"GET $2" "$WORK/web.err" || true; }  # requests OUTLET PATH-PREFIX

# The SSRF guard first: without --allow-private nothing on 127.0.0.1 is
# contacted at all, and every source says why.
guard_db="$WORK/guard.db"
tidings --db "$guard_db" sources import "$WORK/hostile.opml" >/dev/null
before=$(wc -l <"$WORK/web.err")
timeout 60 "$TIDINGS_BIN" --db "$guard_db" run --once --min-delay 0 >/dev/null 2>&1 ||
  fail "run without --allow-private failed or hung"
tidings --db "$guard_db" status --json >"$WORK/guard.json"
check "without --allow-private every source is refused" test "$(json_get "$WORK/guard.json" \
  "all(s['last_error'] == 'refused: private address 127.0.0.1 (loopback)' for s in j['sources'])")" = True
check "and no request reached the servers" test "$(wc -l <"$WORK/web.err")" -eq "$before"

# The hostile run: loopback allowed (the servers), every other kind of
# private address still refused; short caps so that it ends quickly.
db="$WORK/hostile.db"
tidings --db "$db" sources import "$WORK/hostile.opml" >/dev/null
run_once() {  # run_once NAME: a bounded `tidings run --once`, output in $WORK/NAME.{out,err}
  local start=$SECONDS rc=0
  timeout 60 "$TIDINGS_BIN" --db "$db" run --once --allow-private=loopback --min-delay 0 \
    --timeout 5s --max-bytes 12MiB --max-new-per-poll 1000 --quiet \
    >"$WORK/$1.out" 2>"$WORK/$1.err" || rc=$?
  [ "$rc" -ne 124 ] || fail "tidings run hung (killed by timeout after 60 s)"
  [ "$rc" -eq 0 ] || { tail -20 "$WORK/$1.err"; fail "tidings run exited $rc"; }
  echo "$1: $(cat "$WORK/$1.out") in $((SECONDS - start)) s"
  LAST_RUN_SECONDS=$((SECONDS - start))
}
run_once run1
check "the hostile run took under 30 s" test "$LAST_RUN_SECONDS" -lt 30
tidings --db "$db" status --json >"$WORK/status.json"
tidings --db "$db" status >"$WORK/status.txt"
tidings --db "$db" failures --fetch --json --limit 100000 >"$WORK/failures.json"
cat "$WORK/status.txt"
tidings --db "$db" failures --fetch --limit 100000 >"$WORK/failures.txt"
awk -F'\t' '!seen[$2]++' "$WORK/failures.txt"  # the first failed page of each source

# Each source by name: its poll in `status`, its pages in `failures --fetch`.
python3 - "$WORK/status.json" "$WORK/failures.json" "$db" <<'EOF' || fail "per-source checks"
import json, sqlite3, sys
from datetime import datetime, timezone
sources = {s["name"]: s for s in json.load(open(sys.argv[1]))["sources"]}
failures = json.load(open(sys.argv[2]))
db = sqlite3.connect(sys.argv[3])
failed = False

def check(what, ok, detail=""):
    global failed
    print(("ok: " if ok else "FAIL: ") + what + ("" if ok else f" ({detail})"))
    failed |= not ok

def rows(name):  # (url, will_retry, http_status, error, next_attempt_at) of its failed pages
    return [(f["url"], f["will_retry"], f["http_status"], f["error"], f["next_attempt_at"])
            for f in failures if f["source"] == name]

def error(name):
    return sources[name]["last_error"] or ""

for name in ("healthy-alpha", "healthy-beta"):
    s = sources[name]
    check(f"{name}: every page stored", s["last_error"] is None and s["articles"] == 6
          and s["frontier_pending"] == 0 and s["frontier_failed"] == 0, s)
check("drip: timeout", error("drip").startswith("timeout: Operation timed out after 5"), error("drip"))
check("endless: too large at the cap", error("endless") == "too large: body over 12582912 bytes",
      error("endless"))
check("bomb: decompression bomb", error("bomb").startswith("too large: body over 12582912 bytes once gzip-decoded")
      and error("bomb").endswith("(a decompression bomb)"), error("bomb"))
check("loop: too many redirects", error("loop") == "too many redirects (more than 5)", error("loop"))
check("robots: disallowed", error("robots") == "disallowed by robots.txt", error("robots"))
check("private: redirect to the metadata address refused",
      error("private") == "refused: private address 169.254.169.254 (link-local)", error("private"))
got = sorted(r[3] for r in rows("private-items"))
check("private-items: both redirects refused", got == [
      "refused: private address 10.0.0.1 (private)",
      "refused: private address 169.254.169.254 (link-local)"], got)

charset = db.execute("SELECT a.text FROM articles a JOIN documents d ON d.id = a.document_id "
                     "WHERE d.source_id = ?", (sources["charset"]["id"],)).fetchall()
text = " ".join(t for (t,) in charset)
check("charset: UTF-8 under a Latin-1 header and a windows-1251 <meta> reads right",
      len(charset) == 2 and "وزارة الصحة" in text and "Городской совет" in text, text[:200])

def minutes_after_poll(name, iso):  # the retry time, in minutes after the source's poll
    when = lambda t: datetime.strptime(t, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
    return (when(iso) - when(sources[name]["last_fetch_at"])).total_seconds() / 60

s404 = rows("storm-404")
check("storm-404: 50 pages failed for good with HTTP 404", len(s404) == 50 and
      sources["storm-404"]["frontier_failed"] == 50 and
      all(not r[1] and r[2] == 404 and r[3] == "HTTP 404" for r in s404), s404[:2])
s500 = rows("storm-500")
check("storm-500: 50 pages waiting to be retried in a minute or more", len(s500) == 50 and
      sources["storm-500"]["frontier_pending"] == 50 and all(r[1] and minutes_after_poll("storm-500", r[4]) >= 1 for r in s500), s500[:3])
check("storm-500: the first answers HTTP 500, the others back off",
      sum(r[3] == "HTTP 500" for r in s500) in (1, 2, 3) and
      all(r[3] == "HTTP 500" or r[3].startswith("host backed off for ") for r in s500), s500[:3])
attempts = {f["url"].rsplit("/", 1)[1]: f["attempts"] for f in failures if f["source"] == "storm-500"}
check("storm-500: a page put off by the back-off has used no attempt",
      attempts["49"] == 0 and attempts["0"] == 1, attempts)
s429 = rows("storm-429")
check("storm-429: 50 pages retried after Retry-After (120 s)", len(s429) == 50 and
      all(r[1] and r[0].endswith("/item/0") == (r[3] == "HTTP 429") and minutes_after_poll("storm-429", r[4]) >= 2 for r in s429), s429[:3])

huge = sources["huge"]
check("huge: 100,000 items seen", huge["items_found"] == 100000, huge["items_found"])
check("huge: the bound is reported", (huge["last_warning"] or "").startswith(
      "lists 100000 items: added the newest 1000 new ones (at most 1000 per poll)"), huge["last_warning"])
urls = sorted(int(r[0].rsplit("/", 1)[1]) for r in rows("huge"))
check("huge: the newest 1000 entered the frontier", urls == list(range(99000, 100000)),
      f"{len(urls)} rows, {urls[:3]}")
check("huge: its items (on the robots outlet) are never fetched",
      huge["frontier_failed"] == 1000 and all(r[3] == "disallowed by robots.txt" for r in rows("huge")))
sys.exit(1 if failed else 0)
EOF

check "healthy outlets and the charset pages: 14 articles" \
  test "$(sqlite3 "$db" 'SELECT COUNT(*) FROM articles')" -eq 14
check "robots outlet: only robots.txt was requested" test "$(requests robots /)" -eq 1
check "storm-429: one request, then the host is left alone" test "$(requests storm-429 /item/)" -eq 1
check "storm-500: at most three requests" test "$(requests storm-500 /item/)" -le 3
check "the drip was abandoned" grep -q "^drip \"GET /feed.xml" "$WORK/web.err"
check "the bound is a warning of the run" grep -q "lists 100000 items" "$WORK/status.txt"

# A second poll of the huge feed reads it whole again (no 304: the
# validators were not kept) and adds the next 1000; nothing else is due.
sqlite3 "$db" "UPDATE sources SET next_poll_at = NULL WHERE name = 'huge'"
run_once run2
tidings --db "$db" status --json >"$WORK/status2.json"
check "second poll of the huge feed: 2000 URLs in all" \
  test "$(json_get "$WORK/status2.json" "[s['frontier_failed'] for s in j['sources'] if s['name'] == 'huge'][0]")" -eq 2000
check "second poll was a full fetch" test "$(sqlite3 "$db" "SELECT last_status FROM sources WHERE name = 'huge'")" -eq 200
check "next oldest items" test "$(sqlite3 "$db" "SELECT COUNT(*) FROM frontier WHERE url LIKE '%/a/9899%'")" -eq 10
echo "hostile_servers: all checks passed"
