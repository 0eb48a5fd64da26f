import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type {
  OperationObject,
  ResponseObject,
  SchemaObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { SESSION_COOKIE } from '@flexdesk/shared-contracts';
import { BEARER_SCHEME, COOKIE_SCHEME, SCIM_SCHEME } from '../access/permission.decorator';
import { CONTRACT_SCHEMAS } from './contract-schemas';
import { RETURNS_EXTENSION, type ReturnsExtension } from './returns.decorator';

const PROBLEM = {
  description: 'Problem details (RFC 9457) with a stable machine-readable `code`',
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } } },
};
const SCIM_ERROR = {
  description: 'A SCIM error (RFC 7644 §3.12) with `status`, `scimType` and `detail`',
  content: { 'application/scim+json': { schema: { type: 'object', required: ['schemas', 'status'] } } },
};
const DESCRIPTIONS: Record<string, string> = {
  '200': 'OK',
  '201': 'Created',
  '204': 'No Content',
  '304': 'Not Modified',
};
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

/**
 * The OpenAPI 3.1 document: Nest's scan of the controllers (paths, parameters, request bodies,
 * security), completed with the contracts' schemas for every success response and the problem
 * schema for every error, so that a client generated from it speaks the same types as ours.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle('Flexdesk API')
    .setDescription(
      'Desk sharing: buildings, floors, availability, bookings. Every operation names the permission it needs ' +
        '(`x-permission`, granted to the roles in `x-roles`); errors are `application/problem+json` with a `code`.',
    )
    .setVersion('1')
    .addBearerAuth(
      { type: 'http', scheme: 'bearer', description: '`accessToken` from `POST /api/auth/login`' },
      BEARER_SCHEME,
    )
    .addCookieAuth(
      SESSION_COOKIE,
      { type: 'apiKey', in: 'cookie', description: 'Browser session; changing requests also need `X-XSRF-TOKEN`' },
      COOKIE_SCHEME,
    )
    .addBearerAuth(
      { type: 'http', scheme: 'bearer', description: 'SCIM provisioning: the `SCIM_TOKEN` of the server' },
      SCIM_SCHEME,
    )
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    operationIdFactory: (controller, method) => `${controller.replace(/Controller$/, '')}_${method}`,
  });
  document.components = { ...document.components, schemas: { ...CONTRACT_SCHEMAS, ...document.components?.schemas } };
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (operation) completeResponses(operation, method);
    }
  }
  return document;
}

function completeResponses(operation: OperationObject, method: string): void {
  const extended = operation as OperationObject & Record<string, unknown>;
  const returns = extended[RETURNS_EXTENSION] as ReturnsExtension | undefined;
  delete extended[RETURNS_EXTENSION];
  const responses = operation.responses as Record<string, ResponseObject>;
  if (returns?.redirect) {
    for (const status of Object.keys(responses).filter((s) => s.startsWith('2'))) delete responses[status];
    responses['302'] = { description: 'Found: the browser is sent on (see `Location`)' };
  }
  // Nest adds its default success response only when no other response is declared.
  else if (!Object.keys(responses).some((s) => s.startsWith('2'))) {
    responses[method === 'post' ? '201' : '200'] = { description: '' };
  }
  for (const [status, response] of Object.entries(responses)) {
    if (!status.startsWith('2')) continue;
    response.description ||= DESCRIPTIONS[status] ?? 'Success';
    if (status === '204' || !returns) continue;
    response.content = { [returns.media ?? 'application/json']: { schema: schemaOf(returns) } };
  }
  const errors = extended['x-permission'] === 'scim' ? SCIM_ERROR : PROBLEM;
  responses['4XX'] = errors;
  responses['5XX'] = errors;
}

function schemaOf(returns: ReturnsExtension): SchemaObject {
  if (returns.object) return { type: 'object', description: 'A SCIM 2.0 resource or list (RFC 7643/7644)' };
  // OpenAPI 3.1 describes raw bytes by their media type (3.0's `format: binary` is gone).
  if (returns.media)
    return returns.binary ? ({ type: 'string', contentMediaType: returns.media } as SchemaObject) : { type: 'string' };
  const ref = { $ref: `#/components/schemas/${returns.schema}` };
  return returns.array ? { type: 'array', items: ref } : (ref as SchemaObject);
}
