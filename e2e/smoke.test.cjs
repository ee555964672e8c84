// Smoke test of the release build, served over HTTP like a CDN: the shell renders on the
// front page and on a deep link, the 404 page shows, and nothing logs an error.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { watchedPage } = require('./lib/browser.cjs');
const { servedSite } = require('./lib/served-site.cjs');

const site = servedSite();

test('front page renders the shell without errors', async () => {
  const page = await watchedPage(site.browser);
  await page.goto(`${site.url}/`);
  await page.waitForSelector('header.site-header nav a[href="/navnenyt"]');
  for (const sel of ['header', 'main#indhold', 'footer', 'main h1']) {
    assert.equal(await page.locator(sel).count(), 1, `one ${sel}`);
  }
  assert.equal(await page.getAttribute('html', 'lang'), 'da');
  assert.match(await page.title(), /Tidende/);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('an unknown path shows the 404 page, also on a deep link', async () => {
  const page = await watchedPage(site.browser);
  await page.goto(`${site.url}/findes-ikke`);
  await page.waitForSelector('main h1');
  assert.equal((await page.textContent('main h1')).trim(), 'Siden findes ikke');
  assert.match(await page.title(), /^Siden findes ikke/);
  await page.click('main a[href="/"]');
  await page.waitForFunction(() => location.pathname === '/');
  assert.equal((await page.textContent('main h1')).trim(), 'Seneste nyt');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
