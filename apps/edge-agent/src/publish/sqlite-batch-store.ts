// The durable spool: one SQLite file in WAL mode. A batch is committed (and fsynced) before the
// outbox may publish it, and deleted only after the broker's ack, so a SIGKILL or a power cut
// at any instant loses nothing that was committed; a batch that was published but whose delete
// did not commit is published again with its old id, and JetStream / the ingest ledger drop it.
//
// synchronous=FULL, not NORMAL: in WAL mode NORMAL skips the fsync at commit, so a power cut
// can roll back the last commits — exactly the batches around the outage that caused the cut.
// FULL costs one fsync per batch (one every poll, ~2 s), which even an SD card absorbs.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { BATCH_CLASSES, type BatchClass, batchClassRank, classifyBatch } from './batch-class.js';
import { BATCH_OVERHEAD_BYTES, type BatchStore, type DroppedBatch, type StoredBatch } from './batch-store.js';
import type { StoreQuota } from './memory-batch-store.js';
import type { OutboundEnvelope } from './outbound-envelope.js';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS batch (
    id         INTEGER PRIMARY KEY AUTOINCREMENT, -- never reused, so ids order batches across restarts
    class_rank INTEGER NOT NULL,                  -- BATCH_CLASSES index: 0 is dropped first
    boot_id    TEXT    NOT NULL,
    seq        INTEGER NOT NULL,
    stored_at  INTEGER NOT NULL,                  -- epoch ms, for the oldest-age statistic
    bytes      INTEGER NOT NULL,
    payload    TEXT    NOT NULL                   -- the envelope as published, ids included
  );
  CREATE INDEX IF NOT EXISTS batch_drop_order ON batch (class_rank, id);
`;

interface Row {
  id: number;
  class_rank: number;
  boot_id: string;
  seq: number;
  stored_at: number;
  bytes: number;
  payload: string;
}

/** A spool that cannot be opened (another agent holds it, unwritable path, not a database). */
export class SpoolOpenError extends Error {
  constructor(path: string, cause: Error) {
    super(`cannot open spool ${path}: ${cause.message}`, { cause });
  }
}

export class SqliteBatchStore implements BatchStore {
  readonly kind = 'sqlite';
  private readonly db: Database.Database;
  private readonly statements;
  private total = 0;
  private count = 0;
  private corruptRows = 0;
  private readonly appendTx: (envelope: OutboundEnvelope, nowMs: number) => DroppedBatch[];

  constructor(
    readonly path: string,
    private readonly quota: StoreQuota,
  ) {
    try {
      mkdirSync(dirname(path), { recursive: true });
      this.db = new Database(path, { timeout: 0 });
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = FULL');
      // One agent per spool: a second process on the same file would publish every batch twice.
      // The lock is a file lock, so the kernel releases it when a killed agent's process dies.
      this.db.pragma('locking_mode = EXCLUSIVE');
      this.db.exec(SCHEMA);
      this.db.exec('BEGIN IMMEDIATE; COMMIT');
    } catch (error) {
      throw new SpoolOpenError(path, error as Error);
    }
    this.statements = {
      insert: this.db.prepare(
        'INSERT INTO batch (class_rank, boot_id, seq, stored_at, bytes, payload) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      victim: this.db.prepare<[], Row>('SELECT * FROM batch ORDER BY class_rank, id LIMIT 1'),
      oldest: this.db.prepare<[number], Row>('SELECT * FROM batch WHERE id >= ? ORDER BY id LIMIT 1'),
      remove: this.db.prepare<[number], Row>('DELETE FROM batch WHERE id = ? RETURNING *'),
      countBelow: this.db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM batch WHERE id < ?'),
      lastId: this.db.prepare<[], { id: number }>(
        "SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'batch'), 0) AS id",
      ),
    };
    this.loadTotals();
    this.appendTx = this.db.transaction((envelope: OutboundEnvelope, nowMs: number) =>
      this.insert(envelope, nowMs),
    );
  }

  /** Throws when SQLite cannot commit (disk full, I/O error); nothing of the append stays. */
  append(envelope: OutboundEnvelope, nowMs: number): DroppedBatch[] {
    try {
      return this.appendTx(envelope, nowMs);
    } catch (error) {
      this.loadTotals(); // the transaction rolled back; so must the running totals
      throw error;
    }
  }

  oldest(fromId = 0): StoredBatch | undefined {
    for (;;) {
      const row = this.statements.oldest.get(fromId);
      if (row === undefined) {
        return undefined;
      }
      const batch = this.decode(row);
      if (batch !== undefined) {
        return batch;
      }
      // Unreadable (disk corruption, a foreign writer): counted, deleted, never blocks the queue.
      this.corruptRows += 1;
      this.remove(row.id);
    }
  }

  remove(id: number): void {
    const row = this.statements.remove.get(id);
    if (row !== undefined) {
      this.count -= 1;
      this.total -= row.bytes;
    }
  }

  countBelow(id: number): number {
    return this.statements.countBelow.get(id)?.n ?? 0;
  }

  get size(): number {
    return this.count;
  }

  get bytes(): number {
    return this.total;
  }

  get lastId(): number {
    return this.statements.lastId.get()?.id ?? 0;
  }

  get corrupt(): number {
    return this.corruptRows;
  }

  close(): void {
    if (this.db.open) {
      this.db.close();
    }
  }

  private insert(envelope: OutboundEnvelope, nowMs: number): DroppedBatch[] {
    const payload = JSON.stringify(envelope);
    const bytes = Buffer.byteLength(payload) + BATCH_OVERHEAD_BYTES;
    const rank = batchClassRank(classifyBatch(envelope));
    this.statements.insert.run(rank, envelope.bootId, envelope.seq, nowMs, bytes, payload);
    this.count += 1;
    this.total += bytes;
    const dropped: DroppedBatch[] = [];
    const maxBatches = this.quota.maxBatches ?? Infinity;
    while (this.count > 0 && (this.total > this.quota.maxBytes || this.count > maxBatches)) {
      const victim = this.statements.victim.get();
      if (victim === undefined) {
        break;
      }
      this.remove(victim.id);
      dropped.push({
        id: victim.id,
        batchClass: BATCH_CLASSES[victim.class_rank] ?? 'pack',
        bootId: victim.boot_id,
        seq: victim.seq,
        bytes: victim.bytes,
      });
    }
    return dropped;
  }

  private loadTotals(): void {
    const totals = this.db
      .prepare<[], { n: number; bytes: number }>(
        'SELECT count(*) AS n, coalesce(sum(bytes), 0) AS bytes FROM batch',
      )
      .get();
    this.count = totals?.n ?? 0;
    this.total = totals?.bytes ?? 0;
  }

  private decode(row: Row): StoredBatch | undefined {
    let json: unknown;
    try {
      json = JSON.parse(row.payload);
    } catch {
      return undefined;
    }
    // Only the identity is checked: the agent wrote this envelope, and the full schema check is
    // ingest's (a sample kind newer than this reader must not make a batch look corrupt).
    const envelope = json as OutboundEnvelope;
    if (
      typeof json !== 'object' ||
      json === null ||
      envelope.bootId !== row.boot_id ||
      envelope.seq !== row.seq ||
      !Array.isArray('events' in envelope ? envelope.events : envelope.samples)
    ) {
      return undefined;
    }
    const batchClass: BatchClass = BATCH_CLASSES[row.class_rank] ?? 'pack';
    return { id: row.id, envelope, batchClass, storedAtMs: row.stored_at };
  }
}
