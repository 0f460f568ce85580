#!/usr/bin/env bash
# Hostile inputs: each gives one clear error line naming the input, nothing
# crashes or hangs, and the good document in the same run is still stored.
source "$(dirname "$0")/lib.bash"
in="$WORK/in"
mkdir -p "$in"
good='<html><head><title>Good page</title></head><body><article><h1>Good page</h1>'
for i in 1 2 3 4 5; do good+="<p>This paragraph number $i of the good page has enough words in it to count as the body of an article, with commas, clauses, and a full stop.</p>"; done
good+='</article></body></html>'
printf '%s' "$good" >"$in/good.html"
: >"$in/empty.html"
head -c 65536 /dev/urandom >"$in/junk.html"
python3 - "$in" <<'PY'
import gzip, sys, os
d = sys.argv[1]
# 50 MB page
with open(os.path.join(d, "huge.html"), "w") as f:
    f.write("<html><body><article>")
    para = "<p>" + "word " * 200 + "</p>\n"
    while f.tell() < 50 * 1024 * 1024:
        f.write(para)
    f.write("</article></body></html>")
# 100,000 nested tags
with open(os.path.join(d, "nested.html"), "w") as f:
    f.write("<html><body>" + "<div>" * 100000 + "<p>deep</p>" + "</div>" * 100000 + "</body></html>")
# invalid UTF-8 in a page that says it is UTF-8
body = b"<html><head><meta charset=utf-8><title>Bad bytes</title></head><body><article>"
body += b"<p>Caf\xc3 au lait \xff\xfe and more text that makes this look like a real paragraph of an article, with enough words.</p>" * 5
body += b"</article></body></html>"
open(os.path.join(d, "badutf8.html"), "wb").write(body)
def record(uri, payload, length=None):
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + payload
    n = len(http) if length is None else length
    head = (f"WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\n"
            f"WARC-Date: 2024-01-01T00:00:00Z\r\nWARC-Record-ID: <urn:uuid:{abs(hash(uri))}>\r\n"
            f"Content-Type: application/http;msgtype=response\r\nContent-Length: {n}\r\n\r\n").encode()
    return head + http + b"\r\n\r\n"
page = open(os.path.join(d, "good.html"), "rb").read()
# truncated .warc.gz: two full members, then half of a third
members = [gzip.compress(record(f"https://t.example/{i}", page.replace(b"Good page", b"Warc page %d" % i)), mtime=0) for i in range(3)]
blob = members[0] + members[1] + members[2][: len(members[2]) // 2]
open(os.path.join(d, "truncated.warc.gz"), "wb").write(blob)
# a record whose Content-Length lies (too short), followed by a good record
lying = record("https://l.example/lie", page, length=100) + record("https://l.example/after", page.replace(b"Good page", b"After the lie"))
open(os.path.join(d, "lying.warc"), "wb").write(lying)
PY
db="$WORK/bad.db"
start=$(date +%s)
timeout 120 "$TIDINGS_BIN" --db "$db" ingest "$in" >"$WORK/out.txt" 2>"$WORK/err.txt" || fail "ingest exited $?"
elapsed=$(( $(date +%s) - start ))
cat "$WORK/out.txt" "$WORK/err.txt"
echo "ingest of hostile inputs took ${elapsed}s"
for name in empty.html junk.html huge.html nested.html truncated.warc.gz lying.warc; do
  check "one error line names $name" test "$(grep -c "^error: .*$name" "$WORK/err.txt")" -ge 1
done
check "invalid UTF-8 is a warning, not a failure" grep -q "^warning: .*badutf8.html: invalid UTF-8" "$WORK/err.txt"
check "error lines are single lines" test "$(grep -vc -E '^(error|warning): ' "$WORK/err.txt" || true)" -eq 0
tidings --db "$db" articles --json --limit 100 >"$WORK/list.json"
echo "stored: $(json_get "$WORK/list.json" "sorted(a['title'] for a in j)")"
for t in "Good page" "Bad bytes" "Warc page 0" "Warc page 1" "After the lie"; do
  check "stored '$t'" test "$(json_get "$WORK/list.json" "'$t' in [a['title'] for a in j]")" = True
done
tidings --db "$db" failures >"$WORK/failures.txt"
cat "$WORK/failures.txt"
check "failures kept with reasons" test "$(wc -l <"$WORK/failures.txt")" -ge 5
# Re-running adds nothing and is just as safe.
timeout 120 "$TIDINGS_BIN" --db "$db" ingest --quiet "$in" >"$WORK/out2.txt" 2>/dev/null
check "second run adds nothing" grep -q "new 0" "$WORK/out2.txt"
echo "bad_inputs: all checks passed"
