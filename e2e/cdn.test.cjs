// The release build as a CDN serves it: the headers, encodings, rewrites and statuses that
// tools/postbuild.cjs writes into _headers and _redirects (served by nginx configured from
// them, e2e/lib/preview.cjs), prerendered pages where the build made them and the shell
// elsewhere, the app running under its strict CSP, the sub-path build (dist-nyheder,
// `make build-subpath`) working under /nyheder/, and tools/set-backend.sh pointing a built
// site at a backend on another origin.
'use strict';
const { describe, test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');
const zlib = require('node:zlib');
const { startPreview, parseHeaders, parseRedirects, patternRegex } = require('./lib/preview.cjs');
const { launch, cspWatchedPage, injectInlineScript } = require('./lib/browser.cjs');
const { OFFLINE_PAGE } = require('../tools/lib/service-worker.cjs');
const { HASHED_NAME, PAGE_ROUTES, SHELL, inlineScripts, sha256Source } = require('../tools/postbuild.cjs');

const ROOT = path.resolve(__dirname, '..');
const DIST = path.resolve(ROOT, process.env.DIST_DIR || 'dist');
// SUBPATH_DIST_DIR names another copy of it, as DIST_DIR does for the root build.
const DIST_SUBPATH = path.resolve(ROOT, process.env.SUBPATH_DIST_DIR || 'dist-nyheder');
const SEED_SLUG = 'nokia-saelger-milliard-satsning-withings';
const SEED = `/artikel/${SEED_SLUG}`;
const SEED_HEADLINE =
  'Efter skuffende salg: Nu sælger Nokia den milliard-satsning, der skulle have været selskabets fremtid';
const IMMUTABLE = 'public, max-age=31536000, immutable';
// The pages the app has, and the h1 each shows.
const PAGES = [
  ['/', 'Seneste nyt'],
  [SEED, SEED_HEADLINE],
  ['/navnenyt', 'Navnenyt fra it-Danmark'],
  ['/navnenyt/side/2', 'Navnenyt fra it-Danmark'],
  ['/job', 'Job'],
  ['/soeg', 'Søg'],
  ['/findes-ikke', 'Siden findes ikke'],
];

// GET (or HEAD) with Node's http module: status, headers, raw header lines, body bytes.
function request(url, { headers = {}, method = 'GET' } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, agent: false }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode, headers: res.headers, raw: res.rawHeaders, body: Buffer.concat(chunks) })
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

// How many header lines named `name` a response has (Node joins repeated ones).
function headerLines(res, name) {
  return res.raw.filter((v, i) => i % 2 === 0 && v.toLowerCase() === name.toLowerCase()).length;
}

const distFile = (dist, rel) => fs.readFileSync(path.join(dist, rel));
const hashedFiles = (dist) => fs.readdirSync(dist).filter((f) => HASHED_NAME.test(f));
const byExt = (dist, re) => {
  const f = hashedFiles(dist).find((n) => re.test(n));
  assert.ok(f, `a hashed ${re} file in ${dist}`);
  return f;
};

function assertStrictCsp(csp, where) {
  assert.ok(csp, `${where}: a Content-Security-Policy header`);
  assert.match(csp, /script-src [^;]*'wasm-unsafe-eval'/, `${where}: 'wasm-unsafe-eval' in script-src`);
  assert.match(csp, /script-src [^;]*'sha256-[A-Za-z0-9+/]+=*'/, `${where}: a 'sha256-…' source`);
  assert.doesNotMatch(csp, /unsafe-inline/, `${where}: no 'unsafe-inline'`);
  assert.doesNotMatch(csp, /'unsafe-eval'/, `${where}: no 'unsafe-eval'`);
  assert.match(csp, /frame-ancestors 'none'/, `${where}: frame-ancestors 'none'`);
  assert.match(csp, /object-src 'none'/, `${where}: object-src 'none'`);
}

function assertSecurityHeaders(res, where) {
  assertStrictCsp(res.headers['content-security-policy'], where);
  assert.equal(headerLines(res, 'content-security-policy'), 1, `${where}: one CSP`);
  assert.equal(res.headers['x-content-type-options'], 'nosniff', `${where}: X-Content-Type-Options`);
  assert.equal(res.headers['referrer-policy'], 'strict-origin-when-cross-origin', `${where}: Referrer-Policy`);
  assert.match(res.headers['permissions-policy'] || '', /camera=\(\)/, `${where}: Permissions-Policy`);
  assert.equal(res.headers['x-frame-options'], 'DENY', `${where}: X-Frame-Options`);
  assert.equal(res.headers['cross-origin-opener-policy'], 'same-origin', `${where}: COOP`);
}

const mainH1 = async (page, text) => {
  await page.waitForFunction(
    (want) => document.querySelector('main h1')?.textContent.trim() === want,
    text,
    { timeout: 15000 }
  ).catch(async () => {
    const got = await page.locator('main h1').first().textContent({ timeout: 100 }).catch(() => null);
    assert.fail(`${page.url()}: main h1 should read "${text}", has ${JSON.stringify(got)}; problems: ${page.problems}`);
  });
};

describe('root build, served like the CDN serves it', () => {
  let server;
  let browser;
  let index;

  before(async () => {
    server = await startPreview({ root: DIST });
    browser = await launch();
    index = distFile(DIST, 'index.html');
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('content-hashed JS, wasm, CSS and favicon are cached for a year, immutable', async () => {
    const hashed = hashedFiles(DIST);
    for (const re of [/\.js$/, /_bg\.wasm$/, /\.css$/]) assert.ok(hashed.some((f) => re.test(f)), `a hashed ${re}`);
    for (const f of hashed) {
      const res = await request(`${server.url}/${f}`, { method: 'HEAD' });
      assert.equal(res.status, 200, f);
      assert.equal(res.headers['cache-control'], IMMUTABLE, f);
      assert.equal(headerLines(res, 'cache-control'), 1, `${f}: one Cache-Control`);
    }
  });

  test('the HTML shell, deep links and API JSON are revalidated; API media cached an hour', async () => {
    const cases = [
      ['/', 'no-cache'],
      ['/index.html', 'no-cache'],
      [`/${SHELL}`, 'no-cache'],
      [SEED, 'no-cache'],
      [`${SEED}.html`, 'no-cache'],
      ['/artikel/ikke-prerendered', 'no-cache'],
      ['/navnenyt', 'no-cache'],
      ['/navnenyt.html', 'no-cache'],
      ['/navnenyt/side/2', 'no-cache'],
      ['/side/2', 'no-cache'],
      ['/job', 'no-cache'],
      [`/api/articles/${SEED_SLUG}.json`, 'no-cache'],
      ['/api/articles/index/1.json', 'no-cache'],
      ['/api/jobs/1.json', 'no-cache'],
      ['/api/media/nokia-withings.svg', 'public, max-age=3600'],
    ];
    for (const [p, want] of cases) {
      const res = await request(server.url + p, { method: 'HEAD' });
      assert.equal(res.status, 200, p);
      assert.equal(res.headers['cache-control'], want, p);
      assert.equal(headerLines(res, 'cache-control'), 1, `${p}: one Cache-Control`);
    }
  });

  test('every HTML response carries the strict CSP and the security headers', async () => {
    for (const p of ['/', '/index.html', '/404.html', `/${SHELL}`, SEED, '/navnenyt', '/navnenyt/side/2', '/job', '/findes-ikke', '/api/x.json']) {
      const res = await request(server.url + p);
      assert.match(res.headers['content-type'], /^text\/html; charset=utf-8$/, p);
      assertSecurityHeaders(res, p);
    }
    // Not only HTML: a JSON document or an SVG opened on its own is covered too.
    assertSecurityHeaders(await request(`${server.url}/api/jobs/1.json`), '/api/jobs/1.json');
  });

  test('Accept-Encoding: br and gzip get the precompressed files, which decode to the same bytes', async () => {
    const files = [
      byExt(DIST, /_bg\.wasm$/),
      byExt(DIST, /\.js$/),
      byExt(DIST, /\.css$/),
      `api/articles/${SEED_SLUG}.json`,
      'index.html',
    ];
    for (const f of files) {
      const raw = distFile(DIST, f);
      for (const [enc, decode] of [['br', zlib.brotliDecompressSync], ['gzip', zlib.gunzipSync]]) {
        const res = await request(`${server.url}/${f}`, { headers: { 'Accept-Encoding': enc } });
        assert.equal(res.status, 200, `${f} ${enc}`);
        assert.equal(res.headers['content-encoding'], enc, `${f}: Content-Encoding ${enc}`);
        assert.match(res.headers.vary || '', /Accept-Encoding/i, `${f}: Vary: Accept-Encoding`);
        assert.ok(res.body.length < raw.length, `${f} ${enc}: smaller than the file`);
        assert.ok(decode(res.body).equals(raw), `${f} ${enc}: decodes to the file's bytes`);
      }
      const plain = await request(`${server.url}/${f}`, { headers: { 'Accept-Encoding': 'identity' } });
      assert.equal(plain.headers['content-encoding'], undefined, `${f}: identity is not encoded`);
      assert.ok(plain.body.equals(raw), `${f}: identity body is the file`);
    }
  });

  test('content types: wasm, JSON and UTF-8 text', async () => {
    const cases = [
      [byExt(DIST, /_bg\.wasm$/), /^application\/wasm$/],
      [byExt(DIST, /\.js$/), /^(application|text)\/javascript; charset=utf-8$/],
      [byExt(DIST, /\.css$/), /^text\/css; charset=utf-8$/],
      ['api/jobs/1.json', /^application\/json; charset=utf-8$/],
      ['api/media/nokia-withings.svg', /^image\/svg\+xml; charset=utf-8$/],
      ['index.html', /^text\/html; charset=utf-8$/],
    ];
    for (const [f, re] of cases) {
      for (const enc of ['br', 'identity']) {
        const res = await request(`${server.url}/${f}`, { method: 'HEAD', headers: { 'Accept-Encoding': enc } });
        assert.match(res.headers['content-type'], re, `${f} (${enc})`);
      }
    }
  });

  test('prerendered routes answer 200 with their own page, the others with the shell', async () => {
    const shell = distFile(DIST, SHELL);
    for (const [p, file] of [
      ['/', 'index.html'],
      [SEED, `artikel/${SEED_SLUG}.html`],
      ['/navnenyt', 'navnenyt.html'],
      ['/navnenyt/side/2', 'navnenyt/side/2.html'],
      ['/job', 'job.html'],
      ['/side/2', 'side/2.html'],
    ]) {
      const res = await request(server.url + p);
      assert.equal(res.status, 200, p);
      assert.ok(res.body.equals(distFile(DIST, file)), `${p}: the body is ${file}`);
      assert.match(res.body.toString('utf8'), /<script type="application\/json" id="tidende-data">/, `${p}: prerendered`);
    }
    // Routes the build did not know: an article published since, a page the list grew to.
    for (const p of ['/artikel/x', '/navnenyt/side/99', '/side/40', '/job/side/9']) {
      const res = await request(server.url + p);
      assert.equal(res.status, 200, p);
      assert.ok(res.body.equals(shell), `${p}: the body is the shell`);
    }
    assert.ok(!index.equals(shell), 'the front page is its own page, not the shell');
  });

  test('an unknown path answers 404 with the prerendered 404 page (404.html)', async () => {
    for (const p of ['/findes-ikke', '/navnenyt/mere', '/sider/2', '/api/']) {
      const res = await request(server.url + p);
      assert.equal(res.status, 404, p);
      assert.ok(res.body.equals(distFile(DIST, '404.html')), `${p}: the body is 404.html`);
    }
    const notFound = distFile(DIST, '404.html').toString('utf8');
    assert.match(notFound, /<h1 id="not-found-title">Siden findes ikke(<!---->)?<\/h1>/);
    assert.match(notFound, /<meta data-page-head name="robots" content="noindex">/);
  });

  test('a missing API document or hashed asset answers 404, not the app with 200', async () => {
    for (const p of ['/api/articles/findes-ikke.json', '/tidende-0000000000000000.js', '/tidende-0000000000000000_bg.wasm', '/_headers', '/_redirects']) {
      const res = await request(server.url + p);
      assert.equal(res.status, 404, p);
      assert.notEqual(res.headers['cache-control'], IMMUTABLE, `${p}: a 404 is never cached for ever`);
    }
  });

  test('_headers: every file has exactly one Cache-Control rule, no path two', () => {
    const rules = parseHeaders(fs.readFileSync(path.join(DIST, '_headers'), 'utf8'))
      .filter((r) => r.headers.some(([k]) => k.toLowerCase() === 'cache-control'))
      .map((r) => ({ ...r, re: new RegExp(patternRegex(r.path)) }));
    const walk = (dir) => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]);
    const files = walk(DIST)
      .map((f) => `/${path.relative(DIST, f).split(path.sep).join('/')}`)
      .filter((f) => !/\.(br|gz)$/.test(f) && !/^\/_(headers|redirects)$/.test(f));
    for (const p of [...files, '/', SEED, '/navnenyt', '/navnenyt/side/2', '/job', '/job/side/7', '/side/3', '/artikel/ny']) {
      const matching = rules.filter((r) => r.re.test(p)).map((r) => r.path);
      assert.equal(matching.length, 1, `${p} matches Cache-Control rules ${JSON.stringify(matching)}`);
    }
  });

  test('_redirects gives every kind of page the shell where it has no file, then 404.html', () => {
    const rules = parseRedirects(fs.readFileSync(path.join(DIST, '_redirects'), 'utf8'));
    for (const route of PAGE_ROUTES) {
      assert.ok(
        rules.some((r) => r.from === `/${route}` && r.to === `/${SHELL}` && r.status === 200),
        `_redirects rewrites /${route} to /${SHELL} with 200`
      );
    }
    // Every page the prerender wrote is of a kind those rules cover, so its siblings that
    // the build did not know (a later page, a newer article) get the shell, not a 404.
    const walk = (dir) => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]);
    const pages = walk(DIST)
      .map((f) => path.relative(DIST, f).split(path.sep).join('/'))
      .filter((f) => f.endsWith('.html') && !f.startsWith('api/') && !['index.html', '404.html', SHELL, OFFLINE_PAGE].includes(f))
      .map((f) => `/${f.replace(/\.html$/, '')}`);
    assert.ok(pages.length >= 15, `prerendered pages: ${pages}`);
    const patterns = PAGE_ROUTES.map((r) => new RegExp(patternRegex(`/${r}`)));
    for (const p of pages) assert.ok(patterns.some((re) => re.test(p)), `${p} is a page route`);
    assert.deepEqual(rules.at(-1), { from: '/*', to: '/404.html', status: 404 });
  });

  test('the CSP hashes in _headers match the inline scripts actually served', async () => {
    const res = await request(`${server.url}${SEED}`);
    const scripts = inlineScripts(res.body);
    assert.equal(scripts.length, 1, "one inline script that runs: Trunk's loader");
    // The others are data, which no browser runs and no CSP needs to allow.
    const data = inlineScripts(res.body, { data: true }).filter((s) => s.data);
    assert.deepEqual(data.map((s) => s.attrs).sort(), ['data-page-head type="application/ld+json"', 'type="application/json" id="tidende-data"']);
    const headers = parseHeaders(fs.readFileSync(path.join(DIST, '_headers'), 'utf8'));
    const csp = headers.find((r) => r.path === '/*').headers.find(([k]) => k === 'Content-Security-Policy')[1];
    const served = scripts.map((s) => sha256Source(s.bytes));
    for (const hash of served) {
      assert.ok(csp.includes(`'${hash}'`), `_headers CSP has '${hash}': ${csp}`);
      assert.ok(res.headers['content-security-policy'].includes(`'${hash}'`), 'so does the served header');
    }
    assert.equal(csp.match(/'sha256-/g).length, 1, 'and no other hash');
    // And the browser's own view of the scripts: what it hashes to enforce the policy.
    const page = await cspWatchedPage(browser);
    await page.goto(`${server.url}${SEED}`);
    const inBrowser = await page.evaluate(async () => {
      const out = [];
      for (const script of document.querySelectorAll('script:not([src]):not([type*="json"])')) {
        const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(script.textContent));
        out.push(`sha256-${btoa(String.fromCharCode(...new Uint8Array(digest)))}`);
      }
      return out.sort();
    });
    assert.deepEqual(inBrowser, [...served].sort());
    await page.context().close();
  });

  test('a prerendered page asks for none of its documents before it is live, and its image once', async () => {
    const page = await cspWatchedPage(browser);
    await page.goto(server.url + SEED);
    await page.waitForSelector('html[data-app="hydrated"]');
    await page.waitForLoadState('networkidle');
    // The app marks the moment it has taken the page over (handover::mark_live).
    const { liveAt, resources } = await page.evaluate(() => ({
      liveAt: performance.getEntriesByName('tidende:live')[0]?.startTime,
      resources: performance.getEntriesByType('resource').map((r) => ({ path: new URL(r.name).pathname, start: r.startTime })),
    }));
    const docs = resources.filter((r) => r.path.startsWith('/api/') && r.path.endsWith('.json'));
    // The background revalidation of each document the page was made from, after it is live.
    assert.deepEqual(docs.map((d) => d.path).sort(), [
      '/api/articles/nokia-saelger-milliard-satsning-withings.json',
      '/api/jobs/1.json',
      '/api/people/1.json',
      '/api/related/nokia-saelger-milliard-satsning-withings.json',
      '/api/sponsored/current.json',
    ]);
    for (const d of docs) assert.ok(d.start >= liveAt, `${d.path} asked for at ${d.start} ms, after the page was live at ${liveAt} ms`);
    // The top image is in the HTML: asked for once, early, by the browser itself.
    // Its resolved address (the attribute is relative to <base href>).
    const image = new URL(await page.evaluate(() => document.querySelector('.article__image img').src)).pathname;
    const fetches = resources.filter((r) => r.path === image);
    assert.equal(fetches.length, 1, 'the image is fetched once');
    assert.ok(fetches[0].start < liveAt, 'before the wasm had even started');
    await page.context().close();
  });

  for (const [p, h1] of PAGES) {
    test(`${p} runs under the CSP: no violation, no console error`, async () => {
      const page = await cspWatchedPage(browser);
      const res = await page.goto(server.url + p);
      assert.equal(res.status(), p === '/findes-ikke' ? 404 : 200);
      assertStrictCsp(res.headers()['content-security-policy'], p);
      await mainH1(page, h1);
      // Let the regions fetch and render (images included) before looking.
      await page.waitForLoadState('networkidle');
      assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], `${p}: CSP violations`);
      assert.deepEqual(page.problems, [], `${p}: page and console errors`);
      await page.context().close();
    });
  }

  test('the CSP is enforced: an injected inline script is refused', async () => {
    const page = await cspWatchedPage(browser);
    await page.goto(`${server.url}/`);
    await mainH1(page, 'Seneste nyt');
    assert.equal(await injectInlineScript(page), false, 'the injected script did not run');
    assert.match((await page.evaluate(() => window.__cspViolations))[0], /^script-src-elem blocked inline/);
    await page.context().close();
  });
});

describe('sub-path build (dist-nyheder) under /nyheder/', () => {
  let server;
  let browser;
  let base;

  before(async () => {
    assert.ok(
      fs.existsSync(path.join(DIST_SUBPATH, 'index.html')),
      `${DIST_SUBPATH} is missing: run \`make build-subpath\` (make test and make e2e do)`
    );
    server = await startPreview({ root: DIST_SUBPATH });
    assert.equal(server.publicUrl, '/nyheder/', 'publicUrl inferred from <base href>');
    base = `${server.url}/nyheder`;
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('HTTP: the sub-path redirect, rewrites, 404s and headers carry the prefix', async () => {
    const bare = await request(base);
    assert.equal(bare.status, 301);
    assert.equal(bare.headers.location, '/nyheder/');
    for (const p of ['/', SEED, '/navnenyt', '/job', '/soeg', '/soeg?q=Nokia']) {
      const res = await request(base + p);
      assert.equal(res.status, 200, p);
      assert.equal(res.headers['cache-control'], 'no-cache', p);
      assertSecurityHeaders(res, `/nyheder${p}`);
    }
    assert.equal((await request(`${base}/findes-ikke`)).status, 404);
    // Prerendered under the sub-path: the page's own HTML, its links and its canonical
    // address carry the prefix.
    const seed = (await request(base + SEED)).body.toString('utf8');
    assert.match(seed, /id="tidende-data"/, 'the seed article is prerendered');
    assert.match(seed, /<a href="\/nyheder\/navnenyt">Navnenyt/, 'its links carry /nyheder/');
    assert.match(seed, /rel="canonical" href="[^"]*\/nyheder\/artikel\//, 'so does its canonical link');
    assert.match((await request(`${base}/navnenyt/side/2`)).body.toString('utf8'), /id="tidende-data"/);
    assert.equal((await request(`${base}/api/articles/findes-ikke.json`)).status, 404);
    const wasm = byExt(DIST_SUBPATH, /_bg\.wasm$/);
    const res = await request(`${base}/${wasm}`, { headers: { 'Accept-Encoding': 'br' } });
    assert.equal(res.status, 200);
    assert.equal(res.headers['cache-control'], IMMUTABLE);
    assert.equal(res.headers['content-encoding'], 'br');
    assert.equal((await request(`${server.url}/${wasm}`)).status, 404, 'nothing is served outside /nyheder/');
  });

  test('/nyheder/, a deep link (and its reload) and /nyheder/navnenyt render', async () => {
    const page = await cspWatchedPage(browser);
    const apiCalls = [];
    page.on('request', (r) => r.url().includes('/api/') && apiCalls.push(new URL(r.url()).pathname));
    for (const [p, h1] of [['/', 'Seneste nyt'], [SEED, SEED_HEADLINE], ['/navnenyt', 'Navnenyt fra it-Danmark']]) {
      const res = await page.goto(base + p);
      assert.equal(res.status(), 200, p);
      await mainH1(page, h1);
      if (p === SEED) {
        await page.reload();
        await mainH1(page, h1);
        assert.equal(new URL(page.url()).pathname, `/nyheder${SEED}`);
      }
    }
    await page.waitForLoadState('networkidle');
    assert.ok(apiCalls.length > 0);
    assert.deepEqual(apiCalls.filter((p) => !p.startsWith('/nyheder/api/')), [], 'the API is read under /nyheder/');
    assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  test('the header\'s "Job" link lands on /nyheder/job', async () => {
    const page = await cspWatchedPage(browser);
    await page.goto(`${base}/`);
    await mainH1(page, 'Seneste nyt');
    const hrefs = await page.$$eval('header a', (as) => as.map((a) => a.getAttribute('href')));
    await page.locator('header nav a', { hasText: 'Job' }).click();
    await page.waitForFunction(() => location.pathname !== '/nyheder/');
    await page.waitForLoadState();
    assert.equal(
      new URL(page.url()).pathname,
      '/nyheder/job',
      `clicking "Job" went to ${new URL(page.url()).pathname}; the header's links are ${JSON.stringify(hrefs)}`
    );
    await mainH1(page, 'Job');
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
});

describe('tools/set-backend.sh: a built site pointed at a backend on another origin', () => {
  const BACKEND = 'https://cms.example.dk/api/v1/';
  let dir;
  let server;
  let browser;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tidende-backend-'));
    fs.cpSync(DIST, dir, { recursive: true });
    execFileSync(path.join(ROOT, 'tools/set-backend.sh'), [dir, BACKEND], { stdio: 'pipe' });
    server = await startPreview({ root: dir });
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('index.html and 404.html name the backend in every encoding; the CSP allows its origin', async () => {
    for (const p of ['/', SEED, '/findes-ikke']) {
      for (const [enc, decode] of [['br', zlib.brotliDecompressSync], ['gzip', zlib.gunzipSync], ['identity', (b) => b]]) {
        const res = await request(server.url + p, { headers: { 'Accept-Encoding': enc } });
        const html = decode(res.body).toString('utf8');
        assert.ok(html.includes(`content="${BACKEND}"`), `${p} (${enc}) names the backend`);
        assert.ok(!html.includes('content=api/'), `${p} (${enc}) no longer names the sample backend`);
        const csp = res.headers['content-security-policy'];
        assertStrictCsp(csp, p);
        assert.match(csp, /connect-src 'self' https:\/\/cms\.example\.dk;/);
        assert.match(csp, /img-src 'self' data: https:\/\/cms\.example\.dk;/);
        for (const script of inlineScripts(decode(res.body))) {
          const hash = sha256Source(script.bytes);
          assert.ok(csp.includes(`'${hash}'`), `${p}: the inline scripts' hashes still match`);
        }
      }
    }
  });

  test('the app reads its documents and media from the backend, under the CSP', async () => {
    const page = await cspWatchedPage(browser);
    const fromBackend = [];
    // The backend, played from the sample files, with the CORS header a CMS must send.
    await page.context().route(`${BACKEND}**`, (route) => {
      const rel = new URL(route.request().url()).pathname.replace('/api/v1/', '');
      const file = path.join(dir, 'api', rel);
      fromBackend.push(rel);
      if (!fs.existsSync(file)) return route.fulfill({ status: 404, headers: { 'access-control-allow-origin': '*' } });
      return route.fulfill({
        path: file,
        contentType: file.endsWith('.svg') ? 'image/svg+xml' : 'application/json; charset=utf-8',
        headers: { 'access-control-allow-origin': '*' },
      });
    });
    const local = [];
    page.on('request', (r) => r.url().startsWith(`${server.url}/api/`) && local.push(r.url()));
    await page.goto(server.url + SEED);
    await mainH1(page, SEED_HEADLINE);
    await page.waitForLoadState('networkidle');
    assert.ok(fromBackend.includes(`articles/${SEED_SLUG}.json`), `read from the backend: ${fromBackend}`);
    assert.ok(fromBackend.some((f) => f.startsWith('media/')), 'media from the backend');
    assert.deepEqual(local, [], 'nothing read from the sample backend in the build');
    assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
});
