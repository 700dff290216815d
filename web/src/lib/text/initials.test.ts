import { describe, expect, it } from 'vitest';
import { initials } from './initials';

describe('initials', () => {
  it('takes the first and last names’ first letters', () => {
    expect(initials('Camille Durand')).toBe('CD');
    expect(initials('  Алексей  Иванович Морозов ')).toBe('АМ');
    expect(initials('camille')).toBe('C');
    expect(initials('')).toBe('');
  });
});
