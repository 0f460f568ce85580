#!/usr/bin/env bash
# Feeds out with real clients: ingest the bundled sample, serve it, and have
# Debian's python3-feedparser parse every feed (latest stories and one
# story, Atom and JSON Feed) with no error flag and the expected entries;
# check the JSON Feed against its spec's required fields and the Atom
# documents against RFC 4287's; then newsboat loads the Atom feeds without a
# terminal (-x reload, -x print-unread) and counts the expected unread items.
source "$(dirname "$0")/lib.bash"
# Debian's python3-feedparser lives in /usr/bin/python3's path (a python3
# earlier on PATH, pyenv's say, may not see it).
PY=""
for p in /usr/bin/python3 python3; do
  if "$p" -c 'import feedparser' 2>/dev/null; then PY=$p; break; fi
done
[ -n "$PY" ] || { echo "SKIP: python3-feedparser is not installed (scripts/install-deps.sh)"; exit 77; }
command -v newsboat >/dev/null || { echo "SKIP: newsboat is not installed (scripts/install-deps.sh)"; exit 77; }

db="$WORK/t.db"
tidings --db "$db" ingest --quiet "$TIDINGS_SOURCE_DIR/data/sample" >"$WORK/ingest.txt"
cat "$WORK/ingest.txt"
start_server "$db"

curl -fsS "$BASE_URL/api/stories?limit=200" >"$WORK/stories.json"
n_stories=$(json_get "$WORK/stories.json" "len(j['stories'])")
check "the sample has stories" test "$n_stories" -ge 5
# The story with the most articles: copies to fold.
story=$(json_get "$WORK/stories.json" "max(j['stories'], key=lambda s: (s['article_count'], -s['id']))['id']")
curl -fsS "$BASE_URL/api/stories/$story" >"$WORK/story.json"

for f in stories.atom stories.json "stories/$story.atom" "stories/$story.json"; do
  out="$WORK/feed-$(echo "$f" | tr / _)"
  curl -fsS -D "$out.headers" "$BASE_URL/feeds/$f" >"$out"
  check "$f served" test -s "$out"
done
check "Atom content type" grep -qi '^content-type: application/atom+xml' "$WORK/feed-stories.atom.headers"
check "JSON Feed content type" grep -qi '^content-type: application/feed+json' "$WORK/feed-stories.json.headers"
etag=$(grep -i '^etag:' "$WORK/feed-stories.atom.headers" | cut -d' ' -f2- | tr -d '\r')
code=$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $etag" "$BASE_URL/feeds/stories.atom")
check "If-None-Match gives 304" test "$code" = 304
code=$(curl -s -o "$WORK/err.json" -w '%{http_code}' "$BASE_URL/feeds/stories.atom?limit=abc")
check "a bad limit is a 400" test "$code" = 400
code=$(curl -s -o /dev/null -w '%{http_code}' "$BASE_URL/feeds/stories/999999.json")
check "an unknown story is a 404" test "$code" = 404

"$PY" - "$WORK" "$story" "$BASE_URL" <<'EOF'
import json, re, sys, xml.etree.ElementTree as ET
import feedparser

work, story_id, base = sys.argv[1], int(sys.argv[2]), sys.argv[3]
stories = json.load(open(f"{work}/stories.json"))["stories"]
detail = json.load(open(f"{work}/story.json"))
A = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")
failures = []

def expect(cond, what):
    print(("ok: " if cond else "FAIL: ") + what)
    if not cond:
        failures.append(what)

def check_atom(path, n_expected, what):
    root = ET.parse(path).getroot()  # well-formed XML or an exception
    expect(root.tag == A + "feed", f"{what}: an Atom feed element")
    for name in ("id", "title", "updated", "author"):
        expect(root.find(A + name) is not None, f"{what}: feed has {name}")
    rels = {l.get("rel") for l in root.findall(A + "link")}
    expect({"self", "alternate"} <= rels, f"{what}: feed links self and alternate")
    entries = root.findall(A + "entry")
    expect(len(entries) == n_expected, f"{what}: {len(entries)} entries, expected {n_expected}")
    ids = [e.findtext(A + "id") for e in entries]
    expect(len(set(ids)) == len(ids) and all(i.startswith("tag:") for i in ids), f"{what}: unique tag: ids")
    for e in entries:
        has_author = e.find(A + "author") is not None
        expect(has_author and e.find(A + "updated") is not None and e.find(A + "title") is not None
               and e.find(A + "content") is not None, f"{what}: entry {e.findtext(A + 'id')} complete")
        for l in e.findall(A + "link"):
            expect(l.get("href", "").startswith(("http://", "https://")), f"{what}: link is http(s)")

def check_parsed(path, n_expected, what):
    d = feedparser.parse(path)
    expect(d.bozo == 0, f"{what}: feedparser bozo == 0 ({d.get('bozo_exception')})")
    expect(len(d.entries) == n_expected, f"{what}: feedparser reads {len(d.entries)} entries, expected {n_expected}")
    for e in d.entries:
        expect(bool(e.get("title")) and bool(e.get("id")), f"{what}: entry has title and id")
        expect(e.get("link", "").startswith("http"), f"{what}: entry '{e.get('title')}' links {e.get('link')}")
        expect(bool(e.get("author")), f"{what}: entry names its outlet as author")
    return d

def check_json_feed(path, n_expected, what):
    f = json.load(open(path))
    expect(f.get("version") == "https://jsonfeed.org/version/1.1", f"{what}: version 1.1")
    expect(isinstance(f.get("title"), str) and f["title"], f"{what}: title")
    expect(f.get("feed_url", "").startswith(base), f"{what}: feed_url absolute")
    expect(f.get("home_page_url", "").startswith(base), f"{what}: home_page_url absolute")
    items = f.get("items")
    expect(isinstance(items, list) and len(items) == n_expected, f"{what}: {len(items)} items, expected {n_expected}")
    for it in items:
        expect(isinstance(it.get("id"), str) and it["id"], f"{what}: item id is a string")
        expect(isinstance(it.get("content_html"), str) or isinstance(it.get("content_text"), str),
               f"{what}: item has content_html or content_text")
        for k in ("url", "external_url"):
            if k in it:
                expect(it[k].startswith(("http://", "https://")), f"{what}: item {k} is http(s)")
        for k in ("date_published", "date_modified"):
            if k in it:
                expect(bool(RFC3339.match(it[k])), f"{what}: item {k} is RFC 3339")
        for a in it.get("authors", []):
            expect(any(k in a for k in ("name", "url", "avatar")), f"{what}: author has name, url or avatar")
        outlets = it["_tidings"]["outlets"]
        expect(len(outlets) >= 1 and all(o["name"] for o in outlets), f"{what}: outlets named")
        for o in outlets:
            expect(o["name"] in it["content_text"], f"{what}: outlet {o['name']} listed in the content")
    return f

n_latest = min(30, len(stories))
check_atom(f"{work}/feed-stories.atom", n_latest, "stories.atom")
d = check_parsed(f"{work}/feed-stories.atom", n_latest, "stories.atom")
expect([e.title for e in d.entries] == [s["headline"] for s in stories[:n_latest]],
       "stories.atom: the latest stories in order")
for e, s in zip(d.entries, stories):
    expect(len(e.get("contributors", [])) == min(s["outlet_count"], 100) - 1,
           f"stories.atom: '{s['headline'][:40]}' names its other {s['outlet_count'] - 1} outlets as contributors")
top = stories[0]
expect(d.entries[0].get("published", "").startswith(top["first_published_at"][:10]),
       "stories.atom: published is the story's first report")
check_json_feed(f"{work}/feed-stories.json", n_latest, "stories.json")
dj = feedparser.parse(f"{work}/feed-stories.json")
if dj.get("version", "").startswith("json"):  # feedparser from 6.1 reads JSON Feed
    expect(dj.bozo == 0 and len(dj.entries) == n_latest, "stories.json: feedparser reads the JSON Feed")
else:
    print(f"note: feedparser {feedparser.__version__} does not read JSON Feed; checked against the spec only")

originals = detail["articles"]
n_copies = sum(len(a.get("copies", [])) for a in originals)
expect(n_copies >= 1, f"story {story_id} has copies to fold ({n_copies})")
n_story = min(200, len(originals))
check_atom(f"{work}/feed-stories_{story_id}.atom", n_story, "story.atom")
ds = check_parsed(f"{work}/feed-stories_{story_id}.atom", n_story, "story.atom")
with_copies = [a for a in originals if a.get("copies")]
content = " ".join(e.content[0].value for e in ds.entries)
expect("Also carried by" in content, "story.atom: copies listed as also carried by")
for a in with_copies:
    for c in a["copies"]:
        expect(c["outlet"] in content, f"story.atom: copy outlet {c['outlet']} named")
fs = check_json_feed(f"{work}/feed-stories_{story_id}.json", n_story, "story.json")
folded = sum(len(it["_tidings"]["outlets"]) - 1 for it in fs["items"])
expect(folded == n_copies, f"story.json: {folded} copies folded, expected {n_copies}")
dsj = feedparser.parse(f"{work}/feed-stories_{story_id}.json")
if dsj.get("version", "").startswith("json"):
    expect(dsj.bozo == 0 and len(dsj.entries) == n_story, "story.json: feedparser reads the JSON Feed")

with open(f"{work}/expected_unread", "w") as out:
    out.write(str(n_latest + n_story))
sys.exit(1 if failures else 0)
EOF

# A saved search's feed: the search index's hits for a word of the top
# story's headline, as /api/search finds them; the pages offer their feeds.
word=$(json_get "$WORK/stories.json" "[w for w in __import__('re').findall(r'[A-Za-z]{5,}', j['stories'][0]['headline'])][0].lower()")
curl -fsS "$BASE_URL/api/search?q=$word&limit=30" >"$WORK/search.json"
n_hits=$(json_get "$WORK/search.json" "len(j['hits'])")
check "the search for '$word' finds articles" test "$n_hits" -ge 1
curl -fsS "$BASE_URL/feeds/search.atom?q=$word" >"$WORK/feed-search.atom"
"$PY" - "$WORK/feed-search.atom" "$n_hits" <<'PYEOF' || fail "the search feed"
import sys, feedparser
d = feedparser.parse(sys.argv[1])
assert d.bozo == 0, d.get("bozo_exception")
assert len(d.entries) == int(sys.argv[2]), (len(d.entries), sys.argv[2])
print(f"search feed: {len(d.entries)} entries, bozo 0")
PYEOF
code=$(curl -s -o /dev/null -w '%{http_code}' "$BASE_URL/feeds/search.atom?q=%22unbalanced")
check "a malformed saved search is a 400" test "$code" = 400
curl -fsS "$BASE_URL/stories/$story" >"$WORK/story.html"
check "the story page offers its Atom feed" grep -q "rel=\"alternate\" type=\"application/atom+xml\"[^>]*href=\"/feeds/stories/$story.atom\"" "$WORK/story.html"
curl -fsS "$BASE_URL/search?q=$word" >"$WORK/search.html"
check "the search page offers the saved search's feed" grep -q "href=\"/feeds/search.atom?q=$word\"" "$WORK/search.html"

# newsboat, without a terminal: a config, a urls file and a cache of our own.
mkdir -p "$WORK/home"
printf '%s\n' "$BASE_URL/feeds/stories.atom" "$BASE_URL/feeds/stories/$story.atom" >"$WORK/urls"
printf 'auto-reload no\nshow-read-feeds yes\n' >"$WORK/newsboat.conf"
HOME="$WORK/home" newsboat -u "$WORK/urls" -c "$WORK/cache.db" -C "$WORK/newsboat.conf" -x reload \
  >"$WORK/newsboat-reload.txt" 2>&1 || { cat "$WORK/newsboat-reload.txt"; fail "newsboat reload failed"; }
HOME="$WORK/home" newsboat -u "$WORK/urls" -c "$WORK/cache.db" -C "$WORK/newsboat.conf" -x print-unread \
  >"$WORK/newsboat-unread.txt" 2>&1 || { cat "$WORK/newsboat-unread.txt"; fail "newsboat print-unread failed"; }
cat "$WORK/newsboat-unread.txt"
unread=$(grep -Eo '^[0-9]+' "$WORK/newsboat-unread.txt" | head -1)
check "newsboat counts $(cat "$WORK/expected_unread") unread items" test "$unread" = "$(cat "$WORK/expected_unread")"
stop_server
echo "feeds_out: all checks passed"
