import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';

export type SvgResult =
  { ok: true; svg: string; width: number | null; height: number | null } | { ok: false; message: string };

type WorkerAnswer =
  | { ok: true; svg: string; width: string | null; height: string | null; viewBox: string | null }
  | { ok: false; message: string };

const WORKER_FILE = 'svg-sanitiser.worker.js';
/**
 * Limits measured with jsdom on a busy 2-core machine: 20,000 elements took ~6 s and ~300 MB to
 * sanitise, and parsing grows with the square of the nesting depth. Real floor plans stay far
 * below both (hundreds to a few thousand elements, nested a few dozen deep).
 */
export const SVG_MAX_ELEMENTS = 30_000;
export const SVG_MAX_DEPTH = 256;
/** Far above what a legitimate drawing within the limits needs; a hostile one is cut off instead. */
const TIMEOUT_MS = 30_000;
const MEMORY_MB = 1024;

/**
 * Sanitises SVG uploads with DOMPurify (SVG profile) in a jsdom DOM, inside a worker thread: parsing
 * a hostile multi-megabyte document takes CPU time and memory that must neither block the API's
 * event loop nor be able to exhaust the process, so the worker has a memory cap and a deadline.
 * The worker starts on first use, serves one document at a time, and is replaced if it fails.
 * Documents that declare entities are refused before parsing (XXE, "billion laughs").
 */
@Injectable()
export class SvgSanitiser implements OnModuleDestroy {
  private readonly logger = new Logger(SvgSanitiser.name);
  private worker: Worker | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  /** How long one document may take before the worker is replaced (tests shorten it). */
  timeoutMs = TIMEOUT_MS;

  sanitise(text: string): Promise<SvgResult> {
    if (/<!ENTITY/i.test(text))
      return Promise.resolve({ ok: false, message: 'SVG files that declare entities are not accepted' });
    const { elements, depth } = svgComplexity(text);
    if (elements > SVG_MAX_ELEMENTS || depth > SVG_MAX_DEPTH) {
      return Promise.resolve({
        ok: false,
        message: `the SVG is too complex (at most ${SVG_MAX_ELEMENTS} elements, nested at most ${SVG_MAX_DEPTH} deep)`,
      });
    }
    const run = this.queue.then(() => this.run(text));
    this.queue = run.catch(() => undefined);
    return run.then((answer) => {
      if (!answer.ok) return answer;
      return { ok: true, svg: answer.svg, ...svgSize(answer.width, answer.height, answer.viewBox) };
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.stop();
  }

  async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  private run(text: string): Promise<WorkerAnswer> {
    const worker = this.start();
    return new Promise<WorkerAnswer>((resolve) => {
      const finish = (answer: WorkerAnswer, broken: boolean) => {
        clearTimeout(timer);
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        worker.unref();
        if (broken && this.worker === worker) {
          this.worker = null;
          void worker.terminate();
        }
        resolve(answer);
      };
      const onMessage = (answer: WorkerAnswer) => finish(answer, false);
      const onError = (e: Error) => {
        this.logger.warn(`SVG worker failed: ${e.message}`);
        finish({ ok: false, message: 'the SVG could not be read' }, true);
      };
      const onExit = () => finish({ ok: false, message: 'the SVG could not be read' }, true);
      const timer = setTimeout(() => {
        this.logger.warn(`SVG worker took longer than ${this.timeoutMs} ms; restarting it`);
        finish({ ok: false, message: 'the SVG is too complex' }, true);
      }, this.timeoutMs);
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      // Kept referenced while working, so a pending upload is not cut off by an idle process exit.
      worker.ref();
      worker.postMessage({ text });
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(workerPath(), { resourceLimits: { maxOldGenerationSizeMb: MEMORY_MB } });
    // An idle worker must not keep the process (or a test run) alive.
    worker.unref();
    this.worker = worker;
    return worker;
  }
}

/** Beside this file in the sources (tests), beside the bundle in a build (see webpack.config.js). */
function workerPath(): string {
  return join(__dirname, WORKER_FILE);
}

/**
 * Counts start tags and their deepest nesting in one linear pass, before any parser sees the text.
 * An estimate for refusing monsters early (the XML parser stays the judge of well-formedness):
 * comments, CDATA, processing instructions and declarations are skipped, quoted attribute values may
 * contain `>`.
 */
export function svgComplexity(text: string): { elements: number; depth: number } {
  let elements = 0;
  let depth = 0;
  let maxDepth = 0;
  let i = text.indexOf('<');
  while (i !== -1 && i < text.length) {
    const next = text[i + 1];
    let end: number;
    if (text.startsWith('<!--', i)) end = text.indexOf('-->', i + 4) + 2;
    else if (text.startsWith('<![CDATA[', i)) end = text.indexOf(']]>', i + 9) + 2;
    else if (next === '?') end = text.indexOf('?>', i + 2) + 1;
    else if (next === '!') end = text.indexOf('>', i + 2);
    else {
      end = tagEnd(text, i + 1);
      if (next === '/') depth--;
      else if (end !== -1 && text[end - 1] !== '/') {
        elements++;
        maxDepth = Math.max(maxDepth, ++depth);
      } else elements++;
    }
    if (end < 0) break;
    i = text.indexOf('<', end + 1);
  }
  return { elements, depth: maxDepth };
}

/** Index of the `>` closing a tag, skipping quoted attribute values; -1 if there is none. */
function tagEnd(text: string, from: number): number {
  let quote: string | null = null;
  for (let j = from; j < text.length; j++) {
    const c = text[j];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return j;
  }
  return -1;
}

const PX_PER_UNIT: Record<string, number> = { '': 1, px: 1, pt: 96 / 72, pc: 16, mm: 96 / 25.4, cm: 96 / 2.54, in: 96 };

/** A length in CSS pixels, or null for percentages, font-relative units and nonsense. */
export function svgLength(value: string | null): number | null {
  const m = /^\s*(\+?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)\s*(px|pt|pc|mm|cm|in)?\s*$/i.exec(value ?? '');
  if (!m) return null;
  const px = Number(m[1]) * PX_PER_UNIT[(m[2] ?? '').toLowerCase()];
  return Number.isFinite(px) && px > 0 ? px : null;
}

/** Intrinsic size in pixels: width/height attributes, completed or replaced by the viewBox's. */
export function svgSize(
  width: string | null,
  height: string | null,
  viewBox: string | null,
): { width: number | null; height: number | null } {
  let w = svgLength(width);
  let h = svgLength(height);
  const vb = (viewBox ?? '')
    .trim()
    .split(/[\s,]+/)
    .map(Number);
  const box = vb.length === 4 && vb.every(Number.isFinite) && vb[2] > 0 && vb[3] > 0 ? { w: vb[2], h: vb[3] } : null;
  if (box) {
    if (w === null && h === null) [w, h] = [box.w, box.h];
    else if (w === null && h !== null) w = (h * box.w) / box.h;
    else if (h === null && w !== null) h = (w * box.h) / box.w;
  }
  const px = (v: number | null) => (v === null ? null : Math.max(1, Math.round(v)));
  const sane = (v: number | null) => (v !== null && v <= 1_000_000 ? v : null);
  return { width: sane(px(w)), height: sane(px(h)) };
}
