import { type ScopeArg, scopeSql } from '../access/index.js';
import type { PgPool } from '../client.js';
import { EVIDENCE_PACK_COLUMNS, type EvidencePackRow, type NewEvidencePack } from './evidence-pack.types.js';

/**
 * evidence_pack on the request path (the API runs it on the scoped pool, so row-level security
 * applies beside the scope filter): request a pack, list a string's packs, read one.
 */
export class EvidencePackRepository {
  constructor(private readonly pool: PgPool) {}

  /**
   * Queues a pack for a string in the scope, copying the string's tenant and site (the row's
   * access keys). Null when the string is not in the scope.
   */
  async create(scope: ScopeArg, input: NewEvidencePack): Promise<EvidencePackRow | null> {
    const params: unknown[] = [input.stringId, input.periodFrom, input.periodTo, input.requestedBy];
    const { rows } = await this.pool.query<EvidencePackRow>(
      `INSERT INTO evidence_pack (id, tenant_id, site_id, string_id, period_from, period_to, requested_by)
       SELECT gen_random_uuid(), s.tenant_id, s.site_id, s.id, $2, $3, $4
         FROM bms_string s
        WHERE s.id = $1 AND ${scopeSql(scope, { tenant: 's.tenant_id', site: 's.site_id' }, params)}
       RETURNING ${EVIDENCE_PACK_COLUMNS}`,
      params,
    );
    return rows[0] ?? null;
  }

  /** A string's packs in the scope, newest first. */
  async listForString(scope: ScopeArg, stringId: string, limit: number): Promise<EvidencePackRow[]> {
    const params: unknown[] = [stringId, limit];
    const { rows } = await this.pool.query<EvidencePackRow>(
      `SELECT ${EVIDENCE_PACK_COLUMNS} FROM evidence_pack
        WHERE string_id = $1 AND ${scopeSql(scope, { tenant: 'tenant_id', site: 'site_id' }, params)}
        ORDER BY created_at DESC, id DESC
        LIMIT $2`,
      params,
    );
    return rows;
  }

  async find(scope: ScopeArg, id: string): Promise<EvidencePackRow | null> {
    const params: unknown[] = [id];
    const { rows } = await this.pool.query<EvidencePackRow>(
      `SELECT ${EVIDENCE_PACK_COLUMNS} FROM evidence_pack
        WHERE id = $1 AND ${scopeSql(scope, { tenant: 'tenant_id', site: 'site_id' }, params)}`,
      params,
    );
    return rows[0] ?? null;
  }
}
