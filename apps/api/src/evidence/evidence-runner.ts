import type { EvidencePackRow, EvidenceQueueRepository } from '@fleet/db';
import type { Logger } from '../logging/root-logger.js';
import { type EvidenceDeps, generateEvidencePack } from './pack/evidence-generator.js';

export interface EvidenceRunnerOptions {
  /** How often an idle runner looks for queued packs (a request also wakes it at once). */
  pollMs: number;
  /** A running pack whose heartbeat is older than this is taken over (its runner died). */
  staleAfterMs: number;
  /** How often a working runner moves its pack's heartbeat forward, also inside one long step. */
  heartbeatMs: number;
}

export const DEFAULT_RUNNER_OPTIONS: EvidenceRunnerOptions = {
  pollMs: 5_000,
  staleAfterMs: 60_000,
  heartbeatMs: 10_000,
};

/** Builds the per-pack dependencies (reads scoped to the pack's site) and frees them after. */
export type EvidenceDepsFactory = (pack: EvidencePackRow) => {
  deps: EvidenceDeps;
  close: () => Promise<void>;
};

/** Thrown into a run whose pack is no longer its own (taken over after being judged stale). */
class LostPackError extends Error {}

/**
 * The job runner inside the API process: takes one pack at a time from the queue (FOR UPDATE
 * SKIP LOCKED, so several API instances share it), writes progress as it goes, and marks the pack
 * ready or failed. A pack left running by a dead process is taken over once its heartbeat is
 * stale, and made again from scratch; queued packs simply wait for the next start.
 */
export class EvidenceRunner {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  /** Polling runs between start() and stop(); drain() alone (tests) needs neither. */
  private started = false;
  private stopped = false;
  private wakeAgain = false;

  constructor(
    private readonly queue: EvidenceQueueRepository,
    private readonly depsFor: EvidenceDepsFactory,
    private readonly logger: Logger,
    private readonly options: EvidenceRunnerOptions = DEFAULT_RUNNER_OPTIONS,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  start(): void {
    this.started = true;
    this.kick();
  }

  /** Looks at the queue now (after a new request) instead of at the next poll. */
  kick(): void {
    if (!this.started || this.stopped) {
      return;
    }
    if (this.running) {
      this.wakeAgain = true;
      return;
    }
    clearTimeout(this.timer);
    this.running = this.drain().finally(() => {
      this.running = undefined;
      if (!this.stopped) {
        this.timer = setTimeout(() => this.kick(), this.wakeAgain ? 0 : this.options.pollMs);
        this.wakeAgain = false;
      }
    });
  }

  /** Stops polling and waits for the pack in hand (a graceful stop leaves nothing half-made as running). */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Runs packs until the queue is empty. */
  async drain(): Promise<void> {
    try {
      while (!this.stopped && (await this.runOne())) {
        // next pack
      }
    } catch (error) {
      this.logger.error({ err: error }, 'evidence queue unavailable');
    }
  }

  /** Takes one pack and makes it; false when there was none. */
  async runOne(): Promise<boolean> {
    const now = this.clock();
    const pack = await this.queue.claimNext(new Date(now.getTime() - this.options.staleAfterMs), now);
    if (!pack) {
      return false;
    }
    await this.make(pack);
    return true;
  }

  private async make(pack: EvidencePackRow): Promise<void> {
    const log = this.logger.child({ packId: pack.id, attempt: pack.attempts });
    const { deps, close } = this.depsFor(pack);
    let current = { step: 0, of: 0, message: 'starting' };
    const beat = async () => {
      const mine = await this.queue.progress(
        pack.id,
        pack.attempts,
        current.step,
        current.of,
        current.message,
        this.clock(),
      );
      if (!mine) {
        throw new LostPackError('the pack was taken over');
      }
    };
    const heartbeat = setInterval(() => beat().catch(() => undefined), this.options.heartbeatMs);
    try {
      const result = await generateEvidencePack(
        pack,
        deps,
        async (step, of, message) => {
          current = { step, of, message };
          await beat();
        },
        this.clock(),
      );
      await this.queue.markReady(pack.id, pack.attempts, result, this.clock());
      log.info({ zipBytes: result.zipBytes }, 'evidence pack ready');
    } catch (error) {
      if (error instanceof LostPackError) {
        log.warn('evidence pack taken over by another runner');
      } else {
        log.error({ err: error }, 'evidence pack failed');
        // The reason stays in the log: the pack's error is shown to every reader of the string.
        const mine = await this.queue
          .markFailed(pack.id, pack.attempts, `failed while making ${current.message}`, this.clock())
          .catch(() => false);
        // Only the attempt that still holds the pack drops its files; another run may own them now.
        if (mine) {
          await deps.files.removeExcept(pack.id).catch(() => undefined);
        }
      }
    } finally {
      clearInterval(heartbeat);
      await close();
    }
  }
}
