#!/usr/bin/env node
// Floor plan editor benchmark: bundles tools/bench/editor-harness.ts (which uses the library's
// EditorRenderer, the same code the editor's Angular component runs) with esbuild, serves it on
// 127.0.0.1 and measures, in headless Chromium with software rendering, a drag of a selection of
// spaces on a large floor driven by real mouse events (page.mouse): the work per frame (pointer
// handling plus the layers Konva redraws in that frame), the per-move work and the intervals
// between animation frames. Target: median frame work ≤ 16 ms.
//
//   node tools/bench/editor.mjs [--spaces 2000] [--selected 200] [--frames 60]
import { mkdtempSync, rmSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import http from 'node:http';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
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
if (!existsSync(CHROMIUM)) {
  console.error(`Chromium not found at ${CHROMIUM} (apt-get install -y --no-install-recommends chromium)`);
  process.exit(2);
}

const t0 = Date.now();
const log = (...parts) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1).padStart(5)} s]`, ...parts);
const ms = (v) => `${v.toFixed(2)} ms`;
const quantile = (list, q) => {
  const sorted = [...list].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
};
const summary = (list) =>
  `median ${ms(quantile(list, 0.5))}, p95 ${ms(quantile(list, 0.95))}, max ${ms(Math.max(...list))}`;

const work = mkdtempSync(join(tmpdir(), 'fd-bench-editor-'));
const profile = mkdtempSync(join(tmpdir(), 'fd-bench-chromium-'));
let server;
let browser;
async function cleanup() {
  await browser?.close().catch(() => undefined);
  server?.close();
  rmSync(work, { recursive: true, force: true });
  rmSync(profile, { recursive: true, force: true });
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => cleanup().finally(() => process.exit(130)));
}

const nextFrame = (page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve())));

try {
  log(`machine: ${availableParallelism()} CPUs, load average ${loadavg()[0].toFixed(2)}`);
  log('bundling tools/bench/editor-harness.ts with esbuild');
  await build({
    entryPoints: [join(ROOT, 'tools/bench/editor-harness.ts')],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    outfile: join(work, 'harness.js'),
    tsconfig: join(ROOT, 'tsconfig.base.json'),
    logLevel: 'warning',
  });
  writeFileSync(
    join(work, 'index.html'),
    '<!doctype html><meta charset="utf-8"><title>loading</title><body style="margin:0"><script type="module" src="/harness.js"></script>',
  );

  const files = { '/': 'index.html', '/index.html': 'index.html', '/harness.js': 'harness.js' };
  server = http.createServer((req, res) => {
    const name = files[new URL(req.url ?? '/', 'http://x').pathname];
    if (!name) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': name.endsWith('.js') ? 'text/javascript' : 'text/html' });
    res.end(readFileSync(join(work, name)));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}/`;

  log(`starting ${CHROMIUM} (headless, software rendering)`);
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = browser.pages()[0] ?? (await browser.newPage());
  page.on('pageerror', (error) => console.error('page error:', error.message));
  await page.goto(url);
  await page.waitForFunction(() => document.title === 'ready');

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
  await cleanup();
  process.exit(ok ? 0 : 1);
} catch (error) {
  console.error(error);
  await cleanup();
  process.exit(1);
}
