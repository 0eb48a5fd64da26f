import { refusedAddress, refusedUrl } from './webhook-address';

describe('webhook addresses (SSRF rules)', () => {
  it.each([
    ['169.254.169.254', true],
    ['169.254.1.1', true],
    ['::ffff:169.254.169.254', true],
    ['fe80::1', true],
    ['fd00:ec2::254', true],
    ['100.100.100.200', true],
    ['0.0.0.0', true],
    ['::', true],
  ])(
    'always refuses link-local, metadata and unspecified %s, even when insecure targets are allowed',
    (ip, refused) => {
      expect(refusedAddress(ip, true) !== null).toBe(refused);
      expect(refusedAddress(ip, false)).not.toBeNull();
    },
  );

  it('allows loopback only with WEBHOOK_ALLOW_INSECURE', () => {
    expect(refusedAddress('127.0.0.1', false)).toMatch(/loopback/);
    expect(refusedAddress('::1', false)).toMatch(/loopback/);
    expect(refusedAddress('::ffff:127.0.0.1', false)).toMatch(/loopback/);
    expect(refusedAddress('127.0.0.1', true)).toBeNull();
  });

  it('refuses private networks and accepts public addresses', () => {
    for (const ip of ['10.1.2.3', '172.16.0.1', '192.168.1.1', '100.64.0.1', 'fc00::1', '192.0.2.1']) {
      expect(refusedAddress(ip, true)).toMatch(/not a public/);
    }
    expect(refusedAddress('93.184.215.14', false)).toBeNull();
    expect(refusedAddress('2606:4700:4700::1111', false)).toBeNull();
  });

  it('checks URLs as written: https only, no credentials, no local names', () => {
    expect(refusedUrl('https://hooks.example.org/flexdesk', false)).toBeNull();
    expect(refusedUrl('http://hooks.example.org/flexdesk', false)).toMatch(/https/);
    expect(refusedUrl('http://hooks.example.org/flexdesk', true)).toBeNull();
    expect(refusedUrl('ftp://hooks.example.org', true)).not.toBeNull();
    expect(refusedUrl('https://user:pw@hooks.example.org', false)).toMatch(/credentials/);
    expect(refusedUrl('https://localhost/x', false)).toMatch(/localhost/);
    expect(refusedUrl('https://[fe80::1]/x', true)).toMatch(/link-local/);
    expect(refusedUrl('https://169.254.169.254/latest/meta-data', true)).toMatch(/metadata/);
    expect(refusedUrl('https://metadata.google.internal/', true)).toMatch(/metadata/);
    expect(refusedUrl('not a url', false)).toMatch(/absolute/);
  });
});
