// Launches Debian's headless Chromium through playwright-core, and records every page
// error and console error so a test can fail on them.
'use strict';
const { chromium } = require('playwright-core');

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

// Chromium has, rarely, crashed here while starting (crashpad's "no stack mapping", the
// browser closed before its first page; seen once in a fresh clone's make test, in a suite
// that passes on its own): then once more, and said so. A second failure fails the suite.
async function launch() {
  const options = { executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS };
  try {
    return await chromium.launch(options);
  } catch (e) {
    console.error(`browser: Chromium did not start (${e.message.split('\n')[0]}); trying once more`);
    return chromium.launch(options);
  }
}

// A new page whose `problems` array collects page errors, console errors and failed
// same-origin requests (the favicon excepted: browsers ask for it on their own).
async function watchedPage(browser, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (err) => page.problems.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    // A page served with a 404 status on purpose (an unknown path gets 404.html, as on the
    // CDN) makes Chromium log "Failed to load resource" for the document itself. That is
    // the response's status, which a test checks on the response; a failed fetch or asset
    // (another URL) still counts.
    if (msg.text().startsWith('Failed to load resource') && msg.location().url === page.url()) return;
    page.problems.push(`console.error: ${msg.text()}`);
  });
  return page;
}

// A watched page that also records every CSP violation the document reports, in
// `window.__cspViolations`.
async function cspWatchedPage(browser, options = {}) {
  const page = await watchedPage(browser, options);
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`);
    });
  });
  return page;
}

// Injects an inline script into a cspWatchedPage and waits for the violation it causes;
// resolves to whether the script ran anyway (it must not).
async function injectInlineScript(page) {
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__injected = true;';
    document.head.append(s);
  });
  await page.waitForFunction(() => window.__cspViolations.length > 0);
  return (await page.evaluate(() => window.__injected)) === true;
}

module.exports = { launch, watchedPage, cspWatchedPage, injectInlineScript, CHROMIUM_ARGS };
