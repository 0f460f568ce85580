#!/usr/bin/env python3
"""Hostile web servers for tests/e2e/hostile_servers.sh.

One HTTP server per outlet on 127.0.0.1, each on its own port (so each is
its own host for the fetcher's politeness), each with its own feed so that
it is a separate source:

  healthy-alpha   RSS, 6 article pages; must be collected completely
  healthy-beta    Atom, 6 article pages; likewise
  drip            the feed trickles 1 byte per second
  endless         the feed is a chunked body that never ends
  bomb            the feed is a gzip stream of 1 GiB of zeros (about 1 MB sent)
  loop            the feed redirects /feed.xml -> /loop-a -> /loop-b -> /loop-a ...
  charset         two pages whose header says ISO-8859-1 and whose <meta>
                  says windows-1251 while the bytes are UTF-8 (Arabic, Russian)
  storm-404/500/429  feeds of 50 items that all answer 404, 500, or 429
                  with Retry-After: 120
  robots          robots.txt says Disallow: /
  private         the feed redirects to the cloud metadata address
                  169.254.169.254; its /items.xml lists items that redirect
                  to 10.0.0.1 and 169.254.169.254
  huge            a feed of 100,000 dated items, oldest first, gzip-encoded
                  when asked, with an ETag; the items link to the robots
                  outlet, so they are never fetched

Prints one JSON line per source ({"outlet", "name", "url", "kind"}) and
then "ready" on stdout, and serves until killed. With --opml FILE it also
writes the sources as OPML for `tidings sources import`. Standard library
only; request log on stderr.
"""
import argparse
import gzip
import html
import json
import struct
import sys
import threading
import time
import zlib
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
import newsweb  # noqa: E402  (its OPML writer)

ARABIC = "أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في المدينة لخدمة السكان"
RUSSIAN = "Городской совет сегодня утвердил новый план развития общественного транспорта"
HUGE_ITEMS = 100_000
STORM_ITEMS = 50


def gzip_bomb(total=1 << 30, block=1 << 20):
    """A valid gzip member that inflates to `total` zero bytes, built
    without compressing them all: after a full flush deflate's output for
    the same input block repeats, so one compressed block is copied."""
    zeros = bytes(block)
    c = zlib.compressobj(9, zlib.DEFLATED, 31)
    first = c.compress(zeros) + c.flush(zlib.Z_FULL_FLUSH)  # gzip header + block
    again = c.compress(zeros) + c.flush(zlib.Z_FULL_FLUSH)
    assert again == c.compress(zeros) + c.flush(zlib.Z_FULL_FLUSH)
    n = total // block
    crc = 0
    big = bytes(16 * block)
    for _ in range(n // 16):
        crc = zlib.crc32(big, crc)
    for _ in range(n % 16):
        crc = zlib.crc32(zeros, crc)
    # A final empty fixed-Huffman block, then CRC-32 and ISIZE (RFC 1952).
    return first + again * (n - 1) + b"\x03\x00" + struct.pack("<II", crc, total & 0xFFFFFFFF)


def rfc822(t):
    return format_datetime(t, usegmt=True)


def rss(title, base, items):
    """items: (link, title, datetime or None)."""
    out = [f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{html.escape(title)}</title>'
           f"<link>{base}/</link><description>{html.escape(title)}</description>"]
    for link, t, when in items:
        out.append(f"<item><title>{html.escape(t)}</title><link>{html.escape(link)}</link>"
                   + (f"<pubDate>{rfc822(when)}</pubDate>" if when else "") + "</item>")
    out.append("</channel></rss>")
    return "".join(out).encode()


def article(title, paragraphs, lang="en", meta=""):
    ps = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return (f'<!DOCTYPE html><html lang="{lang}"><head>{meta}<title>{html.escape(title)}</title></head>'
            f"<body><article><h1>{html.escape(title)}</h1>{ps}</article></body></html>")


def healthy_pages(outlet, n=6):
    now = datetime(2026, 11, 27, 9, 0, tzinfo=timezone.utc)
    pages = []
    for i in range(1, n + 1):
        title = f"{outlet} report number {i} on the harbour works"
        paras = [f"The harbour authority of {outlet} said on Friday that the works on pier {i} "
                 "would be finished before the winter storms, after months of delays caused by "
                 "shortages of steel and a dispute over the contract with the builders.",
                 "Residents who live near the docks have complained about the noise for most of "
                 "the year, and the council promised that night shifts would end next month.",
                 f"A spokesperson added that the cost of phase {i} stayed within the budget agreed "
                 "in the spring, and that the new quay would open to ferries in March."]
        pages.append((f"/news/{i}.html", title, now - timedelta(hours=i), article(title, paras).encode()))
    return pages


class Outlet:
    """Routes of one outlet: path -> function(handler)."""

    def __init__(self, name):
        self.name = name
        self.routes = {}
        self.base = ""

    def static(self, path, ctype, body, status=200, headers=()):
        def serve(h):
            h.send_response(status)
            h.send_header("Content-Type", ctype)
            h.send_header("Content-Length", str(len(body)))
            for k, v in headers:
                h.send_header(k, v)
            h.end_headers()
            h.wfile.write(body)
        self.routes[path] = serve

    def redirect(self, path, location):
        def serve(h):
            h.send_response(302)
            h.send_header("Location", location)
            h.send_header("Content-Length", "0")
            h.end_headers()
        self.routes[path] = serve


class Handler(BaseHTTPRequestHandler):
    outlet = None
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):
        sys.stderr.write(f"{self.outlet.name} {fmt % args}\n")

    def do_GET(self):
        route = self.outlet.routes.get(self.path.split("?")[0])
        if route is None:
            route = self.outlet.routes.get("*")
        try:
            if route is None:
                self.send_response(404)
                self.send_header("Content-Type", "text/plain")
                self.send_header("Content-Length", "10")
                self.end_headers()
                self.wfile.write(b"not found\n")
            else:
                route(self)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True


def drip(h):
    """1 byte per second of a feed that claims 10,000 bytes."""
    h.send_response(200)
    h.send_header("Content-Type", "application/rss+xml")
    h.send_header("Content-Length", "10000")
    h.end_headers()
    body = b'<?xml version="1.0"?><rss version="2.0"><channel>' + b" " * 10000
    for i in range(10000):
        h.wfile.write(body[i:i + 1])
        h.wfile.flush()
        time.sleep(1)


def endless(h):
    """A chunked feed body that never ends (until the client hangs up)."""
    h.send_response(200)
    h.send_header("Content-Type", "application/rss+xml")
    h.send_header("Transfer-Encoding", "chunked")
    h.end_headers()
    item = b"<item><title>again</title><link>http://127.0.0.1/again</link></item>\n" * 15000  # 1 MiB
    head = b'<?xml version="1.0"?><rss version="2.0"><channel><title>endless</title>\n'
    h.wfile.write(b"%x\r\n%s\r\n" % (len(head), head))
    for _ in range(1 << 12):  # 4 GiB at most, should a client never stop
        h.wfile.write(b"%x\r\n%s\r\n" % (len(item), item))
    h.wfile.write(b"0\r\n\r\n")


def storm(status, retry_after=None):
    def serve(h):
        body = f"status {status}\n".encode()
        h.send_response(status)
        h.send_header("Content-Type", "text/plain")
        h.send_header("Content-Length", str(len(body)))
        if retry_after is not None:
            h.send_header("Retry-After", str(retry_after))
        h.end_headers()
        h.wfile.write(body)
    return serve


def huge_feed(robots_base):
    start = datetime(2026, 1, 1, tzinfo=timezone.utc)
    items = ((f"{robots_base}/a/{i}", f"item {i}", start + timedelta(minutes=i)) for i in range(HUGE_ITEMS))
    out = ['<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Huge</title>']
    for link, _, when in items:  # compact: link and date only
        out.append(f"<item><link>{link}</link><pubDate>{rfc822(when)}</pubDate></item>\n")
    out.append("</channel></rss>")
    return "".join(out).encode()


def serve_huge(plain, packed):
    etag = '"huge-1"'

    def serve(h):
        if h.headers.get("If-None-Match") == etag:
            h.send_response(304)
            h.send_header("ETag", etag)
            h.send_header("Content-Length", "0")
            h.end_headers()
            return
        use_gzip = "gzip" in (h.headers.get("Accept-Encoding") or "")
        body = packed if use_gzip else plain
        h.send_response(200)
        h.send_header("Content-Type", "application/rss+xml")
        h.send_header("ETag", etag)
        if use_gzip:
            h.send_header("Content-Encoding", "gzip")
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        h.wfile.write(body)
    return serve


def build(outlets):
    """Fills each outlet's routes; returns the sources as dicts."""
    sources = []
    robots_allow = b"User-agent: *\nAllow: /\n"

    def source(o, path, name, kind="feed"):
        sources.append({"outlet": o.name, "name": name, "url": o.base + path, "kind": kind})

    for name, feed_kind in (("healthy-alpha", "rss"), ("healthy-beta", "atom")):
        o = outlets[name]
        pages = healthy_pages(name)
        for path, _, _, body in pages:
            o.static(path, "text/html; charset=utf-8", body)
        if feed_kind == "rss":
            feed = rss(f"Healthy {name}", o.base, [(o.base + p, t, w) for p, t, w, _ in pages])
            o.static("/feed.xml", "application/rss+xml; charset=utf-8", feed)
            source(o, "/feed.xml", name)
        else:
            entries = "".join(
                f'<entry><title>{html.escape(t)}</title><link rel="alternate" href="{o.base}{p}"/>'
                f"<id>{o.base}{p}</id><updated>{w.isoformat()}</updated></entry>" for p, t, w, _ in pages)
            feed = (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
                    f"<title>Healthy {name}</title><id>{o.base}/</id><updated>2026-11-27T09:00:00Z</updated>"
                    f"{entries}</feed>").encode()
            o.static("/atom.xml", "application/atom+xml", feed)
            source(o, "/atom.xml", name)
        o.static("/robots.txt", "text/plain", robots_allow)

    o = outlets["drip"]
    o.routes["/feed.xml"] = drip
    source(o, "/feed.xml", "drip")

    o = outlets["endless"]
    o.routes["/feed.xml"] = endless
    source(o, "/feed.xml", "endless")

    o = outlets["bomb"]
    o.static("/feed.xml", "application/rss+xml", gzip_bomb(), headers=[("Content-Encoding", "gzip")])
    source(o, "/feed.xml", "bomb")

    o = outlets["loop"]
    o.redirect("/feed.xml", "/loop-a")
    o.redirect("/loop-a", "/loop-b")
    o.redirect("/loop-b", o.base + "/loop-a")
    source(o, "/feed.xml", "loop")

    o = outlets["charset"]
    when = datetime(2026, 11, 27, 8, 0, tzinfo=timezone.utc)
    meta = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
    for path, lang, text in (("/ar.html", "ar", ARABIC), ("/ru.html", "ru", RUSSIAN)):
        body = article(text[:40], [text + ". " + text + "."] * 3, lang, meta)
        o.static(path, "text/html; charset=ISO-8859-1", body.encode("utf-8"))
    o.static("/feed.xml", "application/rss+xml; charset=utf-8",
             rss("Charset", o.base, [(o.base + "/ar.html", "ar", when), (o.base + "/ru.html", "ru", when)]))
    source(o, "/feed.xml", "charset")

    for status, retry in ((404, None), (500, None), (429, 120)):
        o = outlets[f"storm-{status}"]
        o.routes["*"] = storm(status, retry)
        o.static("/feed.xml", "application/rss+xml",
                 rss(f"Storm {status}", o.base, [(f"{o.base}/item/{i}", f"item {i}", None) for i in range(STORM_ITEMS)]))
        o.static("/robots.txt", "text/plain", robots_allow)
        source(o, "/feed.xml", f"storm-{status}")

    o = outlets["robots"]
    o.static("/robots.txt", "text/plain", b"User-agent: *\nDisallow: /\n")
    o.static("/feed.xml", "application/rss+xml", rss("Robots", o.base, [(o.base + "/a/1", "one", when)]))
    source(o, "/feed.xml", "robots")

    o = outlets["private"]
    o.redirect("/feed.xml", "http://169.254.169.254/latest/meta-data/")
    o.redirect("/go/1", "http://10.0.0.1/admin")
    o.redirect("/go/2", "http://169.254.169.254/latest/meta-data/iam/security-credentials/")
    o.static("/items.xml", "application/rss+xml",
             rss("Private items", o.base, [(o.base + "/go/1", "one", when), (o.base + "/go/2", "two", when)]))
    source(o, "/feed.xml", "private")
    source(o, "/items.xml", "private-items")

    o = outlets["huge"]
    plain = huge_feed(outlets["robots"].base)
    o.routes["/feed.xml"] = serve_huge(plain, gzip.compress(plain, 6))
    source(o, "/feed.xml", "huge")
    return sources


NAMES = ["healthy-alpha", "healthy-beta", "drip", "endless", "bomb", "loop", "charset",
         "storm-404", "storm-500", "storm-429", "robots", "private", "huge"]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--opml", help="also write the sources as OPML to this file")
    args = ap.parse_args()
    outlets, servers = {}, []
    for name in NAMES:
        o = Outlet(name)
        server = ThreadingHTTPServer(("127.0.0.1", 0), type(f"Handler_{name}", (Handler,), {"outlet": o}))
        server.daemon_threads = True
        o.base = f"http://127.0.0.1:{server.server_address[1]}"
        outlets[name] = o
        servers.append(server)
    sources = build(outlets)
    for server in servers:
        threading.Thread(target=server.serve_forever, daemon=True).start()
    for s in sources:
        print(json.dumps(s), flush=True)
    if args.opml:
        newsweb.write_opml(args.opml, sources, title="hostile web")
    print("ready", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    sys.exit(main())
