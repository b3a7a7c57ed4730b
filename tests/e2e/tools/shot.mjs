// Screenshot helper for people: node tests/e2e/tools/shot.mjs <name> [width] [height] [--full] [--lang=en]
import { serve, launch, open, shot, assertClean } from '../lib.mjs';
const [name = 'page', w = '1280', h = '900'] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const full = process.argv.includes('--full');
const server = await serve();
const b = await launch();
try {
  const { page, problems } = await open(b.context, server.url, { width: +w, height: +h });
  if (process.argv.includes('--lang=en')) await page.click('[data-testid="lang-toggle"]');
  await page.waitForTimeout(400);
  console.log(await shot(page, name, { fullPage: full }));
  console.log(JSON.stringify(problems));
} finally {
  await b.close();
  await server.close();
}
