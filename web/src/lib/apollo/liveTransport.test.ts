import type { Client, ClientOptions } from 'graphql-ws';
import { describe, expect, it, vi } from 'vitest';
import { createLiveTransport } from './client';

/**
 * The live socket reconnects by itself; events sent while it was away are not replayed, so after a
 * reconnection (not the first connection) the client fetches what is on screen again.
 */
describe('the live transport', () => {
  it('asks for a refetch after a reconnection, not after the first connection', () => {
    let options: ClientOptions | undefined;
    const connect = (given: ClientOptions) => {
      options = given;
      return { subscribe: vi.fn(), dispose: vi.fn() } as unknown as Client;
    };
    const onReconnected = vi.fn();
    createLiveTransport(onReconnected, connect);
    expect(options?.url).toBe(`ws://${window.location.host}/graphql`);
    const connected = options?.on?.connected as (socket: unknown, payload: unknown, wasRetry: boolean) => void;
    connected({}, undefined, false);
    expect(onReconnected).not.toHaveBeenCalled();
    connected({}, undefined, true);
    expect(onReconnected).toHaveBeenCalledTimes(1);
    expect(options?.shouldRetry?.(new Error('gone'))).toBe(true);
  });
});
