// Renders the extension's icons from their SVG sources (extension/icons/mark.svg, toolbar.svg) to the PNG sizes the
// stores and browsers ask for, with the Chromium the tests use. Run after changing a drawing; the PNGs are committed.
//   node scripts/render-extension-icons.mjs
import { chromium } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../extension/icons/', import.meta.url));
const mark = readFileSync(`${dir}mark.svg`, 'utf8');
const toolbar = readFileSync(`${dir}toolbar.svg`, 'utf8');
// Toolbar variants for Firefox's theme_icons: dark ink for light toolbars, light ink for dark ones.
const INK = { 'toolbar-for-light-themes': '#1e3a8a', 'toolbar-for-dark-themes': '#e2e8f0' };

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
const page = await browser.newPage({ deviceScaleFactor: 1 });
async function render(svg, size, file, color = 'black') {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<html><body style="margin:0;background:transparent;color:${color}">` +
      svg.replace('<svg ', `<svg width="${size}" height="${size}" `) +
      '</body></html>',
  );
  writeFileSync(`${dir}${file}`, await page.screenshot({ omitBackground: true }));
}
for (const size of [16, 32, 48, 128]) await render(mark, size, `${size}.png`);
for (const [name, ink] of Object.entries(INK))
  for (const size of [16, 32]) await render(toolbar, size, `${name}-${size}.png`, ink);
await browser.close();
