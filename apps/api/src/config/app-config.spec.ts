import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('defaults to the embedded database with demo data', () => {
    const c = loadConfig({}, '/srv/flexdesk');
    expect(c).toMatchObject({
      port: 3000,
      databaseUrl: null,
      dataDir: '/srv/flexdesk/data',
      seedDemo: true,
      logLevel: 'log',
    });
    expect(c.clientDir).toBe('/srv/flexdesk/dist/apps/client/browser');
  });

  it('does not seed a server database unless asked', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://db/flexdesk' }).seedDemo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://db/flexdesk', SEED_DEMO: 'true' }).seedDemo).toBe(true);
  });

  it('reports every invalid setting at once', () => {
    expect(() =>
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', SEED_DEMO: 'maybe', LOG_LEVEL: 'loud' }),
    ).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', SEED_DEMO: 'maybe' });
    } catch (e) {
      const message = (e as Error).message;
      expect(message).toContain('PORT');
      expect(message).toContain('DATABASE_URL');
      expect(message).toContain('SEED_DEMO');
    }
  });

  it('turns off the client with an empty CLIENT_DIR', () => {
    expect(loadConfig({ CLIENT_DIR: '' }).clientDir).toBeNull();
  });

  it('takes the public address without a trailing slash, defaulting to this port on localhost', () => {
    expect(loadConfig({}).publicUrl).toBe('http://localhost:3000');
    expect(loadConfig({ PORT: '8080' }).publicUrl).toBe('http://localhost:8080');
    expect(loadConfig({ PUBLIC_URL: 'https://desks.musterstadt.de/flexdesk/' }).publicUrl).toBe(
      'https://desks.musterstadt.de/flexdesk',
    );
    expect(() => loadConfig({ PUBLIC_URL: 'desks.musterstadt.de' })).toThrow(/PUBLIC_URL/);
    expect(() => loadConfig({ PUBLIC_URL: 'https://desks.musterstadt.de/?x=1' })).toThrow(/PUBLIC_URL/);
  });

  it('reads single sign-on with its role map, refusing http issuers unless allowed', () => {
    const c = loadConfig({
      OIDC_ISSUER: 'https://login.example.org/realms/town/',
      OIDC_CLIENT_ID: 'flexdesk',
      OIDC_CLIENT_SECRET: 's3cret',
      OIDC_ROLE_MAP: 'facility_manager=fm-team; receptionist=front-desk,empfang ;admin=flexdesk-admins',
    });
    expect(c.oidc).toMatchObject({
      issuer: 'https://login.example.org/realms/town',
      scopes: 'openid profile email',
      groupsClaim: 'groups',
      syncGroups: true,
      label: 'login.example.org',
      roleMap: { facility_manager: ['fm-team'], receptionist: ['front-desk', 'empfang'], admin: ['flexdesk-admins'] },
    });
    expect(() => loadConfig({ OIDC_ISSUER: 'http://127.0.0.1:4000', OIDC_CLIENT_ID: 'x' })).toThrow(/OIDC_ISSUER/);
    expect(
      loadConfig({ OIDC_ISSUER: 'http://127.0.0.1:4000', OIDC_CLIENT_ID: 'x', OIDC_ALLOW_INSECURE: 'true' }).oidc
        ?.issuer,
    ).toBe('http://127.0.0.1:4000');
    expect(() =>
      loadConfig({ OIDC_ISSUER: 'https://x.example', OIDC_CLIENT_ID: 'x', OIDC_ROLE_MAP: 'boss=all' }),
    ).toThrow(/OIDC_ROLE_MAP/);
    expect(loadConfig({}).oidc).toBeNull();
  });

  it('refuses to switch off password sign-in without single sign-on, and short SCIM tokens', () => {
    expect(() => loadConfig({ LOCAL_LOGIN: 'false' })).toThrow(/LOCAL_LOGIN/);
    expect(loadConfig({ LOCAL_LOGIN: 'false', OIDC_ISSUER: 'https://x.example', OIDC_CLIENT_ID: 'x' }).localLogin).toBe(
      false,
    );
    expect(() => loadConfig({ SCIM_TOKEN: 'short' })).toThrow(/SCIM_TOKEN/);
    expect(loadConfig({ SCIM_TOKEN: 'x'.repeat(40) }).scimToken).toBe('x'.repeat(40));
  });

  it('validates the operations settings', () => {
    expect(loadConfig({ PORT: '8080' }).publicUrl).toBe('http://localhost:8080');
    expect(loadConfig({ PUBLIC_URL: 'https://desks.example.org/flexdesk/' }).publicUrl).toBe(
      'https://desks.example.org/flexdesk',
    );
    const c = loadConfig({ LOG_FORMAT: 'json', METRICS_TOKEN: 'a'.repeat(32), METRICS_PORT: '9464' });
    expect(c).toMatchObject({
      logFormat: 'json',
      metricsToken: 'a'.repeat(32),
      metricsPort: 9464,
      eventStreamsPerPerson: 10,
    });
    for (const bad of [
      { PUBLIC_URL: 'desks.example.org' },
      { PUBLIC_URL: 'ftp://desks.example.org' },
      { PUBLIC_URL: 'https://desks.example.org/?x=1' },
      { PUBLIC_URL: 'https://user:pw@desks.example.org' },
      { LOG_FORMAT: 'xml' },
      { METRICS_TOKEN: 'short' },
      { METRICS_PORT: '3000' },
      { METRICS_PORT: '70000' },
      { EVENT_STREAMS_PER_PERSON: '0' },
      { WEB_CONCURRENCY: '2' },
      { WEB_CONCURRENCY: '0', DATABASE_URL: 'postgres://db/x' },
    ]) {
      expect(() => loadConfig(bad)).toThrow(ConfigError);
    }
  });

  it('runs one process per CPU on a server database and one on the embedded database', () => {
    expect(loadConfig({}, '/srv', 4).webConcurrency).toBe(1);
    expect(loadConfig({ DATABASE_URL: 'postgres://db/x' }, '/srv', 4).webConcurrency).toBe(4);
    expect(loadConfig({ DATABASE_URL: 'postgres://db/x', WEB_CONCURRENCY: '1' }, '/srv', 4).webConcurrency).toBe(1);
  });

  it('sends no mail without SMTP_URL and validates the mail settings', () => {
    expect(loadConfig({}).notifications).toMatchObject({
      smtpUrl: null,
      maxAttempts: 8,
      retrySeconds: 30,
      webhookAllowInsecure: false,
    });
    const ok = loadConfig({
      SMTP_URL: 'smtp://u:p@mail.example.org:587',
      MAIL_FROM: 'Flexdesk Rathaus <desks@example.org>',
    });
    expect(ok.notifications.smtpUrl).toBe('smtp://u:p@mail.example.org:587');
    expect(() =>
      loadConfig({ SMTP_URL: 'mail.example.org', MAIL_FROM: 'not an address', NOTIFY_MAX_ATTEMPTS: '0' }),
    ).toThrow(/SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL[\s\S]*MAIL_FROM must be an address/);
    expect(() => loadConfig({ NOTIFY_MAX_ATTEMPTS: '0' })).toThrow(/NOTIFY_MAX_ATTEMPTS/);
  });
});
