// Where slider time goes: Chromium's cumulative Script/Layout/RecalcStyle durations over a
// run of slider moves (CDP Performance.getMetrics). node tests/e2e/bench/breakdown.mjs [moves]
import { serve, launch, open, typeInto } from '../lib.mjs';
const MOVES = Number(process.argv[2] || 200);
const server = await serve();
const browser = await launch();
try {
  const { page } = await open(browser.context, server.url, { width: 1280, height: 900 });
  await typeInto(page, 'budget-total', '500 tỷ');
  if (process.env.HIDE) await page.addStyleTag({ content: `${process.env.HIDE} { display: none !important; }` });
  await page.waitForTimeout(500);
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const a = await metrics();
  const wall = await page.evaluate(async (moves) => {
    const slider = document.querySelector('[data-testid="slider-swim"]');
    const step = Number(slider.step), base = Number(slider.value);
    const t0 = performance.now();
    for (let i = 0; i < moves; i++) {
      slider.value = String(base + ((i % 40) + 1) * step);
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((ok) => requestAnimationFrame(() => ok()));
    }
    return performance.now() - t0;
  }, MOVES);
  const b = await metrics();
  const d = (k) => ((b[k] - a[k]) * 1000 / MOVES).toFixed(2);
  console.log(`per move (ms): script ${d('ScriptDuration')}  recalc-style ${d('RecalcStyleDuration')}  layout ${d('LayoutDuration')}  task ${d('TaskDuration')}  wall ${(wall / MOVES).toFixed(2)}`);
  console.log(`nodes ${b.Nodes}  layout count/move ${((b.LayoutCount - a.LayoutCount) / MOVES).toFixed(2)}  style count/move ${((b.RecalcStyleCount - a.RecalcStyleCount) / MOVES).toFixed(2)}`);
} finally {
  await browser.close();
  await server.close();
}
