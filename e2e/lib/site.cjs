// What the end-to-end tests know about the site: its pages, its regions and the API
// documents each region reads, and how to wait until a page has settled.
'use strict';

const SEED = '/artikel/nokia-saelger-milliard-satsning-withings';

// Every route, with a selector that appears once its main content has loaded.
const PAGES = [
  { path: '/', ready: '.teaser-list .teaser' },
  { path: SEED, ready: 'main article h1' },
  { path: '/navnenyt', ready: 'main .people-item' },
  { path: '/job', ready: 'main .job-card' },
  { path: '/findes-ikke', ready: 'main h1#not-found-title' },
];

// The regions of the seed article page: the API path each reads (a RegExp on the URL),
// where it sits, and what it shows when it has loaded.
const REGIONS = [
  { name: 'article', api: /\/api\/articles\/(?!index\/)[^/]+\.json$/, scope: 'main', content: 'main article h1' },
  { name: 'related', api: /\/api\/related\//, scope: '.region--related', content: '.region--related .related-item' },
  { name: 'sponsored', api: /\/api\/sponsored\//, scope: '.sponsored', content: '.sponsored__headline' },
  { name: 'jobs', api: /\/api\/jobs\//, scope: '.region--jobs', content: '.region--jobs .job-card' },
  { name: 'people', api: /\/api\/people\//, scope: '.region--people-news', content: '.region--people-news .people-item' },
];

// Waits until no region is loading any more (no skeleton left) and `ready` is there.
async function settled(page, ready) {
  if (ready) await page.waitForSelector(ready);
  await page.waitForFunction(() => document.querySelectorAll('.skeleton').length === 0);
}

// Makes `page` see the site as if no page had been prerendered: every page load gets the
// shell (what the CDN serves for a route the build did not know, e.g. an article published
// since), with the shell's own headers, so the app renders everything in the browser from
// the network. For the suites that break the network under the app (faults, hostile
// content), whose prerendered pages would otherwise already hold their documents. On the
// context, so the service worker's requests are answered the same way as the page's.
async function withoutPrerender(page, siteUrl, publicUrl = '/') {
  await page.context().route(
    (url) => !/\.[a-z0-9]+$/i.test(url.pathname),
    async (route) => {
      if (route.request().resourceType() !== 'document') return route.fallback();
      const shell = await route.fetch({ url: `${siteUrl}${publicUrl}shell.html` });
      await route.fulfill({ response: shell });
    }
  );
}

// The seed article, hydrated and settled, with a marker (`window.__sameDocument`) that only
// survives in-place navigation.
async function seedArticle(site, options = {}) {
  const { watchedPage } = require('./browser.cjs');
  const page = await watchedPage(site.browser, { viewport: { width: 1280, height: 900 }, ...options });
  await page.goto(site.url + SEED);
  await page.waitForSelector('html[data-app="hydrated"]');
  await settled(page, 'main article h1');
  await page.evaluate(() => { window.__sameDocument = true; });
  return page;
}

// Adds a link to `href` to the page's main and clicks it, as a reader following a link
// the page does not have (yet) would.
async function followAddedLink(page, href, text = 'En anden side') {
  await page.evaluate(([h, t]) => {
    const a = document.createElement('a');
    a.href = h;
    a.id = 'added-link';
    a.textContent = t;
    document.querySelector('main').append(a);
  }, [href, text]);
  await page.click('#added-link');
}

module.exports = { SEED, PAGES, REGIONS, settled, withoutPrerender, seedArticle, followAddedLink };
