import { isIP } from 'node:net';

/** IPv4 ranges a webhook must not reach: this host, private networks, link-local (cloud metadata), CGNAT, multicast. */
const V4_BLOCKED: ReadonlyArray<readonly [number, number]> = [
  [0x00000000, 8], // 0.0.0.0/8 "this network"
  [0x0a000000, 8], // 10/8
  [0x64400000, 10], // 100.64/10 carrier-grade NAT
  [0x7f000000, 8], // 127/8 loopback
  [0xa9fe0000, 16], // 169.254/16 link-local, incl. 169.254.169.254 metadata
  [0xac100000, 12], // 172.16/12
  [0xc0a80000, 16], // 192.168/16
  [0xe0000000, 3], // 224/4 multicast and 240/4 reserved
];

function v4ToInt(ip: string): number {
  return ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

function blockedV4(ip: string): boolean {
  const n = v4ToInt(ip);
  return V4_BLOCKED.some(
    ([base, bits]) => Math.floor(n / 2 ** (32 - bits)) === Math.floor(base / 2 ** (32 - bits)),
  );
}

function blockedV6(ip: string): boolean {
  const lower = ip.toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (mapped?.[1]) {
    return blockedV4(mapped[1]);
  }
  return (
    lower === '::' ||
    lower === '::1' ||
    /^f[cd][0-9a-f]{2}:/.test(lower) || // fc00::/7 unique local
    /^fe[89ab][0-9a-f]:/.test(lower) || // fe80::/10 link-local
    /^ff[0-9a-f]{2}:/.test(lower) // multicast
  );
}

/** Whether an IP address (v4 or v6 text) is one a webhook must not be sent to. */
export function isPrivateAddress(ip: string): boolean {
  const version = isIP(ip);
  return version === 4 ? blockedV4(ip) : version === 6 ? blockedV6(ip) : false;
}
