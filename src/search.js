// The search page's hits (src/pages/search.rs renders the page's markup, the app calls
// src/islands.js `show` whenever the address changes, and that loads this module then):
// it reads the query from the address, asks Pagefind, and writes the count and the hits as
// the site's teasers. A module of its own, loaded on the first search only like Pagefind's
// script, so the pages that never search do not load it (the 150 KB budget, docs/perf.md).
//
// Pagefind's own script (its index is written at build time by tools/lib/search-index.cjs)
// is loaded by `import()` too, which is syntax the wasm cannot call (and eval would break
// the CSP).
//
// Everything from the index is set as text (textContent), never as markup: a headline or
// a query with `<img onerror=…>` in it shows as written.

const SHOWN = 30;
let pagefind;
let tries = 0;
let asked = 0;

function load() {
  if (!pagefind) {
    // Under the deployment's sub-path, as <base href> says. The browser remembers a failed
    // import for the page's life, so a retry asks under another address.
    const url = new URL(`pagefind/pagefind.js${tries ? `?retry=${tries}` : ''}`, document.baseURI);
    pagefind = import(url.href).catch((e) => {
      pagefind = undefined;
      tries++;
      throw e;
    });
  }
  return pagefind;
}

// Also in src/islands.js: a module of its own cannot share it without a bundler.
const el = (tag, props = {}, ...children) => {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
};

// "3 artikler matcher »Nokia«."
function countLine(total, query) {
  const q = `»${query}«`;
  if (total === 0) return `Ingen artikler matcher ${q}.`;
  if (total === 1) return `1 artikel matcher ${q}.`;
  return `${total} artikler matcher ${q}.${total > SHOWN ? ` Her er de ${SHOWN} bedste.` : ''}`;
}

// One hit as a teaser (components/teaser.rs): kicker, headline, the text around the hit
// with the words found marked, the date.
function teaser(d) {
  const m = d.meta || {};
  const text = el('div', { className: 'teaser__text' });
  if (m.sektion) {
    text.append(el('p', { className: 'kicker' }, el('a', { href: m.sektion_href || '', textContent: m.sektion })));
  }
  text.append(el('h2', { className: 'teaser__headline' }, el('a', { href: d.url, textContent: m.title || d.url })));
  // Pagefind escapes < and > in its excerpt and marks the hits with <mark>: nothing else.
  const lead = el('p', { className: 'teaser__lead' });
  (d.excerpt || '').split(/<\/?mark>/).forEach((part, i) => {
    const plain = part.replace(/&lt;/g, '<').replace(/&gt;/g, '>');
    lead.append(i % 2 ? el('mark', { textContent: plain }) : plain);
  });
  text.append(lead);
  if (m.dato) {
    text.append(el('p', { className: 'teaser__time' }, el('time', { dateTime: m.dato, textContent: m.datotekst || m.dato })));
  }
  return el('li', {}, el('article', { className: 'teaser' }, text));
}

export async function show() {
  const status = document.getElementById('soeg-status');
  const hits = document.getElementById('soeg-hits');
  const input = document.getElementById('soeg-q');
  if (!status || !hits) return;
  const query = (new URLSearchParams(location.search).get('q') || '').trim();
  const mine = ++asked;
  if (input) input.value = query;
  hits.replaceChildren();
  status.textContent = query ? 'Søger …' : '';
  if (!query) return;
  try {
    const found = await (await load()).search(query);
    const data = await Promise.all(found.results.slice(0, SHOWN).map((r) => r.data()));
    if (mine !== asked) return;
    status.textContent = countLine(found.results.length, query);
    if (data.length) hits.append(el('ol', { className: 'teaser-list' }, ...data.map(teaser)));
  } catch (e) {
    if (mine !== asked) return;
    console.error('search:', e);
    status.textContent = 'Søgningen kunne ikke indlæses.';
    hits.append(el('button', { type: 'button', className: 'button', textContent: 'Prøv igen', onclick: () => show() }));
  }
}
