import type { Response } from 'express';
import { SCIM_PREFIX } from '@flexdesk/shared-contracts';

export const SCIM_ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';

/** Under `/scim`, provisioning clients expect every error in SCIM's form, even for a route that does not exist. */
export const isScimRequest = (path: string) => path === `/${SCIM_PREFIX}` || path.startsWith(`/${SCIM_PREFIX}/`);

/** An error in SCIM's own format (RFC 7644 §3.12): the status as a string, an optional `scimType`. */
export function sendScimError(res: Response, status: number, detail: string, scimType: string | null = null): void {
  res
    .status(status)
    .type('application/scim+json')
    .send(JSON.stringify({ schemas: [SCIM_ERROR_SCHEMA], status: String(status), ...(scimType ? { scimType } : {}), detail }));
}
