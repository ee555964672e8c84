// Every page the build wrote is valid HTML, as the Nu HTML Checker (the W3C's validator,
// npm vnu-jar, on the machine's Java) reads it: the prerendered pages of both builds, the
// shell, the 404 page. Errors only; warnings are the checker's advice.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const VNU = path.join(ROOT, 'tools/node_modules/vnu-jar/build/dist/vnu.jar');

function pages(dist) {
  const walk = (dir) => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? (e.name === 'api' ? [] : walk(path.join(dir, e.name))) : [path.join(dir, e.name)]);
  return walk(dist).filter((f) => f.endsWith('.html'));
}

for (const dist of [process.env.DIST_DIR || 'dist', 'dist-nyheder']) {
  test(`the pages of ${dist} are valid HTML`, () => {
    const files = pages(path.resolve(ROOT, dist));
    assert.ok(files.length >= 20, `${dist}: ${files.length} pages`);
    let out = '';
    try {
      execFileSync('java', ['-jar', VNU, '--errors-only', '--format', 'gnu', ...files], { stdio: 'pipe', encoding: 'utf8' });
    } catch (e) {
      out = `${e.stdout || ''}${e.stderr || ''}`;
    }
    assert.equal(out.trim(), '', `${dist}: the checker found errors:\n${out.split('\n').slice(0, 20).join('\n')}`);
  });
}
