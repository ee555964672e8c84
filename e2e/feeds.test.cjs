// What feed readers and search engines read, on the release builds served like the CDN
// serves them: feed.xml, the sitemaps and robots.txt are well-formed XML to xmllint
// (libxml2), a feed parser from outside the project (Python's feedparser) reads the feed
// without complaint, every page names the feed, and the sitemap lists every page.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { servedSite } = require('./lib/served-site.cjs');
const { SEED } = require('./lib/site.cjs');

const ROOT = path.resolve(__dirname, '..');
const DIST = path.resolve(ROOT, process.env.DIST_DIR || 'dist');
const PYTHON = path.join(ROOT, 'tools/venv/bin/python');
const site = servedSite();

// The build's site URL, as its feed gives it (make test builds with SITE_URL set).
const siteUrl = () => /<link>([^<]+)<\/link>/.exec(fs.readFileSync(path.join(DIST, 'feed.xml'), 'utf8'))[1];

test('feed.xml and the sitemaps are well-formed XML (xmllint)', () => {
  for (const dist of [DIST, path.resolve(ROOT, 'dist-nyheder')]) {
    const files = ['feed.xml', 'sitemap.xml', 'sitemap-news.xml'].map((f) => path.join(dist, f));
    for (const f of files) assert.ok(fs.existsSync(f), `${f} is written`);
    // Throws, with xmllint's message, on any error.
    execFileSync('xmllint', ['--noout', ...files], { stdio: 'pipe' });
  }
});

test('a feed reader reads feed.xml, served, with every article and no complaint (feedparser)', async () => {
  const script = `
import feedparser, json, sys
d = feedparser.parse(sys.argv[1])
print(json.dumps({
  "bozo": bool(d.bozo), "error": str(d.get("bozo_exception", "")), "version": d.version,
  "title": d.feed.get("title"), "language": d.feed.get("language"), "n": len(d.entries),
  "first": {"title": d.entries[0].title, "link": d.entries[0].link, "id": d.entries[0].id,
            "published": list(d.entries[0].published_parsed)[:6],
            "tags": [t.term for t in d.entries[0].get("tags", [])],
            "enclosures": [e.get("type") for e in d.entries[0].get("enclosures", [])]},
  "links": [e.link for e in d.entries],
}, ensure_ascii=False))
`;
  const out = JSON.parse(execFileSync(PYTHON, ['-c', script, `${site.url}/feed.xml`], { encoding: 'utf8' }));
  assert.equal(out.bozo, false, `no bozo error: ${out.error}`);
  assert.equal(out.version, 'rss20');
  assert.equal(out.title, 'Tidende');
  assert.equal(out.language, 'da');
  // Every article of the sample index (fewer than the feed's 50), newest first.
  const index = JSON.parse(fs.readFileSync(path.join(DIST, 'api/articles/index/1.json'), 'utf8'));
  assert.equal(out.n, index.total_items);
  assert.equal(out.first.link, `${siteUrl()}artikel/${index.items[0].slug}`);
  assert.equal(out.first.id, out.first.link);
  assert.equal(out.first.title, index.items[0].headline);
  assert.ok(out.first.tags.length > 0, 'the article\'s tags as categories');
  assert.deepEqual(out.first.enclosures, ['image/svg+xml'], 'the top image as an enclosure');
  assert.ok(out.links.includes(`${siteUrl()}${SEED.slice(1)}`), 'the seed article is in it');
});

test('every page names the feed; the sitemap lists every page; robots.txt names the sitemaps', async () => {
  const page = await fetch(site.url + SEED).then((r) => r.text());
  assert.match(page, /<link rel="alternate" type="application\/rss\+xml" title="Tidende" href="feed\.xml">/);
  const sitemap = await fetch(`${site.url}/sitemap.xml`).then((r) => r.text());
  const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
  const pages = [];
  const walk = (dir, rel = '') => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory() && e.name !== 'api') walk(path.join(dir, e.name), r);
      else if (r.endsWith('.html') && fs.readFileSync(path.join(dir, e.name), 'utf8').includes('id="tidende-data"')) pages.push(r);
    }
  };
  walk(DIST);
  assert.equal(locs.length, pages.length - 1, 'every prerendered page but the 404 page');
  assert.ok(locs.includes(siteUrl()), 'the front page');
  assert.ok(locs.includes(`${siteUrl()}navnenyt/side/2`), 'the lists\' later pages');
  const robots = await fetch(`${site.url}/robots.txt`).then((r) => r.text());
  assert.ok(robots.includes(`Sitemap: ${siteUrl()}sitemap.xml`), robots);
  assert.ok(robots.includes(`Sitemap: ${siteUrl()}sitemap-news.xml`), robots);
});
