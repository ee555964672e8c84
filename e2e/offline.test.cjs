// Offline reading and an installable app, on the release build served like the CDN serves
// it, in Chromium with the real service worker (tools/lib/service-worker.cjs): pages read
// open again offline, by their address and by a link in the app, marked as saved; a page
// not read gets the offline page, which lists the saved articles; back online the page is
// live again by itself; a new deployment is announced and taken in with one reload; the
// runtime caches keep to their bounds; the manifest is installable.
//
// Each test serves its own copy of the build (the update test deploys a second one over
// it), on a port of its own: a service worker belongs to its origin.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { launch, watchedPage } = require('./lib/browser.cjs');
const { startPreview } = require('./lib/preview.cjs');
const { SEED, settled } = require('./lib/site.cjs');
const { axe } = require('./lib/axe.cjs');
const { BOUNDS } = require('../tools/lib/service-worker.cjs');

const DIST = process.env.DIST_DIR || 'dist';
const OTHER = '/artikel/nokias-nye-fremtid-globalt-iot-netvaerk';
const UNREAD = '/artikel/gdpr-traadt-i-kraft-fem-ting';
const SEED_HEADLINE =
  'Efter skuffende salg: Nu sælger Nokia den milliard-satsning, der skulle have været selskabets fremtid';
const OTHER_HEADLINE = 'Er dette Nokias nye fremtid? Er på trapperne med globalt sammenbundet IoT-netværk';
const NOTE = 'Gemt udgave – du er offline';

let browser;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tidende-offline-'));
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
  fs.rmSync(work, { recursive: true, force: true });
});

// A copy of the build, served; `prepare(dir)` may change the copy first.
//
// Offline is `context.setOffline(true)` and the server stopped as well: Playwright's
// offline emulation reaches the page's own requests, but not always the worker's (a
// worker Chromium starts again gets it late), and a worker that still reached the server
// would pass every test here. Back online, the server starts again on the same port
// (a service worker belongs to its origin).
async function serve(name, prepare) {
  const root = path.join(work, name);
  fs.cpSync(DIST, root, { recursive: true });
  if (prepare) prepare(root);
  const site = { root, server: await startPreview({ root }) };
  site.port = site.server.port;
  site.url = `${site.server.url}${site.server.publicUrl.replace(/\/$/, '')}`;
  site.offline = async (context) => {
    await context.setOffline(true);
    await site.server.stop();
  };
  site.online = async (context, newRoot = site.root) => {
    site.root = newRoot;
    site.server = await startPreview({ root: newRoot, port: site.port });
    await context.setOffline(false);
  };
  site.stop = () => site.server.stop();
  return site;
}

// Waits until the service worker runs the page (it takes the open page when it starts).
async function workerInCharge(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller, null, { timeout: 20000 });
}

// The page's article as read: its headline and how many paragraphs of text it has.
async function article(page) {
  await page.waitForSelector('main article h1');
  return {
    headline: (await page.locator('main article h1').textContent()).trim(),
    paragraphs: await page.locator('main article .article-body p').count(),
    errors: await page.locator('.region-error').count(),
  };
}

async function savedNote(page) {
  const note = page.locator('.saved-note');
  await note.waitFor();
  return (await note.textContent()).trim();
}

test('offline: read pages open from the cache by address and by link, others get the offline page, and online is live again', async () => {
  const site = await serve('reading');
  try {
    const page = await watchedPage(browser);
    const context = page.context();
    // Read: the front page and the seed article as whole pages, the other article by a
    // link in the app.
    await page.goto(`${site.url}/`);
    await workerInCharge(page);
    await page.goto(`${site.url}${SEED}`);
    await settled(page, 'main article h1');
    await page.locator(`main a[href$="${OTHER}"]`).first().click();
    await page.waitForURL(`**${OTHER}`);
    assert.equal((await article(page)).headline, OTHER_HEADLINE);
    await settled(page);
    // The copy of the page the app went to, which the page asks the worker to keep.
    await page.waitForFunction(async (url) => Boolean(await caches.match(url)), page.url());

    await site.offline(context);
    // By address: the page read in the app, reloaded.
    await page.reload();
    const reloaded = await article(page);
    assert.equal(reloaded.headline, OTHER_HEADLINE);
    assert.ok(reloaded.paragraphs >= 3, `the whole article: ${reloaded.paragraphs} paragraphs`);
    assert.equal(await savedNote(page), NOTE);
    await page.waitForSelector('html[data-app="hydrated"]');

    // By link in the app: the front page, then the seed article, both from their saved pages.
    await page.locator('a.brand').click();
    await page.waitForSelector('main .teaser-list .teaser');
    await page.locator(`main a[href$="${SEED}"]`).first().click();
    await page.waitForURL(`**${SEED}`);
    const seed = await article(page);
    assert.equal(seed.headline, SEED_HEADLINE);
    assert.ok(seed.paragraphs >= 3, `the whole article: ${seed.paragraphs} paragraphs`);
    assert.equal(seed.errors, 0, 'no region says it could not load');
    assert.equal(await savedNote(page), NOTE);

    // An article not read, by a link in the app: the offline page, under its address,
    // listing the two saved articles.
    await page.locator('a.brand').click();
    await page.waitForSelector('main .teaser-list .teaser');
    await page.locator(`main a[href$="${UNREAD}"]`).first().click();
    await page.waitForSelector('main.offline-page h1');
    assert.equal(new URL(page.url()).pathname, UNREAD);
    assert.equal(await page.locator('main h1').textContent(), 'Du er offline');
    const listed = await page.locator('.offline-list a').evaluateAll((as) => as.map((a) => [a.textContent, new URL(a.href).pathname]));
    assert.deepEqual(listed.sort(), [[OTHER_HEADLINE, OTHER], [SEED_HEADLINE, SEED]].sort());
    assert.deepEqual(await axe(page), [], 'axe on the offline page');
    // …and by its address.
    await page.goto(`${site.url}/artikel/kampen-om-datacentrene-kommuner`);
    await page.waitForSelector('main.offline-page h1');

    // Back online: the page loads again by itself, once, and is the live article.
    await page.goto(`${site.url}${UNREAD}`);
    await page.waitForSelector('main.offline-page h1');
    let loads = 0;
    page.on('load', () => loads++);
    await site.online(context);
    await page.waitForSelector('main article h1', { timeout: 15000 });
    await settled(page);
    await page.waitForTimeout(3000);
    assert.equal(loads, 1, 'one reload when the network is back');
    assert.equal(await page.locator('.saved-note').count(), 0);
    assert.deepEqual(page.problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(p)), []);
    await context.close();
  } finally {
    await site.stop();
  }
});
