import type { PgPool } from '../client.js';
import type { AlarmRow } from './alarm.types.js';
import { ALARM_COLUMNS } from './alarm-columns.js';

/** A string as the evaluator needs it: wire identity plus tenancy. */
export interface EvaluatedString {
  id: string;
  bus: string;
  bmsAddress: number;
  tenantId: string;
  siteId: string;
}

/** A string or gateway with the time it last reported, for the stale sweep. */
export interface SilentSubject {
  kind: 'string' | 'gateway';
  id: string;
  tenantId: string;
  siteId: string;
  gatewayId: string;
  lastSeenAt: Date | null;
}

/** A rule state whose fire or clear delay is running (the sweep re-applies its last observation). */
export interface WaitingRuleState {
  subjectKey: string;
  ruleId: string;
  tenantId: string;
  siteId: string;
  stringId: string | null;
  gatewayId: string | null;
}

export interface MaintenanceSpan {
  siteId: string;
  startsAt: Date;
  endsAt: Date;
}

/** Reads of the alarm evaluator (apps/ingest): whom to evaluate and what suppresses notices. */
export class AlarmSubjectRepository {
  constructor(private readonly pool: PgPool) {}

  /** The gateway's registered strings; empty when the gateway or its strings are unknown yet. */
  async stringsOfGateway(gatewayId: string): Promise<EvaluatedString[]> {
    const { rows } = await this.pool.query<EvaluatedString>(
      `SELECT id, bus, bms_address AS "bmsAddress", tenant_id AS "tenantId", site_id AS "siteId"
         FROM bms_string WHERE gateway_id = $1`,
      [gatewayId],
    );
    return rows;
  }

  /**
   * Every string and gateway that has reported at least once (never-seen ones cannot be stale).
   * Parked strings (negative address: displaced by identity by serial, issue 10) are history that
   * no longer answers on the wire, not silent.
   */
  async silentCandidates(): Promise<SilentSubject[]> {
    const { rows } = await this.pool.query<SilentSubject>(
      `SELECT 'string' AS kind, s.id::text AS id, s.tenant_id AS "tenantId", s.site_id AS "siteId",
              s.gateway_id AS "gatewayId", s.last_sample_at AS "lastSeenAt"
         FROM bms_string s WHERE s.last_sample_at IS NOT NULL AND s.bms_address >= 0
       UNION ALL
       SELECT 'gateway', g.id, g.tenant_id, g.site_id, g.id, g.last_seen_at
         FROM gateway g WHERE g.last_seen_at IS NOT NULL`,
    );
    return rows;
  }

  /** Rule states in `pending` or `clearing` with a stored observation to re-apply. */
  async waitingRuleStates(limit: number): Promise<WaitingRuleState[]> {
    const { rows } = await this.pool.query<WaitingRuleState>(
      `SELECT rs.subject_key AS "subjectKey", rs.rule_id AS "ruleId", rs.tenant_id AS "tenantId",
              COALESCE(s.site_id, g.site_id) AS "siteId", s.id AS "stringId", COALESCE(s.gateway_id, g.id) AS "gatewayId"
         FROM alarm_rule_state rs
         LEFT JOIN bms_string s ON rs.subject_key = 'string:' || s.id::text
         LEFT JOIN gateway g ON rs.subject_key = 'gateway:' || g.id
        WHERE rs.state->>'phase' IN ('pending', 'clearing') AND rs.last_observation IS NOT NULL
          AND (s.id IS NOT NULL OR g.id IS NOT NULL)
        ORDER BY rs.updated_at LIMIT $1`,
      [limit],
    );
    return rows;
  }

  /** Subjects that have a stored state for any of these rules (the others are quiet for them). */
  async subjectsWithState(ruleIds: string[]): Promise<Set<string>> {
    const { rows } = await this.pool.query<{ key: string }>(
      'SELECT DISTINCT subject_key AS key FROM alarm_rule_state WHERE rule_id = ANY($1::text[])',
      [ruleIds],
    );
    return new Set(rows.map((r) => r.key));
  }

  /** Open (not acknowledged) alarms whose last escalation, or firing, is older than `before`. */
  async escalationDue(before: Date, maxLevel: number, limit: number): Promise<AlarmRow[]> {
    const { rows } = await this.pool.query<AlarmRow>(
      `SELECT ${ALARM_COLUMNS} FROM alarm a
        WHERE a.status = 'open' AND a.escalation_level < $2
          AND COALESCE(a.escalated_at, a.first_fired_at) <= $1
        ORDER BY a.first_fired_at LIMIT $3`,
      [before, maxLevel, limit],
    );
    return rows;
  }

  /** Maintenance windows of these sites that overlap [from, to]. */
  async maintenanceSpans(siteIds: string[], from: Date, to: Date): Promise<MaintenanceSpan[]> {
    if (siteIds.length === 0) {
      return [];
    }
    const { rows } = await this.pool.query<MaintenanceSpan>(
      `SELECT site_id AS "siteId", starts_at AS "startsAt", ends_at AS "endsAt" FROM maintenance_window
        WHERE site_id = ANY($1::uuid[]) AND starts_at <= $3 AND ends_at > $2`,
      [siteIds, from, to],
    );
    return rows;
  }
}
