// Shortens the names the wasm and its JS glue know each other by: wasm-bindgen names every
// import after its function plus a 16-digit hash (`__wbg_getElementById_7ee213db584f37b0`)
// and spells out its exports (`__wbindgen_malloc`). The names appear in both files, and
// hashes do not compress: about 140 of them cost some 3 KB of the 150 KB brotli budget
// (docs/perf.md, "Size"). wasm-opt's --minify-imports-and-exports-and-modules renames them
// in the wasm (to `a`, `b`, … in one module `a`) and prints the mapping; the glue is
// rewritten to match. wasm-bindgen has no option for this, hence by hand.
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');

// Renames in `wasmFile` and returns `glue` (the JS, minified or not) rewritten to match.
// Throws, leaving nothing half-done to ship, if any old name is left in the glue.
function minifyNames(wasmFile, glue) {
  const out = `${wasmFile}.renamed`;
  const printed = execFileSync(
    'wasm-opt',
    ['--minify-imports-and-exports-and-modules', wasmFile, '-o', out],
    { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 }
  );
  const mapping = JSON.parse(printed.slice(printed.indexOf('{')));
  const modules = new Set(mapping.imports.map(([module]) => module));
  const token = (name) => new RegExp(`(?<![\\w$])${name.replace(/[$]/g, '\\$')}(?![\\w$])`, 'g');

  let js = dropUnusedImports(glue, new Set(mapping.imports.map(([, old]) => old)));
  // Exports: the glue reads them as `wasm.name`.
  for (const [old, now] of mapping.exports) {
    js = js.replace(new RegExp(`\\bwasm\\.${old}(?![\\w$])`, 'g'), `wasm.${now}`);
  }
  // Imports: keys of the objects the glue hands to `WebAssembly.instantiate`, one per
  // module (`"./tidende_bg.js": import0`); wasm-opt puts them all in module `a`.
  const objects = [];
  for (const module of modules) {
    const entry = new RegExp(`["']${module.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}["']\\s*:\\s*([\\w$]+)`);
    const found = entry.exec(js);
    if (!found) throw new Error(`minify-names: the glue names no import object for ${module}`);
    objects.push({ module, name: found[1], entry: found[0] });
  }
  const main = objects[0];
  const extra = [];
  for (const [module, old, now] of mapping.imports) {
    if (module === main.module) {
      js = js.replace(token(old), JSON.stringify(now));
    } else {
      const object = objects.find((o) => o.module === module).name;
      extra.push(`${JSON.stringify(now)}:${object}[${JSON.stringify(old)}]`);
    }
  }
  js = js.replace(main.entry, `a:${extra.length ? `Object.assign(${main.name},{${extra.join(',')}})` : main.name}`);
  for (const o of objects.slice(1)) js = js.replace(new RegExp(`,?\\s*${o.entry.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`), '');

  const left = mapping.imports.filter(([m, old]) => m === main.module && token(old).test(js));
  if (left.length) throw new Error(`minify-names: ${left.length} import names left in the glue (${left[0][1]})`);
  fs.renameSync(out, wasmFile);
  return { js, imports: mapping.imports.length, exports: mapping.exports.length };
}

// The glue defines a function for every import wasm-bindgen saw; wasm-opt has since removed
// those only the stubbed and trimmed code used (tools/lib/trim-wasm.cjs): wasm-streams'
// byte streams, among others. Their definitions go too (and terser then drops the helpers
// only they used). The glue as wasm-bindgen writes it: one entry per import, at eight
// spaces, in `const import0 = { __proto__: null, … };`.
function dropUnusedImports(glue, used) {
  const start = glue.indexOf('const import0 = {');
  const end = glue.indexOf('\n    };', start);
  if (start < 0 || end < 0) throw new Error('minify-names: no `const import0 = {…}` in the glue');
  const entries = glue.slice(start, end).split(/\n(?=        [\w$]+: )/);
  const kept = entries.filter((entry, i) => {
    const name = /^ {8}([\w$]+):/.exec(entry)?.[1];
    return i === 0 || name === '__proto__' || used.has(name);
  });
  return glue.slice(0, start) + kept.join('\n') + glue.slice(end);
}

module.exports = { minifyNames };
