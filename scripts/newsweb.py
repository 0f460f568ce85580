#!/usr/bin/env python3
"""A local "news web" for the demo and the end-to-end tests.

Serves the bundled sample collection (data/sample/) as the outlets it was
made from, one HTTP server per outlet on 127.0.0.1, each the way real sites
publish: the agency an Atom feed, the daily an RSS 2.0 feed announced on its
home page, the gazette a Google News sitemap named in robots.txt, the
aggregator RSS with its copies, the WARC outlets' pages too (read from
sample.warc.gz). Feeds honour conditional GET (ETag / If-None-Match).

Prints one JSON line per outlet ({"outlet", "name", "home", "url",
"kind"}) and then "ready" on stdout, and serves until killed. With
--opml FILE it also writes the outlets as an OPML subscription list that
`tidings sources import` registers (kind and name included).
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
    return outlets


def rfc822(iso):
    return format_datetime(datetime.fromisoformat(iso.replace("Z", "+00:00")).astimezone(timezone.utc), usegmt=True)


def make_site(host, outlet, base):
    style = STYLES.get(host, "rss")
    name = html.escape(outlet["name"])
    files = {}
    for p in outlet["pages"]:
        files[p["path"]] = (p["ctype"], p["body"])
    robots = "User-agent: *\nDisallow: /private/\n"
    links = ""
    if style == "atom":
        entries = "".join(
            f"<entry><title>{html.escape(p['title'])}</title><link rel=\"alternate\" href=\"{html.escape(p['path'])}\"/>"
            f"<id>{html.escape(base + p['path'])}</id><updated>{p['published']}</updated></entry>"
            for p in outlet["pages"])
        feed = (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" xml:base="{base}/">'
                f"<title>{name}</title><id>{base}/</id><updated>{outlet['pages'][0]['published']}</updated>{entries}</feed>")
        files["/atom.xml"] = ("application/atom+xml; charset=utf-8", feed.encode())
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
        files[feed_path] = ("application/xml", sm.encode())
        if news:  # a sitemap index pointing at the news sitemap, named in robots.txt
            index = (f'<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                     f"<sitemap><loc>{base}{feed_path}</loc></sitemap></sitemapindex>")
            files["/sitemap-index.xml"] = ("application/xml", index.encode())
            robots += f"Sitemap: {base}/sitemap-index.xml\n"
            feed_path = None  # discovered through robots.txt
    else:
        items = "".join(
            f"<item><title>{html.escape(p['title'])}</title><link>{html.escape(base + p['path'])}</link>"
            f"<guid isPermaLink=\"true\">{html.escape(base + p['path'])}</guid><pubDate>{rfc822(p['published'])}</pubDate></item>"
            for p in outlet["pages"])
        feed = (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{name}</title>'
                f"<link>{base}/</link><description>{name}</description>{items}</channel></rss>")
        files["/feed.xml"] = ("application/rss+xml; charset=utf-8", feed.encode())
        feed_path = "/feed.xml"
        if style == "rss-discovered":
            links = f'<link rel="alternate" type="application/rss+xml" title="{name}" href="{feed_path}">'
    home = (f"<!DOCTYPE html><html><head><title>{name}</title>{links}</head><body><h1>{name}</h1><ul>"
            + "".join(f'<li><a href="{html.escape(p["path"])}">{html.escape(p["title"])}</a></li>' for p in outlet["pages"])
            + "</ul></body></html>")
    files["/"] = ("text/html; charset=utf-8", home.encode())
    files["/robots.txt"] = ("text/plain", robots.encode())
    kind = {"rss-discovered": "auto", "news-sitemap": "auto"}.get(style, "sitemap" if style == "sitemap" else "feed")
    registered = base + "/" if kind == "auto" else base + feed_path
    return files, {"outlet": host, "name": outlet["name"], "home": base + "/", "url": registered, "kind": kind}


class Handler(BaseHTTPRequestHandler):
    files = {}

    def log_message(self, *args):
        pass

    def do_GET(self):
        entry = self.files.get(self.path)
        if entry is None:
            self.send_error(404)
            return
        ctype, body = entry
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("ETag", etag)
        self.end_headers()
        self.wfile.write(body)


def write_opml(path, infos):
    """The outlets as OPML 2.0 in the shape `tidings sources export` writes."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<opml version="2.0" xmlns:tidings="urn:tidings:opml">',
             "<head><title>local news web</title></head>", "<body>"]
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
