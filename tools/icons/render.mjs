#!/usr/bin/env node
// Renders the app icon (apps/client/public/icons/icon.svg) into the PNG sizes the web app manifest
// names, with Debian's Chromium. Run after changing the SVG: node tools/icons/render.mjs
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const dir = new URL('../../apps/client/public/icons/', import.meta.url).pathname;
const svg = readFileSync(`${dir}icon.svg`, 'utf8');
const browser = await chromium.launch({
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
try {
  const page = await browser.newPage();
  // Maskable icons keep their content inside the central 80 % circle: the mark shrinks, the square fills.
  for (const [file, size, maskable] of [
    ['icon-192.png', 192, false],
    ['icon-512.png', 512, false],
    ['icon-maskable-512.png', 512, true],
  ]) {
    await page.setViewportSize({ width: size, height: size });
    const inner = maskable ? svg.replace('rx="96"', 'rx="0"').replace('<g ', '<g transform="translate(76.8 76.8) scale(0.7)" ') : svg;
    await page.setContent(`<html><body style="margin:0">${inner.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
    await page.screenshot({ path: `${dir}${file}`, omitBackground: !maskable });
    console.log(`wrote ${file}`);
  }
} finally {
  await browser.close();
}
