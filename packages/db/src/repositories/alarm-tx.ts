import type pg from 'pg';
import { type ScopeArg, scopeSql } from '../access/index.js';
import type { AlarmPatch, AlarmRow, NewAlarm, TransitionInput } from './alarm.types.js';
import { ALARM_COLUMNS, patchAssignments } from './alarm-columns.js';
import { buildAlarmEvent } from './alarm-event.build.js';

export interface StoredRuleState {
  ruleId: string;
  state: unknown;
  lastObservation: unknown;
}

/**
 * The alarm writes of one transaction (AlarmStore.transaction). Every change of an alarm goes
 * through `transition`, which bumps its seq and writes the audit row that is also the outbox row
 * of its event: no change without its audit, no audit without its event.
 */
export class AlarmTx {
  constructor(private readonly client: pg.PoolClient) {}

  /** Serialises evaluation of one subject across ingest processes until the transaction ends. */
  async lockSubject(subjectKey: string): Promise<void> {
    await this.client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 7))', [subjectKey]);
  }

  async ruleStates(subjectKey: string): Promise<StoredRuleState[]> {
    const { rows } = await this.client.query<StoredRuleState>(
      `SELECT rule_id AS "ruleId", state, last_observation AS "lastObservation"
         FROM alarm_rule_state WHERE subject_key = $1`,
      [subjectKey],
    );
    return rows;
  }

  async saveRuleStates(tenantId: string, subjectKey: string, states: StoredRuleState[]): Promise<void> {
    if (states.length === 0) {
      return;
    }
    await this.client.query(
      `INSERT INTO alarm_rule_state (subject_key, rule_id, tenant_id, state, last_observation, updated_at)
       SELECT $1, s.rule_id, $2, s.state, s.last_observation, now()
         FROM unnest($3::text[], $4::jsonb[], $5::jsonb[]) AS s(rule_id, state, last_observation)
       ON CONFLICT (subject_key, rule_id) DO UPDATE
         SET state = EXCLUDED.state, last_observation = EXCLUDED.last_observation, updated_at = now()`,
      [
        subjectKey,
        tenantId,
        states.map((s) => s.ruleId),
        states.map((s) => JSON.stringify(s.state)),
        states.map((s) => (s.lastObservation === undefined ? null : JSON.stringify(s.lastObservation))),
      ],
    );
  }

  /** The subject's alarms that are not closed, locked for this transaction. */
  async openAlarms(subjectKey: string): Promise<AlarmRow[]> {
    const { rows } = await this.client.query<AlarmRow>(
      `SELECT ${ALARM_COLUMNS} FROM alarm a WHERE a.subject_key = $1 AND a.status <> 'closed' FOR UPDATE`,
      [subjectKey],
    );
    return rows;
  }

  /** One alarm of the tenant, locked; null when absent or another tenant's. */
  async lockAlarm(scope: ScopeArg, alarmId: string): Promise<AlarmRow | null> {
    const params: unknown[] = [alarmId];
    const where = scopeSql(scope, { tenant: 'a.tenant_id', site: 'a.site_id' }, params);
    const { rows } = await this.client.query<AlarmRow>(
      `SELECT ${ALARM_COLUMNS} FROM alarm a WHERE a.id = $1 AND ${where} FOR UPDATE`,
      params,
    );
    return rows[0] ?? null;
  }

  /** Opens an alarm (seq 0); the caller records its `fired` transition next. */
  async insertAlarm(a: NewAlarm): Promise<AlarmRow> {
    const { rows } = await this.client.query<AlarmRow>(
      `INSERT INTO alarm AS a (id, tenant_id, site_id, string_id, gateway_id, subject_key, code, title, severity,
                               count, flapping, first_fired_at, last_fired_at, last_value, raw_words, cell_snapshot_at)
       VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, $8::"AlarmSeverity", $9, $10, $11, $11, $12, $13::jsonb, $14)
       RETURNING ${ALARM_COLUMNS}`,
      [
        a.tenantId,
        a.siteId,
        a.stringId,
        a.gatewayId,
        a.subjectKey,
        a.code,
        a.title,
        a.severity,
        a.count,
        a.flapping,
        a.firedAt,
        a.lastValue ?? null,
        a.rawWords == null ? null : JSON.stringify(a.rawWords),
        a.cellSnapshotAt ?? null,
      ],
    );
    return rows[0]!;
  }

  /** Applies the patch, bumps seq and writes the audit/outbox row; returns the alarm after it. */
  async transition(
    alarm: AlarmRow,
    patch: AlarmPatch,
    input: TransitionInput,
  ): Promise<{ alarm: AlarmRow; eventId: string }> {
    const { sql, values } = patchAssignments(patch, 2);
    const { rows } = await this.client.query<AlarmRow>(
      `UPDATE alarm AS a SET ${[...sql, 'seq = a.seq + 1', 'updated_at = now()'].join(', ')}
        WHERE a.id = $1 RETURNING ${ALARM_COLUMNS}`,
      [alarm.id, ...values],
    );
    const after = rows[0]!;
    const { subject, event } = buildAlarmEvent(after, input);
    await this.client.query(
      `INSERT INTO alarm_transition (alarm_id, seq, transition, actor, at, detail, subject, event, traceparent)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8::jsonb, $9)`,
      [
        after.id,
        after.seq,
        input.transition,
        input.actor,
        input.at,
        JSON.stringify(event.detail),
        subject,
        JSON.stringify(event),
        input.traceparent ?? null,
      ],
    );
    return { alarm: after, eventId: `${after.id}:${after.seq}` };
  }
}
