// The web app manifest and its icons (issue 12, first part), written into the build from
// the SVG logo (public/favicon.svg) and the design tokens (style/tokens.css), so neither
// is drawn or typed twice: PNG icons at 192 and 512 px and a maskable one (the logo inside
// the central 80 % a launcher may crop to, on the brand colour), rasterised by resvg
// (npm @resvg/resvg-js, a prebuilt binary from the registry).
//
// Start URL and scope are `./`: relative to the manifest's own address, so a build for a
// sub-path (/nyheder/) is installed as that sub-path and no further.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const LOGO = 'public/favicon.svg';
const TOKENS = 'style/tokens.css';
const SIZES = [192, 512];
// The maskable icon's safe zone is a circle of 80 % of its width (W3C "maskable" icons).
const SAFE = 0.8;

// `--name: value` from the light tokens (the first `:root` block) and the dark ones.
function tokens(css) {
  const dark = css.indexOf('prefers-color-scheme: dark');
  const read = (block, name) => new RegExp(`--${name}:\\s*([^;]+);`).exec(block)?.[1].trim();
  const light = dark < 0 ? css : css.slice(0, dark);
  const darkBlock = dark < 0 ? '' : css.slice(dark);
  return {
    brand: read(light, 'c-brand'),
    bg: read(light, 'c-bg'),
    darkBg: read(darkBlock, 'c-bg'),
  };
}

function maskable(svg, background) {
  const inner = svg.replace(/^[\s\S]*?<svg[^>]*>/, '').replace(/<\/svg>\s*$/, '');
  const box = /viewBox="([^"]+)"/.exec(svg)?.[1] || '0 0 32 32';
  const margin = (1 - SAFE) / 2;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">` +
    `<rect width="100" height="100" fill="${background}"/>` +
    `<svg x="${margin * 100}" y="${margin * 100}" width="${SAFE * 100}" height="${SAFE * 100}" viewBox="${box}">${inner}</svg>` +
    `</svg>`;
}

// Writes manifest.webmanifest and icons/ into `dist`; returns the file names written.
function writeManifest(dist, root = process.cwd()) {
  const { Resvg } = require('@resvg/resvg-js');
  const svg = fs.readFileSync(path.join(root, LOGO), 'utf8');
  const colours = tokens(fs.readFileSync(path.join(root, TOKENS), 'utf8'));
  if (!colours.brand || !colours.bg) throw new Error(`app-manifest: no --c-brand or --c-bg in ${TOKENS}`);
  const icons = path.join(dist, 'icons');
  fs.mkdirSync(icons, { recursive: true });
  const png = (source, size) => new Resvg(source, { fitTo: { mode: 'width', value: size } }).render().asPng();
  const written = [];
  const write = (name, bytes) => {
    fs.writeFileSync(path.join(icons, name), bytes);
    written.push(`icons/${name}`);
  };
  write('tidende.svg', svg);
  for (const size of SIZES) write(`tidende-${size}.png`, png(svg, size));
  write('tidende-maskable-512.png', png(maskable(svg, colours.brand), 512));
  const manifest = {
    name: 'Tidende – nyheder om it i Danmark',
    short_name: 'Tidende',
    description: 'Nyheder om it i Danmark: virksomheder, teknologi, karriere og navnenyt.',
    lang: 'da',
    dir: 'ltr',
    start_url: './',
    scope: './',
    id: './',
    display: 'standalone',
    theme_color: colours.brand,
    background_color: colours.bg,
    icons: [
      { src: 'icons/tidende.svg', sizes: 'any', type: 'image/svg+xml' },
      ...SIZES.map((size) => ({ src: `icons/tidende-${size}.png`, sizes: `${size}x${size}`, type: 'image/png' })),
      { src: 'icons/tidende-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  };
  fs.writeFileSync(path.join(dist, 'manifest.webmanifest'), `${JSON.stringify(manifest, null, 2)}\n`);
  written.push('manifest.webmanifest');
  return { written, colours };
}

module.exports = { writeManifest, tokens, maskable };
