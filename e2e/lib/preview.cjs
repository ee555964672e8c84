// Serves a built folder through nginx, configured the way a CDN serves the site: the nginx
// configuration is generated FROM the build's own `_headers` and `_redirects` (written by
// tools/postbuild.cjs), so what is previewed is what gets deployed.
// Used by `make preview` (tools/preview.sh) and by every end-to-end test.
//
//   const server = await startPreview({ root: 'dist' });   // publicUrl from <base href>
//   … server.url + '/navnenyt' …
//   server.stop();
//
// What the generated configuration does, host by host the same:
//   - a request for an existing file is served as that file (brotli_static/gzip_static pick
//     X.br or X.gz by Accept-Encoding, with Vary: Accept-Encoding); `/x` serves x.html when
//     there is one (the prerendered pages, as Netlify and Cloudflare Pages serve them);
//     `dir/` serves dir/index.html when there is one;
//   - anything else goes through the `_redirects` rules in order (Netlify "shadowing": a
//     rule only applies when no file matches): 200 rewrites internally, 3xx redirects,
//     other statuses serve the target file with that status; no rule: nginx's own 404;
//   - every `_headers` rule whose path matches the request path (not the rewritten one, as
//     on Netlify and Cloudflare) adds its headers to the response, whatever its status.
//     Two matching rules with the same header give two header lines, which HTTP reads like
//     the comma-joined value those hosts send.
'use strict';
const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const BROTLI_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

// ---- _headers and _redirects (Netlify syntax, the subset tools/postbuild.cjs writes) ----

// [{ path, headers: [[name, value]] }] in file order.
function parseHeaders(text) {
  const rules = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim() || line.trim().startsWith('#')) return;
    if (!/^\s/.test(line)) {
      rules.push({ path: line.trim(), headers: [] });
      return;
    }
    const m = /^\s+([A-Za-z0-9-]+)\s*:\s*(.*?)\s*$/.exec(line);
    if (!m || rules.length === 0) throw new Error(`_headers line ${i + 1}: cannot read "${line}"`);
    rules[rules.length - 1].headers.push([m[1], m[2]]);
  });
  return rules;
}

// [{ from, to, status }] in file order.
function parseRedirects(text) {
  const rules = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const fields = line.replace(/#.*$/, '').trim().split(/\s+/).filter(Boolean);
    if (fields.length === 0) return;
    const where = `_redirects line ${i + 1} ("${line.trim()}")`;
    if (fields.length < 2 || fields.length > 3) {
      throw new Error(`${where}: the preview knows "from to [status]" only`);
    }
    const status = fields[2] || '301'; // Netlify's default
    if (!/^\d{3}$/.test(status)) {
      throw new Error(`${where}: status "${status}" (forced rules and conditions are not previewed)`);
    }
    rules.push({ from: fields[0], to: fields[1], status: Number(status) });
  });
  return rules;
}

// A Netlify path pattern as an anchored PCRE for nginx: `*` (a splat, any characters) and
// `:name` segments (placeholders). Literal characters are written as [c] classes, so the
// regex needs no backslashes inside the quoted nginx string.
function patternRegex(pattern, { capture = false } = {}) {
  if (!pattern.startsWith('/')) throw new Error(`path "${pattern}": only site paths are previewed`);
  let re = '^';
  for (let i = 0; i < pattern.length; ) {
    const c = pattern[i];
    if (c === '*') {
      re += capture ? '(?<tidende_splat>.*)' : '.*';
      i++;
    } else if (c === ':' && pattern[i - 1] === '/') {
      const name = /^:([A-Za-z_][A-Za-z0-9_]*)/.exec(pattern.slice(i))[1];
      re += capture ? `(?<tidende_p_${name}>[^/]+)` : '[^/]+';
      i += name.length + 1;
    } else if (/[A-Za-z0-9/_~%-]/.test(c)) {
      re += c;
      i++;
    } else if (/[.+!(),;=@]/.test(c)) {
      re += `[${c}]`;
      i++;
    } else {
      throw new Error(`path "${pattern}": character "${c}" is not previewed`);
    }
  }
  return `${re}$`;
}

// A redirect target with :splat and :placeholders as the nginx variables captured above.
function targetWithCaptures(to) {
  return to.replace(/:splat\b/g, '${tidende_splat}').replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, (m, name, off) =>
    to[off - 1] === '/' || off === 0 ? `\${tidende_p_${name}}` : m
  );
}

// An nginx double-quoted string. nginx has no escape for `$` in a value (it always starts
// a variable), so header values must not contain one; regexes (`$` anchors) and targets
// (our own capture variables) may.
function q(value, { dollar = false } = {}) {
  if (!dollar && value.includes('$')) throw new Error(`"${value}": a "$" cannot be previewed`);
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

// The http{} part generated from the two files: maps from the request path to each rule's
// header values, the add_header lines, and the body of the fallback location.
function cdnRules({ headersText, redirectsText }) {
  const maps = [];
  const addHeaders = [];
  parseHeaders(headersText).forEach((rule, r) => {
    const re = patternRegex(rule.path);
    rule.headers.forEach(([name, value], h) => {
      const v = `$tidende_r${r}_h${h}`;
      maps.push(`  map $tidende_path ${v} {\n    default "";\n    ${q(`~${re}`, { dollar: true })} ${q(value)};\n  }`);
      // Server level only, so every location inherits all of them (an add_header in a
      // location would drop the inherited ones). An empty value adds no header.
      addHeaders.push(`    add_header ${name} ${v} always;  # ${rule.path}`);
    });
  });

  const fallback = [];
  const statusPages = new Set();
  for (const { from, to, status } of parseRedirects(redirectsText)) {
    const re = patternRegex(from, { capture: true });
    const target = targetWithCaptures(to);
    const external = /^https?:\/\//.test(to);
    if (status === 200) {
      if (external) throw new Error(`_redirects ${from} ${to} 200: proxying is not previewed`);
      fallback.push(`      rewrite ${q(re, { dollar: true })} ${q(target, { dollar: true })} last;`);
    } else if (status >= 300 && status < 400) {
      fallback.push(`      if ($uri ~ ${q(re, { dollar: true })}) { return ${status} ${q(target, { dollar: true })}; }`);
    } else {
      if (external) throw new Error(`_redirects ${from} ${to} ${status}: the target must be a file`);
      statusPages.add(status);
      fallback.push(
        `      if ($uri ~ ${q(re, { dollar: true })}) { set $tidende_page ${q(target, { dollar: true })}; return ${status}; }`
      );
    }
  }
  return { maps, addHeaders, fallback, statusPages: [...statusPages].sort() };
}

// The nginx configuration serving `siteRoot` (a folder whose URL paths are the site's
// paths) on `port`, with all state in `workDir`.
function nginxConfig({ siteRoot, port, workDir, headersText, redirectsText }) {
  const user = process.getuid && process.getuid() === 0 ? 'user root;' : '';
  const { maps, addHeaders, fallback, statusPages } = cdnRules({ headersText, redirectsText });
  const errorPages = statusPages.length ? `    error_page ${statusPages.join(' ')} $tidende_page;` : '';
  return `# Generated by e2e/lib/preview.cjs from _headers and _redirects: do not edit.
load_module ${BROTLI_MODULE};
${user}
worker_processes 1;
daemon off;
pid ${workDir}/nginx.pid;
error_log ${workDir}/error.log warn;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  # What Debian's list lacks and CDNs know: the web app manifest (tools/lib/app-manifest.cjs).
  types { application/manifest+json webmanifest; }
  default_type application/octet-stream;
  access_log off;
  sendfile on;
  server_tokens off;
  client_body_temp_path ${workDir}/body;
  proxy_temp_path ${workDir}/proxy;
  fastcgi_temp_path ${workDir}/fastcgi;
  uwsgi_temp_path ${workDir}/uwsgi;
  scgi_temp_path ${workDir}/scgi;

  # Precompressed X.br / X.gz beside the files (tools/postbuild.cjs), never compressed here.
  brotli_static on;
  gzip_static on;
  gzip_vary on;
  gzip off;
  charset utf-8;
  charset_types text/css text/plain text/xml application/javascript text/javascript
                application/json image/svg+xml application/manifest+json;

  # The request path without its query: what _headers rules match (the path the client
  # asked for, not the file a rewrite serves).
  map $request_uri $tidende_path {
    "~^(?<tidende_q>[^?]*)" $tidende_q;
  }

${maps.join('\n')}

  server {
    listen 127.0.0.1:${port};
    root ${siteRoot};
    absolute_redirect off;

    # _headers
${addHeaders.join('\n')}

    # _redirects: statuses other than 200 and 3xx serve their target with that status.
${errorPages}

    location / {
      try_files $uri $uri.html @redirects;
    }
    # A directory serves its index.html, if it has one (as on every static host).
    location ~ "/$" {
      try_files \${uri}index.html @redirects;
    }
    # The hosts read these two files and never serve them.
    location ~ "/_(?:headers|redirects)$" {
      try_files /.tidende-never @redirects;
    }
    # No file at the path: the _redirects rules, in order.
    location @redirects {
      set $tidende_page /.tidende-no-rule;
${fallback.join('\n')}
      return 404;
    }
    # No rule matched: nginx's own 404 page.
    location = /.tidende-no-rule {
      internal;
      return 404;
    }
  }
}
`;
}

// The sub-path a build was made for, from its index.html's <base href> (Trunk writes the
// public URL there).
function publicUrlOf(root) {
  const html = fs.readFileSync(path.join(root, 'index.html'), 'utf8');
  const m = /<base\s+href=["']?([^"'\s>]+)/i.exec(html);
  return m ? m[1] : '/';
}

// Fails early when a port asked for is taken: nginx would keep retrying for seconds, and a
// connection test would reach whatever already listens there.
function assertPortFree(port) {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', (e) =>
      reject(new Error(e.code === 'EADDRINUSE' ? `port ${port} is in use (PORT=… picks another)` : e.message))
    );
    srv.listen(port, '127.0.0.1', () => srv.close(resolve));
  });
}

async function waitForListen(port, child, workDir) {
  let exited = null;
  child.once('exit', (code, signal) => {
    exited = { code, signal };
  });
  for (let i = 0; i < 200; i++) {
    if (exited) break;
    try {
      await new Promise((resolve, reject) => {
        const s = net.connect(port, '127.0.0.1', () => {
          s.end();
          resolve();
        });
        s.on('error', reject);
      });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  let log = '';
  try {
    log = fs.readFileSync(path.join(workDir, 'error.log'), 'utf8');
  } catch {}
  throw new Error(`nginx did not start on 127.0.0.1:${port}${exited ? ` (exit ${exited.code})` : ''}\n${log}`);
}

// Starts nginx serving the build in `root` under `publicUrl` (default: its <base href>);
// resolves to { url, port, publicUrl, workDir, config, stop() }. `url` has no trailing
// slash and no sub-path: request `${url}/nyheder/…` for a sub-path build.
async function startPreview({ root, publicUrl, port } = {}) {
  const absRoot = path.resolve(root);
  if (!fs.existsSync(path.join(absRoot, 'index.html'))) {
    throw new Error(`no index.html in ${absRoot}: run \`make build\` first`);
  }
  for (const f of ['_headers', '_redirects']) {
    if (!fs.existsSync(path.join(absRoot, f))) {
      throw new Error(`no ${f} in ${absRoot}: build with tools/build.sh (it runs tools/postbuild.cjs)`);
    }
  }
  const base = (() => {
    let p = publicUrl || publicUrlOf(absRoot);
    if (!p.startsWith('/')) p = `/${p}`;
    return p.endsWith('/') ? p : `${p}/`;
  })();
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tidende-nginx-'));
  // The URL space as the CDN has it: the build's files under the sub-path.
  let siteRoot = absRoot;
  if (base !== '/') {
    siteRoot = path.join(workDir, 'site');
    const link = path.join(siteRoot, base.slice(1, -1));
    fs.mkdirSync(path.dirname(link), { recursive: true });
    fs.symlinkSync(absRoot, link);
  }
  if (port) await assertPortFree(port);
  const listenPort = port || (await freePort());
  const config = nginxConfig({
    siteRoot,
    port: listenPort,
    workDir,
    headersText: fs.readFileSync(path.join(absRoot, '_headers'), 'utf8'),
    redirectsText: fs.readFileSync(path.join(absRoot, '_redirects'), 'utf8'),
  });
  const conf = path.join(workDir, 'nginx.conf');
  fs.writeFileSync(conf, config);
  const cleanup = () => fs.rmSync(workDir, { recursive: true, force: true });
  try {
    execFileSync('nginx', ['-t', '-q', '-c', conf, '-p', workDir], { stdio: 'inherit' });
  } catch (e) {
    throw new Error(`nginx rejected the generated configuration ${conf}: ${e.message}`);
  }
  const child = spawn('nginx', ['-c', conf, '-p', workDir], { stdio: ['ignore', 'inherit', 'inherit'] });
  let stopping = false;
  const exited = new Promise((resolve) => child.once('exit', (code) => resolve({ code, stopping })));
  exited.then(cleanup);
  try {
    await waitForListen(listenPort, child, workDir);
  } catch (e) {
    child.kill('SIGTERM');
    throw e;
  }
  return {
    url: `http://127.0.0.1:${listenPort}`,
    port: listenPort,
    publicUrl: base,
    workDir,
    config,
    // Resolves to { code, stopping } when nginx exits, whether stopped or not.
    exited,
    // Stops nginx (graceful: SIGQUIT) and removes its temp dir; resolves once it has exited.
    stop() {
      stopping = true;
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGQUIT');
      return exited;
    },
  };
}

module.exports = { startPreview, nginxConfig, parseHeaders, parseRedirects, patternRegex, publicUrlOf };

// `node e2e/lib/preview.cjs <dist> [port]`: what tools/preview.sh runs.
if (require.main === module) {
  const [root = 'dist', port] = process.argv.slice(2);
  startPreview({ root, port: port ? Number(port) : undefined })
    .then((server) => {
      console.log(`preview: ${root} served like the CDN at ${server.url}${server.publicUrl}  (Ctrl-C stops)`);
      const stop = () => server.stop().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      server.exited.then(({ code, stopping }) => {
        if (!stopping) {
          console.error(`preview: nginx exited (code ${code})`);
          process.exit(1);
        }
      });
    })
    .catch((e) => {
      console.error(`preview: ${e.message}`);
      process.exit(1);
    });
}
