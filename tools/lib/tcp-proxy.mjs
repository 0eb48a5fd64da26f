// A TCP proxy between an API process and its database, to stage outages: cut() drops every
// connection and refuses new ones, terminate() drops open connections only, restore() listens again
// on the same port. (apps/api/test/support/tcp-proxy.ts is the same for the Jest specs.)
import { createConnection, createServer } from 'node:net';

export class TcpProxy {
  server = null;
  sockets = new Set();
  port = 0;

  constructor(targetHost, targetPort) {
    this.targetHost = targetHost;
    this.targetPort = targetPort;
  }

  /** Proxies a postgres:// URL; returns the proxy and the URL that goes through it. */
  static async forUrl(url) {
    const parsed = new URL(url);
    const proxy = new TcpProxy(parsed.hostname, Number(parsed.port || 5432));
    await proxy.restore();
    parsed.hostname = '127.0.0.1';
    parsed.port = String(proxy.port);
    return { proxy, url: parsed.toString() };
  }

  async restore() {
    if (this.server) return;
    const server = createServer((client) => {
      const upstream = createConnection({ host: this.targetHost, port: this.targetPort });
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => undefined);
      }
      client.pipe(upstream);
      upstream.pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = server.address().port;
    this.server = server;
  }

  terminate() {
    for (const s of this.sockets) s.destroy();
  }

  async cut() {
    const server = this.server;
    this.server = null;
    this.terminate();
    if (server) await new Promise((resolve) => server.close(() => resolve()));
  }
}
