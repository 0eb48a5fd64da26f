/* eslint-disable @typescript-eslint/no-explicit-any -- handler parameters are irrelevant here; only the result type is checked */
import { applyDecorators, HttpCode } from '@nestjs/common';
import type { MessageEvent } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { Observable } from 'rxjs';
import type * as C from '@flexdesk/shared-contracts';

/**
 * Contract types that operations answer with, under the name of their schema in the OpenAPI
 * document (generated from `libs/shared/contracts`, see contract-schemas.ts). A name that the
 * generated schemas lack does not compile.
 */
export interface ResponseSchemas {
  AuditEntry: C.AuditEntry;
  BackgroundUpload: C.BackgroundUpload;
  Booking: C.Booking;
  Building: C.Building;
  BuildingOccupancy: C.BuildingOccupancy;
  BuildingSummary: C.BuildingSummary;
  CalendarFeed: C.CalendarFeed;
  CalendarFeedStatus: C.CalendarFeedStatus;
  Floor: C.Floor;
  FloorAvailability: C.FloorAvailability;
  FloorLayout: C.FloorLayout;
  FloorSummary: C.FloorSummary;
  GroupSummary: C.GroupSummary;
  Health: C.Health;
  LayoutDraft: C.LayoutDraft;
  Liveness: C.Liveness;
  LoginResponse: C.LoginResponse;
  Me: C.Me;
  PersonSearchResult: C.PersonSearchResult;
  PasswordTokenInfo: C.PasswordTokenInfo;
  SignInOptions: C.SignInOptions;
  SeriesResult: C.SeriesResult;
  BookingSeries: C.BookingSeries;
  Favourite: C.Favourite;
  Colleague: C.Colleague;
  ColleaguePlace: C.ColleaguePlace;
  SpaceAssignee: C.SpaceAssignee;
  MyAssignedDesk: C.MyAssignedDesk;
  Absence: C.Absence;
  AbsenceResult: C.AbsenceResult;
  WaitlistEntry: C.WaitlistEntry;
  LogoutResult: C.LogoutResult;
  PersonAdminView: C.PersonAdminView;
  PeoplePage: C.PeoplePage;
  CreatedPerson: C.CreatedPerson;
  PasswordLink: C.PasswordLink;
  DeactivationResult: C.DeactivationResult;
  PeopleImportResult: C.PeopleImportResult;
  GroupAdminView: C.GroupAdminView;
  PublishResult: C.PublishResult;
  Readiness: C.Readiness;
  ReceptionAssignment: C.ReceptionAssignment;
  NotificationPreferences: C.NotificationPreferences;
  OutboxMessage: C.OutboxMessage;
  Webhook: C.Webhook;
  CreatedWebhook: C.CreatedWebhook;
  InsightsReport: C.InsightsReport;
  PrivacySheet: C.PrivacySheet;
  PersonalDataExport: C.PersonalDataExport;
}

/** What `buildOpenApiDocument` turns into the operation's success response. */
export interface ReturnsExtension {
  schema?: keyof ResponseSchemas;
  array?: boolean;
  /** Non-JSON answers: the media type, with a string (or binary) body. */
  media?: string;
  binary?: boolean;
  /** A `302` to another page instead of a body. */
  redirect?: boolean;
  /** A JSON object described by another standard (SCIM resources, RFC 7643). */
  object?: boolean;
}
export const RETURNS_EXTENSION = 'x-returns';

/**
 * Only the handler's result is checked; `TypedPropertyDescriptor` would also compare parameters
 * through its setter, so the descriptor is typed by its `value` alone.
 */
type Handler<T> = (...args: any[]) => T | Promise<T>;
type CheckedMethodDecorator<T> = (target: object, key: string | symbol, descriptor: { value?: Handler<T> }) => void;

/**
 * The operation answers with the named contract type (as JSON), or a list of it. The compiler
 * checks the handler returns that very type, so the document cannot promise something else.
 */
export function Returns<K extends keyof ResponseSchemas>(schema: K): CheckedMethodDecorator<ResponseSchemas[K]>;
export function Returns<K extends keyof ResponseSchemas>(
  schema: K,
  options: { array: true },
): CheckedMethodDecorator<ResponseSchemas[K][]>;
export function Returns(schema: keyof ResponseSchemas, options?: { array: true }): CheckedMethodDecorator<unknown> {
  return applyDecorators(
    ApiExtension(RETURNS_EXTENSION, { schema, array: !!options?.array } satisfies ReturnsExtension),
  );
}

/** A text answer such as `text/calendar` or `text/csv`. */
export function ReturnsText(media: string): CheckedMethodDecorator<string> {
  return applyDecorators(ApiExtension(RETURNS_EXTENSION, { media } satisfies ReturnsExtension));
}

/** A binary answer written to the response directly (e.g. an image). */
export function ReturnsBinary(media: string): CheckedMethodDecorator<void> {
  return applyDecorators(ApiExtension(RETURNS_EXTENSION, { media, binary: true } satisfies ReturnsExtension));
}

/** Server-sent events (`text/event-stream`). */
export function ReturnsEventStream(): CheckedMethodDecorator<Observable<MessageEvent>> {
  return applyDecorators(ApiExtension(RETURNS_EXTENSION, { media: 'text/event-stream' } satisfies ReturnsExtension));
}

/** A SCIM resource or list (RFC 7643/7644) as `application/scim+json`. */
export function ReturnsScim(): CheckedMethodDecorator<Record<string, unknown>> {
  return applyDecorators(
    ApiExtension(RETURNS_EXTENSION, { media: 'application/scim+json', object: true } satisfies ReturnsExtension),
  );
}

/** `302 Found` to another page (browser flows such as single sign-on). */
export function Redirects(): CheckedMethodDecorator<void> {
  return applyDecorators(ApiExtension(RETURNS_EXTENSION, { redirect: true } satisfies ReturnsExtension));
}

/** `204 No Content`. */
export function NoContent(): CheckedMethodDecorator<void> {
  return applyDecorators(HttpCode(204));
}
