// The web UI in a real browser: Debian's chromium, headless, driven by npm's
// playwright-core against a running `tidings serve` (tests/e2e/browser.sh
// starts it on a database of the sample collection plus a hostile page).
// Loads the home page, a story (its coverage chart and map must draw), an
// article, the story list and the sources page; draws an attention chart
// from a fixture; searches and filters when /search answers; opens the
// hostile article and its story and checks that nothing of its payloads
// ran. Every page: no console error, no CSP violation, no failed request,
// axe-core finds no serious or critical violation (light and dark), and
// screenshots at desktop and phone widths go to OUT_DIR.
//
// usage: node run.js BASE_URL OUT_DIR
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const {chromium} = require('playwright-core');

const [base, outDir] = process.argv.slice(2);
if (!base || !outDir) {
  console.error('usage: node run.js BASE_URL OUT_DIR');
  process.exit(2);
}
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const VIEWPORTS = {desktop: {width: 1280, height: 900}, phone: {width: 390, height: 844}};

let failures = 0;
let checks = 0;
let skipped = 0;
function ok(what) { checks++; console.log('ok: ' + what); }
function bad(what) { failures++; console.log('FAIL: ' + what); }
function check(cond, what) { if (cond) ok(what); else bad(what); }
function skip(what) { skipped++; console.log('SKIP: ' + what); }

async function getJson(url) {
  const res = await fetch(base + url);
  if (!res.ok) throw new Error(url + ': HTTP ' + res.status);
  return res.json();
}

// A page with its problems recorded: console errors, uncaught exceptions,
// CSP violations, failed requests, dialogs (alert() of a payload).
async function openPage(browser, viewport, colorScheme) {
  const context = await browser.newContext({viewport, colorScheme: colorScheme || 'light'});
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push('console: ' + m.text()); });
  page.on('pageerror', (e) => problems.push('exception: ' + e.message));
  page.on('requestfailed', (r) => problems.push('request failed: ' + r.url() + ' ' +
                                                (r.failure() ? r.failure().errorText : '')));
  page.on('response', (r) => {
    if (r.url().startsWith(base) && r.status() >= 400) problems.push('HTTP ' + r.status() + ': ' + r.url());
  });
  page.on('dialog', async (d) => { problems.push('dialog: ' + d.message()); await d.dismiss(); });
  // Runs before the page's own scripts (not subject to the page's CSP).
  await page.addInitScript(() => {
    window.__cls = 0;  // cumulative layout shift (charts and maps must not move the page)
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
    }).observe({type: 'layout-shift', buffered: true});
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__csp.push(e.violatedDirective + ' ' + e.blockedURI);
    });
  });
  return {context, page, problems};
}

async function noProblems(p, name) {
  const csp = await p.page.evaluate(() => window.__csp || []);
  const all = p.problems.concat(csp.map((v) => 'CSP violation: ' + v));
  check(all.length === 0, name + ': no console errors, CSP violations or failed requests' +
        (all.length ? ' (' + all.join('; ') + ')' : ''));
}

// axe-core on the page as it is; serious and critical violations fail.
async function axe(p, name) {
  await p.page.evaluate(AXE);  // evaluated through the DevTools protocol, not a <script>
  const result = await p.page.evaluate(async () => {
    const r = await window.axe.run(document, {resultTypes: ['violations']});
    return r.violations.map((v) => ({id: v.id, impact: v.impact, nodes: v.nodes.length,
                                     target: v.nodes.slice(0, 3).map((n) => n.target.join(' '))}));
  });
  const grave = result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const minor = result.filter((v) => !grave.includes(v));
  if (minor.length) console.log('  axe (minor) ' + name + ': ' + JSON.stringify(minor));
  check(grave.length === 0, 'axe ' + name + ': no serious or critical violations' +
        (grave.length ? ' ' + JSON.stringify(grave) : ''));
}

async function screenshots(browser, url, name) {
  for (const [label, viewport] of Object.entries(VIEWPORTS)) {
    const p = await openPage(browser, viewport);
    await p.page.goto(base + url, {waitUntil: 'networkidle'});
    await settle(p.page);
    const file = path.join(outDir, name + '-' + label + '.png');
    await p.page.screenshot({path: file, fullPage: true});
    // Nothing may overflow the phone's width sideways.
    const overflow = await p.page.evaluate(() =>
      document.documentElement.scrollWidth - document.documentElement.clientWidth);
    check(overflow <= 1, name + ' ' + label + ': no sideways scrolling (' + overflow + ' px)');
    await noProblems(p, name + ' ' + label);
    await p.context.close();
  }
}

// Waits until every chart and map on the page has finished (drawn or failed).
async function settle(page) {
  await page.waitForFunction(() => {
    const busy = (el, key) => !el.dataset[key] || el.dataset[key] === 'loading';
    return [...document.querySelectorAll('div.chart[data-chart-src]')].every((e) => !busy(e, 'chartState')) &&
           [...document.querySelectorAll('div.map[data-map-src]')].every((e) => !busy(e, 'mapState'));
  }, null, {timeout: 15000});
}

// Loads a page, checks it, runs axe (light and dark), saves screenshots.
async function visit(browser, url, name, checks) {
  const p = await openPage(browser, VIEWPORTS.desktop);
  const res = await p.page.goto(base + url, {waitUntil: 'networkidle'});
  check(res && res.status() === 200, name + ': HTTP 200');
  await settle(p.page);
  const cls = await p.page.evaluate(() => window.__cls);
  check(cls < 0.1, name + ': layout shift under 0.1 (' + cls.toFixed(3) + ')');
  if (checks) await checks(p.page);
  await axe(p, name);
  await noProblems(p, name);
  await p.context.close();
  const dark = await openPage(browser, VIEWPORTS.desktop, 'dark');
  await dark.page.goto(base + url, {waitUntil: 'networkidle'});
  await settle(dark.page);
  await axe(dark, name + ' (dark)');
  await dark.context.close();
  await screenshots(browser, url, name);
}

// A story whose facts have located places: the one to check the map on.
async function storyWithMap() {
  const list = await getJson('/api/stories?sort=coverage&limit=100');
  for (const s of list.stories) {
    const facts = await getJson('/api/stories/' + s.id + '/facts');
    if (facts.places.items.some((p) => p.lat != null && p.lon != null)) return s.id;
  }
  return null;
}

async function checkStory(page) {
  const chart = page.locator('div.chart[data-chart-kind="coverage"]');
  check(await chart.count() === 1, 'story: has a coverage chart');
  check(await chart.getAttribute('data-chart-state') === 'drawn', 'story: coverage chart drawn');
  check(await chart.locator('canvas').count() >= 1, 'story: coverage chart has a canvas');
  const drawnPixels = await chart.locator('canvas').first().evaluate((c) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
    return n;
  });
  check(drawnPixels > 500, 'story: coverage canvas has drawn pixels (' + drawnPixels + ')');
  const map = page.locator('div.map');
  check(await map.getAttribute('data-map-state') === 'drawn', 'story: map drawn');
  const countries = await map.locator('g.countries path').count();
  const markers = await map.locator('circle.marker').count();
  check(countries >= 5, 'story: map draws country outlines (' + countries + ' paths)');
  check(markers >= 1, 'story: map has place markers (' + markers + ')');
  const title = await map.locator('circle.marker title').first().textContent();
  check(/mention/.test(title), 'story: a marker is titled with its place (' + title + ')');
}

async function attentionFixture(browser) {
  // The chart kind /api/attention feeds, drawn from a fixture of its shape
  // (docs/api.md) on a real page, under the real CSP.
  const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, 'attention_fixture.json'), 'utf8'));
  const p = await openPage(browser, VIEWPORTS.desktop);
  await p.page.route('**/fixture/attention*', (route) =>
    route.fulfill({status: 200, contentType: 'application/json', body: JSON.stringify(fixture)}));
  await p.page.goto(base + '/', {waitUntil: 'networkidle'});
  await p.page.evaluate(() => {
    const div = document.createElement('div');
    div.className = 'chart';
    div.id = 'fixture-chart';
    div.dataset.chartKind = 'attention';
    div.dataset.chartSrc = '/fixture/attention?q=gaza&q=lavrentiev';
    document.querySelector('main').prepend(div);
    return window.TidingsCharts.renderAll();
  });
  const chart = p.page.locator('#fixture-chart');
  check(await chart.getAttribute('data-chart-state') === 'drawn', 'attention fixture: chart drawn');
  const legend = await chart.locator('.u-legend .u-series .u-label').allTextContents();
  check(legend.includes('gaza') && legend.includes('lavrentiev'),
        'attention fixture: one line per query (' + legend.join(', ') + ')');
  const buttons = p.page.locator('.chart-switch button');
  check(await buttons.count() === 2, 'attention fixture: articles/outlets switch');
  await buttons.nth(1).click();
  check(await buttons.nth(1).getAttribute('aria-pressed') === 'true', 'attention fixture: outlets picked');
  check(await chart.locator('canvas').count() >= 1, 'attention fixture: redrawn for outlets');
  await p.page.screenshot({path: path.join(outDir, 'attention-fixture-desktop.png')});
  await noProblems(p, 'attention fixture');
  await p.context.close();
}

async function searchPage(browser) {
  const probe = await fetch(base + '/search');
  if (probe.status !== 200) {
    skip('search: /search answers ' + probe.status + ' (the search page has not landed)');
    return;
  }
  await visit(browser, '/search?q=gaza', 'search', async (page) => {
    const input = page.locator('form input[name="q"]');
    check(await input.count() >= 1, 'search: a form with a q field');
    await input.first().fill('Iran');
    await Promise.all([page.waitForNavigation(), input.first().press('Enter')]);
    check(/[?&]q=Iran/.test(page.url()), 'search: the query is in the URL (' + page.url() + ')');
    await settle(page);
    const results = await page.locator('main a[href^="/articles/"]').count();
    check(results >= 1, 'search: results link articles (' + results + ')');
    const attention = page.locator('div.chart[data-chart-kind="attention"]');
    if (await attention.count() > 0) {
      check(await attention.first().getAttribute('data-chart-state') === 'drawn',
            'search: the attention chart is drawn');
    } else {
      skip('search: the page has no attention chart');
    }
    const filter = page.locator('form select[name="outlet"], form input[name="outlet"], ' +
                                'form input[name="from"]');
    if (await filter.count() === 0) {
      skip('search: no outlet or date filter field found');
      return;
    }
    const field = filter.first();
    const tag = await field.evaluate((e) => e.tagName.toLowerCase() + ':' + (e.getAttribute('type') || ''));
    if (tag.startsWith('select')) {
      const values = await field.locator('option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
      if (values.length) await field.selectOption(values[0]);
    } else if (tag.endsWith('date')) {
      await field.fill('2023-11-01');
    } else {
      await field.fill(await field.getAttribute('name') === 'from' ? '2023-11-01' : 'agency.example');
    }
    const res = await Promise.all([page.waitForNavigation(), page.locator('form').first().evaluate((f) => f.requestSubmit())]);
    check(res[0] && res[0].status() === 200, 'search: filtered search answers 200 (' + page.url() + ')');
    await settle(page);
  });
}

async function hostile(browser) {
  let article = null;
  for (let offset = 0; !article && offset < 5000; offset += 200) {
    const page = await getJson('/api/articles?limit=200&offset=' + offset);
    if (!page.articles.length) break;
    article = page.articles.find((a) => (a.title || '').includes('Harbour report'));
  }
  if (!article) return bad('xss: the hostile article was not ingested');
  // The payloads must reach the store as text, or this proves nothing.
  check(article.title.includes('<script>') && article.title.includes('onerror'),
        'xss: the stored title carries the payloads (' + article.title + ')');
  const full = await getJson('/api/articles/' + article.id);
  check(full.text.includes('<script>'), 'xss: the stored text carries a <script> payload');
  check(full.site_name.includes('<script>'), 'xss: the stored outlet carries a <script> payload');
  // The extractor refuses a byline with markup (the page's markup byline
  // never reaches the store); the one it keeps carries a quote mark.
  check(full.byline === "Jane O'Doe", 'xss: the stored byline carries a quote mark (' + full.byline + ')');
  const pages = [['/articles/' + article.id, 'xss article']];
  if (full.story != null) pages.push(['/stories/' + full.story, 'xss story']);
  else bad('xss: the hostile article has no story');
  for (const [url, name] of pages) {
    const p = await openPage(browser, VIEWPORTS.desktop);
    await p.page.goto(base + url, {waitUntil: 'networkidle'});
    await settle(p.page);
    // Click every link that is not to elsewhere: a javascript: one would run.
    const hrefs = await p.page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    const js = hrefs.filter((h) => /^\s*(javascript|data|vbscript):/i.test(h));
    check(js.length === 0, name + ': no javascript:, data: or vbscript: link (' + js.join(' ') + ')');
    const pwned = await p.page.evaluate(() => window.__pwned);
    check(pwned === undefined, name + ': no payload ran (window.__pwned = ' + pwned + ')');
    const handlers = await p.page.evaluate(() =>
      [...document.querySelectorAll('*')].filter((e) =>
        [...e.attributes].some((a) => /^on/i.test(a.name))).length);
    check(handlers === 0, name + ': no element carries an on* handler (' + handlers + ')');
    if (name === 'xss story') {
      // Its places (Tehran, Gaza, Damascus) are close: the zoomed map with
      // the finer outlines.
      const map = p.page.locator('div.map');
      check(await map.count() === 1 && await map.getAttribute('data-map-state') === 'drawn',
            name + ': the zoomed map is drawn');
      check(await map.locator('circle.marker').count() >= 2, name + ': with its places');
    }
    const shown = await p.page.locator('main').textContent();
    check(shown.includes('<script>'), name + ': the payload is shown as text');
    await p.page.screenshot({path: path.join(outDir, name.replace(' ', '-') + '-desktop.png'), fullPage: true});
    await noProblems(p, name);
    await p.context.close();
  }
}

async function main() {
  fs.mkdirSync(outDir, {recursive: true});
  const browser = await chromium.launch({executablePath: CHROMIUM, headless: true,
                                         args: ['--no-sandbox', '--disable-gpu']});
  try {
    let firstStory = null;
    await visit(browser, '/', 'home', async (page) => {
      check(await page.locator('h1').first().textContent() !== '', 'home: has a heading');
      const stories = page.locator('a.item-title[href^="/stories/"]');
      check(await stories.count() >= 1, 'home: lists stories');
      firstStory = await stories.first().getAttribute('href');
      await stories.first().click();
      await page.waitForLoadState('networkidle');
      check(page.url().endsWith(firstStory), 'home: a story opens from the list');
    });
    const storyId = await storyWithMap();
    check(storyId != null, 'a story of the sample has located places');
    let articleHref = null;
    if (storyId != null) {
      await visit(browser, '/stories/' + storyId, 'story', async (page) => {
        await checkStory(page);
        articleHref = await page.locator('ol.story-articles a.item-title').first().getAttribute('href');
      });
    }
    if (articleHref) {
      await visit(browser, articleHref, 'article', async (page) => {
        check(await page.locator('article h1').count() === 1, 'article: has its headline');
        check(await page.locator('.body p').count() >= 1, 'article: has its text');
      });
    }
    await visit(browser, '/stories', 'stories');
    await visit(browser, '/sources', 'sources', async (page) => {
      const rows = await page.locator('table.sources tbody tr').count();
      check(rows >= 5, 'sources: lists the collected sources (' + rows + ')');
      check(await page.locator('table.sources svg.volume').count() === rows,
            'sources: each source has its volume chart');
      check(await page.locator('table.sources ul.flags, table.sources .ok').count() >= 1,
            'sources: health shown');
    });
    await attentionFixture(browser);
    await searchPage(browser);
    await hostile(browser);
  } finally {
    await browser.close();
  }
  console.log(`browser: ${checks} passed, ${failures} failed, ${skipped} skipped`);
  console.log('screenshots in ' + outDir);
  process.exit(failures ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
