#!/usr/bin/env node
// The post-build step (tools/build.sh runs it after `trunk build`): turns Trunk's output in
// $DIST_DIR (default dist) into a folder an operator can upload to any CDN as it is, for
// the sub-path in $PUBLIC_URL (default /).
//
//   404.html     a copy of the final index.html: the app renders its own 404 page from the
//                path, so hosts that serve 404.html for unknown paths show the real thing.
//   _headers     Netlify / Cloudflare Pages syntax: a strict Content-Security-Policy (with
//                the SHA-256 of Trunk's inline loader), security headers for every path,
//                and the cache policy: immutable for Trunk's content-hashed files only.
//   _redirects   Netlify syntax (Cloudflare Pages reads it too): page routes rewrite to
//                index.html with 200, everything else that is not a file gets 404.html with
//                a real 404 status.
//   X.br, X.gz   precompressed copies beside every text or wasm file of 1 KiB or more, for
//                servers that serve them as they are (nginx brotli_static/gzip_static,
//                `make preview`); hosts that compress on their own simply ignore them.
//
// docs/deploy.md explains how each host uses these files. `make preview` generates its nginx
// configuration from _headers and _redirects, so what is previewed is what gets deployed.
'use strict';
const crypto = require('node:crypto');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

// The app's routes other than "/" (src/router.rs, src/routes.rs), as _redirects paths.
// e2e/cdn.test.cjs checks that this list still matches the router.
const PAGE_ROUTES = ['artikel/*', 'navnenyt', 'job'];

// Trunk's content-hashed names: `tidende-<16 hex>.js`, `tidende-<16 hex>_bg.wasm`, …
const HASHED_NAME = /^[^/]+-[0-9a-f]{16}(?:_bg)?\.[A-Za-z0-9]+$/;
const COMPRESSIBLE = new Set(['.js', '.wasm', '.css', '.html', '.json', '.svg', '.txt']);
// Below 1 KiB a response fits in one packet whatever its encoding, and brotli/gzip framing
// can make a tiny file larger; such files are served as they are.
const MIN_COMPRESS_BYTES = 1024;

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
// allowed by its hash; 'wasm-unsafe-eval' lets the page compile its own WebAssembly (it
// allows no JavaScript eval). `backendOrigins` is what tools/set-backend.sh adds for a
// backend on another origin: the app fetches JSON from it and shows its media.
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

// The inline scripts of an HTML file, as the exact bytes between `<script …>` and
// `</script>` (what the browser hashes), with the attributes of their opening tags.
function inlineScripts(html) {
  const text = html.toString('utf8');
  const scripts = [];
  const re = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
  for (let m; (m = re.exec(text)); ) {
    if (/\bsrc\s*=/i.test(m[1])) continue;
    scripts.push({ attrs: m[1].trim(), bytes: Buffer.from(m[2], 'utf8') });
  }
  return scripts;
}

function sha256Source(bytes) {
  return `sha256-${crypto.createHash('sha256').update(bytes).digest('base64')}`;
}

// Things in the HTML that a CSP without 'unsafe-inline' would block: fail the build rather
// than ship a page that breaks under its own policy.
function inlineThingsCspWouldBlock(html) {
  const text = html.toString('utf8');
  const found = [];
  if (/<style\b/i.test(text)) found.push('a <style> element');
  if (/<[a-z][^>]*\sstyle\s*=/i.test(text)) found.push('a style="…" attribute');
  if (/<[a-z][^>]*\son[a-z]+\s*=/i.test(text)) found.push('an on…= event handler attribute');
  if (/(?:href|src)\s*=\s*["']?\s*javascript:/i.test(text)) found.push('a javascript: URL');
  return found;
}

// `/`, `/nyheder/`: the path the site is served under, with a leading and trailing slash.
function normalizePublicUrl(publicUrl) {
  const raw = (publicUrl || '/').trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(raw) || raw.startsWith('//')) {
    throw new Error(
      `PUBLIC_URL=${raw}: give the path the site is served under (e.g. /nyheder/); ` +
        'assets on another origin would need their own headers and CSP sources'
    );
  }
  let p = raw.startsWith('/') ? raw : `/${raw}`;
  if (!p.endsWith('/')) p += '/';
  return p.replace(/\/{2,}/g, '/');
}

function walk(dir, rel = '') {
  const out = [];
  for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...walk(dir, r));
    else if (entry.isFile()) out.push(r);
  }
  return out.sort();
}

const isPrecompressed = (rel) => rel.endsWith('.br') || rel.endsWith('.gz');

// The Cache-Control rules: [pattern relative to the site root, value, comment], so that
// every file of the dist matches exactly one of them, and no path matches two (Netlify and
// Cloudflare join the values of every matching rule with a comma).
function cacheRules(files) {
  const rules = [];
  const hashed = files.filter((f) => !f.includes('/') && HASHED_NAME.test(f));
  for (const f of hashed) rules.push([f, CACHE_IMMUTABLE, 'content-hashed by Trunk']);
  // The HTML shell under every name it is served by: it names the current hashed files.
  rules.push(['', CACHE_REVALIDATE, 'the HTML shell, under every path that serves it']);
  for (const f of ['index.html', '404.html']) rules.push([f, CACHE_REVALIDATE]);
  for (const r of PAGE_ROUTES) rules.push([r, CACHE_REVALIDATE]);
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
  // Any other file Trunk copied unhashed (robots.txt): revalidate.
  const covered = new Set(['index.html', '404.html', ...hashed, ...api]);
  for (const f of files) {
    if (!covered.has(f) && !isPrecompressed(f) && !f.startsWith('_')) {
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
  for (const r of PAGE_ROUTES) rows.push([`${base}${r}`, `${base}index.html`, '200']);
  rows.push([`${base}*`, `${base}404.html`, '404']);
  const width = Math.max(...rows.map((r) => r[0].length)) + 2;
  const tWidth = Math.max(...rows.map((r) => r[1].length)) + 2;
  return [
    `# Generated by tools/postbuild.cjs for PUBLIC_URL=${publicUrl}. Netlify syntax.`,
    '# A rule applies only when no file matches the path (Netlify "shadowing"), so assets and',
    '# API JSON are served as themselves; a MISSING one falls through to the last rule and',
    '# gets a 404 status. Cloudflare Pages ignores the 404 line (it supports 200 and 3xx only)',
    '# and does the same on its own, because the site has a top-level 404.html. See',
    '# docs/deploy.md.',
    ...rows.map(([from, to, code]) => `${from.padEnd(width)}${to.padEnd(tWidth)}${code}`),
  ].join('\n') + '\n';
}

function gzip(raw, file) {
  try {
    execFileSync('zopfli', ['--version'], { stdio: 'ignore' });
    return execFileSync('zopfli', ['--gzip', '-c', file], { maxBuffer: 1 << 30 });
  } catch {
    return zlib.gzipSync(raw, { level: 9, memLevel: 9 });
  }
}

// Gives `outs` the mtime of `file`, to the nanosecond (`touch -r`; fs.utimes has only
// microseconds), so Last-Modified is the same whichever encoding is served.
function keepMtime(file, outs) {
  if (outs.length === 0) return;
  try {
    execFileSync('touch', ['-r', file, ...outs]);
  } catch {
    const { atime, mtime } = fs.statSync(file);
    for (const out of outs) fs.utimesSync(out, atime, mtime);
  }
}

// Writes X.br (brotli quality 11, window 24: what `brotli -q 11` does; Node bundles Google's
// encoder) and X.gz (zopfli when installed, else gzip -9) beside `file`, with its mtime.
// Returns the sizes; a variant that is not smaller than the file is not written.
function precompress(file) {
  const raw = fs.readFileSync(file);
  const text = !file.endsWith('.wasm');
  const br = zlib.brotliCompressSync(raw, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_LGWIN]: 24,
      [zlib.constants.BROTLI_PARAM_MODE]: text
        ? zlib.constants.BROTLI_MODE_TEXT
        : zlib.constants.BROTLI_MODE_GENERIC,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
    },
  });
  const gz = gzip(raw, file);
  const sizes = { raw: raw.length };
  const written = [];
  for (const [ext, data] of [['br', br], ['gz', gz]]) {
    const out = `${file}.${ext}`;
    if (data.length < raw.length) {
      fs.writeFileSync(out, data);
      written.push(out);
      sizes[ext] = data.length;
    }
  }
  keepMtime(file, written);
  return sizes;
}

function kib(n) {
  return n === undefined ? '-' : `${(n / 1024).toFixed(1)} KiB`;
}

// Trunk's own minifier fails on wasm-bindgen's glue ("RequiredTokenNotFound"), so the JS
// would ship unminified (Lighthouse flags it; 52 KB raw, 7.6 KB brotli). terser minifies
// it here; the integrity hash Trunk put on its <link rel=modulepreload> is recomputed, or
// the browser would refuse the changed file.
async function minifyGlue(dist, indexPath) {
  const { minify } = require('terser');
  let html = fs.readFileSync(indexPath, 'utf8');
  for (const f of fs.readdirSync(dist).filter((f) => HASHED_NAME.test(f) && f.endsWith('.js'))) {
    const file = path.join(dist, f);
    const source = fs.readFileSync(file, 'utf8');
    const out = await minify(source, { module: true, compress: { passes: 2 }, mangle: true });
    if (!out.code || out.code.length >= source.length) continue;
    fs.writeFileSync(file, out.code);
    const integrity = `sha384-${crypto.createHash('sha384').update(out.code).digest('base64')}`;
    const link = new RegExp(`(<link[^>]*href=["']?[^"'\\s>]*${f.replace(/[.]/g, '\\.')}["']?[^>]*integrity=["']?)sha384-[A-Za-z0-9+/=]+`);
    const linkFirst = new RegExp(`(<link[^>]*integrity=["']?)sha384-[A-Za-z0-9+/=]+(["']?[^>]*href=["']?[^"'\\s>]*${f.replace(/[.]/g, '\\.')})`);
    if (link.test(html)) html = html.replace(link, `$1${integrity}`);
    else if (linkFirst.test(html)) html = html.replace(linkFirst, `$1${integrity}$2`);
    else if (html.includes(f) && /integrity=/.test(html)) throw new Error(`could not update the integrity of ${f} in index.html`);
  }
  fs.writeFileSync(indexPath, html);
}

async function main() {
  const dist = path.resolve(process.env.DIST_DIR || 'dist');
  const publicUrl = process.env.PUBLIC_URL || '/';
  const base = normalizePublicUrl(publicUrl);
  const indexPath = path.join(dist, 'index.html');
  if (!fs.existsSync(indexPath)) throw new Error(`no index.html in ${dist}: run trunk build first`);

  // Start from what Trunk wrote: a re-run must not see its own output as input.
  for (const f of walk(dist)) {
    if (isPrecompressed(f) || f === '404.html' || f === '_headers' || f === '_redirects') {
      fs.rmSync(path.join(dist, f));
    }
  }

  await minifyGlue(dist, indexPath);
  const html = fs.readFileSync(indexPath);
  const baseHref = /<base\s+href=["']?([^"'\s>]+)/i.exec(html.toString('utf8'));
  if (!baseHref || baseHref[1] !== base) {
    throw new Error(
      `index.html has <base href=${baseHref ? baseHref[1] : '(none)'}>, expected ${base}: ` +
        'was it built with trunk --public-url "$PUBLIC_URL"?'
    );
  }
  const blocked = inlineThingsCspWouldBlock(html);
  if (blocked.length) {
    throw new Error(`index.html has ${blocked.join(', ')}, which the CSP would block`);
  }
  // Trunk's loader, and index.html's own preload script (marked data-preload); nothing
  // else may be inline, so nothing else gets a hash in the CSP.
  const scripts = inlineScripts(html);
  const loaders = scripts.filter((s) => /^type=["']?module["']?$/i.test(s.attrs));
  const ours = scripts.filter((s) => /^data-preload$/i.test(s.attrs));
  if (loaders.length !== 1 || ours.length > 1 || loaders.length + ours.length !== scripts.length) {
    throw new Error(
      `expected Trunk's inline <script type=module> loader and at most one <script data-preload> ` +
        `in index.html, found ${scripts.length}: ${scripts.map((s) => `<script ${s.attrs}>`).join(', ')}`
    );
  }
  const hashes = scripts.map((s) => sha256Source(s.bytes));
  const csp = contentSecurityPolicy(hashes);

  fs.copyFileSync(indexPath, path.join(dist, '404.html'));
  const files = walk(dist);
  fs.writeFileSync(path.join(dist, '_headers'), headersFile({ base, csp, files, publicUrl }));
  fs.writeFileSync(path.join(dist, '_redirects'), redirectsFile({ base, publicUrl }));

  const sizes = new Map();
  let compressed = 0;
  let skipped = 0;
  for (const f of files) {
    if (!COMPRESSIBLE.has(path.extname(f))) continue;
    const full = path.join(dist, f);
    if (fs.statSync(full).size < MIN_COMPRESS_BYTES) {
      skipped++;
      continue;
    }
    sizes.set(f, precompress(full));
    compressed++;
  }

  const rel = path.relative(process.cwd(), dist) || '.';
  console.log(`postbuild: ${rel} for ${base}: ${files.length} files (+ _headers, _redirects), ` +
    `${compressed} precompressed (.br + .gz), ${skipped} under 1 KiB left as they are`);
  console.log(`postbuild: CSP script hash ${hashes.join(' ')}`);
  const rows = [...sizes].filter(([f]) => !f.includes('/') && /\.(wasm|js|css)$/.test(f));
  const w = Math.max(...rows.map(([f]) => f.length));
  console.log(`postbuild:   ${'file'.padEnd(w)}  ${'raw'.padStart(11)}  ${'gzip'.padStart(11)}  ${'brotli'.padStart(11)}`);
  for (const [f, s] of rows) {
    console.log(`postbuild:   ${f.padEnd(w)}  ${kib(s.raw).padStart(11)}  ${kib(s.gz).padStart(11)}  ${kib(s.br).padStart(11)}`);
  }
}

module.exports = {
  contentSecurityPolicy,
  inlineScripts,
  sha256Source,
  normalizePublicUrl,
  PAGE_ROUTES,
  HASHED_NAME,
  CACHE_IMMUTABLE,
  CACHE_REVALIDATE,
  CACHE_MEDIA,
};

if (require.main === module) {
  main().catch((e) => {
    console.error(`postbuild: ${e.message}`);
    process.exit(1);
  });
}
