import { Readable, Writable } from 'node:stream';
import type { PgPool } from '../client.js';

/** Bytes per stored chunk: large enough for few rows, small enough to keep memory flat. */
export const EVIDENCE_CHUNK_BYTES = 1024 * 1024;

/**
 * The files of an evidence pack, stored as bytea chunks in evidence_pack_file (why not large
 * objects: the migration's header). Written and read as streams, a chunk at a time, so neither
 * side holds a whole file. The API reads downloads on the scoped pool (row-level security through
 * the pack); the runner writes on the system pool.
 */
export class EvidenceFileRepository {
  constructor(private readonly pool: PgPool) {}

  /**
   * A stream that stores what is written to it as `name` of the pack, replacing nothing. With
   * `attempt`, each chunk is stored only while the pack is running under that attempt, so a runner
   * that lost its pack (judged stale and taken over) fails on its next chunk instead of adding to
   * the new run's files.
   */
  writer(packId: string, name: string, attempt?: number): Writable {
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let seq = 0;
    const flush = async (): Promise<void> => {
      if (pendingBytes === 0) {
        return;
      }
      const data = Buffer.concat(pending, pendingBytes);
      pending = [];
      pendingBytes = 0;
      const { rowCount } = await this.pool.query(
        `INSERT INTO evidence_pack_file (pack_id, name, seq, data)
         SELECT $1, $2, $3, $4
          WHERE $5::int IS NULL
             OR EXISTS (SELECT 1 FROM evidence_pack WHERE id = $1 AND attempts = $5 AND status = 'running')`,
        [packId, name, seq, data, attempt ?? null],
      );
      if (rowCount !== 1) {
        throw new Error(`evidence pack ${packId} is no longer held by attempt ${attempt}`);
      }
      seq += 1;
    };
    return new Writable({
      write: (chunk: Buffer, _encoding, done) => {
        let rest = chunk;
        const step = async (): Promise<void> => {
          while (pendingBytes + rest.length >= EVIDENCE_CHUNK_BYTES) {
            const take = EVIDENCE_CHUNK_BYTES - pendingBytes;
            pending.push(rest.subarray(0, take));
            pendingBytes += take;
            rest = rest.subarray(take);
            await flush();
          }
          if (rest.length > 0) {
            pending.push(rest);
            pendingBytes += rest.length;
          }
        };
        step().then(() => done(), done);
      },
      final: (done) => {
        flush().then(() => done(), done);
      },
    });
  }

  /** The stored file as a stream of its chunks, in order (empty for a file that does not exist). */
  reader(packId: string, name: string): Readable {
    const pool = this.pool;
    async function* chunks(): AsyncGenerator<Buffer> {
      for (let seq = 0; ; seq += 1) {
        const { rows } = await pool.query<{ data: Buffer }>(
          'SELECT data FROM evidence_pack_file WHERE pack_id = $1 AND name = $2 AND seq = $3',
          [packId, name, seq],
        );
        const row = rows[0];
        if (!row) {
          return;
        }
        yield row.data;
      }
    }
    return Readable.from(chunks(), { objectMode: false });
  }

  /** Whether the file has at least one chunk. */
  async exists(packId: string, name: string): Promise<boolean> {
    const { rows } = await this.pool.query(
      'SELECT 1 FROM evidence_pack_file WHERE pack_id = $1 AND name = $2 AND seq = 0',
      [packId, name],
    );
    return rows.length > 0;
  }

  /** Removes the pack's files except those named in `keep` (a restarted run starts clean). */
  async removeExcept(packId: string, keep: readonly string[] = []): Promise<void> {
    await this.pool.query(
      'DELETE FROM evidence_pack_file WHERE pack_id = $1 AND NOT (name = ANY ($2::text[]))',
      [packId, [...keep]],
    );
  }
}
