#!/usr/bin/env bash
# Exports end to end: ingest the bundled sample, export articles, stories
# and facts as JSON lines and CSV (read back by Python's csv module), with
# date and outlet filters; the sources as OPML imported into a fresh store;
# the raw documents as WARC (plain and gzip) ingested into a fresh store,
# which must hold the same articles.
source "$(dirname "$0")/lib.bash"
db="$WORK/t.db"
tidings --db "$db" ingest --quiet "$TIDINGS_SOURCE_DIR/data/sample" >"$WORK/ingest.txt"
cat "$WORK/ingest.txt"
tidings --db "$db" articles --json --limit 1000 >"$WORK/articles.json"
n=$(json_get "$WORK/articles.json" "len(j)")

tidings export --db "$db" --what articles --format jsonl --out "$WORK/a.jsonl"
check "one JSON line per article" test "$(wc -l <"$WORK/a.jsonl")" -eq "$n"
tidings --db "$db" export --what articles --format csv >"$WORK/a.csv"
tidings --db "$db" export --what stories --format jsonl --out "$WORK/s.jsonl"
tidings --db "$db" export --what stories --format csv --out "$WORK/s.csv"
tidings --db "$db" export --what facts --format jsonl --out "$WORK/f.jsonl"
tidings --db "$db" export --what facts --format csv --out "$WORK/f.csv"
curl_free_stories=$(tidings --db "$db" stories --json --limit 1000 | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')

python3 - "$WORK" "$curl_free_stories" <<'EOF'
import csv, json, sys
work, n_stories = sys.argv[1], int(sys.argv[2])
listed = json.load(open(f"{work}/articles.json"))
failures = []
def expect(cond, what):
    print(("ok: " if cond else "FAIL: ") + what)
    if not cond:
        failures.append(what)

lines = [json.loads(l) for l in open(f"{work}/a.jsonl", encoding="utf-8")]
by_id = {a["id"]: a for a in listed}
expect(sorted(a["id"] for a in lines) == sorted(by_id), "JSON lines: every article once")
expect(all(a["title"] == by_id[a["id"]]["title"] and a["text"] == by_id[a["id"]]["text"] for a in lines),
       "JSON lines: the API's fields and values")
expect(all("copies" in a and "story" in a for a in lines), "JSON lines: relations included")
with open(f"{work}/a.csv", newline="", encoding="utf-8") as f:
    rows = list(csv.DictReader(f, strict=True))
expect(len(rows) == len(listed), f"CSV: {len(rows)} rows, expected {len(listed)}")
expect(all(r["text"] == by_id[int(r["id"])]["text"] and r["title"] == by_id[int(r["id"])]["title"] for r in rows),
       "CSV: multi-line texts and titles read back unchanged")
stories = [json.loads(l) for l in open(f"{work}/s.jsonl")]
expect(len(stories) == n_stories, f"stories: {len(stories)} lines, expected {n_stories}")
with open(f"{work}/s.csv", newline="", encoding="utf-8") as f:
    srows = list(csv.DictReader(f, strict=True))
expect([int(r["id"]) for r in srows] == [s["id"] for s in stories], "stories CSV = stories JSON lines")
facts = [json.loads(l) for l in open(f"{work}/f.jsonl")]
with open(f"{work}/f.csv", newline="", encoding="utf-8") as f:
    frows = list(csv.DictReader(f, strict=True))
expect(len(facts) > 0, f"facts exported ({len(facts)})")
expect(len(frows) == len(facts), "facts CSV = facts JSON lines")
expect(all(f["article"] in by_id and f["kind"] for f in facts), "facts name their article")
sys.exit(1 if failures else 0)
EOF

# Filters: a date window and an outlet, against the full list.
from=$(json_get "$WORK/articles.json" "sorted((a['published_at'] or a['fetched_at']) for a in j)[len(j)//3][:10]")
to=$(json_get "$WORK/articles.json" "sorted((a['published_at'] or a['fetched_at']) for a in j)[2*len(j)//3][:10]")
tidings --db "$db" export --what articles --from "$from" --to "$to" --out "$WORK/window.jsonl"
expected=$(json_get "$WORK/articles.json" "sum(1 for a in j if '$from' <= (a['published_at'] or a['fetched_at'])[:10] <= '$to')")
check "--from $from --to $to keeps $expected articles" test "$(wc -l <"$WORK/window.jsonl")" -eq "$expected"
outlet=$(json_get "$WORK/articles.json" "j[0]['outlet']")
tidings --db "$db" export --what articles --outlet "$outlet" --out "$WORK/outlet.jsonl"
expected=$(json_get "$WORK/articles.json" "sum(1 for a in j if a['outlet'].lower() == '''$outlet'''.lower())")
check "--outlet keeps its $expected articles" test "$(wc -l <"$WORK/outlet.jsonl")" -eq "$expected"

# Bad arguments are refused with exit 2 and nothing written.
set +e
tidings --db "$db" export --what bogus >/dev/null 2>"$WORK/err1"; rc1=$?
tidings --db "$db" export --what sources --format csv >/dev/null 2>"$WORK/err2"; rc2=$?
tidings --db "$db" export --what articles --from yesterday --out "$WORK/none" 2>"$WORK/err3"; rc3=$?
set -e
check "unknown --what is refused" test "$rc1" = 2
check "a format that does not fit is refused" test "$rc2" = 2
check "a bad date is refused" test "$rc3" = 2
check "no file after a refusal" test ! -e "$WORK/none"

# OPML: the registry, imported into a fresh store, is the same registry.
tidings --db "$db" sources add https://wire.example/feed.xml --kind feed --name 'Wire & "Co"' --every 15m >/dev/null
tidings --db "$db" sources add https://daily.example/ --kind page --every 1h >/dev/null
tidings --db "$db" sources add https://map.example/news-sitemap.xml --kind sitemap --name Map --every 30m >/dev/null
tidings --db "$db" export --what sources --out "$WORK/sources.opml"
tidings --db "$WORK/opml.db" sources import "$WORK/sources.opml"
tidings --db "$db" sources list --json >"$WORK/src1.json"
tidings --db "$WORK/opml.db" sources list --json >"$WORK/src2.json"
# OPML needs a title: a source without a name comes back named by its host.
shape="sorted((s['url'], s['name'] or s['url'].split('/')[2], s['kind'], s['every_seconds']) for s in j)"
check "OPML round trip keeps url, name, kind and interval" \
  test "$(json_get "$WORK/src1.json" "$shape")" = "$(json_get "$WORK/src2.json" "$shape")"

# WARC: export the raw documents, ingest them into fresh stores.
articles_shape="sorted((a['url'], a['canonical_url'], a['title'], a['text'], a['published_at'], a['outlet'], a['fetched_at']) for a in j)"
for ext in warc warc.gz; do
  tidings --db "$db" export --what documents --out "$WORK/docs.$ext"
  check "$ext written" test -s "$WORK/docs.$ext"
  tidings --db "$WORK/$ext.db" ingest --quiet "$WORK/docs.$ext" >"$WORK/ingest-$ext.txt"
  cat "$WORK/ingest-$ext.txt"
  check "$ext: nothing failed" grep -q 'failed 0' "$WORK/ingest-$ext.txt"
  tidings --db "$WORK/$ext.db" articles --json --limit 1000 >"$WORK/articles-$ext.json"
  check "$ext: the same $n articles after the round trip" \
    test "$(json_get "$WORK/articles.json" "$articles_shape")" = "$(json_get "$WORK/articles-$ext.json" "$articles_shape")"
done
check "gzip members" test "$(head -c2 "$WORK/docs.warc.gz" | od -An -tx1 | tr -d ' ')" = 1f8b
python3 - "$WORK/docs.warc" <<'EOF'
import base64, hashlib, re, sys
data = open(sys.argv[1], "rb").read()
pos, checked = 0, 0
while pos < len(data):
    end = data.index(b"\r\n\r\n", pos)
    head = data[pos:end].decode()
    length = int(re.search(r"Content-Length: (\d+)", head).group(1))
    block = data[end + 4:end + 4 + length]
    want = re.search(r"WARC-Block-Digest: sha1:(\S+)", head).group(1)
    assert base64.b32encode(hashlib.sha1(block).digest()).decode() == want, "block digest"
    m = re.search(r"WARC-Payload-Digest: sha1:(\S+)", head)
    if "WARC-Type: response" in head:
        payload = block[block.index(b"\r\n\r\n") + 4:]
        assert base64.b32encode(hashlib.sha1(payload).digest()).decode() == m.group(1), "payload digest"
    pos = end + 4 + length + 4
    checked += 1
print(f"ok: {checked} WARC records with correct sha1 digests")
EOF
# --out naming a pipe (or /dev/null) writes into it: the temporary file and
# rename that protect a regular file would replace the pipe with a file.
mkfifo "$WORK/pipe"
cat "$WORK/pipe" >"$WORK/piped.jsonl" &
reader=$!
tidings --db "$db" export --what articles --out "$WORK/pipe" 2>"$WORK/pipe.err" || fail "export into a pipe"
wait "$reader"
check "the pipe is still a pipe" test -p "$WORK/pipe"
check "the articles went through the pipe" test "$(wc -l <"$WORK/piped.jsonl")" -ge 1

echo "export: all checks passed"
