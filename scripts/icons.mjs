// Draws the app's PNG icons from the SVGs in assets/icons/ with Debian's Chromium, so the
// PNGs (committed) can be made again after a change to the SVGs:
//   node scripts/icons.mjs        (needs tests/e2e/node_modules: scripts/setup.sh serve)
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '../tests/e2e/node_modules/playwright-core/index.mjs';

const icons = join(dirname(fileURLToPath(import.meta.url)), '..', 'assets', 'icons');
const jobs = [
  ['icon.svg', 'icon-192.png', 192],
  ['icon.svg', 'icon-512.png', 512],
  ['icon-maskable.svg', 'icon-maskable-512.png', 512],
  ['icon-maskable.svg', 'apple-touch-icon.png', 180],
];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const [svg, png, size] of jobs) {
    const markup = await readFile(join(icons, svg), 'utf8');
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${markup}`);
    await page.screenshot({ path: join(icons, png), omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    console.log(png, size);
  }
} finally {
  await browser.close();
}
