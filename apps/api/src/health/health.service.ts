import { TelemetryReadRepository } from '@fleet/db';
import { Inject, Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error.js';
import { NotifyWorkerLifecycle } from '../notifications/notify-worker.lifecycle.js';
import type { HealthDto } from './health.dto.js';
import type { ReadinessDto } from './readiness.dto.js';

/** A load balancer waits a few seconds at most; an unreachable host must not hang the probe. */
const PING_TIMEOUT_MS = 3000;

@Injectable()
export class HealthService {
  constructor(
    @Inject(TelemetryReadRepository) private readonly telemetry: TelemetryReadRepository,
    @Inject(NotifyWorkerLifecycle) private readonly notifyWorker: NotifyWorkerLifecycle,
  ) {}

  /**
   * Readiness: the database answers and, when this api runs the notification worker, its NATS
   * link is up. A 503 names the dependency that failed (DATABASE_UNAVAILABLE or
   * DEPENDENCY_UNAVAILABLE with `nats` in the message).
   */
  async ready(): Promise<ReadinessDto> {
    await this.check();
    const nats = this.notifyWorker.natsState();
    if (nats === 'down') {
      throw new AppError('DEPENDENCY_UNAVAILABLE', 'not ready: nats is not connected');
    }
    return { status: 'ready', database: 'ok', nats };
  }

  async check(): Promise<HealthDto> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${PING_TIMEOUT_MS} ms`)), PING_TIMEOUT_MS);
    });
    try {
      await Promise.race([this.telemetry.ping(), timeout]);
    } catch (error) {
      throw new AppError('DATABASE_UNAVAILABLE', 'database unavailable', { cause: error });
    } finally {
      clearTimeout(timer);
    }
    return { status: 'ok', database: 'ok' };
  }
}
