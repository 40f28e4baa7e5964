import type { PgPool } from '../client.js';
import { toUserLocale, type UserLocale } from './user.repository.js';

export interface FleetReportPeriod {
  tenantId: string;
  from: Date;
  to: Date;
  /** "Now" for staleness: a site is offline when it has been silent this long before it. */
  asOf: Date;
}

export interface FleetReportData {
  tenantName: string;
  /** `code`: the alarm's, so a report in another language names the finding in it. */
  newFindings: {
    site: string;
    string: string | null;
    code?: string;
    title: string;
    severity: string;
    at: Date;
  }[];
  newAlarms: number;
  /** `titles`: the distinct open alarms by code and stored (English) title, so a report names them in its language. */
  needingVisit: {
    site: string;
    string: string;
    worstSeverity: string;
    alarms: number;
    titles: { code: string; title: string }[];
  }[];
  offlineSites: { site: string; lastSampleAt: Date | null }[];
  completeness: { site: string; strings: number; coveredS: number }[];
}

export interface FleetReportRow {
  id: string;
  tenantId: string;
  isoWeek: string;
  periodFrom: Date;
  periodTo: Date;
  status: 'queued' | 'sent' | 'failed';
  attempts: number;
  summary: unknown;
  recipients: string[];
  /** The languages whose mail already went out: a retry sends only the others. */
  sentLocales: string[];
  error: string | null;
  sentAt: Date | null;
}

/** A site is offline in the report when no string of it has reported for this long. */
export const REPORT_OFFLINE_AFTER_S = 3600;

const ROW = `id, tenant_id AS "tenantId", iso_week AS "isoWeek", period_from AS "periodFrom",
  period_to AS "periodTo", status, attempts, summary, recipients, sent_locales AS "sentLocales", error, sent_at AS "sentAt"`;

const FINDING = `a.code LIKE 'derived.finding.%'`;

/**
 * The weekly fleet report (issue 10): what it is made of, read from alarms (findings are
 * alarms too), strings and rollups, and its per-organisation, per-week queue. Runs on the system
 * pool and filters by organisation itself: the runner is no request.
 */
export class FleetReportRepository {
  constructor(private readonly pool: PgPool) {}

  async installerOrganisations(): Promise<string[]> {
    const { rows } = await this.pool.query<{ id: string }>(
      `SELECT id FROM tenant WHERE kind = 'installer' ORDER BY id`,
    );
    return rows.map((r) => r.id);
  }

  /** The organisation's admins and installers, each with the language their report goes out in. */
  async recipients(tenantId: string): Promise<Array<{ email: string; locale: UserLocale }>> {
    const { rows } = await this.pool.query<{ email: string; locale: string }>(
      `SELECT email, locale FROM app_user
        WHERE tenant_id = $1 AND role IN ('org_admin', 'installer') ORDER BY email`,
      [tenantId],
    );
    return rows.map((r) => ({ email: r.email, locale: toUserLocale(r.locale) }));
  }

  async data(p: FleetReportPeriod): Promise<FleetReportData> {
    const args = [p.tenantId, p.from, p.to];
    const [tenant, findings, alarms, visit, offline, completeness] = await Promise.all([
      this.pool.query<{ name: string }>('SELECT name FROM tenant WHERE id = $1', [p.tenantId]),
      this.pool.query<FleetReportData['newFindings'][number]>(
        `SELECT s.name AS site, b.name AS string, a.code, a.title, a.severity::text AS severity, a.first_fired_at AS at
           FROM alarm a JOIN site s ON s.id = a.site_id LEFT JOIN bms_string b ON b.id = a.string_id
          WHERE a.tenant_id = $1 AND a.first_fired_at >= $2 AND a.first_fired_at < $3 AND ${FINDING}
          ORDER BY a.first_fired_at, a.id`,
        args,
      ),
      this.pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM alarm a
          WHERE a.tenant_id = $1 AND a.first_fired_at >= $2 AND a.first_fired_at < $3`,
        args,
      ),
      this.pool.query<FleetReportData['needingVisit'][number]>(
        `SELECT s.name AS site, b.name AS string, count(*)::int AS alarms,
                (array_agg(a.severity::text ORDER BY a.severity))[1] AS "worstSeverity",
                jsonb_agg(DISTINCT jsonb_build_object('code', a.code, 'title', a.title)) AS titles
           FROM alarm a JOIN bms_string b ON b.id = a.string_id JOIN site s ON s.id = b.site_id
          WHERE a.tenant_id = $1 AND a.status IN ('open', 'acknowledged')
            AND (a.severity IN ('critical', 'major', 'warning') OR ${FINDING})
          GROUP BY s.name, b.name, b.id ORDER BY s.name, b.name`,
        [p.tenantId],
      ),
      this.pool.query<FleetReportData['offlineSites'][number]>(
        `SELECT s.name AS site, max(b.last_sample_at) AS "lastSampleAt"
           FROM site s LEFT JOIN bms_string b ON b.site_id = s.id
          WHERE s.tenant_id = $1 GROUP BY s.id, s.name
         HAVING max(b.last_sample_at) IS NULL OR max(b.last_sample_at) < $2::timestamptz - make_interval(secs => $3)
          ORDER BY s.name`,
        [p.tenantId, p.asOf, REPORT_OFFLINE_AFTER_S],
      ),
      this.pool.query<FleetReportData['completeness'][number]>(
        `SELECT s.name AS site, count(DISTINCT b.id)::int AS strings,
                coalesce((SELECT sum(r.covered_s) FROM string_rollup_1h r JOIN bms_string b2 ON b2.id = r.string_id
                           WHERE b2.site_id = s.id AND r.bucket_start >= $2 AND r.bucket_start < $3), 0)::float8 AS "coveredS"
           FROM site s LEFT JOIN bms_string b ON b.site_id = s.id
          WHERE s.tenant_id = $1 GROUP BY s.id, s.name ORDER BY s.name`,
        args,
      ),
    ]);
    return {
      tenantName: tenant.rows[0]?.name ?? '',
      newFindings: findings.rows,
      newAlarms: alarms.rows[0]?.n ?? 0,
      needingVisit: visit.rows,
      offlineSites: offline.rows,
      completeness: completeness.rows,
    };
  }

  /** The week's row, created queued if missing (the idempotency key: one per organisation and week). */
  async enqueue(tenantId: string, isoWeek: string, from: Date, to: Date): Promise<FleetReportRow> {
    await this.pool.query(
      `INSERT INTO fleet_report (id, tenant_id, iso_week, period_from, period_to, recipients, sent_locales)
       VALUES (gen_random_uuid(), $1, $2, $3, $4, '{}', '{}') ON CONFLICT (tenant_id, iso_week) DO NOTHING`,
      [tenantId, isoWeek, from, to],
    );
    const { rows } = await this.pool.query<FleetReportRow>(
      `SELECT ${ROW} FROM fleet_report WHERE tenant_id = $1 AND iso_week = $2`,
      [tenantId, isoWeek],
    );
    return rows[0] as FleetReportRow;
  }

  /** Rows still to send: queued, or failed fewer than `maxAttempts` times, not under another sender's lease. */
  async due(maxAttempts: number): Promise<string[]> {
    const { rows } = await this.pool.query<{ id: string }>(
      `SELECT id FROM fleet_report
        WHERE (status = 'queued' OR (status = 'failed' AND attempts < $1))
          AND (lease_until IS NULL OR lease_until < now())
        ORDER BY created_at LIMIT 50`,
      [maxAttempts],
    );
    return rows.map((r) => r.id);
  }

  /** Takes the row for `leaseS` seconds; null when it is sent or another sender holds it. */
  async claim(id: string, leaseS: number): Promise<FleetReportRow | null> {
    const { rows } = await this.pool.query<FleetReportRow>(
      `UPDATE fleet_report SET attempts = attempts + 1, lease_until = now() + make_interval(secs => $2)
        WHERE id = $1 AND status <> 'sent' AND (lease_until IS NULL OR lease_until < now())
        RETURNING ${ROW}`,
      [id, leaseS],
    );
    return rows[0] ?? null;
  }

  async markSent(id: string, summary: unknown, recipients: string[]): Promise<void> {
    await this.pool.query(
      `UPDATE fleet_report SET status = 'sent', sent_at = now(), summary = $2::jsonb, recipients = $3,
              error = NULL, lease_until = NULL WHERE id = $1`,
      [id, JSON.stringify(summary), recipients],
    );
  }

  /** Records that the mail in `locale` went out, so a retry after another language failed skips it. */
  async markLocaleSent(id: string, locale: string): Promise<void> {
    await this.pool.query(
      `UPDATE fleet_report SET sent_locales = array_append(sent_locales, $2)
        WHERE id = $1 AND NOT ($2 = ANY (sent_locales))`,
      [id, locale],
    );
  }

  async markFailed(id: string, error: string): Promise<void> {
    await this.pool.query(
      `UPDATE fleet_report SET status = 'failed', error = $2, lease_until = NULL WHERE id = $1`,
      [id, error.slice(0, 2000)],
    );
  }
}
