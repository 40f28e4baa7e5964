import type { PgPool } from '../client.js';
import {
  EVIDENCE_PACK_COLUMNS,
  type EvidencePackResult,
  type EvidencePackRow,
} from './evidence-pack.types.js';

/**
 * evidence_pack as the runner's queue. It serves every organisation, so it runs on the system
 * pool; the files it reads for one pack are read under that pack's own scope (see the API's runner).
 */
export class EvidenceQueueRepository {
  constructor(private readonly pool: PgPool) {}

  /**
   * Takes the oldest queued pack, or a running one whose heartbeat is older than `staleBefore`
   * (its runner died: a restart, a crash), marks it running and returns it. `FOR UPDATE SKIP
   * LOCKED` lets several API instances poll at once without taking the same pack.
   */
  async claimNext(staleBefore: Date, now: Date): Promise<EvidencePackRow | null> {
    const { rows } = await this.pool.query<EvidencePackRow>(
      `WITH next AS (
         SELECT id FROM evidence_pack
          WHERE status = 'queued' OR (status = 'running' AND coalesce(heartbeat_at, created_at) < $1)
          ORDER BY created_at, id
          LIMIT 1
          FOR UPDATE SKIP LOCKED)
       UPDATE evidence_pack
          SET status = 'running', attempts = attempts + 1, heartbeat_at = $2,
              started_at = coalesce(started_at, $2), progress_step = 0, error = NULL
        WHERE id IN (SELECT id FROM next)
       RETURNING ${EVIDENCE_PACK_COLUMNS}`,
      [staleBefore, now],
    );
    return rows[0] ?? null;
  }

  /** Progress of a running pack; also its heartbeat. False when the pack is no longer this attempt's. */
  async progress(
    id: string,
    attempt: number,
    step: number,
    of: number,
    message: string,
    now: Date,
  ): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `UPDATE evidence_pack SET progress_step = $3, progress_of = $4, progress_message = $5, heartbeat_at = $6
        WHERE id = $1 AND attempts = $2 AND status = 'running'`,
      [id, attempt, step, of, message, now],
    );
    return rowCount === 1;
  }

  async markReady(id: string, attempt: number, result: EvidencePackResult, now: Date): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `UPDATE evidence_pack
          SET status = 'ready', finished_at = $3, heartbeat_at = $3, progress_step = progress_of,
              progress_message = 'ready', generator_version = $4, pdf_sha256 = $5, zip_sha256 = $6,
              pdf_bytes = $7, zip_bytes = $8
        WHERE id = $1 AND attempts = $2 AND status = 'running'`,
      [
        id,
        attempt,
        now,
        result.generatorVersion,
        result.pdfSha256,
        result.zipSha256,
        result.pdfBytes,
        result.zipBytes,
      ],
    );
    return rowCount === 1;
  }

  /** True when the pack was this attempt's to fail (then its partial files are the caller's to drop). */
  async markFailed(id: string, attempt: number, error: string, now: Date): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `UPDATE evidence_pack SET status = 'failed', finished_at = $3, heartbeat_at = $3, error = $4
        WHERE id = $1 AND attempts = $2 AND status = 'running'`,
      [id, attempt, now, error.slice(0, 2000)],
    );
    return rowCount === 1;
  }
}
