import { EventEmitter } from 'node:events';
import type { EntityManager } from '@mikro-orm/postgresql';
import pg from 'pg';
import type { Logger } from '../../log/logger.js';
import { crossAgencyQuery, sql } from '../../shared/sql.js';

/**
 * What one user does that others watching must see at once (issue 15, "a live board"): small
 * payloads of ids and versions; subscribers fetch what they show. Published after the change's
 * transaction commits (the resolvers publish once runMutation has returned), so a rolled-back change
 * is never announced.
 */
export type CrmEvent =
  | {
      type: 'dealChanged';
      agencyId: string;
      pipelineId: string;
      dealId: string;
      version: number;
      change: 'CREATED' | 'EDITED' | 'MOVED';
      byUserId: string;
    }
  | { type: 'interactionLogged'; agencyId: string; missionId: string; interactionId: string; byUserId: string };

export interface EventBus {
  /** Announces `event` to every subscriber of every server process on the database. */
  publish(event: CrmEvent): Promise<void>;
  /** Calls `listener` with each event from now on; returns the way to stop. */
  listen(listener: (event: CrmEvent) => void): () => void;
  close(): Promise<void>;
}

/** The channel of PostgreSQL's NOTIFY the server processes share. */
export const EVENT_CHANNEL = 'crm_events';
const WHY = 'events: NOTIFY carries ids of one agency to every process, which filters them per subscriber';

/** Listeners of one process. */
class Listeners {
  private readonly emitter = new EventEmitter().setMaxListeners(0);
  add(listener: (event: CrmEvent) => void): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }
  emit(event: CrmEvent): void {
    this.emitter.emit('event', event);
  }
}

/** The embedded database's: one process, so events stay in it. */
export class LocalEventBus implements EventBus {
  private readonly listeners = new Listeners();
  async publish(event: CrmEvent): Promise<void> {
    this.listeners.emit(event);
  }
  listen(listener: (event: CrmEvent) => void): () => void {
    return this.listeners.add(listener);
  }
  async close(): Promise<void> {}
}

/**
 * PostgreSQL's: `pg_notify` through the pool, heard by every process on a connection of its own
 * holding `LISTEN` (a session-mode connection: docs/deploy.md, PgBouncer). When that connection
 * drops, it is opened again (every second until it works); events sent meanwhile are lost, which
 * the web client makes up for by fetching again when it reconnects.
 */
export class PostgresEventBus implements EventBus {
  private readonly listeners = new Listeners();
  private client?: pg.Client;
  private closed = false;
  private retry?: NodeJS.Timeout;

  constructor(
    private readonly url: string,
    private readonly em: EntityManager,
    private readonly logger: Logger,
  ) {}

  /** Opens the listening connection (resolves once it listens). */
  async start(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url, application_name: 'crm-events' });
    client.on('notification', (message) => {
      if (message.channel !== EVENT_CHANNEL || !message.payload) return;
      try {
        this.listeners.emit(JSON.parse(message.payload) as CrmEvent);
      } catch (error) {
        this.logger.warn({ err: error }, 'An event that is not JSON was ignored');
      }
    });
    const reopen = (error?: Error) => {
      if (this.closed || this.client !== client) return;
      this.client = undefined;
      this.logger.warn({ err: error }, 'The events connection dropped: listening again');
      client.end().catch(() => undefined);
      this.retry = setTimeout(() => void this.start().catch(() => reopen()), 1_000);
    };
    client.on('error', reopen);
    client.on('end', () => reopen());
    this.client = client;
    await client.connect();
    await client.query(`listen ${EVENT_CHANNEL}`);
  }

  async publish(event: CrmEvent): Promise<void> {
    await crossAgencyQuery(this.em.fork(), sql`select pg_notify(${EVENT_CHANNEL}, ${JSON.stringify(event)})`, WHY);
  }

  listen(listener: (event: CrmEvent) => void): () => void {
    return this.listeners.add(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    await this.client?.end().catch(() => undefined);
  }
}

/**
 * The events of `bus` as an async iterator, those `keep` accepts (checked per event, e.g. the
 * subscriber still signed in); at most `buffer` wait for a slow reader (the oldest are dropped:
 * subscribers fetch state, not history).
 */
export function eventStream<T extends CrmEvent>(
  bus: EventBus,
  keep: (event: CrmEvent) => event is T,
  buffer = 100,
): AsyncIterableIterator<T> {
  const queue: T[] = [];
  let waiting: ((result: IteratorResult<T>) => void) | undefined;
  let done = false;
  const stop = bus.listen((event) => {
    if (done || !keep(event)) return;
    if (waiting) {
      const resolve = waiting;
      waiting = undefined;
      resolve({ value: event, done: false });
    } else {
      queue.push(event);
      if (queue.length > buffer) queue.shift();
    }
  });
  const finish = async (): Promise<IteratorResult<T>> => {
    done = true;
    stop();
    queue.length = 0;
    waiting?.({ value: undefined, done: true });
    waiting = undefined;
    return { value: undefined, done: true };
  };
  return {
    next: () => {
      if (done) return Promise.resolve({ value: undefined, done: true });
      const next = queue.shift();
      if (next) return Promise.resolve({ value: next, done: false });
      return new Promise((resolve) => {
        waiting = resolve;
      });
    },
    return: finish,
    throw: async (error) => {
      await finish();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
