import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/test-server.js';
import { HashQueue, HashQueueFullError } from './hash-queue.js';
import { passwordHashing } from './password.js';

function gate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

describe('HashQueue', () => {
  it('runs at most `concurrency` tasks at once, queues up to `maxQueued`, refuses beyond at once', async () => {
    const queue = new HashQueue({ concurrency: 2, maxQueued: 2 });
    const gates = Array.from({ length: 4 }, gate);
    let running = 0;
    let most = 0;
    const tasks = gates.map((g, i) =>
      queue.run(async () => {
        running++;
        most = Math.max(most, running);
        await g.opened;
        running--;
        return i;
      }),
    );
    expect(queue.load).toEqual({ running: 2, queued: 2 });
    await expect(queue.run(async () => 'too many')).rejects.toBeInstanceOf(HashQueueFullError);
    for (const g of gates) g.open();
    expect(await Promise.all(tasks)).toEqual([0, 1, 2, 3]);
    expect(most).toBe(2);
    expect(queue.load).toEqual({ running: 0, queued: 0 });
    expect(queue.started).toBe(4);
  });

  it('a failing task frees its slot', async () => {
    const queue = new HashQueue({ concurrency: 1, maxQueued: 0 });
    await expect(queue.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await queue.run(async () => 'next')).toBe('next');
  });
});

describe('password hashing under load, over HTTP', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ config: { passwordHashing: { concurrency: 1, maxQueued: 0 } } });
  });
  afterAll(() => server?.close());

  it('a sign-in while the hash queue is full answers 429 RATE_LIMITED with Retry-After, at once', async () => {
    const held = gate();
    const holder = passwordHashing.run(() => held.opened);
    const response = await server.gql(
      'mutation { login(input: { email: "manager@mosprom.demo", password: "demo-password" }) { viewer { email } } }',
      {},
      { headers: { 'accept-language': 'fr' } },
    );
    held.open();
    await holder;
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(response.errors?.[0].extensions).toMatchObject({
      code: 'RATE_LIMITED',
      limit: 'busy',
      retryAfterSeconds: 1,
    });
    expect(response.errors?.[0].message).toMatch(/serveur est occupé/);
    // Not counted as a failure of the user's: the same sign-in works once the queue has room.
    const again = await server.gql(
      'mutation { login(input: { email: "manager@mosprom.demo", password: "demo-password" }) { viewer { email } } }',
    );
    expect(again.data?.login.viewer.email).toBe('manager@mosprom.demo');
  });
});
