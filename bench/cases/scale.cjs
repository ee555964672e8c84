// The `scale` case: a generated backend (long articles, 10,000 people-news entries, a
// 1,000-article index) behind the same build, rendered in the browser from the shell; the
// render times, their growth with size, and the report.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { ROOT, log } = require('../lib/settings.cjs');
const { stats, median, fmt, fmtStats, table } = require('../lib/stats.cjs');
const { newPage, waitSettled } = require('../lib/page.cjs');
const { copySite, removePrerendered, postbuildSite, generateBackend } = require('../lib/site.cjs');
const { startPreview } = require(path.join(ROOT, 'e2e/lib/preview.cjs'));

const BLOCK_COUNTS = [100, 1000, 5000];
const SCALE_RUNS = 5;
const SCALE_CLICKS = 10;
const GENERATE_ARGS = ['--articles', '1000', '--blocks', BLOCK_COUNTS.join(','), '--people', '10000', '--jobs', '200'];

// The scale site is client-rendered, as every site was before the prerender: the copy's
// prerendered pages were made from the SAMPLE backend (another site's articles, lists and
// page counts), and prerendering the generated one would turn these render measurements
// into hydration ones, not comparable with the earlier runs in docs/perf.md. So its
// prerendered pages go (with their .br/.gz), the shell serves as index.html and 404.html
// (what tools/postbuild.cjs does for a build without prerender), and the postbuild stage
// writes _headers, _redirects (every page route gets the shell) and the compressed copies
// for the files as they are now.
function generateScaleSite(snapshot, workDir) {
  const site = copySite(snapshot, path.join(workDir, 'scale-site'));
  const removed = removePrerendered(site);
  const gen = generateBackend(path.join(site, 'api'), GENERATE_ARGS, workDir);
  for (const f of ['index.html', '404.html']) fs.copyFileSync(path.join(site, 'shell.html'), path.join(site, f));
  postbuildSite(site);
  log(`scale: ${removed.length} prerendered pages removed; the site renders from the shell`);
  return { site, generator: gen.generator, removedPages: removed.length };
}

// One unthrottled cold load of `url`; resolves when the frame after `watch` is produced.
// Render time: from the responseEnd of `json` (Resource Timing) to that frame. The shell
// has no early fetch any more (the inline preload script is gone), so the app requests the
// JSON only once it runs: `ms` is the render alone, what earlier runs reported as "from
// JSON end or app start"; `fromLive` counts from the app's `tidende:live` mark (just after
// it mounted), so it is the fetch plus the render.
async function renderOnce(browser, url, watch, json) {
  const { context, page } = await newPage(browser, { throttle: false, ready: watch.selector, watch });
  try {
    await page.goto(url, { waitUntil: 'commit' });
    await page.benchSignal('watched');
    const r = await page.evaluate(async (jsonPath) => {
      const m = window.__bench;
      const { at, frame } = m.watchedResult;
      const entries = performance.getEntriesByType('resource').filter((e) => new URL(e.name).pathname === jsonPath);
      const e = entries[entries.length - 1];
      const live = performance.getEntriesByName('tidende:live')[0];
      return {
        at,
        frame,
        responseEnd: e ? e.responseEnd : null,
        requestStart: e ? e.startTime : null,
        jsonBytes: e ? e.decodedBodySize : null,
        fetches: entries.length,
        appStartedAt: m.appStartedAt,
        liveAt: live ? live.startTime : null,
        appMode: document.documentElement.getAttribute('data-app'),
        nodes: document.getElementsByTagName('*').length,
      };
    }, json);
    if (r.responseEnd == null) throw new Error(`no resource entry for ${json} on ${url}`);
    // A page that was hydrated came from a prerendered file: not the site this case is for.
    if (r.appMode !== 'rendered') throw new Error(`${url}: data-app="${r.appMode}", expected "rendered" (the scale site has no prerendered pages)`);
    return {
      ms: r.frame - r.responseEnd,
      fromLive: r.liveAt != null ? r.frame - r.liveAt : null,
      domMs: r.at - r.responseEnd,
      jsonStart: r.requestStart,
      jsonEnd: r.responseEnd,
      liveAt: r.liveAt,
      appStartedAt: r.appStartedAt,
      nodes: r.nodes,
      jsonBytes: r.jsonBytes,
      fetches: r.fetches,
      page,
      context,
    };
  } catch (e) {
    await context.close();
    throw e;
  }
}

const pick = (r) => ({ ms: r.ms, fromLive: r.fromLive, domMs: r.domMs, jsonStart: r.jsonStart, jsonEnd: r.jsonEnd, liveAt: r.liveAt, appStartedAt: r.appStartedAt, nodes: r.nodes, jsonBytes: r.jsonBytes, problems: r.page.problems });

async function scaleCase(browser, snapshot, workDir) {
  const { site, generator, removedPages } = generateScaleSite(snapshot, workDir);
  const server = await startPreview({ root: site });
  const out = { generator, removedPages, articles: [], people: null, front: null };
  try {
    // Long articles, and an ordinary generated one (8 blocks) for the fixed part.
    for (const [slug, blocks] of [['artikel-0', 8], ...BLOCK_COUNTS.map((n) => [`lang-artikel-${n}-blokke`, n])]) {
      const runs = [];
      for (let i = 0; i < SCALE_RUNS; i++) {
        const r = await renderOnce(browser, `${server.url}/artikel/${slug}`, { selector: '.article-body > *', count: blocks }, `/api/articles/${slug}.json`);
        runs.push(pick(r));
        await r.context.close();
      }
      const s = { slug, blocks, runs, ms: stats(runs.map((r) => r.ms)), fromLive: stats(runs.map((r) => r.fromLive)), nodes: median(runs.map((r) => r.nodes)), jsonBytes: runs[0].jsonBytes };
      log(`scale: ${slug}: ${fmt(s.ms.median)} ms, ${s.nodes} nodes`);
      out.articles.push(s);
    }

    // People news: the first page, then ten "Vis flere".
    const peopleRuns = [];
    for (let i = 0; i < SCALE_RUNS; i++) {
      const r = await renderOnce(browser, `${server.url}/navnenyt`, { selector: 'main .people-item', count: 10 }, '/api/people/1.json');
      const { page, context } = r;
      const clicks = [];
      try {
        await waitSettled(page);
        for (let k = 1; k <= SCALE_CLICKS; k++) {
          const want = 10 * (k + 1);
          await page.evaluate((n) => {
            const m = window.__bench;
            m.armClick();
            m.whenFrame(() => document.querySelectorAll('main .people-item').length >= n).then((r) => {
              m.moreResult = r;
              m.signal('more');
            });
          }, want);
          await page.click('main .load-more__button');
          await page.benchSignal('more', k, 30_000);
          const c = await page.evaluate(async () => {
            const m = window.__bench;
            const { at, frame } = m.moreResult;
            return { ms: frame - m.clickAt, domMs: at - m.clickAt, nodes: document.getElementsByTagName('*').length, items: document.querySelectorAll('main .people-item').length };
          });
          clicks.push(c);
          // The button shows "Henter …" until the page is in; wait for it to be idle again.
          await page.waitForFunction(() => !document.querySelector('main .load-more__button[aria-disabled="true"]'));
        }
        peopleRuns.push({ first: pick(r), clicks, problems: page.problems });
      } finally {
        await context.close();
      }
      log(`scale: people run ${i + 1}/${SCALE_RUNS}: first ${fmt(r.ms)} ms; clicks ${clicks.map((c) => fmt(c.ms)).join(' ')} ms`);
    }
    out.people = {
      first: { ms: stats(peopleRuns.map((r) => r.first.ms)), fromLive: stats(peopleRuns.map((r) => r.first.fromLive)), nodes: median(peopleRuns.map((r) => r.first.nodes)) },
      clicks: Array.from({ length: SCALE_CLICKS }, (_, k) => ({
        click: k + 1,
        items: median(peopleRuns.map((r) => r.clicks[k].items)),
        ms: stats(peopleRuns.map((r) => r.clicks[k].ms)),
        nodes: median(peopleRuns.map((r) => r.clicks[k].nodes)),
      })),
      runs: peopleRuns,
    };

    // Front page with 1,000 articles in the index: page 1 (20 teasers).
    const frontRuns = [];
    for (let i = 0; i < SCALE_RUNS; i++) {
      const r = await renderOnce(browser, `${server.url}/`, { selector: '.teaser-list .teaser', count: 20 }, '/api/articles/index/1.json');
      frontRuns.push(pick(r));
      await r.context.close();
    }
    out.front = { ms: stats(frontRuns.map((r) => r.ms)), fromLive: stats(frontRuns.map((r) => r.fromLive)), nodes: median(frontRuns.map((r) => r.nodes)), runs: frontRuns };
    log(`scale: front: ${fmt(out.front.ms.median)} ms, ${out.front.nodes} nodes`);
  } finally {
    await server.stop();
  }
  out.growth = growth(out.articles);
  const clicks = out.people.clicks;
  out.people.lastVsFirstClick = clicks[clicks.length - 1].ms.median / clicks[0].ms.median;
  out.problems = [...new Set([
    ...out.articles.flatMap((a) => a.runs.flatMap((r) => r.problems)),
    ...out.people.runs.flatMap((r) => r.problems),
    ...out.front.runs.flatMap((r) => r.problems),
  ])];
  return out;
}

// Growth per block, and the incremental cost between consecutive sizes: what each extra
// block costs there (the fixed part cancels out).
function growth(articles) {
  const by = Object.fromEntries(articles.map((a) => [a.blocks, a]));
  const small = by[BLOCK_COUNTS[0]];
  const large = by[BLOCK_COUNTS[BLOCK_COUNTS.length - 1]];
  const per = (a) => ({ msPerBlock: a.ms.median / a.blocks, nodesPerBlock: a.nodes / a.blocks });
  const steps = [];
  for (let i = 1; i < BLOCK_COUNTS.length; i++) {
    const a = by[BLOCK_COUNTS[i - 1]];
    const b = by[BLOCK_COUNTS[i]];
    steps.push({ from: a.blocks, to: b.blocks, msPerBlock: (b.ms.median - a.ms.median) / (b.blocks - a.blocks), nodesPerBlock: (b.nodes - a.nodes) / (b.blocks - a.blocks) });
  }
  const perBlockGrowth = per(large).msPerBlock / per(small).msPerBlock;
  const stepGrowth = steps[steps.length - 1].msPerBlock / steps[0].msPerBlock;
  const nodeGrowth = per(large).nodesPerBlock / per(small).nodesPerBlock;
  return {
    perBlock: articles.map((a) => ({ blocks: a.blocks, ...per(a) })),
    steps,
    perBlockGrowth,
    stepGrowth,
    nodeGrowth,
    linearOrBetter: perBlockGrowth <= 1.5 && stepGrowth <= 1.5 && nodeGrowth <= 1.5,
  };
}

function report(r) {
  const s = r.cases.scale;
  if (!s) return [];
  const L = [];
  L.push('## Scale (generated backend, no throttling)', '');
  L.push(`Generated with \`cargo run --release --example generate -- ${GENERATE_ARGS.join(' ')}\` (generator from the ${s.generator}) into a copy of dist/ (api/ replaced) that renders every page in the browser, as before the prerender: its ${s.removedPages} prerendered pages (made from the sample backend) removed, the shell as index.html and 404.html, then \`tools/postbuild.cjs site\` (_headers, _redirects, .br/.gz of the generated JSON too). Mobile viewport, no CPU or network throttling, fresh context per run, median of ${SCALE_RUNS}. Render time: from the JSON document's responseEnd (Resource Timing) to the second requestAnimationFrame after the last expected element is in the DOM (for an article: \`.article-body\` has as many children as the article has blocks). The shell no longer fetches the first view's JSON early, so the app asks for it once it runs and the render time is the render alone (earlier runs' "from JSON end or app start" column); "from app live" counts from the \`tidende:live\` mark (the app mounted): the JSON's fetch plus the render.`, '');
  L.push('### Long articles', '');
  L.push(table(['article', 'blocks', 'JSON KiB', 'render ms median (min–max, IQR)', 'from app live (fetch + render)', 'DOM nodes', 'ms / block', 'nodes / block'], s.articles.map((a) => [
    `\`${a.slug}\``, fmt(a.blocks), fmt(a.jsonBytes / 1024, 1), fmtStats(a.ms), fmtStats(a.fromLive), fmt(a.nodes), fmt(a.ms.median / a.blocks, 3), fmt(a.nodes / a.blocks, 2),
  ])));
  L.push('');
  L.push(table(['step', 'extra ms per extra block', 'extra nodes per extra block'], s.growth.steps.map((st) => [`${st.from} → ${st.to}`, fmt(st.msPerBlock, 3), fmt(st.nodesPerBlock, 2)])));
  L.push('');
  L.push(`Growth ${BLOCK_COUNTS[0]} → ${BLOCK_COUNTS[BLOCK_COUNTS.length - 1]} blocks: ms per block ×${s.growth.perBlockGrowth.toFixed(2)}, extra ms per extra block (last step vs. first step) ×${s.growth.stepGrowth.toFixed(2)}, nodes per block ×${s.growth.nodeGrowth.toFixed(2)}. **${s.growth.linearOrBetter ? 'Linear or better' : 'Worse than linear'}** (bar: none of these grows more than ×1.5).`, '');
  L.push('### People news, 10,000 entries (1,000 pages of 10)', '');
  L.push(table(['step', 'entries', 'ms median (min–max, IQR)', 'DOM nodes'], [
    ['first page (render from people/1.json)', '10', `${fmtStats(s.people.first.ms)}; from app live: ${fmt(s.people.first.fromLive.median)}`, fmt(s.people.first.nodes)],
    ...s.people.clicks.map((c) => [`"Vis flere" #${c.click} (click → frame)`, fmt(c.items), fmtStats(c.ms), fmt(c.nodes)]),
  ]));
  L.push('');
  L.push(`Click #${SCALE_CLICKS} vs. click #1: ×${s.people.lastVsFirstClick.toFixed(2)}.`, '');
  L.push('### Front page, 1,000 articles in the index', '');
  L.push(table(['page', 'render ms median (min–max, IQR)', 'from app live (fetch + render)', 'DOM nodes'], [['page 1 (20 teasers, from articles/index/1.json)', fmtStats(s.front.ms), fmtStats(s.front.fromLive), fmt(s.front.nodes)]]));
  L.push('');
  return L;
}

module.exports = { scaleCase, report };
