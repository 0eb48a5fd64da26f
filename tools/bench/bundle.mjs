#!/usr/bin/env node
// What the browser downloads: the initial chunks of the built client, and everything it needs to
// show the booking page with its floor plan drawn, raw and gzip -9 compressed (the API compresses
// with gzip or better). Usage: npm run build && node tools/bench/bundle.mjs
// The build's budgets (apps/client/project.json) count raw bytes; this prints what they stand for.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dir = new URL('../../dist/apps/client/browser/', import.meta.url).pathname;
if (!existsSync(join(dir, 'index.html'))) {
  console.error(`${dir}index.html is missing: run npm run build first`);
  process.exit(1);
}
/** The booking page with the plan drawn stays within this, compressed (issue #11). */
const TARGET_KB = 250;

const files = new Map(
  readdirSync(dir)
    .filter((f) => /\.(js|css)$/.test(f))
    .map((f) => [f, readFileSync(join(dir, f))]),
);
const size = (f) => ({ raw: files.get(f).length, gzip: gzipSync(files.get(f), { level: 9 }).length });
const imports = (f, re) => [...files.get(f).toString('utf8').matchAll(re)].map((m) => m[1]).filter((x) => files.has(x));
const staticImports = (f) => imports(f, /(?:^|[;}\s])import(?:[^"'();]*?from)?\s*["']\.\/([\w.-]+\.js)["']/g);
const dynamicImports = (f) => imports(f, /import\(\s*["']\.\/([\w.-]+\.js)["']\s*\)/g);

/** The chunks a chunk loads before it runs (its static imports, transitively). */
function closure(roots) {
  const seen = new Set();
  const visit = (f) => {
    if (seen.has(f)) return;
    seen.add(f);
    staticImports(f).forEach(visit);
  };
  roots.forEach(visit);
  return seen;
}

const html = readFileSync(join(dir, 'index.html'), 'utf8');
const entry = [...html.matchAll(/<script src="([\w.-]+\.js)"/g)].map((m) => m[1]);
const styles = [...html.matchAll(/<link rel="stylesheet" href="([\w.-]+\.css)"/g)].map((m) => m[1]);
const initial = closure(entry);

/** The lazy chunk holding a component, found by its selector. */
const chunkWith = (text) => [...files.keys()].find((f) => f.endsWith('.js') && files.get(f).includes(text));
const bookPage = chunkWith('"fd-book-page"');
if (!bookPage) throw new Error('no chunk holds the booking page (selector fd-book-page)');
const booking = closure([...initial, bookPage]);
// The plan is drawn by a renderer the plan component imports when it is first shown (with Konva).
const planChunks = [...booking].flatMap(dynamicImports).filter((f) => !booking.has(f) && !initial.has(f));
const renderer = planChunks.filter(
  (f) => files.get(f).includes('Konva') || staticImports(f).some((g) => files.get(g).includes('Konva')),
);
const withPlan = closure([...booking, ...renderer]);

function table(title, list) {
  const rows = [...list].map((f) => ({ f, ...size(f) })).sort((a, b) => b.raw - a.raw);
  const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip }), { raw: 0, gzip: 0 });
  console.log(`\n${title}`);
  for (const r of rows) console.log(`  ${r.f.padEnd(24)} ${kb(r.raw).padStart(10)} ${kb(r.gzip).padStart(10)}`);
  console.log(`  ${'total'.padEnd(24)} ${kb(total.raw).padStart(10)} ${kb(total.gzip).padStart(10)}`);
  return total;
}
const kb = (n) => `${(n / 1000).toFixed(2)} kB`;

console.log(`${''.padEnd(26)}${'raw'.padStart(10)} ${'gzip -9'.padStart(10)}`);
const first = table('Initial (index.html and its static imports), JS:', initial);
table('Initial CSS:', styles);
const total = table('The booking page with the plan drawn (initial JS, page, plan renderer, Konva):', withPlan);
console.log(
  `\nInitial JS: ${kb(first.raw)} raw, ${kb(first.gzip)} gzip. Booking page with plan: ${kb(total.gzip)} gzip ` +
    `(target <= ${TARGET_KB} kB): ${total.gzip <= TARGET_KB * 1000 ? 'PASS' : 'MISS'}`,
);
