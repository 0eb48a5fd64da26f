#!/usr/bin/env node
// Floor plan rendering benchmark: bundles tools/bench/floorplan-harness.ts (which uses the library's
// FloorPlanRenderer, the same drawing code the Angular component runs) with esbuild, serves it on
// 127.0.0.1 and measures it in headless Chromium: first draw of a synthetic floor, then availability
// updates that each flip ~5 % of the spaces, against a naive one-node-per-space recolour-all baseline.
//
//   node tools/bench/floorplan.mjs [--spaces 2000] [--steps 50] [--share 0.05]
import { parseArgs } from 'node:util';
import { log, ms, quantile, runInBrowser, summary } from './browser-harness.mjs';

const TARGET_MS = 8;

const { values } = parseArgs({
  options: {
    spaces: { type: 'string', default: '2000' },
    steps: { type: 'string', default: '50' },
    share: { type: 'string', default: '0.05' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log('usage: node tools/bench/floorplan.mjs [--spaces 2000] [--steps 50] [--share 0.05]');
  process.exit(0);
}
const spaces = Number(values.spaces);
const steps = Number(values.steps);
const share = Number(values.share);
if (!(spaces > 0 && steps > 0 && share > 0 && share <= 1)) {
  console.error('--spaces and --steps must be positive, --share in (0, 1]');
  process.exit(2);
}
await runInBrowser('floorplan', async (page) => {
  const prepared = await page.evaluate(([n, s, f]) => window.bench.prepare(n, s, f), [spaces, steps, share]);
  log(`floor: ${prepared.spaces} spaces, ${steps} updates of ~${prepared.changesPerStep} changed states each`);

  // Warm up the JIT and font caches on both paths, then measure both in the same page.
  await page.evaluate(() => {
    window.bench.mountNaive();
    window.bench.recolourNaive(1);
    window.bench.mountRenderer();
    window.bench.updateRenderer(1);
  });

  const firstDraw = await page.evaluate(() => window.bench.mountRenderer());
  const updates = await page.evaluate((n) => {
    const out = [];
    for (let step = 1; step <= n; step++) out.push(window.bench.updateRenderer(step));
    return out;
  }, steps);
  const times = updates.map(([t]) => t);
  const restyled = updates.map(([, c]) => c);
  const frames = [];
  for (let step = steps; step >= 1; step--)
    frames.push(await page.evaluate((s) => window.bench.frameRenderer(s), step));

  const naiveFirst = await page.evaluate(() => window.bench.mountNaive());
  const naive = await page.evaluate((n) => {
    const out = [];
    for (let step = 1; step <= n; step++) out.push(window.bench.recolourNaive(step));
    return out;
  }, steps);

  const median = quantile(times, 0.5);
  const naiveMedian = quantile(naive, 0.5);
  console.log('');
  console.log(`first draw (mount, floor, states, synchronous draw): ${ms(firstDraw)}`);
  console.log(`update + synchronous draw: ${summary(times)} (restyled ${quantile(restyled, 0.5)} spaces per update)`);
  console.log(`update to second animation frame: ${summary(frames)} (includes waiting for vsync)`);
  console.log(
    `naive baseline (one Konva.Rect per space, recolour all, layer.draw): first draw ${ms(naiveFirst)}, ${summary(naive)}`,
  );
  console.log(`ratio naive / renderer (median): ${(naiveMedian / median).toFixed(1)}×`);
  const ok = median <= TARGET_MS;
  console.log(`target ≤ ${TARGET_MS} ms median per update: ${ok ? 'met' : 'MISSED'}`);
  return ok;
});
