/* eslint-disable @typescript-eslint/no-explicit-any -- the document is walked as plain JSON */
import { ERROR_CODES, PERMISSIONS } from '@flexdesk/shared-contracts';
import { Api } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * The served OpenAPI document is complete enough to generate a client from: every operation says
 * who may call it, how to authenticate, what it answers on success (a schema, not `""`), and that
 * errors are problem+json whose `code` is one of ours. (`npm run openapi:check` validates it
 * against the OpenAPI 3.1 schema and compiles a client generated from it.)
 */
describe('OpenAPI document', () => {
  let t: TestApp;
  let doc: any;
  const operations: { id: string; method: string; op: any }[] = [];

  beforeAll(async () => {
    t = await startTestApp('2026-12-07T07:00:00Z');
    const res = await new Api(t.url).get('/api/docs/openapi.json');
    expect(res.status).toBe(200);
    doc = res.body;
    for (const [path, item] of Object.entries<any>(doc.paths)) {
      for (const [method, op] of Object.entries<any>(item))
        operations.push({ id: `${method.toUpperCase()} ${path}`, method, op });
    }
  });
  afterAll(() => t?.close());

  it('is OpenAPI 3.1 with bearer and cookie security schemes', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.components.securitySchemes).toMatchObject({
      bearer: { type: 'http', scheme: 'bearer' },
      'session-cookie': { type: 'apiKey', in: 'cookie', name: 'fd_session' },
    });
    expect(operations.length).toBeGreaterThanOrEqual(44);
  });

  it('names the permission of every operation, and asks non-public ones for credentials', () => {
    for (const { id, op } of operations) {
      expect([id, [...PERMISSIONS, 'public', 'scim'].includes(op['x-permission'])]).toEqual([id, true]);
      if (op['x-permission'] === 'scim') expect([id, op.security]).toEqual([id, [{ 'scim-token': [] }]]);
      else if (op['x-permission'] !== 'public')
        expect([id, op.security]).toEqual([id, [{ bearer: [] }, { 'session-cookie': [] }]]);
    }
  });

  it('describes every success answer with a schema (or a redirect) and every error as a problem', () => {
    for (const { id, op } of operations) {
      const success = Object.entries<any>(op.responses).filter(
        ([status]) => status.startsWith('2') || status === '302',
      );
      expect([id, success.length]).toEqual([id, 1]);
      for (const [status, response] of success) {
        expect([id, response.description.length > 0]).toEqual([id, true]);
        if (status !== '204' && status !== '302')
          expect([id, Object.values<any>(response.content ?? {})[0]?.schema]).toEqual([id, expect.any(Object)]);
      }
      for (const range of ['4XX', '5XX']) {
        // SCIM clients read SCIM's error form; everyone else gets problem+json.
        const media = op['x-permission'] === 'scim' ? 'application/scim+json' : 'application/problem+json';
        const schema = op.responses[range].content[media].schema;
        if (media === 'application/problem+json')
          expect([id, schema]).toEqual([id, { $ref: '#/components/schemas/ProblemDetails' }]);
        else expect([id, schema.required]).toEqual([id, ['schemas', 'status']]);
      }
    }
  });

  it('resolves every schema reference', () => {
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(50);
    expect([...new Set(refs)].filter((name) => !doc.components.schemas[name])).toEqual([]);
  });

  it('lists every error code in the problem schema', () => {
    expect(doc.components.schemas.ErrorCode.enum).toEqual([...ERROR_CODES]);
    expect(doc.components.schemas.ProblemDetails.properties.code).toEqual({ $ref: '#/components/schemas/ErrorCode' });
  });

  it('types the layout bodies, not as a bare object', () => {
    const saveDraft = doc.components.schemas.SaveDraftDto;
    expect(saveDraft.properties.layout).toEqual({ allOf: [{ $ref: '#/components/schemas/FloorLayout' }] });
    expect(doc.components.schemas.FloorLayout.properties.spaces.items).toEqual({
      $ref: '#/components/schemas/LayoutSpace',
    });
  });

  it('gives examples for the booking request', () => {
    const examples = doc.paths['/api/bookings'].post.requestBody.content['application/json'].examples;
    expect(Object.keys(examples)).toEqual(['day', 'morning', 'room', 'onBehalf']);
  });
});
