import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { NextFunction, Request, Response } from 'express';

const TYPES: Record<string, { type: string; compress: boolean }> = {
  '.html': { type: 'text/html; charset=utf-8', compress: true },
  '.js': { type: 'text/javascript; charset=utf-8', compress: true },
  '.mjs': { type: 'text/javascript; charset=utf-8', compress: true },
  '.css': { type: 'text/css; charset=utf-8', compress: true },
  '.json': { type: 'application/json; charset=utf-8', compress: true },
  '.webmanifest': { type: 'application/manifest+json; charset=utf-8', compress: true },
  '.svg': { type: 'image/svg+xml', compress: true },
  '.txt': { type: 'text/plain; charset=utf-8', compress: true },
  '.ico': { type: 'image/x-icon', compress: true },
  '.png': { type: 'image/png', compress: false },
  '.jpg': { type: 'image/jpeg', compress: false },
  '.webp': { type: 'image/webp', compress: false },
  '.woff2': { type: 'font/woff2', compress: false },
  '.woff': { type: 'font/woff', compress: false },
};

/** Angular's output hashing: `main-PQVZSIR7.js`, `chunk-EKWYHEWS.js`, `styles-GY3K6DLY.css`. */
const HASHED = /-[A-Z0-9]{8}\.[a-z0-9]+$/;

export interface StaticFile {
  type: string;
  etag: string;
  immutable: boolean;
  raw: Buffer;
  gzip?: Buffer;
  br?: Buffer;
}

/**
 * Every file of the built client, read and compressed once at start (a few hundred kB): hashed files
 * are cached by browsers for a year as immutable, everything else is revalidated by ETag. Brotli
 * and gzip at their highest levels, since the work is done once per process, not per request.
 */
export function loadStaticFiles(dir: string): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) {
        walk(path);
        continue;
      }
      const kind = TYPES[extname(name).toLowerCase()] ?? { type: 'application/octet-stream', compress: false };
      const raw = readFileSync(path);
      const file: StaticFile = {
        type: kind.type,
        raw,
        etag: `"${createHash('sha256').update(raw).digest('base64url').slice(0, 27)}"`,
        immutable: HASHED.test(name),
      };
      if (kind.compress && raw.length > 1024) {
        file.br = brotliCompressSync(raw, {
          params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
        });
        file.gzip = gzipSync(raw, { level: 9 });
      }
      files.set(`/${relative(dir, path).split(sep).join('/')}`, file);
    }
  };
  walk(dir);
  return files;
}

/** Sends `file` in the best encoding the request accepts, or 304 when the client has it. */
export function sendStatic(req: Request, res: Response, file: StaticFile): void {
  res.setHeader('Content-Type', file.type);
  res.setHeader('ETag', file.etag);
  res.setHeader('Cache-Control', file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  if (file.br || file.gzip) res.setHeader('Vary', 'Accept-Encoding');
  if (req.fresh) {
    res.status(304).end();
    return;
  }
  // Our preference, not the order the browser lists them in: brotli is the smaller.
  const encoding =
    file.br && req.acceptsEncodings('br') ? 'br' : file.gzip && req.acceptsEncodings('gzip') ? 'gzip' : null;
  const body = encoding === 'br' ? (file.br as Buffer) : encoding === 'gzip' ? (file.gzip as Buffer) : file.raw;
  if (encoding) res.setHeader('Content-Encoding', encoding);
  res.setHeader('Content-Length', body.length);
  res.status(200).end(req.method === 'HEAD' ? undefined : body);
}

/**
 * The built client on the API's port: its files as above, and index.html for every other GET
 * outside the server's own prefixes (the client's own routes).
 */
export function staticClient(dir: string, serverPrefixes: string[]) {
  const files = loadStaticFiles(dir);
  const index = files.get('/index.html');
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (serverPrefixes.some((p) => req.path === `/${p}` || req.path.startsWith(`/${p}/`))) return next();
    const file = files.get(req.path) ?? (extname(req.path) ? undefined : index);
    if (!file) return next();
    sendStatic(req, res, file);
  };
}
