import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test/test-server.js';
import { clientAddress, normalizeAddress, parseTrustedProxies } from './client-address.js';

const request = (remoteAddress: string | undefined, forwardedFor?: string | string[]) => ({
  socket: { remoteAddress },
  headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
});

describe('client address', () => {
  it('is the socket address, X-Forwarded-For ignored, when no proxy is trusted', () => {
    expect(clientAddress(request('203.0.113.7', '198.51.100.1'))).toBe('203.0.113.7');
    expect(clientAddress(request('127.0.0.1', '198.51.100.1'), parseTrustedProxies(''))).toBe('127.0.0.1');
  });

  it('IPv4 seen through an IPv6 socket is written the IPv4 way', () => {
    expect(normalizeAddress('::ffff:10.0.0.5')).toBe('10.0.0.5');
    expect(clientAddress(request('::FFFF:10.0.0.5'))).toBe('10.0.0.5');
    expect(clientAddress(request(undefined))).toBe('unknown');
  });

  it('X-Forwarded-For is read from a trusted proxy: the rightmost untrusted hop is the client', () => {
    const trusted = parseTrustedProxies('10.0.0.1, 10.1.0.0/16');
    expect(clientAddress(request('10.0.0.1', '198.51.100.1'), trusted)).toBe('198.51.100.1');
    // The client cannot choose: what it sent itself (the leftmost entry) is before the proxies'.
    expect(clientAddress(request('10.0.0.1', '1.2.3.4, 198.51.100.1, 10.1.2.3'), trusted)).toBe('198.51.100.1');
    expect(clientAddress(request('10.0.0.1', ['1.2.3.4', '198.51.100.2']), trusted)).toBe('198.51.100.2');
  });

  it('X-Forwarded-For from an untrusted socket is ignored even when proxies are configured', () => {
    const trusted = parseTrustedProxies('10.0.0.1');
    expect(clientAddress(request('203.0.113.9', '198.51.100.1'), trusted)).toBe('203.0.113.9');
  });

  it('a trusted proxy without X-Forwarded-For, or with garbage in it, is recorded as itself', () => {
    const trusted = parseTrustedProxies('loopback');
    expect(clientAddress(request('127.0.0.1'), trusted)).toBe('127.0.0.1');
    expect(clientAddress(request('::1', 'not-an-address'), trusted)).toBe('::1');
    expect(clientAddress(request('::1', 'not-an-address, 127.0.0.2'), trusted)).toBe('127.0.0.2');
  });

  it('IPv6 networks are understood', () => {
    const trusted = parseTrustedProxies('fd00::/8');
    expect(clientAddress(request('fd12::1', '2001:db8::5'), trusted)).toBe('2001:db8::5');
  });

  it('a malformed CRM_TRUSTED_PROXIES entry stops the server at start-up', () => {
    expect(() => parseTrustedProxies('10.0.0.1, proxy.local')).toThrow(/proxy\.local/);
    expect(() => parseTrustedProxies('10.0.0.0/40')).toThrow(/prefix/);
  });
});

describe('client address over HTTP', () => {
  let plain: TestServer;
  let proxied: TestServer;
  beforeAll(async () => {
    [plain, proxied] = await Promise.all([
      startTestServer(),
      startTestServer({ config: { trustedProxies: parseTrustedProxies('127.0.0.1') } }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([plain?.close(), proxied?.close()]);
  });

  const failedFrom = async (server: TestServer) => {
    await server.gql(
      'mutation($input: LoginInput!) { login(input: $input) { userErrors { code } } }',
      { input: { email: 'manager@mosprom.demo', password: 'wrong' } },
      { headers: { 'x-forwarded-for': '198.51.100.77' } },
    );
    const rows = await server.sql<{ address: string }>(
      "select changes->'clientAddress'->>'after' as address from audit_event where action = 'loginFailed'",
    );
    return rows.map((row) => row.address);
  };

  it('is ignored unless configured, and honoured when the proxy is trusted', async () => {
    expect(await failedFrom(plain)).toEqual(['127.0.0.1']);
    expect(await failedFrom(proxied)).toEqual(['198.51.100.77']);
  });
});
