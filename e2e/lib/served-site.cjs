// The release build served like the CDN serves it, and a browser, for one test file:
// started before its tests, stopped after them.
'use strict';
const { before, after } = require('node:test');
const { startPreview } = require('./preview.cjs');
const { launch } = require('./browser.cjs');

function servedSite() {
  const site = { server: null, browser: null, url: '' };
  before(async () => {
    site.server = await startPreview({ root: process.env.DIST_DIR || 'dist' });
    site.url = site.server.url;
    site.browser = await launch();
  });
  after(async () => {
    await site.browser?.close();
    site.server?.stop();
  });
  return site;
}

module.exports = { servedSite };
