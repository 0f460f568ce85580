#!/usr/bin/env bash
# `tidings cluster`: stories in input order, the same event together, and
# bad lines (invalid JSON, missing fields, empty text, a 10 MB text, a line
# past --max-line-bytes) each reported in place with a clear error.
source "$(dirname "$0")/lib.bash"
in="$WORK/articles.jsonl"
cat >"$in" <<'JSONL'
{"id": "chile-1", "title": "Magnitude 8.8 earthquake strikes Chile", "text": "A magnitude 8.8 earthquake struck near Concepcion, Chile, on Saturday. Officials in Santiago said hundreds died.", "published_at": "2010-02-27T07:00:00Z", "language": "en"}
{"id": "lakers-1", "title": "Lakers beat Celtics in Boston", "text": "Kobe Bryant scored 40 points as the Los Angeles Lakers beat the Boston Celtics 104-98.", "published_at": "2010-02-27T08:00:00Z", "language": "en"}
{"id": "chile-2", "title": "Chile quake toll rises", "text": "The toll of the 8.8 earthquake near Concepcion rose on Sunday, Chile's President Michelle Bachelet said in Santiago.", "published_at": "2010-02-28T09:00:00Z", "language": "en"}
not json at all
{"title": "no id here", "text": "some text"}
{"id": "no-text"}
{"id": "empty", "title": "", "text": "   "}
{"id": "bad-time", "title": "Chile", "text": "Quake", "published_at": "yesterday"}
{"id": 7, "title": "Bryant leads Lakers past Celtics", "text": "Kobe Bryant had 40 points and the Lakers beat the Celtics 104-98 in Boston.", "language": "en"}
JSONL
set +e
tidings cluster "$in" >"$WORK/out.jsonl" 2>"$WORK/err.txt"
rc=$?
set -e
cat "$WORK/out.jsonl" "$WORK/err.txt"
check "exit code 1 when a line is bad" [ "$rc" = 1 ]
check "one output line per input line" [ "$(wc -l <"$WORK/out.jsonl")" = 9 ]
python3 - "$WORK/out.jsonl" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
assert [r.get("id") for r in rows] == ["chile-1", "lakers-1", "chile-2", None, None, "no-text", "empty", "bad-time", 7], rows
assert rows[0]["story"] == rows[2]["story"] == 1, rows
assert rows[1]["story"] == rows[8]["story"] == 2, rows
for i in (3, 4, 5, 6, 7):
    assert rows[i]["error"]["code"] == "invalid_input" and rows[i]["line"] == i + 1, rows[i]
print("ok: stories and errors in input order")
PY
check "the error names the line" grep -q 'articles.jsonl:4: not JSON' "$WORK/err.txt"
check "missing id is named" grep -q ':5: no "id"' "$WORK/err.txt"
check "missing title and text are named" grep -q ':6: no "title" and no "text"' "$WORK/err.txt"
check "empty text is named" grep -q ':7: nothing to cluster' "$WORK/err.txt"
check "a bad time is named" grep -q ':8: "published_at" is not an RFC 3339 time' "$WORK/err.txt"

# Standard input, the same result.
tidings cluster - <"$in" >"$WORK/stdin.jsonl" 2>/dev/null || true
check "stdin gives the same output" cmp -s "$WORK/out.jsonl" "$WORK/stdin.jsonl"

# A 10 MB text is clustered (read up to a bound) in bounded time; a line over
# --max-line-bytes is refused with too_large and the next line still served.
python3 - "$WORK/big.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], "w") as f:
    f.write(json.dumps({"id": "big", "title": "Big", "text": "earthquake Chile " * 600000}) + "\n")
    f.write(json.dumps({"id": "after", "title": "Chile earthquake", "text": "Chile earthquake"}) + "\n")
PY
start=$(date +%s)
tidings cluster "$WORK/big.jsonl" >"$WORK/big.out" 2>"$WORK/big.err"
check "a 10 MB text is clustered within 20 s" [ $(( $(date +%s) - start )) -lt 20 ]
check "both big-file lines answered" [ "$(wc -l <"$WORK/big.out")" = 2 ]
set +e
tidings cluster --max-line-bytes 1000000 "$WORK/big.jsonl" >"$WORK/big2.out" 2>"$WORK/big2.err"
rc=$?
set -e
check "an over-long line is refused (exit 1)" [ "$rc" = 1 ]
check "too_large in its place" grep -q '"code":"too_large"' "$WORK/big2.out"
check "the next line is still clustered" grep -q '"id":"after","story":1' "$WORK/big2.out"

# A missing file is an error of its own.
set +e
tidings cluster "$WORK/absent.jsonl" 2>"$WORK/absent.err"
rc=$?
set -e
check "a missing file exits 2" [ "$rc" = 2 ]
check "and says so" grep -q 'absent.jsonl: cannot open' "$WORK/absent.err"
echo "PASS"
