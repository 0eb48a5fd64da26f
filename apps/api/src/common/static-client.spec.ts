import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import express from 'express';
import { staticClient } from './static-client';

describe('static client', () => {
  let dir: string;
  let server: Server;
  let base: string;
  const script = `console.log(${JSON.stringify('flexdesk '.repeat(400))});`;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'flexdesk-static-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Flexdesk</title>');
    writeFileSync(join(dir, 'main-PQVZSIR7.js'), script);
    writeFileSync(join(dir, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    mkdirSync(join(dir, 'media'));
    writeFileSync(join(dir, 'media', 'font-ABCDEFGH.woff2'), Buffer.alloc(2048, 7));
    const app = express();
    app.use(staticClient(dir, ['api', 'scim/v2']));
    app.use((_req, res) => res.status(404).send('next'));
    await new Promise<void>((resolve) => {
      server = app.listen(0, '127.0.0.1', () => resolve());
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  // fetch() would decompress on its own; node:http shows the bytes as sent.
  const raw = async (path: string, headers: Record<string, string> = {}) => {
    const { request } = await import('node:http');
    return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>(
      (resolve, reject) => {
        request(`${base}${path}`, { headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
          );
        })
          .on('error', reject)
          .end();
      },
    );
  };

  it('sends hashed files brotli- or gzip-compressed, cached as immutable for a year', async () => {
    const br = await raw('/main-PQVZSIR7.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers['vary']).toBe('Accept-Encoding');
    expect(brotliDecompressSync(br.body).toString()).toBe(script);
    expect(br.body.length).toBeLessThan(script.length / 10);

    const gz = await raw('/main-PQVZSIR7.js', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(script);

    const plain = await raw('/main-PQVZSIR7.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(script);
  });

  it('revalidates unhashed files by ETag and answers 304 when unchanged', async () => {
    const first = await raw('/index.html');
    expect(first.headers['cache-control']).toBe('no-cache');
    const again = await raw('/index.html', { 'if-none-match': first.headers['etag'] as string });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it('serves nested and binary files as they are', async () => {
    const font = await raw('/media/font-ABCDEFGH.woff2', { 'accept-encoding': 'br' });
    expect([font.status, font.headers['content-type'], font.headers['content-encoding']]).toEqual([
      200,
      'font/woff2',
      undefined,
    ]);
    expect(font.headers['cache-control']).toContain('immutable');
  });

  it("answers the client's own routes with index.html, and leaves the API and missing files alone", async () => {
    expect((await raw('/book')).body.toString()).toContain('<title>Flexdesk</title>');
    expect((await raw('/reception/labels/123')).body.toString()).toContain('<title>Flexdesk</title>');
    expect((await raw('/api/buildings')).body.toString()).toBe('next');
    expect((await raw('/api')).body.toString()).toBe('next');
    expect((await raw('/scim/v2/Users')).body.toString()).toBe('next');
    expect((await raw('/missing-ABCDEFGH.js')).status).toBe(404);
  });
});
