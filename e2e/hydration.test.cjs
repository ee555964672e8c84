// The app taking over a prerendered page, per kind of page (front, article, people news,
// jobs, 404), on the release build served like the CDN serves it: the nodes the HTML made
// are the nodes the app then works with, nothing shifts, nothing is logged, and the page
// works afterwards (client-side navigation, "Vis flere", "Prøv igen"); a backend with
// something newer updates the page in place.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { watchedPage } = require('./lib/browser.cjs');
const { servedSite } = require('./lib/served-site.cjs');
const { SEED, settled } = require('./lib/site.cjs');

const site = servedSite();

const KINDS = [
  { kind: 'front', path: '/', marks: ['main h1', '.teaser-list .teaser__headline a', '.region--jobs .job-card', 'header.site-header'] },
  { kind: 'article', path: SEED, marks: ['main h1', '.article-body p', '.region--related .related-item a', '.sponsored__link'] },
  { kind: 'people news', path: '/navnenyt', marks: ['main h1', 'main .people-item', 'main .load-more__button', '.region--jobs'] },
  { kind: 'jobs', path: '/job', marks: ['main h1', 'main .job-card', 'main .load-more__button'] },
  { kind: '404', path: '/findes-ikke', marks: ['main h1', 'main .not-found a'] },
];

// A page that marks the nodes `selectors` name as soon as the HTML is parsed, before any
// script runs (readyState "interactive" comes before deferred and module scripts), and
// sums the layout shifts.
async function markedPage(selectors, options) {
  const page = await watchedPage(site.browser, { viewport: { width: 1280, height: 900 }, ...options });
  page.warnings = [];
  page.on('console', (m) => m.type() === 'warning' && page.warnings.push(m.text()));
  await page.addInitScript((sels) => {
    window.__shift = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
    document.addEventListener('readystatechange', () => {
      if (document.readyState !== 'interactive') return;
      window.__marked = sels.map((s) => {
        const el = document.querySelector(s);
        if (el) el.__prerendered = true;
        return !!el;
      });
      window.__nodes = document.getElementsByTagName('*').length;
    });
  }, selectors);
  return page;
}

for (const { kind, path, marks } of KINDS) {
  test(`${kind}: the app takes over the prerendered nodes, silently, without a shift`, async () => {
    const page = await markedPage(marks);
    const res = await page.goto(site.url + path);
    assert.equal(res.status(), path === '/findes-ikke' ? 404 : 200);
    await page.waitForSelector('html[data-app="hydrated"]');
    const seen = await page.evaluate((sels) => ({
      marked: window.__marked,
      same: sels.map((s) => document.querySelector(s)?.__prerendered === true),
      nodesBefore: window.__nodes,
      nodesAfter: document.getElementsByTagName('*').length,
      skeletons: document.querySelectorAll('.skeleton').length,
      shift: window.__shift,
    }), marks);
    assert.deepEqual(seen.marked, marks.map(() => true), `${path}: every marked node was in the HTML`);
    assert.deepEqual(seen.same, marks.map(() => true), `${path}: the same nodes after hydration`);
    assert.equal(seen.skeletons, 0, `${path}: no skeleton, ever`);
    assert.equal(seen.nodesAfter, seen.nodesBefore, `${path}: no element added or lost`);
    assert.equal(seen.shift, 0, `${path}: no layout shift`);
    const hydrationWarnings = page.warnings.filter((w) => /hydrat/i.test(w));
    assert.deepEqual(hydrationWarnings, [], `${path}: no hydration warning`);
    assert.deepEqual(page.problems, [], `${path}: no error`);
    await page.context().close();
  });
}

test('after hydration: client-side navigation, "Vis flere" with an honest address, "Prøv igen"', async () => {
  const page = await markedPage(['header.site-header']);
  await page.goto(site.url + SEED);
  await page.waitForSelector('html[data-app="hydrated"]');
  await page.evaluate(() => { window.__sameDocument = true; });

  // A related read: the app follows it without a reload.
  const href = await page.getAttribute('.region--related .related-item a', 'href');
  await page.click('.region--related .related-item a');
  await page.waitForFunction((h) => location.pathname === h && document.querySelector('main article h1'), href);
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no reload');

  // People news: "Vis flere" appends page 2 in place and the address says so.
  await page.click('nav[aria-label="Hovedmenu"] a[href="/navnenyt"]');
  await settled(page, 'main .people-item');
  assert.equal(await page.locator('main .people-item').count(), 10);
  await page.click('main .load-more__button');
  await page.waitForFunction(() => document.querySelectorAll('main .people-item').length === 20);
  assert.equal(new URL(page.url()).pathname, '/navnenyt/side/2', 'the address names the last page shown');
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'still no reload');
  assert.equal(await page.getAttribute('main .load-more__button', 'href'), '/navnenyt/side/3');

  // "Prøv igen": another article whose related reads fail, then come back.
  const other = '/artikel/nokia-er-tilbage-fremtidsplaner';
  const itsRelated = /\/api\/related\/nokia-er-tilbage-fremtidsplaner\.json$/;
  await page.context().route(itsRelated, (r) => r.fulfill({ status: 503, body: '' }));
  await page.evaluate((h) => {
    const a = document.createElement('a');
    a.href = h;
    a.id = 'to-other';
    a.textContent = 'Nokia er tilbage';
    document.querySelector('main').append(a);
  }, other);
  await page.click('#to-other');
  await page.waitForSelector('.region--related .region-error');
  await page.context().unroute(itsRelated);
  await page.click('.region--related .region-error button');
  await page.waitForSelector('.region--related .related-item');
  assert.equal(await page.evaluate(() => window.__sameDocument), true);
  const ours = page.problems.filter((p) => !/Failed to load resource/.test(p));
  assert.deepEqual(ours, []);
  await page.context().close();
});

test('a paged list opened further on: its own entries, a way back to newer ones, and on', async () => {
  const page = await markedPage(['main h1']);
  await page.goto(`${site.url}/navnenyt/side/2`);
  await page.waitForSelector('html[data-app="hydrated"]');
  assert.equal(await page.title(), 'Navnenyt fra it-Danmark, side 2 – Tidende');
  const first = await page.locator('main .people-item__name').first().innerText();
  assert.notEqual(first, 'Søren Vindfelt Røn', 'page 2 starts where page 1 ends');
  assert.equal(await page.getAttribute('main .load-more__newer a', 'href'), '/navnenyt');
  await page.click('main .load-more__button');
  await page.waitForFunction(() => document.querySelectorAll('main .people-item').length === 20);
  assert.equal(new URL(page.url()).pathname, '/navnenyt/side/3');
  // Back to the first page: a page of its own, from the top.
  await page.click('main .load-more__newer a');
  await page.waitForFunction(() => location.pathname === '/navnenyt');
  await page.waitForFunction(() => document.querySelector('main .people-item__name')?.textContent === 'Søren Vindfelt Røn');
  assert.equal(await page.locator('main .load-more__newer').count(), 0);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('newer content at the backend updates the prerendered page in place', async () => {
  const page = await markedPage(['main h1']);
  await page.context().route(/\/api\/articles\/nokia-saelger-milliard-satsning-withings\.json$/, async (route) => {
    const res = await route.fetch();
    const doc = JSON.parse(await res.text());
    doc.headline = 'Rettet: Nokia sælger Withings tilbage til grundlæggeren';
    await route.fulfill({ response: res, body: JSON.stringify(doc) });
  });
  await page.goto(site.url + SEED);
  await page.waitForSelector('html[data-app="hydrated"]');
  await page.waitForFunction(() => document.querySelector('main h1').textContent.startsWith('Rettet:'));
  assert.equal(await page.locator('h1').count(), 1);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a route the build did not prerender renders in the browser', async () => {
  // An article published after the build: the backend has it, the build has no page for it.
  const slug = 'nyhed-efter-byggetiden';
  const page = await watchedPage(site.browser);
  await page.context().route(new RegExp(`/api/articles/${slug}\\.json$`), async (route) => {
    const res = await route.fetch({ url: `${site.url}/api/articles/nokia-er-tilbage-fremtidsplaner.json` });
    const doc = JSON.parse(await res.text());
    await route.fulfill({ response: res, body: JSON.stringify({ ...doc, slug, headline: 'Nyhed efter byggetiden' }) });
  });
  await page.context().route(new RegExp(`/api/related/${slug}\\.json$`), (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify({ slug, items: [] }) }));
  const res = await page.goto(`${site.url}/artikel/${slug}`);
  assert.equal(res.status(), 200);
  assert.doesNotMatch(await res.text(), /id="tidende-data"/, 'the shell, not a prerendered page');
  await page.waitForSelector('html[data-app="rendered"]');
  await settled(page, 'main article h1');
  assert.equal(await page.locator('main h1').innerText(), 'Nyhed efter byggetiden');
  assert.match(await page.title(), /^Nyhed efter byggetiden – Tidende$/);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
