// Site folders for the cases that need another backend than the build's (scale, prerender):
// a copy of the bench site without its api/ and its prerendered pages, a backend written
// into it by examples/generate.rs, and the postbuild stage that makes it servable.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { spawnSync, execFileSync } = require('node:child_process');
const { ROOT, PRERENDERED, log, sh } = require('./settings.cjs');

// Not copied: the sample backend (a generated one takes its place) and the static baseline
// the benchmark added to its snapshot.
const SKIP = new Set(['api', 'bench-static']);

function copySite(src, dest) {
  fs.cpSync(src, dest, { recursive: true, filter: (f) => !SKIP.has(path.relative(src, f).split(path.sep)[0]) });
  return dest;
}

// Removes every page the prerender wrote (an .html file with the data block), with its
// .br/.gz, and the folders that leaves empty; api/ is not looked at. Returns their paths.
function removePrerendered(dir) {
  const removed = [];
  const walk = (rel) => {
    const here = path.join(dir, rel);
    for (const entry of fs.readdirSync(here, { withFileTypes: true })) {
      const name = path.join(rel, entry.name);
      if (entry.isDirectory()) {
        if (rel === '' && entry.name === 'api') continue;
        walk(name);
        if (fs.readdirSync(path.join(dir, name)).length === 0) fs.rmdirSync(path.join(dir, name));
      } else if (entry.name.endsWith('.html') && fs.readFileSync(path.join(dir, name), 'utf8').includes(PRERENDERED)) {
        for (const suffix of ['', '.br', '.gz']) fs.rmSync(path.join(dir, name + suffix), { force: true });
        removed.push(name);
      }
    }
  };
  walk('');
  return removed.sort();
}

// The sub-path the build is for, from the shell's <base href> (as tools/prerender.sh reads it).
function basePath(dir) {
  const shell = fs.readFileSync(path.join(dir, 'shell.html'), 'utf8');
  const m = /<base\s+href=["']?([^"'\s>]+)/i.exec(shell);
  return m ? m[1] : '/';
}

// tools/postbuild.cjs site on `dir`: _headers and _redirects for the files that are there
// now, and the .br/.gz copies of those that changed (the generated JSON included).
function postbuildSite(dir) {
  execFileSync('node', [path.join(ROOT, 'tools/postbuild.cjs'), 'site'], {
    cwd: ROOT,
    env: { ...process.env, DIST_DIR: dir, PUBLIC_URL: basePath(dir) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

// The generator runs from the working tree while it compiles; once it has not, from HEAD
// for the rest of the run.
let headSource = null;
let headReason = null;

// cargo run --release --example generate -- --out OUT ARGS…, from the working tree, or from
// an export of HEAD when the crate does not compile there. Returns what it printed, where
// the generator came from and how long it took.
function generateBackend(out, args, workDir) {
  const full = ['run', '--release', '--quiet', '--example', 'generate', '--', '--out', out, ...args];
  const cargo = (cwd, env) => spawnSync('cargo', full, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 26 });
  log(`cargo ${full.join(' ')}`);
  const t0 = Date.now();
  // TIDENDE_BENCH_GENERATOR=head skips the working tree (and tests the fallback below).
  const forceHead = process.env.TIDENDE_BENCH_GENERATOR === 'head';
  let r = null;
  if (!headSource) {
    r = forceHead ? { status: -1, stderr: 'error: TIDENDE_BENCH_GENERATOR=head' } : cargo(ROOT, process.env);
    if (r.status === 0) return done('working tree');
    // The crate must compile for the example to run, and src/ may be in the middle of an
    // edit: then the generator of the last commit, built in an export of HEAD with its own
    // target dir (kept under target/, so the next time builds in seconds).
    headReason = ((r.stderr || '').match(/^error.*$/m) || [`exit ${r.status}`])[0];
    log(`the generator does not build from the working tree (${headReason}); building it from HEAD`);
    headSource = path.join(workDir, 'head');
    fs.mkdirSync(headSource, { recursive: true });
    execFileSync('bash', ['-c', 'git archive --format=tar HEAD | tar -x -C "$1"', 'export', headSource], { cwd: ROOT });
  }
  r = cargo(headSource, { ...process.env, CARGO_TARGET_DIR: path.join(ROOT, 'target/bench-generator') });
  if (r.status !== 0) throw new Error(`the generator failed from HEAD too (exit ${r.status}):\n${(r.stderr || '').slice(-3000)}`);
  return done(`HEAD ${sh('git', ['rev-parse', '--short=12', 'HEAD'])} (the working tree did not compile: ${headReason})`);

  function done(generator) {
    const seconds = (Date.now() - t0) / 1000;
    log(`${r.stdout.trim()} (${seconds.toFixed(0)} s)`);
    return { generator, stdout: r.stdout.trim(), seconds };
  }
}

module.exports = { copySite, removePrerendered, postbuildSite, generateBackend, basePath };
