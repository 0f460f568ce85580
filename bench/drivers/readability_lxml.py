#!/usr/bin/python3
"""bench/extract's driver for readability-lxml (Debian's python3-readability).

    /usr/bin/python3 readability_lxml.py MANIFEST.json REPEAT OUT.json

MANIFEST.json is [{"key", "path", "url", "charset"}, ...]. All pages are read
into memory first (decoded when "charset" is given, else kept as bytes for
readability-lxml's own charset detection, which is then timed). Then, REPEAT
times, each page is timed on its own for
Document(html, url=url).summary(html_partial=True) plus the conversion of that
HTML to text (block_text below). The best run's total is reported. OUT.json
gets {"extractor", "version", "runs": [s...], "seconds", "page_seconds",
"texts": {key: text}, "errors": {key: message}}.

Text conversion: the summary HTML is parsed with lxml.html and its text is
joined the way the benchmark's html_text.extract_text lays it out: a blank
line around paragraph-like blocks (p, h1-h6, ul, ol, pre, blockquote, ...), a
newline around other blocks and <br>, a space between table cells, then
whitespace collapsed. What matters for the \\w+ shingle score is only that
words of different blocks are not glued together.
"""
import gc
import json
import re
import sys
import time

import lxml.html
from lxml import etree
from readability import Document

NEWLINE_TAGS = frozenset(['article', 'aside', 'br', 'dd', 'details', 'div', 'dt', 'fieldset',
                          'figcaption', 'footer', 'form', 'header', 'hr', 'legend', 'li', 'main',
                          'nav', 'table', 'tr', 'section', 'address', 'caption', 'summary'])
DOUBLE_NEWLINE_TAGS = frozenset(['blockquote', 'dl', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
                                 'ol', 'p', 'pre', 'title', 'ul'])
CELL_TAGS = frozenset(['td', 'th'])
SKIP_TAGS = frozenset(['script', 'style', 'noscript', 'template', 'head'])

_SPACES = re.compile(r'[ \t\r\f\v\u00a0]+')
_BLANKS = re.compile(r'\n{3,}')


def _walk(el, out):
    tag = el.tag if isinstance(el.tag, str) else ''
    if not tag:  # comment or processing instruction: only its tail is text
        if el.tail:
            out.append(el.tail)
        return
    tag = tag.lower()
    if tag in SKIP_TAGS:
        if el.tail:
            out.append(el.tail)
        return
    sep = '\n\n' if tag in DOUBLE_NEWLINE_TAGS else '\n' if tag in NEWLINE_TAGS else \
        ' ' if tag in CELL_TAGS else ''
    out.append(sep)
    if el.text:
        out.append(el.text)
    for child in el:
        _walk(child, out)
    out.append(sep)
    if el.tail:
        out.append(el.tail)


def normalise(text):
    lines = [_SPACES.sub(' ', line).strip() for line in text.replace('\r', '\n').split('\n')]
    return _BLANKS.sub('\n\n', '\n'.join(lines)).strip()


def block_text(html):
    if not html or not html.strip():
        return ''
    root = lxml.html.fromstring(html)
    out = []
    _walk(root, out)
    return normalise(''.join(out))


def main():
    manifest_path, repeat, out_path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    with open(manifest_path, encoding='utf-8') as f:
        manifest = json.load(f)
    pages = []
    for p in manifest:
        with open(p['path'], 'rb') as f:
            data = f.read()
        # A known charset (the scrapinghub set is transcoded to UTF-8) is
        # applied here; otherwise Document() gets the bytes and finds the
        # encoding itself (<meta> charset, else a guess).
        html = data.decode(p['charset'], errors='replace') if p.get('charset') else data
        pages.append((p['key'], html, p.get('url')))

    runs, best, best_page_seconds = [], None, None
    texts, errors = {}, {}
    for r in range(max(1, repeat)):
        gc.collect()
        page_seconds = {}
        total = 0.0
        for key, html, url in pages:
            t0 = time.perf_counter()
            try:
                summary = Document(html, url=url).summary(html_partial=True)
                text = block_text(summary)
                err = None
            except Exception as e:  # a peer's failure on a page is its result: empty text
                text, err = '', f'{type(e).__name__}: {e}'
            dt = time.perf_counter() - t0
            total += dt
            page_seconds[key] = dt
            if r == 0:
                texts[key] = text
                if err:
                    errors[key] = err
        runs.append(total)
        if best is None or total < best:
            best, best_page_seconds = total, page_seconds

    try:
        from importlib.metadata import version
        ver = version('readability-lxml')
    except Exception:
        ver = 'unknown'
    result = {
        'extractor': 'readability-lxml',
        'version': ver,
        'lxml': '.'.join(map(str, etree.LXML_VERSION)),
        'libxml2': '.'.join(map(str, etree.LIBXML_VERSION)),
        'python': sys.version.split()[0],
        'runs': runs,
        'seconds': best,
        'page_seconds': best_page_seconds,
        'texts': texts,
        'errors': errors,
    }
    with open(out_path, 'w', encoding='utf-8') as f:
        json.dump(result, f, ensure_ascii=False)


if __name__ == '__main__':
    main()
