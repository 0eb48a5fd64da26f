import { QUIET_ZONE, qrSvg } from './qr';

/** Reads the dark modules back out of the path, to compare codes without a decoder. */
function darkModules(path: string): Set<string> {
  const dark = new Set<string>();
  for (const m of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    const [x, y, n] = [Number(m[1]), Number(m[2]), Number(m[3])];
    for (let i = 0; i < n; i++) dark.add(`${x + i},${y}`);
  }
  return dark;
}

describe('qrSvg', () => {
  const url = 'https://flexdesk.example.org/check-in/3f2b8c1e-0d7a-4c55-9a1e-5b0f6f1d2c3a';

  it('draws a square code with its quiet zone as one path', () => {
    const qr = qrSvg(url);
    // A 69-byte URL needs version 5 at level M: 37 modules.
    expect(qr.moduleCount).toBe(37);
    expect(qr.viewBox).toBe(37 + 2 * QUIET_ZONE);
    expect(qr.path).toMatch(/^(M\d+ \d+h\d+v1h-\d+z)+$/);
  });

  it('has the three finder patterns in the corners, and nothing in the quiet zone', () => {
    const qr = qrSvg(url);
    const dark = darkModules(qr.path);
    const q = QUIET_ZONE;
    const last = q + qr.moduleCount - 7;
    for (const [x0, y0] of [
      [q, q],
      [last, q],
      [q, last],
    ]) {
      for (let dy = 0; dy < 7; dy++) {
        for (let dx = 0; dx < 7; dx++) {
          // Rings from the outside: dark, light, then a dark 3×3 centre.
          const ring = Math.min(dx, dy, 6 - dx, 6 - dy);
          expect(dark.has(`${x0 + dx},${y0 + dy}`)).toBe(ring !== 1);
        }
      }
    }
    const far = q + qr.moduleCount - 1;
    expect([...dark].every((k) => k.split(',').every((v) => Number(v) >= q && Number(v) <= far))).toBe(true);
  });

  it('encodes the text: different addresses give different codes, the same address the same', () => {
    expect(qrSvg(url).path).toBe(qrSvg(url).path);
    expect(qrSvg(url).path).not.toBe(qrSvg(url.replace('3f2b', '3f2c')).path);
  });

  it('takes non-ASCII text as UTF-8', () => {
    expect(qrSvg('https://example.org/Büro').moduleCount).toBeGreaterThan(0);
  });
});
