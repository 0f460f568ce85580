#!/usr/bin/env bash
# The source registry: add, list, remove, and an OPML round trip through
# export and import (as Miniflux and newsboat users move their lists).
source "$(dirname "$0")/lib.bash"
db="$WORK/s.db"
tidings --db "$db" sources add https://daily.example/feed.xml --kind feed --name "The Daily" --every 10m
tidings --db "$db" sources add https://wire.example/
tidings --db "$db" sources add https://news.example/sitemap-news.xml --kind sitemap --every 1h
check "a URL registers once" bash -c "! '$TIDINGS_BIN' --db '$db' sources add https://daily.example/feed.xml 2>'$WORK/dup.txt'"
check "the duplicate names the existing source" grep -q "registered already as source 1" "$WORK/dup.txt"
check "non-http refused" bash -c "! '$TIDINGS_BIN' --db '$db' sources add 'javascript:alert(1)' 2>/dev/null"
check "bad interval refused" bash -c "! '$TIDINGS_BIN' --db '$db' sources add https://x.example/ --every soon 2>/dev/null"
check "bad kind refused" bash -c "! '$TIDINGS_BIN' --db '$db' sources add https://x.example/ --kind rss 2>/dev/null"
tidings --db "$db" sources list
tidings --db "$db" sources list --json >"$WORK/list.json"
check "three sources" test "$(json_get "$WORK/list.json" "len(j)")" -eq 3
check "interval stored" test "$(json_get "$WORK/list.json" "j[0]['every_seconds']")" -eq 600
check "never fetched yet" test "$(json_get "$WORK/list.json" "j[0]['last_fetch_at']")" = None

tidings --db "$db" sources export >"$WORK/out.opml"
cat "$WORK/out.opml"
check "export is well-formed OPML 2.0" python3 - "$WORK/out.opml" <<'PY'
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
assert root.tag == "opml" and root.get("version") == "2.0"
outlines = root.findall("./body/outline")
assert any(o.get("xmlUrl") == "https://daily.example/feed.xml" and o.get("type") == "rss" and o.get("title") == "The Daily" for o in outlines)
assert len(outlines) == 3
PY

# A reader's export, with categories, HTML entities in titles and a non-feed link.
cat >"$WORK/reader.opml" <<'OPML'
<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><head><title>Miniflux</title></head><body>
<outline text="World" title="World">
  <outline title="Wire &amp; Co" text="Wire &amp; Co" xmlUrl="https://wire.example/rss" htmlUrl="https://wire.example/" type="rss"/>
  <outline title="Daily" text="Daily" xmlUrl="https://daily.example/feed.xml" type="rss"/>
</outline>
<outline text="Bad" xmlUrl="ftp://bad.example/feed"/>
</body></opml>
OPML
tidings --db "$db" sources import "$WORK/reader.opml" >"$WORK/import.txt"
cat "$WORK/import.txt"
check "import counts" grep -q "added 1, already registered 1, skipped 1" "$WORK/import.txt"
tidings --db "$db" sources list --json >"$WORK/list2.json"
check "imported name unescaped" test "$(json_get "$WORK/list2.json" "[s['name'] for s in j if s['url']=='https://wire.example/rss'][0]")" = "Wire & Co"

fresh="$WORK/fresh.db"
tidings --db "$fresh" sources import "$WORK/out.opml" >/dev/null
tidings --db "$fresh" sources list --json >"$WORK/list3.json"
check "round trip keeps every source" test "$(json_get "$WORK/list3.json" "len(j)")" -eq 3
check "round trip keeps kinds and intervals" test "$(json_get "$WORK/list3.json" "[(s['kind'], s['every_seconds']) for s in j]")" = \
  "[('feed', 600), ('auto', 900), ('sitemap', 3600)]"

tidings --db "$db" sources remove 2
check "removed" test "$(tidings --db "$db" sources list --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')" -eq 3
check "removing twice fails" bash -c "! '$TIDINGS_BIN' --db '$db' sources remove 2 2>/dev/null"
echo "sources: all checks passed"
