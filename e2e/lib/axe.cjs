// axe-core in a page: WCAG 2.2 A and AA. Evaluated through the DevTools protocol, so the
// page's CSP (which rightly forbids injected scripts) does not stand in the way.
'use strict';
const fs = require('node:fs');

const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

// The violations found in the page, each with its first three nodes.
async function axe(page) {
  await page.evaluate(AXE);
  return page.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ') + ': ' + n.failureSummary),
    }));
  }, TAGS);
}

module.exports = { axe, TAGS };
