// What the report's header records about the run: date, commit, the wasm measured, the
// machine and its load, and the versions of Node and playwright-core.
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ROOT, sh } = require('./settings.cjs');
const { fmt } = require('./stats.cjs');

function environment(dist) {
  const cpuinfo = fs.readFileSync('/proc/cpuinfo', 'utf8');
  const model = (/^model name\s*:\s*(.*)$/m.exec(cpuinfo) || [])[1] || 'unknown';
  const changed = (sh('git', ['status', '--porcelain', '--untracked-files=no']) || '').split('\n').filter(Boolean);
  const wasm = fs.readdirSync(dist).find((f) => f.endsWith('_bg.wasm'));
  const size = (f) => (fs.existsSync(path.join(dist, f)) ? fs.statSync(path.join(dist, f)).size : null);
  return {
    date: new Date().toISOString(),
    commit: sh('git', ['rev-parse', 'HEAD']),
    commitSubject: sh('git', ['log', '-1', '--format=%s']),
    branch: sh('git', ['rev-parse', '--abbrev-ref', 'HEAD']),
    uncommittedTrackedFiles: changed.length,
    nproc: Number(sh('nproc', [])) || os.cpus().length,
    cpuModel: model,
    memoryGiB: os.totalmem() / 2 ** 30,
    loadAverageAtStart: os.loadavg(),
    node: process.version,
    playwrightCore: require('playwright-core/package.json').version,
    dist,
    distIsWorkingTree: dist === path.join(ROOT, 'dist'),
    wasm: wasm && { file: wasm, bytes: size(wasm), brotliBytes: size(`${wasm}.br`), builtAt: fs.statSync(path.join(dist, wasm)).mtime.toISOString() },
  };
}

// The report's title and header lines.
function header(r) {
  const e = r.env;
  return [
    '# Tidende performance benchmark',
    '',
    `- Date: ${e.date}`,
    `- Commit: ${e.commit ? e.commit.slice(0, 12) : 'unknown'} on ${e.branch} ("${e.commitSubject}")${e.uncommittedTrackedFiles ? `, with ${e.uncommittedTrackedFiles} tracked file(s) changed in the working tree` : ''}`,
    `- Build: ${e.distIsWorkingTree ? 'dist' : e.dist}/${e.wasm ? `${e.wasm.file} ${fmt(e.wasm.bytes / 1024)} KiB (${fmt(e.wasm.brotliBytes / 1024)} KiB brotli), built ${e.wasm.builtAt}` : '?'}`,
    `- Chromium: ${r.chromiumVersion} (${process.env.CHROME_PATH || '/usr/bin/chromium'}, headless, via playwright-core ${e.playwrightCore})`,
    `- Machine: ${e.nproc} CPUs (nproc), ${e.cpuModel}, ${fmt(e.memoryGiB, 1)} GiB RAM, Node ${e.node}; load average ${e.loadAverageAtStart.map((x) => x.toFixed(2)).join(' ')} at start, ${r.loadAverageAtEnd.map((x) => x.toFixed(2)).join(' ')} at end`,
    `- Cases: ${r.options.only.join(', ')}; ${r.options.runs} runs per page-load case`,
    '',
  ];
}

module.exports = { environment, header };
