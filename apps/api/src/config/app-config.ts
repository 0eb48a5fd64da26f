import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import type { Role } from '@flexdesk/shared-contracts';

/** Every setting the API reads, validated once at boot. `process.env` is read nowhere else. */
export interface AppConfig {
  port: number;
  host: string;
  /** The address people reach Flexdesk at (links in set-password mails, calendar feeds, sign-in redirects). */
  publicUrl: string;
  /** PostgreSQL server URL; null selects the embedded PGlite database. */
  databaseUrl: string | null;
  /** Folder of the embedded database (ignored with a server). */
  dataDir: string;
  /** Seed demo data: always on first start of the embedded database, on a server only when asked. */
  seedDemo: boolean;
  /** Connections per instance to a PostgreSQL server. */
  poolSize: number;
  sessionTtlHours: number;
  /** Send cookies with `Secure` (behind HTTPS). */
  cookieSecure: boolean;
  /** Built client to serve on the same port, or null for API only. */
  clientDir: string | null;
  /** Express `trust proxy` setting, for correct client IPs behind a reverse proxy. */
  trustProxy: string | false;
  loginRateLimit: { perIpPerWindow: number; failuresPerEmailPerWindow: number; windowSeconds: number };
  /** How long cancelled/released bookings and expired sessions are kept before purging (days). */
  retentionDays: number;
  /** Insights: figures built from fewer distinct people are suppressed (never below 5). */
  privacyMinGroup: number;
  /** How often background jobs (no-show release, privacy purge) run; 0 disables them. */
  jobsIntervalSeconds: number;
  /** Most verbose Nest log level written: error, warn, log, debug or verbose. */
  logLevel: LogLevelName;
  /** Sign-in with the organisation's OpenID provider, if configured. */
  oidc: OidcConfig | null;
  /** Password sign-in; false once single sign-on is set up. */
  localLogin: boolean;
  /** Bearer token of the SCIM provisioning client, or null (SCIM off). */
  scimToken: string | null;
  /** `json`: one JSON object per line, with the request id of the request it belongs to. */
  logFormat: 'text' | 'json';
  /** Prometheus metrics at `/metrics` on the main port for `Authorization: Bearer <token>`. */
  metricsToken: string | null;
  /** Prometheus metrics without a token on this separate port (keep it off the public network). */
  metricsPort: number | null;
  /** Live-event streams one person may hold open on one instance. */
  eventStreamsPerPerson: number;
  /** API processes (node:cluster workers) sharing the port; more than one needs a server database. */
  webConcurrency: number;
  /** E-mail and webhooks through the outbox. */
  notifications: NotificationsConfig;
}

export interface NotificationsConfig {
  /** `smtp://user:pass@host:587` or `smtps://…`; null: no e-mail is sent at all. */
  smtpUrl: string | null;
  /** Sender of every mail, `Flexdesk <desks@example.org>`. */
  mailFrom: string;
  /** Attempts before a message is parked for an admin to look at. */
  maxAttempts: number;
  /** Delay before the first retry; each further one doubles it (capped at six hours). */
  retrySeconds: number;
  /** Messages one instance sends at the same time (each is still sent by one instance only). */
  concurrency: number;
  /** How long a message being sent is one instance's; after a crash mid-send another retries it then. */
  leaseSeconds: number;
  /** Days sent messages are kept (then the privacy purge deletes them). */
  keepSentDays: number;
  /** Webhooks may also target http:// and loopback addresses (development and tests). */
  webhookAllowInsecure: boolean;
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  scopes: string;
  groupsClaim: string;
  /** Identity-provider group values that grant each role (employee is everyone's). */
  roleMap: Partial<Record<Exclude<Role, 'employee'>, string[]>>;
  /** Identity-provider groups become Flexdesk groups (and their memberships follow the provider). */
  syncGroups: boolean;
  /** Text of the sign-in button. */
  label: string;
  /** Allow an http:// issuer (development and tests only). */
  allowInsecure: boolean;
}

/**
 * `OIDC_ROLE_MAP`: `facility_manager=fm-team;receptionist=front-desk,empfang;admin=flexdesk-admins`,
 * a role and the provider's group values (comma-separated) that grant it.
 */
export function parseRoleMap(raw: string | undefined, errors: string[]): OidcConfig['roleMap'] {
  const map: OidcConfig['roleMap'] = {};
  for (const part of (raw ?? '')
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [role, values] = part.split('=').map((x) => x?.trim());
    if (!values || !['receptionist', 'facility_manager', 'admin'].includes(role)) {
      errors.push(
        `OIDC_ROLE_MAP: "${part}" is not role=group[,group] with a role of receptionist, facility_manager or admin`,
      );
      continue;
    }
    map[role as keyof OidcConfig['roleMap']] = values
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
  }
  return map;
}

export const LOG_LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function int(env: Env, key: string, fallback: number, min: number, max: number, errors: string[]): number {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    errors.push(`${key} must be an integer between ${min} and ${max} (got "${raw}")`);
    return fallback;
  }
  return n;
}

function bool(env: Env, key: string, fallback: boolean, errors: string[]): boolean {
  const raw = env[key]?.toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  errors.push(`${key} must be true or false (got "${env[key]}")`);
  return fallback;
}

/** `PUBLIC_URL` without a trailing slash; unset means this machine on PORT, over plain HTTP. */
function publicUrl(raw: string | undefined, port: number, errors: string[]): string {
  if (!raw) return `http://localhost:${port}`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    errors.push(`PUBLIC_URL must be an absolute http:// or https:// URL (got "${raw}")`);
    return `http://localhost:${port}`;
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.search || url.hash || url.username || url.password) {
    errors.push(`PUBLIC_URL must be an http:// or https:// URL without query, fragment or credentials (got "${raw}")`);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

export function loadConfig(env: Env = process.env, cwd = process.cwd(), cpus = availableParallelism()): AppConfig {
  const errors: string[] = [];
  const databaseUrl = env['DATABASE_URL']?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    errors.push('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const clientDirRaw = env['CLIENT_DIR'];
  const port = int(env, 'PORT', 3000, 0, 65535, errors);
  const config: AppConfig = {
    port,
    host: env['HOST'] || '0.0.0.0',
    publicUrl: publicUrl(env['PUBLIC_URL']?.trim(), port, errors),
    databaseUrl,
    dataDir: resolve(cwd, env['DATA_DIR'] || 'data'),
    seedDemo: bool(env, 'SEED_DEMO', databaseUrl === null, errors),
    // Server only: the embedded database always uses a single connection (see database/embedded.ts).
    poolSize: int(env, 'DB_POOL_SIZE', 10, 1, 200, errors),
    sessionTtlHours: int(env, 'SESSION_TTL_HOURS', 12, 1, 24 * 90, errors),
    cookieSecure: bool(env, 'COOKIE_SECURE', false, errors),
    clientDir: clientDirRaw === '' ? null : resolve(cwd, clientDirRaw || 'dist/apps/client/browser'),
    trustProxy: env['TRUST_PROXY'] ? env['TRUST_PROXY'] : false,
    loginRateLimit: {
      perIpPerWindow: int(env, 'LOGIN_RATE_LIMIT_PER_IP', 60, 1, 100000, errors),
      failuresPerEmailPerWindow: int(env, 'LOGIN_RATE_LIMIT_FAILURES', 10, 1, 1000, errors),
      windowSeconds: int(env, 'LOGIN_RATE_LIMIT_WINDOW_SECONDS', 900, 1, 86400, errors),
    },
    retentionDays: int(env, 'RETENTION_DAYS', 90, 1, 3650, errors),
    privacyMinGroup: int(env, 'PRIVACY_MIN_GROUP', 5, 5, 1000, errors),
    jobsIntervalSeconds: int(env, 'JOBS_INTERVAL_SECONDS', 60, 0, 86400, errors),
    logLevel: (LOG_LEVELS as readonly string[]).includes(env['LOG_LEVEL'] ?? '')
      ? (env['LOG_LEVEL'] as LogLevelName)
      : 'log',
    oidc: null,
    localLogin: bool(env, 'LOCAL_LOGIN', true, errors),
    scimToken: env['SCIM_TOKEN']?.trim() || null,
    logFormat: (env['LOG_FORMAT'] || 'text').toLowerCase() as 'text' | 'json',
    metricsToken: env['METRICS_TOKEN'] ? env['METRICS_TOKEN'] : null,
    metricsPort: env['METRICS_PORT'] ? int(env, 'METRICS_PORT', 0, 1, 65535, errors) : null,
    eventStreamsPerPerson: int(env, 'EVENT_STREAMS_PER_PERSON', 10, 1, 1000, errors),
    webConcurrency: int(env, 'WEB_CONCURRENCY', databaseUrl ? cpus : 1, 1, 64, errors),
    notifications: {
      smtpUrl: env['SMTP_URL']?.trim() || null,
      mailFrom: env['MAIL_FROM']?.trim() || 'Flexdesk <flexdesk@localhost>',
      maxAttempts: int(env, 'NOTIFY_MAX_ATTEMPTS', 8, 1, 100, errors),
      retrySeconds: int(env, 'NOTIFY_RETRY_SECONDS', 30, 1, 86400, errors),
      keepSentDays: int(env, 'NOTIFY_KEEP_SENT_DAYS', 30, 1, 3650, errors),
      leaseSeconds: int(env, 'NOTIFY_LEASE_SECONDS', 120, 1, 3600, errors),
      // The embedded database runs one query at a time: more senders would only queue there.
      concurrency: int(env, 'NOTIFY_CONCURRENCY', databaseUrl ? 4 : 1, 1, 64, errors),
      webhookAllowInsecure: bool(env, 'WEBHOOK_ALLOW_INSECURE', false, errors),
    },
  };
  const smtp = config.notifications.smtpUrl;
  if (smtp && !/^smtps?:\/\/[^/\s]+/.test(smtp)) errors.push('SMTP_URL must be an smtp:// or smtps:// URL');
  const from = /^(?:[^<>]*<([^<>]+)>|([^<>\s]+))$/.exec(config.notifications.mailFrom);
  if (!/^[^@\s]+@[^@\s]+$/.test(from?.[1] ?? from?.[2] ?? '')) {
    errors.push('MAIL_FROM must be an address, optionally with a name: Flexdesk <desks@example.org>');
  }
  if (env['OIDC_ISSUER']) {
    const issuer = env['OIDC_ISSUER'].trim().replace(/\/+$/, '');
    const allowInsecure = bool(env, 'OIDC_ALLOW_INSECURE', false, errors);
    if (!/^https:\/\//.test(issuer) && !(allowInsecure && /^http:\/\//.test(issuer))) {
      errors.push('OIDC_ISSUER must be an https:// URL (http:// only with OIDC_ALLOW_INSECURE=true)');
    }
    if (!env['OIDC_CLIENT_ID']) errors.push('OIDC_CLIENT_ID is required with OIDC_ISSUER');
    config.oidc = {
      issuer,
      clientId: env['OIDC_CLIENT_ID'] ?? '',
      clientSecret: env['OIDC_CLIENT_SECRET'] ?? '',
      scopes: env['OIDC_SCOPES']?.trim() || 'openid profile email',
      groupsClaim: env['OIDC_GROUPS_CLAIM']?.trim() || 'groups',
      roleMap: parseRoleMap(env['OIDC_ROLE_MAP'], errors),
      syncGroups: bool(env, 'OIDC_SYNC_GROUPS', true, errors),
      label: env['OIDC_LABEL']?.trim() || new URL(/^https?:\/\//.test(issuer) ? issuer : 'http://invalid').hostname,
      allowInsecure,
    };
  }
  if (!config.localLogin && !config.oidc)
    errors.push('LOCAL_LOGIN=false needs single sign-on (OIDC_ISSUER), or nobody could sign in');
  if (config.scimToken !== null && config.scimToken.length < 32)
    errors.push('SCIM_TOKEN must be at least 32 characters');
  if (config.webConcurrency > 1 && !databaseUrl) {
    errors.push('WEB_CONCURRENCY above 1 needs DATABASE_URL: the embedded database belongs to one process');
  }
  if (!['text', 'json'].includes(config.logFormat)) errors.push(`LOG_FORMAT must be text or json (got "${env['LOG_FORMAT']}")`);
  if (config.metricsToken !== null && config.metricsToken.length < 16) {
    errors.push('METRICS_TOKEN must be at least 16 characters');
  }
  if (config.metricsPort !== null && config.metricsPort === config.port && config.port !== 0) {
    errors.push('METRICS_PORT must differ from PORT');
  }
  if (env['LOG_LEVEL'] && config.logLevel !== env['LOG_LEVEL']) {
    errors.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  }
  if (errors.length > 0) {
    throw new ConfigError(`Invalid configuration:\n  - ${errors.join('\n  - ')}`);
  }
  return config;
}

/** Injection token for the validated configuration. */
export const APP_CONFIG = Symbol('APP_CONFIG');
