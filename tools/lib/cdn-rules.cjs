// What the CDN is told, as Netlify / Cloudflare Pages files: `_headers` (a strict
// Content-Security-Policy, security headers, the cache policy) and `_redirects` (the shell
// for routes without a prerendered file, 404.html with a 404 status for the rest).
// docs/deploy.md says how each host reads them; `make preview` turns them into nginx
// configuration (e2e/lib/preview.cjs), so what is previewed is what gets deployed.
'use strict';

// The app's routes other than "/" (src/router.rs, src/routes.rs), as _redirects paths:
// a page the build did not prerender (an article published since) gets the shell.
// e2e/cdn.test.cjs checks that this list still matches the router.
const PAGE_ROUTES = ['artikel/*', 'emne/*', 'sektion/*', 'navnenyt', 'navnenyt/side/*', 'job', 'job/side/*', 'side/*', 'soeg'];
// The prerendered pages of those routes that are single files (the others are under the
// splats above): `/navnenyt` is served from navnenyt.html.
const PAGE_FILES = ['navnenyt.html', 'job.html', 'soeg.html'];
// The page for every route that is not prerendered (tools/postbuild.cjs keeps Trunk's
// index.html under this name).
const SHELL = 'shell.html';

// Trunk's content-hashed names: `tidende-<16 hex>.js`, `tidende-<16 hex>_bg.wasm`, …; Trunk
// writes the hash as a number, without leading zeros (`tidende-26fdc50cd48884f.css`).
const HASHED_NAME = /^[^/]+-[0-9a-f]{8,16}(?:_bg)?\.[A-Za-z0-9]+$/;

const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable';
const CACHE_REVALIDATE = 'no-cache';
// Sample-backend media (api/media/*.svg) are not content-hashed, so they must not be cached
// for ever; but an image is only replaced under the same name when an article is corrected,
// and a reader seeing the old one for up to an hour is harmless, while revalidating every
// thumbnail on every page view is not free. JSON, by contrast, is always revalidated.
const CACHE_MEDIA = 'public, max-age=3600';

const SECURITY_HEADERS = [
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()'],
  // Belt and braces beside CSP frame-ancestors, for browsers that predate it.
  ['X-Frame-Options', 'DENY'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
];

// The one Content-Security-Policy of the site. Nothing inline runs but Trunk's loader,
// allowed by its hash (the pages' JSON data blocks are never executed, so they need none); 'wasm-unsafe-eval' lets the page compile its own
// WebAssembly (it allows no JavaScript eval). `backendOrigins` is what tools/set-backend.sh
// adds for a backend on another origin: the app fetches JSON from it and shows its media.
function contentSecurityPolicy(scriptHashes, backendOrigins = []) {
  const extra = backendOrigins.length ? ` ${backendOrigins.join(' ')}` : '';
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${scriptHashes.map((h) => `'${h}'`).join(' ')}`,
    "style-src 'self'",
    `img-src 'self' data:${extra}`,
    `connect-src 'self'${extra}`,
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

const isPrecompressed = (rel) => rel.endsWith('.br') || rel.endsWith('.gz');
// A file under one of the splat routes (`artikel/x.html`, `side/2.html`, and at any depth,
// as a splat matches it: `sektion/mobil/side/2.html`, `sektion/mobil/feed.xml`).
const underPageRoute = (f) => PAGE_ROUTES.some((r) => r.endsWith('/*') && f.startsWith(r.slice(0, -1)));

// The Cache-Control rules: [pattern relative to the site root, value, comment], so that
// every file of the dist matches exactly one of them, and no path matches two (Netlify and
// Cloudflare join the values of every matching rule with a comma).
function cacheRules(files) {
  const rules = [];
  const hashed = files.filter((f) => !f.includes('/') && HASHED_NAME.test(f));
  for (const f of hashed) rules.push([f, CACHE_IMMUTABLE, 'content-hashed by Trunk']);
  // Every page, under every path that serves it: each names the current hashed files.
  rules.push(['', CACHE_REVALIDATE, 'the pages, under every path that serves them']);
  for (const f of ['index.html', '404.html', SHELL, ...PAGE_FILES]) rules.push([f, CACHE_REVALIDATE]);
  for (const r of PAGE_ROUTES) rules.push([r, CACHE_REVALIDATE]);
  // The search index (tools/lib/search-index.cjs): its chunks are named by their content,
  // the files that name them are not. The search script (src/search.js, copied by
  // wasm-bindgen under snippets/ with a name that does not follow its content): revalidated.
  const search = files.filter((f) => (f.startsWith('pagefind/') || f.startsWith('snippets/')) && !isPrecompressed(f));
  const chunks = search.filter((f) => /^pagefind\/[^/]+\//.test(f));
  for (const f of search.filter((f) => !chunks.includes(f))) {
    rules.push([f, CACHE_REVALIDATE, 'the search: its script and index entry files revalidated, its chunks content-named']);
  }
  for (const dir of new Set(chunks.map((f) => f.split('/')[1]))) rules.push([`pagefind/${dir}/*`, CACHE_IMMUTABLE]);
  // The sample backend, one rule per top-level folder of api/ (not `/api/*`: the media rule
  // under it would match the same paths and the two values would be joined).
  const api = files.filter((f) => f.startsWith('api/') && !isPrecompressed(f));
  const groups = new Map();
  for (const f of api) {
    const parts = f.split('/');
    const key = parts.length > 2 ? `api/${parts[1]}/*` : f;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(f);
  }
  const isJson = (f) => f.endsWith('.json');
  const kind = (members) => (members.every(isJson) ? 0 : members.some(isJson) ? 2 : 1);
  const ordered = [...groups].sort((a, b) => kind(a[1]) - kind(b[1]));
  for (const [key, members] of ordered) {
    if (kind(members) === 0) {
      rules.push([key, CACHE_REVALIDATE, 'the sample backend: JSON, always revalidated']);
    } else if (kind(members) === 1) {
      rules.push([key, CACHE_MEDIA, 'the sample backend: media, not hashed, cached an hour']);
    } else {
      // A folder mixing JSON and media: one rule per file.
      for (const f of members) {
        rules.push([f, isJson(f) ? CACHE_REVALIDATE : CACHE_MEDIA, 'the sample backend, file by file']);
      }
    }
  }
  // Any other file copied unhashed (robots.txt, favicon.svg): revalidate.
  const covered = new Set(['index.html', '404.html', SHELL, ...PAGE_FILES, ...hashed, ...api, ...search]);
  for (const f of files) {
    if (!covered.has(f) && !isPrecompressed(f) && !f.startsWith('_') && !underPageRoute(f)) {
      rules.push([f, CACHE_REVALIDATE, 'copied unhashed']);
    }
  }
  return rules;
}

function headersFile({ base, csp, files, publicUrl }) {
  const lines = [
    `# Generated by tools/postbuild.cjs for PUBLIC_URL=${publicUrl}: rebuild rather than edit`,
    '# (tools/set-backend.sh edits connect-src/img-src). Netlify / Cloudflare Pages syntax;',
    '# `make preview` turns it into nginx configuration. See docs/deploy.md.',
    '',
    `${base}*`,
    `  Content-Security-Policy: ${csp}`,
    ...SECURITY_HEADERS.map(([k, v]) => `  ${k}: ${v}`),
  ];
  let lastComment;
  for (const [pattern, value, comment] of cacheRules(files)) {
    if (comment && comment !== lastComment) {
      lines.push('', `# ${comment}`);
      lastComment = comment;
    }
    lines.push(`${base}${pattern}`, `  Cache-Control: ${value}`);
  }
  return `${lines.join('\n')}\n`;
}

function redirectsFile({ base, publicUrl }) {
  const rows = [];
  if (base !== '/') rows.push([base.slice(0, -1), base, '301']);
  for (const r of PAGE_ROUTES) rows.push([`${base}${r}`, `${base}${SHELL}`, '200']);
  rows.push([`${base}*`, `${base}404.html`, '404']);
  const width = Math.max(...rows.map((r) => r[0].length)) + 2;
  const tWidth = Math.max(...rows.map((r) => r[1].length)) + 2;
  return [
    `# Generated by tools/postbuild.cjs for PUBLIC_URL=${publicUrl}. Netlify syntax.`,
    '# A rule applies only when no file matches the path (Netlify "shadowing"; `/navnenyt`',
    '# matches navnenyt.html), so prerendered pages, assets and API JSON are served as',
    '# themselves; a page route the build did not prerender gets the shell, which renders it',
    '# in the browser; anything else MISSING falls through to the last rule and gets a 404',
    '# status. Cloudflare Pages ignores the 404 line (it supports 200 and 3xx only) and does',
    '# the same on its own, because the site has a top-level 404.html. See docs/deploy.md.',
    ...rows.map(([from, to, code]) => `${from.padEnd(width)}${to.padEnd(tWidth)}${code}`),
  ].join('\n') + '\n';
}

module.exports = {
  PAGE_ROUTES,
  PAGE_FILES,
  SHELL,
  HASHED_NAME,
  CACHE_IMMUTABLE,
  CACHE_REVALIDATE,
  CACHE_MEDIA,
  contentSecurityPolicy,
  headersFile,
  redirectsFile,
};
