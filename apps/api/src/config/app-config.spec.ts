import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('defaults to the embedded database with demo data', () => {
    const c = loadConfig({}, '/srv/flexdesk');
    expect(c).toMatchObject({ port: 3000, databaseUrl: null, dataDir: '/srv/flexdesk/data', seedDemo: true, logLevel: 'log' });
    expect(c.clientDir).toBe('/srv/flexdesk/dist/apps/client/browser');
  });

  it('does not seed a server database unless asked', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://db/flexdesk' }).seedDemo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://db/flexdesk', SEED_DEMO: 'true' }).seedDemo).toBe(true);
  });

  it('reports every invalid setting at once', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', SEED_DEMO: 'maybe', LOG_LEVEL: 'loud' })).toThrow(ConfigError);
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

  it('validates the operations settings', () => {
    expect(loadConfig({ PORT: '8080' }).publicUrl).toBe('http://localhost:8080');
    expect(loadConfig({ PUBLIC_URL: 'https://desks.example.org/flexdesk/' }).publicUrl).toBe('https://desks.example.org/flexdesk');
    const c = loadConfig({ LOG_FORMAT: 'json', METRICS_TOKEN: 'a'.repeat(32), METRICS_PORT: '9464' });
    expect(c).toMatchObject({ logFormat: 'json', metricsToken: 'a'.repeat(32), metricsPort: 9464, eventStreamsPerPerson: 10 });
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
});
