// The benchmark's settings shared by every case: where the project is, the case names, the
// mobile profile of the load cases, fixed counts and timeouts; and the progress log.
'use strict';

const path = require('node:path');
const { execFileSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '../..');

const CASES = ['article', 'baseline', 'front', 'navigation', 'lighthouse', 'scale', 'prerender', 'memory'];

// The mobile profile, applied through CDP to every measured page of the load cases.
const PROFILE = {
  cpuRate: 4,
  network: { offline: false, latency: 40, downloadThroughput: 10e6 / 8, uploadThroughput: 5e6 / 8 },
  device: { width: 412, height: 823, deviceScaleFactor: 2.625, mobile: true },
};
const SETTLE_TIMEOUT = 90_000;
// Marks a page the prerender wrote (src/handover.rs, DATA_ID; tools/postbuild.cjs looks for
// the same string).
const PRERENDERED = 'id="tidende-data"';

// Progress goes to stderr; the report to stdout.
const log = (...a) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...a);

// A command's trimmed stdout in the project root, or null when it fails.
function sh(cmd, args) {
  try {
    return execFileSync(cmd, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

module.exports = { ROOT, CASES, PROFILE, SETTLE_TIMEOUT, PRERENDERED, log, sh };
