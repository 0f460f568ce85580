#!/usr/bin/env bash
# `make demo`: starts the bundled local news web (scripts/newsweb.py: the
# sample outlets on 127.0.0.1 with their feeds and sitemaps, and a troubled
# outlet whose blocked, paywalled and JavaScript-only pages `status` flags),
# registers its outlets as sources, collects them with the real fetcher,
# then serves the web UI until Ctrl-C. Needs no network and no ../shared.
set -euo pipefail
bin=${1:?tidings binary}
db=${2:?database path}
listen=${3:-127.0.0.1:8080}
root=$(cd "$(dirname "$0")/.." && pwd)

rm -f "$db" "$db-wal" "$db-shm"
web_out=$(mktemp)
opml="$web_out.opml"
python3 "$root/scripts/newsweb.py" --opml "$opml" >"$web_out" &
web_pid=$!
trap 'kill $web_pid 2>/dev/null || true; rm -f "$web_out" "$opml"' EXIT
for _ in $(seq 1 100); do grep -q '^ready' "$web_out" && break; sleep 0.1; done
grep -q '^ready' "$web_out" || { echo "demo: the local news web did not start" >&2; exit 1; }

"$bin" --db "$db" sources import "$opml"
"$bin" --db "$db" run --once --allow-private --min-delay 0 --quiet
"$bin" --db "$db" status
"$bin" --db "$db" serve --listen "$listen"
