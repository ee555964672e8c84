// Statistics and number formatting for the report: quantiles, median / min–max / IQR of a
// case's runs, and the Markdown table the report is made of.
'use strict';

function quantile(sorted, q) {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

// median, min, max, q1, q3, iqr (quartiles by linear interpolation, as numpy's default).
function stats(values) {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return { n: 0, median: NaN, min: NaN, max: NaN, q1: NaN, q3: NaN, iqr: NaN };
  const q1 = quantile(v, 0.25);
  const q3 = quantile(v, 0.75);
  return { n: v.length, median: quantile(v, 0.5), min: v[0], max: v[v.length - 1], q1, q3, iqr: q3 - q1 };
}

const median = (values) => stats(values).median;

function fmt(x, digits = 0) {
  if (typeof x !== 'number' || !Number.isFinite(x)) return '–';
  return x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

// "1 234 (1 100–1 400, IQR 80)"
function fmtStats(s, digits = 0, unit = '') {
  if (!s || s.n === 0) return '–';
  return `${fmt(s.median, digits)}${unit} (${fmt(s.min, digits)}–${fmt(s.max, digits)}, IQR ${fmt(s.iqr, digits)})`;
}

function ratio(a, b, digits = 2) {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return '–';
  if (b === 0) return a === 0 ? '1.00' : '∞';
  return `${(a / b).toFixed(digits)}×`;
}

// A Markdown table, the first column left-aligned and the others right-aligned.
function table(head, rows) {
  return [`| ${head.join(' | ')} |`, `| ${head.map((h, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

module.exports = { quantile, stats, median, fmt, fmtStats, ratio, table };
