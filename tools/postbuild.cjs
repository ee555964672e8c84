#!/usr/bin/env node
// The steps after `trunk build` (tools/build.sh runs them) that turn Trunk's output in
// $DIST_DIR (default dist) into a folder an operator can upload to any CDN as it is, for
// the sub-path in $PUBLIC_URL (default /). Two stages, with the prerender between them:
//
//   node tools/postbuild.cjs shell   Trunk's output as the shell every page is made from:
//                                    the JS glue minified, the wasm trimmed
//                                    (tools/lib/trim-wasm.cjs), their integrity hashes
//                                    recomputed; the web app manifest and icons
//                                    (tools/lib/app-manifest.cjs); index.html kept as
//                                    shell.html.
//   (target/…/prerender)             writes index.html, 404.html and every other page
//                                    (src/prerender/).
//   node tools/postbuild.cjs site    the folder for the CDN: the search index (tools/lib/
//                                    search-index.cjs), the service worker and the offline
//                                    page (tools/lib/service-worker.cjs; SERVICE_WORKER=off
//                                    writes the worker that removes it), every page checked
//                                    against the CSP, then
//     _headers     Netlify / Cloudflare Pages syntax: a strict Content-Security-Policy (with
//                  the SHA-256 of the inline scripts), security headers for every path, and
//                  the cache policy: immutable for Trunk's content-hashed files only;
//     _redirects   page routes without a prerendered file get the shell with 200,
//                  everything else that is not a file 404.html with a real 404 status;
//     X.br, X.gz   precompressed copies beside every text or wasm file of 1 KiB or more
//                  (only those whose file changed since the last run: the publish hook
//                  re-renders a few pages, and a thousand others stay as they are).
//
// docs/deploy.md explains how each host uses these files. `make preview` generates its nginx
// configuration from _headers and _redirects, so what is previewed is what gets deployed.
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const rules = require('./lib/cdn-rules.cjs');
const { inlineScripts, sha256Source, inlineThingsCspWouldBlock } = require('./lib/inline-scripts.cjs');
const { COMPRESSIBLE, MIN_COMPRESS_BYTES, isPrecompressed, precompress, current } = require('./lib/precompress.cjs');
const { trimWasm, trimGlue, WASM_OPT } = require('./lib/trim-wasm.cjs');
const { minifyNames } = require('./lib/minify-names.cjs');
const { buildSearchIndex } = require('./lib/search-index.cjs');
const { writeManifest } = require('./lib/app-manifest.cjs');
const { walk } = require('./lib/files.cjs');
const { writeServiceWorker, removeServiceWorker, SW_META } = require('./lib/service-worker.cjs');

const { HASHED_NAME, SHELL } = rules;
// Marks a page the prerender wrote (src/handover.rs, DATA_ID).
const PRERENDERED = 'id="tidende-data"';

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

function kib(n) {
  return n === undefined ? '-' : `${(n / 1024).toFixed(1)} KiB`;
}

// The integrity Trunk put on the <link> naming `file` (modulepreload, preload), recomputed
// after the file was changed here, or the browser would refuse it.
function updateIntegrity(html, file, bytes) {
  const integrity = `sha384-${crypto.createHash('sha384').update(bytes).digest('base64')}`;
  const name = file.replace(/[.]/g, '\\.');
  const hrefFirst = new RegExp(`(<link[^>]*href=["']?[^"'\\s>]*${name}["']?[^>]*integrity=["']?)sha384-[A-Za-z0-9+/=]+`);
  const integrityFirst = new RegExp(`(<link[^>]*integrity=["']?)sha384-[A-Za-z0-9+/=]+(["']?[^>]*href=["']?[^"'\\s>]*${name})`);
  if (hrefFirst.test(html)) return html.replace(hrefFirst, `$1${integrity}`);
  if (integrityFirst.test(html)) return html.replace(integrityFirst, `$1${integrity}$2`);
  if (html.includes(file) && /integrity=/.test(html)) throw new Error(`could not update the integrity of ${file} in index.html`);
  return html;
}

// Trunk's own minifier fails on wasm-bindgen's glue ("RequiredTokenNotFound"), so the JS
// would ship unminified (Lighthouse flags it; 52 KB raw, 7.6 KB brotli). terser minifies it.
// terser's settings for every script of the build: the glue, the snippets, search.js.
const TERSER = { module: true, compress: { passes: 2 }, mangle: true };

async function minifyGlue(dist, html) {
  const { minify } = require('terser');
  for (const f of fs.readdirSync(dist).filter((f) => HASHED_NAME.test(f) && f.endsWith('.js'))) {
    const file = path.join(dist, f);
    const source = trimGlue(fs.readFileSync(file, 'utf8'));
    const out = await minify(source, TERSER);
    if (!out.code || out.code.length >= source.length) continue;
    fs.writeFileSync(file, out.code);
    html = updateIntegrity(html, f, out.code);
  }
  // The search page's script (src/search.js, copied by Trunk, loaded by src/islands.js).
  const search = path.join(dist, 'search.js');
  if (fs.existsSync(search)) {
    const out = await minify(fs.readFileSync(search, 'utf8'), TERSER);
    if (out.code) fs.writeFileSync(search, out.code);
  }
  // The app's own scripts, which wasm-bindgen copies under snippets/ (src/islands.js),
  // minified too. wasm-bindgen's output folder keeps the snippets of earlier builds, and
  // Trunk preloads them all: one the glue no longer imports is removed with its preload.
  const snippets = path.join(dist, 'snippets');
  const glue = fs.readdirSync(dist).filter((f) => HASHED_NAME.test(f) && f.endsWith('.js'))
    .map((f) => fs.readFileSync(path.join(dist, f), 'utf8')).join('\n');
  for (const f of fs.existsSync(snippets) ? walk(snippets).filter((f) => f.endsWith('.js')) : []) {
    const rel = `snippets/${f}`;
    const file = path.join(dist, rel);
    if (!glue.includes(rel)) {
      fs.rmSync(file);
      const preload = new RegExp(`<link[^>]*href=["']?[^"'\\s>]*${rel.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}["']?[^>]*>\\n?`, 'g');
      html = html.replace(preload, '');
      continue;
    }
    const source = fs.readFileSync(file, 'utf8');
    const out = await minify(source, TERSER);
    if (!out.code || out.code.length >= source.length) continue;
    fs.writeFileSync(file, out.code);
    html = updateIntegrity(html, rel, out.code);
  }
  return html;
}

function checkBaseHref(html, base, where) {
  const baseHref = /<base\s+href=["']?([^"'\s>]+)/i.exec(html);
  if (!baseHref || baseHref[1] !== base) {
    throw new Error(
      `${where} has <base href=${baseHref ? baseHref[1] : '(none)'}>, expected ${base}: ` +
        'was it built with trunk --public-url "$PUBLIC_URL"?'
    );
  }
}

// Trunk's loader: nothing else may run inline, so nothing else gets a hash in the CSP.
function shellScripts(html) {
  const scripts = inlineScripts(html);
  const loaders = scripts.filter((s) => /^type=["']?module["']?$/i.test(s.attrs));
  if (loaders.length !== 1 || scripts.length !== 1) {
    throw new Error(
      `expected Trunk's inline <script type=module> loader alone in the shell, found ${scripts.length}: ` +
        scripts.map((s) => `<script ${s.attrs}>`).join(', ')
    );
  }
  return scripts;
}

async function shellStage(dist, base) {
  const indexPath = path.join(dist, 'index.html');
  if (!fs.existsSync(indexPath)) throw new Error(`no index.html in ${dist}: run trunk build first`);
  let html = fs.readFileSync(indexPath, 'utf8');
  if (html.includes(PRERENDERED)) {
    throw new Error(`${indexPath} is a prerendered page, not Trunk's output: run trunk build first`);
  }
  checkBaseHref(html, base, 'index.html');
  const blocked = inlineThingsCspWouldBlock(html);
  if (blocked.length) throw new Error(`index.html has ${blocked.join(', ')}, which the CSP would block`);
  shellScripts(html);

  // The wasm first: renaming its imports and exports rewrites the glue, which terser then
  // minifies (it renames the glue's `wasm` variable, which the rewriting looks for).
  const wasm = fs.readdirSync(dist).filter((f) => HASHED_NAME.test(f) && f.endsWith('_bg.wasm'));
  for (const f of wasm) {
    const trimmed = await trimWasm(path.join(dist, f));
    const glueFile = path.join(dist, f.replace(/_bg\.wasm$/, '.js'));
    const renamed = minifyNames(path.join(dist, f), fs.readFileSync(glueFile, 'utf8'));
    fs.writeFileSync(glueFile, renamed.js);
    html = updateIntegrity(html, path.basename(glueFile), renamed.js);
    html = updateIntegrity(html, f, fs.readFileSync(path.join(dist, f)));
    const counts = Object.entries(trimmed.stubbed).map(([p, n]) => `${n} ${p}`).join(', ');
    console.log(`postbuild: ${f}: ${kib(trimmed.before)} → ${kib(trimmed.after)} ` +
      `(stubbed ${counts}, ${trimmed.exports} unused exports removed; wasm-opt ${WASM_OPT.join(' ')}; ` +
      `${renamed.imports} imports and ${renamed.exports} exports renamed)`);
  }
  html = await minifyGlue(dist, html);
  // The web app manifest and icons, and the head lines that name them and the service
  // worker (tools/lib/service-worker.cjs writes it in the site stage; src/islands.js
  // registers what this meta names). The theme colours in index.html must be the tokens'.
  const app = writeManifest(dist);
  for (const [scheme, colour] of [['light', app.colours.brand], ['dark', app.colours.darkBg]]) {
    const meta = new RegExp(`<meta[^>]*prefers-color-scheme: ${scheme}[^>]*>`).exec(html)?.[0] || '';
    if (!meta.includes(`content=${colour}`) && !meta.includes(`content="${colour}"`)) {
      throw new Error(`index.html: the ${scheme} theme-color is not ${colour} (style/tokens.css)`);
    }
  }
  if (!html.includes('</head>')) throw new Error('index.html has no </head> for the manifest link');
  html = html.replace('</head>', `<link rel=manifest href=manifest.webmanifest>${SW_META}</head>`);
  console.log(`postbuild: ${app.written.length} files for installing the app (manifest.webmanifest, icons/)`);
  fs.writeFileSync(path.join(dist, SHELL), html);
  fs.rmSync(indexPath);
  console.log(`postbuild: ${path.relative(process.cwd(), dist) || '.'}/${SHELL} is the shell every page is made from`);
}

function siteStage(dist, base, publicUrl) {
  const shellPath = path.join(dist, SHELL);
  if (!fs.existsSync(shellPath)) throw new Error(`no ${SHELL} in ${dist}: run tools/postbuild.cjs shell first`);
  const shell = fs.readFileSync(shellPath, 'utf8');
  // Without the prerender (or where it wrote nothing) the shell serves as both.
  for (const f of ['index.html', '404.html']) {
    if (!fs.existsSync(path.join(dist, f))) fs.copyFileSync(shellPath, path.join(dist, f));
  }
  for (const f of fs.readdirSync(dist)) {
    if (f === '_headers' || f === '_redirects') fs.rmSync(path.join(dist, f));
  }
  const hashes = shellScripts(shell).map((s) => sha256Source(s.bytes));
  // A backend on another origin (make build API=…, tools/set-backend.sh): the app fetches
  // its JSON and shows its media.
  const api = /<meta[^>]*content=["']?(https?:\/\/[^/"'\s>?#]+)[^>]*name=["']?tidende:api|<meta[^>]*name=["']?tidende:api["']?[^>]*content=["']?(https?:\/\/[^/"'\s>?#]+)/i.exec(shell);
  const backendOrigins = api ? [api[1] || api[2]] : [];
  const csp = rules.contentSecurityPolicy(hashes, backendOrigins);

  const files = walk(dist).filter((f) => !isPrecompressed(f));
  // Every page runs under the one policy: only the shell's scripts run inline.
  let pages = 0;
  for (const f of files.filter((f) => f.endsWith('.html'))) {
    const html = fs.readFileSync(path.join(dist, f));
    checkBaseHref(html.toString('utf8'), base, f);
    const blocked = inlineThingsCspWouldBlock(html);
    if (blocked.length) throw new Error(`${f} has ${blocked.join(', ')}, which the CSP would block`);
    for (const script of inlineScripts(html)) {
      if (!hashes.includes(sha256Source(script.bytes))) {
        throw new Error(`${f}: an inline <script ${script.attrs}> that is not the shell's, which the CSP would block`);
      }
    }
    pages++;
  }
  fs.writeFileSync(path.join(dist, '_headers'), rules.headersFile({ base, csp, files, publicUrl }));
  fs.writeFileSync(path.join(dist, '_redirects'), rules.redirectsFile({ base, publicUrl }));

  const sizes = new Map();
  let compressed = 0;
  let kept = 0;
  let small = 0;
  for (const f of files) {
    if (!COMPRESSIBLE.has(path.extname(f))) continue;
    const full = path.join(dist, f);
    if (fs.statSync(full).size < MIN_COMPRESS_BYTES) {
      for (const ext of ['br', 'gz']) fs.rmSync(`${full}.${ext}`, { force: true });
      small++;
      continue;
    }
    if (current(full) && !/\.(wasm|js|css)$/.test(f)) {
      kept++;
      continue;
    }
    sizes.set(f, precompress(full));
    compressed++;
  }

  const rel = path.relative(process.cwd(), dist) || '.';
  console.log(`postbuild: ${rel} for ${base}: ${files.length} files (${pages} pages, + _headers, _redirects), ` +
    `${compressed} precompressed (.br + .gz), ${kept} unchanged since the last run, ${small} under 1 KiB left as they are`);
  console.log(`postbuild: CSP script hashes ${hashes.join(' ')}`);
  const rows = [...sizes].filter(([f]) => !f.includes('/') && /\.(wasm|js|css)$/.test(f));
  if (rows.length === 0) return;
  const w = Math.max(...rows.map(([f]) => f.length));
  console.log(`postbuild:   ${'file'.padEnd(w)}  ${'raw'.padStart(11)}  ${'gzip'.padStart(11)}  ${'brotli'.padStart(11)}`);
  for (const [f, s] of rows) {
    console.log(`postbuild:   ${f.padEnd(w)}  ${kib(s.raw).padStart(11)}  ${kib(s.gz).padStart(11)}  ${kib(s.br).padStart(11)}`);
  }
}

async function main() {
  const stage = process.argv[2];
  const dist = path.resolve(process.env.DIST_DIR || 'dist');
  const publicUrl = process.env.PUBLIC_URL || '/';
  const base = normalizePublicUrl(publicUrl);
  if (stage === 'shell') await shellStage(dist, base);
  else if (stage === 'site') {
    const search = await buildSearchIndex(dist);
    console.log(`postbuild: search index of ${search.pages} articles, ${kib(search.bytes)} (dist/pagefind)`);
    if (process.env.SERVICE_WORKER === 'off') {
      const off = removeServiceWorker(dist);
      console.log(`postbuild: SERVICE_WORKER=off: sw.js removes the worker browsers have; ${off.pages} pages no longer name one`);
    } else {
      const sw = await writeServiceWorker(dist);
      console.log(`postbuild: sw.js precaches ${sw.count} files, ${kib(sw.size)}; offline.html`);
    }
    siteStage(dist, base, publicUrl);
  }
  else throw new Error('usage: tools/postbuild.cjs shell|site');
}

module.exports = {
  ...rules,
  inlineScripts,
  sha256Source,
  normalizePublicUrl,
};

if (require.main === module) {
  main().catch((e) => {
    console.error(`postbuild: ${e.message}`);
    process.exit(1);
  });
}
