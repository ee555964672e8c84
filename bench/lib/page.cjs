// The measured page: the init script the benchmark installs in every page it measures
// (benchInit: performance observers, the "settled" moment, click and frame timing), a
// fresh browser context with the mobile profile through CDP (newPage), and the reading of
// one cold load (readLoad).
'use strict';

const { PROFILE, SETTLE_TIMEOUT } = require('./settings.cjs');

// In-page instrumentation, installed with page.addInitScript (DevTools protocol: the page's
// CSP does not apply to it, and the page itself needs nothing of it).
function benchInit(opts) {
  if (window.__bench) return;
  const m = {
    paint: [],
    lcp: [],
    shifts: [],
    longtasks: [],
    firstInput: null,
    settledAt: null,
    appStartedAt: null,
    wasm: null,
    clickAt: null,
    errors: [],
  };
  window.__bench = m;
  // Tells the benchmark that something happened, through a CDP binding (Runtime.addBinding):
  // the benchmark waits for these instead of evaluating script in the page while it loads.
  m.signal = (name) => {
    try {
      window.__benchSignal(name);
    } catch {}
  };
  // The memory case turns the entry collection off: its arrays would grow with every
  // navigation and count in the JS heap being measured.
  const observe = (type, onEntry) => {
    if (opts.collect === false) return;
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(onEntry)).observe({ type, buffered: true });
    } catch (e) {
      m.errors.push(`${type}: ${e.message}`);
    }
  };
  const describe = (el) => {
    if (!el) return null;
    const cls = (e) => (typeof e.className === 'string' && e.className.trim() ? `.${e.className.trim().split(/\s+/).join('.')}` : '');
    const holder = el.parentElement && el.parentElement.closest('[class]');
    return `${el.tagName.toLowerCase()}${cls(el)}${holder ? ` in ${holder.tagName.toLowerCase()}${cls(holder)}` : ''}`;
  };
  observe('paint', (e) => m.paint.push({ name: e.name, startTime: e.startTime }));
  observe('largest-contentful-paint', (e) =>
    m.lcp.push({ startTime: e.startTime, renderTime: e.renderTime, loadTime: e.loadTime, size: e.size, url: e.url, element: describe(e.element) })
  );
  observe('layout-shift', (e) =>
    m.shifts.push({
      startTime: e.startTime,
      value: e.value,
      hadRecentInput: e.hadRecentInput,
      sources: (e.sources || []).map((src) => describe(src.node)),
    })
  );
  observe('longtask', (e) => m.longtasks.push({ startTime: e.startTime, duration: e.duration }));
  observe('first-input', (e) => {
    if (m.firstInput == null) m.firstInput = e.startTime;
  });
  // Trunk's loader: detail.wasm are the wasm exports (their `memory` is the linear memory).
  addEventListener('TrunkApplicationStarted', (ev) => {
    m.appStartedAt = performance.now();
    m.wasm = ev.detail && ev.detail.wasm;
  });

  // Resolves with { at, frame } once pred() holds: `at` when the DOM mutation that made it
  // true ran, `frame` in the second requestAnimationFrame after it, i.e. once the frame
  // showing the change has been produced.
  m.whenFrame = (pred) =>
    new Promise((resolve) => {
      const hit = () => {
        const at = performance.now();
        requestAnimationFrame(() => requestAnimationFrame(() => resolve({ at, frame: performance.now() })));
      };
      if (pred()) return hit();
      const mo = new MutationObserver(() => {
        if (pred()) {
          mo.disconnect();
          hit();
        }
      });
      mo.observe(document, { childList: true, subtree: true, characterData: true });
    });
  // The next click anywhere: performance.now() in a capture listener on window, which runs
  // before the app's own handlers.
  m.armClick = () => {
    m.clickAt = null;
    addEventListener(
      'click',
      (e) => {
        m.clickAt = performance.now();
        m.clickTimeStamp = e.timeStamp;
      },
      { capture: true, once: true }
    );
  };

  // Settled: the page's main content is there (opts.ready), no region shows a skeleton, the
  // document has been parsed and, for the app (opts.live), the app has taken the page over
  // (`data-app` on <html>, set with the `tidende:live` mark). A prerendered page has its
  // content from the first parse, so without that last condition "settled" would come
  // before the wasm had even arrived, and TBT (which ends at settled) would miss the
  // hydration's tasks. settledAt is the time of the mutation that completed it.
  m.settled = new Promise((resolve) => {
    const check = () => {
      if (m.settledAt != null) return;
      if (document.readyState === 'loading') return;
      if (!document.querySelector(opts.ready)) return;
      if (document.querySelector('.skeleton')) return;
      if (opts.live && !(document.documentElement && document.documentElement.hasAttribute('data-app'))) return;
      m.settledAt = performance.now();
      mo.disconnect();
      resolve(m.settledAt);
      m.signal('settled');
    };
    const mo = new MutationObserver(check);
    mo.observe(document, opts.live ? { childList: true, subtree: true, attributes: true, attributeFilter: ['data-app'] } : { childList: true, subtree: true });
    document.addEventListener('DOMContentLoaded', check);
  });
  // Scale cases: the frame after `opts.watch.selector` matches `opts.watch.count` elements.
  if (opts.watch) {
    const { selector, count } = opts.watch;
    m.watched = m.whenFrame(() => document.querySelectorAll(selector).length >= count);
    m.watched.then((r) => {
      m.watchedResult = r;
      m.signal('watched');
    });
  }
}

// A fresh browser context (empty cache, own connections) with one page, the device
// emulated through CDP and, when `throttle`, the CPU and network profile. `live: false` for
// a page without the app (the static baseline): it settles without `data-app`.
async function newPage(browser, { throttle, ready, watch, collect = true, live = true }) {
  const context = await browser.newContext({ viewport: null });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setDeviceMetricsOverride', {
    ...PROFILE.device,
    screenWidth: PROFILE.device.width,
    screenHeight: PROFILE.device.height,
  });
  await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });
  await cdp.send('Network.enable');
  if (throttle) {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: PROFILE.cpuRate });
    await cdp.send('Network.emulateNetworkConditions', PROFILE.network);
  }
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') page.problems.push(`console.error: ${msg.text()}`);
  });
  // Signals from the page (m.signal in benchInit), counted by name.
  const counts = new Map();
  const waiters = new Set();
  cdp.on('Runtime.bindingCalled', (e) => {
    if (e.name !== '__benchSignal') return;
    counts.set(e.payload, (counts.get(e.payload) || 0) + 1);
    for (const w of waiters) {
      if ((counts.get(w.name) || 0) >= w.count) {
        waiters.delete(w);
        clearTimeout(w.timer);
        w.resolve();
      }
    }
  });
  await cdp.send('Runtime.enable');
  await cdp.send('Runtime.addBinding', { name: '__benchSignal' });
  // Resolves once the page has sent signal `name` `count` times in all.
  page.benchSignal = (name, count = 1, timeout = SETTLE_TIMEOUT) =>
    new Promise((resolve, reject) => {
      if ((counts.get(name) || 0) >= count) return resolve();
      const w = { name, count, resolve };
      w.timer = setTimeout(() => {
        waiters.delete(w);
        reject(new Error(`${page.url()}: no signal "${name}" #${count} within ${timeout / 1000} s`));
      }, timeout);
      waiters.add(w);
    });
  await page.addInitScript(benchInit, { ready, watch, collect, live });
  return { context, page, cdp };
}

async function waitSettled(page) {
  await page.benchSignal('settled');
}

// What one cold load recorded, read once the page settled, the network has been idle for
// 500 ms (Playwright's networkidle) and one more second has passed.
async function readLoad(page) {
  await waitSettled(page);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1000);
  return page.evaluate(() => {
    const m = window.__bench;
    const nav = performance.getEntriesByType('navigation')[0];
    const img = document.querySelector('.article__image img');
    const live = performance.getEntriesByName('tidende:live')[0];
    return {
      paint: m.paint,
      lcp: m.lcp,
      shifts: m.shifts,
      longtasks: m.longtasks,
      firstInput: m.firstInput,
      settledAt: m.settledAt,
      appStartedAt: m.appStartedAt,
      liveAt: live ? live.startTime : null,
      // "hydrated" (a prerendered page taken over), "rendered" (the shell), null (no app).
      appMode: document.documentElement.getAttribute('data-app'),
      errors: m.errors,
      nodes: document.getElementsByTagName('*').length,
      topImage: img ? img.currentSrc || img.src : null,
      document: nav && {
        startTime: nav.startTime,
        requestStart: nav.requestStart,
        responseStart: nav.responseStart,
        responseEnd: nav.responseEnd,
        domContentLoaded: nav.domContentLoadedEventEnd,
        load: nav.loadEventEnd,
        transferSize: nav.transferSize,
      },
      resources: performance.getEntriesByType('resource').map((r) => ({
        name: r.name,
        initiatorType: r.initiatorType,
        startTime: r.startTime,
        requestStart: r.requestStart,
        responseStart: r.responseStart,
        responseEnd: r.responseEnd,
        transferSize: r.transferSize,
        encodedBodySize: r.encodedBodySize,
        decodedBodySize: r.decodedBodySize,
      })),
    };
  });
}

module.exports = { benchInit, newPage, waitSettled, readLoad };
