import { type ScopeArg, scopeSql } from '../access/index.js';
import type { PgPool } from '../client.js';
import { STRING_DAYS_SQL, TENANT_DAYS_SQL } from './fleet-intel-history.sql.js';

/** Same fields as @fleet/analytics StringDay (db imports only telemetry, so it is restated). */
export interface FleetIntelDay {
  dayMs: number;
  sohPct: number | null;
  cellSpreadMaxMv: number | null;
  socMaxPct: number | null;
  highTempHours: number | null;
  highSocHours: number | null;
  cutoffCellNo: number | null;
  cycles: number | null;
}

export interface FleetIntelString {
  stringId: string;
  siteId: string;
  gatewayId: string;
  moduleType: string;
  /** BMS software version "V.R" as last reported (bms_string.firmware); null = never reported. */
  firmware: string | null;
  commissionedAtMs: number | null;
  latitude: number | null;
  days: FleetIntelDay[];
}

/** A finding as read back, with its string's name for lists. */
export type FindingRow = StoredFinding & { stringName: string };

/** A string beside its cohort as stored (fleet_cohort_stat); the fleet list reads it back. */
export interface StoredCohortStat {
  stringId: string;
  cohortKey: string;
  cohortLabel: string;
  cohortSize: number | null;
  fadePctPerYear: number | null;
  cohortFadePctPerYear: number | null;
  fadeWorse: boolean;
  spreadGrowthMvPerMonth: number | null;
  cohortSpreadGrowthMvPerMonth: number | null;
  spreadWorse: boolean;
  computedAt: Date;
}

/** A finding as stored (fleet_finding). */
export interface StoredFinding {
  stringId: string;
  kind: string;
  isPrimary: boolean;
  evidence: unknown;
  chartField: string;
  explanation: string;
  cohort: string;
  foundAt: Date;
}

interface DayRow {
  bucket_start: Date | null;
  soh_last_pct: number | null;
  cell_spread_max_mv: number | null;
  soc_max_pct: number | null;
  energy_out_wh: number | null;
  hot_hours: number | null;
  full_hours: number | null;
  cell_min_no: number | null;
}

function dayOf(r: DayRow, nominalWh: number | null): FleetIntelDay {
  return {
    dayMs: r.bucket_start!.getTime(),
    sohPct: r.soh_last_pct,
    cellSpreadMaxMv: r.cell_spread_max_mv,
    socMaxPct: r.soc_max_pct,
    highTempHours: r.hot_hours,
    highSocHours: r.full_hours,
    cutoffCellNo: r.cell_min_no,
    cycles: nominalWh === null || r.energy_out_wh === null ? null : r.energy_out_wh / nominalWh,
  };
}

/** Module Wh as @fleet/analytics MODULE_NOMINAL_WH (SC1000-100S product page); other types: unknown. */
const MODULE_WH: Record<string, number> = { H48050: 2400, H48074: 3552 };

function nominalWhOf(moduleType: string, modules: number | null): number | null {
  const wh = MODULE_WH[moduleType];
  return wh === undefined || modules === null ? null : wh * modules;
}

// One statement for a tenant's strings (jsonb_to_recordset, as the findings): thousands of rows
// in one round trip.
const INSERT_COHORT_STATS = `INSERT INTO fleet_cohort_stat (string_id, tenant_id, cohort_key, cohort_label, cohort_size,
       fade_pct_per_year, cohort_fade_pct_per_year, fade_worse, spread_growth_mv_per_month,
       cohort_spread_growth_mv_per_month, spread_worse, computed_at)
  SELECT c.string_id, $1, c.cohort_key, c.cohort_label, c.cohort_size, c.fade, c.cohort_fade, c.fade_worse,
         c.growth, c.cohort_growth, c.spread_worse, c.computed_at
    FROM jsonb_to_recordset($2::jsonb) AS c(string_id uuid, cohort_key text, cohort_label text, cohort_size int,
         fade float8, cohort_fade float8, fade_worse boolean, growth float8, cohort_growth float8,
         spread_worse boolean, computed_at timestamptz)`;

/** JSON has no NaN or Infinity: a non-finite number is stored as unknown (null). */
const num = (v: number | null) => (v !== null && Number.isFinite(v) ? v : null);

function cohortStatRow(c: StoredCohortStat) {
  return {
    string_id: c.stringId,
    cohort_key: c.cohortKey,
    cohort_label: c.cohortLabel,
    cohort_size: c.cohortSize,
    fade: num(c.fadePctPerYear),
    cohort_fade: num(c.cohortFadePctPerYear),
    fade_worse: c.fadeWorse,
    growth: num(c.spreadGrowthMvPerMonth),
    cohort_growth: num(c.cohortSpreadGrowthMvPerMonth),
    spread_worse: c.spreadWorse,
    computed_at: c.computedAt.toISOString(),
  };
}

/**
 * The fleet-intelligence side of the database: the daily history the analysis reads (ingest, on
 * the unscoped pool: every tenant in turn) and the findings it stores; the API reads findings and
 * one string's days on the scoped pool, where row-level security admits the caller's strings.
 */
/** Days back the cut-off cell is looked up in raw samples (the weak-cell rule needs ≥ 8 such days). */
export const CUTOFF_CELL_DAYS = 56;
const cutoffFrom = () => new Date(Date.now() - CUTOFF_CELL_DAYS * 86_400_000);

export class FleetIntelRepository {
  constructor(private readonly pool: PgPool) {}

  async tenants(): Promise<string[]> {
    const { rows } = await this.pool.query<{ id: string }>('SELECT DISTINCT tenant_id AS id FROM bms_string');
    return rows.map((r) => r.id);
  }

  /**
   * Every string of the tenant with its days since `fromMs`, oldest first; the cut-off cell for days
   * since `cutoffFromMs` (default CUTOFF_CELL_DAYS back).
   */
  async historyOfTenant(
    tenantId: string,
    fromMs: number,
    cutoffFromMs?: number,
  ): Promise<FleetIntelString[]> {
    const { rows } = await this.pool.query<
      DayRow & {
        string_id: string;
        site_id: string;
        gateway_id: string;
        module_type: string;
        module_count: number | null;
        firmware: string | null;
        latitude: number | null;
        commissioned_at: Date | null;
      }
    >(TENANT_DAYS_SQL, [
      tenantId,
      new Date(fromMs),
      cutoffFromMs === undefined ? cutoffFrom() : new Date(cutoffFromMs),
    ]);
    const byString = new Map<string, FleetIntelString>();
    for (const r of rows) {
      let s = byString.get(r.string_id);
      if (s === undefined) {
        s = {
          stringId: r.string_id,
          siteId: r.site_id,
          gatewayId: r.gateway_id,
          moduleType: r.module_type,
          firmware: r.firmware,
          commissionedAtMs: r.commissioned_at?.getTime() ?? null,
          latitude: r.latitude,
          days: [],
        };
        byString.set(r.string_id, s);
      }
      if (r.bucket_start !== null) {
        s.days.push(dayOf(r, nominalWhOf(r.module_type, r.module_count)));
      }
    }
    return [...byString.values()];
  }

  /** One string's days since `fromMs` (the chart of a finding); [] for a string out of scope. */
  async daysOfString(
    stringId: string,
    moduleType: string,
    moduleCount: number | null,
    fromMs: number,
    cutoffFromMs?: number,
  ): Promise<FleetIntelDay[]> {
    const { rows } = await this.pool.query<DayRow>(STRING_DAYS_SQL, [
      stringId,
      new Date(fromMs),
      cutoffFromMs === undefined ? cutoffFrom() : new Date(cutoffFromMs),
    ]);
    return rows.map((r) => dayOf(r, nominalWhOf(moduleType, moduleCount)));
  }

  /**
   * Replaces the tenant's findings and cohort comparisons with this analysis's, in one transaction
   * (the fleet table's marker and the findings never come from different days).
   */
  async replaceFindings(
    tenantId: string,
    findings: readonly StoredFinding[],
    cohortStats: readonly StoredCohortStat[] = [],
  ): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('DELETE FROM fleet_finding WHERE tenant_id = $1', [tenantId]);
      await client.query('DELETE FROM fleet_cohort_stat WHERE tenant_id = $1', [tenantId]);
      if (cohortStats.length > 0) {
        await client.query(INSERT_COHORT_STATS, [tenantId, JSON.stringify(cohortStats.map(cohortStatRow))]);
      }
      if (findings.length > 0) {
        await client.query(
          `INSERT INTO fleet_finding (string_id, kind, tenant_id, is_primary, evidence, chart_field, explanation, cohort, found_at)
           SELECT f.string_id, f.kind, $1, f.is_primary, f.evidence, f.chart_field, f.explanation, f.cohort, f.found_at
             FROM jsonb_to_recordset($2::jsonb) AS f(string_id uuid, kind text, is_primary boolean, evidence jsonb,
                  chart_field text, explanation text, cohort text, found_at timestamptz)`,
          [
            tenantId,
            JSON.stringify(
              findings.map((f) => ({
                string_id: f.stringId,
                kind: f.kind,
                is_primary: f.isPrimary,
                evidence: f.evidence,
                chart_field: f.chartField,
                explanation: f.explanation,
                cohort: f.cohort,
                found_at: f.foundAt.toISOString(),
              })),
            ),
          ],
        );
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }

  /**
   * Findings of the strings in the scope (filtered here, and by row-level security on the API's
   * scoped pool), optionally of one string; primary first per string.
   */
  async findings(scope: ScopeArg, stringId?: string): Promise<FindingRow[]> {
    const params: unknown[] = [stringId ?? null];
    const inScope = scopeSql(scope, { tenant: 'b.tenant_id', site: 'b.site_id' }, params);
    const { rows } = await this.pool.query<FindingRow>(
      `SELECT f.string_id AS "stringId", b.name AS "stringName", f.kind, f.is_primary AS "isPrimary", f.evidence,
              f.chart_field AS "chartField", f.explanation, f.cohort, f.found_at AS "foundAt"
         FROM fleet_finding f
         JOIN bms_string b ON b.id = f.string_id
        WHERE ($1::uuid IS NULL OR f.string_id = $1::uuid) AND ${inScope}
        ORDER BY f.string_id, f.is_primary DESC, f.kind`,
      params,
    );
    return rows;
  }
}
