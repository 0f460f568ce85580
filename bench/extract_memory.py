"""Peak memory of tidings' extraction per page, for bench/extract.

build/bench/tidings_extract_memory (bench/extract_memory.cc) runs
extract_article on each page in one process and counts every heap
allocation (it replaces malloc and kin with counting wrappers around
glibc's), so each page's peak is exact: the most heap live during that
page's extraction above the heap before it. The resident set would not
do: it also counts the pages of ICU's and CLD2's read-only tables as they
are first touched, and what glibc keeps for reuse.

The issue's goal: peak memory per page under 10x the page size.
"""
import json
import statistics
import subprocess
import tempfile
from pathlib import Path

TINY = b'<!doctype html><html><head><title>t</title></head><body><p>x</p></body></html>'


def measure(driver, pages, preexec=None):
    """pages: objects with .path (file) and .bytes. Returns a summary dict, or
    {'status': 'skipped', ...} when the driver is not built."""
    driver = Path(driver)
    if not driver.exists():
        return {'status': 'skipped', 'reason': f'{driver} not built (cmake --build build)'}
    with tempfile.TemporaryDirectory(prefix='tidings-mem-') as tmp:
        tiny = Path(tmp) / 'tiny.html'
        tiny.write_bytes(TINY)
        files = [str(tiny)] + [str(p.path) for p in pages]
        proc = subprocess.run([str(driver), *files], capture_output=True, text=True,
                              preexec_fn=preexec)
    if proc.returncode != 0:
        return {'status': 'failed', 'reason': proc.stderr.strip()[-300:]}
    rows = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    floor = rows[0]['peak_heap_bytes']
    rows = rows[1:]
    for r in rows:
        r['ratio'] = r['peak_heap_bytes'] / r['bytes'] if r['bytes'] else 0.0
    big = [r for r in rows if r['bytes'] >= 100_000]
    worst = max(rows, key=lambda r: r['ratio']) if rows else None
    return {
        'status': 'ok',
        'pages': len(rows),
        'fixed_bytes': floor,  # a tiny page's peak: the parser, detectors and buffers any page needs
        'median_ratio': statistics.median(r['ratio'] for r in rows) if rows else None,
        'max_ratio': worst['ratio'] if worst else None,
        'max_ratio_pages_100k_plus': max((r['ratio'] for r in big), default=None),
        'pages_over_10x': sum(1 for r in rows if r['ratio'] >= 10),
        'max_peak_mb': max((r['peak_heap_bytes'] for r in rows), default=0) / 1e6,
        'max_retained_bytes': max((r['retained_bytes'] for r in rows), default=0),
        'worst': worst,
        'rows': rows,
    }


def report(m):
    """Lines for the bench's output."""
    if m.get('status') != 'ok':
        return [f"memory: {m.get('status')}: {m.get('reason', '')}"]
    w = m['worst']
    big = m['max_ratio_pages_100k_plus']
    return [
        f"memory (tidings, peak heap per page / page size): median {m['median_ratio']:.2f}x, "
        f"max {m['max_ratio']:.2f}x ({w['file']}, {w['bytes'] / 1e3:.0f} KB page, "
        f"{w['peak_heap_bytes'] / 1e6:.2f} MB), pages of 100 KB or more max "
        + (f"{big:.2f}x" if big is not None else '-')
        + f"; {m['pages_over_10x']} of {m['pages']} pages at 10x or more; largest peak "
        f"{m['max_peak_mb']:.1f} MB; a tiny page's peak {m['fixed_bytes'] / 1e3:.0f} KB; "
        f"retained after a page at most {m['max_retained_bytes']} bytes",
    ]
