import type { IncomingMessage } from 'node:http';
import { BlockList, isIP } from 'node:net';

/**
 * The address of the client that sent a request, for sign-in limits and the audit log.
 *
 * By default it is the socket's remote address, and `X-Forwarded-For` is ignored: anyone can
 * send that header, so believing it would let an attacker pick a new address per request.
 * Behind a reverse proxy, list the proxy's addresses (or networks, in CIDR notation) in
 * `CRM_TRUSTED_PROXIES`: when the socket's address is one of them, `X-Forwarded-For` is read
 * from the right, skipping trusted addresses, and the first untrusted one is the client.
 */
export interface TrustedProxies {
  /** True when `address` (normalised) is a listed proxy. */
  has(address: string): boolean;
  /** The list as configured, for messages. */
  readonly entries: readonly string[];
}

/** IPv4 addresses reach an IPv6 socket as `::ffff:1.2.3.4`: compare and record them as `1.2.3.4`. */
export function normalizeAddress(address: string): string {
  const trimmed = address.trim();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  if (mapped) return mapped[1];
  return trimmed.toLowerCase();
}

/**
 * Parses `CRM_TRUSTED_PROXIES`: a comma-separated list of addresses and CIDR networks
 * (`10.0.0.1, 10.1.0.0/16, ::1`), or `loopback` for 127.0.0.0/8 and ::1. Empty: trust no one.
 */
export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const list = new BlockList();
  const entries = (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  for (const entry of entries) {
    if (entry.toLowerCase() === 'loopback') {
      list.addSubnet('127.0.0.0', 8, 'ipv4');
      list.addAddress('::1', 'ipv6');
      continue;
    }
    const [address, prefix, ...rest] = entry.split('/');
    const family = isIP(address);
    if (family === 0 || rest.length > 0) throw new Error(`CRM_TRUSTED_PROXIES: "${entry}" is not an address or CIDR`);
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (prefix === undefined) {
      list.addAddress(address, type);
      continue;
    }
    const bits = Number(prefix);
    if (!/^\d+$/.test(prefix) || bits > (family === 4 ? 32 : 128)) {
      throw new Error(`CRM_TRUSTED_PROXIES: "${entry}" has an invalid prefix length`);
    }
    list.addSubnet(address, bits, type);
  }
  return {
    entries,
    has(address) {
      const family = isIP(address);
      if (entries.length === 0 || family === 0) return false;
      return list.check(address, family === 4 ? 'ipv4' : 'ipv6');
    },
  };
}

/** Nobody is trusted: the socket's address is the client's. */
export const NO_TRUSTED_PROXIES = parseTrustedProxies('');

/** The client's address (see TrustedProxies); `unknown` when the socket has none (closed already). */
export function clientAddress(
  req: Pick<IncomingMessage, 'headers'> & { socket: { remoteAddress?: string } },
  trusted: TrustedProxies = NO_TRUSTED_PROXIES,
): string {
  let address = normalizeAddress(req.socket.remoteAddress ?? 'unknown');
  if (!trusted.has(address)) return address;
  const header = req.headers['x-forwarded-for'];
  const hops = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map(normalizeAddress)
    .filter((hop) => hop !== '');
  // From the right: each trusted hop vouches for the one before it; the first untrusted is the client.
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i];
    if (isIP(hop) === 0) break;
    address = hop;
    if (!trusted.has(hop)) break;
  }
  return address;
}
