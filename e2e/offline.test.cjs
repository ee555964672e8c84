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
const { execFileSync } = require('node:child_process');
const { chromium } = require('playwright-core');
const { launch, watchedPage, CHROMIUM_ARGS } = require('./lib/browser.cjs');
const { startPreview } = require('./lib/preview.cjs');
const { SEED, settled } = require('./lib/site.cjs');
const { axe } = require('./lib/axe.cjs');
const { deployAgain, MARK } = require('./lib/redeploy.cjs');
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
  const restart = async (newRoot) => {
    site.root = newRoot;
    site.server = await startPreview({ root: newRoot, port: site.port });
  };
  site.offline = async (context) => {
    await context.setOffline(true);
    await site.server.stop();
  };
  site.online = async (context) => {
    await restart(site.root);
    await context.setOffline(false);
  };
  // Another build in place of this one, as an operator uploads it.
  site.deploy = async (newRoot) => {
    await site.server.stop();
    await restart(newRoot);
  };
  site.stop = () => site.server.stop();
  return site;
}

// Waits until the service worker runs the page (it takes the open page when it starts).
async function workerInCharge(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller, null, { timeout: 20000 });
}

// A reader's first visit: a new watched page on the front page, once the worker runs it.
async function firstVisit(site) {
  const page = await watchedPage(browser);
  await page.goto(`${site.url}/`);
  await workerInCharge(page);
  return page;
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
    // Read: the front page and the seed article as whole pages, the other article by a
    // link in the app.
    const page = await firstVisit(site);
    const context = page.context();
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
    for (const [width, colorScheme] of [[1280, 'light'], [375, 'dark']]) {
      await page.setViewportSize({ width, height: 800 });
      await page.emulateMedia({ colorScheme });
      assert.deepEqual(await axe(page), [], `axe on the offline page, ${width} px, ${colorScheme}`);
    }
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

// The files the page runs, as loaded, and as its HTML names them.
async function appFiles(page) {
  return page.evaluate(() => {
    const named = [...document.querySelectorAll('link[rel="stylesheet"], link[rel="modulepreload"]')].map((l) => new URL(l.href).pathname);
    const loaded = performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => /-[0-9a-f]{8,16}(_bg)?\.(js|css|wasm)$/.test(p));
    return { named, loaded, mark: getComputedStyle(document.documentElement).getPropertyValue('--tidende-udgave').trim() };
  });
}

test('a new deployment: the prompt says so, its button brings the new version in one reload, and saved pages of the old one still read', async () => {
  const site = await serve('update');
  try {
    const page = await firstVisit(site);
    const context = page.context();
    await page.goto(`${site.url}${OTHER}`);
    await settled(page, 'main article h1');
    await page.goto(`${site.url}${SEED}`);
    await settled(page, 'main article h1');
    assert.equal(await page.locator('.update-prompt').count(), 0, 'no prompt without a new version');

    const next = path.join(work, 'update-2');
    fs.cpSync(site.root, next, { recursive: true });
    const { css, glue } = deployAgain(next, site.server.publicUrl);
    await site.deploy(next);

    // The old worker still runs the page: the new page comes from the network and brings
    // the new files with it, never the old worker's.
    await page.reload();
    await settled(page, 'main article h1');
    const during = await appFiles(page);
    assert.ok(during.named.includes(`/${css[1]}`) && during.named.includes(`/${glue[1]}`), `the new page names the new files: ${during.named}`);
    for (const f of during.loaded) assert.ok(!f.endsWith(css[0]) && !f.endsWith(glue[0]), `no file of the old build is loaded: ${f}`);
    assert.equal(during.mark, '2', 'the new stylesheet is the one in use');

    const prompt = page.locator('.update-prompt');
    await prompt.waitFor({ timeout: 20000 });
    assert.equal(await prompt.getAttribute('role'), 'status');
    assert.equal((await prompt.locator('p').textContent()).trim(), 'Der er en ny version af Tidende');
    for (const [width, colorScheme] of [[1280, 'light'], [375, 'dark']]) {
      await page.setViewportSize({ width, height: 800 });
      await page.emulateMedia({ colorScheme });
      assert.deepEqual(await axe(page), [], `axe on the page with the prompt, ${width} px, ${colorScheme}`);
    }
    let loads = 0;
    page.on('load', () => loads++);
    await prompt.getByRole('button', { name: 'Hent den nye version' }).click();
    await page.waitForFunction(() => document.readyState === 'complete' && !document.querySelector('.update-prompt') && navigator.serviceWorker.controller);
    await settled(page, 'main article h1');
    await page.waitForTimeout(2000);
    assert.equal(loads, 1, 'one reload');
    const worker = await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      return { waiting: Boolean(reg.waiting), active: reg.active?.state };
    });
    assert.deepEqual(worker, { waiting: false, active: 'activated' });
    const cached = await page.evaluate(async (names) => Promise.all(names.map(async (n) => Boolean(await caches.match(new URL(n, document.baseURI).href)))), [...css, ...glue]);
    assert.deepEqual(cached, [false, true, false, true], 'the precache holds the new files, not the old');
    assert.equal(await page.locator('.update-prompt').count(), 0);

    // A page saved under the old build, opened offline: it reads, as HTML only (its app
    // build is gone), with the current stylesheet.
    await site.offline(context);
    await page.goto(`${site.url}${OTHER}`);
    const old = await article(page);
    assert.equal(old.headline, OTHER_HEADLINE);
    assert.ok(old.paragraphs >= 3, `the whole article: ${old.paragraphs} paragraphs`);
    assert.equal(await savedNote(page), NOTE);
    const after = await appFiles(page);
    assert.equal(after.mark, '2', 'the current stylesheet in place of the old one');
    assert.deepEqual(after.named.filter((f) => f.endsWith('.js')), [], 'no script of the old build');
    assert.deepEqual(page.problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(p)), []);
    await context.close();
  } finally {
    await site.stop();
  }
});

test(`the runtime caches keep to their bounds after 200 article visits`, async () => {
  // 200 articles the build does not know (the CDN serves them the shell, the app fetches
  // them), each with its own related list and picture, so every cache sees more than it
  // may keep.
  const site = await serve('bounds', (root) => {
    const seed = JSON.parse(fs.readFileSync(path.join(root, 'api/articles', `${path.basename(SEED)}.json`), 'utf8'));
    const related = fs.readFileSync(path.join(root, 'api/related', `${path.basename(SEED)}.json`), 'utf8');
    for (let i = 1; i <= 200; i++) {
      const slug = `besoeg-${i}`;
      const doc = { ...seed, slug, headline: `Besøg nummer ${i}` };
      if (doc.image) doc.image = { ...doc.image, src: `${doc.image.src}?v=${i}` };
      fs.writeFileSync(path.join(root, 'api/articles', `${slug}.json`), JSON.stringify(doc));
      fs.writeFileSync(path.join(root, 'api/related', `${slug}.json`), related.replace(path.basename(SEED), slug));
    }
  });
  try {
    const page = await firstVisit(site);
    for (let i = 1; i <= 200; i++) {
      await page.goto(`${site.url}/artikel/besoeg-${i}`);
      await page.waitForSelector(`main article h1:text-is("Besøg nummer ${i}")`);
      await settled(page);
    }
    // The bounds are kept after each write, in the background: until they settle.
    const counts = () => page.evaluate(async (names) => {
      const out = {};
      for (const n of names) out[n] = (await (await caches.open(n)).keys()).length;
      return out;
    }, Object.keys(BOUNDS));
    let seen;
    for (let t = 0; t < 40; t++) {
      seen = await counts();
      if (Object.entries(seen).every(([n, c]) => c <= BOUNDS[n].maxEntries)) break;
      await page.waitForTimeout(250);
    }
    console.log(`caches after 200 visits: ${JSON.stringify(seen)}`);
    for (const [name, { maxEntries }] of Object.entries(BOUNDS)) {
      assert.ok(seen[name] <= maxEntries, `${name}: ${seen[name]} entries, bound ${maxEntries}`);
    }
    // …and they were reached: the test saw more than each bound.
    for (const name of ['tidende-sider', 'tidende-data', 'tidende-billeder']) {
      assert.equal(seen[name], BOUNDS[name].maxEntries, `${name} is full to its bound`);
    }
    await page.context().close();
  } finally {
    await site.stop();
  }
});

test('the manifest: installable (no installability errors), Danish, under the deployment\'s path', async () => {
  // The build and the sub-path build (make build-subpath; e2e/cdn.test.cjs serves it too).
  for (const dist of [DIST, process.env.SUBPATH_DIST_DIR || 'dist-nyheder']) {
    assert.ok(fs.existsSync(path.join(dist, 'manifest.webmanifest')), `${dist} is a release build with a manifest`);
    const server = await startPreview({ root: dist });
    // Not a new context of the shared browser: those are incognito, which Chromium does
    // not install from ("in-incognito"). A browser with a profile of its own.
    const profile = fs.mkdtempSync(path.join(work, 'profile-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    });
    try {
      const page = context.pages()[0] || (await context.newPage());
      const base = `${server.url}${server.publicUrl}`;
      await page.goto(base);
      await workerInCharge(page);
      const cdp = await page.context().newCDPSession(page);
      const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
      assert.deepEqual(installabilityErrors, [], `${dist}: no installability errors`);
      const href = await page.locator('link[rel="manifest"]').getAttribute('href');
      const res = await page.request.get(new URL(href, base).href);
      assert.match(res.headers()['content-type'], /^application\/manifest\+json/);
      const manifest = await res.json();
      assert.equal(manifest.lang, 'da');
      assert.equal(manifest.short_name, 'Tidende');
      assert.equal(manifest.display, 'standalone');
      assert.equal(new URL(manifest.start_url, res.url()).pathname, server.publicUrl);
      assert.equal(new URL(manifest.scope, res.url()).pathname, server.publicUrl);
      const themes = await page.locator('meta[name="theme-color"]').evaluateAll((ms) => ms.map((m) => m.content));
      assert.equal(manifest.theme_color, themes[0], 'the manifest\'s theme colour is the page\'s');
      for (const icon of manifest.icons) {
        const got = await page.request.get(new URL(icon.src, res.url()).href);
        assert.equal(got.status(), 200, icon.src);
        assert.equal(got.headers()['content-type'].split(';')[0], icon.type, icon.src);
      }
      const purposes = manifest.icons.map((i) => `${i.sizes} ${i.purpose || 'any'}`);
      for (const want of ['192x192 any', '512x512 any', '512x512 maskable', 'any any']) assert.ok(purposes.includes(want), `${want} in ${purposes}`);
      // The worker revalidated on every check, as a JavaScript file.
      const sw = await page.request.get(new URL('sw.js', base).href);
      assert.equal(sw.headers()['cache-control'], 'no-cache');
      assert.match(sw.headers()['content-type'], /javascript/);
      const worker = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).scope);
      assert.equal(new URL(worker).pathname, server.publicUrl, 'the worker\'s scope is the deployment\'s path');
    } finally {
      await context.close();
      await server.stop();
    }
  }
});

test('SERVICE_WORKER=off: the worker and its caches are removed, and the site is served as it is', async () => {
  const site = await serve('kill-switch');
  try {
    const page = await firstVisit(site);
    await page.goto(`${site.url}${SEED}`);
    await settled(page, 'main article h1');
    assert.ok((await page.evaluate(() => caches.keys())).length >= 2, 'the worker has its caches');

    const next = path.join(work, 'kill-switch-2');
    fs.cpSync(site.root, next, { recursive: true });
    execFileSync('node', ['tools/postbuild.cjs', 'site'], {
      env: { ...process.env, DIST_DIR: next, PUBLIC_URL: site.server.publicUrl, SERVICE_WORKER: 'off' },
      stdio: 'ignore',
    });
    assert.equal(fs.readFileSync(path.join(next, 'sw.js'), 'utf8'), fs.readFileSync('tools/sw-kill-switch.js', 'utf8'));
    await site.deploy(next);

    await page.reload();
    await settled(page, 'main article h1');
    await page.waitForFunction(async () =>
      (await navigator.serviceWorker.getRegistrations()).length === 0 && (await caches.keys()).length === 0, null, { timeout: 20000 });
    // The next load is the site as served, with no worker in between.
    await page.reload();
    await settled(page, 'main article h1');
    assert.equal(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)), false);
    assert.equal(await page.locator('meta[name="tidende:sw"]').count(), 0);
    await page.waitForTimeout(1000);
    assert.equal((await page.evaluate(() => navigator.serviceWorker.getRegistrations())).length, 0, 'none registered again');
    assert.deepEqual(page.problems, []);
    await page.context().close();
  } finally {
    await site.stop();
  }
});
