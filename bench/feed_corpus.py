"""The feeds bench/feeds parses, written to a folder (untimed).

Real text, realistic shapes: the sample's articles (data/sample, read through
scripts/newsweb.py, which serves them) become feeds the way news sites
publish them -- full-text RSS 2.0 with content:encoded (WordPress), Atom 1.0
with HTML summary and content, RSS 1.0 with Dublin Core, a headlines-only
RSS 2.0 (aggregators) and a 50,000-URL sitemap (the sitemaps.org maximum) --
plus the shared corpus's synthetic speed feeds and feedparser's 1,749 small
well-formed cases. Deterministic: the same sample gives the same bytes.
Standard library only.
"""
import datetime
import html
import json
import sys
from html.parser import HTMLParser
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
SHARED = ROOT.parent / 'shared' / 'data'
SETS = ['newsweb', 'generated', 'speed', 'small', 'sitemaps']

FULL_ITEMS = 1000       # items of each full-text feed
HEADLINE_ITEMS = 5000   # items of the headlines-only feed
SITEMAP_URLS = 50000    # the sitemaps.org maximum per file


class Feed:
    __slots__ = ('key', 'set', 'path', 'bytes')

    def __init__(self, key, set_name, path):
        self.key, self.set, self.path = key, set_name, path
        self.bytes = path.stat().st_size


def newsweb_module():
    sys.path.insert(0, str(ROOT / 'scripts'))
    try:
        import newsweb
    finally:
        sys.path.pop(0)
    return newsweb


# ---------------------------------------------------------------- articles

class _Paragraphs(HTMLParser):
    """The text of a page's <p> elements (scripts and styles skipped)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.paragraphs, self._buf, self._depth, self._skip = [], [], 0, 0

    def handle_starttag(self, tag, attrs):
        if tag in ('script', 'style'):
            self._skip += 1
        elif tag == 'p':
            self._depth += 1

    def handle_endtag(self, tag):
        if tag in ('script', 'style') and self._skip:
            self._skip -= 1
        elif tag == 'p' and self._depth:
            self._depth -= 1
            text = ' '.join(''.join(self._buf).split())
            if len(text) > 40:
                self.paragraphs.append(text)
            self._buf = []

    def handle_data(self, data):
        if self._depth and not self._skip:
            self._buf.append(data)


def charset_of(ctype):
    for part in ctype.split(';')[1:]:
        k, _, v = part.strip().partition('=')
        if k.lower() == 'charset' and v:
            return v.strip('"\'')
    return 'utf-8'


def sample_articles(newsweb):
    """[{url, title, published, byline, outlet, paragraphs}] from data/sample,
    newest first; pages without paragraphs of text are left out."""
    sample = ROOT / 'data' / 'sample'
    outlets = newsweb.load_outlets(str(sample))
    bylines = {}
    with open(sample / 'manifest.jsonl', encoding='utf-8') as f:
        for line in f:
            m = json.loads(line)
            bylines[m['url']] = m.get('byline') or ''
    articles = []
    for host, outlet in sorted(outlets.items()):
        for p in outlet['pages']:
            try:
                text = p['body'].decode(charset_of(p['ctype']), errors='replace')
            except LookupError:
                text = p['body'].decode('utf-8', errors='replace')
            parser = _Paragraphs()
            parser.feed(text)
            if not parser.paragraphs:
                continue
            url = f"https://{host}{p['path']}"
            articles.append({'url': url, 'title': p['title'], 'published': p['published'],
                             'byline': bylines.get(url, '') or outlet['name'], 'outlet': outlet['name'],
                             'paragraphs': parser.paragraphs})
    articles.sort(key=lambda a: (a['published'], a['url']), reverse=True)
    return articles


def nth(articles, i):
    """Item i: article i mod n under a URL of its own, i minutes older."""
    a = articles[i % len(articles)]
    url = a['url'].rstrip('/') + (f'-{i}/' if a['url'].endswith('/') else f'-{i}')
    when = datetime.datetime.fromisoformat(a['published'].replace('Z', '+00:00')) - datetime.timedelta(minutes=i)
    return a, url, when


def esc(s):
    return html.escape(s, quote=True)


def cdata(s):
    return '<![CDATA[' + s.replace(']]>', ']]]]><![CDATA[>') + ']]>'


def body_html(a):
    return ''.join(f'<p>{esc(p)}</p>' for p in a['paragraphs'])


def rfc822(when):
    return when.strftime('%a, %d %b %Y %H:%M:%S +0000')


def rfc3339(when):
    return when.strftime('%Y-%m-%dT%H:%M:%SZ')


def rss2_full(articles, n):
    items = []
    for i in range(n):
        a, url, when = nth(articles, i)
        items.append(
            f'<item><title>{esc(a["title"])}</title><link>{esc(url)}</link>'
            f'<dc:creator>{cdata(a["byline"])}</dc:creator><pubDate>{rfc822(when)}</pubDate>'
            f'<category>{cdata(a["outlet"])}</category><guid isPermaLink="true">{esc(url)}</guid>'
            f'<description>{cdata(a["paragraphs"][0])}</description>'
            f'<content:encoded>{cdata(body_html(a))}</content:encoded></item>\n')
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">\n'
            '<channel><title>Sample wire (full text)</title><link>https://wire.example/</link>'
            '<atom:link href="https://wire.example/feed/" rel="self" type="application/rss+xml"/>'
            '<description>Every sample article, full text</description><language>en</language>\n'
            + ''.join(items) + '</channel></rss>\n')


def atom_full(articles, n):
    entries = []
    for i in range(n):
        a, url, when = nth(articles, i)
        entries.append(
            f'<entry><title type="text">{esc(a["title"])}</title>'
            f'<link rel="alternate" type="text/html" href="{esc(url)}"/><id>{esc(url)}</id>'
            f'<published>{rfc3339(when)}</published><updated>{rfc3339(when)}</updated>'
            f'<author><name>{esc(a["byline"])}</name></author><category term="{esc(a["outlet"])}"/>'
            f'<summary type="html">{esc("<p>" + esc(a["paragraphs"][0]) + "</p>")}</summary>'
            f'<content type="html">{esc(body_html(a))}</content></entry>\n')
    return ('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">'
            '<title>Sample agency (full text)</title><id>https://agency.example/</id>'
            '<link rel="self" href="https://agency.example/atom.xml"/>'
            f'<updated>{rfc3339(nth(articles, 0)[2])}</updated>\n' + ''.join(entries) + '</feed>\n')


def rdf_full(articles, n):
    seq, items = [], []
    for i in range(n):
        a, url, when = nth(articles, i)
        seq.append(f'<rdf:li rdf:resource="{esc(url)}"/>')
        items.append(
            f'<item rdf:about="{esc(url)}"><title>{esc(a["title"])}</title><link>{esc(url)}</link>'
            f'<description>{esc(a["paragraphs"][0])}</description><dc:date>{rfc3339(when)}</dc:date>'
            f'<dc:creator>{esc(a["byline"])}</dc:creator><dc:subject>{esc(a["outlet"])}</dc:subject>'
            f'<content:encoded>{cdata(body_html(a))}</content:encoded></item>\n')
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
            'xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/">\n'
            '<channel rdf:about="https://daily.example/index.rdf"><title>Sample daily (RSS 1.0)</title>'
            '<link>https://daily.example/</link><description>Every sample article</description>'
            '<items><rdf:Seq>' + ''.join(seq) + '</rdf:Seq></items></channel>\n'
            + ''.join(items) + '</rdf:RDF>\n')


def rss2_headlines(articles, n):
    items = []
    for i in range(n):
        a, url, when = nth(articles, i)
        items.append(
            f'<item><title>{esc(a["title"])} - {esc(a["outlet"])}</title><link>{esc(url)}</link>'
            f'<guid isPermaLink="false">{esc(url)}</guid><pubDate>{rfc822(when)}</pubDate>'
            f'<source url="https://{esc(url.split("/")[2])}/">{esc(a["outlet"])}</source></item>\n')
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
            '<title>Sample headlines</title><link>https://headlines.example/</link>'
            '<description>Headlines from every outlet</description>\n' + ''.join(items) + '</channel></rss>\n')


def sitemap(articles, n):
    urls = []
    for i in range(n):
        a, url, when = nth(articles, i)
        urls.append(f'<url><loc>{esc(url)}</loc><lastmod>{rfc3339(when)}</lastmod></url>\n')
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + ''.join(urls) + '</urlset>\n')


# ---------------------------------------------------------------- sets

def build(out, sets, notes):
    """Writes the chosen sets under `out` and returns their Feeds."""
    out.mkdir(parents=True, exist_ok=True)
    feeds = []

    def add(set_name, name, data):
        d = out / set_name
        d.mkdir(exist_ok=True)
        path = d / name
        path.write_bytes(data if isinstance(data, bytes) else data.encode('utf-8'))
        feeds.append(Feed(f'{set_name}/{name}', set_name, path))

    sample_ok = (ROOT / 'data' / 'sample' / 'manifest.jsonl').is_file()
    if not sample_ok and ({'newsweb', 'generated', 'sitemaps'} & set(sets)):
        notes.append('data/sample absent -- newsweb, generated and sitemaps skipped')
    newsweb = newsweb_module() if sample_ok else None
    articles = sample_articles(newsweb) if sample_ok and ({'generated', 'sitemaps'} & set(sets)) else []

    for s in sets:
        if s in ('newsweb', 'sitemaps') and newsweb:
            for host, outlet in sorted(newsweb.load_outlets(str(ROOT / 'data' / 'sample')).items()):
                files, _ = newsweb.make_site(host, outlet, f'http://{host}')
                for path, (ctype, body, *_) in sorted(files.items()):
                    is_sitemap = 'sitemap' in path
                    is_feed = path.endswith('.xml') and not is_sitemap
                    if (s == 'newsweb' and is_feed) or (s == 'sitemaps' and is_sitemap):
                        add(s, host + path.replace('/', '-'), body)
            if s == 'sitemaps' and articles:
                add(s, f'sitemap-{SITEMAP_URLS}.xml', sitemap(articles, SITEMAP_URLS))
        elif s == 'generated' and articles:
            add(s, f'rss2-full-{FULL_ITEMS}.xml', rss2_full(articles, FULL_ITEMS))
            add(s, f'atom-full-{FULL_ITEMS}.xml', atom_full(articles, FULL_ITEMS))
            add(s, f'rdf-full-{FULL_ITEMS}.xml', rdf_full(articles, FULL_ITEMS))
            add(s, f'rss2-headlines-{HEADLINE_ITEMS}.xml', rss2_headlines(articles, HEADLINE_ITEMS))
        elif s == 'speed':
            d = SHARED / 'feeds' / 'speed'
            names = [n for n in ('rss2-500.xml', 'atom-500.xml') if (d / n).is_file()]
            if not names:
                notes.append(f'speed: {d} absent -- skipped')
            for n in names:
                add(s, n, (d / n).read_bytes())
        elif s == 'small':
            d = SHARED / 'feeds' / 'feedparser-tests' / 'wellformed'
            files = sorted(d.rglob('*.xml')) if d.is_dir() else []
            if not files:
                notes.append(f'small: {d} absent -- skipped')
            for p in files:
                add(s, str(p.relative_to(d)).replace('/', '-'), p.read_bytes())
    return feeds
