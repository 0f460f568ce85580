#!/usr/bin/env python3
"""The local news web, scaled up for bench/crawl.

    bench/bench_web.py [--copies K] [--frontier N [--per-sitemap M]] [--opml FILE]

--copies K serves K copies of scripts/newsweb.py's outlets (the sample
collection, each outlet publishing as newsweb.py makes it: Atom, RSS,
discovered feeds, news sitemaps in robots.txt), each copy of each outlet
on its own port, so that K x outlets hosts can be crawled at once.

--frontier N serves one more site whose robots.txt names a sitemap index of
ceil(N / M) sitemaps of M URLs each (M = 50,000 by default, the
sitemaps.org maximum); every URL /a/I answers with sample page I mod pages.
The sitemaps are made on request, so the server stays small.

--processes P (one per CPU by default) shares the ports among P forked
processes, so that one interpreter lock does not cap the whole web.

HTTP/1.1 with keep-alive (a real site's default; newsweb.py speaks 1.0),
each response in one write with TCP_NODELAY.
Prints one JSON line per source ({"outlet", "name", "home", "url", "kind"}),
then "ready", and serves until killed. --opml FILE writes the sources as
the OPML `tidings sources import` reads. Standard library only.
"""
import argparse
import json
import os
import signal
import sys
import threading
import time
from http.server import ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / 'scripts'))
import newsweb  # noqa: E402


class Handler(newsweb.Handler):
    protocol_version = 'HTTP/1.1'
    # Headers and body leave in one write, with Nagle off: otherwise each
    # keep-alive response waits out the client's delayed ACK (~40 ms).
    wbufsize = 1 << 16
    disable_nagle_algorithm = True


class BigSitemapHandler(Handler):
    """/robots.txt, /sitemap-index.xml, /sitemap-K.xml and /a/I, computed."""
    total = 0
    per_sitemap = 50000
    pages = []  # [(content_type, body)]

    def do_GET(self):
        base = f'http://{self.headers.get("Host", "127.0.0.1")}'
        path = self.path
        if path == '/robots.txt':
            return self.reply('text/plain', f'User-agent: *\nSitemap: {base}/sitemap-index.xml\n'.encode())
        if path == '/sitemap-index.xml':
            n = -(-self.total // self.per_sitemap)
            body = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
                    + ''.join(f'<sitemap><loc>{base}/sitemap-{k}.xml</loc></sitemap>\n' for k in range(n))
                    + '</sitemapindex>\n')
            return self.reply('application/xml', body.encode())
        if path.startswith('/sitemap-') and path.endswith('.xml'):
            try:
                k = int(path[len('/sitemap-'):-len('.xml')])
            except ValueError:
                return self.send_error(404)
            first = k * self.per_sitemap
            last = min(self.total, first + self.per_sitemap)
            if first >= last:
                return self.send_error(404)
            body = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
                    + ''.join(f'<url><loc>{base}/a/{i}</loc><lastmod>2026-11-27</lastmod></url>\n'
                              for i in range(first, last))
                    + '</urlset>\n')
            return self.reply('application/xml', body.encode())
        if path.startswith('/a/'):
            try:
                i = int(path[3:])
            except ValueError:
                return self.send_error(404)
            ctype, body = self.pages[i % len(self.pages)]
            return self.reply(ctype, body)
        self.send_error(404)

    def reply(self, ctype, body):
        self.send_response(200)
        self.send_header('Content-Type', ctype)
        self.send_header('Content-Length', str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class Server(ThreadingHTTPServer):
    daemon_threads = True
    # The default backlog of 5 drops connections a parallel client opens at
    # once, and each dropped SYN costs the client a 1 s retransmission.
    request_queue_size = 1024


def bind(handler):
    """A listening server on a free port (not serving yet) and its base URL."""
    server = Server(('127.0.0.1', 0), handler)
    return server, f'http://127.0.0.1:{server.server_address[1]}'


def serve_share(servers, workers):
    """Serves the listening `servers` from `workers` processes (server i in
    process i mod workers), so one Python interpreter's lock does not cap the
    whole web. Returns the children's pids; each child ends when its parent
    does."""
    children = []
    for w in range(1, workers):
        pid = os.fork()
        if pid == 0:
            parent = os.getppid()
            for server in servers[w::workers]:
                threading.Thread(target=server.serve_forever, daemon=True).start()
            while os.getppid() == parent:
                time.sleep(0.5)
            os._exit(0)
        children.append(pid)
    for server in servers[0::workers]:
        threading.Thread(target=server.serve_forever, daemon=True).start()
    return children


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--sample', default=str(ROOT / 'data' / 'sample'))
    ap.add_argument('--copies', type=int, default=1, help='copies of the sample outlets (1; 0 = none)')
    ap.add_argument('--frontier', type=int, default=0, metavar='N', help='a site whose sitemaps name N URLs')
    ap.add_argument('--per-sitemap', type=int, default=50000, metavar='M', help='URLs per sitemap (50000)')
    ap.add_argument('--processes', type=int, default=os.cpu_count() or 1, metavar='P',
                    help='serving processes (one per CPU)')
    ap.add_argument('--opml', help='also write the sources as OPML to this file')
    args = ap.parse_args()
    outlets = newsweb.load_outlets(args.sample)
    infos, servers = [], []
    for copy in range(args.copies):
        for i, (host, outlet) in enumerate(sorted(outlets.items())):
            handler = type(f'Handler_{copy}_{i}', (Handler,), {'files': {}})
            server, base = bind(handler)
            files, info = newsweb.make_site(host, outlet, base)
            handler.files = files
            if args.copies > 1:
                info['name'] = f'{info["name"]} #{copy + 1}'
            servers.append(server)
            infos.append(info)
    if args.frontier > 0:
        pages = [(p['ctype'], p['body']) for _, o in sorted(outlets.items()) for p in o['pages']]
        handler = type('BigSitemap', (BigSitemapHandler,),
                       {'total': args.frontier, 'per_sitemap': max(1, args.per_sitemap), 'pages': pages})
        server, base = bind(handler)
        servers.append(server)
        infos.append({'outlet': 'frontier.example', 'name': f'{args.frontier} URLs',
                      'home': base + '/', 'url': base + '/sitemap-index.xml', 'kind': 'sitemap'})
    children = serve_share(servers, max(1, min(args.processes, len(servers))))
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    for info in infos:
        print(json.dumps(info), flush=True)
    if args.opml:
        newsweb.write_opml(args.opml, infos)
    print('ready', flush=True)
    try:
        threading.Event().wait()
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        for pid in children:
            os.kill(pid, signal.SIGTERM)
            os.waitpid(pid, 0)


if __name__ == '__main__':
    sys.exit(main())
