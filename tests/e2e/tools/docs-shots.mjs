// Regenerates the screenshots in docs/screenshots/ from the built dist/:
//   node tests/e2e/tools/docs-shots.mjs
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, open, ROOT } from '../lib.mjs';

const out = join(ROOT, 'docs', 'screenshots');
await mkdir(out, { recursive: true });
const server = await serve();
const browser = await launch();
try {
  for (const [name, w, h, lang] of [
    ['planner-vi', 1280, 900, 'vi'],
    ['planner-en', 1280, 900, 'en'],
    ['phone-vi', 360, 740, 'vi'],
  ]) {
    const { page } = await open(browser.context, server.url, { width: w, height: h });
    if (lang === 'en' && (await page.getAttribute('html', 'lang')) !== 'en') await page.click('[data-testid="lang-toggle"]');
    if (lang === 'vi' && (await page.getAttribute('html', 'lang')) !== 'vi') await page.click('[data-testid="lang-toggle"]');
    await page.waitForTimeout(600); // the uncertainty band and charts settle
    await page.screenshot({ path: join(out, `${name}.png`) });
    console.log(join(out, `${name}.png`));
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
