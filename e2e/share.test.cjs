// "Del" on the article, on the release build served like the CDN serves it: LinkedIn and
// e-mail are plain links carrying the page's address and headline; the button shows once
// the app is live and hands the address to the browser's share sheet where there is one
// (Web Share), else copies it to the clipboard and says so in its status line, else
// shows it to be copied by hand. Headless Chromium on Linux has no Web Share, so the
// clipboard is the real path here and the share sheet is stood in for.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { watchedPage } = require('./lib/browser.cjs');
const { servedSite } = require('./lib/served-site.cjs');
const { SEED, settled, seedArticle } = require('./lib/site.cjs');

const site = servedSite();
const SEED_HEADLINE =
  'Efter skuffende salg: Nu sælger Nokia den milliard-satsning, der skulle have været selskabets fremtid';
const OTHER = '/artikel/nokias-nye-fremtid-globalt-iot-netvaerk';
const OTHER_HEADLINE = 'Er dette Nokias nye fremtid? Er på trapperne med globalt sammenbundet IoT-netværk';
const COPIED = 'Linket er kopieret';
const CLIPBOARD = ['clipboard-read', 'clipboard-write'];

const status = (page) => page.locator('main article .share__status').textContent();

// The share links' targets, read back: LinkedIn's `url` parameter, the mail's subject
// and body (encodeURIComponent, so decodeURIComponent reads them exactly).
async function shareLinks(page) {
  const row = page.locator('main article .share');
  const linkedin = row.getByRole('link', { name: 'LinkedIn' });
  const mail = row.getByRole('link', { name: 'E-mail' });
  const li = new URL(await linkedin.getAttribute('href'));
  const m = /^mailto:\?subject=([^&]*)&body=([^&]*)$/.exec(await mail.getAttribute('href'));
  assert.ok(m, `a mail with a subject and a body: ${await mail.getAttribute('href')}`);
  return {
    linkedin: { origin: li.origin, path: li.pathname, url: li.searchParams.get('url'), params: [...li.searchParams.keys()] },
    linkedinTarget: [await linkedin.getAttribute('target'), await linkedin.getAttribute('rel')],
    subject: decodeURIComponent(m[1]),
    body: decodeURIComponent(m[2]),
  };
}

test('the share row: LinkedIn and e-mail carry the article\'s address and headline, "Del" shows once the app is live', async () => {
  const page = await seedArticle(site);
  const row = page.locator('main article .share');
  assert.equal(await row.getAttribute('role'), 'group');
  assert.equal(await row.getAttribute('aria-label'), 'Del artiklen');
  assert.ok(await row.evaluate((el) => !!el.closest('.article__header')), 'in the article\'s header');

  const links = await shareLinks(page);
  assert.equal(links.linkedin.origin, 'https://www.linkedin.com');
  assert.equal(links.linkedin.path, '/sharing/share-offsite/');
  assert.deepEqual(links.linkedin.params, ['url']);
  assert.deepEqual(links.linkedinTarget, ['_blank', 'noopener']);
  // The prerendered page names the site's address (SITE_URL); the one it was served from
  // in a preview is another origin, so the path is what is compared.
  assert.match(links.linkedin.url, /^https?:\/\/[^/]+\//);
  assert.equal(new URL(links.linkedin.url).pathname, SEED);
  assert.equal(links.subject, SEED_HEADLINE);
  assert.equal(links.body, links.linkedin.url, 'the mail carries the same address');

  const button = page.locator('main article .share__button');
  assert.equal(await button.innerText(), 'Del');
  assert.equal(await button.getAttribute('type'), 'button');
  assert.ok(await button.isVisible(), '"Del" shows with the app live');
  const line = page.locator('main article .share__status');
  assert.equal(await line.getAttribute('role'), 'status');
  assert.equal(await status(page), '', 'nothing said before the reader asks');

  // Another article, rendered by the app: its own links.
  await page.click(`.region--related .related-item a[href="${OTHER}"]`);
  await page.waitForFunction((h) => document.querySelector('main article h1')?.textContent === h, OTHER_HEADLINE);
  const other = await shareLinks(page);
  assert.equal(new URL(other.linkedin.url).pathname, OTHER);
  assert.equal(other.subject, OTHER_HEADLINE);
  assert.equal(other.body, other.linkedin.url);
  assert.equal(await page.evaluate(() => window.__sameDocument), true);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('without Web Share, "Del" copies the page\'s address and says so', async () => {
  const page = await seedArticle(site, { permissions: CLIPBOARD });
  assert.equal(await page.evaluate(() => typeof navigator.share), 'undefined', 'headless Chromium has no Web Share');
  await page.evaluate(() => navigator.clipboard.writeText('noget andet'));
  await page.click('main article .share__button');
  await page.waitForFunction((t) => document.querySelector('main article .share__status')?.textContent === t, COPIED);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), site.url + SEED, 'the article\'s address, copied');
  assert.equal(await page.locator('main article .share__status').innerText(), COPIED, 'shown');
  assert.equal(new URL(page.url()).pathname, SEED, 'the page stays');

  // A fragment is not part of what is shared.
  await page.evaluate(() => { location.hash = 'indhold'; });
  await page.click('main article .share__button');
  await page.waitForFunction((t) => document.querySelector('main article .share__status')?.textContent === t, COPIED);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), site.url + SEED);

  // On another article, reached in place, the button copies that article's address and
  // the line starts empty again.
  await page.click(`.region--related .related-item a[href="${OTHER}"]`);
  await page.waitForFunction((h) => document.querySelector('main article h1')?.textContent === h, OTHER_HEADLINE);
  assert.equal(await status(page), '', 'a new article says nothing yet');
  await page.click('main article .share__button');
  await page.waitForFunction((t) => document.querySelector('main article .share__status')?.textContent === t, COPIED);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), site.url + OTHER);
  assert.equal(await page.evaluate(() => window.__sameDocument), true);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('with Web Share, "Del" hands the headline and address to the share sheet and says nothing', async () => {
  // A share sheet that records what it was given; a second call is the reader closing it.
  const init = () => {
    window.__shared = [];
    Object.defineProperty(Navigator.prototype, 'share', {
      configurable: true,
      value(data) {
        window.__shared.push({ ...data });
        return window.__shared.length === 1 ? Promise.resolve() : Promise.reject(new DOMException('Share canceled', 'AbortError'));
      },
    });
  };
  const page = await watchedPage(site.browser, { viewport: { width: 375, height: 800 }, permissions: CLIPBOARD });
  await page.addInitScript(init);
  await page.goto(site.url + SEED);
  await page.waitForSelector('html[data-app="hydrated"]');
  await page.evaluate(() => navigator.clipboard.writeText('urørt'));

  await page.click('main article .share__button');
  await page.waitForFunction(() => window.__shared.length === 1);
  assert.deepEqual(await page.evaluate(() => window.__shared), [{ title: SEED_HEADLINE, url: site.url + SEED }]);
  // Shared: the sheet said what happened; the page says nothing, and copies nothing.
  await page.waitForTimeout(300);
  assert.equal(await status(page), '');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'urørt', 'nothing copied');

  // The reader closes the sheet: a decision, nothing to say either.
  await page.click('main article .share__button');
  await page.waitForFunction(() => window.__shared.length === 2);
  await page.waitForTimeout(300);
  assert.equal(await status(page), '');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'urørt');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('with neither Web Share nor a clipboard, "Del" shows the address to copy by hand', async () => {
  const page = await watchedPage(site.browser, { viewport: { width: 1280, height: 900 } });
  // As on a page served over plain http from another host: no navigator.clipboard.
  await page.addInitScript(() => { delete Navigator.prototype.clipboard; });
  await page.goto(site.url + SEED);
  await page.waitForSelector('html[data-app="hydrated"]');
  assert.equal(await page.evaluate(() => 'clipboard' in navigator), false);
  await page.click('main article .share__button');
  await page.waitForFunction(() => document.querySelector('main article .share__status')?.textContent !== '');
  assert.equal(await status(page), `Kopiér linket: ${site.url + SEED}`);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
