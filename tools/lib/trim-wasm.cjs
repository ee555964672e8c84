// Shrinks the release wasm after wasm-bindgen: stubs the code the app can never call, then
// runs wasm-opt (Trunk's own wasm-opt is off in index.html, `data-wasm-opt="0"`, because
// the stubbing needs the function names that wasm-opt removes).
//
// Why: Leptos' `hydrate` feature compiles a second, asynchronous hydration of every view
// (`hydrate_async`, for `hydrate_lazy` and lazy routes) and a template hydration
// (`hydrate_from_template`, for the `template!` macro). The app hydrates synchronously with
// `hydrate_body` and uses no templates, but both are reachable through the function
// pointers every type-erased view carries, so no linker or optimiser can drop them: about
// 15 KB of the 150 KB brotli budget (docs/perf.md, "Size"). Their bodies become
// `unreachable`, and wasm-opt then removes everything only they used. Should a Leptos
// upgrade ever call one, it traps: the prerendered page stays as it is, readable, and the
// end-to-end tests (hydration on every page kind) fail.
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');

const WASM_OPT = ['-Os', '-Os'];

// Each pattern must match at least one function, or the build fails: a rename in Leptos
// must not silently bring the code back. Only the roots are stubbed (the `hydrate_async`
// of each type-erased view): their bodies are unique to them. Helpers deeper down may share
// a body with code that runs (the compiler merges identical functions under one name), so
// stubbing those by name broke hydration when it was tried.
const NEVER_CALLED = ['into_any::hydrate_async'];
// Exports the JS glue defines classes for but never calls: wasm-streams' bridges from Rust
// streams to JS streams, which Leptos' server functions use (the app has none). Removing
// the exports lets wasm-opt drop their code; the glue only reaches them when called.
const UNUSED_EXPORTS = /^(?:__wbg_)?intounderlying/;

async function trimWasm(file) {
  const { default: binaryen } = await import('binaryen');
  const module = binaryen.readBinary(fs.readFileSync(file));
  const stubbed = Object.fromEntries(NEVER_CALLED.map((p) => [p, 0]));
  for (let i = 0; i < module.getNumFunctions(); i++) {
    const fn = module.getFunctionByIndex(i);
    const info = binaryen.getFunctionInfo(fn);
    if (info.module) continue; // an import
    const pattern = NEVER_CALLED.find((p) => info.name.includes(p));
    if (!pattern) continue;
    binaryen.Function.setBody(fn, module.unreachable());
    stubbed[pattern]++;
  }
  const exports = [];
  for (let i = 0; i < module.getNumExports(); i++) {
    const { name } = binaryen.getExportInfo(module.getExportByIndex(i));
    if (UNUSED_EXPORTS.test(name)) exports.push(name);
  }
  for (const name of exports) module.removeExport(name);
  const missing = NEVER_CALLED.filter((p) => stubbed[p] === 0);
  if (missing.length) {
    throw new Error(`${file}: no function named like ${missing.join(', ')}: has Leptos changed? (tools/lib/trim-wasm.cjs)`);
  }
  binaryen.setDebugInfo(true); // keep the names for wasm-opt to read; it drops them
  const stubbedFile = `${file}.stubbed`;
  fs.writeFileSync(stubbedFile, module.emitBinary());
  module.dispose();
  const before = fs.statSync(file).size;
  // -Os twice, not -Oz: the file is 7 % larger but compresses about 1 KB smaller in brotli,
  // which is what the reader downloads (measured: docs/perf.md, "Size"; a third -Os saves
  // 0.3 KB before the names are minified and nothing after).
  execFileSync('wasm-opt', [...WASM_OPT, stubbedFile, '-o', file], { stdio: 'inherit' });
  fs.rmSync(stubbedFile);
  return { stubbed, exports: exports.length, before, after: fs.statSync(file).size };
}

// The JS side of UNUSED_EXPORTS: wasm-bindgen's classes for those exports (and their
// finalizers) in the glue, which nothing imports. Removed from the glue as wasm-bindgen
// writes it, before terser; if anything still names them, the glue is left as it was.
function trimGlue(source) {
  const out = source
    .replace(/^export class (IntoUnderlying\w+) \{[\s\S]*?^\}\n(?:if \(Symbol\.dispose\) \1\.prototype[^\n]*\n)?/gm, '')
    .replace(/^const IntoUnderlying\w+Finalization = [\s\S]*?;\n/gm, '');
  return /IntoUnderlying/.test(out) ? source : out;
}

module.exports = { trimWasm, trimGlue, NEVER_CALLED, WASM_OPT };
