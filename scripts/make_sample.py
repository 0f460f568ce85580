#!/usr/bin/env python3
"""Generate tidings' bundled sample collection in data/sample/.

The collection is a small, deterministic set of news pages of made-up outlets
(.example domains) whose article texts come from the ECB+ corpus (CC BY 3.0,
Cybulska & Vossen, LREC 2014), plus the project's seed page.  It contains

  html/<domain>/*.html   loose pages (each carries its URL in <link rel=canonical> and og:url)
  sample.warc.gz         pages of two outlets as WARC/1.1 response records
  manifest.jsonl         ground truth: one line per article (URL, outlet, time, story, copy_of, edits)
  LICENSE-ECBplus.txt, COPYING-CC-BY-3.0.txt   licence texts of ECB+

Some ECB+ stories are turned into an agency original (globalwire.example) plus
syndicated copies on other outlets, with the edits real republishing makes
(aggregator chrome and "Source link" footer, datelines, credits, teasers,
new headlines).

Needs the project's shared data (../shared/data by default); the output is
committed, so users never need it.  Standard library only.  Running it twice
gives byte-identical output.

    scripts/make_sample.py [--shared ../shared/data] [--out data/sample]
"""

import argparse
import base64
import datetime as dt
import email.utils
import gzip
import hashlib
import html
import json
import os
import random
import re
import shutil
import struct
import sys
import unicodedata
import uuid
import zlib

SEED = 20140526  # fixed: selection, paragraphing and assignments derive from it
CLUSTERS = ["1_ecb", "1_ecbplus", "6_ecb", "6_ecbplus",
            "14_ecb", "14_ecbplus", "30_ecb", "30_ecbplus"]
PER_CLUSTER = 9
MIN_BODY, MAX_BODY = 300, 2600   # characters of body text
NEAR_DUP = 0.3                   # 5-shingle containment: corpus pairs above this are not both taken

# ECB documents carry no date at all; these are fixed, plausible days per story.
BASE_DATES = {
    "1_ecb": (2008, 12, 12),
    "6_ecb": (2008, 12, 13),
    "14_ecb": (2008, 12, 13),
    "30_ecb": (2008, 12, 19),
}
# ECB documents have no headline (their first line is the lead).  Headlines written for
# the sample, faithful to each lead; documents not listed get one cut from the lead.
HEADLINES = {
    "1_1ecb": "Another star in rehab: Tara Reid enters Promises",
    "1_2ecb": "Publicist: Tara Reid checks herself into rehab",
    "1_3ecb": "Tara Reid checks into Promises rehab in Malibu",
    "1_4ecb": "Tara Reid finally checks into rehab",
    "1_5ecb": "Better late than never: Tara Reid admitted to Promises",
    "1_6ecb": "Tara Reid checks into Promises Treatment Centre, rep confirms",
    "1_8ecb": "Tara Reid checks into Promises for unspecified problem",
    "1_9ecb": "Tara Reid joins the party at exclusive rehab center",
    "1_10ecb": "Tara Reid checks into Promises Treatment Center",
    "1_11ecb": "Tara Reid enters rehab program, rep confirms",
    "1_12ecb": "Tara Reid checks into prominent Los Angeles rehab clinic",
    "1_13ecb": "Tara Reid finally enters rehab",
    "1_15ecb": "Party girl Tara Reid checks herself into rehab",
    "1_17ecb": "Tara Reid gets help for drinking, People says",
    "1_18ecb": "Notorious party girl Tara Reid checks into Malibu rehab",
    "1_19ecb": "Tara Reid seeks help at California rehab facility",
    "6_1ecb": "Chris Weitz in talks to direct 'Twilight' sequel 'New Moon'",
    "6_2ecb": "It's official: Chris Weitz to direct 'New Moon'",
    "6_3ecb": "Summit hires Chris Weitz to direct 'New Moon'",
    "6_4ecb": "'Golden Compass' director negotiating to direct 'Twilight' sequel",
    "6_5ecb": "A new dawn for 'Twilight': Weitz close to signing for sequel",
    "6_6ecb": "EW: Chris Weitz will direct 'New Moon', replacing Hardwicke",
    "6_7ecb": "'New Moon' has a new director",
    "6_8ecb": "Studio and magazine at odds over Weitz and 'Twilight' sequel",
    "6_9ecb": "Chris Weitz expected to direct 'New Moon'",
    "14_1ecb": "Fire guts Waitrose supermarket in Surrey",
    "14_2ecb": "Waitrose store reduced to ruins by suspicious blaze",
    "14_3ecb": "Police treat Banstead Waitrose fire as suspicious",
    "14_4ecb": "Waitrose supermarket in Surrey destroyed by fire",
    "14_5ecb": "Ten fire engines tackle blaze at Banstead Waitrose",
    "14_6ecb": "Evacuated residents return home after Waitrose fire",
    "14_7ecb": "Huge fire almost destroys Banstead Waitrose",
    "14_8ecb": "Huge fire destroys Waitrose store in Banstead High Street",
    "14_9ecb": "Surrey supermarket destroyed in Friday night fire",
    "14_10ecb": "Waitrose fire in Surrey 'potentially suspicious', police say",
    "30_2ecb": "Three underwater data lines cut between Europe and Asia",
    "30_8ecb": "Another break in undersea lines disrupts Europe-Asia telecoms",
    "30_13ecb": "Cable damage cuts communications across Middle East and South Asia",
    "30_14ecb": "Submarine cable failure interrupts internet in Egypt, UAE and India",
}
SECTIONS = {1: "Entertainment", 6: "Entertainment", 14: "UK", 30: "Technology"}
DATELINE = {
    "1_ecb": "LOS ANGELES", "1_ecbplus": "LOS ANGELES",
    "6_ecb": "LOS ANGELES", "6_ecbplus": "LOS ANGELES",
    "14_ecb": "BANSTEAD, England", "14_ecbplus": "WELLINGTON, England",
    "30_ecb": "CAIRO", "30_ecbplus": "JOHANNESBURG",
}

AGENCY = "globalwire.example"
AGGREGATOR = "newshub-today.example"
WARC_OUTLETS = ("metrocourier.example", "coastalherald.example")
REGULAR_OUTLETS = ["globalwire.example", "dailyledger.example", "metrocourier.example",
                   "coastalherald.example", "valleygazette.example"]

# Stories whose agency original (a wire-style document, fixed here) is syndicated, the
# headline the "retitled" copy uses, and how each copy is edited.
AGENCY_ORIGINALS = {"1_ecbplus": "1_5ecbplus", "1_ecb": "1_2ecb", "14_ecb": "14_4ecb", "30_ecb": "30_11ecb"}
RETITLES = {
    "1_ecbplus": "Lohan's lawyer says she is in rehab, but state says facility is unlicensed",
    "1_ecb": "Tara Reid enters Promises rehab clinic, publicist says",
    "14_ecb": "Banstead Waitrose a 'total loss' after suspicious blaze",
    "30_ecb": "Undersea cable damage cuts internet across Middle East and Asia",
}
COPY_PLANS = [
    ("1_ecbplus", [
        (AGGREGATOR, ["aggregator"]),
        ("dailyledger.example", ["credit", "retitled"]),
        ("metrocourier.example", ["dateline", "also-read", "credit"]),
        ("coastalherald.example", ["teaser"]),
    ]),
    ("1_ecb", [
        (AGGREGATOR, ["aggregator"]),
        ("valleygazette.example", ["dateline", "credit", "straight-quotes"]),
        ("coastalherald.example", ["credit", "drop-last"]),
    ]),
    ("14_ecb", [
        (AGGREGATOR, ["aggregator"]),
        ("metrocourier.example", ["credit", "retitled"]),
        ("dailyledger.example", ["teaser"]),
        ("valleygazette.example", ["dateline"]),          # credit in the dateline only, no link
    ]),
    ("30_ecb", [
        (AGGREGATOR, ["aggregator"]),
        ("dailyledger.example", ["dateline", "credit"]),
        ("coastalherald.example", ["retitled", "credit", "also-read"]),
        ("metrocourier.example", ["teaser"]),
        ("valleygazette.example", ["credit", "drop-last"]),
    ]),
]

STAFF = {
    "globalwire.example": ["Jane Doe", "Samuel Okafor", "Lucy Tran"],
    "dailyledger.example": ["Tom Whitfield", "Maria Alvarez", "Hannah Becker"],
    "metrocourier.example": ["Daniel Reyes", "Priya Natarajan", "Marcus Bell"],
    "coastalherald.example": ["Owen Gallagher", "Rosa Lindqvist", "Ethan Brooks"],
    "valleygazette.example": ["Claire Hobbs", "Geoffrey Pike", "Staff Reporter"],
}

MONTHS = {m: i + 1 for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"])}
MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July",
               "August", "September", "October", "November", "December"]
MON_RE = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
DATE_RES = [
    ("mdy", re.compile(r"\b" + MON_RE + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b", re.I)),
    ("dmy", re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+" + MON_RE + r",?\s+(\d{4})\b", re.I)),
    ("num", re.compile(r"\b(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})\b")),
    ("iso", re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")),
]
TIME_RE = re.compile(r"\b\d{1,2}\s*:\s*\d{2}(?:\s*:\s*\d{2})?\b")
META_WORDS = set("""published updated last posted on at by first originally filed am pm a p m
edt est pdt pst et pt gmt bst utc cet monday tuesday wednesday thursday friday saturday sunday
mon tue wed thu fri sat sun""".split())


# ---------------------------------------------------------------- helpers

def h(*parts):
    """Stable integer hash of strings."""
    return int(hashlib.md5("\x1f".join(parts).encode("utf-8")).hexdigest(), 16)


def esc(s):
    """Escape for an attribute value."""
    return html.escape(s, quote=True)


def esct(s):
    """Escape for text content (quotes stay as they are)."""
    return html.escape(s, quote=False)


def iso_z(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def long_date(t):
    return "%s %d, %d" % (MONTH_NAMES[t.month - 1], t.day, t.year)


def us_eastern(t):
    """(local time, offset hours) in US Eastern time for a UTC datetime (post-2007 rules)."""
    y = t.year
    start = dt.datetime(y, 3, 8, 7, tzinfo=dt.timezone.utc)
    while start.weekday() != 6:
        start += dt.timedelta(days=1)
    end = dt.datetime(y, 11, 1, 6, tzinfo=dt.timezone.utc)
    while end.weekday() != 6:
        end += dt.timedelta(days=1)
    off = -4 if start <= t < end else -5
    return t + dt.timedelta(hours=off), off


def iso_offset(t, off):
    return t.strftime("%Y-%m-%dT%H:%M:%S") + "%+03d:00" % off


def clock12(t):
    hr = t.hour % 12 or 12
    return "%d:%02d %s" % (hr, t.minute, "a.m." if t.hour < 12 else "p.m.")


def slugify(title, max_words=9):
    s = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii").lower()
    words = [w for w in re.split(r"[^a-z0-9]+", s) if w]
    return "-".join(words[:max_words]) or "story"


def clean(line):
    """Undo tokeniser artefacts of the corpus text (detokenised tokens)."""
    s = line.strip()
    s = re.sub(r"(\d)\s*:\s+(\d\d)", r"\1:\2", s)                 # 1: 32 PM
    s = re.sub(r"(\d)\. (\d)", r"\1.\2", s)                        # $2. 5 million
    s = re.sub(r"\b([ap])\. m\.", r"\1.m.", s)                     # p. m.
    s = re.sub(r"\b([A-Z])\. ([A-Z])\.", r"\1.\2.", s)             # L. A.
    s = re.sub(r"(\w)\. (com|net|org)\b", r"\1.\2", s)             # TMZ. com
    s = re.sub(r"‘ ([^‘’.!?]{1,60}?) ’", r"‘\1’", s)               # ‘ Catching Fire ’
    s = re.sub(r"(\w) ’ (s|t|d|m|ll|re|ve)\b", r"\1’\2", s)         # Lohan ’ s
    s = re.sub(r"(\w) ’ ", r"\1’ ", s)                              # actress ’ whereabouts
    s = re.sub(r"“ ", "“", s)
    s = re.sub(r" ”", "”", s)
    s = re.sub(r"\s+", " ", s)
    return s


def norm(s):
    return re.sub(r"[^a-z0-9]+", " ", s.lower()).strip()


def find_date(line):
    for kind, rx in DATE_RES:
        m = rx.search(line)
        if not m:
            continue
        try:
            if kind == "mdy":
                y, mo, d = int(m.group(3)), MONTHS[m.group(1)[:3].lower()], int(m.group(2))
            elif kind == "dmy":
                y, mo, d = int(m.group(3)), MONTHS[m.group(2)[:3].lower()], int(m.group(1))
            elif kind == "num":
                a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
                mo, d = (b, a) if a > 12 else (a, b)
            else:
                y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
            return dt.date(y, mo, d), m
        except (ValueError, KeyError):
            continue
    return None, None


def meta_line(line):
    """Is this short line a date/time stamp rather than text?  Returns (is_meta, date or None)."""
    if len(line) > 100:
        return False, None
    if "downloaded on" in line.lower():
        return True, None
    d, m = find_date(line)
    rest = line
    if m:
        rest = line[:m.start()] + " " + line[m.end():]
    has_time = bool(TIME_RE.search(rest))
    rest = TIME_RE.sub(" ", rest)
    words = [w for w in re.split(r"[^a-z]+", rest.lower()) if w and w not in META_WORDS]
    if (d or has_time) and len(words) == 0:
        return True, d
    return False, None


def terminal(s):
    return bool(re.search(r"[.!?][\"”’']?$", s))


def headline_from(sentence):
    s = re.sub(r"[.!?]+([\"”’']?)$", r"\1", sentence.strip()).strip()
    if len(s) <= 100:
        return s
    for sep in [", ", " — ", " after ", " when ", " following "]:
        i = s.find(sep, 35)
        if 35 <= i <= 100:
            return s[:i]
    words, out = s.split(), ""
    for w in words:
        if len(out) + len(w) + 1 > 90:
            break
        out = (out + " " + w).strip()
    return out


def shingles(text):
    w = re.findall(r"\w+", text.lower())
    return {tuple(w[i:i + 5]) for i in range(len(w) - 4)}


def containment(a, b):
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


# ---------------------------------------------------------------- corpus

def parse_doc(d):
    """ECB+ record -> dict(title, deck, sentences, date, title_from_lead)."""
    lines = [clean(l) for l in d["text"].split("\n") if l.strip()]
    dates, head, kept = [], lines[:5], []
    for i, l in enumerate(head):
        is_meta, day = meta_line(l)
        if is_meta:
            if day:
                dates.append((0 if "publish" in l.lower() else 1, i, day))
        else:
            kept.append(l)
    lines = kept + lines[5:]
    date = min(dates)[2] if dates else None
    deck, from_lead = None, False
    if d["source_url"]:                     # ECB+ documents: first line is the page title
        title = lines[0]
        body = lines[1:]
        if body and not terminal(body[0]) and len(body[0]) < 200 and len(body) > 2:
            deck, body = body[0], body[1:]
    else:                                   # ECB documents: often the lead sentence, no title
        first = lines[0]
        if not terminal(first) and len(first) <= 100:
            title, body = first, lines[1:]
        else:
            cands = [l for l in lines[:3] if 50 <= len(l) <= 200] or lines[:1]
            title = HEADLINES.get(d["id"]) or headline_from(cands[0])
            body, from_lead = lines, True
    if not from_lead:
        body = [l for l in body if norm(l) != norm(title)]
    return {"title": title, "deck": deck, "sentences": body, "date": date,
            "title_from_lead": from_lead}


def paragraphs(ecb_id, sentences):
    rng = random.Random("%d:para:%s" % (SEED, ecb_id))
    out, i = [], 0
    while i < len(sentences):
        n = rng.choice([2, 2, 3])
        if len(sentences) - (i + n) == 1:
            n += 1
        out.append(" ".join(sentences[i:i + n]))
        i += n
    return out


def load_docs(path):
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [json.loads(l) for l in f if l.strip()]


def select(docs):
    by_cluster = {}
    for d in docs:
        by_cluster.setdefault(d["cluster"], []).append(d)
    chosen = []
    for c in CLUSTERS:
        cands = []
        for d in sorted(by_cluster[c], key=lambda d: d["id"]):
            p = parse_doc(d)
            n = sum(len(s) for s in p["sentences"])
            if MIN_BODY <= n <= MAX_BODY and len(p["sentences"]) >= 3:
                cands.append((d, p))
        random.Random("%d:select:%s" % (SEED, c)).shuffle(cands)
        forced = AGENCY_ORIGINALS.get(c)
        if forced:
            assert forced in [d["id"] for d, _ in cands], forced
            cands.sort(key=lambda x: x[0]["id"] != forced)     # stable: forced one first
        taken = []
        for d, p in cands:
            sh = shingles(" ".join(p["sentences"]))
            if any(containment(sh, s2) >= NEAR_DUP for _, _, s2 in taken):
                continue
            taken.append((d, p, sh))
            if len(taken) == PER_CLUSTER:
                break
        chosen.extend((d, p) for d, p, _ in sorted(taken, key=lambda x: x[0]["id"]))
    return chosen


# ---------------------------------------------------------------- articles

def assign_times(chosen):
    """Publication time (UTC) per ECB id: date from the text's date line, else story day + offsets."""
    times, by_cluster = {}, {}
    for d, p in chosen:
        by_cluster.setdefault(d["cluster"], []).append((d, p))
    for c, items in sorted(by_cluster.items()):
        found = [p["date"] for _, p in items if p["date"]]
        base = min(found) if found else dt.date(*BASE_DATES[c])
        undated = sorted((d["id"] for d, p in items if not p["date"]),
                         key=lambda i: hashlib.md5(i.encode()).hexdigest())
        for d, p in items:
            k = h("time", d["id"])
            if p["date"]:
                day, hour = p["date"], 7 + k % 12
            else:
                r = undated.index(d["id"])
                day, hour = base, 7 + 3 * r
            t = dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc)
            times[d["id"]] = t + dt.timedelta(hours=hour, minutes=(k >> 8) % 60)
    return times


class Outlet:
    def __init__(self, domain, name, lang, charset, date_markup, url_fn, render, file_fn=None):
        self.domain, self.name, self.lang, self.charset = domain, name, lang, charset
        self.date_markup, self.url_fn, self.render, self.file_fn = date_markup, url_fn, render, file_fn
        self.storage = "warc" if domain in WARC_OUTLETS else "file"


def art_num(a, width=6):
    return h("num", a["outlet"], a["url_key"]) % (10 ** width)


def make_url(outlet, a):
    t, slug = a["published"], slugify(a["title"])
    d = outlet.domain
    if d == "globalwire.example":
        return "https://%s/stories/%s/%s" % (d, t.strftime("%Y-%m-%d"), slug)
    if d == "dailyledger.example":
        return "https://%s/%s/%s/" % (d, t.strftime("%Y/%m/%d"), slug)
    if d == "metrocourier.example":
        return "https://%s/news/%s/%s-%06d.html" % (d, t.strftime("%Y/%m"), slug, art_num(a))
    if d == "coastalherald.example":
        return "https://%s/%s/%s/%s" % (d, SECTIONS[a["topic"]].lower(), t.strftime("%Y%m%d"), slug)
    if d == "valleygazette.example":
        return "https://%s/news/article.php?id=%05d" % (d, art_num(a, 5))
    if d == AGGREGATOR:
        return "https://%s/%s/%s/" % (d, t.strftime("%Y/%m/%d"), slugify(a["title"], 12))
    raise ValueError(d)


def file_path(a):
    d = a["outlet"]
    if d == "valleygazette.example":
        name = "article-%s.html" % a["url"].rsplit("=", 1)[1]
    else:
        name = "%s-%s.html" % (a["published"].strftime("%Y-%m-%d"), slugify(a["title"]))
    return "html/%s/%s" % (d, name)


def byline_for(outlet, key):
    staff = STAFF[outlet]
    return staff[h("byline", outlet, key) % len(staff)]


def build_articles(chosen):
    times = assign_times(chosen)
    originals = {c for c, _ in COPY_PLANS}
    arts = []
    agency_ids = {AGENCY_ORIGINALS[c]: c for c, _ in COPY_PLANS}
    rest = [(d, p) for d, p in chosen if d["id"] not in agency_ids]
    random.Random("%d:outlets" % SEED).shuffle(rest)
    outlet_of = {i: AGENCY for i in agency_ids}
    for n, (d, p) in enumerate(rest):
        outlet_of[d["id"]] = REGULAR_OUTLETS[n % len(REGULAR_OUTLETS)]
    for d, p in chosen:
        o = outlet_of[d["id"]]
        if o == "valleygazette.example" and not encodable(p):
            o = "dailyledger.example"
        a = {
            "ecb_id": d["id"], "story": d["cluster"], "topic": d["topic"], "outlet": o,
            "title": p["title"], "deck": p["deck"], "published": times[d["id"]],
            "sentences": p["sentences"], "paras": paragraphs(d["id"], p["sentences"]),
            "blocks": None, "byline": byline_for(o, d["id"]),
            "role": "agency-original" if d["id"] in agency_ids else "article",
            "copy_of": None, "edits": [], "source_link": None,
            "ecb_source_url": d["source_url"], "title_from_lead": p["title_from_lead"],
            "url_key": d["id"], "dateline": None,
        }
        a["blocks"] = [("p", x) for x in a["paras"]]
        arts.append(a)
    return arts, originals


def encodable(p):
    try:
        (p["title"] + (p["deck"] or "") + " ".join(p["sentences"])).encode("cp1252")
        return True
    except UnicodeEncodeError:
        return False


def straight(s):
    return s.replace("“", '"').replace("”", '"').replace("‘", "'").replace("’", "'")


def make_copies(arts, outlets):
    by_story = {}
    for a in arts:
        by_story.setdefault(a["story"], []).append(a)
    copies = []
    for story, plan in COPY_PLANS:
        orig = [a for a in by_story[story] if a["role"] == "agency-original"][0]
        topic_mates = sorted((a for a in arts if a["topic"] == orig["topic"] and a["story"] != story),
                             key=lambda a: h("also", orig["ecb_id"], a["ecb_id"]))
        for n, (o, edits) in enumerate(plan):
            k = h("copy", orig["ecb_id"], o)
            c = dict(orig)
            c.update({"outlet": o, "role": "copy", "copy_of": orig["url"], "edits": [],
                      "url_key": orig["ecb_id"] + "@" + o,
                      "published": orig["published"] + dt.timedelta(hours=1 + n + k % 3, minutes=k % 47),
                      "deck": None if o == AGGREGATOR else orig["deck"]})
            paras = list(orig["paras"])
            blocks_after = []
            title = orig["title"]
            byline = None
            if "straight-quotes" in edits:
                paras = [straight(x) for x in paras]
                title = straight(title)
                c["edits"].append("straight-quotes")
            if "drop-last" in edits and len(paras) > 2:
                paras = paras[:-1]
                c["edits"].append("dropped-last-paragraph")
            if "retitled" in edits:
                title = RETITLES.get(story) or orig["title"] + " – report"
                c["edits"].append("retitled")
            if "dateline" in edits:
                c["dateline"] = "%s (Global Wire) — " % DATELINE[story]
                byline = "%s, Global Wire" % orig["byline"]
                c["edits"].append("dateline-credit")
            blocks = [("p", x) for x in paras]
            if "teaser" in edits:
                first = paras[:2]
                words = first[-1].split()
                if len(first) == 2 and len(words) > 12:
                    first[-1] = " ".join(words[:max(8, len(words) * 3 // 5)]) + " …"
                blocks = [("p", x) for x in first]
                blocks_after.append(("read-more", orig["url"]))
                c["source_link"] = orig["url"]
                c["edits"] += ["truncated-teaser", "read-more-link"]
            if "also-read" in edits and topic_mates and len(blocks) >= 2:
                m = topic_mates[0]
                blocks.insert(1, ("also-read", (m["title"], m["url"])))
                c["edits"].append("inserted-also-read")
            if "credit" in edits:
                blocks_after.append(("credit", orig["url"]))
                c["source_link"] = orig["url"]
                c["edits"].append("source-credit-link")
            if "aggregator" in edits:
                blocks_after.append(("aggregator-footer", orig["url"]))
                c["source_link"] = orig["url"]
                c["edits"] = ["aggregator-chrome", "source-footer-link"] + c["edits"]
                byline = None
            elif byline is None:
                byline = "Global Wire Service" if "credit" in edits or "teaser" in edits else orig["byline"]
            c["title"], c["byline"], c["blocks"] = title, byline, blocks + blocks_after
            if o == "valleygazette.example":
                try:
                    (title + " ".join(paras) + (c["deck"] or "") + (c["dateline"] or "")).encode("cp1252")
                except UnicodeEncodeError:
                    continue            # not representable: this outlet skips the copy
            c["url"] = make_url(outlets[o], c)
            copies.append(c)
    return copies


def assign_urls(arts, outlets):
    seen = set()
    for a in arts:
        u = make_url(outlets[a["outlet"]], a)
        base, n = u, 2
        while u in seen:
            u = re.sub(r"(/?)$", "-%d\\1" % n, base, count=1) if "?" not in base else base + "%d" % n
            n += 1
        seen.add(u)
        a["url"] = u


def pick_related(a, arts, k=4):
    """Headlines of other stories, preferring the same outlet (as a site's own widgets do)."""
    others = [b for b in arts if b["story"] != a["story"] and b["role"] != "copy"]
    others.sort(key=lambda b: (b["outlet"] != a["outlet"], h("rel", a["url"], b["url"])))
    out, titles = [], set()
    for b in others:
        if norm(b["title"]) in titles:
            continue
        titles.add(norm(b["title"]))
        url = b["url"] if b["outlet"] == a["outlet"] else make_url(OUTLETS[a["outlet"]], b)
        out.append((b["title"], url))
        if len(out) == k:
            break
    return out


# ---------------------------------------------------------------- templates

def body_blocks(a, style):
    """Render the article body blocks; `style` picks an outlet's wording of credits."""
    out = []
    first = True
    for kind, v in a["blocks"]:
        if kind == "p":
            text = (a["dateline"] or "") + v if first and a["dateline"] else v
            first = False
            out.append("<p>%s</p>" % esct(text))
        elif kind == "also-read":
            t, u = v
            label = {"metrocourier": "Also read:", "coastalherald": "READ MORE:"}.get(style, "Also read:")
            out.append('<p class="also-read"><strong>%s</strong> <a href="%s">%s</a></p>'
                       % (label, esc(u), esct(t)))
        elif kind == "credit":
            if style == "dailyledger":
                out.append('<p class="source-credit"><em>Source: <a href="%s">Global Wire</a></em></p>' % esc(v))
            elif style == "metrocourier":
                out.append('<p class="mc-credit">This story was originally published by '
                           '<a href="%s">Global Wire Service</a>.</p>' % esc(v))
            elif style == "coastalherald":
                out.append('<p class="wire-credit">&mdash; Source: <a href="%s" rel="nofollow">Global Wire</a></p>'
                           % esc(v))
            else:
                out.append('<p class="credit">Source: <a href="%s">Global Wire</a></p>' % esc(v))
        elif kind == "read-more":
            out.append('<p class="read-more"><a href="%s">Read more</a> at Global Wire Service</p>' % esc(v))
        elif kind == "aggregator-footer":
            out.append("<p><em>This news has been collected from reliable news agencies in the country. "
                       "Click to enter the source.</em></p>")
            out.append('<p><a href="%s" rel="nofollow" target="_blank">Source link</a></p>' % esc(v))
    return out


def description(a):
    text = next((v for k, v in a["blocks"] if k == "p"), a["title"])
    if len(text) <= 155:
        return text
    return text[:155].rsplit(" ", 1)[0] + "…"


def jsonld(obj):
    return json.dumps(obj, ensure_ascii=False, indent=1).replace("</", "<\\/")


def related_items(rel, fmt):
    return "\n".join(fmt % (esc(u), esct(t)) for t, u in rel)


def render_globalwire(a, rel):
    t = a["published"]
    section = SECTIONS[a["topic"]]
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": a["title"],
          "datePublished": iso_z(t), "dateModified": iso_z(t + dt.timedelta(minutes=20)),
          "author": {"@type": "Person", "name": a["byline"]},
          "publisher": {"@type": "Organization", "name": "Global Wire Service",
                        "logo": {"@type": "ImageObject", "url": "https://globalwire.example/static/logo.png"}},
          "mainEntityOfPage": a["url"], "articleSection": section, "inLanguage": "en"}
    deck = '<p class="gw-summary">%s</p>\n' % esct(a["deck"]) if a["deck"] else ""
    return """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>%(title)s | Global Wire Service</title>
<link rel="canonical" href="%(url)s">
<meta property="og:url" content="%(url)s">
<meta property="og:title" content="%(atitle)s">
<meta property="og:site_name" content="Global Wire Service">
<meta name="description" content="%(desc)s">
<script type="application/ld+json">
%(ld)s
</script>
<link rel="stylesheet" href="/static/gw.css">
</head>
<body class="gw">
<div class="gw-topbar"><a class="gw-logo" href="/">GLOBAL WIRE</a>
<ul class="gw-sections"><li><a href="/world">World</a></li><li><a href="/us">U.S.</a></li><li><a href="/business">Business</a></li><li><a href="/entertainment">Entertainment</a></li><li><a href="/technology">Technology</a></li><li><a href="/sports">Sports</a></li></ul>
<a class="gw-login" href="/clients/login">Client login</a></div>
<div class="gw-container">
<div class="gw-story" id="story-%(num)s">
<p class="gw-kicker">%(section)s</p>
<h1 class="gw-headline">%(title)s</h1>
%(deck)s<p class="gw-byline">By %(byline)s</p>
<p class="gw-stamp">Filed %(stamp)s GMT</p>
<div class="gw-story-body">
%(body)s
</div>
<p class="gw-copyright">Copyright %(year)d Global Wire Service. All rights reserved. This material may not be published, broadcast, rewritten or redistributed without permission.</p>
</div>
<div class="gw-rail"><h4>Latest from the wire</h4>
<ol>
%(related)s
</ol></div>
</div>
<footer class="gw-footer"><a href="/about">About Global Wire</a> &middot; <a href="/terms">Terms</a> &middot; <a href="/privacy">Privacy</a> &middot; <a href="/contact">Contact</a></footer>
</body>
</html>
""" % {"title": esct(a["title"]), "atitle": esc(a["title"]), "url": esc(a["url"]), "desc": esc(description(a)), "ld": jsonld(ld),
       "num": art_num(a), "section": esc(section), "deck": deck, "byline": esct(a["byline"]),
       "stamp": "%s %02d:%02d" % (long_date(t), t.hour, t.minute), "body": "\n".join(body_blocks(a, "globalwire")),
       "year": t.year, "related": related_items(rel, '<li><a href="%s">%s</a></li>')}


def render_dailyledger(a, rel):
    t = a["published"]
    section = SECTIONS[a["topic"]]
    num = art_num(a, 5)
    byline = ('<span class="byline">By <span class="author vcard"><a class="url fn n" href="/author/%s/">%s</a></span></span> '
              % (slugify(a["byline"]), esct(a["byline"]))) if a["byline"] else ""
    author_meta = '<meta name="author" content="%s">\n' % esc(a["byline"]) if a["byline"] else ""
    deck = '<p class="entry-subtitle">%s</p>\n' % esct(a["deck"]) if a["deck"] else ""
    return """<!doctype html>
<html lang="en-US" class="no-js">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>%(title)s &#8211; The Daily Ledger</title>
<link rel="canonical" href="%(url)s">
<meta property="og:locale" content="en_US">
<meta property="og:type" content="article">
<meta property="og:title" content="%(atitle)s">
<meta property="og:description" content="%(desc)s">
<meta property="og:url" content="%(url)s">
<meta property="og:site_name" content="The Daily Ledger">
<meta property="article:published_time" content="%(pub)s">
<meta property="article:section" content="%(section)s">
%(author_meta)s<link rel="stylesheet" id="ledger-style-css" href="/wp-content/themes/ledger/style.css?ver=4.2" type="text/css" media="all">
<script>window.dataLayer = window.dataLayer || []; dataLayer.push({"postId": %(num)d});</script>
</head>
<body class="post-template-default single single-post postid-%(num)d single-format-standard">
<div id="cookie-notice" class="cn-banner" role="dialog"><span class="cn-text">We use cookies to ensure that we give you the best experience on our website. If you continue to use this site we will assume that you are happy with it.</span> <a href="#" class="cn-accept">Ok</a> <a href="/privacy-policy/" class="cn-more">Privacy policy</a></div>
<div id="page" class="site">
<a class="skip-link screen-reader-text" href="#content">Skip to content</a>
<header id="masthead" class="site-header">
<div class="site-branding"><p class="site-title"><a href="/" rel="home">The Daily Ledger</a></p><p class="site-description">Independent news since 1921</p></div>
<nav id="site-navigation" class="main-navigation"><ul id="primary-menu" class="menu"><li class="menu-item"><a href="/category/news/">News</a></li><li class="menu-item"><a href="/category/politics/">Politics</a></li><li class="menu-item"><a href="/category/entertainment/">Entertainment</a></li><li class="menu-item"><a href="/category/technology/">Technology</a></li><li class="menu-item"><a href="/category/opinion/">Opinion</a></li><li class="menu-item"><a href="/subscribe/">Subscribe</a></li></ul></nav>
</header>
<div id="content" class="site-content">
<div id="primary" class="content-area">
<main id="main" class="site-main">
<article id="post-%(num)d" class="post-%(num)d post type-post status-publish format-standard hentry category-%(catslug)s">
<header class="entry-header">
<h1 class="entry-title">%(title)s</h1>
%(deck)s<div class="entry-meta">%(byline)s<span class="posted-on"><a href="%(url)s" rel="bookmark">%(visible)s</a></span></div>
</header>
<div class="entry-content">
%(body)s
<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Share this:</h3><ul><li><a class="share-twitter" href="https://twitter.example/intent/tweet?url=%(qurl)s">Twitter</a></li><li><a class="share-facebook" href="https://facebook.example/sharer.php?u=%(qurl)s">Facebook</a></li><li><a class="share-email" href="mailto:?subject=%(qtitle)s">Email</a></li></ul></div>
</div>
<footer class="entry-footer"><span class="cat-links">Posted in <a href="/category/%(catslug)s/" rel="category tag">%(section)s</a></span></footer>
</article>
<div id="jp-relatedposts" class="jp-relatedposts"><h3 class="jp-relatedposts-headline"><em>Related</em></h3>
%(related)s
</div>
<div id="comments" class="comments-area"><div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">Leave a Reply</h3><form action="/wp-comments-post.php" method="post" id="commentform" class="comment-form"><p class="comment-notes">Your email address will not be published. Required fields are marked *</p><textarea id="comment" name="comment"></textarea><input name="submit" type="submit" id="submit" class="submit" value="Post Comment"></form></div></div>
</main>
</div>
<aside id="secondary" class="widget-area">
<section class="widget widget_recent_entries"><h2 class="widget-title">Recent Posts</h2><ul>
%(recent)s
</ul></section>
<section class="widget widget_text"><div class="textwidget"><p>Get The Daily Ledger in your inbox every morning. <a href="/newsletter/">Sign up</a></p></div></section>
</aside>
</div>
<footer id="colophon" class="site-footer"><div class="site-info">&copy; %(year)d The Daily Ledger &middot; <a href="/about/">About</a> &middot; <a href="/advertise/">Advertise</a> &middot; <a href="/privacy-policy/">Privacy Policy</a></div></footer>
</div>
<script src="/wp-includes/js/wp-embed.min.js?ver=4.2"></script>
</body>
</html>
""" % {"title": esct(a["title"]), "atitle": esc(a["title"]), "url": esc(a["url"]), "desc": esc(description(a)),
       "pub": t.strftime("%Y-%m-%dT%H:%M:%S+00:00"), "section": esc(section), "catslug": slugify(section),
       "author_meta": author_meta, "num": num, "deck": deck, "byline": byline, "visible": long_date(t),
       "body": "\n".join(body_blocks(a, "dailyledger")),
       "qurl": esc(a["url"].replace(":", "%3A").replace("/", "%2F")), "qtitle": esc(slugify(a["title"])),
       "related": related_items(rel[:3], '<div class="jp-relatedposts-post"><h4 class="jp-relatedposts-post-title"><a href="%s">%s</a></h4></div>'),
       "recent": related_items(rel[1:], '<li><a href="%s">%s</a></li>'), "year": t.year}


def render_metrocourier(a, rel):
    t = a["published"]
    local, _ = us_eastern(t)
    section = SECTIONS[a["topic"]]
    paras = body_blocks(a, "metrocourier")
    if len(paras) > 2:
        paras.insert(2, '<div class="mc-ad mc-ad--inline" data-slot="in-article-1"><span class="mc-ad__label">Advertisement</span></div>')
    byline = ('<span class="mc-author">By <a rel="author" href="/staff/%s">%s</a></span> '
              % (slugify(a["byline"]), esct(a["byline"]))) if a["byline"] else ""
    deck = '<p class="mc-article__dek">%s</p>\n' % esct(a["deck"]) if a["deck"] else ""
    return """<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>%(title)s - Metro Courier</title>
<meta name="viewport" content="width=device-width">
<meta name="twitter:card" content="summary_large_image">
<meta name="twitter:site" content="@metrocourier">
<meta name="twitter:title" content="%(atitle)s">
<link rel="stylesheet" href="/assets/mc.3f9a.css">
<script async src="/assets/ads.js"></script>
</head>
<body class="mc-body mc-body--article">
<div class="mc-alert" role="alert">Get breaking news alerts from Metro Courier. <a href="/alerts">Sign up</a></div>
<header class="mc-header">
<a href="/" class="mc-brand">Metro <b>Courier</b></a>
<nav class="mc-nav"><a href="/news/">News</a> <a href="/news/local/">Local</a> <a href="/entertainment/">Entertainment</a> <a href="/tech/">Tech</a> <a href="/sports/">Sports</a> <a href="/weather/">Weather</a> <a href="/subscribe" class="mc-subscribe">Subscribe</a></nav>
</header>
<div class="mc-page">
<article class="mc-article">
<header class="mc-article__header">
<ul class="mc-breadcrumbs"><li><a href="/">Home</a></li><li><a href="/news/">News</a></li><li>%(section)s</li></ul>
<h1 class="mc-article__title">%(title)s</h1>
%(deck)s<div class="mc-article__meta">%(byline)s<time class="mc-date" datetime="%(iso)s">%(visible)s</time></div>
</header>
<div class="mc-article__body">
%(body)s
</div>
<section class="mc-more"><h2 class="mc-more__title">More from Metro Courier</h2>
<ul class="mc-more__list">
%(related)s
</ul></section>
</article>
<aside class="mc-sidebar"><div class="mc-trending"><h3>Trending</h3><ol>
%(trending)s
</ol></div><div class="mc-ad mc-ad--rail" data-slot="rail-1"><span class="mc-ad__label">Advertisement</span></div></aside>
</div>
<footer class="mc-footer"><p>Metro Courier &copy; %(year)d Metro Media Group. All rights reserved. <a href="/terms">Terms of Service</a> | <a href="/privacy">Privacy Notice</a> | <a href="/ad-choices">Ad Choices</a></p></footer>
<script>window.mc = window.mc || []; mc.push(["track", "article", %(num)d]);</script>
</body>
</html>
""" % {"title": esct(a["title"]), "atitle": esc(a["title"]), "section": esc(section), "deck": deck, "byline": byline,
       "iso": iso_z(t), "visible": "%s %s ET" % (long_date(local), clock12(local)),
       "body": "\n".join(paras), "num": art_num(a),
       "related": related_items(rel[:3], '<li class="mc-more__item"><a href="%s">%s</a></li>'),
       "trending": related_items(rel[2:], '<li><a href="%s">%s</a></li>'), "year": t.year}


def render_coastalherald(a, rel):
    t = a["published"]
    local, off = us_eastern(t)
    section = SECTIONS[a["topic"]]
    author = ([{"@type": "Organization" if a["byline"] == "Global Wire Service" else "Person",
                "name": a["byline"]}] if a["byline"] else [])
    ld = {"@context": "https://schema.org", "@graph": [
        {"@type": "Organization", "@id": "https://coastalherald.example/#org", "name": "The Coastal Herald",
         "url": "https://coastalherald.example/"},
        {"@type": "WebPage", "@id": a["url"] + "#webpage", "url": a["url"], "name": a["title"]},
        {"@type": "NewsArticle", "@id": a["url"] + "#article", "isPartOf": {"@id": a["url"] + "#webpage"},
         "headline": a["title"], "datePublished": iso_offset(local, off),
         "dateModified": iso_offset(local + dt.timedelta(hours=1), off),
         "author": author, "publisher": {"@id": "https://coastalherald.example/#org"},
         "articleSection": [section]}]}
    byline = ('By <span itemprop="author">%s</span> | ' % esct(a["byline"])) if a["byline"] else ""
    deck = '<h2 class="story-deck">%s</h2>\n' % esct(a["deck"]) if a["deck"] else ""
    return """<!DOCTYPE html>
<html lang="en-US">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>%(title)s | The Coastal Herald</title>
<link rel="canonical" href="%(url)s">
<meta name="description" content="%(desc)s">
<script type="application/ld+json">
%(ld)s
</script>
<link rel="stylesheet" href="/css/herald.min.css">
</head>
<body class="page-article section-%(secslug)s">
<div class="consent-overlay" id="gdpr-consent"><p>The Coastal Herald and our partners use cookies and similar technologies to personalise content and ads and to analyse our traffic. You can change your choice at any time.</p><button class="consent-accept">Accept all</button> <button class="consent-manage">Manage options</button></div>
<div id="wrapper">
<div id="header"><div class="logo"><a href="/"><img src="/img/herald-logo.png" alt="The Coastal Herald" width="320" height="48"></a></div>
<div id="menu"><ul><li><a href="/">Home</a></li><li><a href="/local/">Local</a></li><li><a href="/uk/">World</a></li><li><a href="/entertainment/">Entertainment</a></li><li><a href="/technology/">Technology</a></li><li><a href="/obituaries/">Obituaries</a></li><li><a href="/classifieds/">Classifieds</a></li></ul></div>
</div>
<div id="content">
<div class="story" itemscope itemtype="https://schema.org/NewsArticle">
<div class="story-header"><h1 itemprop="headline">%(title)s</h1>
%(deck)s<div class="story-byline">%(byline)s<span class="story-date">Published %(visible)s</span></div></div>
<div class="story-tools"><a class="tool-print" href="#print">Print</a> <a class="tool-email" href="#email">Email</a> <a class="tool-share" href="#share">Share</a> <span class="font-size">A A</span></div>
<div class="story-body" itemprop="articleBody">
%(body)s
</div>
<div class="newsletter-box"><h4>Get the Herald in your inbox</h4><form action="/newsletter" method="post"><input type="email" name="email" placeholder="Your email address"> <button type="submit">Sign up</button></form></div>
<div class="story-comments"><a href="#comments">View comments</a></div>
</div>
<div id="related-stories"><h3>You might also like</h3><ul>
%(related)s
</ul></div>
</div>
<div id="footer">&copy; %(year)d The Coastal Herald, a Harbor Media company. <a href="/terms">Terms of Use</a> | <a href="/privacy">Privacy Policy</a> | <a href="/contact">Contact Us</a></div>
</div>
</body>
</html>
""" % {"title": esct(a["title"]), "atitle": esc(a["title"]), "url": esc(a["url"]), "desc": esc(description(a)), "ld": jsonld(ld),
       "secslug": slugify(section), "deck": deck, "byline": byline, "visible": long_date(local),
       "body": "\n".join(body_blocks(a, "coastalherald")),
       "related": related_items(rel, '<li><a href="%s">%s</a></li>'), "year": t.year}


def render_valleygazette(a, rel):
    t = a["published"]
    section = SECTIONS[a["topic"]]
    paras = []
    for piece in body_blocks(a, "valleygazette"):
        m = re.fullmatch(r"<p>(.*)</p>", piece, re.S)
        paras.append(m.group(1) if m else piece)
    byline = '<span class="byline">by %s</span><br>\n' % esct(a["byline"]) if a["byline"] else ""
    date = "%s, %d %s %d" % (t.strftime("%A"), t.day, MONTH_NAMES[t.month - 1], t.year)
    return """<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd">
<html lang="en-GB">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">
<title>The Valley Gazette - %(title)s</title>
<link rel="canonical" href="%(url)s">
<meta property="og:url" content="%(url)s">
<meta property="og:title" content="%(atitle)s">
<link rel="stylesheet" type="text/css" href="/css/gazette.css">
</head>
<body bgcolor="#ffffff">
<table width="100%%" cellpadding="0" cellspacing="0" class="masthead"><tr><td><a href="/"><img src="/images/gazette-logo.gif" alt="The Valley Gazette" border="0"></a></td><td align="right" class="weather">Today: 12&deg;C, showers &middot; Tomorrow: 9&deg;C, cloudy</td></tr></table>
<table width="100%%" class="navbar"><tr><td><a href="/">Home</a> | <a href="/news/">News</a> | <a href="/sport/">Sport</a> | <a href="/whatson/">What’s On</a> | <a href="/notices/">Family Notices</a> | <a href="/jobs/">Jobs</a> | <a href="/property/">Property</a></td></tr></table>
<table width="100%%" cellpadding="6"><tr>
<td valign="top" width="160" class="leftcol"><b>Sections</b><br>
<a href="/news/">Local news</a><br>
<a href="/news/national/">National</a><br>
<a href="/news/%(secslug)s/">%(section)s</a><br>
<a href="/letters/">Letters</a><br><br>
<b>Most read</b><br>
%(related)s
</td>
<td valign="top" class="maincol">
<div id="story">
<h1 class="headline">%(title)s</h1>
<span class="storydate">%(date)s</span><br>
%(byline)s<br>
<div class="storytext">
%(body)s
</div>
<p class="smallprint">© The Valley Gazette %(year)d. All rights reserved. Reproduction without permission prohibited.</p>
<p class="tools"><a href="/print.php?id=%(num)s">Print this story</a> | <a href="/email.php?id=%(num)s">Email to a friend</a> | <a href="/comments.php?id=%(num)s">Have your say</a></p>
</div>
</td>
<td valign="top" width="180" class="rightcol"><div class="advert">ADVERTISEMENT</div><br>
<b>Property of the week</b><br>Three-bedroom semi with garden, £185,000 &ndash; call 01234 567890<br><br>
<b>Family notices</b><br>Births, marriages &amp; deaths &ndash; place yours today</td>
</tr></table>
<div class="footer">The Valley Gazette &middot; 14 Mill Lane &middot; Registered in England No. 0123456 &middot; <a href="/contact.php">Contact us</a> &middot; <a href="/terms.php">Terms</a></div>
</body>
</html>
""" % {"title": esct(a["title"]), "atitle": esc(a["title"]), "url": esc(a["url"]), "secslug": slugify(section), "section": esc(section),
       "related": related_items(rel[:3], '<a href="%s">%s</a><br>'), "date": date, "byline": byline,
       "body": "<br>\n<br>\n".join(paras), "year": t.year, "num": a["url"].rsplit("=", 1)[1]}


def render_newshub(a, rel):
    t = a["published"]
    section = SECTIONS[a["topic"]]
    views = 200 + h("views", a["url"]) % 4800
    return """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>%(title)s - NewsHub Today</title>
<meta property="og:title" content="%(atitle)s">
<meta property="og:type" content="article">
<meta property="og:url" content="%(url)s">
<meta property="article:published_time" content="%(pub)s">
<link rel="canonical" href="%(url)s">
<link rel="stylesheet" href="/wp-content/themes/hubnews/style.css">
</head>
<body class="single">
<div class="top-bar"><span class="today">%(today)s</span> <a href="/login/">Login</a> <a href="/register/">Register</a></div>
<header class="hub-header"><a class="hub-logo" href="/">NewsHub<span>Today</span></a>
<nav class="hub-menu"><a href="/category/world/">World</a> <a href="/category/politics/">Politics</a> <a href="/category/entertainment/">Entertainment</a> <a href="/category/technology/">Technology</a> <a href="/category/sports/">Sports</a> <a href="/category/health/">Health</a></nav>
<form class="hub-search" action="/"><input name="s" placeholder="Search..."></form></header>
<div class="breaking-ticker"><strong>Breaking News</strong>
<ul>
%(ticker)s
</ul></div>
<div class="container"><div class="main-col">
<article class="hub-post">
<h1 class="post-title">%(title)s</h1>
<div class="post-meta"><span class="post-date">%(visible)s</span> <span class="post-cat"><a href="/category/%(secslug)s/">%(section)s</a></span> <span class="post-views">%(views)s views</span></div>
<div class="post-content">
%(body)s
</div>
<div class="share-buttons">Share: <a class="fb" href="#">Facebook</a> <a class="tw" href="#">Twitter</a> <a class="wa" href="#">WhatsApp</a> <a class="tg" href="#">Telegram</a></div>
</article>
<div class="related-posts"><h3>Related posts</h3><ul>
%(related)s
</ul></div>
</div>
<aside class="sidebar"><div class="widget"><h4>Popular</h4><ul>
%(popular)s
</ul></div></aside></div>
<footer class="hub-footer">&copy; %(year)d NewsHub Today. All rights reserved. <a href="/privacy-policy/">Privacy Policy</a> <a href="/contact-us/">Contact Us</a> <a href="/dmca/">DMCA</a></footer>
</body>
</html>
""" % {"title": esct(a["title"]), "atitle": esc(a["title"]), "url": esc(a["url"]), "pub": t.strftime("%Y-%m-%dT%H:%M:%S+00:00"),
       "today": "%s, %s" % (t.strftime("%A"), long_date(t)), "visible": long_date(t),
       "secslug": slugify(section), "section": esc(section), "views": "{:,}".format(views),
       "ticker": related_items(rel[:2], '<li><a href="%s">%s</a></li>'),
       "body": "\n".join(body_blocks(a, "newshub")),
       "related": related_items(rel, '<li><a href="%s">%s</a></li>'),
       "popular": related_items(rel[1:3], '<li><a href="%s">%s</a></li>'), "year": t.year}


OUTLETS = {o.domain: o for o in [
    Outlet("globalwire.example", "Global Wire Service", "en", "utf-8", "json-ld", make_url, render_globalwire),
    Outlet("dailyledger.example", "The Daily Ledger", "en-US", "utf-8", "og", make_url, render_dailyledger),
    Outlet("metrocourier.example", "Metro Courier", None, "utf-8", "time", make_url, render_metrocourier),
    Outlet("coastalherald.example", "The Coastal Herald", "en-US", "utf-8", "json-ld", make_url, render_coastalherald),
    Outlet("valleygazette.example", "The Valley Gazette", "en-GB", "windows-1252", "visible", make_url, render_valleygazette),
    Outlet(AGGREGATOR, "NewsHub Today", "en", "utf-8", "og", make_url, render_newshub),
]}


# ---------------------------------------------------------------- WARC

def gzip_member(data):
    """One gzip member with a fixed header (mtime 0, OS unknown) so output is byte-stable."""
    co = zlib.compressobj(9, zlib.DEFLATED, -15)
    body = co.compress(data) + co.flush()
    return (b"\x1f\x8b\x08\x00" + struct.pack("<I", 0) + b"\x02\xff" + body
            + struct.pack("<II", zlib.crc32(data) & 0xFFFFFFFF, len(data) & 0xFFFFFFFF))


def sha1_b32(data):
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode("ascii")


def record_id(*parts):
    return "<urn:uuid:%s>" % uuid.uuid5(uuid.NAMESPACE_URL, "tidings-sample:" + ":".join(parts))


def warc_record(headers, block):
    head = "WARC/1.1\r\n" + "".join("%s: %s\r\n" % kv for kv in headers)
    head += "Content-Length: %d\r\n\r\n" % len(block)
    return gzip_member(head.encode("utf-8") + block + b"\r\n\r\n")


def write_warc(path, pages):
    """pages: list of (article, bytes), written in fetch-time order."""
    fetches = [(a["published"] + dt.timedelta(minutes=7 + h("fetch", a["url"]) % 50), a, body)
               for a, body in pages]
    fetches.sort(key=lambda x: (x[0], x[1]["url"]))
    info_id = record_id("warcinfo", "sample.warc.gz")
    info = ("software: tidings scripts/make_sample.py\r\n"
            "format: WARC File Format 1.1\r\n"
            "conformsTo: https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/\r\n"
            "isPartOf: tidings-sample\r\n"
            "description: tidings sample collection: pages of %s (made-up outlets; article texts from "
            "the ECB+ corpus, CC BY 3.0, Cybulska and Vossen, LREC 2014)\r\n" % ", ".join(WARC_OUTLETS)
            ).encode("utf-8")
    out = [warc_record([("WARC-Type", "warcinfo"), ("WARC-Record-ID", info_id),
                        ("WARC-Date", iso_z(fetches[0][0] - dt.timedelta(minutes=1))),
                        ("WARC-Filename", "sample.warc.gz"),
                        ("Content-Type", "application/warc-fields")], info)]
    fetch_times = {}
    for when, a, body in fetches:
        http = ("HTTP/1.1 200 OK\r\n"
                "Date: %s\r\n"
                "Server: nginx\r\n"
                "Content-Type: text/html; charset=utf-8\r\n"
                "Content-Length: %d\r\n"
                "Last-Modified: %s\r\n"
                "Cache-Control: max-age=300\r\n"
                "Connection: close\r\n\r\n"
                % (email.utils.format_datetime(when, usegmt=True), len(body),
                   email.utils.format_datetime(a["published"], usegmt=True))).encode("ascii")
        block = http + body
        ip = "192.0.2.%d" % (10 + WARC_OUTLETS.index(a["outlet"]) * 10)
        out.append(warc_record([("WARC-Type", "response"), ("WARC-Record-ID", record_id("response", a["url"])),
                                ("WARC-Warcinfo-ID", info_id), ("WARC-Date", iso_z(when)),
                                ("WARC-Target-URI", a["url"]), ("WARC-IP-Address", ip),
                                ("WARC-Block-Digest", sha1_b32(block)), ("WARC-Payload-Digest", sha1_b32(body)),
                                ("Content-Type", "application/http;msgtype=response")], block))
        fetch_times[a["url"]] = when
    with open(path, "wb") as f:
        f.write(b"".join(out))
    return fetch_times


# ---------------------------------------------------------------- main

def seed_entry(seed_bytes):
    text = seed_bytes.decode("utf-8")
    url = re.search(r'<link rel="canonical" href="([^"]+)"', text).group(1)
    title = html.unescape(re.search(r'<meta property="og:title" content="([^"]+)"', text).group(1))
    pub = re.search(r'article:published_time" content="([^"]+)"', text).group(1)
    src = re.search(r'<a href="([^"]+)"[^>]*>Source link</a>', text).group(1)
    t = dt.datetime.fromisoformat(pub).astimezone(dt.timezone.utc)
    return {"file": "html/worldnews-today.example/seed-article.html", "warc_uri": None, "url": url,
            "outlet": "worldnews-today.example", "outlet_name": "World News Today", "title": title,
            "published_at": iso_z(t), "story": None, "ecb_id": None, "copy_of": src,
            "edits": ["aggregator-chrome", "source-footer-link"], "role": "seed", "byline": None,
            "lang": "en", "charset": "utf-8", "date_markup": "og", "source_link": src, "ecb_source_url": None}


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default=os.path.join(root, "..", "shared", "data"),
                    help="the project's shared data folder (default: ../shared/data)")
    ap.add_argument("--out", default=os.path.join(root, "data", "sample"), help="output folder")
    args = ap.parse_args()
    ecb_dir = os.path.join(args.shared, "clustering", "ecbplus")
    seed_path = os.path.join(args.shared, "seed", "seed-article.html")
    for p in (ecb_dir, seed_path):
        if not os.path.exists(p):
            sys.exit("make_sample: %s not found (pass --shared DIR)" % p)

    chosen = select(load_docs(os.path.join(ecb_dir, "ecbplus_docs.jsonl.gz")))
    arts, _ = build_articles(chosen)
    assign_urls(arts, OUTLETS)
    copies = make_copies(arts, OUTLETS)
    everything = arts + copies
    assign_urls(everything, OUTLETS)          # same URLs for originals; de-duplicates copies
    by_url = {a["url"]: a for a in arts}
    for c in copies:                          # copies point at the (unchanged) original URL
        assert c["copy_of"] in by_url, c["copy_of"]

    out = args.out
    os.makedirs(out, exist_ok=True)
    shutil.rmtree(os.path.join(out, "html"), ignore_errors=True)
    seed_bytes = open(seed_path, "rb").read()
    seed_dst = os.path.join(out, "html", "worldnews-today.example", "seed-article.html")
    os.makedirs(os.path.dirname(seed_dst))
    with open(seed_dst, "wb") as f:
        f.write(seed_bytes)

    manifest, warc_pages = [seed_entry(seed_bytes)], []
    for a in sorted(everything, key=lambda a: (a["published"], a["url"])):
        o = OUTLETS[a["outlet"]]
        page = o.render(a, pick_related(a, arts))
        data = page.encode(o.charset if o.charset != "windows-1252" else "cp1252")
        entry = {"file": None, "warc_uri": None, "url": a["url"], "outlet": o.domain, "outlet_name": o.name,
                 "title": a["title"], "published_at": iso_z(a["published"]), "story": a["story"],
                 "ecb_id": a["ecb_id"], "copy_of": a["copy_of"], "edits": a["edits"], "role": a["role"],
                 "byline": a["byline"], "lang": o.lang, "charset": o.charset, "date_markup": o.date_markup,
                 "source_link": a["source_link"], "ecb_source_url": a["ecb_source_url"]}
        if o.storage == "warc":
            entry["warc_uri"] = a["url"]
            warc_pages.append((a, data))
        else:
            rel = file_path(a)
            entry["file"] = rel
            dst = os.path.join(out, rel)
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            assert not os.path.exists(dst), dst
            with open(dst, "wb") as f:
                f.write(data)
        manifest.append(entry)

    write_warc(os.path.join(out, "sample.warc.gz"), warc_pages)
    with open(os.path.join(out, "manifest.jsonl"), "w", encoding="utf-8", newline="\n") as f:
        for e in manifest:
            f.write(json.dumps(e, ensure_ascii=False) + "\n")
    shutil.copyfile(os.path.join(ecb_dir, "LICENSEDATA.TXT"), os.path.join(out, "LICENSE-ECBplus.txt"))
    shutil.copyfile(os.path.join(ecb_dir, "COPYING-CC.TXT"), os.path.join(out, "COPYING-CC-BY-3.0.txt"))

    # summary
    counts = {}
    for e in manifest:
        k = (e["outlet"], "warc" if e["warc_uri"] else "file")
        counts[k] = counts.get(k, 0) + 1
    print("articles: %d (%d from ECB+, %d copies, 1 seed)" % (len(manifest), len(arts), len(copies)))
    for (o, s), n in sorted(counts.items()):
        print("  %-24s %-4s %3d" % (o, s, n))
    stories = {}
    for e in manifest:
        if e["story"]:
            stories[e["story"]] = stories.get(e["story"], 0) + 1
    print("stories: " + ", ".join("%s=%d" % kv for kv in sorted(stories.items())))
    total = 0
    for dirpath, _, files in os.walk(out):
        total += sum(os.path.getsize(os.path.join(dirpath, f)) for f in files)
    print("size of %s: %d bytes" % (out, total))


if __name__ == "__main__":
    main()
