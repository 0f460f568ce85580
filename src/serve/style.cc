// The web UI's stylesheet and icon, embedded so the server needs no files
// and pages load nothing from elsewhere (see pages.h).
#include "serve/pages.h"

namespace tidings::serve {

namespace {

// System fonts only; light and dark through prefers-color-scheme; one
// readable column that also fits a phone.
constexpr std::string_view kStyle = R"css(:root {
  --bg: #fbfbf9; --fg: #1d1d1f; --muted: #5f6368; --line: #e3e3de;
  --link: #1a56b8; --visited: #6b3fa0; --accent: #b4481f; --box: #fff4e5; --box-line: #f0c07a;
  --badge: #eef0f3; --code: #f2f2ef; --sea: #e4edf5; --land: #fbfbf9; --border: #b9bec4;
  color-scheme: light dark;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #141416; --fg: #e6e6e3; --muted: #9aa0a6; --line: #2c2c30;
    --link: #8ab4f8; --visited: #c5a3f5; --accent: #f28b54; --box: #2a2118; --box-line: #7a5a2c;
    --badge: #26282c; --code: #222226; --sea: #182029; --land: #2a2b30; --border: #55595f;
  }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0; background: var(--bg); color: var(--fg);
  font: 17px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans",
        "Liberation Sans", Arial, sans-serif;
  overflow-wrap: break-word;
}
a { color: var(--link); text-underline-offset: 0.15em; }
a:visited { color: var(--visited); }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace;
       font-size: 0.85em; background: var(--code); padding: 0.05em 0.3em; border-radius: 4px;
       word-break: break-all; }
.wrap { max-width: 44rem; margin: 0 auto; padding: 0 1rem; }
header.site { border-bottom: 1px solid var(--line); margin-bottom: 1.5rem; }
header.site .wrap { display: flex; align-items: baseline; justify-content: space-between;
                    gap: 1rem; padding-top: 0.8rem; padding-bottom: 0.8rem; }
.brand { font-weight: 700; font-size: 1.25rem; letter-spacing: -0.01em; color: var(--fg);
         text-decoration: none; }
.brand:visited { color: var(--fg); }
.brand { white-space: nowrap; }
.brand::before { content: ""; display: inline-block; width: 0.6em; height: 0.6em;
                 margin-right: 0.4em; border-radius: 50%; background: var(--accent); }
header.site nav a { margin-left: 1rem; color: var(--muted); text-decoration: none; }
header.site nav a:hover { color: var(--fg); }
footer.site { color: var(--muted); font-size: 0.85rem; padding-top: 2rem; padding-bottom: 2rem;
              border-top: 1px solid var(--line); margin-top: 3rem; }
footer.site a { color: var(--muted); }
h1 { line-height: 1.25; letter-spacing: -0.015em; }
.page-title { font-size: 1.6rem; margin: 0 0 0.2rem; }
.muted, .meta, .empty { color: var(--muted); }
.meta { font-size: 0.9rem; }
.items { list-style: none; padding: 0; margin: 1rem 0; }
.item { padding: 1rem 0; border-bottom: 1px solid var(--line); }
.item-title { display: block; font-size: 1.12rem; font-weight: 600; line-height: 1.35;
              text-decoration: none; color: var(--fg); }
.item-title:visited { color: var(--muted); }
.item-title:hover { text-decoration: underline; }
.item .meta { margin-top: 0.2rem; }
.outlet, .kicker { font-weight: 600; color: var(--accent); }
.outlet::after { content: " \00B7"; color: var(--muted); font-weight: 400; }
.excerpt { margin: 0.35rem 0 0; font-size: 0.95rem; color: var(--muted); }
.badge { display: inline-block; font-size: 0.75rem; line-height: 1.5; padding: 0 0.45em;
         border-radius: 999px; background: var(--badge); color: var(--muted); white-space: nowrap; }
.pager { display: flex; justify-content: space-between; gap: 1rem; margin: 1.5rem 0; }
.pager .older { margin-left: auto; }
.pager a { padding: 0.45rem 0.9rem; border: 1px solid var(--line); border-radius: 8px;
           text-decoration: none; }
.crumbs { margin: 0 0 1rem; font-size: 0.9rem; }
.crumbs a { text-decoration: none; }
.kicker { margin: 0; text-transform: uppercase; letter-spacing: 0.06em; font-size: 0.8rem; }
.article-head h1 { font-size: 1.9rem; margin: 0.2rem 0 0.4rem; }
.byline { font-weight: 600; color: var(--fg); }
.byline::after { content: " \00B7"; color: var(--muted); font-weight: 400; }
.source-box { background: var(--box); border: 1px solid var(--box-line);
              border-left: 4px solid var(--accent); border-radius: 8px;
              padding: 0.7rem 1rem; margin: 1.2rem 0 1.6rem; }
.source-box h2 { font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.08em;
                 margin: 0 0 0.3rem; color: var(--accent); }
.source-box ul { margin: 0; padding-left: 1.1rem; }
.source-box li { margin: 0.2rem 0; }
.source-box p { margin: 0; }
.host { color: var(--muted); font-size: 0.85rem; }
.unlinked { color: var(--muted); }
.body p { margin: 0 0 1em; }
.details { display: grid; grid-template-columns: max-content 1fr; gap: 0.3rem 1rem;
           font-size: 0.9rem; border-top: 1px solid var(--line); padding-top: 1rem;
           margin-top: 2rem; }
.details dt { color: var(--muted); }
.details dd { margin: 0; min-width: 0; overflow-wrap: anywhere; }
.sources { width: 100%; border-collapse: collapse; font-size: 0.9rem; display: block;
           overflow-x: auto; }
.sources th, .sources td { text-align: left; padding: 0.45rem 0.6rem 0.45rem 0;
                           border-bottom: 1px solid var(--line); vertical-align: top; }
.sources th { color: var(--muted); font-weight: 600; white-space: nowrap; }
.sources td small { color: var(--muted); overflow-wrap: anywhere; }
.sources tr.failing td:first-child { border-left: 3px solid var(--accent); padding-left: 0.5rem; }
.sources .error { color: var(--accent); }
.sources .warning { color: var(--fg); font-style: italic; }
.sources tr.flagged td:first-child { border-left: 3px solid var(--accent); padding-left: 0.5rem; }
.sources ul.flags { margin: 0; padding-left: 1rem; }
.sources ul.flags li { margin: 0 0 0.25rem; }
.sources ul.flags strong { color: var(--accent); }
.sources .ok { color: var(--muted); }
.section-title { font-size: 1.15rem; margin: 2rem 0 0.4rem; }
.more { margin: 0.4rem 0 1rem; }
.badge.strong { background: var(--box); color: var(--accent); font-weight: 600; }
.tabs { display: flex; gap: 1rem; margin: 0.3rem 0 0.4rem; }
.first-report { margin: 0.3rem 0 0; }
.first-outlet { font-weight: 600; }
.relations { border: 1px solid var(--line); border-radius: 8px; padding: 0.6rem 1rem;
             margin: 1rem 0; font-size: 0.95rem; }
.relations p { margin: 0.2rem 0; }
.outlet-name { color: var(--muted); }
.copies { margin: 0.4rem 0 0; font-size: 0.9rem; }
.copies summary { cursor: pointer; color: var(--muted); }
.copies ul { list-style: none; margin: 0.3rem 0 0; padding: 0 0 0 0.9rem;
             border-left: 2px solid var(--line); }
.copies li { margin: 0.45rem 0; }
.coverage { margin: 0.4rem 0 1rem; }
.coverage .chart { display: block; width: 100%; height: 12rem; }
.coverage svg.chart { background: var(--code); border-radius: 6px; }
.coverage .chart-drawn + figcaption .legend { display: none; }
.coverage rect.articles, .coverage .key.articles { fill: var(--link); background: var(--link);
                                                   opacity: 0.35; }
.coverage rect.outlets, .coverage .key.outlets { fill: var(--accent); background: var(--accent); }
.coverage figcaption { font-size: 0.8rem; color: var(--muted); margin-top: 0.3rem; }
.coverage .axis { display: flex; justify-content: space-between; gap: 0.5rem; }
.coverage .axis time, .coverage .axis span, .meta time, .first-report time { white-space: nowrap; }
.coverage .legend { display: block; text-align: center; }
.coverage .key { display: inline-block; width: 0.7em; height: 0.7em; border-radius: 2px;
                 margin: 0 0.3em 0 0.6em; }
.error-page { text-align: center; padding: 3rem 0; }
.error-page .status { font-size: 3rem; font-weight: 700; color: var(--accent); margin: 0; }
@media (max-width: 30rem) {
  body { font-size: 16px; }
  .article-head h1 { font-size: 1.5rem; }
  .details { grid-template-columns: 1fr; gap: 0 1rem; }
  .details dd { margin-bottom: 0.5rem; }
}
.facts tr.disputed td:first-child { border-left: 3px solid var(--accent); padding-left: 0.5rem; }
.measure { font-size: 1rem; margin: 1.2rem 0 0.3rem; }
.disagreements { background: var(--box); border: 1px solid var(--box-line);
                 border-left: 4px solid var(--accent); border-radius: 8px;
                 padding: 0.6rem 1rem; margin: 0.8rem 0 1rem; font-size: 0.95rem; }
.disagreements h3 { font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.08em;
                    margin: 0 0 0.3rem; color: var(--accent); }
.disagreements ul, .fact-tallies, .fact-list { margin: 0.2rem 0; padding-left: 1.1rem; }
.fact-tallies li, .fact-list li { margin: 0.3rem 0; }
.fact-label { font-weight: 600; }
.fact-quotes { list-style: none; padding: 0; }
.fact-quotes li { margin: 0 0 1rem; }
.fact-quotes blockquote { margin: 0 0 0.2rem; padding-left: 0.8rem;
                          border-left: 3px solid var(--line); font-style: italic; }
.article-facts h3 { font-size: 0.95rem; margin: 1rem 0 0.2rem; color: var(--muted); }
mark.fact { background: none; color: inherit; border-bottom: 2px solid var(--line);
            padding: 0 0.05em; }
mark.fact-person { border-bottom-color: var(--link); }
mark.fact-place { border-bottom-color: #2e8b57; }
mark.fact-figure { background: var(--box); border-bottom-color: var(--accent); }
mark.fact-quote { background: var(--badge); border-bottom: none; }
mark.fact-date { border-bottom-style: dotted; border-bottom-color: var(--muted); }
.skip { position: absolute; left: -999px; top: 0; padding: 0.5rem 1rem; background: var(--bg);
        z-index: 10; }
.skip:focus { left: 0.5rem; }
header.site nav { display: flex; flex-wrap: wrap; gap: 0 1rem; }
header.site nav a { margin-left: 0; }
header.site nav a[aria-current="page"] { color: var(--fg); font-weight: 600;
                                         box-shadow: inset 0 -2px 0 var(--accent); }
:focus-visible { outline: 2px solid var(--link); outline-offset: 2px; }
div.chart { position: relative; min-height: 12rem; }
div.chart .u-legend { font-size: 0.8rem; color: var(--muted); }
div.chart .u-legend th { font-weight: 600; }
div.chart canvas { display: block; }
.chart-message { color: var(--muted); font-size: 0.9rem; margin: 0; padding: 1rem 0; }
.chart-switch { display: inline-flex; border: 1px solid var(--line); border-radius: 8px;
                overflow: hidden; margin: 0 0 0.4rem; }
.chart-switch button { font: inherit; font-size: 0.85rem; padding: 0.25rem 0.8rem; border: 0;
                       background: none; color: var(--fg); cursor: pointer; }
.chart-switch button[aria-pressed="true"] { background: var(--link); color: var(--bg); }
div.map { aspect-ratio: 2 / 1; width: 100%; margin: 0.4rem 0 0.8rem; background: var(--sea);
          border-radius: 6px; overflow: hidden; }
div.map .chart-message { padding: 1rem; }
.map-svg { display: block; width: 100%; height: 100%; }
.map-svg .sea { fill: var(--sea); }
.map-svg .countries path { fill: var(--land); stroke: var(--border); stroke-width: 0.6; }
.map-svg .marker { fill: var(--accent); fill-opacity: 0.55; stroke: var(--accent);
                   stroke-width: 1.2; }
.map-svg .marker:hover { fill-opacity: 0.85; }
.wide { width: min(76rem, calc(100vw - 2rem)); position: relative; left: 50%;
        transform: translateX(-50%); }
.wide .sources { display: table; }
@media (max-width: 60rem) { .wide .sources { display: block; } }
.volume { display: block; width: 7.5rem; height: 1.6rem; margin-top: 0.2rem; }
.volume rect { fill: var(--link); opacity: 0.6; }
.volume .base { fill: var(--line); opacity: 1; }
@media (max-width: 30rem) {
  header.site .wrap { flex-direction: column; gap: 0.2rem; }
  .page-title { font-size: 1.35rem; }
}
/* Search: the form as a grid of labelled fields, the query across the top. */
form.search { display: grid; grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
              gap: 0.6rem 0.8rem; align-items: end; margin: 0 0 1.5rem; padding: 1rem;
              border: 1px solid var(--line); border-radius: 10px; background: var(--code); }
form.search label { display: flex; flex-direction: column; gap: 0.2rem; font-size: 0.8rem;
                    color: var(--muted); }
form.search label.q { grid-column: 1 / -1; font-size: 0.9rem; }
form.search input { font: inherit; font-size: 1rem; color: var(--fg); background: var(--bg);
                    padding: 0.4rem 0.55rem; border: 1px solid var(--border); border-radius: 6px;
                    min-width: 0; width: 100%; }
form.search label.q input { font-size: 1.1rem; padding: 0.55rem 0.7rem; }
form.search button { font: inherit; font-weight: 600; padding: 0.45rem 1.2rem; border: 0;
                     border-radius: 6px; background: var(--link); color: var(--bg);
                     cursor: pointer; }
form.search input:focus-visible, form.search button:focus-visible {
  outline: 2px solid var(--accent); outline-offset: 1px; }
.count { color: var(--muted); font-size: 0.9rem; }
.search-hits .snippet { margin: 0.3rem 0 0; }
.search-hits > li + li { margin-top: 1.2rem; }
mark { background: #ffe58a; color: #1d1d1f; padding: 0 0.1em; border-radius: 2px; }
table.attention-counts { border-collapse: collapse; margin: 1rem 0; font-size: 0.9rem;
                         font-variant-numeric: tabular-nums; }
table.attention-counts caption { caption-side: bottom; text-align: left; color: var(--muted);
                                 font-size: 0.8rem; padding-top: 0.4rem; }
table.attention-counts th, table.attention-counts td { padding: 0.2rem 0.8rem 0.2rem 0;
                                                        border-bottom: 1px solid var(--line);
                                                        text-align: left; }
)css";

constexpr std::string_view kFavicon =
    R"svg(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><circle cx="8" cy="8" r="6" fill="#b4481f"/></svg>
)svg";

}  // namespace

std::string_view style_css() { return kStyle; }
std::string_view favicon_svg() { return kFavicon; }

}  // namespace tidings::serve
