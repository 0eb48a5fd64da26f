/**
 * A small client typed only by the OpenAPI document (generated/api.d.ts, made by check.mjs), and
 * compile-time checks that what the document promises is exactly what the contracts say. If a
 * controller answers with another type than its `@Returns`, or a contract changes without the
 * document, this file stops compiling.
 */
import type * as C from '@flexdesk/shared-contracts';
import type { components, paths } from './generated/api';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;
type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;
/** The JSON body of an operation's success answer (200 or 201). */
export type Success<O> = O extends { responses: infer R } ? JsonOf<R[Extract<keyof R, 200 | 201>]> : never;
/** The JSON request body of an operation. */
export type Body<O> = O extends { requestBody?: { content: { 'application/json': infer T } } } ? T : never;
export type Problem = components['schemas']['ProblemDetails'];

/** Mutually assignable: every value of one is a value of the other. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
function same<T extends true>(): T | void {
  return undefined;
}

// Answers: the document's types are the contracts' types.
same<Same<Success<Operation<'/api/buildings', 'get'>>, C.BuildingSummary[]>>();
same<Same<Success<Operation<'/api/buildings/{id}', 'get'>>, C.Building>>();
same<Same<Success<Operation<'/api/floors/{id}', 'get'>>, C.Floor>>();
same<Same<Success<Operation<'/api/floors/{id}/availability', 'get'>>, C.FloorAvailability>>();
same<Same<Success<Operation<'/api/floors/{id}/layout/draft', 'put'>>, C.LayoutDraft>>();
same<Same<Success<Operation<'/api/floors/{id}/layout/publish', 'post'>>, C.PublishResult>>();
same<Same<Success<Operation<'/api/bookings', 'post'>>, C.Booking>>();
same<Same<Success<Operation<'/api/bookings', 'get'>>, C.Booking[]>>();
same<Same<Success<Operation<'/api/buildings/{id}/occupancy', 'get'>>, C.BuildingOccupancy>>();
same<Same<Success<Operation<'/api/auth/login', 'post'>>, C.LoginResponse>>();
same<Same<Success<Operation<'/api/me', 'get'>>, C.Me>>();
same<Same<Success<Operation<'/api/audit', 'get'>>, C.AuditEntry[]>>();
same<Same<Success<Operation<'/api/admin/receptionists', 'get'>>, C.ReceptionAssignment[]>>();
same<Same<Problem, C.ProblemDetails>>();
// Requests: what the document asks for is what the contracts send.
same<Same<Body<Operation<'/api/bookings', 'post'>>, C.CreateBookingRequest>>();
same<Same<Body<Operation<'/api/buildings', 'post'>>, C.BuildingInput>>();
same<Same<Body<Operation<'/api/floors/{id}/layout/draft', 'put'>>, C.SaveDraftRequest>>();

/** Fetches an operation and returns its typed answer, or throws the problem. */
export async function call<P extends keyof paths, M extends Method>(
  baseUrl: string,
  token: string,
  method: M,
  path: P,
  params: Record<string, string> = {},
  body?: Body<Operation<P, M>>,
): Promise<Success<Operation<P, M>>> {
  const url = String(path).replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
  const res = await fetch(`${baseUrl}${url}`, {
    method: method.toUpperCase(),
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw (await res.json()) as Problem;
  return (res.status === 204 ? undefined : await res.json()) as Success<Operation<P, M>>;
}

/** What an employee's day looks like through this client: find a free desk and book it. */
export async function bookFirstFreeDesk(baseUrl: string, token: string, date: string): Promise<C.Booking | null> {
  for (const building of await call(baseUrl, token, 'get', '/api/buildings')) {
    for (const floor of building.floors) {
      const day = await call(baseUrl, token, 'get', '/api/floors/{id}/availability', { id: floor.id });
      const free = day.spaces.find((s) => s.state === 'free');
      if (free) return call(baseUrl, token, 'post', '/api/bookings', {}, { spaceId: free.spaceId, date, slot: 'day' });
    }
  }
  return null;
}
