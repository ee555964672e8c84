// The search index: Pagefind over the prerendered articles, written to dist/pagefind/ for
// the search page (src/pages/search.rs, src/search.js). In Danish (`<html lang=da>`, and
// forced, so a page without it cannot make a second index), and each page under its route
// path: Pagefind would otherwise take the file's name, `/artikel/x.html`, which is not an
// address of the site (the browser puts the site's sub-path in front).
//
// What Pagefind reads is marked here, on the copy it is given, not in the app's markup:
// only the article is indexed (`data-pagefind-body`), without its byline and share row
// and its "Læs også" boxes,
// and its kicker and date go along as the hit's metadata, for search.js to show the hit as
// a teaser. Marking them in the components would put attributes in the wasm that only
// the build reads.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

// Pagefind's own search interfaces: the site has its own, so they are not shipped.
const UNUSED = /^(pagefind-(ui|component-ui|modular-ui|highlight)\.|wasm\.unknown\.pagefind$)/;
const PRERENDERED = 'id="tidende-data"';

async function buildSearchIndex(dist) {
  const articles = path.join(dist, 'artikel');
  const files = fs.existsSync(articles)
    ? fs.readdirSync(articles).filter((f) => f.endsWith('.html')).sort()
    : [];
  const pagefind = await import('pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'da' });
    if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
    let pages = 0;
    for (const f of files) {
      const content = fs.readFileSync(path.join(articles, f), 'utf8');
      // A page the prerender could not render is the shell: nothing to find in it.
      if (!content.includes(PRERENDERED)) continue;
      const added = await index.addHTMLFile({ url: `/artikel/${f.replace(/\.html$/, '')}`, content: forIndex(content, f) });
      if (added.errors.length) throw new Error(`pagefind: ${f}: ${added.errors.join('; ')}`);
      pages++;
    }
    const out = path.join(dist, 'pagefind');
    fs.rmSync(out, { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath: out });
    if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
    for (const f of fs.readdirSync(out)) {
      if (UNUSED.test(f)) fs.rmSync(path.join(out, f));
    }
    return { pages, bytes: folderBytes(out) };
  } finally {
    await pagefind.close();
  }
}

const ARTICLE = '<article aria-labelledby="article-title" class="article"';
const META = '<div class="article__meta"';

// The page as Pagefind should read it. Throws if the article's markup is not what it was
// written for (components/article_view.rs): the index would quietly hold whole pages.
function forIndex(html, file) {
  if (!html.includes(ARTICLE) || !html.includes(META)) {
    throw new Error(`search index: ${file} has no article as components/article_view.rs writes it`);
  }
  const header = /<header class="article__header">([\s\S]*?)<\/header>/.exec(html)?.[1] || '';
  const kicker = /<p class="kicker"><a href="([^"]*)">([^<]*)/.exec(header);
  const time = /<time datetime="([^"]*)">([^<]*)/.exec(header);
  // Values as the page has them (text is escaped for < > &; a quote may be bare).
  const meta = { sektion: kicker?.[2], sektion_href: kicker?.[1], dato: time?.[1], datotekst: time?.[2] };
  const keys = Object.keys(meta).filter((k) => meta[k]);
  const attr = (k) => `data-m-${k.replace('_', '-')}`;
  const values = keys.map((k) => ` ${attr(k)}="${meta[k].replace(/"/g, '&quot;')}"`).join('');
  const spec = keys.map((k) => `${k}[${attr(k)}]`).join(', ');
  return html
    .replace(ARTICLE, `${ARTICLE} data-pagefind-body${spec ? ` data-pagefind-meta="${spec}"` : ''}${values}`)
    .replace(META, `${META} data-pagefind-ignore`)
    // "Læs også" boxes in the text name other articles: not what this one is about.
    .replaceAll('<p class="read-also"', '<p class="read-also" data-pagefind-ignore');
}

function folderBytes(dir) {
  let total = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    total += e.isDirectory() ? folderBytes(full) : fs.statSync(full).size;
  }
  return total;
}

module.exports = { buildSearchIndex };
