import { describe, expect, it } from 'vitest';
import { buildTimeline } from './timeline';

describe('buildTimeline', () => {
  it('merges the three sources, most recent first, and shows a shared deal once', () => {
    const deal = {
      id: 'd1',
      stageHistory: {
        nodes: [
          { id: 'h1', changedAt: '2026-01-02T00:00:00Z' },
          { id: 'h2', changedAt: '2026-03-02T00:00:00Z' },
        ],
      },
    };
    const items = buildTimeline(
      [{ id: 'i1', occurredAt: '2026-02-01T00:00:00Z' }],
      [deal, deal],
      [
        { id: 't1', createdAt: '2025-12-01T00:00:00Z', done: true, doneAt: '2026-04-01T00:00:00Z' },
        { id: 't2', createdAt: '2025-12-15T00:00:00Z', done: false, doneAt: null },
      ],
    );
    expect(items.map((item) => item.key)).toEqual(['t:t1', 's:h2', 'i:i1', 's:h1', 't:t2']);
  });
});
