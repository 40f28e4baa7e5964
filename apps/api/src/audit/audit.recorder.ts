import { type AuditEventInput, AuditRepository, AuditTargetRepository } from '@fleet/db';
import { type BeforeApplicationShutdown, Inject, Injectable } from '@nestjs/common';
import { LOGGER, type Logger } from '../logging/root-logger.js';
import { AUDIT_WRITER } from './audit.tokens.js';
import type { AuditDraft } from './audit-draft.js';
import { auditRowsOf } from './audit-owner.js';

/** Drafts waiting beyond this are dropped (and counted): a dead database must not eat the heap. */
const MAX_PENDING = 10_000;
/** Rows per INSERT: 14 parameters each, far below PostgreSQL's 65,535. */
const BATCH = 500;

export interface AuditRecorderStats {
  written: number;
  failed: number;
  dropped: number;
  pending: number;
}

/**
 * Writes audit rows off the request path: `record` only queues, and the queue is drained on a
 * later turn of the event loop, after the response went out. A failed write is logged and
 * counted, never thrown at a caller; the drafts of that batch are lost (the log line names
 * their request ids). Drained before shutdown, so a graceful stop loses nothing.
 */
@Injectable()
export class AuditRecorder implements BeforeApplicationShutdown {
  private readonly pending: AuditDraft[] = [];
  private draining: Promise<void> | null = null;
  private readonly counts = { written: 0, failed: 0, dropped: 0 };
  private readonly log: Logger;

  constructor(
    @Inject(AUDIT_WRITER) private readonly audit: AuditRepository,
    @Inject(AuditTargetRepository) private readonly targets: AuditTargetRepository,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ module: 'audit' });
  }

  record(draft: AuditDraft): void {
    if (this.pending.length >= MAX_PENDING) {
      this.counts.dropped += 1;
      this.log.error({ requestId: draft.requestId, action: draft.action }, 'audit queue full; event dropped');
      return;
    }
    this.pending.push(draft);
    this.draining ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.drain());
  }

  stats(): AuditRecorderStats {
    return { ...this.counts, pending: this.pending.length };
  }

  /** Resolves once everything queued so far is written (or counted as failed). */
  async flush(): Promise<void> {
    while (this.draining) {
      await this.draining;
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.flush();
  }

  private async drain(): Promise<void> {
    try {
      while (this.pending.length > 0) {
        await this.writeBatch(this.pending.splice(0, BATCH));
      }
    } finally {
      this.draining = null;
    }
  }

  private async writeBatch(drafts: AuditDraft[]): Promise<void> {
    try {
      const rows: AuditEventInput[] = [];
      for (const draft of drafts) {
        rows.push(...(await auditRowsOf(draft, this.targets)));
      }
      await this.audit.insertMany(rows);
      this.counts.written += rows.length;
    } catch (error) {
      this.counts.failed += drafts.length;
      this.log.error(
        { err: error, requestIds: drafts.map((d) => d.requestId) },
        'audit write failed; events of these requests are not recorded',
      );
    }
  }
}
