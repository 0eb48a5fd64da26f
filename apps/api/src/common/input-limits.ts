import type { NextFunction, Request, Response } from 'express';
import type { FieldError } from '@flexdesk/shared-contracts';

/**
 * The edge's limits, in one place: every body, query and cookie passes them before any guard,
 * pipe or service sees it, so no route can forget them.
 */
export const INPUT_LIMITS = {
  /** Largest JSON body (uploads have their own limit). */
  bodyBytes: '1mb',
  /**
   * Deepest nesting of a JSON body. The deepest real request (a floor layout's zone outline) is
   * five levels; class-transformer and class-validator recurse per level and overflowed the stack
   * at ~2,000, so anything near that is refused before they run.
   */
  depth: 32,
} as const;

// A NUL cannot be stored in PostgreSQL text, and an unpaired UTF-16 surrogate has no UTF-8 form
// (it would be silently replaced or throw in encodeURIComponent, crypto or the driver).
const UNPAIRED_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function isSafeString(value: string): boolean {
  return !value.includes('\u0000') && !UNPAIRED_SURROGATE.test(value);
}

function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return parent ? `${parent}.${key}` : key;
}

/**
 * The first problem in a parsed JSON value: nested deeper than `maxDepth`, or a string (value or
 * key) holding a NUL or an unpaired surrogate. Iterative, so a hostile depth cannot overflow it.
 */
export function findUnsafeInput(value: unknown, maxDepth: number = INPUT_LIMITS.depth, root = ''): FieldError | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: root, depth: 0 }];
  while (stack.length > 0) {
    const { value: v, path, depth } = stack.pop() as { value: unknown; path: string; depth: number };
    if (typeof v === 'string') {
      if (!isSafeString(v)) return { path, message: 'must not contain NUL characters or unpaired surrogates' };
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (depth >= maxDepth) return { path, message: `is nested more than ${maxDepth} levels deep` };
    if (Array.isArray(v)) {
      v.forEach((item, i) => stack.push({ value: item, path: childPath(path, i), depth: depth + 1 }));
      continue;
    }
    for (const [key, item] of Object.entries(v)) {
      if (!isSafeString(key)) return { path, message: 'has a property name with NUL characters or unpaired surrogates' };
      stack.push({ value: item, path: childPath(path, key), depth: depth + 1 });
    }
  }
  return null;
}

/**
 * Cookies as plain strings. cookie-parser turns a value starting with `j:` into parsed JSON, so a
 * crafted session cookie reached token hashing as an object; no cookie of ours is JSON.
 */
export function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = Object.create(null);
  if (!header) return cookies;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    let value = part.slice(eq + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    if (!name || name in cookies) continue;
    try {
      value = decodeURIComponent(value);
    } catch {
      /* not percent-encoded: keep it as sent */
    }
    if (isSafeString(value)) cookies[name] = value;
  }
  return cookies;
}

export function stringCookies() {
  return (req: Request, _res: Response, next: NextFunction) => {
    req.cookies = parseCookies(req.headers.cookie);
    next();
  };
}
