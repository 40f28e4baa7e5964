import type { PgPool } from '../client.js';

/** A named set of an organisation's sites (issue 11, agent updates). */
export interface SiteGroup {
  id: string;
  name: string;
  siteIds: string[];
  createdAt: Date;
}

export type RolloutState = 'active' | 'paused';

/** A signed agent release opened stage by stage: stages 1..openStages are open while active. */
export interface AgentRollout {
  id: string;
  version: string;
  manifestUrl: string;
  bundleUrl: string;
  state: RolloutState;
  openStages: number;
  /** The site group of each stage, in order. */
  stages: string[];
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

/** An id in the input that is not the organisation's (or does not exist): the message names it. */
export class RolloutNotFoundError extends Error {
  override readonly name = 'RolloutNotFoundError';
}

/** A valid request the current state refuses (a taken group name, advancing past the last stage). */
export class RolloutConflictError extends Error {
  override readonly name = 'RolloutConflictError';
}

const ROLLOUT_COLUMNS = `r.id, r.version, r.manifest_url AS "manifestUrl", r.bundle_url AS "bundleUrl", r.state,
  r.open_stages AS "openStages", r.created_by AS "createdBy", r.created_at AS "createdAt", r.updated_at AS "updatedAt",
  (SELECT coalesce(array_agg(s.site_group_id::text ORDER BY s.position), '{}') FROM agent_rollout_stage s
    WHERE s.rollout_id = r.id) AS stages`;

/**
 * Site groups and rollouts on the API's scoped pool: row-level security admits the caller's
 * organisation, and every statement names the tenant too. Multi-row writes run in a transaction.
 */
export class AgentRolloutRepository {
  constructor(private readonly pool: PgPool) {}

  async listGroups(tenantId: string): Promise<SiteGroup[]> {
    const { rows } = await this.pool.query<SiteGroup>(
      `SELECT g.id, g.name, g.created_at AS "createdAt",
              coalesce(array_agg(m.site_id::text ORDER BY m.site_id) FILTER (WHERE m.site_id IS NOT NULL), '{}') AS "siteIds"
         FROM site_group g LEFT JOIN site_group_member m ON m.site_group_id = g.id
        WHERE g.tenant_id = $1 GROUP BY g.id ORDER BY g.name`,
      [tenantId],
    );
    return rows;
  }

  async createGroup(tenantId: string, group: { name: string; siteIds: string[] }): Promise<SiteGroup> {
    const siteIds = [...new Set(group.siteIds)].sort();
    return this.inTransaction(async (q) => {
      const known = await q<{ id: string }>(
        'SELECT id FROM site WHERE tenant_id = $1 AND id = ANY($2::uuid[])',
        [tenantId, siteIds],
      );
      const missing = siteIds.filter((id) => !known.some((k) => k.id === id));
      if (missing.length > 0) {
        throw new RolloutNotFoundError(`no such site: ${missing.join(', ')}`);
      }
      const [created] = await q<{ id: string; createdAt: Date }>(
        `INSERT INTO site_group (id, tenant_id, name) VALUES (gen_random_uuid(), $1, $2)
         ON CONFLICT (tenant_id, name) DO NOTHING RETURNING id, created_at AS "createdAt"`,
        [tenantId, group.name],
      );
      if (created === undefined) {
        throw new RolloutConflictError(`a site group named "${group.name}" exists`);
      }
      await q(
        `INSERT INTO site_group_member (site_group_id, site_id, tenant_id)
         SELECT $1, unnest($2::uuid[]), $3`,
        [created.id, siteIds, tenantId],
      );
      return { id: created.id, name: group.name, siteIds, createdAt: created.createdAt };
    });
  }

  async listRollouts(tenantId: string): Promise<AgentRollout[]> {
    const { rows } = await this.pool.query<AgentRollout>(
      `SELECT ${ROLLOUT_COLUMNS} FROM agent_rollout r WHERE r.tenant_id = $1 ORDER BY r.created_at DESC, r.id`,
      [tenantId],
    );
    return rows;
  }

  /** A new rollout, active with its first stage open. */
  async createRollout(
    tenantId: string,
    createdBy: string,
    rollout: { version: string; manifestUrl: string; bundleUrl: string; stages: string[] },
  ): Promise<AgentRollout> {
    return this.inTransaction(async (q) => {
      const known = await q<{ id: string }>(
        'SELECT id FROM site_group WHERE tenant_id = $1 AND id = ANY($2::uuid[])',
        [tenantId, rollout.stages],
      );
      const missing = rollout.stages.filter((id) => !known.some((k) => k.id === id));
      if (missing.length > 0) {
        throw new RolloutNotFoundError(`no such site group: ${[...new Set(missing)].join(', ')}`);
      }
      const [created] = await q<{ id: string }>(
        `INSERT INTO agent_rollout (id, tenant_id, version, manifest_url, bundle_url, created_by)
         VALUES (gen_random_uuid(), $1, $2, $3, $4, $5) RETURNING id`,
        [tenantId, rollout.version, rollout.manifestUrl, rollout.bundleUrl, createdBy],
      );
      const id = (created as { id: string }).id;
      await q(
        `INSERT INTO agent_rollout_stage (rollout_id, position, site_group_id, tenant_id)
         SELECT $1, s.position, s.group_id, $3 FROM unnest($2::uuid[]) WITH ORDINALITY AS s(group_id, position)`,
        [id, rollout.stages, tenantId],
      );
      const [row] = await q<AgentRollout>(`SELECT ${ROLLOUT_COLUMNS} FROM agent_rollout r WHERE r.id = $1`, [
        id,
      ]);
      return row as AgentRollout;
    });
  }

  /**
   * advance: open the next stage (refused past the last); pause: offer it to nobody; resume:
   * offer it again to the open stages. null when the rollout is not the organisation's.
   */
  async change(
    tenantId: string,
    id: string,
    action: 'advance' | 'pause' | 'resume',
  ): Promise<AgentRollout | null> {
    const set = {
      advance: 'open_stages = r.open_stages + 1',
      pause: "state = 'paused'",
      resume: "state = 'active'",
    }[action];
    const guard =
      action === 'advance'
        ? 'AND r.open_stages < (SELECT count(*) FROM agent_rollout_stage s WHERE s.rollout_id = r.id)'
        : '';
    const { rows } = await this.pool.query<AgentRollout>(
      `UPDATE agent_rollout r SET ${set}, updated_at = now() WHERE r.tenant_id = $1 AND r.id = $2 ${guard}
       RETURNING ${ROLLOUT_COLUMNS}`,
      [tenantId, id],
    );
    if (rows[0] !== undefined) {
      return rows[0];
    }
    const exists = await this.pool.query('SELECT 1 FROM agent_rollout WHERE tenant_id = $1 AND id = $2', [
      tenantId,
      id,
    ]);
    if (exists.rowCount === 0) {
      return null;
    }
    throw new RolloutConflictError('every stage is already open');
  }

  private async inTransaction<T>(
    work: (q: <R extends object>(sql: string, params: unknown[]) => Promise<R[]>) => Promise<T>,
  ): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(async <R extends object>(sql: string, params: unknown[]) => {
        return (await client.query<R>(sql, params)).rows;
      });
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }
}
