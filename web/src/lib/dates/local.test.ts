import { describe, expect, it } from 'vitest';
import { fromLocalInput, parseIsoDay, toIsoDay, toLocalInput } from './local';

describe('local dates', () => {
  it('round-trips calendar days and datetime-local values', () => {
    const date = new Date(2026, 0, 5, 9, 7);
    expect(toIsoDay(date)).toBe('2026-01-05');
    expect(toLocalInput(date)).toBe('2026-01-05T09:07');
    expect(fromLocalInput('2026-01-05T09:07')?.getTime()).toBe(date.getTime());
    expect(fromLocalInput('2026-01-05')).toBeNull();
    expect(parseIsoDay('2026-01-05').getTime()).toBe(new Date(2026, 0, 5).getTime());
  });
});
