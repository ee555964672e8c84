// The `memory` case: client-side navigations along a cycle of related reads, sampling the
// JS heap, the wasm memory and the DOM every 20th; then the exact live Rust heap from a
// build with a counting allocator (e2e/lib/alloc-walk.cjs); and the report.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { ROOT, log } = require('../lib/settings.cjs');
const { fmt, table } = require('../lib/stats.cjs');
const { newPage, waitSettled } = require('../lib/page.cjs');
const { startPreview } = require(path.join(ROOT, 'e2e/lib/preview.cjs'));
const { SEED } = require(path.join(ROOT, 'e2e/lib/site.cjs'));
const { allocWalk, articleSteps, leastSquaresSlope, PAGE_STEPS, LEAK_BYTES_PER_NAVIGATION, CHECKPOINT } = require(path.join(ROOT, 'e2e/lib/alloc-walk.cjs'));

const MEMORY_NAVIGATIONS = 200; // default of --memory-navigations
// Samples every 20th navigation, as the live-heap walks do: their tables line up.
const MEMORY_CHECKPOINT = CHECKPOINT;

// A closed walk seed → … → seed along related reads (dist/api/related), as long as
// possible among the cycle lengths dividing 20, so every 20th navigation lands on the seed
// again and the checkpoints compare the same page.
function navigationCycle(dist) {
  const dir = path.join(dist, 'api/related');
  const graph = {};
  for (const f of fs.readdirSync(dir)) {
    if (!f.endsWith('.json')) continue;
    const doc = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
    graph[f.slice(0, -5)] = doc.items.map((i) => i.slug);
  }
  const seed = SEED.split('/').pop();
  let best = null;
  const fits = (len) => MEMORY_CHECKPOINT % len === 0;
  const dfs = (pathSoFar) => {
    const here = pathSoFar[pathSoFar.length - 1];
    for (const next of graph[here] || []) {
      if (next === seed && pathSoFar.length > 1 && fits(pathSoFar.length)) {
        if (!best || pathSoFar.length > best.length) best = [...pathSoFar];
      } else if (!pathSoFar.includes(next) && pathSoFar.length < MEMORY_CHECKPOINT) {
        dfs([...pathSoFar, next]);
      }
    }
  };
  dfs([seed]);
  if (!best) throw new Error('no cycle of related reads through the seed article');
  return best;
}

// The memory case's exact figure: the Rust heap's live bytes, from a build with a counting
// allocator (src/alloc_stats.rs, `--features alloc-stats`), over two walks
// (e2e/lib/alloc-walk.cjs): the article cycle of the memory case, and one through every
// kind of page. The linear memory only grows in 64 KiB pages; this sees every byte.
function buildAllocVariant(workDir) {
  const out = path.join(workDir, 'alloc-stats-dist');
  log('memory: building the alloc-stats variant (tools/build.sh with CARGO_FEATURES=alloc-stats)');
  execFileSync(path.join(ROOT, 'tools/build.sh'), [], {
    cwd: ROOT,
    env: { ...process.env, DIST_DIR: out, PUBLIC_URL: '/', CARGO_FEATURES: 'alloc-stats' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return out;
}

async function allocWalks(browser, dist, workDir, navigations) {
  const cycle = navigationCycle(dist);
  const variant = buildAllocVariant(workDir);
  const server = await startPreview({ root: variant });
  const result = {};
  try {
    for (const [name, steps] of [['articles', articleSteps(cycle)], ['pages', PAGE_STEPS]]) {
      result[name] = await allocWalk(browser, server.url, steps, navigations);
      const w = result[name];
      const first = w.samples.find((x) => x.navigations === MEMORY_CHECKPOINT);
      const last = w.samples[w.samples.length - 1];
      log(`memory (alloc-stats): ${name}: ${fmt(w.bytesPerNavigation, 1)} B per navigation, live ${fmt(first.bytes / 1024)} → ${fmt(last.bytes / 1024)} KiB`);
    }
  } finally {
    await server.stop();
  }
  return result;
}

async function memoryCase(browser, server, dist, workDir, navigations) {
  const cycle = navigationCycle(dist);
  log(`memory: cycle of ${cycle.length} articles: ${cycle.join(' → ')} → …`);
  const { context, page, cdp } = await newPage(browser, { throttle: false, ready: 'main article h1', collect: false });
  const samples = [];
  try {
    await page.goto(server.url + SEED);
    // Settled includes the app being live (the prerendered page has its links before).
    await waitSettled(page);
    await page.waitForLoadState('networkidle');
    await cdp.send('HeapProfiler.enable');
    const sample = async (n) => {
      await page.waitForTimeout(300);
      for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
      const heap = await cdp.send('Runtime.getHeapUsage');
      const inPage = await page.evaluate(() => ({
        wasmBytes: window.__bench.wasm && window.__bench.wasm.memory ? window.__bench.wasm.memory.buffer.byteLength : null,
        nodes: document.getElementsByTagName('*').length,
        path: location.pathname,
      }));
      const s = { navigations: n, jsHeapUsed: heap.usedSize, jsHeapTotal: heap.totalSize, embedderHeapUsed: heap.embedderHeapUsedSize, backingStorage: heap.backingStorageSize, ...inPage };
      samples.push(s);
      log(`memory: after ${n}: JS heap ${fmt(s.jsHeapUsed / 1024)} KiB, wasm ${fmt(s.wasmBytes / 1024)} KiB, ${s.nodes} nodes at ${s.path}`);
    };
    await sample(0);
    const t0 = Date.now();
    for (let n = 1; n <= navigations; n++) {
      const next = cycle[n % cycle.length];
      const link = page.locator(`.region--related .related-item a[href$="/artikel/${next}"]`).first();
      const old = await page.evaluate(() => document.querySelector('main article h1')?.textContent);
      await link.click();
      await page.waitForFunction(
        ({ slug, old }) => {
          const h = document.querySelector('main article h1');
          return location.pathname.endsWith(`/artikel/${slug}`) && h && h.textContent !== old && !document.querySelector('.skeleton');
        },
        { slug: next, old },
        { timeout: 20_000 }
      );
      if (n % MEMORY_CHECKPOINT === 0) await sample(n);
    }
    const elapsed = (Date.now() - t0) / 1000;
    const a = samples.find((s) => s.navigations === MEMORY_CHECKPOINT);
    const b = samples.find((s) => s.navigations === navigations);
    const growth = (x, y) => (x ? y / x - 1 : NaN);
    // Least-squares slope per navigation over the samples from the 20th on: a slow leak
    // shows as a steady slope even when it stays under the bars.
    const slope = (key) =>
      leastSquaresSlope(samples.filter((s) => s.navigations >= MEMORY_CHECKPOINT && s[key] != null).map((s) => [s.navigations, s[key]]));
    const result = {
      navigations,
      cycle,
      elapsedSeconds: elapsed,
      samples,
      after20: a,
      after200: b,
      growth: { jsHeap: growth(a.jsHeapUsed, b.jsHeapUsed), wasm: growth(a.wasmBytes, b.wasmBytes), nodes: growth(a.nodes, b.nodes) },
      bytesPerNavigation: { jsHeap: slope('jsHeapUsed'), wasm: slope('wasmBytes') },
      problems: page.problems,
    };
    result.leak = {
      jsHeap: result.growth.jsHeap > 0.25,
      wasm: result.growth.wasm > 0.25,
      nodes: Math.abs(result.growth.nodes) > 0.1,
    };
    result.exact = await allocWalks(browser, dist, workDir, navigations);
    result.leak.heapBytes = Object.values(result.exact).some((w) => w.leak);
    result.leak.any = result.leak.jsHeap || result.leak.wasm || result.leak.nodes || result.leak.heapBytes;
    result.problems = [...(result.problems || []), ...Object.values(result.exact).flatMap((w) => w.problems)];
    return result;
  } finally {
    await context.close();
  }
}

function report(r) {
  const m = r.cases.memory;
  if (!m) return [];
  const L = [];
  const kib = (x) => (x == null ? '–' : `${fmt(x / 1024)} KiB`);
  const pct = (x) => (Number.isFinite(x) ? `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%` : '–');
  L.push('## Memory', '');
  L.push(`${m.navigations} client-side navigations (a click on a related read, then wait for the new h1 and no skeleton) along the cycle ${m.cycle.map((x) => `\`${x}\``).join(' → ')} → …, so every ${MEMORY_CHECKPOINT}th lands on the seed article. Before each sample: HeapProfiler.collectGarbage ×3. JS heap: Runtime.getHeapUsage usedSize; wasm: the exports' memory.buffer.byteLength (from TrunkApplicationStarted). ${fmt(m.elapsedSeconds, 0)} s in all, no throttling.`, '');
  L.push(table(['navigations', 'JS heap used', 'wasm memory', 'DOM nodes', 'page'], m.samples.map((x) => [String(x.navigations), kib(x.jsHeapUsed), kib(x.wasmBytes), fmt(x.nodes), `\`${x.path}\``])));
  L.push('');
  L.push(`After ${m.navigations} vs. after ${MEMORY_CHECKPOINT}: JS heap ${pct(m.growth.jsHeap)}, wasm memory ${pct(m.growth.wasm)}, DOM nodes ${pct(m.growth.nodes)}; least-squares slope from the ${MEMORY_CHECKPOINT}th on: JS heap ${fmt(m.bytesPerNavigation.jsHeap)} B and wasm memory ${fmt(m.bytesPerNavigation.wasm)} B per navigation. **${m.leak.any ? `Leak flagged: ${Object.entries(m.leak).filter(([k, v]) => k !== 'any' && v).map(([k]) => k).join(', ')}` : 'No leak flagged'}** (bars: heap or wasm +25%, nodes ±10%, live Rust heap more than ${LEAK_BYTES_PER_NAVIGATION} B per navigation below).`, '');
  if (m.exact) {
    L.push('### Live Rust heap (counting allocator)', '');
    L.push(`The same build with \`--features alloc-stats\` (src/alloc_stats.rs): every byte the wasm's allocator has handed out and not taken back, read after each ${MEMORY_CHECKPOINT}th navigation (300 ms after it settled). Two walks of ${m.navigations} navigations from the seed article: **articles**, the cycle above; **pages**, Navnenyt → Job → Forside → the seed article → … through the main navigation, so every page kind is built and dropped ${m.navigations / 4} times.`, '');
    const rows = m.exact.articles.samples.map((a, i) => {
      const b = m.exact.pages.samples[i];
      return [String(a.navigations), `${fmt(a.bytes)} B`, fmt(a.allocations), b ? `${fmt(b.bytes)} B` : '–', b ? fmt(b.allocations) : '–'];
    });
    L.push(table(['navigations', 'articles: live bytes', 'allocations', 'pages: live bytes', 'allocations'], rows));
    L.push('');
    for (const [name, w] of Object.entries(m.exact)) {
      L.push(`- ${name}: ${fmt(w.bytesPerNavigation, 1)} bytes and ${fmt(w.allocationsPerNavigation, 2)} allocations per navigation from the ${MEMORY_CHECKPOINT}th on (least squares). **${w.leak ? 'Leak' : 'No leak'}** (bar: ${LEAK_BYTES_PER_NAVIGATION} B per navigation).`);
    }
    L.push('');
  }
  return L;
}

module.exports = { MEMORY_NAVIGATIONS, MEMORY_CHECKPOINT, memoryCase, report };
