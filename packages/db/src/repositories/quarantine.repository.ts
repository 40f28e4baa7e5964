import type pg from 'pg';
import type { PgPool } from '../client.js';

/**
 * Why a row was quarantined:
 * - `out-of-range`: a value outside its column's type range (checked in code before the COPY);
 * - `missing-value`: a NOT NULL column without a value (checked in code);
 * - `db-refused`: the database refused that one row (SQLSTATE class 22/23, e.g. a foreign key to
 *   a string that vanished); `sqlstate` says which.
 */
export type QuarantineCode = 'out-of-range' | 'missing-value' | 'db-refused';

export interface QuarantineEntry {
  msgId: string;
  gatewayId: string;
  kind: 'pack' | 'cells';
  stringId: string | null;
  ts: string | null;
  code: QuarantineCode;
  reason: string;
  sqlstate?: string;
  /** The sample as ingest decoded it. */
  raw: unknown;
}

export interface StoredQuarantineEntry extends Omit<QuarantineEntry, 'ts' | 'sqlstate'> {
  ts: Date | null;
  sqlstate: string | null;
  quarantinedAt: Date;
}

const INSERT_SQL = `
INSERT INTO quarantined_sample (msg_id, gateway_id, kind, string_id, ts, code, reason, sqlstate, raw)
SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::uuid[], $5::timestamptz[], $6::text[], $7::text[],
                     $8::text[], $9::jsonb[])`;

/** Writes quarantine entries with the caller's client, inside the batch's transaction. */
export async function insertQuarantined(
  client: pg.PoolClient,
  entries: readonly QuarantineEntry[],
): Promise<void> {
  if (entries.length === 0) {
    return;
  }
  const column = <T>(pick: (e: QuarantineEntry) => T) => entries.map(pick);
  await client.query(INSERT_SQL, [
    column((e) => e.msgId),
    column((e) => e.gatewayId),
    column((e) => e.kind),
    column((e) => e.stringId),
    column((e) => e.ts),
    column((e) => e.code),
    // A reason is a one-line summary; the database's message can quote a whole row.
    column((e) => e.reason.slice(0, 1000)),
    column((e) => e.sqlstate ?? null),
    column((e) => JSON.stringify(e.raw ?? null)),
  ]);
}

/** Reads of quarantined_sample (writes happen inside PackSampleRepository's transactions). */
export class QuarantineRepository {
  constructor(private readonly pool: PgPool) {}

  /** Entries of one gateway, oldest first. */
  async byGateway(gatewayId: string, limit = 100): Promise<StoredQuarantineEntry[]> {
    const { rows } = await this.pool.query<StoredQuarantineEntry>(
      `SELECT msg_id AS "msgId", gateway_id AS "gatewayId", kind, string_id AS "stringId", ts, code, reason,
              sqlstate, raw, quarantined_at AS "quarantinedAt"
         FROM quarantined_sample WHERE gateway_id = $1 ORDER BY id LIMIT $2`,
      [gatewayId, limit],
    );
    return rows;
  }
}
