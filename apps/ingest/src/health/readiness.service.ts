import type { PgPool } from '@fleet/db';
import { Inject, Injectable } from '@nestjs/common';
import { PG_POOL } from '../database/database.module.js';
import { NatsClient } from '../nats/nats-client.js';
import { TelemetryConsumer } from '../telemetry/telemetry.consumer.js';

/** A probe waits a few seconds at most; an unreachable database must not hang it. */
const PING_TIMEOUT_MS = 2000;

export type DependencyState = 'ok' | 'down';

export interface ReadinessReport {
  status: 'ready' | 'not-ready';
  /** Each dependency; on 503 the failed ones are also named in `failed`. */
  checks: { database: DependencyState; nats: DependencyState; consumer: DependencyState };
  failed: string[];
  /** Why each failed dependency is down (never a connection string). */
  reasons: Record<string, string>;
}

/**
 * `/health/ready`: can this process do its work now? The database answers `SELECT 1`, NATS is
 * connected, the telemetry consumer runs. Liveness (`/health/live`) asks none of them, so an
 * orchestrator restarts a stuck process but not one waiting for its database.
 */
@Injectable()
export class ReadinessService {
  constructor(
    @Inject(PG_POOL) private readonly pool: PgPool,
    @Inject(NatsClient) private readonly nats: NatsClient,
    @Inject(TelemetryConsumer) private readonly consumer: TelemetryConsumer,
  ) {}

  async check(): Promise<ReadinessReport> {
    const reasons: Record<string, string> = {};
    const database = await this.ping().then(
      () => 'ok' as const,
      (error: unknown) => {
        reasons.database = (error as Error).message || 'no answer';
        return 'down' as const;
      },
    );
    const nats = this.nats.isConnected() ? 'ok' : 'down';
    if (nats === 'down') {
      reasons.nats = 'not connected';
    }
    const consumer = this.consumer.isRunning() ? 'ok' : 'down';
    if (consumer === 'down') {
      reasons.consumer = 'telemetry consumer not running';
    }
    const checks = { database, nats, consumer } as const;
    const failed = Object.entries(checks)
      .filter(([, state]) => state === 'down')
      .map(([name]) => name);
    return { status: failed.length ? 'not-ready' : 'ready', checks, failed, reasons };
  }

  private async ping(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.pool.query('SELECT 1'),
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`no answer within ${PING_TIMEOUT_MS} ms`)),
            PING_TIMEOUT_MS,
          );
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  }
}
