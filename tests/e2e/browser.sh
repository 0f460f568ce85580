#!/usr/bin/env bash
# The web UI in a real browser (tests/browser/run.js): Debian's chromium
# headless, driven by npm's playwright-core, with axe-core, against
# `tidings serve` on a database of the bundled sample collection (collected
# from scripts/newsweb.py on 127.0.0.1) plus a hostile page (tests/browser/hostile/) whose title, byline, body and links
# carry scripts, event handlers and javascript: URLs. Screenshots go to
# $TIDINGS_BROWSER_OUT (the build dir's browser-screenshots/). Skipped
# (exit 77) without chromium, node or npm.
source "$(dirname "$0")/lib.bash"
chromium_bin=${CHROMIUM:-/usr/bin/chromium}
for tool in "$chromium_bin" node npm; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool is not installed (scripts/install-deps.sh)"; exit 77; }
done
browser_dir="$TIDINGS_SOURCE_DIR/tests/browser"
out="${TIDINGS_BROWSER_OUT:-$WORK/screenshots}"
npm ci --prefix "$browser_dir" --no-audit --no-fund --loglevel=error

# The sample collection, collected from the local news web (so the sources
# page has sources, with their health and volume), plus the hostile page.
db="$WORK/t.db"
start_newsweb
for _ in $(seq 1 50); do [ -s "$WORK/web.opml" ] && break; sleep 0.1; done
tidings --db "$db" sources import "$WORK/web.opml" >/dev/null
tidings --db "$db" run --once --allow-private --min-delay 0 >"$WORK/run.txt" 2>"$WORK/run.err"
cat "$WORK/run.txt"
tidings --db "$db" ingest --quiet "$browser_dir/hostile"
start_server "$db"
CHROMIUM="$chromium_bin" node "$browser_dir/run.js" "$BASE_URL" "$out"
stop_server
echo "browser: all checks passed"
