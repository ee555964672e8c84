// Search (/soeg?q=…) on the release build, served like the CDN serves it: the header's field
// leads to the search page in place, which lists the hits as the site's teasers (kicker,
// headline, the text around the hit marked, the date) with the count in a live region;
// back and forward go between searches; a query is text, never markup; Pagefind is loaded
// on the first search only, under the CSP; a deep link searches on arrival; the sub-path
// build links its hits under /nyheder/; without script the forms are plain GET forms and
// the search page offers the sections and topics instead; a failed load can be retried.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const { watchedPage, cspWatchedPage, injectInlineScript } = require('./lib/browser.cjs');
const { startPreview, parseHeaders } = require('./lib/preview.cjs');
const { servedSite } = require('./lib/served-site.cjs');
const { SEED, settled } = require('./lib/site.cjs');

const site = servedSite();
const ROOT = path.resolve(__dirname, '..');
const DIST = path.resolve(ROOT, process.env.DIST_DIR || 'dist');
// The sub-path build (`make build-subpath`), as e2e/cdn.test.cjs serves it.
const DIST_SUBPATH = path.resolve(ROOT, process.env.SUBPATH_DIST_DIR || 'dist-nyheder');
const SEED_HEADLINE =
  'Efter skuffende salg: Nu sælger Nokia den milliard-satsning, der skulle have været selskabets fremtid';
const NOSCRIPT_LINE = 'Søgningen kræver JavaScript. Find artikler efter sektion eller emne i stedet.';
const HOSTILE = '<img src=x onerror=window.__pwned=1>';
// src/islands.js shows this many hits at most.
const SHOWN = 30;

function get(url) {
  return new Promise((resolve, reject) => {
    http.get(url, { agent: false }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    }).on('error', reject);
  });
}
const json = async (url) => {
  const res = await get(url);
  assert.equal(res.status, 200, url);
  return JSON.parse(res.body);
};

const status = (page) => page.locator('#soeg-status').textContent();
// What src/islands.js says for `total` hits of `query` (at most SHOWN of them shown).
const countLine = (total, query) =>
  total === 0 ? `Ingen artikler matcher »${query}«.`
    : total === 1 ? `1 artikel matcher »${query}«.`
      : `${total} artikler matcher »${query}«.${total > SHOWN ? ` Her er de ${SHOWN} bedste.` : ''}`;
const COUNTED = /^(Ingen artikler|1 artikel|\d+ artikler) matcher »[\s\S]*«\.( Her er de \d+ bedste\.)?$/;

// The hits shown, as the teasers say them.
const hits = (page) =>
  page.locator('#soeg-hits ol.teaser-list > li > article.teaser').evaluateAll((els) => els.map((el) => ({
    href: el.querySelector('h2.teaser__headline a')?.getAttribute('href'),
    headline: el.querySelector('h2.teaser__headline a')?.textContent,
    kicker: el.querySelector('.kicker a')?.textContent,
    kickerHref: el.querySelector('.kicker a')?.getAttribute('href'),
    lead: el.querySelector('p.teaser__lead')?.textContent,
    marks: [...el.querySelectorAll('p.teaser__lead mark')].map((m) => m.textContent),
    datetime: el.querySelector('p.teaser__time time')?.getAttribute('datetime'),
    date: el.querySelector('p.teaser__time time')?.textContent,
  })));

// Waits until the search for `query` has answered (the status says the count), and returns
// the count the status line gives.
async function answered(page, query) {
  await page.waitForFunction(
    ({ query, re }) => {
      const t = document.querySelector('#soeg-status')?.textContent || '';
      return new RegExp(re).test(t) && t.includes(`»${query}«`) && document.querySelector('#soeg-q')?.value === query;
    },
    { query, re: COUNTED.source },
    { timeout: 20_000 }
  ).catch(async () => {
    assert.fail(`${page.url()}: no answer for "${query}"; status ${JSON.stringify(await status(page).catch(() => null))}; problems: ${page.problems}`);
  });
  const t = await status(page);
  if (t.startsWith('Ingen')) return 0;
  return t.startsWith('1 artikel') ? 1 : Number(/^\d+/.exec(t)[0]);
}

// A page with the app live and a marker (`window.__sameDocument`) that only survives
// in-place navigation.
async function livePage(url, options = {}) {
  const page = await watchedPage(site.browser, { viewport: { width: 1280, height: 900 }, ...options });
  await page.goto(url);
  await page.waitForSelector('html[data-app="hydrated"]');
  await page.evaluate(() => { window.__sameDocument = true; });
  return page;
}

// Types `query` into the search field `input` and submits it with Enter.
async function search(page, input, query) {
  await page.fill(input, query);
  await page.press(input, 'Enter');
}

// The Nokia-tagged articles of the sample backend, from its topic documents.
async function nokiaTagged(base = site.url) {
  const hrefs = [];
  for (let next = 'topics/nokia/1.json'; next; ) {
    const doc = await json(`${base}/api/${next}`);
    hrefs.push(...doc.items.map((t) => `/artikel/${t.slug}`));
    next = doc.next;
  }
  return hrefs;
}

test('the header\'s search from the front page: /soeg?q=Withings in place, the seed article first, and back', async () => {
  const page = await livePage(site.url + '/');
  await settled(page, 'main .teaser-list .teaser');
  await search(page, '#site-search-q', 'Withings');
  await page.waitForURL(site.url + '/soeg?q=Withings');
  const total = await answered(page, 'Withings');
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no reload');
  assert.equal((await page.locator('main h1').textContent()).trim(), 'Søg');
  await page.waitForFunction(() => document.title === 'Søg – Tidende');

  const shown = await hits(page);
  assert.ok(total >= 1, 'Withings is found');
  assert.equal(await status(page), countLine(total, 'Withings'));
  assert.equal(shown.length, Math.min(total, SHOWN), 'the count says what is shown');
  const [first] = shown;
  assert.equal(first.href, SEED, 'the seed article is the first hit');
  assert.equal(first.headline, SEED_HEADLINE);
  assert.ok(first.marks.some((m) => m === 'Withings'), `the excerpt marks "Withings": ${JSON.stringify(first.marks)}`);
  assert.match(first.lead, /Withings/);
  assert.deepEqual([first.kicker, first.kickerHref], ['Mobil', '/sektion/mobil'], 'the kicker is the section, linking to its page');
  assert.equal(first.datetime, '2018-05-31T10:14:00+02:00');
  assert.match(first.date, /^31\. maj 2018/);
  // The hit's links lead to pages that are there.
  assert.equal((await get(site.url + first.kickerHref)).status, 200);

  // The hit opens the article in place; Back returns to the hits.
  await page.click(`#soeg-hits h2.teaser__headline a[href="${SEED}"]`);
  await page.waitForURL(site.url + SEED);
  await page.waitForFunction((h) => document.querySelector('main article h1')?.textContent === h, SEED_HEADLINE);
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'the article opened in place');
  await page.goBack();
  await page.waitForURL(site.url + '/soeg?q=Withings');
  assert.equal(await answered(page, 'Withings'), total);
  assert.equal((await hits(page))[0].href, SEED, 'the same hits again');
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'back in place');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the search page\'s own field searches again; back and forward go between the searches', async () => {
  const page = await livePage(site.url + '/soeg?q=Withings');
  await answered(page, 'Withings');
  await search(page, '#soeg-q', 'Nokia');
  await page.waitForURL(site.url + '/soeg?q=Nokia');
  const nokia = await answered(page, 'Nokia');
  assert.ok(nokia >= 3, `Nokia: ${nokia} hits`);
  await page.goBack();
  await page.waitForURL(site.url + '/soeg?q=Withings');
  await answered(page, 'Withings');
  assert.equal((await hits(page))[0].href, SEED);
  await page.goForward();
  await page.waitForURL(site.url + '/soeg?q=Nokia');
  assert.equal(await answered(page, 'Nokia'), nokia);
  assert.equal((await hits(page)).length, Math.min(nokia, SHOWN));
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'all in place');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a word no article has: "Ingen artikler matcher »…«." and no list', async () => {
  const page = await livePage(site.url + '/');
  await search(page, '#site-search-q', 'xyzzyqwfp');
  await page.waitForURL(site.url + '/soeg?q=xyzzyqwfp');
  assert.equal(await answered(page, 'xyzzyqwfp'), 0);
  assert.equal(await status(page), 'Ingen artikler matcher »xyzzyqwfp«.');
  assert.equal(await page.locator('#soeg-hits ol, #soeg-hits li').count(), 0, 'no list');
  assert.equal(await page.locator('#soeg-hits').evaluate((el) => el.childElementCount), 0, 'nothing in the hits');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a query with markup in it shows as text: no element made, no script run', async () => {
  const page = await livePage(site.url + '/');
  await search(page, '#site-search-q', HOSTILE);
  await page.waitForFunction(() => location.pathname === '/soeg');
  assert.equal(new URL(page.url()).searchParams.get('q'), HOSTILE, 'the address carries the query as written');
  const total = await answered(page, HOSTILE);
  assert.equal(await status(page), countLine(total, HOSTILE), 'the status says the query as written');
  assert.equal(await page.inputValue('#soeg-q'), HOSTILE, 'so does the field');
  const check = async (where) => {
    assert.equal(await page.locator('img[src="x"]').count(), 0, `${where}: no img made`);
    assert.equal(await page.locator('#soeg-status *, main h1 *').count(), 0, `${where}: the status is text only`);
    assert.equal(await page.evaluate(() => window.__pwned), undefined, `${where}: no script ran`);
  };
  await check('in place');
  // As a deep link, searched on arrival.
  await page.goto(`${site.url}/soeg?q=${encodeURIComponent(HOSTILE)}`);
  await page.waitForSelector('html[data-app="hydrated"]');
  await answered(page, HOSTILE);
  await page.waitForTimeout(300);
  await check('deep link');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('Pagefind is loaded on the first search only: nothing of it before, its files once', async () => {
  const page = await watchedPage(site.browser, { viewport: { width: 1280, height: 900 } });
  const requests = [];
  page.on('requestfinished', (r) => requests.push(r));
  const pagefind = () => requests.filter((r) => new URL(r.url()).pathname.startsWith('/pagefind/'));

  // The front page, and the search page with nothing asked.
  for (const p of ['/', '/soeg']) {
    await page.goto(site.url + p);
    await page.waitForSelector('html[data-app="hydrated"]');
    await page.waitForLoadState('networkidle');
    assert.deepEqual(pagefind().map((r) => r.url()), [], `${p}: nothing of Pagefind`);
  }
  assert.equal(await status(page), '', 'nothing said before a search');
  assert.equal(await page.locator('#soeg-hits').evaluate((el) => el.childElementCount), 0);

  // One search: Pagefind's script, its worker, entry, metadata, wasm, index and the
  // fragments of the hits shown, each once, and nothing but those.
  requests.length = 0;
  await search(page, '#soeg-q', 'Withings');
  const total = await answered(page, 'Withings');
  await page.waitForLoadState('networkidle');
  // Not counted: the copy of the page the service worker is asked to keep (src/islands.js),
  // and the search page's own script (src/search.js), loaded with the page.
  const asked = requests
    .filter((r) => !r.headers()['x-tidende'])
    .map((r) => new URL(r.url()).pathname)
    .filter((p) => !p.startsWith('/favicon') && p !== '/search.js');
  assert.deepEqual(asked.filter((p) => !p.startsWith('/pagefind/')), [], 'the search asks for nothing else');
  assert.equal(new Set(asked).size, asked.length, `each file once: ${asked}`);
  for (const want of [/^\/pagefind\/pagefind\.js$/, /^\/pagefind\/pagefind-entry\.json$/, /^\/pagefind\/wasm\.da\.pagefind$/, /\.pf_meta$/, /\.pf_index$/]) {
    assert.ok(asked.some((p) => want.test(p)), `${want} asked for: ${asked}`);
  }
  assert.equal(asked.filter((p) => p.endsWith('.pf_fragment')).length, Math.min(total, SHOWN), 'a fragment per hit shown');

  // What one search costs, on the wire: the body bytes of each response (as sent, brotli
  // where the CDN has a .br file), and the file's size on disk.
  const rows = [];
  for (const r of requests.filter((x) => new URL(x.url()).pathname.startsWith('/pagefind/'))) {
    const res = await r.response();
    assert.equal(res.status(), 200, r.url());
    const sizes = await r.sizes();
    // Chromium reports no body size for a worker's script; Content-Length is what was sent.
    const wire = sizes.responseBodySize > 0 ? sizes.responseBodySize : Number(res.headers()['content-length'] || 0);
    const file = new URL(r.url()).pathname;
    rows.push({ file, encoding: res.headers()['content-encoding'] || 'identity', wire, disk: fs.statSync(path.join(DIST, file)).size });
  }
  const sum = (k) => rows.reduce((a, r) => a + r[k], 0);
  console.log(`one search ("Withings", ${total} hit${total === 1 ? '' : 's'}): ${sum('wire')} bytes transferred (${sum('disk')} on disk) in ${rows.length} files: ` +
    rows.map((r) => `${r.file.replace('/pagefind/', '')} ${r.wire} B${r.encoding === 'identity' ? '' : ` ${r.encoding}`}`).join(', '));
  assert.ok(sum('wire') > 0);

  // A second search loads no script and no wasm again: only what it has not read yet.
  requests.length = 0;
  await search(page, '#soeg-q', 'Nokia');
  await answered(page, 'Nokia');
  await page.waitForLoadState('networkidle');
  const again = requests.map((r) => new URL(r.url()).pathname).filter((p) => !p.startsWith('/favicon'));
  assert.ok(again.every((p) => p.endsWith('.pf_fragment') || p.endsWith('.pf_index')), `the second search: ${again}`);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the status line is a live region that is there, empty, before anything is searched', async () => {
  // In the prerendered page itself.
  const raw = (await get(site.url + '/soeg')).body;
  assert.match(raw, /<p id="soeg-status" class="search__status" role="status"><\/p>/);

  // Reached in place from the front page: the region the count is written to is the one
  // there before the answer came (a region added with its text already in is not read out).
  const page = await livePage(site.url + '/');
  await page.evaluate(() => {
    window.__statusSeen = [];
    new MutationObserver(() => {
      const el = document.getElementById('soeg-status');
      if (el && !el.__tidendeSeen) {
        el.__tidendeSeen = true;
        window.__statusSeen.push(el.textContent);
      }
    }).observe(document.body, { childList: true, subtree: true });
  });
  await search(page, '#site-search-q', 'Withings');
  await answered(page, 'Withings');
  const seen = await page.evaluate(() => window.__statusSeen);
  assert.equal(seen.length, 1, 'one status line, kept while searching');
  assert.ok(seen[0] === '' || seen[0] === 'Søger …', `added empty (or saying it searches), not with the count: ${JSON.stringify(seen)}`);
  assert.equal(await page.evaluate(() => document.getElementById('soeg-status').__tidendeSeen), true, 'the count is in that same element');
  const region = page.getByRole('status');
  assert.equal(await region.count(), 1);
  assert.equal(await region.getAttribute('aria-live'), null, 'role=status is polite; nothing turns it off');
  assert.equal(await region.textContent(), countLine(1, 'Withings'));
  assert.ok(await region.isVisible(), 'shown as well as announced');

  // A second search writes to the same region again.
  await search(page, '#soeg-q', 'Nokia');
  await answered(page, 'Nokia');
  assert.equal(await page.evaluate(() => document.getElementById('soeg-status').__tidendeSeen), true, 'the same region');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a deep link /soeg?q=Nokia searches on arrival: the Nokia stories, as many as the count says', async () => {
  const tagged = await nokiaTagged();
  assert.equal(tagged.length, 3, `the sample has three Nokia stories: ${tagged}`);
  const page = await watchedPage(site.browser, { viewport: { width: 375, height: 800 } });
  const res = await page.goto(site.url + '/soeg?q=Nokia');
  assert.equal(res.status(), 200);
  assert.match(res.headers()['cache-control'] || '', /no-cache/, 'the page is revalidated');
  const total = await answered(page, 'Nokia');
  const shown = await hits(page);
  assert.ok(total < SHOWN, `fewer than ${SHOWN}: ${total}`);
  assert.equal(shown.length, total, `"${await status(page)}" and ${shown.length} hits shown`);
  assert.equal(await status(page), countLine(total, 'Nokia'));
  for (const href of tagged) assert.ok(shown.some((h) => h.href === href), `${href} (tagged Nokia) is a hit: ${shown.map((h) => h.href)}`);
  assert.equal(new Set(shown.map((h) => h.href)).size, shown.length, 'no article twice');
  for (const h of shown) {
    assert.match(h.href, /^\/artikel\/[a-z0-9-]+$/, JSON.stringify(h));
    assert.ok(h.headline && h.kicker && h.datetime && h.date, `a whole teaser: ${JSON.stringify(h)}`);
    assert.ok(h.marks.length > 0 && h.marks.every((m) => /^nokia/i.test(m)), `${h.href}: the hits marked: ${JSON.stringify(h.marks)}`);
    assert.equal((await get(site.url + h.href)).status, 200, h.href);
  }
  // A reload asks again, and answers the same.
  await page.reload();
  assert.equal(await answered(page, 'Nokia'), total);
  assert.deepEqual((await hits(page)).map((h) => h.href), shown.map((h) => h.href));
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the hits are laid out as teasers: across the column, the excerpt and its marks shown, at 375 and 1280 px', async () => {
  const wrong = [];
  for (const width of [375, 1280]) {
    const page = await watchedPage(site.browser, { viewport: { width, height: 900 } });
    await page.goto(site.url + '/soeg?q=Nokia');
    await answered(page, 'Nokia');
    const boxes = await page.locator('#soeg-hits article.teaser').evaluateAll((els) => els.map((el) => {
      const lead = el.querySelector('.teaser__lead');
      const mark = lead?.querySelector('mark');
      return {
        href: el.querySelector('h2 a').getAttribute('href'),
        teaser: el.getBoundingClientRect().width,
        text: el.querySelector('.teaser__text').getBoundingClientRect().width,
        lead: lead ? getComputedStyle(lead).display : 'missing',
        mark: mark ? mark.getBoundingClientRect().width : 0,
      };
    }));
    assert.ok(boxes.length >= 3);
    for (const b of boxes) {
      // A hit has no image: its text is the whole teaser, not the image's column beside none.
      if (b.text < 0.9 * b.teaser) wrong.push(`${width}px ${b.href}: the text is ${Math.round(b.text)} px of the teaser's ${Math.round(b.teaser)} px`);
      if (b.lead === 'none' || b.mark === 0) wrong.push(`${width}px ${b.href}: the excerpt is not shown (display: ${b.lead})`);
    }
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
  assert.deepEqual(wrong, [], wrong.join('\n'));
});

// The policy `_headers` gives every path.
const sitePolicy = (dist) =>
  parseHeaders(fs.readFileSync(path.join(dist, '_headers'), 'utf8')).find((r) => r.path === '/*').headers.find(([k]) => k === 'Content-Security-Policy')[1];

test('the search runs under the site\'s CSP: served with it, and no violation or console error', async () => {
  const policy = sitePolicy(DIST);
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval'/);
  for (const p of ['/soeg', '/soeg?q=Withings', '/pagefind/pagefind.js', '/pagefind/pagefind-worker.js']) {
    const res = await get(site.url + p);
    assert.equal(res.status, 200, p);
    assert.equal(res.headers['content-security-policy'], policy, `${p}: the site's CSP`);
  }
  const page = await cspWatchedPage(site.browser, { viewport: { width: 1280, height: 900 } });
  const res = await page.goto(site.url + '/');
  assert.equal(res.headers()['content-security-policy'], policy);
  await page.waitForSelector('html[data-app="hydrated"]');
  await search(page, '#site-search-q', 'Withings');
  await answered(page, 'Withings');
  await search(page, '#soeg-q', 'Nokia');
  await answered(page, 'Nokia');
  await page.waitForLoadState('networkidle');
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], 'no CSP violation');
  assert.deepEqual(page.problems, [], 'no page or console error');

  // And watchedPage would have said so: a refused script is a console error it records.
  assert.equal(await injectInlineScript(page), false, 'the injected script did not run');
  await page.waitForTimeout(100);
  assert.ok(page.problems.some((p) => /^console\.error: .*Content Security Policy/.test(p)), `watchedPage records the violation: ${page.problems}`);
  await page.context().close();
});

test('when Pagefind cannot be loaded the page says so, and "Prøv igen" searches again', async () => {
  const page = await livePage(site.url + '/soeg');
  let refuse = true;
  await page.context().route('**/pagefind/pagefind.js*', (route) => (refuse ? route.abort() : route.fallback()));
  await search(page, '#soeg-q', 'Withings');
  await page.waitForFunction(() => document.querySelector('#soeg-status')?.textContent === 'Søgningen kunne ikke indlæses.');
  const again = page.locator('#soeg-hits button');
  assert.equal(await again.innerText(), 'Prøv igen');
  assert.equal(await again.getAttribute('type'), 'button');
  // The failure is logged, as it should be; nothing else is.
  assert.ok(page.problems.length > 0 && page.problems.every((p) => /^console\.error: (search:|Failed to load resource)/.test(p)), `${page.problems}`);
  page.problems.length = 0;
  refuse = false;
  await again.click();
  await answered(page, 'Withings');
  assert.equal((await hits(page))[0].href, SEED);
  assert.equal(await page.locator('#soeg-hits button').count(), 0, 'the button is gone');
  assert.equal(await page.evaluate(() => window.__sameDocument), true);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the sub-path build: the search runs under /nyheder/ and its hits link there', async () => {
  assert.ok(fs.existsSync(path.join(DIST_SUBPATH, 'index.html')), `${DIST_SUBPATH} is missing: run \`make build-subpath\``);
  const server = await startPreview({ root: DIST_SUBPATH });
  try {
    assert.equal(server.publicUrl, '/nyheder/');
    const base = `${server.url}/nyheder`;
    const page = await cspWatchedPage(site.browser, { viewport: { width: 1280, height: 900 } });
    const asked = [];
    page.on('request', (r) => asked.push(new URL(r.url()).pathname));
    await page.goto(`${base}/`);
    await page.waitForSelector('html[data-app="hydrated"]');
    await page.evaluate(() => { window.__sameDocument = true; });
    assert.equal(await page.getAttribute('header form[role="search"]', 'action'), '/nyheder/soeg');
    await search(page, '#site-search-q', 'Withings');
    await page.waitForURL(`${base}/soeg?q=Withings`);
    const total = await answered(page, 'Withings');
    const shown = await hits(page);
    assert.equal(shown.length, total);
    assert.equal(shown[0].href, `/nyheder${SEED}`, 'the seed article first, under the sub-path');
    for (const h of shown) {
      assert.match(h.href, /^\/nyheder\/artikel\//, `a hit under /nyheder/: ${h.href}`);
      assert.match(h.kickerHref, /^\/nyheder\/sektion\//, `its kicker too: ${h.kickerHref}`);
    }
    assert.deepEqual(asked.filter((p) => p.includes('pagefind') && !p.startsWith('/nyheder/pagefind/')), [], 'Pagefind read under /nyheder/');
    await page.click(`#soeg-hits h2.teaser__headline a[href="/nyheder${SEED}"]`);
    await page.waitForURL(`${base}${SEED}`);
    await page.waitForFunction((h) => document.querySelector('main article h1')?.textContent === h, SEED_HEADLINE);
    assert.equal(await page.evaluate(() => window.__sameDocument), true, 'opened in place');
    assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  } finally {
    await server.stop();
  }
});

test('the sub-path build without JavaScript: the search page\'s section and topic links are under /nyheder/', async () => {
  const server = await startPreview({ root: DIST_SUBPATH });
  try {
    const base = `${server.url}/nyheder`;
    const page = await watchedPage(site.browser, { javaScriptEnabled: false });
    const res = await page.goto(`${base}/soeg?q=Withings`);
    assert.equal(res.status(), 200);
    assert.equal((await page.locator('#soeg-hits .search__noscript').innerText()).trim(), NOSCRIPT_LINE);
    const links = await page.locator('#soeg-hits a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.ok(links.length > 0);
    const outside = links.filter((h) => !h.startsWith('/nyheder/'));
    assert.equal(outside.length, 0, `every link carries the sub-path; ${outside.length} of ${links.length} do not: ${outside.slice(0, 3)} …`);
    for (const h of links) assert.equal((await get(server.url + h)).status, 200, h);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  } finally {
    await server.stop();
  }
});

test('without JavaScript the forms are plain GET forms, and /soeg offers the sections and topics instead', async () => {
  const page = await watchedPage(site.browser, { javaScriptEnabled: false, viewport: { width: 375, height: 800 } });
  // The header's form, on every kind of page.
  for (const p of ['/', SEED, '/navnenyt']) {
    await page.goto(site.url + p);
    const form = page.locator('header form[role="search"]');
    assert.equal(await form.getAttribute('method'), 'get', `${p}: a GET form`);
    assert.match(await form.getAttribute('action'), /\/soeg$/, `${p}: to /soeg`);
    assert.equal(await form.locator('#site-search-q').getAttribute('name'), 'q');
    assert.equal(await form.locator('#site-search-q').getAttribute('type'), 'search');
    assert.equal(await form.locator('label[for="site-search-q"]').textContent(), 'Søg i artiklerne', `${p}: the field is labelled`);
    assert.equal((await form.locator('button[type="submit"]').innerText()).trim(), 'Søg');
  }
  await page.goto(site.url + '/');
  await page.fill('#site-search-q', 'Withings');
  const [res] = await Promise.all([page.waitForNavigation(), page.click('header form[role="search"] button[type="submit"]')]);
  assert.equal(res.status(), 200);
  assert.equal(page.url(), site.url + '/soeg?q=Withings', 'the form asked for /soeg?q=Withings');
  assert.match(res.headers()['content-security-policy'] || '', /default-src 'self'/);
  assert.equal((await page.locator('main h1').innerText()).trim(), 'Søg');
  const form = page.locator('main form[role="search"]');
  assert.equal(await form.getAttribute('method'), 'get');
  assert.match(await form.getAttribute('action'), /\/soeg$/);
  assert.equal(await page.getAttribute('main #soeg-q', 'name'), 'q');
  assert.equal((await page.locator('#soeg-hits .search__noscript').innerText()).trim(), NOSCRIPT_LINE);
  assert.equal(await status(page), '', 'no count without script');

  // The links: the sections and the topics, each a page that is there.
  const links = await page.locator('#soeg-hits a').evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.textContent]));
  assert.ok(links.some(([h]) => h === '/sektion/mobil') && links.some(([h]) => h === '/emne/nokia'), JSON.stringify(links));
  assert.ok(links.every(([h]) => /^\/(sektion|emne)\/[a-z0-9-]+$/.test(h)), JSON.stringify(links));
  assert.ok(await page.locator('#soeg-hits a').first().isVisible(), 'the links are shown');
  for (const [h, name] of links) {
    const r = await get(site.url + h);
    assert.equal(r.status, 200, h);
    assert.match(r.body, new RegExp(`<h1 class="page-title">${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}<`), `${h} is the page of ${name}`);
  }
  // Following one is a plain page load.
  const [res2] = await Promise.all([page.waitForNavigation(), page.click('#soeg-hits a[href="/emne/nokia"]')]);
  assert.equal(res2.status(), 200);
  assert.equal((await page.locator('main h1').innerText()).trim(), 'Nokia');
  // The search page's own form submits the same way.
  await page.goto(site.url + '/soeg');
  await page.fill('#soeg-q', 'Nokia');
  await Promise.all([page.waitForNavigation(), page.press('#soeg-q', 'Enter')]);
  assert.equal(page.url(), site.url + '/soeg?q=Nokia');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.app), undefined, 'no app ran');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
