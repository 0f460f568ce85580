#!/usr/bin/env python3
"""A local "news web" for the demo and the end-to-end tests.

Serves the bundled sample collection (data/sample/) as the outlets it was
made from, one HTTP server per outlet on 127.0.0.1, each the way real sites
publish: the agency an Atom feed, the daily an RSS 2.0 feed announced on its
home page, the gazette a Google News sitemap named in robots.txt, the
aggregator RSS with its copies, the WARC outlets' pages too (read from
sample.warc.gz). Feeds honour conditional GET (ETag / If-None-Match).

One more outlet is made up here rather than taken from the sample: The
Northern Post (northernpost.example), a troubled site whose feed names
three articles, two pages behind a Cloudflare-like bot challenge (HTTP
403), two paywall teasers and two JavaScript-only shells, so that source
health (`tidings status`, docs/collecting.md) has something to flag.

Prints one JSON line per outlet ({"outlet", "name", "home", "url",
"kind", "articles"}: "articles" is how many of its pages are articles)
and then "ready" on stdout, and serves until killed. With --opml FILE it
also writes the outlets as an OPML subscription list that `tidings
sources import` registers (kind and name included).
Standard library only.
"""
import argparse
import gzip
import hashlib
import html
import json
import os
import sys
import threading
from email.utils import format_datetime
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# How each outlet publishes. Anything not named here gets an RSS feed.
STYLES = {
    "globalwire.example": "atom",
    "dailyledger.example": "rss-discovered",
    "valleygazette.example": "news-sitemap",
    "newshub-today.example": "rss",
    "worldnews-today.example": "rss",
    "metrocourier.example": "sitemap",
    "coastalherald.example": "rss-discovered",
}


def read_warc_pages(path):
    """{uri: (content_type, body)} from the sample's WARC response records."""
    pages = {}
    data = gzip.open(path).read()
    pos = 0
    while True:
        start = data.find(b"WARC/1.", pos)
        if start < 0:
            break
        head_end = data.find(b"\r\n\r\n", start)
        head = data[start:head_end].decode("utf-8", "replace").split("\r\n")
        fields = {}
        for line in head[1:]:
            k, _, v = line.partition(":")
            fields[k.strip().lower()] = v.strip()
        length = int(fields.get("content-length", "0"))
        block = data[head_end + 4: head_end + 4 + length]
        pos = head_end + 4 + length
        if fields.get("warc-type") != "response":
            continue
        http_head, _, body = block.partition(b"\r\n\r\n")
        ctype = "text/html; charset=utf-8"
        for line in http_head.decode("latin-1").split("\r\n")[1:]:
            k, _, v = line.partition(":")
            if k.strip().lower() == "content-type":
                ctype = v.strip()
        pages[fields.get("warc-target-uri", "")] = (ctype, body)
    return pages


def load_outlets(sample):
    outlets = {}
    warc = read_warc_pages(os.path.join(sample, "sample.warc.gz"))
    with open(os.path.join(sample, "manifest.jsonl"), encoding="utf-8") as f:
        for line in f:
            m = json.loads(line)
            host = m["outlet"]
            o = outlets.setdefault(host, {"name": m.get("outlet_name") or host, "pages": []})
            if m.get("file"):
                body = open(os.path.join(sample, m["file"]), "rb").read()
                charset = m.get("charset") or "utf-8"
                ctype = f"text/html; charset={charset}"
            else:
                ctype, body = warc[m["warc_uri"]]
            path = urlsplit(m["url"]).path or "/"
            if urlsplit(m["url"]).query:
                path += "?" + urlsplit(m["url"]).query
            o["pages"].append({"path": path, "title": m["title"], "published": m["published_at"],
                               "ctype": ctype, "body": body})
    for o in outlets.values():
        o["pages"].sort(key=lambda p: p["published"], reverse=True)
    outlets[TROUBLED_HOST] = troubled_outlet()
    return outlets


TROUBLED_HOST = "northernpost.example"

TROUBLED_ARTICLES = [
    ("/news/2023/11/02/ferry-timetable-winter", "Winter ferry timetable cuts evening crossings",
     "2023-11-02T07:15:00Z", [
         "The island ferry will stop running after 8 pm from the first week of December, the operator said on Wednesday, "
         "in a winter timetable that drops three evening crossings to save fuel.",
         "Councillors on the island called the cuts a blow to people who work late shifts on the mainland, and said they "
         "had not been consulted before the timetable was published.",
         "The operator said evening sailings had carried fewer than 20 passengers on average last winter, and that the "
         "crossings would return in April. A review of the timetable is due in the new year.",
         "Passengers with tickets for cancelled sailings will be offered refunds or a place on the last crossing of the day.",
     ]),
    ("/news/2023/11/02/library-reopens", "Town library reopens after roof repairs",
     "2023-11-02T11:40:00Z", [
         "The town library reopened on Thursday after eight months of repairs to a roof that had leaked onto the local "
         "history collection, the council said.",
         "Volunteers spent the summer drying and cataloguing more than 2,000 damaged books and maps; all but 40 items were "
         "saved, according to the head librarian.",
         "The repairs cost 310,000 euros, about a third more than planned, because the contractor found rot in the main "
         "beams once the tiles were lifted.",
         "Opening hours are unchanged, and the children's reading room, closed since the spring, is open again on Saturdays.",
     ]),
    ("/news/2023/11/03/harbour-dredging", "Harbour dredging to start in January",
     "2023-11-03T09:05:00Z", [
         "Dredging of the inner harbour will start in January and last about six weeks, the port authority said on Friday, "
         "after fishing crews complained that boats were grounding at low tide.",
         "About 40,000 cubic metres of silt will be taken out and shipped to a licensed site offshore. The quay will stay "
         "open, but berths will close in turn while the dredger works alongside them.",
         "The authority said the work had been delayed for two years by the search for a disposal site and by the cost, "
         "which is now shared with the regional government.",
         "Crews said they welcomed the date but wanted the harbour dredged every year rather than once a decade.",
     ]),
]

# Pages that are not articles, as real sites serve them.
CHALLENGE = """<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8"><meta name="robots" content="noindex,nofollow">
</head><body class="no-js"><div class="main-wrapper" role="main"><div class="main-content">
<h1 class="zone-name-title h1">northernpost.example</h1><h2 id="challenge-running" class="h2">Checking if the site connection is secure</h2>
<noscript><div id="challenge-error-title"><div class="h2"><span id="challenge-error-text">Enable JavaScript and cookies to continue</span></div></div></noscript>
<div id="challenge-body-text" class="core-msg spacer">northernpost.example needs to review the security of your connection before proceeding.</div>
<form id="challenge-form" action="{path}?__cf_chl_f_tk={token}" method="POST"><input type="hidden" name="md" value="{token}"></form></div></div>
<script>(function(){{window._cf_chl_opt={{cvId: '2',cZone: "northernpost.example",cType: 'managed',cRay: '{token}'}};
var cpo = document.createElement('script');cpo.src = '/cdn-cgi/challenge-platform/h/g/orchestrate/managed/v1?ray={token}';
document.getElementsByTagName('head')[0].appendChild(cpo);}}());</script>
<div class="footer" role="contentinfo"><div class="ray-id">Ray ID: <code>{token}</code></div>Performance &amp; security by Cloudflare</div></body></html>"""

PAYWALL = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title} | The Northern Post</title>
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle","headline":"{title}",
"datePublished":"{published}","isAccessibleForFree":"False","hasPart":{{"@type":"WebPageElement","isAccessibleForFree":"False","cssSelector":".locked-body"}}}}</script>
</head><body><header><a href="/">The Northern Post</a> <a href="/subscribe">Subscribe</a></header>
<article><h1>{title}</h1><p>{lead}</p><div class="locked-body"></div>
<div class="subscribe-box"><h2>Subscribe to keep reading</h2><p>Unlimited access from 2 euros a month. <a href="/login">Log in</a></p></div>
</article></body></html>"""

SHELL = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>The Northern Post</title><link href="/static/css/main.css" rel="stylesheet"></head>
<body><noscript>You need to enable JavaScript to run this app.</noscript><div id="root"></div>
<script src="/static/js/main.{token}.js"></script></body></html>"""

TROUBLED_PAGES = [
    # (path, title, published, status, kind)
    ("/news/2023/11/03/council-budget-vote", "Council budget vote delayed again", "2023-11-03T13:20:00Z", 403, "challenge"),
    ("/news/2023/11/04/school-closures", "Storm closes six schools", "2023-11-04T06:50:00Z", 403, "challenge"),
    ("/news/2023/11/04/fish-quota-talks", "Inside the fish quota talks", "2023-11-04T10:00:00Z", 200, "paywall"),
    ("/news/2023/11/05/mayor-interview", "The mayor on housing, roads and the port", "2023-11-05T08:30:00Z", 200, "paywall"),
    ("/live/2023/11/05/storm-updates", "Storm: live updates", "2023-11-05T12:00:00Z", 200, "shell"),
    ("/live/2023/11/06/election-night", "Election night live", "2023-11-06T20:00:00Z", 200, "shell"),
]


def troubled_outlet():
    """The Northern Post: three articles and six pages that are not articles."""
    pages = []
    for path, title, published, paragraphs in TROUBLED_ARTICLES:
        body = (f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{html.escape(title)} | The Northern Post</title>"
                f"<meta property=\"article:published_time\" content=\"{published}\"></head><body>"
                f"<header><a href=\"/\">The Northern Post</a></header><article><h1>{html.escape(title)}</h1>"
                + "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
                + "</article><footer>&copy; The Northern Post</footer></body></html>")
        pages.append({"path": path, "title": title, "published": published, "status": 200,
                      "ctype": "text/html; charset=utf-8", "body": body.encode()})
    for path, title, published, status, kind in TROUBLED_PAGES:
        token = hashlib.sha1(path.encode()).hexdigest()[:16]
        if kind == "challenge":
            body = CHALLENGE.format(path=path, token=token)
        elif kind == "paywall":
            body = PAYWALL.format(title=html.escape(title), published=published,
                                  lead="The first paragraph is all that readers without a subscription see of this story.")
        else:
            body = SHELL.format(token=token)
        pages.append({"path": path, "title": title, "published": published, "status": status, "kind": kind,
                      "ctype": "text/html; charset=UTF-8", "body": body.encode(),
                      "headers": {"Server": "cloudflare", "cf-mitigated": "challenge"} if kind == "challenge" else {}})
    pages.sort(key=lambda p: p["published"], reverse=True)
    return {"name": "The Northern Post", "pages": pages}


def rfc822(iso):
    return format_datetime(datetime.fromisoformat(iso.replace("Z", "+00:00")).astimezone(timezone.utc), usegmt=True)


def make_site(host, outlet, base):
    style = STYLES.get(host, "rss")
    name = html.escape(outlet["name"])
    files = {}
    for p in outlet["pages"]:
        files[p["path"]] = (p["ctype"], p["body"], p.get("status", 200), p.get("headers", {}))
    robots = "User-agent: *\nDisallow: /private/\n"
    links = ""
    if style == "atom":
        entries = "".join(
            f"<entry><title>{html.escape(p['title'])}</title><link rel=\"alternate\" href=\"{html.escape(p['path'])}\"/>"
            f"<id>{html.escape(base + p['path'])}</id><updated>{p['published']}</updated></entry>"
            for p in outlet["pages"])
        feed = (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" xml:base="{base}/">'
                f"<title>{name}</title><id>{base}/</id><updated>{outlet['pages'][0]['published']}</updated>{entries}</feed>")
        files["/atom.xml"] = ("application/atom+xml; charset=utf-8", feed.encode(), 200, {})
        feed_path = "/atom.xml"
        links = f'<link rel="alternate" type="application/atom+xml" href="{feed_path}">'
    elif style in ("news-sitemap", "sitemap"):
        news = style == "news-sitemap"
        urls = "".join(
            f"<url><loc>{html.escape(base + p['path'])}</loc><lastmod>{p['published']}</lastmod>"
            + (f"<news:news><news:publication><news:name>{name}</news:name><news:language>en</news:language>"
               f"</news:publication><news:publication_date>{p['published']}</news:publication_date>"
               f"<news:title>{html.escape(p['title'])}</news:title></news:news>" if news else "")
            + "</url>" for p in outlet["pages"])
        ns = ' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"' if news else ""
        sm = f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"{ns}>{urls}</urlset>'
        feed_path = "/sitemap-news.xml" if news else "/sitemap.xml"
        files[feed_path] = ("application/xml", sm.encode(), 200, {})
        if news:  # a sitemap index pointing at the news sitemap, named in robots.txt
            index = (f'<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                     f"<sitemap><loc>{base}{feed_path}</loc></sitemap></sitemapindex>")
            files["/sitemap-index.xml"] = ("application/xml", index.encode(), 200, {})
            robots += f"Sitemap: {base}/sitemap-index.xml\n"
            feed_path = None  # discovered through robots.txt
    else:
        items = "".join(
            f"<item><title>{html.escape(p['title'])}</title><link>{html.escape(base + p['path'])}</link>"
            f"<guid isPermaLink=\"true\">{html.escape(base + p['path'])}</guid><pubDate>{rfc822(p['published'])}</pubDate></item>"
            for p in outlet["pages"])
        feed = (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{name}</title>'
                f"<link>{base}/</link><description>{name}</description>{items}</channel></rss>")
        files["/feed.xml"] = ("application/rss+xml; charset=utf-8", feed.encode(), 200, {})
        feed_path = "/feed.xml"
        if style == "rss-discovered":
            links = f'<link rel="alternate" type="application/rss+xml" title="{name}" href="{feed_path}">'
    home = (f"<!DOCTYPE html><html><head><title>{name}</title>{links}</head><body><h1>{name}</h1><ul>"
            + "".join(f'<li><a href="{html.escape(p["path"])}">{html.escape(p["title"])}</a></li>' for p in outlet["pages"])
            + "</ul></body></html>")
    files["/"] = ("text/html; charset=utf-8", home.encode(), 200, {})
    files["/robots.txt"] = ("text/plain", robots.encode(), 200, {})
    kind = {"rss-discovered": "auto", "news-sitemap": "auto"}.get(style, "sitemap" if style == "sitemap" else "feed")
    registered = base + "/" if kind == "auto" else base + feed_path
    articles = sum(1 for p in outlet["pages"] if p.get("kind", "article") == "article")
    return files, {"outlet": host, "name": outlet["name"], "home": base + "/", "url": registered, "kind": kind,
                   "articles": articles}


class Handler(BaseHTTPRequestHandler):
    files = {}

    def log_message(self, *args):
        pass

    def do_GET(self):
        entry = self.files.get(self.path)
        if entry is None:
            self.send_error(404)
            return
        ctype, body, status, headers = entry
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        if status == 200 and self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("ETag", etag)
        self.end_headers()
        self.wfile.write(body)


def write_opml(path, infos, title="local news web"):
    """The outlets as OPML 2.0 in the shape `tidings sources export` writes
    (each info a dict with "name", "url" and "kind")."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<opml version="2.0" xmlns:tidings="urn:tidings:opml">',
             f"<head><title>{html.escape(title)}</title></head>", "<body>"]
    for o in infos:
        name = html.escape(o["name"], quote=True)
        url = html.escape(o["url"], quote=True)
        where = f'type="rss" xmlUrl="{url}"' if o["kind"] == "feed" else f'type="link" url="{url}"'
        lines.append(f'<outline text="{name}" title="{name}" {where} tidings:kind="{o["kind"]}"/>')
    lines += ["</body>", "</opml>"]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sample", default=os.path.join(ROOT, "data", "sample"))
    ap.add_argument("--port", type=int, default=0, help="first port (0 = any free ports)")
    ap.add_argument("--opml", help="also write the outlets as OPML to this file")
    args = ap.parse_args()
    outlets = load_outlets(args.sample)
    servers = []
    infos = []
    for i, (host, outlet) in enumerate(sorted(outlets.items())):
        server = ThreadingHTTPServer(("127.0.0.1", args.port + i if args.port else 0), None)
        base = f"http://127.0.0.1:{server.server_address[1]}"
        files, info = make_site(host, outlet, base)
        server.RequestHandlerClass = type(f"Handler_{i}", (Handler,), {"files": files})
        servers.append(server)
        infos.append(info)
        print(json.dumps(info), flush=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
    if args.opml:
        write_opml(args.opml, infos)
    print("ready", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    sys.exit(main())
