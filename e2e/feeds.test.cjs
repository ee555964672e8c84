// What feed readers and search engines read, on the release builds served like the CDN
// serves them: feed.xml, the sitemaps and robots.txt are well-formed XML to xmllint
// (libxml2), a feed parser from outside the project (Python's feedparser) reads the feed
// without complaint, every page names the feed, and the sitemap lists every page. Each
// section has a feed of its own (sektion/{slug}/feed.xml), named by its page, checked the
// same way and holding the section's articles.
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

// The section pages of the build, by slug: sektion/{slug}.html (their later pages are under
// sektion/{slug}/side/).
const sectionSlugs = () => fs.readdirSync(path.join(DIST, 'sektion'))
  .filter((f) => f.endsWith('.html'))
  .map((f) => f.slice(0, -'.html'.length))
  .sort();

// A section's articles as its documents list them, newest first: what its feed must hold.
async function sectionArticles(slug) {
  const items = [];
  let name;
  for (let next = `sections/${slug}/1.json`; next; ) {
    const doc = await fetch(`${site.url}/api/${next}`).then((r) => r.json());
    name = doc.name;
    items.push(...doc.items);
    next = doc.next;
  }
  return { name, slugs: items.map((t) => t.slug) };
}

test('every section page names its own feed, which is served', async () => {
  const slugs = sectionSlugs();
  assert.ok(slugs.includes('mobil') && slugs.length >= 8, `section pages: ${slugs}`);
  for (const slug of slugs) {
    const res = await fetch(`${site.url}/sektion/${slug}`);
    assert.equal(res.status, 200, `/sektion/${slug}`);
    const html = await res.text();
    const { name } = await sectionArticles(slug);
    const links = [...html.matchAll(/<link\b[^>]*rel="alternate" type="application\/rss\+xml"[^>]*>/g)].map((m) => m[0]).sort();
    assert.deepEqual(links, [
      `<link data-page-head rel="alternate" type="application/rss+xml" title="Tidende – ${name}" href="sektion/${slug}/feed.xml">`,
      '<link rel="alternate" type="application/rss+xml" title="Tidende" href="feed.xml">',
    ], `/sektion/${slug}: the section's feed, and the site's`);
    // Relative to the page's <base href>, as the browser resolves it.
    const base = /<base\s+href=["']?([^"'\s>]+)/.exec(html)[1];
    const href = /href="([^"]+)"/.exec(links[0])[1];
    const feed = await fetch(new URL(href, new URL(base, `${site.url}/sektion/${slug}`)));
    assert.equal(feed.status, 200, `${href}: status`);
    assert.match(feed.headers.get('content-type'), /xml/, `${href}: content type`);
    // Revalidated like feed.xml, by one rule (two would be joined: "no-cache, no-cache").
    assert.equal(feed.headers.get('cache-control'), 'no-cache', `${href}: Cache-Control`);
    assert.match(await feed.text(), /^<\?xml[^>]*\?>\s*<rss version="2\.0"/, `${href}: RSS`);
  }
  // A topic page names the site's feed only: topics have none of their own.
  const topic = await fetch(`${site.url}/emne/nokia`).then((r) => r.text());
  assert.deepEqual([...topic.matchAll(/<link\b[^>]*rel="alternate"[^>]*>/g)].map((m) => m[0]),
    ['<link rel="alternate" type="application/rss+xml" title="Tidende" href="feed.xml">']);
});

test('every section feed is well-formed XML (xmllint)', () => {
  const files = sectionSlugs().map((slug) => path.join(DIST, 'sektion', slug, 'feed.xml'));
  for (const f of files) assert.ok(fs.existsSync(f), `${f} is written`);
  const written = fs.readdirSync(path.join(DIST, 'sektion'), { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(DIST, 'sektion', e.name, 'feed.xml'))).length;
  assert.equal(written, files.length, 'a feed for each section page, no other');
  execFileSync('xmllint', ['--noout', ...files], { stdio: 'pipe' });
});

test('a feed reader reads every section feed, served, with the section\'s articles and no complaint (feedparser)', async () => {
  const script = `
import feedparser, json, sys
out = []
for url in sys.argv[1:]:
    d = feedparser.parse(url)
    out.append({
      "bozo": bool(d.bozo), "error": str(d.get("bozo_exception", "")), "version": d.version,
      "title": d.feed.get("title"), "link": d.feed.get("link"), "language": d.feed.get("language"),
      "links": [e.link for e in d.entries], "ids": [e.id for e in d.entries],
      "dated": all(e.get("published_parsed") for e in d.entries),
    })
print(json.dumps(out, ensure_ascii=False))
`;
  const slugs = sectionSlugs();
  const urls = slugs.map((slug) => `${site.url}/sektion/${slug}/feed.xml`);
  const feeds = JSON.parse(execFileSync(PYTHON, ['-c', script, ...urls], { encoding: 'utf8' }));
  for (const [i, slug] of slugs.entries()) {
    const out = feeds[i];
    const { name, slugs: articles } = await sectionArticles(slug);
    assert.equal(out.bozo, false, `${slug}: no bozo error: ${out.error}`);
    assert.equal(out.version, 'rss20', slug);
    assert.equal(out.title, `Tidende – ${name}`, slug);
    assert.equal(out.language, 'da', slug);
    assert.equal(out.link, `${siteUrl()}sektion/${slug}`, `${slug}: the feed's link is the section page`);
    // Fewer than 50 in every sample section: all of them, newest first, as the section's
    // documents list them.
    assert.deepEqual(out.links, articles.map((a) => `${siteUrl()}artikel/${a}`), `${slug}: the section's articles`);
    assert.deepEqual(out.ids, out.links, `${slug}: permalinks as ids`);
    assert.ok(out.dated, `${slug}: every entry dated`);
  }
});
