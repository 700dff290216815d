import { describe, expect, it } from 'vitest';
import { safeNextPath, signInPath } from './signInPath';

describe('signInPath', () => {
  it('carries the current page as `next`, and says when the session expired', () => {
    expect(signInPath('/companies?q=a b#top')).toBe('/sign-in?next=%2Fcompanies%3Fq%3Da%2520b%23top');
    expect(signInPath('/', { expired: true })).toBe('/sign-in?reason=expired');
    expect(signInPath()).toBe('/sign-in');
  });
});

describe('safeNextPath', () => {
  it('keeps a path on this site, with its query and hash', () => {
    expect(safeNextPath('/companies?q=1#list')).toBe('/companies?q=1#list');
  });

  it.each([
    null,
    '',
    'companies',
    'https://evil.example/',
    '//evil.example/x',
    '/\\evil.example',
    'javascript:alert(1)',
    '/sign-in?next=/x',
  ])('falls back to / for %j', (raw) => {
    expect(safeNextPath(raw)).toBe('/');
  });
});
