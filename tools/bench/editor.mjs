#!/usr/bin/env node
// Floor plan editor benchmark: bundles tools/bench/editor-harness.ts (which uses the library's
// EditorRenderer, the same code the editor's Angular component runs) with esbuild, serves it on
// 127.0.0.1 and measures, in headless Chromium with software rendering, a drag of a selection of
// spaces on a large floor driven by real mouse events (page.mouse): the work per frame (pointer
// handling plus the layers Konva redraws in that frame), the per-move work and the intervals
// between animation frames. Target: median frame work ≤ 16 ms.
//
//   node tools/bench/editor.mjs [--spaces 2000] [--selected 200] [--frames 60]
import { parseArgs } from 'node:util';
import { log, quantile, runInBrowser, summary } from './browser-harness.mjs';

const TARGET_MS = 16;

const { values } = parseArgs({
  options: {
    spaces: { type: 'string', default: '2000' },
    selected: { type: 'string', default: '200' },
    frames: { type: 'string', default: '60' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log('usage: node tools/bench/editor.mjs [--spaces 2000] [--selected 200] [--frames 60]');
  process.exit(0);
}
const spaces = Number(values.spaces);
const selected = Number(values.selected);
const frameCount = Number(values.frames);
if (!(spaces > 0 && selected > 0 && selected <= spaces && frameCount > 0)) {
  console.error('--spaces, --selected and --frames must be positive, --selected at most --spaces');
  process.exit(2);
}
const nextFrame = (page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve())));

await runInBrowser('editor', async (page) => {
  const drag = async (label) => {
    const prepared = await page.evaluate(([n, s]) => window.bench.prepare(n, s), [spaces, selected]);
    if (prepared.hit === null) throw new Error('the drag does not start on a selected space');
    const { x, y } = prepared.grip;
    await nextFrame(page);
    await page.evaluate(() => window.bench.start());
    await page.mouse.move(x, y);
    await page.mouse.down();
    for (let i = 1; i <= frameCount; i++) {
      // A slow diagonal drag with some wobble, so snapping engages and lets go.
      await page.mouse.move(x + i * 3.1, y + i * 1.7 + (i % 5));
      await nextFrame(page);
    }
    await page.mouse.up();
    await nextFrame(page);
    await nextFrame(page);
    const result = await page.evaluate(() => window.bench.stop());
    if (label) log(`${label}: ${result.moves.length} moves, ${result.frames.length} frames with work`);
    return { prepared, ...result };
  };

  await drag(null); // warm-up: JIT, font caches
  const run = await drag('measured drag');
  const layerOnly = await page.evaluate((n) => window.bench.dragLayerDraw(n), frameCount);
  const full = await page.evaluate(() => window.bench.fullDraw(10));

  console.log('');
  console.log(
    `floor: ${run.prepared.spaces} spaces, ${run.prepared.selected} selected, view scale ${run.prepared.scale.toFixed(3)}, ${frameCount} mouse moves`,
  );
  console.log(`frame work (pointer handling + layer draws per frame): ${summary(run.frames)}`);
  console.log(`pointer move handling alone: ${summary(run.moves)}`);
  console.log(`animation frame intervals (include waiting for vsync and the driver): ${summary(run.deltas)}`);
  console.log(`drag + overlay layer redraw, synchronous: ${summary(layerOnly)}`);
  console.log(`for comparison, a full redraw of every layer: ${summary(full)}`);
  console.log(`static layer redraws during the drag: ${run.staticDraws}; spaces moved on drop: ${run.movedCount}`);
  const median = quantile(run.frames, 0.5);
  const ok = median <= TARGET_MS && run.movedCount === selected;
  console.log(`target ≤ ${TARGET_MS} ms median frame work: ${ok ? 'met' : 'MISSED'}`);
  return ok;
});
