import { ACCESS_CHANNEL, type PgPool } from '@fleet/db';
import type { Logger } from '../logging/root-logger.js';
import { type AccessChange, parseAccessChange } from './access-change.js';

/** What this class uses of pg's PoolClient (the api does not import pg itself). */
interface PoolClient {
  query(sql: string): Promise<unknown>;
  on(event: 'notification', listener: (n: { channel: string; payload?: string }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'end', listener: () => void): unknown;
  release(error?: Error | boolean): void;
}

export type AccessChangeHandler = (change: AccessChange) => void;

const RETRY_MIN_MS = 500;
const RETRY_MAX_MS = 30_000;

/**
 * LISTENs on `fleet_access` over one connection held out of the system pool, and tells the
 * open streams when access changed. The connection is taken when the first stream asks and kept;
 * when it fails it is dropped and taken again with growing pauses, and after a reconnect every
 * stream is told to look again (`everyone`), because notifications sent while nobody listened
 * are gone.
 */
export class AccessListener {
  private readonly handlers = new Set<AccessChangeHandler>();
  private client: PoolClient | undefined;
  private starting: Promise<void> | undefined;
  private retryMs = RETRY_MIN_MS;
  private retryTimer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly pool: PgPool,
    private readonly logger: Logger,
  ) {}

  onChange(handler: AccessChangeHandler): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  /** Resolves once LISTEN runs (taking the connection on the first call). */
  ready(): Promise<void> {
    this.starting ??= this.listen().catch((error: unknown) => {
      this.starting = undefined;
      throw error;
    });
    return this.starting;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    this.handlers.clear();
    await this.starting?.catch(() => undefined);
    const client = this.client;
    this.client = undefined;
    client?.release(true);
  }

  private async listen(): Promise<void> {
    const client: PoolClient = await this.pool.connect();
    client.on('notification', (n) => {
      if (n.channel === ACCESS_CHANNEL) {
        this.tell(parseAccessChange(n.payload));
      }
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error('connection ended')));
    try {
      await client.query(`LISTEN ${ACCESS_CHANNEL}`);
    } catch (error) {
      client.release(true);
      throw error;
    }
    this.client = client;
  }

  private lost(client: PoolClient, error: Error): void {
    if (this.client !== client || this.closed) {
      return;
    }
    this.logger.warn({ err: error }, 'access notifications lost; listening again');
    this.client = undefined;
    this.starting = undefined;
    client.release(true);
    this.retry();
  }

  private retry(): void {
    this.retryTimer = setTimeout(() => {
      this.ready().then(
        () => {
          this.retryMs = RETRY_MIN_MS;
          this.tell({ who: 'everyone' });
        },
        (error: unknown) => {
          this.logger.warn({ err: error, retryMs: this.retryMs }, 'LISTEN fleet_access failed');
          this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS);
          this.retry();
        },
      );
    }, this.retryMs);
    this.retryTimer.unref();
  }

  private tell(change: AccessChange): void {
    for (const handler of this.handlers) {
      handler(change);
    }
  }
}
