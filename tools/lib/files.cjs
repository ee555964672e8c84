// Every file under a folder, as paths relative to it with `/` between parts, sorted: the
// build's steps (tools/postbuild.cjs, tools/lib/service-worker.cjs) and e2e/lib/redeploy.cjs
// walk the built folder with it.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

function walk(dir, rel = '') {
  const out = [];
  for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...walk(dir, r));
    else if (entry.isFile()) out.push(r);
  }
  return out.sort();
}

module.exports = { walk };
