// Screenshots of pages at phone and desktop widths, light and dark, with and without
// JavaScript, for looking at what we build.
// Usage: node tools/screenshots.cjs <base-url> <out-dir> [--no-js] [path ...]
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { launch } = require('../e2e/lib/browser.cjs');

async function main() {
  const [base, outDir, ...rest] = process.argv.slice(2);
  const noJs = rest.includes('--no-js');
  const paths = rest.filter((a) => a !== '--no-js');
  if (!base || !outDir) {
    console.error('usage: node tools/screenshots.cjs <base-url> <out-dir> [path ...]');
    process.exit(2);
  }
  fs.mkdirSync(outDir, { recursive: true });
  const browser = await launch();
  for (const p of paths.length ? paths : ['/']) {
    for (const width of [375, 1280]) {
      for (const scheme of ['light', 'dark']) {
        const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme, javaScriptEnabled: !noJs });
        const page = await context.newPage();
        page.on('pageerror', (e) => console.error(`${p}: pageerror ${e.message}`));
        page.on('console', (m) => m.type() === 'error' && console.error(`${p}: console ${m.text()}`));
        await page.goto(base + p, { waitUntil: 'networkidle' });
        await page.waitForTimeout(300);
        const name = `${p.replace(/[^a-z0-9]+/gi, '_') || 'root'}-${width}-${scheme}${noJs ? '-nojs' : ''}.png`;
        await page.screenshot({ path: path.join(outDir, name), fullPage: true });
        console.log(path.join(outDir, name));
        await context.close();
      }
    }
  }
  await browser.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
