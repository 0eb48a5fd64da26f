import { Api } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';

/** The only routes that may answer without a session. Adding one here is a reviewed decision. */
const PUBLIC_ROUTES = ['GET /api/health', 'POST /api/auth/login', 'GET /api/calendar/:file'];
// Swagger UI and its document are public by design; they hold no data.
const isDocs = (path: string) => path.startsWith('/api/docs');

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
}

describe('deny by default', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('2026-12-07T07:00:00Z');
  });
  afterAll(() => t?.close());

  it('answers every non-public route with 401 when no session is given', async () => {
    const express = t.created.app.getHttpAdapter().getInstance();
    const stack = (express.router?.stack ?? express._router?.stack) as unknown as Layer[];
    const routes = stack
      .filter((l) => l.route)
      .flatMap((l) =>
        Object.keys(l.route?.methods ?? {})
          .filter((m) => m !== '_all')
          .map((m) => ({ method: m.toUpperCase(), path: l.route?.path ?? '' })),
      )
      .filter((r) => !isDocs(r.path));
    // Guard against the walk silently finding nothing (e.g. after an Express upgrade).
    expect(routes.length).toBeGreaterThanOrEqual(10);

    const anon = new Api(t.url);
    const open: string[] = [];
    for (const { method, path } of routes) {
      const concrete = path.replace(/:\w+/g, '00000000-0000-4000-8000-000000000000');
      const res = await anon.request(method, concrete, method === 'GET' || method === 'HEAD' ? undefined : {});
      if (res.status !== 401) open.push(`${method} ${path}`);
      else expect(res.body.code).toBe('UNAUTHENTICATED');
    }
    expect(open.sort()).toEqual([...PUBLIC_ROUTES].sort());
  });
});
