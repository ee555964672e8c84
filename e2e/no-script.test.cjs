// The site without JavaScript, as a crawler, a link preview or a reader with script off sees
// it: every prerendered page is whole in its raw HTML (its h1, title, description, Open
// Graph tags, structured data), the seed article reads as the seed page does, and links and
// paging work as plain page loads.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const { watchedPage } = require('./lib/browser.cjs');
const { servedSite } = require('./lib/served-site.cjs');
const { SEED } = require('./lib/site.cjs');

const site = servedSite();
const DIST = path.resolve(__dirname, '..', process.env.DIST_DIR || 'dist');
const SEED_HEADLINE =
  'Efter skuffende salg: Nu sælger Nokia den milliard-satsning, der skulle have været selskabets fremtid';

function get(url) {
  return new Promise((resolve, reject) => {
    http.get(url, { agent: false }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8') }));
    }).on('error', reject);
  });
}

// The prerendered pages of the build, as routes: `navnenyt/side/2.html` is /navnenyt/side/2.
function prerenderedRoutes() {
  const walk = (dir) => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? (e.name === 'api' ? [] : walk(path.join(dir, e.name))) : [path.join(dir, e.name)]);
  return walk(DIST)
    .filter((f) => f.endsWith('.html') && fs.readFileSync(f, 'utf8').includes('id="tidende-data"'))
    .map((f) => `/${path.relative(DIST, f).split(path.sep).join('/')}`.replace(/\.html$/, ''))
    .map((r) => (r === '/index' ? '/' : r === '/404' ? '/findes-ikke' : r))
    .sort();
}

const decode = (s) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const meta = (html, attr, key) => {
  const m = new RegExp(`<meta data-page-head ${attr}="${key}" content="([^"]*)">`).exec(html);
  return m && decode(m[1]);
};

test('every prerendered page holds its h1, title, description and Open Graph tags in the raw HTML', async () => {
  const routes = prerenderedRoutes();
  assert.ok(routes.length >= 20, `prerendered pages: ${routes.join(' ')}`);
  const titles = new Set();
  for (const route of routes) {
    const res = await get(site.url + route);
    assert.equal(res.status, route === '/findes-ikke' ? 404 : 200, route);
    const html = res.body;
    const h1s = [...html.matchAll(/<h1\b[^>]*>([\s\S]*?)<\/h1>/g)].map((m) => m[1].replace(/<[^>]*>/g, '').trim());
    assert.equal(h1s.length, 1, `${route}: one h1`);
    // "5G" is a topic: two letters are a heading.
    assert.ok(h1s[0].length >= 2, `${route}: the h1 has its text`);
    const title = decode(/<title>([^<]*)<\/title>/.exec(html)?.[1] || '');
    assert.match(title, / – Tidende$/, `${route}: a title of its own`);
    if (route !== '/findes-ikke') {
      assert.ok(!titles.has(title), `${route}: "${title}" is no other page's title`);
      titles.add(title);
    }
    assert.ok((meta(html, 'name', 'description') || '').length > 20, `${route}: a description`);
    assert.ok(meta(html, 'property', 'og:title'), `${route}: og:title`);
    assert.ok(/<link data-page-head rel="canonical" href="[^"]+">/.test(html), `${route}: a canonical link`);
    assert.ok(meta(html, 'name', 'twitter:card'), `${route}: a Twitter card`);
    assert.doesNotMatch(html, /class="skeleton/, `${route}: no skeleton: the content is there`);
    // Search is the one thing that needs script (e2e/search.test.cjs): its page says so and
    // offers the sections and topics instead; no other page has such a line.
    if (route === '/soeg') assert.match(html, /<div id="soeg-hits"><noscript><p class="search__noscript">Søgningen kræver JavaScript\./, `${route}: says search needs script`);
    else assert.doesNotMatch(html, /<noscript>/, `${route}: no "needs JavaScript" line`);
    if (route.startsWith('/artikel/')) {
      const ld = /<script data-page-head type="application\/ld\+json">([^<]*)<\/script>/.exec(html);
      assert.ok(ld, `${route}: structured data`);
      const data = JSON.parse(ld[1]);
      assert.equal(data['@type'], 'NewsArticle', route);
      assert.equal(data.headline, meta(html, 'property', 'og:title'), `${route}: the headline`);
      for (const key of ['datePublished', 'dateModified', 'author', 'publisher', 'mainEntityOfPage']) {
        assert.ok(data[key], `${route}: NewsArticle.${key}`);
      }
      if (data.image) assert.ok(data.image[0].width > 0 && data.image[0].height > 0, `${route}: image dimensions`);
    }
    if (route === '/') {
      const ld = /<script data-page-head type="application\/ld\+json">([^<]*)<\/script>/.exec(html);
      assert.equal(JSON.parse(ld[1])['@type'], 'WebSite');
    }
  }
});

async function noScriptPage(options = {}) {
  return watchedPage(site.browser, { javaScriptEnabled: false, viewport: { width: 1280, height: 900 }, ...options });
}

const text = async (page, selector) => (await page.locator(selector).first().innerText()).replace(/\s+/g, ' ').trim();

test('without JavaScript the seed article reads as the seed page does, sidebar and all', async () => {
  const page = await noScriptPage();
  await page.goto(site.url + SEED);
  assert.equal(await text(page, 'main h1'), SEED_HEADLINE);
  assert.equal(await text(page, '.article-body h2'), 'Tidligere Samsung-chef ryger ud');
  const readAlso = await page.locator('.read-also').allTextContents();
  assert.equal(readAlso.length, 2);
  assert.match(readAlso[0].replace(/\s+/g, ' '), /^Læs også: Er dette Nokias nye fremtid\?/);
  assert.equal(await text(page, '.source-line'), 'Det skriver nyhedsbureauet Reuters.');
  assert.equal(await text(page, '.sponsored__from'), 'Annonceindlæg fra DE-CIX');
  assert.ok((await page.locator('.region--related .related-item').count()) > 0, 'related reads');
  assert.ok((await page.locator('.region--jobs .job-card').count()) > 0, 'job cards');
  assert.ok((await page.locator('.region--people-news .people-item').count()) > 0, 'people news');
  assert.match(await text(page, '.article__times time'), /^31\. maj 2018 kl\. 10\.14$/);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.app), undefined, 'no app ran');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('without JavaScript a related read opens by a plain link, and the header leads on', async () => {
  const page = await noScriptPage();
  await page.goto(site.url + SEED);
  const link = page.locator('.region--related .related-item a').first();
  const href = await link.getAttribute('href');
  const headline = (await link.innerText()).trim();
  const [response] = await Promise.all([page.waitForNavigation(), link.click()]);
  assert.equal(response.status(), 200);
  assert.equal(new URL(page.url()).pathname, href);
  assert.equal(await text(page, 'main h1'), headline);
  await Promise.all([page.waitForNavigation(), page.click('nav[aria-label="Hovedmenu"] a[href="/job"]')]);
  assert.equal(await text(page, 'main h1'), 'Job');
  assert.ok((await page.locator('main .job-card').count()) > 0);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('without JavaScript people news pages by plain links: on with "Vis flere", back with "Nyere"', async () => {
  const page = await noScriptPage({ viewport: { width: 375, height: 800 } });
  await page.goto(`${site.url}/navnenyt`);
  assert.equal(await page.locator('main .people-item').count(), 10);
  const firstOnPage1 = await text(page, 'main .people-item__name');
  await Promise.all([page.waitForNavigation(), page.click('main .load-more__button')]);
  assert.equal(new URL(page.url()).pathname, '/navnenyt/side/2');
  assert.equal(await page.locator('main .people-item').count(), 10);
  assert.notEqual(await text(page, 'main .people-item__name'), firstOnPage1, 'the next ten');
  assert.match(await page.title(), /^Navnenyt fra it-Danmark, side 2 – Tidende$/);
  // To the last page, which has no "Vis flere".
  for (let n = 3; await page.locator('main .load-more__button').count(); n++) {
    await Promise.all([page.waitForNavigation(), page.click('main .load-more__button')]);
    assert.equal(new URL(page.url()).pathname, `/navnenyt/side/${n}`);
  }
  await Promise.all([page.waitForNavigation(), page.click('main .load-more__newer a')]);
  assert.match(new URL(page.url()).pathname, /^\/navnenyt(\/side\/\d+)?$/);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
