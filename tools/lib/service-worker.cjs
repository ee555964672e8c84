// The service worker (sw.js) and the offline page, written into the build by tools/
// postbuild.cjs (site stage, after the prerender): Workbox (npm workbox-build, generateSW)
// generates the worker; src/service-worker.js, the part Workbox cannot write, goes in front
// of it. The pages name the worker in `<meta name="tidende:sw">` (the shell stage), and
// src/islands.js registers it; `make serve` (trunk serve) has neither, so development never
// sees a worker.
//
// What it does (docs/deploy.md, "Service worker"):
//   - precaches the app: the hashed wasm, JS and CSS, the scripts under snippets/, the
//     shell, the offline page and its stylesheet, the manifest and icons;
//   - pages (navigations, and the copies src/islands.js asks for after a navigation in the
//     app) and the backend's JSON: network first, the cache after 3 s or on failure; images
//     from the cache while it asks the network for a fresh copy; hashed files of another
//     build (a newer deployment's, fetched by this worker): the cache first. Each runtime
//     cache is bounded in entries and age (BOUNDS, read by the e2e test as well);
//   - a new worker waits until the page says so (the prompt in src/islands.js posts
//     SKIP_WAITING, which Workbox's worker answers).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { HASHED_NAME } = require('./cdn-rules.cjs');
const { walk } = require('./files.cjs');

const SW = 'sw.js';
const OFFLINE_PAGE = 'offline.html';
const OFFLINE_CSS = 'offline.css';
const HAND_WRITTEN = 'src/service-worker.js';
const KILL_SWITCH = 'tools/sw-kill-switch.js';
// How the pages name the worker (tools/postbuild.cjs, shell stage; src/islands.js reads it).
const SW_META = `<meta name=tidende:sw content=${SW}>`;
const DAY = 24 * 60 * 60;
// Each runtime cache's bounds: entries, and age in seconds. A saved article is three or
// four documents (the article and its regions), so the documents' cache holds about as
// many articles as the pages' one.
const BOUNDS = {
  'tidende-sider': { maxEntries: 50, maxAgeSeconds: 30 * DAY },
  'tidende-data': { maxEntries: 200, maxAgeSeconds: 30 * DAY },
  'tidende-billeder': { maxEntries: 60, maxAgeSeconds: 30 * DAY },
  'tidende-filer': { maxEntries: 20, maxAgeSeconds: 30 * DAY },
};
// How long a page or document may take before the saved copy is shown.
const NETWORK_TIMEOUT_SECONDS = 3;

// The offline page, made from the prerendered 404 page (its header, footer and head; the
// shell's head where nothing was prerendered): the
// app's scripts and data block out, the offline text in, and src/islands.js in, which
// reloads the page when the network is back. The worker puts the list of saved articles
// where the placeholder is.
function offlinePage(notFound, islands) {
  const main = '<main id="indhold" tabindex="-1" class="main offline-page">' +
    '<h1>Du er offline</h1>' +
    '<p>Siden er ikke gemt på denne enhed, så den kan ikke vises uden net. Når du er på nettet igen, hentes den af sig selv.</p>' +
    '<h2>Gemte artikler</h2><!--tidende:gemte--></main>';
  let html = notFound
    .replace(/<script type=["']?module["']?>[\s\S]*?<\/script>/gi, '')
    .replace(/<script[^>]*id=["']?tidende-data["']?[^>]*>[\s\S]*?<\/script>/gi, '')
    .replace(/<link\b[^>]*\brel=["']?(?:modulepreload|preload)["']?[^>]*>/gi, '')
    .replace(/<(?:meta|link)\b[^>]*\bdata-page-head\b[^>]*>/gi, '')
    .replace(/<title>[^<]*<\/title>/i, '<title>Du er offline – Tidende</title><meta name=robots content=noindex>')
    .replace(/<main\b[^>]*>[\s\S]*<\/main>/i, main);
  // A build without the prerender has only the shell, whose body is empty: the text alone.
  if (!html.includes('<!--tidende:gemte-->')) html = html.replace(/(<body\b[^>]*>)[\s\S]*(<\/body>)/i, `$1${main}$2`);
  if (!html.includes('<!--tidende:gemte-->')) throw new Error('404.html has no <body> for the offline page');
  const head = `<link rel=stylesheet href=${OFFLINE_CSS}>` + (islands ? `<script type=module src=${islands}></script>` : '');
  return html.replace('</head>', `${head}</head>`);
}

function runtimeCaching() {
  const expiration = (name) => ({ ...BOUNDS[name], purgeOnQuotaError: true });
  const ok = { statuses: [200] };
  return [
    {
      // Navigations, and the copy of a page src/islands.js asks for after the app has
      // navigated to it (so a page read in the app opens by its address offline too).
      urlPattern: ({ request }) => request.mode === 'navigate' || request.headers.get('X-Tidende') === 'gem',
      handler: 'NetworkFirst',
      options: {
        cacheName: 'tidende-sider',
        networkTimeoutSeconds: NETWORK_TIMEOUT_SECONDS,
        expiration: expiration('tidende-sider'),
        cacheableResponse: ok,
        plugins: [
          {
            cachedResponseWillBeUsed: (o) => self.tidende.cachedPage(o),
            handlerDidError: () => self.tidende.offlinePage(),
          },
        ],
      },
    },
    {
      urlPattern: ({ request, url }) => request.destination === '' && url.pathname.endsWith('.json'),
      handler: 'NetworkFirst',
      options: {
        cacheName: 'tidende-data',
        networkTimeoutSeconds: NETWORK_TIMEOUT_SECONDS,
        expiration: expiration('tidende-data'),
        cacheableResponse: ok,
        plugins: [{ handlerDidError: (o) => self.tidende.savedDocument(o) }],
      },
    },
    {
      // Opaque responses (an image from another origin without CORS) are not kept: the
      // browser counts each as megabytes of the origin's quota.
      urlPattern: ({ request }) => request.destination === 'image',
      handler: 'StaleWhileRevalidate',
      options: { cacheName: 'tidende-billeder', expiration: expiration('tidende-billeder'), cacheableResponse: ok },
    },
    {
      urlPattern: ({ url, sameOrigin }) => sameOrigin && /-[0-9a-f]{8,16}(?:_bg)?\.(?:js|css|wasm)$/.test(url.pathname),
      handler: 'CacheFirst',
      options: { cacheName: 'tidende-filer', expiration: expiration('tidende-filer'), cacheableResponse: ok },
    },
  ];
}

// Writes offline.html, offline.css and sw.js into `dist`; returns what is precached.
async function writeServiceWorker(dist, root = process.cwd()) {
  const { generateSW } = require('workbox-build');
  const notFound = fs.readFileSync(path.join(dist, fs.existsSync(path.join(dist, '404.html')) ? '404.html' : 'shell.html'), 'utf8');
  const islands = /href=["']?([^"'\s>]*snippets\/[^"'\s>]*islands\.js)/.exec(notFound)?.[1];
  fs.writeFileSync(path.join(dist, OFFLINE_PAGE), offlinePage(notFound, islands));
  fs.copyFileSync(path.join(root, 'style', OFFLINE_CSS), path.join(dist, OFFLINE_CSS));
  const css = fs.readdirSync(dist).find((f) => HASHED_NAME.test(f) && f.endsWith('.css'));
  if (!css) throw new Error(`service worker: no hashed stylesheet in ${dist}`);

  const swPath = path.join(dist, SW);
  fs.rmSync(swPath, { force: true });
  const { count, size, warnings } = await generateSW({
    globDirectory: dist,
    globPatterns: ['*.{wasm,js,css,svg}', 'snippets/**/*.js', 'shell.html', OFFLINE_PAGE, 'manifest.webmanifest', 'icons/*'],
    globIgnores: [SW, '**/*.br', '**/*.gz'],
    swDest: swPath,
    mode: 'production',
    sourcemap: false,
    inlineWorkboxRuntime: true,
    cacheId: 'tidende',
    // The new worker waits for the page's prompt (src/islands.js); once it runs, it takes
    // the open pages at once, so a first visit's documents are saved as they load.
    skipWaiting: false,
    clientsClaim: true,
    cleanupOutdatedCaches: true,
    navigationPreload: true,
    // Trunk's hashed names are their own revision; the rest get Workbox's.
    dontCacheBustURLsMatching: /-[0-9a-f]{8,16}(?:_bg)?\.[a-z0-9]+$/,
    maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
    runtimeCaching: runtimeCaching(),
  });
  for (const w of warnings) console.warn(`postbuild: workbox: ${w}`);
  const generated = fs.readFileSync(swPath, 'utf8');
  const hand = fs.readFileSync(path.join(root, HAND_WRITTEN), 'utf8');
  fs.writeFileSync(swPath, `const CURRENT = ${JSON.stringify(css)};\n${hand}\n${generated}`);
  return { count, size };
}

// SERVICE_WORKER=off: sw.js becomes the worker that removes the one browsers have
// (tools/sw-kill-switch.js), and no page names a worker any more. The pages' precompressed
// copies are written again by the site stage, which runs next.
function removeServiceWorker(dist, root = process.cwd()) {
  fs.copyFileSync(path.join(root, KILL_SWITCH), path.join(dist, SW));
  let pages = 0;
  for (const file of walk(dist).filter((f) => f.endsWith('.html')).map((f) => path.join(dist, f))) {
    const html = fs.readFileSync(file, 'utf8');
    const without = html.replace(SW_META, '');
    if (without === html) continue;
    fs.writeFileSync(file, without);
    pages++;
  }
  return { pages };
}

module.exports = { writeServiceWorker, removeServiceWorker, offlinePage, BOUNDS, SW, SW_META, OFFLINE_PAGE };
