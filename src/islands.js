// The app's islands of plain script, for what is mostly browser calls and drawing: the
// search page (src/search.js, loaded on the first search), the "Del" button, and the
// service worker's notes. The app renders the markup of the first two (src/pages/
// search.rs, src/components/share.rs); this fills it in and answers its clicks. Why not in
// Rust: the search page drawn by the app cost 10 KB of the 150 KB wasm budget, the share
// button's browser calls 1 KB (docs/perf.md, "Size").

const el = (tag, props = {}, ...children) => {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
};

// Search: the app calls this whenever the address changes.
export const show = () =>
  import(new URL('search.js', document.baseURI).href).then((m) => m.show(), (e) => {
    console.error('search:', e);
    const status = document.getElementById('soeg-status');
    if (status) status.textContent = 'Søgningen kunne ikke indlæses.';
  });

// A search form (the header's or the page's) goes to /soeg?q=… without a reload: a new
// history entry, then the popstate the app's router follows, as it does for back and
// forward. Without script the form is a plain GET to the same address.
document.addEventListener('submit', (ev) => {
  const form = ev.target;
  if (!(form instanceof HTMLFormElement) || form.getAttribute('role') !== 'search') return;
  ev.preventDefault();
  const url = new URL(form.action);
  url.search = new URLSearchParams({ q: (new FormData(form).get('q') || '').toString().trim() }).toString();
  history.pushState(null, '', url);
  dispatchEvent(new PopStateEvent('popstate'));
});

// "Del" (components/share.rs): the system's share sheet where the browser has one (a reader
// who closes it has decided: nothing is said), else the page's address to the clipboard,
// said in the status line beside the button; with neither, the address to copy by hand.
document.addEventListener('click', async (ev) => {
  const button = ev.target instanceof Element && ev.target.closest('.share__button');
  if (!button) return;
  const status = button.nextElementSibling;
  const url = location.href.split('#')[0];
  status.textContent = '';
  if (navigator.share) {
    const title = button.closest('article')?.querySelector('h1')?.textContent || document.title;
    try {
      await navigator.share({ title, url });
    } catch {
      // Closed by the reader, or refused: nothing to say.
    }
    return;
  }
  try {
    // The clipboard is there in secure contexts only (https, localhost).
    await navigator.clipboard.writeText(url);
    status.textContent = 'Linket er kopieret';
  } catch {
    status.textContent = `Kopiér linket: ${url}`;
  }
});

// Offline reading and new versions, with the service worker the release build writes
// (tools/lib/service-worker.cjs) and names in `<meta name="tidende:sw">`; `trunk serve`
// writes none, so development never runs one. The worker does most of it (src/service-
// worker.js); the page only:
//   - has the worker keep a copy of each page the app navigates to (`X-Tidende: gem`), so
//     a page read in the app opens by its address offline too;
//   - after a navigation offline, says the page is a saved one ("Gemt udgave – du er
//     offline", as the worker writes into a page it serves from the cache), and loads a
//     saved page or the offline page again, once, when the network is back;
//   - says "Der er en ny version af Tidende" when a new worker waits, with a button that
//     lets it take over and reloads once.
const sw = navigator.serviceWorker;
const swMeta = document.querySelector('meta[name="tidende:sw"]');
let styled;
let updating;
let saved = location.href.split('#')[0];

// The notes' stylesheet is not in the main one: most page views never show them.
function notice(node) {
  styled ||= document.head.appendChild(el('link', { rel: 'stylesheet', href: new URL('offline.css', document.baseURI) }));
  document.body.append(node);
}

const keep = (url) => fetch(url, { headers: { 'X-Tidende': 'gem' } }).catch(() => {});

function moved() {
  const url = location.href.split('#')[0];
  if (!sw?.controller) return;
  if (!navigator.onLine) {
    if (!document.querySelector('.saved-note')) notice(el('p', { className: 'saved-note', textContent: 'Gemt udgave – du er offline' }));
  } else if (url !== saved) keep((saved = url));
}
// Every change of address the app makes (the Navigation API), or back and forward.
(globalThis.navigation || globalThis).addEventListener(globalThis.navigation ? 'currententrychange' : 'popstate', moved);

// Back online: the page shown from the cache, or the offline page, loads again, once. The
// network itself is asked (HEAD, which the worker lets through) at once and then every
// three seconds while such a page is shown, as browsers do not always tell by
// `navigator.onLine` or its event. Only a network that failed and then answers reloads, so
// a slow one (the worker showed its copy after 3 s) never reloads the page over and over.
let down;
const back = async () => {
  if (!document.querySelector('.saved-note,.offline-page')) return;
  try {
    await fetch(location.href, { method: 'HEAD', cache: 'no-store' });
    if (down) location.reload();
  } catch {
    down = true;
  }
};
back();
setInterval(back, 3000);

function prompt(reg) {
  if (!reg.waiting || !sw.controller || document.querySelector('.update-prompt')) return;
  const button = el('button', { type: 'button', className: 'button', textContent: 'Hent den nye version' });
  button.onclick = () => {
    updating = button.disabled = true;
    reg.waiting ? reg.waiting.postMessage({ type: 'SKIP_WAITING' }) : location.reload();
  };
  notice(el('div', { className: 'update-prompt', role: 'status' }, el('p', { textContent: 'Der er en ny version af Tidende' }), button));
}

if (swMeta && sw) {
  // A worker that has just started keeps the page it took over too: the first page read.
  sw.addEventListener('controllerchange', () => (updating ? location.reload() : keep(saved)));
  // Three seconds after the app has taken the page over (Trunk's loader says so) and the
  // page has loaded: the worker's install (the precache, 15 files) would otherwise take the
  // CPU from the hydration and the first documents (measured: docs/perf.md, "Size").
  const start = async () => {
    const reg = await sw.register(new URL(swMeta.content, document.baseURI));
    prompt(reg);
    reg.addEventListener('updatefound', () => reg.installing?.addEventListener('statechange', () => prompt(reg)));
    // A page kept open for hours hears of a new version too.
    setInterval(() => reg.update().catch(() => {}), 36e5);
  };
  const later = () => setTimeout(start, 3e3);
  addEventListener('TrunkApplicationStarted', () => (document.readyState === 'complete' ? later() : addEventListener('load', later)));
} else {
  // No worker named (`trunk serve`, which `make preview` shares an origin with, or a
  // deployment that has removed it, docs/deploy.md): one registered before goes, and its
  // caches with it.
  sw?.getRegistrations().then(async (all) => {
    for (const r of all) r.unregister();
    if (all.length) for (const k of await caches.keys()) if (k.startsWith('tidende')) caches.delete(k);
  });
}
