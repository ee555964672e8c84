// The part of the service worker Workbox does not write. tools/lib/service-worker.cjs has
// Workbox generate the worker (precache, routes, strategies, cache bounds) and puts this
// file in front of it; the generated routes' plugins call the two functions below by name,
// because Workbox writes plugins out as source text, where nothing else is in scope.
//
// Written by hand because no Workbox plugin changes a cached page or builds a page from a
// cache's contents:
//   - `savedCopy`: a page served from the cache says so ("Gemt udgave – du er offline"),
//     and it never runs an app build that is gone: a page saved before a new deployment
//     names the old wasm and JS, which left the precache with the old worker; such a page
//     is served as the HTML it is, without its scripts (it reads in full: it is
//     prerendered), and with the current stylesheet in place of a missing one;
//   - `offlinePage`: an address not saved gets the offline page, which lists the articles
//     that are;
//   - `savedDocument`: a document the app asks for offline that is not in the documents'
//     cache is taken from the data block of the saved page it belongs to (a page loaded
//     whole was rendered from its documents, so the app never fetched them); when the page
//     the app has gone to is not saved at all, the window is sent to its address, where
//     it gets the offline page.
//
// `CURRENT` (the current stylesheet's URL, relative to the worker) is written in front of
// this by the build.
/* global CURRENT */
'use strict';

self.tidende = (() => {
  const PAGES = 'tidende-sider';
  const OFFLINE = 'offline.html';
  const NOTE = '<p class="saved-note" data-saved>Gemt udgave – du er offline</p>';
  const at = (href) => new URL(href, self.registration.scope).href;

  // Any cache: the precache keeps unhashed files under `?__WB_REVISION__=…`.
  const have = async (url) => Boolean(await caches.match(url, { ignoreSearch: true }));

  const attr = (tag, name) => new RegExp(`\\s${name}=(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag)?.slice(1).find((v) => v !== undefined);

  // The HTML of a cached page as it is served from the cache.
  async function savedCopy(html, pageUrl) {
    const links = html.match(/<link\b[^>]*>/gi) || [];
    const scripts = links.filter((l) => /^(?:modulepreload|preload)$/i.test(attr(l, 'rel') || ''));
    const assets = scripts.map((l) => new URL(attr(l, 'href'), pageUrl).href);
    const present = await Promise.all(assets.map(have));
    if (present.includes(false)) {
      // The app build the page names is gone: the page as HTML only.
      html = html.replace(/<script type=["']?module["']?>[\s\S]*?<\/script>/gi, '');
      for (const l of scripts) html = html.replace(l, '');
    }
    for (const l of links.filter((l) => (attr(l, 'rel') || '').toLowerCase() === 'stylesheet')) {
      if (!(await have(new URL(attr(l, 'href'), pageUrl).href))) {
        html = html.replace(l, `<link rel=stylesheet href="${at(CURRENT)}">`);
      }
    }
    return html
      .replace('</head>', `<link rel=stylesheet href="${at('offline.css')}"></head>`)
      .replace('</body>', `${NOTE}</body>`);
  }

  const escape = (s) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const NAMED = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  const unescape = (s) => s.replace(/&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|(amp|lt|gt|quot|apos));/gi, (m, dec, hex, name) => {
    const code = name ? 0 : dec ? Number(dec) : parseInt(hex, 16);
    return name ? NAMED[name.toLowerCase()] : code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });

  // The saved articles, the most recently read first: their headline (the page's title
  // without the site's name) and address.
  async function savedArticles() {
    const cache = await caches.open(PAGES);
    const prefix = at('artikel/');
    const found = [];
    for (const request of (await cache.keys()).reverse()) {
      if (!request.url.startsWith(prefix)) continue;
      const response = await cache.match(request);
      const html = response ? await response.text() : '';
      const title = /<title>([^<]*)<\/title>/i.exec(html)?.[1];
      if (!title || !html.includes('id=tidende-data') && !html.includes('id="tidende-data"')) continue;
      found.push({ url: request.url, title: unescape(title).replace(/\s+[–-]\s+Tidende$/, '') });
    }
    return found;
  }

  // The offline page (precached), with the saved articles in place of its placeholder.
  async function offlinePage() {
    const page = await caches.match(at(OFFLINE), { ignoreSearch: true });
    if (!page) return Response.error();
    const saved = await savedArticles().catch(() => []);
    const list = saved.length
      ? `<ul class="offline-list">${saved.map((a) => `<li><a href="${escape(a.url)}">${escape(a.title)}</a></li>`).join('')}</ul>`
      : '<p>Ingen artikler er gemt endnu. De artikler, du læser, gemmes på denne enhed, så du kan læse dem igen uden net.</p>';
    const html = (await page.text()).replace('<!--tidende:gemte-->', list);
    return new Response(html, { status: 503, statusText: 'Offline', headers: { 'Content-Type': 'text/html; charset=utf-8' } });
  }

  const navigating = new Set();

  async function savedDocument(request, clientId) {
    const client = clientId && (await self.clients.get(clientId));
    if (!client) return undefined;
    // The address the app is at: a same-origin request's referrer is the page's whole
    // address (the site's Referrer-Policy), which follows the app's pushState, as the
    // client's url does not in Chromium; a backend on another origin gets the origin only.
    const referrer = request.referrer && new URL(request.referrer);
    const own = referrer && referrer.origin === new URL(request.url).origin;
    const address = (own ? referrer.href : client.url).split('#')[0];
    const page = await (await caches.open(PAGES)).match(address);
    if (!page) {
      // Several regions ask at once: the window is sent once.
      if (!navigating.has(client.id)) {
        navigating.add(client.id);
        setTimeout(() => navigating.delete(client.id), 5000);
        client.navigate(address).catch(() => {});
      }
      return undefined;
    }
    const html = await page.text();
    const block = /<script\b[^>]*\bid=["']?tidende-data["']?[^>]*>([\s\S]*?)<\/script>/i.exec(html)?.[1];
    const meta = (html.match(/<meta\b[^>]*>/gi) || []).find((m) => attr(m, 'name') === 'tidende:api');
    const base = /<base\b[^>]*>/i.exec(html)?.[0];
    if (!block || !meta) return undefined;
    const api = new URL(attr(meta, 'content'), new URL((base && attr(base, 'href')) || '.', address));
    let docs;
    try {
      docs = JSON.parse(block).docs || {};
    } catch {
      return undefined;
    }
    for (const [path, doc] of Object.entries(docs)) {
      if (new URL(path, api).href === request.url) {
        return new Response(JSON.stringify(doc), { headers: { 'Content-Type': 'application/json' } });
      }
    }
    return undefined;
  }

  return {
    // Workbox's cachedResponseWillBeUsed for the pages' cache: read only when the network
    // failed or was too slow.
    async cachedPage({ cachedResponse, request }) {
      if (!cachedResponse || !(cachedResponse.headers.get('Content-Type') || '').includes('text/html')) return cachedResponse;
      const html = await savedCopy(await cachedResponse.text(), request.url);
      const headers = new Headers(cachedResponse.headers);
      headers.delete('Content-Length');
      headers.delete('Content-Encoding');
      return new Response(html, { status: cachedResponse.status, statusText: cachedResponse.statusText, headers });
    },
    // Workbox's handlerDidError for pages: neither the network nor the cache had one.
    offlinePage,
    // Workbox's handlerDidError for documents: neither the network nor the cache had it.
    savedDocument: ({ request, event }) => savedDocument(request, event?.clientId).catch(() => undefined),
  };
})();
