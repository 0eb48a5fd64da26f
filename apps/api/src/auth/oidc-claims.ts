import type { Role } from '@flexdesk/shared-contracts';
import type { OidcConfig } from '../config/app-config';

export interface OidcIdentity {
  issuer: string;
  subject: string;
  email: string | null;
  displayName: string;
  /** The provider's group values (for roles and, if synchronised, groups). */
  groups: string[];
}

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);

/** A claim by name, or by a dotted path for providers that nest them (Keycloak's `realm_access.roles`). */
function claim(claims: Record<string, unknown>, path: string): unknown {
  if (path in claims) return claims[path];
  return path
    .split('.')
    .reduce<unknown>(
      (v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined),
      claims,
    );
}

/**
 * Who signed in, from the ID token's claims merged with the userinfo answer. Entra ID sends group
 * object ids, Keycloak group paths (`/fm-team`): both are kept as they come, a leading slash
 * dropped, so the role map can name them.
 */
export function identityFromClaims(
  issuer: string,
  claims: Record<string, unknown>,
  groupsClaim: string,
): OidcIdentity | null {
  const subject = text(claims['sub']);
  if (!subject) return null;
  const candidate = text(claims['email'])?.toLowerCase() ?? text(claims['preferred_username'])?.toLowerCase() ?? null;
  const email = candidate && /^[^\s@]+@[^\s@]+$/.test(candidate) ? candidate : null;
  const given = [text(claims['given_name']), text(claims['family_name'])].filter(Boolean).join(' ');
  const displayName = text(claims['name']) ?? (given || email || subject);
  const raw = claim(claims, groupsClaim);
  const groups = (Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : [])
    .filter((g): g is string => typeof g === 'string' && g.trim() !== '')
    .map((g) => g.trim().replace(/^\//, ''));
  return { issuer, subject, email, displayName: displayName.slice(0, 200), groups: [...new Set(groups)] };
}

/** Everyone is an employee; other roles come from the provider's groups through the role map. */
export function rolesFromGroups(groups: string[], roleMap: OidcConfig['roleMap']): Role[] {
  const roles: Role[] = ['employee'];
  for (const [role, values] of Object.entries(roleMap) as [Role, string[]][]) {
    if (values.some((v) => groups.includes(v))) roles.push(role);
  }
  return roles;
}

/** Only paths of this app, so a crafted sign-in link cannot send anyone elsewhere afterwards. */
export function safeReturnTo(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])[^\s]*$/.test(value) && value.length <= 500 ? value : '/';
}
