#!/usr/bin/env node
// Floor plan rendering benchmark: bundles tools/bench/floorplan-harness.ts (which uses the library's
// FloorPlanRenderer, the same drawing code the Angular component runs) with esbuild, serves it on
// 127.0.0.1 and measures it in headless Chromium: first draw of a synthetic floor, then availability
// updates that each flip ~5 % of the spaces, against a naive one-node-per-space recolour-all baseline.
//
//   node tools/bench/floorplan.mjs [--spaces 2000] [--steps 50] [--share 0.05]
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

const work = mkdtempSync(join(tmpdir(), 'fd-bench-floorplan-'));
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

try {
  log(`machine: ${availableParallelism()} CPUs, load average ${loadavg()[0].toFixed(2)}`);
  log('bundling tools/bench/floorplan-harness.ts with esbuild');
  await build({
    entryPoints: [join(ROOT, 'tools/bench/floorplan-harness.ts')],
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
  await cleanup();
  process.exit(ok ? 0 : 1);
} catch (error) {
  console.error(error);
  await cleanup();
  process.exit(1);
}
