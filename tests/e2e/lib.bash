# Helpers for the end-to-end scripts: a temp dir cleaned on exit, checks
# that say what failed, and a server started on a free port.
set -euo pipefail

: "${TIDINGS_BIN:?set by ctest}"
: "${TIDINGS_SOURCE_DIR:?set by ctest}"
SHARED="${TIDINGS_SHARED_DATA:-$TIDINGS_SOURCE_DIR/../shared/data}"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/tidings-e2e.XXXXXX")
SERVER_PID=""
WEB_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  if [ -n "$WEB_PID" ]; then kill "$WEB_PID" 2>/dev/null || true; wait "$WEB_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

tidings() { "$TIDINGS_BIN" "$@"; }

fail() { echo "FAIL: $*" >&2; exit 1; }

check() {  # check DESCRIPTION COMMAND...
  local what=$1; shift
  if "$@"; then echo "ok: $what"; else fail "$what"; fi
}

need_shared() {
  if [ ! -d "$SHARED" ]; then
    echo "SKIP: $SHARED is absent (a user's clone has no ../shared)"; exit 77
  fi
}

# json_get FILE EXPR: evaluates a Python expression on the parsed JSON `j`.
json_get() { python3 -c "import json,sys; j=json.load(open(sys.argv[1])); print($2)" "$1"; }

# start_newsweb: runs the local news web (scripts/newsweb.py) until exit;
# its outlets as OPML in $WORK/web.opml, one JSON line each in $WORK/web.out.
start_newsweb() {
  python3 "$TIDINGS_SOURCE_DIR/scripts/newsweb.py" --opml "$WORK/web.opml" >"$WORK/web.out" 2>"$WORK/web.err" &
  WEB_PID=$!
  for _ in $(seq 1 100); do grep -q '^ready' "$WORK/web.out" && break; sleep 0.1; done
  grep -q '^ready' "$WORK/web.out" || { cat "$WORK/web.err"; fail "news web did not start"; }
}

# start_server DB: runs `tidings serve` on a free port, sets BASE_URL.
start_server() {
  local db=$1 log="$WORK/serve.log"
  # Emptied here, not only by the child's redirection: a second server in
  # the same test would otherwise race the grep below, which could read the
  # previous server's address from the old log (a refused curl, set -e).
  : >"$log"
  "$TIDINGS_BIN" --db "$db" serve --listen 127.0.0.1:0 >"$log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 100); do
    BASE_URL=$(grep -Eo 'http://127\.0\.0\.1:[0-9]+' "$log" | head -1 || true)
    [ -n "$BASE_URL" ] && return 0
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$log"; fail "server exited"; }
    sleep 0.1
  done
  cat "$log"; fail "server did not start"
}

stop_server() {
  kill -TERM "$SERVER_PID"
  local i
  for i in $(seq 1 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$SERVER_PID" 2>/dev/null && fail "server did not stop on SIGTERM"
  wait "$SERVER_PID" || fail "server exited non-zero after SIGTERM"
  SERVER_PID=""
}
