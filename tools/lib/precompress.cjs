// Precompressed copies beside the files, for servers that serve them as they are (nginx
// brotli_static/gzip_static, `make preview`); hosts that compress on their own ignore them.
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const zlib = require('node:zlib');

const COMPRESSIBLE = new Set(['.js', '.wasm', '.css', '.html', '.json', '.svg', '.txt', '.xml']);
// Below 1 KiB a response fits in one packet whatever its encoding, and brotli/gzip framing
// can make a tiny file larger; such files are served as they are.
const MIN_COMPRESS_BYTES = 1024;

const isPrecompressed = (rel) => rel.endsWith('.br') || rel.endsWith('.gz');

function gzip(raw, file) {
  try {
    execFileSync('zopfli', ['--version'], { stdio: 'ignore' });
    return execFileSync('zopfli', ['--gzip', '-c', file], { maxBuffer: 1 << 30 });
  } catch {
    return zlib.gzipSync(raw, { level: 9, memLevel: 9 });
  }
}

// Gives `outs` the mtime of `file`, to the nanosecond (`touch -r`; fs.utimes has only
// microseconds), so Last-Modified is the same whichever encoding is served, and a later
// run can tell the copies are current.
function keepMtime(file, outs) {
  if (outs.length === 0) return;
  try {
    execFileSync('touch', ['-r', file, ...outs]);
  } catch {
    const { atime, mtime } = fs.statSync(file);
    for (const out of outs) fs.utimesSync(out, atime, mtime);
  }
}

// Whether X.br and X.gz are there and were made from X as it is now (same mtime).
function current(file) {
  const { mtimeMs } = fs.statSync(file);
  return ['br', 'gz'].every((ext) => {
    try {
      return fs.statSync(`${file}.${ext}`).mtimeMs === mtimeMs;
    } catch {
      return false;
    }
  });
}

// Writes X.br (brotli quality 11, window 24: what `brotli -q 11` does; Node bundles Google's
// encoder) and X.gz (zopfli when installed, else gzip -9) beside `file`, with its mtime.
// Returns the sizes; a variant that is not smaller than the file is not written.
function precompress(file) {
  const raw = fs.readFileSync(file);
  const text = !file.endsWith('.wasm');
  const br = zlib.brotliCompressSync(raw, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_LGWIN]: 24,
      [zlib.constants.BROTLI_PARAM_MODE]: text
        ? zlib.constants.BROTLI_MODE_TEXT
        : zlib.constants.BROTLI_MODE_GENERIC,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
    },
  });
  const gz = gzip(raw, file);
  const sizes = { raw: raw.length };
  const written = [];
  for (const [ext, data] of [['br', br], ['gz', gz]]) {
    const out = `${file}.${ext}`;
    fs.rmSync(out, { force: true });
    if (data.length < raw.length) {
      fs.writeFileSync(out, data);
      written.push(out);
      sizes[ext] = data.length;
    }
  }
  keepMtime(file, written);
  return sizes;
}

module.exports = { COMPRESSIBLE, MIN_COMPRESS_BYTES, isPrecompressed, precompress, current };
