// Fault injection on the release build: each region's request is broken in turn (and all
// at once) by request interception. The hit region shows its error, the rest of the page
// keeps working, "Prøv igen" recovers once the backend is back, and nothing throws. The
// page is the shell, as for an article the build did not prerender: the app fetches every
// document itself. On a prerendered page the same faults only hit the background
// revalidation, which must leave the page as it is (the last tests).
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { watchedPage } = require('./lib/browser.cjs');
const { servedSite } = require('./lib/served-site.cjs');
const { SEED, REGIONS, withoutPrerender } = require('./lib/site.cjs');

const site = servedSite();

const json = { 'content-type': 'application/json; charset=utf-8' };

// Each fault: how to answer an intercepted request, and the error kind the region reports
// (its data-error attribute).
const FAULTS = {
  'HTTP 500': { kind: 'status', answer: (route) => route.fulfill({ status: 500, contentType: 'text/html', body: '<h1>500</h1>' }) },
  'HTTP 404': { kind: 'status', answer: (route) => route.fulfill({ status: 404, contentType: 'text/html', body: '<h1>404</h1>' }) },
  'malformed JSON': { kind: 'decode', answer: (route) => route.fulfill({ status: 200, headers: json, body: '{"slug": "nokia", "headline": ' }) },
  'wrong types': {
    kind: 'decode',
    answer: (route) =>
      route.fulfill({
        status: 200,
        headers: json,
        body: JSON.stringify({ slug: 7, headline: 7, published: 7, body: 7, items: 7, page: 'en', sponsor: 7, url: 7, next: 7 }),
      }),
  },
  'a 5 MB body': { kind: 'too-large', answer: (route) => route.fulfill({ status: 200, headers: json, body: ' '.repeat(5 * 1024 * 1024) + '{}' }) },
  'the network offline': { kind: 'network', answer: (route) => route.abort('internetdisconnected') },
};

// A response that never finishes: the request is left hanging. The client aborts it after
// its 10 s bound, so these cases are slower.
const NEVER = { kind: 'timeout', answer: () => new Promise(() => {}) };

async function seedPageWith(fault, regions) {
  const page = await watchedPage(site.browser, { viewport: { width: 1280, height: 900 } });
  await withoutPrerender(page, site.url);
  for (const region of regions) await page.context().route(region.api, fault.answer);
  await page.goto(site.url + SEED);
  return page;
}

// The broken regions show their error; the others their content; then, with the backend
// back, "Prøv igen" in each broken region brings its content.
async function checkFaultAndRecovery(page, fault, broken, timeout = 5000) {
  // An article the backend says does not exist is a "not found" page, not an error to
  // retry: the reader is told so, and the rest of the page works.
  const missingArticle = fault === FAULTS['HTTP 404'] && broken.some((r) => r.name === 'article');
  if (missingArticle) {
    await page.waitForSelector('main h1#not-found-title');
    assert.equal(await page.locator('main h1').innerText(), 'Artiklen findes ikke');
    broken = broken.filter((r) => r.name !== 'article');
  }
  for (const region of broken) {
    const error = page.locator(`${region.scope} .region-error`).first();
    await error.waitFor({ timeout: timeout + 5000 });
    assert.equal(await error.getAttribute('data-error'), fault.kind, `${region.name}: error kind`);
    assert.match(await error.innerText(), /kunne ikke vises/);
  }
  for (const region of REGIONS.filter((r) => !broken.includes(r) && !(missingArticle && r.name === 'article'))) {
    await page.waitForSelector(region.content);
  }
  assert.equal(await page.locator('.region-error').count(), broken.length, 'only the broken regions fail');
  // The shell still works: the header is there and its links are live.
  assert.equal(await page.locator('nav[aria-label="Hovedmenu"] a').count(), 3);

  for (const region of broken) await page.context().unroute(region.api);
  for (const region of broken) {
    await page.click(`${region.scope} .region-error button`);
    await page.waitForSelector(region.content);
  }
  if (missingArticle) {
    await page.context().unroute(REGIONS[0].api);
    await page.reload();
    await page.waitForSelector(REGIONS[0].content);
  }
  assert.equal(await page.locator('.region-error').count(), 0, 'every region recovered');
  const pageErrors = page.problems.filter((p) => p.startsWith('pageerror'));
  assert.deepEqual(pageErrors, []);
}

for (const [name, fault] of Object.entries(FAULTS)) {
  for (const region of REGIONS) {
    test(`${name} in ${region.name}: only that region fails, and recovers`, async () => {
      const page = await seedPageWith(fault, [region]);
      await checkFaultAndRecovery(page, fault, [region]);
      await page.context().close();
    });
  }
  test(`${name} everywhere: every region fails on its own, the page lives, all recover`, async () => {
    const page = await seedPageWith(fault, REGIONS);
    await checkFaultAndRecovery(page, fault, REGIONS);
    await page.context().close();
  });
}

test('a response that never finishes, in people news: times out alone, recovers', async () => {
  const people = REGIONS.find((r) => r.name === 'people');
  const page = await seedPageWith(NEVER, [people]);
  await checkFaultAndRecovery(page, NEVER, [people], 12000);
  await page.context().close();
});

test('responses that never finish, everywhere: every region times out, all recover', async () => {
  const page = await seedPageWith(NEVER, REGIONS);
  await checkFaultAndRecovery(page, NEVER, REGIONS, 12000);
  await page.context().close();
});

for (const [name, fault] of Object.entries({ ...FAULTS, 'a response that never finishes': NEVER })) {
  test(`${name} when the prerendered seed article revalidates: the page stays as it was, quietly`, async () => {
    const page = await watchedPage(site.browser, { viewport: { width: 1280, height: 900 } });
    const revalidated = [];
    for (const region of REGIONS) {
      await page.context().route(region.api, (route) => {
        revalidated.push(region.name);
        return fault.answer(route);
      });
    }
    await page.goto(site.url + SEED);
    // Every region revalidates once the app is running; give the answers time to land.
    await page.waitForSelector('html[data-app="hydrated"]');
    await page.waitForTimeout(name === 'a response that never finishes' ? 300 : 1500);
    assert.deepEqual([...new Set(revalidated)].sort(), REGIONS.map((r) => r.name).sort(), 'every region asked');
    for (const region of REGIONS) await page.waitForSelector(region.content);
    assert.equal(await page.locator('.region-error, .skeleton').count(), 0, 'no error, no skeleton');
    assert.match(await page.locator('main h1').innerText(), /^Efter skuffende salg/);
    // The browser logs failed requests itself ("Failed to load resource", net::ERR_…);
    // the app adds nothing: no error of its own, no page error.
    const ours = page.problems.filter((p) => !/Failed to load resource|net::ERR_/.test(p));
    assert.deepEqual(ours, [], 'nothing alarming from the app in the console either');
    await page.context().close();
  });
}

test('offline after loading: the next page fails in place, and comes back online', async () => {
  const page = await watchedPage(site.browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(site.url + SEED);
  await page.waitForSelector('.region--related .related-item a');
  await page.context().setOffline(true);
  // A client-side navigation to another article while offline.
  await page.click('.region--related .related-item a');
  const error = page.locator('main .region-error');
  await error.waitFor();
  assert.equal(await error.getAttribute('data-error'), 'network');
  assert.match(await error.innerText(), /Vi kunne ikke få forbindelse/);
  // What was already loaded stays: the sidebar's shared regions.
  await page.waitForSelector('.region--jobs .job-card');
  await page.context().setOffline(false);
  await page.click('main .region-error button');
  await page.waitForSelector('main article h1');
  assert.deepEqual(page.problems.filter((p) => p.startsWith('pageerror')), []);
  await page.context().close();
});

test('a failing "Vis flere" keeps the list and retries', async () => {
  const page = await watchedPage(site.browser);
  await withoutPrerender(page, site.url);
  await page.context().route(/\/api\/people\/2\.json$/, FAULTS['HTTP 500'].answer);
  await page.goto(site.url + '/navnenyt');
  await page.waitForSelector('main .people-item');
  await page.click('main .load-more__button');
  await page.waitForSelector('main .load-more .region-error');
  assert.equal(await page.locator('main .people-item').count(), 10);
  await page.context().unroute(/\/api\/people\/2\.json$/);
  await page.click('main .load-more__button');
  await page.waitForFunction(() => document.querySelectorAll('main .people-item').length === 20);
  assert.equal(await page.locator('main .load-more .region-error').count(), 0);
  assert.deepEqual(page.problems.filter((p) => p.startsWith('pageerror')), []);
  await page.context().close();
});
