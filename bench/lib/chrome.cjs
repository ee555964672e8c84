// A Chromium the benchmark starts itself with a remote-debugging port (for Lighthouse,
// which drives the browser through that port rather than through playwright-core).
'use strict';

const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { ROOT } = require('./settings.cjs');
const { CHROMIUM_ARGS } = require(path.join(ROOT, 'e2e/lib/browser.cjs'));

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

// The flags of e2e/lib/browser.cjs, --headless=new and a temporary profile; resolves once
// /json/version answers, with the port, that version and stop().
async function startChrome() {
  const port = await freePort();
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tidende-bench-chrome-'));
  const args = [...CHROMIUM_ARGS, '--headless=new', `--remote-debugging-port=${port}`, `--user-data-dir=${userDataDir}`, 'about:blank'];
  const child = spawn(process.env.CHROME_PATH || '/usr/bin/chromium', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) break;
    try {
      const res = await fetch(`http://127.0.0.1:${port}/json/version`);
      if (res.ok) {
        const version = await res.json();
        return {
          port,
          version,
          async stop() {
            if (child.exitCode === null) child.kill('SIGTERM');
            await exited;
            fs.rmSync(userDataDir, { recursive: true, force: true });
          },
        };
      }
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGTERM');
  throw new Error(`Chromium with --remote-debugging-port=${port} did not come up:\n${stderr}`);
}

module.exports = { freePort, startChrome };
