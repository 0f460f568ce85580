#!/usr/bin/env bash
# kill -9 in the middle of an ingest leaves a consistent database that
# loses nothing it reported as stored, and a second run completes the work.
source "$(dirname "$0")/lib.bash"
in="$WORK/pages"
n=4000
python3 - "$in" "$n" <<'PY'
import os, sys
d, n = sys.argv[1], int(sys.argv[2])
os.makedirs(d)
for i in range(n):
    sub = os.path.join(d, f"{i // 500:02d}")
    os.makedirs(sub, exist_ok=True)
    paras = "".join(f"<p>Paragraph {j} of story {i}: the council met on Tuesday, officials said, "
                    f"and agreed on a plan that residents had asked for since {1990 + j}.</p>" for j in range(6))
    html = (f"<html lang=en><head><title>Story {i} - Test Times</title>"
            f"<link rel=canonical href='https://test-times.example/{i}'></head>"
            f"<body><nav><a href='/'>Home</a></nav><article><h1>Story {i}</h1>{paras}</article></body></html>")
    open(os.path.join(sub, f"story-{i:05d}.html"), "w").write(html)
PY
db="$WORK/crash.db"
"$TIDINGS_BIN" --db "$db" ingest --threads 1 "$in" >"$WORK/run1.txt" 2>&1 &
pid=$!
# Wait until some work is committed, then kill without warning.
for _ in $(seq 1 200); do
  stored=$(sqlite3 "$db" "SELECT COUNT(*) FROM articles" 2>/dev/null || echo 0)
  [ "${stored:-0}" -ge 200 ] && break
  sleep 0.05
done
kill -9 "$pid"; wait "$pid" 2>/dev/null || true
before=$(sqlite3 "$db" "SELECT COUNT(*) FROM articles")
echo "articles committed before kill -9: $before of $n"
check "killed mid-run" test "$before" -lt "$n"
check "integrity_check" test "$(sqlite3 "$db" 'PRAGMA integrity_check')" = ok
check "no document without its outcome" test "$(sqlite3 "$db" "SELECT COUNT(*) FROM documents WHERE state='new'")" -eq 0
check "every document has an article" test "$(sqlite3 "$db" "SELECT COUNT(*) FROM documents d LEFT JOIN articles a ON a.document_id=d.id WHERE a.id IS NULL")" -eq 0
tidings --db "$db" ingest --quiet "$in" >"$WORK/run2.txt"
cat "$WORK/run2.txt"
check "resumed run stores the rest" grep -q "read $n, new $((n - before)), unchanged $before, failed 0" "$WORK/run2.txt"
check "all articles stored once" test "$(sqlite3 "$db" 'SELECT COUNT(*) FROM articles')" -eq "$n"
echo "crash_consistency: all checks passed"
