#!/usr/bin/env bash
# `tidings facts`: the seed paragraph's figures come out exactly (value,
# what they count, qualifier, breakdown, attribution), dates resolve against
# --published-at, offsets are code points into the text, and hostile input
# (empty, invalid UTF-8, a million digits, unbalanced quotes) never crashes.
source "$(dirname "$0")/lib.bash"
cat >"$WORK/seed.txt" <<'TXT'
Ali Asghar Khaji, a senior aide on political affairs to Iran’s foreign minister, met Alexander Lavrentiev in Tehran on Wednesday. “Such crimes can be best described as collective punishment and genocide,” Khaji said.
Since the start of the aggression, the regime has been committing war crimes in Gaza, killing at least 8,796 people, including 3,648 children and 2,290 women, according to officials. Around 2,000 people are still missing, including 1,100 children. At least 22,219 people have been wounded.
TXT
tidings facts --json --published-at 2023-11-01T12:00:00+03:30 "$WORK/seed.txt" >"$WORK/out.json"
python3 - "$WORK/out.json" "$WORK/seed.txt" <<'PY'
import json, sys
out = json.load(open(sys.argv[1]))
text = open(sys.argv[2], encoding="utf-8").read()
facts = out["facts"]
for f in facts:  # offsets are code points into the text
    assert text[f["start"]:f["end"]] == f["text"], f
figs = [f for f in facts if f["type"] == "figure"]
def fig(value):
    return next(f for f in figs if f["value"] == value)
killed = fig(8796)
assert (killed["measure"], killed["qualifier"], killed["parent"]) == ("killed/people", "at_least", None), killed
assert killed["attribution"]["text"] == "according to officials", killed
# Where it was counted: "war crimes in Gaza, killing at least 8,796", and
# its breakdown with it.
assert killed["place"]["text"] == "Gaza" and killed["place"]["name"] == "Gaza Strip", killed
assert fig(3648)["place"]["name"] == "Gaza Strip", fig(3648)
assert fig(22219)["place"] is None, fig(22219)
for v, m in ((3648, "killed/children"), (2290, "killed/women")):
    assert fig(v)["measure"] == m and figs[fig(v)["parent"]]["value"] == 8796, fig(v)
missing = fig(2000)
assert (missing["measure"], missing["qualifier"]) == ("missing/people", "around"), missing
assert fig(1100)["measure"] == "missing/children" and figs[fig(1100)["parent"]]["value"] == 2000
wounded = fig(22219)
assert (wounded["measure"], wounded["qualifier"]) == ("wounded/people", "at_least"), wounded
dates = [f for f in facts if f["type"] == "date"]
assert any(d["text"] == "Wednesday" and d["value"] == "2023-11-01" for d in dates), dates
people = {f["name"] for f in facts if f["type"] == "person"}
assert {"Ali Asghar Khaji", "Alexander Lavrentiev"} <= people, people
quote = next(f for f in facts if f["type"] == "quote" and f["kind"] == "direct")
assert quote["value"].startswith("Such crimes can be best described") and quote["speaker"]["name"] == "Ali Asghar Khaji", quote
places = {f["text"]: f for f in facts if f["type"] == "place"}
assert places["Tehran"]["country_code"] == "IR" and abs(places["Tehran"]["lat"] - 35.7) < 0.5, places.get("Tehran")
types = {f["text"]: f["entity_type"] for f in facts if f["type"] == "entity"}
assert types["Tehran"] == "GPE" and types["Iran"] == "GPE", types  # polities apart from LOC
assert types["Gaza"] == "LOC", types  # the Gaza Strip: a territory, not a polity in the gazetteer
print("ok: the seed paragraph's facts, exactly")
PY

# Without a publication time a weekday stays unresolved; the text listing works.
tidings facts --json "$WORK/seed.txt" | python3 -c '
import json, sys
d = [f for f in json.load(sys.stdin)["facts"] if f["type"] == "date" and f["text"] == "Wednesday"][0]
assert d["resolved"] is False, d
print("ok: relative dates need a publication time")'
check "plain text output lists figures" sh -c "\"$TIDINGS_BIN\" facts \"$WORK/seed.txt\" | grep -q 'killed/people at_least'"

# Hostile inputs: each exits 0 with JSON, or 1-2 with an error, never a crash.
printf '' >"$WORK/empty.txt"
printf 'abc \xff\xfe \xc3 “unbalanced quote said Mr. X\n' >"$WORK/bad.txt"
python3 -c 'print("At least " + "9" * 1000000 + " people were killed.")' >"$WORK/digits.txt"
python3 -c 'print(("\u201c" * 3000) + " he said " + ("\"" * 3001))' >"$WORK/quotes.txt"
for f in empty bad digits quotes; do
  set +e
  tidings facts --json "$WORK/$f.txt" >"$WORK/$f.json" 2>"$WORK/$f.err"
  rc=$?
  set -e
  check "$f input: no crash (exit $rc)" [ "$rc" -lt 3 ]
  if [ "$rc" = 0 ]; then python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$WORK/$f.json"; fi
done
set +e
tidings facts --published-at yesterday "$WORK/seed.txt" 2>"$WORK/err.txt"
rc=$?
set -e
check "a bad --published-at is refused" [ "$rc" = 2 ]
check "and named" grep -q 'not an RFC 3339 time' "$WORK/err.txt"

# A page: its article is extracted first and its own publication time used.
if [ -f "$SHARED/seed/seed-article.html" ]; then
  tidings facts --html --json "$SHARED/seed/seed-article.html" >"$WORK/page.json"
  python3 - "$WORK/page.json" <<'PY'
import json, sys
out = json.load(open(sys.argv[1]))
figs = {(f["value"], f["measure"], f["qualifier"]) for f in out["facts"] if f["type"] == "figure"}
for want in ((8796, "killed/people", "at_least"), (3648, "killed/children", "none"), (2290, "killed/women", "none"),
             (2000, "missing/people", "around"), (1100, "missing/children", "none"), (22219, "wounded/people", "at_least")):
    assert want in figs, (want, figs)
print("ok: the seed page's figures through --html")
# Every person of the seed page, with the role the page gives: Ahmadian is
# one the tagger misses, found by the title before his name.
people = {f["name"]: f["roles"] for f in out["facts"] if f["type"] == "person"}
assert set(people) == {"Ali Asghar Khaji", "Alexander Lavrentiev", "Ali-Akbar Ahmadian", "Vladimir Putin",
                       "Ebrahim Raeisi"}, people
role = people["Ali-Akbar Ahmadian"][0]
assert (role["title"], role["of"], role["country"]) == ("secretary", "Supreme National Security Council (SNSC)", "Iran"), role
print("ok: the seed page's five people with their roles")
PY
fi
