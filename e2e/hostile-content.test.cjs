// Hostile content from the backend: markup and script in every text field is shown as
// text, javascript: and data: links are never clickable, and huge strings and 10,000-item
// lists do not freeze or break the page. The pages are the shell here (the app fetches
// everything, as for a page the build did not prerender), and then the prerendered pages
// whose background revalidation brings the hostile documents in. The prerender step itself
// is held to the same in tests/prerender.rs.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { watchedPage } = require('./lib/browser.cjs');
const { servedSite } = require('./lib/served-site.cjs');
const { PAGES, SEED, settled, withoutPrerender } = require('./lib/site.cjs');

const site = servedSite();

const PAYLOAD = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
// Fields that must stay well-formed for the document to decode at all.
const STRUCTURAL = new Set(['slug', '_type', 'published', 'updated', 'start_date', 'deadline', 'src', 'next', 'id', 'style', 'marks']);
const LINKS = ['javascript:window.__pwned=1', 'data:text/html,<script>window.__pwned=1</script>', 'JaVaScRiPt:window.__pwned=1', ' javascript:window.__pwned=1', '//evil.example/x'];

let linkCount = 0;
function poison(value, key) {
  if (typeof value === 'string') {
    if (key === 'href' || key === 'url') return LINKS[linkCount++ % LINKS.length];
    if (STRUCTURAL.has(key)) return value;
    return PAYLOAD + value;
  }
  if (Array.isArray(value)) return value.map((v) => poison(v, key));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, poison(v, k)]));
  return value;
}

async function hostilePage(viewport, { prerendered = false } = {}) {
  const page = await watchedPage(site.browser, { viewport });
  if (!prerendered) await withoutPrerender(page, site.url);
  page.dialogs = [];
  page.on('dialog', (d) => {
    page.dialogs.push(d.message());
    d.dismiss();
  });
  await page.context().route(/\/api\/.*\.json$/, async (route) => {
    const response = await route.fetch();
    const doc = JSON.parse(await response.text());
    await route.fulfill({ response, body: JSON.stringify(poison(doc)) });
  });
  return page;
}

async function assertHarmless(page, path) {
  const report = await page.evaluate(() => ({
    pwned: window.__pwned === 1,
    // The page's data block (type application/json) is data, never run; nothing else may be.
    scripts: [...document.body.querySelectorAll('script')].filter((s) => s.type !== 'application/json').length,
    injectedImages: [...document.querySelectorAll('img')].filter((i) => i.getAttribute('src') === 'x').length,
    badLinks: [...document.querySelectorAll('a[href]')]
      .map((a) => a.getAttribute('href'))
      .filter((h) => /^\s*(javascript|data|vbscript):/i.test(h) || h.startsWith('//')),
  }));
  assert.deepEqual(report, { pwned: false, scripts: 0, injectedImages: 0, badLinks: [] }, path);
  assert.deepEqual(page.dialogs, [], `${path}: no dialog opened`);
  assert.deepEqual(page.problems.filter((p) => p.startsWith('pageerror')), [], path);
}

test('markup and script in every text field render as text, on every page', async () => {
  const page = await hostilePage({ width: 1280, height: 900 });
  for (const { path } of PAGES) {
    await page.goto(site.url + path);
    await page.waitForSelector('main h1');
    await page.waitForFunction(() => document.querySelectorAll('.skeleton').length === 0);
    await assertHarmless(page, path);
  }
  // The payload is visible as text where the reader expects the headline.
  await page.goto(site.url + PAGES[1].path);
  await page.waitForSelector('main article h1');
  assert.ok((await page.textContent('main article h1')).startsWith(PAYLOAD), 'the headline shows the markup as text');
  // A link in body text lost its hostile target but kept its words.
  assert.ok((await page.textContent('.article-body')).includes('Withings'));
  await page.context().close();
});

function bigPeoplePage(n) {
  const items = Array.from({ length: n }, (_, i) => ({
    id: `p${i}`,
    person: `Person ${i} Ærøskøbing`,
    title: 'Udvikler',
    company: 'Firma A/S',
    start_date: '2025-10-01',
    summary: 'Kort.',
  }));
  return { page: 1, total_pages: 1, total_items: n, next: null, items };
}

function bigArticle(blocks, headline) {
  return {
    slug: 'nokia-saelger-milliard-satsning-withings',
    headline,
    published: '2018-05-31T10:14:00+02:00',
    body: Array.from({ length: blocks }, (_, i) =>
      i % 100 === 99
        ? { _type: 'list', items: Array.from({ length: 100 }, (_, j) => [{ text: `punkt ${j}` }]) }
        : { _type: 'paragraph', children: [{ text: `Afsnit ${i} med æ, ø og å.` }] },
    ),
  };
}

test('a prerendered page revalidated into hostile documents shows them as text', async () => {
  const page = await hostilePage({ width: 1280, height: 900 }, { prerendered: true });
  for (const path of [SEED, '/', '/navnenyt']) {
    await page.goto(site.url + path);
    await page.waitForSelector('html[data-app="hydrated"]');
    // The revalidated documents differ from the prerendered ones: the page updates in place.
    await page.waitForFunction((p) => document.querySelector('main h1, main .teaser__headline, main .people-item__name')
      && [...document.querySelectorAll('main h1, main .teaser__headline, main .people-item__name')].some((e) => e.textContent.startsWith(p)), PAYLOAD);
    await assertHarmless(page, path);
  }
  await page.context().close();
});

test('a 10,000-entry page and a 10,000-block article with a 1 MB headline stay usable', async () => {
  const page = await watchedPage(site.browser, { viewport: { width: 375, height: 800 } });
  await withoutPrerender(page, site.url);
  const huge = 'Æ'.repeat(1_000_000);
  await page.context().route(/\/api\/people\/1\.json$/, (route) => route.fulfill({ json: bigPeoplePage(10_000) }));
  await page.context().route(/\/api\/articles\/nokia-saelger-milliard-satsning-withings\.json$/, (route) =>
    route.fulfill({ json: bigArticle(10_000, huge) }),
  );

  await page.goto(site.url + '/navnenyt');
  await settled(page, 'main .people-item');
  // One page never renders unbounded: the model caps it, the rest is reported.
  assert.equal(await page.locator('main .people-item').count(), 100);
  assert.equal((await page.textContent('main .load-more__count')).trim(), 'Viser 100 af 10000 navnenyheder');

  await page.goto(site.url + PAGES[1].path);
  await settled(page, 'main article h1');
  const shape = await page.evaluate(() => ({
    paragraphs: document.querySelectorAll('.article-body > p').length,
    listItems: document.querySelectorAll('.article-body li').length,
    headline: document.querySelector('main h1').textContent.length,
    overflow: document.documentElement.scrollWidth - window.innerWidth,
  }));
  assert.deepEqual(shape, { paragraphs: 9_900, listItems: 10_000, headline: 1_000_000, overflow: 0 });
  // Still responsive: the navigation works after all that.
  await page.click('nav[aria-label="Hovedmenu"] a[href="/job"]');
  await settled(page, 'main .job-card');
  assert.deepEqual(page.problems.filter((p) => p.startsWith('pageerror')), []);
  await page.context().close();
});
