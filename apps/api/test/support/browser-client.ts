/**
 * Follows redirects across origins as a browser does, with a cookie jar per host, for flows such
 * as single sign-on that go back and forth between Flexdesk and an identity provider.
 */
export class BrowserClient {
  private readonly jars = new Map<string, Map<string, string>>();

  cookie(url: string, name: string): string | undefined {
    return this.jars.get(new URL(url).host)?.get(name);
  }

  /** One request, no redirects followed; cookies sent and stored. */
  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const host = new URL(url).host;
    const jar = this.jars.get(host) ?? new Map<string, string>();
    this.jars.set(host, jar);
    const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers ?? {}), ...(cookie ? { cookie } : {}) },
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const [name, ...value] = pair.split('=');
      const expired = attributes.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a) || /^\s*max-age=0\s*$/i.test(a));
      if (expired || value.join('=') === '') jar.delete(name.trim());
      else jar.set(name.trim(), value.join('='));
    }
    return res;
  }

  /** Follows redirects until a page answers (or `stopAt` matches the next location); returns the last response and its URL. */
  async follow(url: string, stopAt?: (location: string) => boolean): Promise<{ res: Response; url: string }> {
    let current = url;
    for (let hops = 0; hops < 15; hops++) {
      const res = await this.request(current);
      const location = res.headers.get('location');
      if (res.status < 300 || res.status >= 400 || !location) return { res, url: current };
      const next = new URL(location, current).href;
      if (stopAt?.(next)) return { res, url: next };
      current = next;
    }
    throw new Error(`too many redirects from ${url}`);
  }
}
