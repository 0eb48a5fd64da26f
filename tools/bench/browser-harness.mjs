// Shared by the in-browser benchmarks (floorplan, editor): bundle a harness module with esbuild,
// serve it on 127.0.0.1, open it in Debian's headless Chromium (software rendering) and wait until
// it sets `document.title = 'ready'`. Everything is torn down on exit, failure or a signal.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const t0 = Date.now();
export const log = (...parts) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1).padStart(5)} s]`, ...parts);
export const ms = (v) => `${v.toFixed(2)} ms`;
/** Linear-interpolated quantile. */
export const quantile = (list, q) => {
  const sorted = [...list].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
};
export const summary = (list) =>
  `median ${ms(quantile(list, 0.5))}, p95 ${ms(quantile(list, 0.95))}, max ${ms(Math.max(...list))}`;

/**
 * Runs `measure(page)` against the bundled `tools/bench/<name>-harness.ts`; it returns whether the
 * target was met, which becomes the exit code.
 */
export async function runInBrowser(name, measure) {
  if (!existsSync(CHROMIUM)) {
    console.error(`Chromium not found at ${CHROMIUM} (apt-get install -y --no-install-recommends chromium)`);
    process.exit(2);
  }
  const work = mkdtempSync(join(tmpdir(), `fd-bench-${name}-`));
  const profile = mkdtempSync(join(tmpdir(), 'fd-bench-chromium-'));
  let server;
  let browser;
  const cleanup = async () => {
    await browser?.close().catch(() => undefined);
    server?.close();
    rmSync(work, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => cleanup().finally(() => process.exit(130)));
  }
  try {
    log(`machine: ${availableParallelism()} CPUs, load average ${loadavg()[0].toFixed(2)}`);
    log(`bundling tools/bench/${name}-harness.ts with esbuild`);
    await build({
      entryPoints: [join(ROOT, `tools/bench/${name}-harness.ts`)],
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
      const file = files[new URL(req.url ?? '/', 'http://x').pathname];
      if (!file) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': file.endsWith('.js') ? 'text/javascript' : 'text/html' });
      res.end(readFileSync(join(work, file)));
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));

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
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.waitForFunction(() => document.title === 'ready');
    const ok = await measure(page);
    await cleanup();
    process.exit(ok ? 0 : 1);
  } catch (error) {
    console.error(error);
    await cleanup();
    process.exit(1);
  }
}
