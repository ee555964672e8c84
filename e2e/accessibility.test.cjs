// Accessibility on the release build: axe-core finds no WCAG 2.2 A/AA violation on any
// page (topic and section pages too, the search page with hits and with none, and the
// article with its share row in use), at phone and desktop widths, light and dark; and a
// reader with only a keyboard can skip to the content, use the navigation, reach the
// article's and the sidebar's links, press "Vis flere", share the article, follow its
// tags, and search from the header and reach the hits.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { watchedPage } = require('./lib/browser.cjs');
const { servedSite } = require('./lib/served-site.cjs');
const { SEED, PAGES, settled } = require('./lib/site.cjs');
const { axe } = require('./lib/axe.cjs');

const site = servedSite();

// The topic and section pages, besides every route of PAGES.
const LISTED = [
  { path: '/emne/nokia', ready: 'main .teaser-list .teaser' },
  { path: '/emne/nokia/side/2', ready: 'main .teaser-list .teaser' },
  { path: '/sektion/mobil', ready: 'main .teaser-list .teaser' },
];

// The search page (e2e/search.test.cjs): asked nothing, with hits shown, and with none.
const SEARCHED = [
  { path: '/soeg', ready: 'html[data-app="hydrated"] #soeg-status' },
  { path: '/soeg?q=Nokia', ready: '#soeg-hits .teaser-list .teaser', status: /^\d+ artikler matcher »Nokia«\.$/ },
  { path: '/soeg?q=xyzzyqwfp', ready: 'html[data-app="hydrated"] #soeg-status', status: /^Ingen artikler matcher »xyzzyqwfp«\.$/ },
];

for (const width of [375, 1280]) {
  for (const colorScheme of ['light', 'dark']) {
    test(`axe: no WCAG 2.2 AA violations at ${width}px, ${colorScheme}`, async () => {
      const page = await watchedPage(site.browser, {
        viewport: { width, height: 900 },
        colorScheme,
        permissions: ['clipboard-read', 'clipboard-write'],
      });
      for (const { path, ready, status } of [...PAGES, ...LISTED, ...SEARCHED]) {
        await page.goto(site.url + path);
        await settled(page, ready);
        if (status) {
          await page.waitForFunction((re) => new RegExp(re).test(document.querySelector('#soeg-status')?.textContent), status.source);
        }
        const violations = await axe(page);
        assert.deepEqual(violations, [], `${path} at ${width}px ${colorScheme}:\n${JSON.stringify(violations, null, 2)}`);
      }
      // The article with its share row in use: "Del" pressed, its status line saying so.
      await page.goto(site.url + SEED);
      await page.waitForSelector('html[data-app="hydrated"]');
      await settled(page, 'main article h1');
      await page.click('main article .share__button');
      await page.waitForFunction(() => document.querySelector('main article .share__status')?.textContent === 'Linket er kopieret');
      const violations = await axe(page);
      assert.deepEqual(violations, [], `${SEED} after "Del" at ${width}px ${colorScheme}:\n${JSON.stringify(violations, null, 2)}`);
      assert.deepEqual(page.problems, []);
      await page.context().close();
    });
  }
}

// The element that has focus, described for assertions.
const focused = (page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    const style = el ? getComputedStyle(el) : null;
    return {
      tag: el?.tagName.toLowerCase(),
      id: el?.id,
      text: (el?.textContent || '').replace(/\s+/g, ' ').trim(),
      href: el?.getAttribute('href'),
      inAside: !!el?.closest('aside'),
      inArticle: !!el?.closest('main article'),
      inNav: !!el?.closest('nav'),
      inShare: !!el?.closest('.share'),
      inHits: !!el?.closest('#soeg-hits'),
      outline: style ? style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 : false,
    };
  });

async function tabUntil(page, predicate, limit = 80) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (predicate(f)) return f;
  }
  throw new Error('never reached the element with Tab');
}

test('keyboard only: skip link, navigation, article, sidebar, Vis flere', async () => {
  const page = await watchedPage(site.browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(site.url + SEED);
  await settled(page, 'main article h1');

  // The first Tab reaches the skip link, visibly; Enter moves focus to the main content.
  await page.keyboard.press('Tab');
  let f = await focused(page);
  assert.equal(f.text, 'Spring til indhold');
  assert.ok(f.outline, 'the skip link shows its focus');
  const box = await page.locator('.skip-link').boundingBox();
  assert.ok(box && box.y >= 0, 'the focused skip link is on screen');
  await page.keyboard.press('Enter');
  f = await focused(page);
  assert.equal(f.id, 'indhold', 'focus is on the main content');
  assert.equal(new URL(page.url()).pathname, SEED, 'the skip link did not navigate away');

  // On into the article: its first link is a link in the body text.
  f = await tabUntil(page, (x) => x.inArticle);
  assert.ok(f.outline, 'links show their focus');
  // A "Læs også" link in the body, then the sidebar's related reads.
  f = await tabUntil(page, (x) => x.inArticle && x.href?.startsWith('/artikel/'));
  f = await tabUntil(page, (x) => x.inAside);
  assert.equal(f.href?.startsWith('/artikel/'), true, 'the first sidebar stop is a related read');
  f = await tabUntil(page, (x) => x.inAside && x.text.startsWith('Opbygning af en ny netværksstrategi'));
  f = await tabUntil(page, (x) => x.inAside && x.href === '/navnenyt');

  // Enter follows the link; on the people-news page, Tab reaches "Vis flere" and Enter
  // loads the next page.
  await page.keyboard.press('Enter');
  await page.waitForURL(site.url + '/navnenyt');
  await settled(page, 'main .people-item');
  f = await focused(page);
  assert.equal(f.id, 'indhold', 'after navigating, focus starts at the new main');
  f = await tabUntil(page, (x) => x.text === 'Vis flere');
  assert.ok(f.outline, '"Vis flere" shows its focus');
  // It is a link to the next page (it works without script), so Enter activates it; the
  // focus stays on it as the list grows, and Enter again loads the page after.
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('main .people-item').length === 20);
  assert.equal((await focused(page)).text, 'Vis flere', 'focus stays on "Vis flere"');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('main .people-item').length === 30);

  // The main navigation is reachable from the top of the page.
  await page.goto(site.url + '/');
  await settled(page, '.teaser');
  f = await tabUntil(page, (x) => x.inNav && x.href === '/job', 10);
  await page.keyboard.press('Enter');
  await page.waitForURL(site.url + '/job');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('keyboard only: the share row, the tags, and "Vis flere" on a topic page', async () => {
  const page = await watchedPage(site.browser, { viewport: { width: 1280, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
  await page.goto(site.url + SEED);
  await page.waitForSelector('html[data-app="hydrated"]');
  await settled(page, 'main article h1');

  // From the content: the kicker, then the share row's stops, each showing its focus.
  await page.focus('#indhold');
  let f = await tabUntil(page, (x) => x.inArticle);
  assert.deepEqual([f.text, f.href], ['Mobil', '/sektion/mobil'], 'the kicker comes first');
  f = await tabUntil(page, (x) => x.inShare, 6);
  const stops = [];
  for (; f.inShare; f = await focused(page)) {
    assert.ok(f.outline, `"${f.text}" shows its focus`);
    stops.push(`${f.tag} ${f.text}`);
    await page.keyboard.press('Tab');
  }
  assert.deepEqual([...stops].sort(), ['a E-mail', 'a LinkedIn', 'button Del'], 'each of the row, once');
  // Back to the button, and Enter presses it; the status line says it was copied.
  for (let i = stops.length - stops.indexOf('button Del'); i > 0; i--) await page.keyboard.press('Shift+Tab');
  assert.equal((await focused(page)).text, 'Del');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('main article .share__status')?.textContent === 'Linket er kopieret');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), site.url + SEED);
  assert.equal((await focused(page)).text, 'Del', 'focus stays on "Del"');

  // On to the tags under the article; Enter follows one, to the topic page, in place.
  f = await tabUntil(page, (x) => x.inArticle && x.href === '/emne/nokia');
  assert.ok(f.outline, 'a tag shows its focus');
  await page.keyboard.press('Enter');
  await page.waitForURL(site.url + '/emne/nokia');
  await settled(page, 'main .teaser-list .teaser');
  f = await focused(page);
  assert.equal(f.id, 'indhold', 'after navigating, focus starts at the new main');
  f = await tabUntil(page, (x) => x.text === 'Vis flere');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('main .teaser-list .teaser').length === 3);
  assert.equal(new URL(page.url()).pathname, '/emne/nokia/side/2');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('keyboard only: the header\'s search field, Enter, and the hits', async () => {
  const page = await watchedPage(site.browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(site.url + '/');
  await page.waitForSelector('html[data-app="hydrated"]');
  await settled(page, '.teaser');

  // From the top: the skip link, the brand, the navigation, then the search field.
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).text, 'Spring til indhold');
  let f = await tabUntil(page, (x) => x.id === 'site-search-q', 8);
  assert.ok(f.outline, 'the field shows its focus');
  await page.keyboard.type('Withings');
  await page.keyboard.press('Enter');
  await page.waitForURL(site.url + '/soeg?q=Withings');
  await page.waitForFunction(() => document.querySelector('#soeg-status')?.textContent === '1 artikel matcher »Withings«.');

  // On to the hit: its kicker, then its headline, each showing its focus; Enter opens it.
  f = await tabUntil(page, (x) => x.inHits, 12);
  assert.deepEqual([f.text, f.href], ['Mobil', '/sektion/mobil'], 'the kicker comes first');
  assert.ok(f.outline, 'the kicker shows its focus');
  await page.keyboard.press('Tab');
  f = await focused(page);
  assert.equal(f.inHits && f.href, SEED, 'then the headline');
  assert.ok(f.outline, 'the headline shows its focus');
  await page.keyboard.press('Enter');
  await page.waitForURL(site.url + SEED);
  await settled(page, 'main article h1');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
