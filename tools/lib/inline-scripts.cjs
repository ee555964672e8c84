// What is inline in an HTML page, as the Content-Security-Policy sees it.
'use strict';
const crypto = require('node:crypto');

// Types of <script> a browser never executes: data blocks (the prerendered pages' handed-over
// documents, JSON-LD). The CSP does not apply to them.
const DATA_TYPES = /^\s*type\s*=\s*["']?application\/(?:ld\+)?json["']?\s*(?:id\s*=\s*["']?[\w-]+["']?\s*)?$/i;

// The inline scripts of an HTML file, as the exact bytes between `<script …>` and
// `</script>` (what the browser hashes), with the attributes of their opening tags. Data
// blocks are left out, or kept with `{ data: true }`.
function inlineScripts(html, { data = false } = {}) {
  const text = html.toString('utf8');
  const scripts = [];
  const re = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
  for (let m; (m = re.exec(text)); ) {
    if (/\bsrc\s*=/i.test(m[1])) continue;
    const isData = DATA_TYPES.test(m[1].replace(/\bdata-page-head\b/, ''));
    if (isData && !data) continue;
    scripts.push({ attrs: m[1].trim(), bytes: Buffer.from(m[2], 'utf8'), data: isData });
  }
  return scripts;
}

function sha256Source(bytes) {
  return `sha256-${crypto.createHash('sha256').update(bytes).digest('base64')}`;
}

// Things in the HTML that a CSP without 'unsafe-inline' would block: fail the build rather
// than ship a page that breaks under its own policy.
function inlineThingsCspWouldBlock(html) {
  const text = html.toString('utf8');
  const found = [];
  if (/<style\b/i.test(text)) found.push('a <style> element');
  if (/<[a-z][^>]*\sstyle\s*=/i.test(text)) found.push('a style="…" attribute');
  if (/<[a-z][^>]*\son[a-z]+\s*=/i.test(text)) found.push('an on…= event handler attribute');
  if (/(?:href|src)\s*=\s*["']?\s*javascript:/i.test(text)) found.push('a javascript: URL');
  return found;
}

module.exports = { inlineScripts, sha256Source, inlineThingsCspWouldBlock };
