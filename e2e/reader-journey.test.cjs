// A reader's journey through the release build, served like a CDN serves it:
// front page → an article → a related read → back → people news → "Vis flere" → an
// unknown URL. The seed article must read as the seed page does.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { watchedPage } = require('./lib/browser.cjs');
const { servedSite } = require('./lib/served-site.cjs');

const SEED = '/artikel/nokia-saelger-milliard-satsning-withings';
const site = servedSite();

const text = async (page, selector) => (await page.locator(selector).first().innerText()).replace(/\s+/g, ' ').trim();

test('the seed article reads as the seed page does', async () => {
  const page = await watchedPage(site.browser);
  await page.goto(site.url + SEED);
  await page.waitForSelector('main article h1');
  assert.equal(
    await text(page, 'main h1'),
    'Efter skuffende salg: Nu sælger Nokia den milliard-satsning, der skulle have været selskabets fremtid',
  );
  assert.equal(await text(page, '.article-body h2'), 'Tidligere Samsung-chef ryger ud');
  // textContent, not innerText: the label is upper-cased by CSS only.
  const readAlso = await page.locator('.read-also').allTextContents();
  assert.deepEqual(readAlso.map((t) => t.replace(/\s+/g, ' ').trim()), [
    'Læs også: Er dette Nokias nye fremtid? Er på trapperne med globalt sammenbundet IoT-netværk',
    'Læs også: Nokia er tilbage: Her er selskabets fremtidsplaner - som kan række uden for mobilverdenen: "Vi følger spændt udviklingen for et hardware-økosystem uden for mobilen"',
  ]);
  assert.equal(await text(page, '.source-line'), 'Det skriver nyhedsbureauet Reuters.');
  assert.equal(await text(page, '.sponsored__from'), 'Annonceindlæg fra DE-CIX');
  await page.waitForSelector('.region--people-news .people-item');
  assert.match(await page.title(), /^Efter skuffende salg: .* – Tidende$/);
  assert.equal(
    await page.getAttribute('meta[property="og:title"]', 'content'),
    'Efter skuffende salg: Nu sælger Nokia den milliard-satsning, der skulle have været selskabets fremtid',
  );
  assert.equal(await page.getAttribute('link[rel="canonical"]', 'href'), site.url + SEED);
  assert.match(await page.getAttribute('meta[property="og:image"]', 'content'), /^http:\/\/127\.0\.0\.1:\d+\/api\/media\/.+\.svg$/);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('front page → article → related read → back → people news → Vis flere → 404', async () => {
  const page = await watchedPage(site.browser, { viewport: { width: 1280, height: 800 } });
  await page.goto(site.url + '/');
  await page.waitForSelector('.teaser-list .teaser');
  assert.equal(await text(page, 'main h1'), 'Seneste nyt');
  assert.equal(await page.locator('.teaser-list .teaser').count(), 6);

  // Front page → the seed article (a client-side navigation: no new document).
  await page.evaluate(() => { window.__sameDocument = true; });
  await page.click(`.teaser-list a[href="${SEED}"]`);
  await page.waitForURL(site.url + SEED);
  await page.waitForSelector('main article h1');
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'navigated without reloading');
  assert.equal(await page.evaluate(() => window.scrollY), 0, 'a new page starts at the top');
  await page.waitForFunction(() => document.activeElement?.id === 'indhold');

  // Scroll down, follow a related read in the sidebar.
  await page.waitForSelector('.region--related .related-item a');
  await page.evaluate(() => window.scrollTo(0, 600));
  await page.waitForFunction(() => window.scrollY === 600);
  const relatedHref = await page.getAttribute('.region--related .related-item a', 'href');
  // Clicked where the reader is (Playwright's own click would first scroll the link into
  // view, and the page left would then be at that position, not at 600).
  await page.$eval('.region--related .related-item a', (a) => a.click());
  await page.waitForURL(site.url + relatedHref);
  await page.waitForFunction((h) => document.querySelector('main article h1') && location.pathname === h, relatedHref);
  await page.waitForFunction(() => window.scrollY === 0);
  assert.notEqual(await text(page, 'main h1'), 'Efter skuffende salg: Nu sælger Nokia den milliard-satsning, der skulle have været selskabets fremtid');

  // Back: the seed article, at the scroll position the reader left.
  await page.goBack();
  await page.waitForURL(site.url + SEED);
  await page.waitForFunction(() => document.querySelector('main article h1')?.textContent.startsWith('Efter skuffende salg'));
  await page.waitForFunction(() => Math.abs(window.scrollY - 600) < 2, null, { timeout: 5000 });
  // The head follows client-side navigation: the article's tags, once each.
  await page.waitForFunction(() => document.title.startsWith('Efter skuffende salg'));
  assert.equal(await page.getAttribute('meta[property="og:type"]', 'content'), 'article');
  assert.equal(await page.locator('meta[property="article:published_time"]').count(), 1);
  assert.equal(await page.locator('link[rel="canonical"]').count(), 1);

  // The people-news page through the main navigation, then "Vis flere".
  await page.click('nav[aria-label="Hovedmenu"] a[href="/navnenyt"]');
  await page.waitForURL(site.url + '/navnenyt');
  await page.waitForSelector('main .people-item');
  assert.equal(await text(page, 'main h1'), 'Navnenyt fra it-Danmark');
  assert.equal(await page.locator('main .people-item').count(), 10);
  // …and the article's are gone: no published time, no image, a website, not an article.
  assert.equal(await page.title(), 'Navnenyt fra it-Danmark – Tidende');
  assert.equal(await page.getAttribute('meta[property="og:type"]', 'content'), 'website');
  assert.equal(await page.locator('meta[property="article:published_time"], meta[property="og:image"]').count(), 0);
  assert.equal(await page.getAttribute('link[rel="canonical"]', 'href'), site.url + '/navnenyt');
  assert.equal(await page.locator('meta[name="description"]').count(), 1);
  assert.equal(await text(page, 'main .people-item .people-item__name'), 'Søren Vindfelt Røn');
  assert.equal(await text(page, 'main .people-item .people-item__start'), 'pr. 1. september 2025');
  await page.click('main .load-more__button');
  await page.waitForFunction(() => document.querySelectorAll('main .people-item').length === 20);
  assert.equal(await text(page, 'main .load-more__count'), 'Viser 20 af 34 navnenyheder');
  assert.equal(await page.locator('main .people-item').count(), 20);

  // An unknown URL: the 404 page, with the site around it.
  await page.goto(site.url + '/findes-slet-ikke');
  await page.waitForSelector('main h1');
  assert.equal(await text(page, 'main h1'), 'Siden findes ikke');
  assert.equal(await page.getAttribute('meta[name="robots"]', 'content'), 'noindex');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('every page sets its own title and description', async () => {
  const page = await watchedPage(site.browser);
  const seen = new Set();
  for (const [path, title] of [
    ['/', 'Forside – Tidende'],
    ['/navnenyt', 'Navnenyt fra it-Danmark – Tidende'],
    ['/job', 'Job – Tidende'],
    [SEED, /^Efter skuffende salg/],
    ['/findes-ikke', 'Siden findes ikke – Tidende'],
  ]) {
    await page.goto(site.url + path);
    await page.waitForSelector('main h1');
    await page.waitForFunction(() => document.title !== 'Tidende');
    const got = await page.title();
    if (title instanceof RegExp) assert.match(got, title);
    else assert.equal(got, title);
    const descriptions = await page.locator('meta[name="description"]').evaluateAll((els) => els.map((e) => e.content));
    assert.equal(descriptions.length, 1, `${path}: exactly one description`);
    assert.ok(descriptions[0].length > 20, `${path}: a real description`);
    assert.ok(!seen.has(descriptions[0]), `${path}: its own description`);
    seen.add(descriptions[0]);
    assert.equal(await page.locator('h1').count(), 1, `${path}: one h1`);
  }
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('every route works as a deep link and survives a reload', async () => {
  const { PAGES, settled } = require('./lib/site.cjs');
  const page = await watchedPage(site.browser);
  for (const { path, ready } of PAGES) {
    const first = await page.goto(site.url + path);
    assert.equal(first.status(), path === '/findes-ikke' ? 404 : 200, `${path}: status`);
    await settled(page, ready);
    const h1 = await text(page, 'main h1');
    const reloaded = await page.reload();
    assert.equal(reloaded.status(), first.status(), `${path}: status after reload`);
    await settled(page, ready);
    assert.equal(await text(page, 'main h1'), h1, `${path}: the same page after reload`);
    assert.equal(new URL(page.url()).pathname, path);
  }
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('links the app leaves to the browser: new tabs and windows', async () => {
  const page = await watchedPage(site.browser, { viewport: { width: 1280, height: 800 } });
  await page.goto(site.url + '/');
  await page.waitForSelector('.teaser-list .teaser__headline a');
  await page.evaluate(() => { window.__sameDocument = true; });

  // Ctrl/Cmd-click opens the article in a new tab and leaves this one where it is.
  const opened = page.context().waitForEvent('page');
  await page.click('.teaser-list .teaser__headline a', { modifiers: [process.platform === 'darwin' ? 'Meta' : 'Control'] });
  const tab = await opened;
  await tab.waitForLoadState('domcontentloaded');
  assert.match(new URL(tab.url()).pathname, /^\/artikel\//);
  assert.equal(new URL(page.url()).pathname, '/');
  await tab.close();

  // target="_blank" likewise; the app's own click handling stays out of it.
  await page.evaluate(() => {
    const a = document.createElement('a');
    a.href = '/job';
    a.target = '_blank';
    a.id = 'blank-link';
    a.textContent = 'Job i nyt vindue';
    document.querySelector('main').append(a);
  });
  const blank = page.context().waitForEvent('page');
  await page.click('#blank-link');
  await (await blank).close();
  assert.equal(new URL(page.url()).pathname, '/');

  // A plain click is a client-side navigation: same document, new page.
  await page.click('.teaser-list .teaser__headline a');
  await page.waitForSelector('main article h1');
  assert.equal(await page.evaluate(() => window.__sameDocument), true);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
