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

  it('takes the public address without a trailing slash, defaulting to this port on localhost', () => {
    expect(loadConfig({}).publicUrl).toBe('http://localhost:3000');
    expect(loadConfig({ PORT: '8080' }).publicUrl).toBe('http://localhost:8080');
    expect(loadConfig({ PUBLIC_URL: 'https://desks.musterstadt.de/flexdesk/' }).publicUrl).toBe('https://desks.musterstadt.de/flexdesk');
    expect(() => loadConfig({ PUBLIC_URL: 'desks.musterstadt.de' })).toThrow(/PUBLIC_URL/);
    expect(() => loadConfig({ PUBLIC_URL: 'https://desks.musterstadt.de/?x=1' })).toThrow(/PUBLIC_URL/);
  });
});
