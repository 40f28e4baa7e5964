import type { PgPool } from '../client.js';
import type {
  EvidenceAlarmTransition,
  EvidenceDay,
  EvidenceEvent,
  EvidenceGap,
  EvidenceIdentity,
} from './evidence-source.types.js';

/** Rows per page of the keyset-paged reads: one page is in memory at a time. */
const PAGE = 500;

/**
 * The data an evidence pack is made of, for one string and period [from, to). Lists are async
 * generators over keyset pages, so a pack over years never holds a whole table. The API's runner
 * uses it on a pool scoped to the pack's site: row-level security still applies to every read.
 */
export class EvidenceSourceRepository {
  constructor(private readonly pool: PgPool) {}

  async identity(stringId: string): Promise<EvidenceIdentity | null> {
    const { rows } = await this.pool.query<Omit<EvidenceIdentity, 'modules'>>(
      `SELECT s.id AS "stringId", s.name AS "stringName", st.id AS "siteId", st.name AS "siteName",
              st.address AS "siteAddress", st.timezone, s.gateway_id AS "gatewayId", s.bus,
              s.bms_address AS "bmsAddress", s.module_type AS "moduleType", s.module_count AS "moduleCount",
              s.cells_per_module AS "cellsPerModule", s.created_at AS "createdAt",
              (SELECT min(d.first_ts) FROM string_rollup_1d d WHERE d.string_id = s.id) AS "firstSampleAt"
         FROM bms_string s JOIN site st ON st.id = s.site_id
        WHERE s.id = $1`,
      [stringId],
    );
    const head = rows[0];
    if (!head) {
      return null;
    }
    const modules = await this.pool.query<EvidenceIdentity['modules'][number]>(
      `SELECT position, module_type AS "moduleType", serial, first_seen_at AS "firstSeenAt",
              last_seen_at AS "lastSeenAt", removed_at AS "removedAt"
         FROM bms_module WHERE string_id = $1
        ORDER BY removed_at IS NOT NULL, position, first_seen_at`,
      [stringId],
    );
    return { ...head, modules: modules.rows };
  }

  /** string_rollup_1d rows of the period, oldest first. */
  async *days(stringId: string, from: Date, to: Date): AsyncGenerator<EvidenceDay> {
    let after = new Date(from.getTime() - 1);
    for (;;) {
      const { rows } = await this.pool.query<EvidenceDay>(
        `SELECT d.bucket_start AS day, d.samples, d.covered_s::float8 AS "coveredS",
                d.soh_min_pct AS "sohMinPct", d.soh_last_pct AS "sohLastPct",
                d.energy_in_wh::float8 AS "energyInWh", d.energy_out_wh::float8 AS "energyOutWh",
                d.cell_temp_min_dc AS "cellTempMinDc", d.cell_temp_max_dc AS "cellTempMaxDc",
                d.cell_min_mv_min AS "cellMinMvMin", d.cell_max_mv_max AS "cellMaxMvMax",
                d.protection_bits_any AS "protectionBitsAny", d.alarm_bits_any AS "alarmBitsAny"
           FROM string_rollup_1d d JOIN bms_string s ON s.id = d.string_id
          WHERE d.string_id = $1 AND d.bucket_start > $2 AND d.bucket_start < $3
          ORDER BY d.bucket_start LIMIT ${PAGE}`,
        [stringId, after, to],
      );
      yield* rows;
      const last = rows.at(-1);
      if (rows.length < PAGE || !last) {
        return;
      }
      after = last.day;
    }
  }

  /** Transitions of the string's alarms that happened in the period, in order. */
  async *alarmTransitions(stringId: string, from: Date, to: Date): AsyncGenerator<EvidenceAlarmTransition> {
    let after: { at: Date; alarmId: string; seq: number } = {
      at: new Date(from.getTime() - 1),
      alarmId: '',
      seq: 0,
    };
    for (;;) {
      const { rows } = await this.pool.query<EvidenceAlarmTransition>(
        `SELECT a.id AS "alarmId", a.code, a.title, a.severity::text AS severity, a.status::text AS status,
                a.first_fired_at AS "firstFiredAt", t.seq, t.transition, t.actor, t.at, t.detail
           FROM alarm a JOIN alarm_transition t ON t.alarm_id = a.id
          WHERE a.string_id = $1 AND t.at >= $2 AND t.at < $3
            AND (t.at, a.id::text, t.seq) > ($4, $5, $6)
          ORDER BY t.at, a.id::text, t.seq LIMIT ${PAGE}`,
        [stringId, from, to, after.at, after.alarmId, after.seq],
      );
      yield* rows;
      const last = rows.at(-1);
      if (rows.length < PAGE || !last) {
        return;
      }
      after = { at: last.at, alarmId: last.alarmId, seq: last.seq };
    }
  }

  /** The string's BMS events (bms_event) in the period, oldest first. */
  async *events(stringId: string, from: Date, to: Date): AsyncGenerator<EvidenceEvent> {
    let after = { ts: new Date(from.getTime() - 1), msgId: '', idx: 0 };
    for (;;) {
      const { rows } = await this.pool.query<EvidenceEvent>(
        `SELECT ts, kind, gateway_id AS "gatewayId", msg_id AS "msgId", idx, body
           FROM bms_event
          WHERE string_id = $1 AND ts >= $2 AND ts < $3 AND (ts, msg_id, idx) > ($4, $5, $6)
          ORDER BY ts, msg_id, idx LIMIT ${PAGE}`,
        [stringId, from, to, after.ts, after.msgId, after.idx],
      );
      yield* rows;
      const last = rows.at(-1);
      if (rows.length < PAGE || !last) {
        return;
      }
      after = { ts: last.ts, msgId: last.msgId, idx: last.idx };
    }
  }

  /** Data gaps overlapping the period, oldest first. */
  async *gaps(stringId: string, from: Date, to: Date): AsyncGenerator<EvidenceGap> {
    let after = new Date(0);
    for (;;) {
      const { rows } = await this.pool.query<EvidenceGap>(
        `SELECT gap_start AS "gapStart", gap_end AS "gapEnd" FROM data_gap
          WHERE string_id = $1 AND gap_end > $2 AND gap_start < $3 AND gap_start > $4
          ORDER BY gap_start LIMIT ${PAGE}`,
        [stringId, from, to, after],
      );
      yield* rows;
      const last = rows.at(-1);
      if (rows.length < PAGE || !last) {
        return;
      }
      after = last.gapStart;
    }
  }
}
