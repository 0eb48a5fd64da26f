import { findUnsafeInput, isSafeString, parseCookies } from './input-limits';

describe('input limits', () => {
  it('accepts well-formed text, including astral characters and umlauts', () => {
    expect(isSafeString('Müller 🏢 Straße')).toBe(true);
    expect(findUnsafeInput({ name: 'Bürgerbüro 🏢', list: [1, 'a', { b: null }] })).toBeNull();
  });

  it('finds NUL and unpaired surrogates in values and keys, with their path', () => {
    expect(findUnsafeInput({ a: [{ b: 'x\u0000' }] })).toEqual({ path: 'a[0].b', message: expect.any(String) });
    expect(findUnsafeInput({ a: 'x\ud800' })?.path).toBe('a');
    expect(findUnsafeInput({ a: '\udc00x' })?.path).toBe('a');
    expect(findUnsafeInput({ a: '\udfff\ud800' })?.path).toBe('a');
    expect(findUnsafeInput({ a: { 'k\u0000': 1 } })?.path).toBe('a');
    expect(findUnsafeInput('\u0000', 32, 'query.q')?.path).toBe('query.q');
  });

  it('refuses nesting deeper than the limit without recursing', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findUnsafeInput(deep, 32)?.message).toContain('32');
    let ok: unknown = 1;
    for (let i = 0; i < 32; i++) ok = { a: ok };
    expect(findUnsafeInput(ok, 32)).toBeNull();
    expect(findUnsafeInput({ a: ok }, 32)).not.toBeNull();
  });

  it('parses cookies as strings only', () => {
    expect(parseCookies('fd_session=j:{"a":1}; XSRF-TOKEN=a%20b; x="q"')).toEqual({
      fd_session: 'j:{"a":1}',
      'XSRF-TOKEN': 'a b',
      x: 'q',
    });
    expect(parseCookies('a=%E0%A4%A; b=1; a=2')).toEqual({ a: '%E0%A4%A', b: '1' });
    expect(parseCookies('a=%00')).toEqual({});
    expect(parseCookies(undefined)).toEqual({});
  });
});
