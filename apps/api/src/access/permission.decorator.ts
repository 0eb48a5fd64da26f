import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiExtension } from '@nestjs/swagger';
import { type Permission, rolesWith, SESSION_COOKIE } from '@flexdesk/shared-contracts';

export const IS_PUBLIC = 'flexdesk:isPublic';
/** Routes of the provisioning client, authenticated by the SCIM token instead of a person's session. */
export const SCIM_TOKEN = 'flexdesk:scimToken';
export const REQUIRED_PERMISSION = 'flexdesk:permission';
/** Names of the security schemes in the OpenAPI document. */
export const BEARER_SCHEME = 'bearer';
export const COOKIE_SCHEME = 'session-cookie';

/**
 * Opts a route out of authentication. Every use is a reviewed decision: the route x role test lists
 * the public routes by name.
 */
export const Public = () => applyDecorators(SetMetadata(IS_PUBLIC, true), ApiExtension('x-permission', 'public'));

/**
 * The route belongs to the SCIM provisioning client: the authentication guard checks the bearer
 * token against `SCIM_TOKEN` instead of looking for a session, and there is no person to hold a
 * permission. Listed as `scim` in the route table.
 */
export const ScimAuthenticated = () =>
  applyDecorators(SetMetadata(SCIM_TOKEN, true), ApiBearerAuth(SCIM_SCHEME), ApiExtension('x-permission', 'scim'));
export const SCIM_SCHEME = 'scim-token';

/**
 * Declares what a route needs. The permission guard checks it before any pipe reads the body, so a
 * person without it gets 403 whatever they send. A route with neither this nor `@Public()` does
 * not start (see route-table.ts).
 */
export const RequirePermission = (permission: Permission) =>
  applyDecorators(
    SetMetadata(REQUIRED_PERMISSION, permission),
    ApiBearerAuth(BEARER_SCHEME),
    ApiCookieAuth(COOKIE_SCHEME),
    ApiExtension('x-permission', permission),
    ApiExtension('x-roles', rolesWith(permission)),
  );

export { SESSION_COOKIE };
