// biome-ignore lint/style/noRestrictedImports: the fleet e2e test and bench:web seed their own database, as ingest would fill it
import { type PgPool, type PrismaClient, RollupRepository } from '@fleet/db';
import * as testing from '@fleet/db/testing';

export interface FleetTenant {
  tenantId: string;
  installer: { email: string; password: string };
  strings: number;
}

export interface FleetSeedOptions {
  /** Name prefix of the organisation and its sites ("Fleet 100", …). */
  label: string;
  strings: number;
  /** Strings per site (one gateway per site). */
  perSite?: number;
}

// One statement per table, whatever the size: sites spread over Germany (some without
// coordinates), one gateway per site, strings named so the name sort interleaves sites, newest
// values for 19 of 20 strings (a few stale or long silent), an open alarm on every 25th string
// and 24 hours of hourly rollups with varying coverage for completeness, whose stored completeness
// (string_completeness) is then brought up to date as ingest's rollup job would.
const SITES_SQL = `
  INSERT INTO site (id, tenant_id, name, address, latitude, longitude)
  SELECT gen_random_uuid(), $1, $2 || ' site ' || lpad(i::text, 5, '0'), 'Street ' || i || ', Town ' || (i % 97),
         CASE WHEN i % 50 = 0 THEN NULL ELSE 47.5 + (i * 7919 % 5000) / 1000.0 END,
         CASE WHEN i % 50 = 0 THEN NULL ELSE 6.5 + (i * 104729 % 8000) / 1000.0 END
    FROM generate_series(1, $3::int) i`;
const GATEWAYS_SQL = `
  INSERT INTO gateway (id, tenant_id, site_id, name)
  SELECT 'gw-' || replace(s.id::text, '-', ''), s.tenant_id, s.id, 'Gateway ' || s.name FROM site s WHERE s.tenant_id = $1`;
const STRINGS_SQL = `
  INSERT INTO bms_string (id, tenant_id, site_id, gateway_id, bus, bms_address, name)
  SELECT gen_random_uuid(), g.tenant_id, g.site_id, g.id, 'can0', a, 'String ' || lpad(((row_number() OVER ()) * 7 % $3 + 1)::text, 5, '0')
    FROM gateway g CROSS JOIN generate_series(0, $2::int - 1) a WHERE g.tenant_id = $1
   LIMIT $3`;
const LATEST_SQL = `
  INSERT INTO string_latest (string_id, ts, pack_voltage_dv, pack_current_da, bms_temp_dc, soc_pct, soh_pct, state)
  SELECT b.id,
         now() - CASE WHEN n % 40 = 1 THEN interval '3 hours' WHEN n % 40 = 2 THEN interval '40 minutes'
                      ELSE make_interval(secs => n % 240) END,
         4000 + n % 300, (n % 7 - 3) * 50, 200 + n % 80, (n * 37) % 101, 80 + (n * 13) % 21,
         (ARRAY['charge', 'discharge', 'idle'])[n % 3 + 1]
    FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM bms_string WHERE tenant_id = $1) b
   WHERE n % 20 <> 0`;
const ALARMS_SQL = `
  INSERT INTO alarm (id, tenant_id, site_id, string_id, subject_key, code, title, severity, status, first_fired_at, last_fired_at)
  SELECT gen_random_uuid(), b.tenant_id, b.site_id, b.id, 'string:' || b.id, 'bench.cell_low', 'Cell low voltage',
         (ARRAY['critical', 'major', 'warning', 'info']::"AlarmSeverity"[])[n % 4 + 1], 'open', now(), now()
    FROM (SELECT *, row_number() OVER (ORDER BY id) AS n FROM bms_string WHERE tenant_id = $1) b
   WHERE n % 25 = 0`;
const ROLLUPS_SQL = `
  INSERT INTO string_rollup_1h (string_id, bucket_start, samples, covered_s, cell_spread_samples, energy_in_wh,
                                energy_out_wh, sleep_s, charge_s, discharge_s, idle_s, other_state_s)
  SELECT b.id, date_trunc('hour', now()) - make_interval(hours => h), 360,
         CASE WHEN (n + h) % 9 = 0 THEN 1800 ELSE 3600 END, 0, 0, 0, 0, 0, 0, 3600, 0
    FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM bms_string WHERE tenant_id = $1) b
   CROSS JOIN generate_series(1, 24) h`;

/** An installer organisation with `strings` strings, filled by bulk SQL; returns its installer. */
export async function seedFleetTenant(
  prisma: PrismaClient,
  pool: PgPool,
  options: FleetSeedOptions,
): Promise<FleetTenant> {
  const perSite = options.perSite ?? 4;
  const tenant = await testing.createTenant(prisma, { name: options.label });
  const installer = await testing.createUser(prisma, {
    tenantId: tenant.id,
    role: 'installer',
    name: `${options.label} Installer`,
  });
  await pool.query(SITES_SQL, [tenant.id, options.label, Math.ceil(options.strings / perSite)]);
  await pool.query(GATEWAYS_SQL, [tenant.id]);
  await pool.query(STRINGS_SQL, [tenant.id, perSite, options.strings]);
  for (const sql of [LATEST_SQL, ALARMS_SQL, ROLLUPS_SQL]) {
    await pool.query(sql, [tenant.id]);
  }
  await new RollupRepository(pool).refreshCompleteness();
  await pool.query('ANALYZE');
  return {
    tenantId: tenant.id,
    installer: { email: installer.email, password: installer.password },
    strings: options.strings,
  };
}
