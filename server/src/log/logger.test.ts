import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { loggedPath } from './access-log.js';
import { createLogger } from './logger.js';
import { requestIdFrom, runInRequestScope } from './request-scope.js';

function capture() {
  const lines: string[] = [];
  const logger = createLogger({ level: 'trace', destination: { write: (line: string) => void lines.push(line) } });
  return { logger, lines, parsed: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe('logger', () => {
  it('redacts secret fields whatever code logs them, at any of the usual depths', () => {
    const { logger, lines, parsed } = capture();
    logger.info(
      {
        password: 'pw-top-level',
        input: { password: 'pw-in-input', token: 'tok-in-input' },
        variables: { anything: 'var-value' },
        headers: { cookie: 'crm_session=cookie-value', authorization: 'Bearer bearer-value' },
        req: { headers: { cookie: 'nested-cookie' } },
        link: { path: '/invitation/link-token' },
        secret: 'crm_secret-value',
        kept: 'visible',
      },
      'something',
    );
    const text = lines.join('');
    for (const value of ['pw-', 'tok-in', 'var-value', 'cookie-value', 'bearer-value', 'nested-cookie', 'link-token']) {
      expect(text).not.toContain(value);
    }
    expect(text).not.toContain('crm_secret');
    expect(parsed()[0]).toMatchObject({ level: 'info', msg: 'something', kept: 'visible', password: '[redacted]' });
  });

  it('adds the request id to every line logged inside a request, and only there', () => {
    const { logger, parsed } = capture();
    logger.info('before');
    runInRequestScope('req-1', () => logger.warn('inside'));
    expect(parsed().map((line) => [line.msg, line.requestId])).toEqual([
      ['before', undefined],
      ['inside', 'req-1'],
    ]);
  });

  it('logs an error by its class, message, code and stack, not its other properties', () => {
    const { logger, parsed } = capture();
    const error = Object.assign(new Error('boom'), { code: '42P01', parameters: ['a-secret-parameter'] });
    logger.error({ err: error }, 'failed');
    expect(parsed()[0].err).toEqual({ type: 'Error', message: 'boom', code: '42P01', stack: expect.any(String) });
  });

  it('takes its level from CRM_LOG_LEVEL, info by default, and refuses an unknown one', () => {
    expect(loadConfig({}).logLevel).toBe('info');
    expect(loadConfig({ CRM_LOG_LEVEL: 'DEBUG' }).logLevel).toBe('debug');
    expect(loadConfig({ CRM_LOG_LEVEL: 'silent' }).logLevel).toBe('silent');
    expect(() => loadConfig({ CRM_LOG_LEVEL: 'verbose' })).toThrow(/CRM_LOG_LEVEL/);
  });
});

describe('request ids and paths', () => {
  it('keeps a short safe X-Request-Id and generates one otherwise', () => {
    expect(requestIdFrom('abc-123_x.y')).toBe('abc-123_x.y');
    expect(requestIdFrom(['first', 'second'])).toBe('first');
    for (const unsafe of [undefined, '', '-leading', 'a b', 'a\nb', 'x'.repeat(65), '{"json":1}']) {
      expect(requestIdFrom(unsafe)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    }
  });

  it('logs paths without their query string nor the tokens a path can carry', () => {
    expect(loggedPath('/export/companies.csv?filter={"name":"x"}&lang=fr')).toBe('/export/companies.csv');
    expect(loggedPath('/invitation/AbCdEf0123456789_-AbCdEf0123456789_-AbCdEf0?x=1')).toBe('/invitation/[redacted]');
    expect(loggedPath('/Invitation/abc/more')).toBe('/Invitation/[redacted]/more');
    expect(loggedPath('/confirm/AbCdEf0123456789_-AbCdEf0123456789_-AbCdEf0')).toBe('/confirm/[redacted]');
    expect(loggedPath('/api/crm_0123456789abcdef/x')).toBe('/api/[redacted]/x');
    expect(loggedPath('/graphql#frag')).toBe('/graphql');
  });
});
