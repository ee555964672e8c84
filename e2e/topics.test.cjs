// Topic pages (/emne/{slug}) and section pages (/sektion/{slug}) on the release build,
// served like the CDN serves it: an article's tags and its kicker lead there in place, the
// page names itself (kicker, h1, title, description, canonical link), lists the articles
// that carry the tag or sit in the section, newest first, and pages with "Vis flere" (in
// place, with an honest address; as plain links without script); a later page is a page
// of its own; a topic that does not exist is not found, served and client-side.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const http = require('node:http');
const { watchedPage } = require('./lib/browser.cjs');
const { servedSite } = require('./lib/served-site.cjs');
const { SEED, settled, seedArticle, followAddedLink } = require('./lib/site.cjs');

const site = servedSite();

const text = async (page, selector) => (await page.locator(selector).first().innerText()).replace(/\s+/g, ' ').trim();
// textContent, not innerText: kickers are upper-cased by CSS only.
const content = async (page, selector) => (await page.locator(selector).first().textContent()).replace(/\s+/g, ' ').trim();
const listed = (page) =>
  page.locator('main .teaser-list .teaser__headline a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));

function get(url, method = 'GET') {
  return new Promise((resolve, reject) => {
    http.request(url, { method, agent: false }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    }).on('error', reject).end();
  });
}
const json = async (url) => {
  const res = await get(url);
  assert.equal(res.status, 200, url);
  return JSON.parse(res.body);
};

// Tags and sections are a name or { name, slug } (docs/api.md).
const nameOf = (label) => (typeof label === 'string' ? label : label?.name);

// Every article at the backend, from its index, each as its own document: what a topic or
// section page must list, worked out apart from the topic and section documents.
async function allArticles() {
  const articles = [];
  for (let next = 'articles/index/1.json'; next; ) {
    const index = await json(`${site.url}/api/${next}`);
    for (const teaser of index.items) articles.push(await json(`${site.url}/api/articles/${teaser.slug}.json`));
    next = index.next;
  }
  return articles;
}
const newestFirst = (articles) =>
  [...articles].sort((a, b) => Date.parse(b.published) - Date.parse(a.published)).map((a) => `/artikel/${a.slug}`);

// The hrefs of the articles that carry tag `name`, or sit in section `name`, newest first.
async function expectedList(kind, name) {
  const all = await allArticles();
  const has = kind === 'topic'
    ? (a) => (a.tags || []).some((t) => nameOf(t) === name)
    : (a) => nameOf(a.section) === name;
  return newestFirst(all.filter(has));
}

// Asserts that every article `hrefs` names carries the tag / sits in the section `name`.
async function assertEachCarries(kind, name, hrefs) {
  for (const href of hrefs) {
    const slug = href.replace(/^\/artikel\//, '');
    const article = await json(`${site.url}/api/articles/${slug}.json`);
    if (kind === 'topic') {
      assert.ok((article.tags || []).some((t) => nameOf(t) === name), `${href} is tagged ${name}: ${JSON.stringify(article.tags)}`);
    } else {
      assert.equal(nameOf(article.section), name, `${href} is in the section ${name}`);
    }
  }
}

// The page's head as a list page of `name` names it.
async function assertHead(page, { path, title, description }) {
  await page.waitForFunction((t) => document.title === t, title);
  const descriptions = await page.locator('meta[name="description"]').evaluateAll((els) => els.map((e) => e.content));
  assert.deepEqual(descriptions, [description], `${path}: its description, once`);
  const canonical = await page.locator('link[rel="canonical"]').evaluateAll((els) => els.map((e) => e.href));
  assert.deepEqual(canonical, [site.url + path], `${path}: its canonical link, once`);
  assert.equal(await page.getAttribute('meta[property="og:type"]', 'content'), 'website');
  assert.equal(await page.locator('meta[property="article:published_time"]').count(), 0, 'no article tags left');
  assert.equal(await page.locator('h1').count(), 1, `${path}: one h1`);
}

// The kicker ("Emne", "Sektion") sits right above the h1.
async function assertKicker(page, kind) {
  assert.equal(await content(page, 'main .page-kicker'), kind);
  const [kicker, h1] = await Promise.all([page.locator('main .page-kicker').boundingBox(), page.locator('main h1').boundingBox()]);
  assert.ok(kicker.y + kicker.height <= h1.y + 1, `the kicker is above the h1: ${JSON.stringify({ kicker, h1 })}`);
  assert.equal(
    await page.evaluate(() => document.querySelector('main h1').previousElementSibling?.classList.contains('page-kicker')),
    true,
    'the kicker is the element just before the h1',
  );
}


// From a list page's first page: "Vis flere" appends the rest in place, and the address
// names the last page shown; the whole list is then `all`.
async function showMore(page, root, all) {
  const button = page.locator('main .load-more__button');
  assert.equal(await button.innerText(), 'Vis flere');
  assert.equal(await button.getAttribute('href'), `${root}/side/2`, 'a real link to the next page');
  await button.click();
  await page.waitForFunction((n) => document.querySelectorAll('main .teaser-list .teaser').length === n, all.length);
  assert.equal(new URL(page.url()).pathname, `${root}/side/2`, 'the address names the last page shown');
  assert.deepEqual(await listed(page), all, 'the next page appended, in order, none twice');
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no reload');
  assert.equal(await page.locator('main .load-more__button').count(), 0, 'no "Vis flere" after the last page');
  assert.equal(await text(page, 'main .load-more__count'), `Viser ${all.length} af ${all.length} artikler`);
}

// A topic page's title is its name; a section's says so (a tag and a section may share a
// name: "Cloud").
const titled = (kind, name) => (kind === 'Sektion' ? `Sektion: ${name}` : name);

// Page 2 opened on its own (a reload of where "Vis flere" left the address): prerendered,
// its own entries, a way back to the first page, which the app then shows in place.
async function pageTwo(page, { root, name, kind, all }) {
  const res = await page.reload();
  assert.equal(res.status(), 200, `${root}/side/2: status`);
  assert.match(await res.text(), /id="tidende-data"/, `${root}/side/2 is prerendered`);
  await page.waitForSelector('html[data-app="hydrated"]');
  assert.equal(await text(page, 'main h1'), name);
  await assertKicker(page, kind);
  assert.equal(await page.title(), `${titled(kind, name)}, side 2 – Tidende`);
  assert.deepEqual(await listed(page), all.slice(2), 'page 2 holds what page 1 does not');
  const newer = page.locator('main .load-more__newer a');
  assert.equal(await newer.getAttribute('href'), root, 'a link back to the newer ones');
  await page.evaluate(() => { window.__sameDocument = true; });
  await newer.click();
  await page.waitForFunction((r) => location.pathname === r, root);
  await page.waitForFunction((n) => document.querySelectorAll('main .teaser-list .teaser').length === n, 2);
  assert.deepEqual(await listed(page), all.slice(0, 2));
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'back to page 1 in place');
  assert.equal(await page.locator('main .load-more__newer').count(), 0, 'page 1 has nothing newer');
  await page.waitForFunction((t) => document.title === t, `${titled(kind, name)} – Tidende`);
}

test('the seed article\'s tag "Nokia" leads to the topic page in place; "Vis flere" pages on', async () => {
  const nokia = await expectedList('topic', 'Nokia');
  assert.equal(nokia.length, 3, `the sample has three Nokia stories: ${nokia}`);
  const page = await seedArticle(site);

  // The tags: a list under "Emner", each a link to its topic page.
  assert.equal(await content(page, 'main article .article__tags-title'), 'Emner');
  const tags = await page.locator('main article .tags .tag a').evaluateAll((as) => as.map((a) => [a.textContent.trim(), a.getAttribute('href')]));
  const article = await json(`${site.url}/api/articles/${SEED.slice('/artikel/'.length)}.json`);
  assert.deepEqual(tags.map(([t]) => t), article.tags.map(nameOf), 'one link per tag, in order');
  assert.ok(tags.every(([, href]) => /^\/emne\/[a-z0-9-]+$/.test(href)), JSON.stringify(tags));
  assert.deepEqual(tags[0], ['Nokia', '/emne/nokia']);

  await page.locator('main article .tags').getByRole('link', { name: 'Nokia', exact: true }).click();
  await page.waitForURL(site.url + '/emne/nokia');
  await page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'Nokia');
  await settled(page, 'main .teaser-list .teaser');
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'navigated without reloading');
  await page.waitForFunction(() => document.activeElement?.id === 'indhold');
  await assertKicker(page, 'Emne');
  await assertHead(page, { path: '/emne/nokia', title: 'Nokia – Tidende', description: 'Artikler om Nokia på Tidende, nyeste først.' });

  // The two newest Nokia stories, each of which does carry the tag.
  const first = await listed(page);
  assert.deepEqual(first, nokia.slice(0, 2), 'the two newest Nokia stories, newest first');
  await assertEachCarries('topic', 'Nokia', first);
  assert.equal(await text(page, 'main .load-more__count'), 'Viser 2 af 3 artikler');

  await showMore(page, '/emne/nokia', nokia);
  await assertEachCarries('topic', 'Nokia', await listed(page));
  await pageTwo(page, { root: '/emne/nokia', name: 'Nokia', kind: 'Emne', all: nokia });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('every tag of the seed article leads to a prerendered topic page named like the tag', async () => {
  const page = await seedArticle(site);
  const tags = await page.locator('main article .tags .tag a').evaluateAll((as) => as.map((a) => [a.textContent.trim(), a.getAttribute('href')]));
  assert.ok(tags.length >= 4, JSON.stringify(tags));
  for (const [name, href] of tags) {
    const res = await get(site.url + href);
    assert.equal(res.status, 200, `${href}: status`);
    assert.match(res.body, /id="tidende-data"/, `${href} is prerendered`);
    assert.match(res.body, new RegExp(`<h1 class="page-title">${name}<`), `${href}: its h1 is "${name}"`);
    assert.match(res.body, new RegExp(`<title>${name} – Tidende</title>`), `${href}: its title`);
    assert.ok(res.body.includes(`href="${SEED}"`), `${href} lists the seed article`);
  }
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the seed article\'s kicker "Mobil" leads to the section page in place; "Vis flere" pages on', async () => {
  const mobil = await expectedList('section', 'Mobil');
  assert.equal(mobil.length, 3, `the sample has three stories in Mobil: ${mobil}`);
  const page = await seedArticle(site);
  const kicker = page.locator('main article .kicker a');
  assert.equal(await kicker.textContent(), 'Mobil');
  assert.equal(await kicker.getAttribute('href'), '/sektion/mobil');

  await kicker.click();
  await page.waitForURL(site.url + '/sektion/mobil');
  await page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'Mobil');
  await settled(page, 'main .teaser-list .teaser');
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'navigated without reloading');
  await assertKicker(page, 'Sektion');
  await assertHead(page, { path: '/sektion/mobil', title: 'Sektion: Mobil – Tidende', description: 'Seneste nyt fra sektionen Mobil på Tidende.' });

  const first = await listed(page);
  assert.deepEqual(first, mobil.slice(0, 2), 'the two newest stories in Mobil, newest first');
  await assertEachCarries('section', 'Mobil', first);
  // Each teaser's own kicker is the section, linking back to this page.
  const kickers = await page.locator('main .teaser-list .teaser .kicker a').evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
  assert.deepEqual(kickers, first.map(() => ['Mobil', '/sektion/mobil']));
  assert.equal(await text(page, 'main .load-more__count'), 'Viser 2 af 3 artikler');

  await showMore(page, '/sektion/mobil', mobil);
  await assertEachCarries('section', 'Mobil', await listed(page));
  await pageTwo(page, { root: '/sektion/mobil', name: 'Mobil', kind: 'Sektion', all: mobil });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the front page\'s kickers lead to the teasers\' section pages', async () => {
  const page = await watchedPage(site.browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(site.url + '/');
  await page.waitForSelector('html[data-app="hydrated"]');
  await settled(page, '.teaser-list .teaser');
  const teasers = await page.locator('main .teaser-list .teaser').evaluateAll((els) => els.map((el) => ({
    article: el.querySelector('.teaser__headline a')?.getAttribute('href'),
    kicker: el.querySelector('.kicker a')?.textContent,
    href: el.querySelector('.kicker a')?.getAttribute('href'),
  })));
  assert.equal(teasers.length, 6);
  for (const t of teasers) {
    const article = await json(`${site.url}/api/articles/${t.article.replace(/^\/artikel\//, '')}.json`);
    assert.equal(t.kicker, nameOf(article.section), `${t.article}: the kicker is its section`);
    assert.match(t.href, /^\/sektion\/[a-z0-9-]+$/, `${t.article}: the kicker links to a section page`);
    const res = await get(site.url + t.href);
    assert.equal(res.status, 200, `${t.href}: status`);
    assert.ok(res.body.includes(`href="${t.article}"`), `${t.href} lists ${t.article}`);
  }

  // Following one is a client-side navigation to that section's page.
  await page.evaluate(() => { window.__sameDocument = true; });
  const { kicker, href } = teasers[0];
  await page.locator('main .teaser-list .teaser .kicker a').first().click();
  await page.waitForURL(site.url + href);
  await page.waitForFunction((k) => document.querySelector('main h1')?.textContent === k, kicker);
  await settled(page, 'main .teaser-list .teaser');
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'navigated without reloading');
  assert.equal(await page.title(), `Sektion: ${kicker} – Tidende`);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('topic and section pages are served as every page is: 200, HTML, revalidated', async () => {
  // As /navnenyt and /navnenyt/side/2 are (e2e/cdn.test.cjs): a page names the current
  // content-hashed files, so it must be revalidated, under the path that serves it.
  const paths = ['/emne/nokia', '/emne/nokia/side/2', '/emne/kunstig-intelligens', '/sektion/mobil', '/sektion/mobil/side/2', '/sektion/offentlig-it'];
  const cacheControl = {};
  for (const p of paths) {
    const res = await get(site.url + p, 'HEAD');
    assert.equal(res.status, 200, p);
    assert.match(res.headers['content-type'], /^text\/html; charset=utf-8$/, p);
    assert.ok(res.headers['content-security-policy'], `${p}: the CSP`);
    cacheControl[p] = res.headers['cache-control'] ?? null;
  }
  // Every path at once, so a failure names them all.
  assert.deepEqual(cacheControl, Object.fromEntries(paths.map((p) => [p, 'no-cache'])), 'Cache-Control');
});

test('a topic page the build did not prerender is served as the shell and renders in the browser', async () => {
  // A tag first used after the build: the backend has its page, the build has none. Like
  // an article published since (docs/deploy.md: "a page route the build did not prerender
  // … shell.html, 200"), readers get the page, and crawlers no 404 for it.
  const slug = 'nyt-emne-efter-byggetiden';
  const page = await watchedPage(site.browser);
  await page.context().route(new RegExp(`/api/topics/${slug}/1\\.json$`), async (route) => {
    const res = await route.fetch({ url: `${site.url}/api/topics/nokia/2.json` });
    const doc = JSON.parse(await res.text());
    await route.fulfill({ response: res, body: JSON.stringify({ ...doc, name: 'Nyt emne', slug, page: 1, total_pages: 1, total_items: 1 }) });
  });
  const res = await page.goto(`${site.url}/emne/${slug}`);
  await page.waitForSelector('html[data-app="rendered"]');
  await page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'Nyt emne');
  await settled(page, 'main .teaser-list .teaser');
  assert.equal(await page.title(), 'Nyt emne – Tidende');
  assert.equal(await page.locator('main .teaser-list .teaser').count(), 1);
  assert.deepEqual(page.problems, []);
  assert.equal(res.status(), 200, `/emne/${slug}: served with status ${res.status()}: ` +
    'a topic page route without a file should get the shell with 200, as /artikel/* does');
  await page.context().close();
});

test('a section page names its feed as served; the live page keeps the site\'s feed', async () => {
  const page = await watchedPage(site.browser);
  const feeds = () => page.locator('head link[rel="alternate"][type="application/rss+xml"]').evaluateAll((els) =>
    els.map((e) => e.getAttribute('href')).sort());
  const res = await page.goto(`${site.url}/sektion/mobil`);
  assert.match(await res.text(), /<link data-page-head rel="alternate" type="application\/rss\+xml" title="Tidende – Mobil" href="sektion\/mobil\/feed\.xml">/);
  await page.waitForSelector('html[data-app="hydrated"]');
  // src/prerender/mod.rs: the section's link is one of the page's own head tags, which the
  // app replaces when it takes the page over; feed readers read the page as served. The
  // site's feed link is the shell's, and stays.
  assert.deepEqual(await feeds(), ['feed.xml'], 'the site\'s feed');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

// The 4xx responses a page got, but the document itself.
function failures(page) {
  const seen = [];
  page.on('response', (r) => {
    if (r.status() >= 400 && r.request().resourceType() !== 'document') seen.push(`${r.status()} ${new URL(r.url()).pathname}`);
  });
  return seen;
}

async function assertNotFound(page, path) {
  await page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'Siden findes ikke', null, { timeout: 10_000 });
  assert.equal(new URL(page.url()).pathname, path);
  assert.equal(await page.locator('main .page-kicker, main .teaser-list, main .load-more').count(), 0, `${path}: no list`);
  await page.waitForFunction(() => document.title === 'Siden findes ikke – Tidende');
  assert.deepEqual(await page.locator('meta[name="robots"]').evaluateAll((els) => els.map((e) => e.content)), ['noindex']);
  assert.equal(await page.getAttribute('main .not-found a', 'href'), '/');
  assert.equal(await page.locator('h1').count(), 1);
}

const UNKNOWN = [
  ['/emne/findes-ikke-emne', '/api/topics/findes-ikke-emne/1.json'],
  ['/sektion/findes-ikke-sektion', '/api/sections/findes-ikke-sektion/1.json'],
  ['/emne/nokia/side/3', '/api/topics/nokia/3.json'],
];

test('a topic or section that does not exist is not found, served as a page', async () => {
  for (const [path, doc] of UNKNOWN) {
    const page = await watchedPage(site.browser);
    const failed = failures(page);
    const res = await page.goto(site.url + path);
    const body = await res.text();
    // The 404 page with a 404 status, or (were these routes given the shell, as /artikel/*
    // is) the shell with 200, which the app renders as not found.
    if (res.status() === 404) assert.match(body, /id="not-found-title"/, `${path}: the 404 page`);
    else assert.ok(res.status() === 200 && !/id="tidende-data"/.test(body), `${path}: status ${res.status()}`);
    await assertNotFound(page, path);
    // The browser logs the document the app asked for and did not get; nothing else fails.
    assert.ok(failed.every((f) => f === `404 ${doc}`), `${path}: ${failed}`);
    assert.deepEqual(page.problems.filter((p) => !/^console\.error: Failed to load resource: .* 404/.test(p)), []);
    await page.context().close();
  }
});

test('a topic or section that does not exist is not found, client-side', async () => {
  const page = await seedArticle(site);
  const failed = failures(page);
  for (const [path, doc] of UNKNOWN) {
    await followAddedLink(page, path, 'Et emne, der ikke findes');
    await page.waitForURL(site.url + path);
    await assertNotFound(page, path);
    assert.equal(await page.evaluate(() => window.__sameDocument), true, `${path}: in place`);
    // The app asks for the document (or knows without asking: nokia has two pages).
    const asked = failed.splice(0);
    assert.ok(asked.length <= 1 && asked.every((f) => f === `404 ${doc}`), `${path}: ${asked}`);
    // Back to the article for the next one.
    await page.goBack();
    await page.waitForFunction(() => document.querySelector('main article h1'));
  }
  assert.deepEqual(page.problems.filter((p) => !/^console\.error: Failed to load resource: .* 404/.test(p)), []);
  await page.context().close();
});

async function noScriptPage(options = {}) {
  return watchedPage(site.browser, { javaScriptEnabled: false, viewport: { width: 375, height: 800 }, ...options });
}

test('without JavaScript a topic page pages by plain links: on with "Vis flere", back with "Nyere"', async () => {
  const nokia = await expectedList('topic', 'Nokia');
  const page = await noScriptPage();
  const res = await page.goto(`${site.url}/emne/nokia`);
  assert.equal(res.status(), 200);
  assert.equal(await text(page, 'main h1'), 'Nokia');
  await assertKicker(page, 'Emne');
  assert.equal(await page.title(), 'Nokia – Tidende');
  assert.deepEqual(await listed(page), nokia.slice(0, 2));
  assert.equal(await text(page, 'main .load-more__count'), 'Viser 2 af 3 artikler');
  await Promise.all([page.waitForNavigation(), page.click('main .load-more__button')]);
  assert.equal(new URL(page.url()).pathname, '/emne/nokia/side/2');
  assert.equal(await text(page, 'main h1'), 'Nokia');
  assert.deepEqual(await listed(page), nokia.slice(2), 'the third Nokia story');
  assert.equal(await page.locator('main .load-more__button').count(), 0, 'the last page');
  await Promise.all([page.waitForNavigation(), page.click('main .load-more__newer a')]);
  assert.equal(new URL(page.url()).pathname, '/emne/nokia');
  assert.deepEqual(await listed(page), nokia.slice(0, 2));
  assert.equal(await page.evaluate(() => document.documentElement.dataset.app), undefined, 'no app ran');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('without JavaScript the article\'s tags and kicker are plain links; the share links are there, "Del" is not', async () => {
  const page = await noScriptPage();
  await page.goto(site.url + SEED);
  // The share row: LinkedIn and e-mail work as links; the button, which needs the app, is
  // not shown.
  const share = page.locator('main article .share');
  assert.equal(await share.getAttribute('role'), 'group');
  assert.equal(await share.getAttribute('aria-label'), 'Del artiklen');
  assert.ok(await share.getByRole('link', { name: 'LinkedIn' }).isVisible(), 'LinkedIn');
  assert.ok(await share.getByRole('link', { name: 'E-mail' }).isVisible(), 'E-mail');
  assert.match(await share.getByRole('link', { name: 'LinkedIn' }).getAttribute('href'), /^https:\/\/www\.linkedin\.com\/sharing\/share-offsite\/\?url=https?%3A%2F%2F/);
  assert.match(await share.getByRole('link', { name: 'E-mail' }).getAttribute('href'), /^mailto:\?subject=Efter%20skuffende%20salg/);
  assert.equal(await page.locator('main article .share__button').count(), 1);
  assert.equal(await page.locator('main article .share__button').isVisible(), false, '"Del" is not shown without the app');

  // A tag.
  const [res] = await Promise.all([
    page.waitForNavigation(),
    page.locator('main article .tags').getByRole('link', { name: 'Nokia', exact: true }).click(),
  ]);
  assert.equal(res.status(), 200);
  assert.equal(new URL(page.url()).pathname, '/emne/nokia');
  assert.equal(await text(page, 'main h1'), 'Nokia');
  assert.ok((await listed(page)).includes(SEED));

  // Back to the article by its teaser; then its kicker.
  await Promise.all([page.waitForNavigation(), page.click(`main .teaser-list a[href="${SEED}"]`)]);
  const [res2] = await Promise.all([page.waitForNavigation(), page.click('main article .kicker a')]);
  assert.equal(res2.status(), 200);
  assert.equal(new URL(page.url()).pathname, '/sektion/mobil');
  assert.equal(await text(page, 'main h1'), 'Mobil');
  await assertKicker(page, 'Sektion');
  assert.ok((await listed(page)).includes(SEED));
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
