// A second deployment made from a first, for e2e/offline.test.cjs: a build whose
// stylesheet and JS glue differ (new content, so new hashed names, as a real new build's
// would), with every page naming the new files and their integrity, then the build's own
// last stage (tools/postbuild.cjs site: CSP hashes, _headers, the service worker,
// compression) run over it. The wasm is the same file, so the test does not wait for a
// second `trunk build`.
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { HASHED_NAME } = require('../../tools/lib/cdn-rules.cjs');
const { walk } = require('../../tools/lib/files.cjs');

const REPO = path.resolve(__dirname, '../..');
// What the second deployment's stylesheet says, for the test to read back.
const MARK = '--tidende-udgave';

const sri = (bytes) => `sha384-${crypto.createHash('sha384').update(bytes).digest('base64')}`;

// Rewrites the build in `root` as the next deployment; returns the old and new file names.
function deployAgain(root, publicUrl) {
  const top = fs.readdirSync(root);
  const css = top.find((f) => HASHED_NAME.test(f) && f.endsWith('.css'));
  const glue = top.find((f) => HASHED_NAME.test(f) && f.endsWith('.js'));
  const renamed = {};
  for (const [name, extra] of [[css, `\n:root{${MARK}:2}`], [glue, '\n//2']]) {
    const bytes = Buffer.concat([fs.readFileSync(path.join(root, name)), Buffer.from(extra)]);
    const hash = crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 16);
    const next = name.replace(/-[0-9a-f]{8,16}(?=\.)/, `-${hash}`);
    fs.writeFileSync(path.join(root, next), bytes);
    for (const suffix of ['', '.br', '.gz']) fs.rmSync(path.join(root, name + suffix), { force: true });
    renamed[name] = { next, integrity: sri(bytes) };
  }
  for (const f of walk(root).filter((f) => f.endsWith('.html'))) {
    const file = path.join(root, f);
    let html = fs.readFileSync(file, 'utf8');
    for (const [old, { next, integrity }] of Object.entries(renamed)) {
      html = html.replace(new RegExp(`(<link\\b[^>]*${old.replace(/\./g, '\\.')}[^>]*\\bintegrity=)[^\\s>]+`, 'g'), `$1${integrity}`);
      html = html.split(old).join(next);
    }
    fs.writeFileSync(file, html);
    for (const suffix of ['.br', '.gz']) fs.rmSync(file + suffix, { force: true });
  }
  execFileSync('node', [path.join(REPO, 'tools/postbuild.cjs'), 'site'], {
    cwd: REPO,
    env: { ...process.env, DIST_DIR: root, PUBLIC_URL: publicUrl },
    stdio: 'ignore',
  });
  return { css: [css, renamed[css].next], glue: [glue, renamed[glue].next] };
}

module.exports = { deployAgain, MARK };
