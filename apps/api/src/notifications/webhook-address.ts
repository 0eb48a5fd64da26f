import { BlockList, isIP } from 'node:net';

/** Never reachable by a webhook, whatever the configuration: link-local, cloud metadata, unspecified, multicast. */
const ALWAYS_REFUSED = new BlockList();
ALWAYS_REFUSED.addSubnet('169.254.0.0', 16, 'ipv4'); // link-local, incl. 169.254.169.254 (metadata)
ALWAYS_REFUSED.addSubnet('0.0.0.0', 8, 'ipv4');
ALWAYS_REFUSED.addSubnet('224.0.0.0', 3, 'ipv4'); // multicast and reserved
ALWAYS_REFUSED.addAddress('100.100.100.200', 'ipv4'); // Alibaba Cloud metadata
ALWAYS_REFUSED.addSubnet('fe80::', 10, 'ipv6');
ALWAYS_REFUSED.addAddress('fd00:ec2::254', 'ipv6'); // AWS metadata over IPv6
ALWAYS_REFUSED.addAddress('::', 'ipv6');
ALWAYS_REFUSED.addSubnet('ff00::', 8, 'ipv6');

/** Loopback: allowed only with WEBHOOK_ALLOW_INSECURE (development and tests). */
const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/** Not public: private networks, carrier-grade NAT, unique local IPv6, documentation and benchmark ranges. */
const NOT_PUBLIC = new BlockList();
for (const [net, bits] of [
  ['10.0.0.0', 8],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['100.64.0.0', 10],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
] as const)
  NOT_PUBLIC.addSubnet(net, bits, 'ipv4');
NOT_PUBLIC.addSubnet('fc00::', 7, 'ipv6');
NOT_PUBLIC.addSubnet('2001:db8::', 32, 'ipv6');

/** `::ffff:a.b.c.d` is the IPv4 address it wraps. */
function unwrap(address: string): { address: string; family: 'ipv4' | 'ipv6' } {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return { address: mapped[1], family: 'ipv4' };
  return { address, family: isIP(address) === 6 ? 'ipv6' : 'ipv4' };
}

/** Why a webhook may not connect to this IP address, or null if it may. */
export function refusedAddress(ip: string, allowInsecure: boolean): string | null {
  if (!isIP(ip)) return 'not an IP address';
  const { address, family } = unwrap(ip);
  if (ALWAYS_REFUSED.check(address, family)) return `${ip} is a link-local, metadata or reserved address`;
  if (LOOPBACK.check(address, family)) return allowInsecure ? null : `${ip} is a loopback address`;
  if (NOT_PUBLIC.check(address, family)) return `${ip} is not a public address`;
  return null;
}

/** Why a webhook URL is refused as written (before any DNS lookup), or null. */
export function refusedUrl(raw: string, allowInsecure: boolean): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'not an absolute URL';
  }
  if (url.protocol !== 'https:' && !(allowInsecure && url.protocol === 'http:')) {
    return allowInsecure ? 'only http:// and https:// URLs' : 'only https:// URLs';
  }
  if (url.username || url.password) return 'no credentials in the URL (the signature authenticates Flexdesk)';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) return refusedAddress(host, allowInsecure);
  if (/^(localhost|.*\.localhost)$/i.test(host) && !allowInsecure) return 'localhost is not a public address';
  if (/^metadata(\.google\.internal)?$/i.test(host)) return 'a metadata address';
  return null;
}
