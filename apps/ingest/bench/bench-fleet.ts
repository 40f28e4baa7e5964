import { randomUUID } from 'node:crypto';
import type { CellSnapshotRow, PackSampleRow, PgPool } from '@fleet/db';
import {
  batchMessageId,
  type CellSnapshot,
  encodePackSeries,
  encodeTelemetryEnvelope,
  expandPackSeries,
  type KnownSample,
  type PackSample,
  TELEMETRY_SCHEMA,
} from '@fleet/telemetry';

/** Strings per gateway (one site each), rows per string per batch (30 s at 5 s), cells cadence. */
export const STRINGS_PER_GATEWAY = 4;
const ROWS_PER_SERIES = 6;
const SAMPLE_MS = 5_000;
const CELLS_EVERY = 4;
const MODULES = 15;
const CELLS = 15;

export interface BenchFleet {
  tenantId: string;
  siteId: string;
  gateways: { id: string; strings: { id: string; bmsAddress: number }[] }[];
}

export function benchFleet(strings: number): BenchFleet {
  const gateways = Array.from({ length: Math.ceil(strings / STRINGS_PER_GATEWAY) }, (_, g) => ({
    id: `gw-bench-${String(g).padStart(4, '0')}`,
    strings: Array.from({ length: STRINGS_PER_GATEWAY }, (_, bmsAddress) => ({
      id: randomUUID(),
      bmsAddress,
    })),
  }));
  return { tenantId: randomUUID(), siteId: randomUUID(), gateways };
}

/** Registers the fleet with fixed ids, so the ingest database and the COPY database match. */
export async function registerFleet(pool: PgPool, fleet: BenchFleet): Promise<void> {
  await pool.query(`INSERT INTO tenant (id, name, slug) VALUES ($1, 'Bench', $2)`, [
    fleet.tenantId,
    `bench-${fleet.tenantId}`,
  ]);
  await pool.query(`INSERT INTO site (id, tenant_id, name) VALUES ($1, $2, 'Bench site')`, [
    fleet.siteId,
    fleet.tenantId,
  ]);
  const ids = fleet.gateways.map((g) => g.id);
  await pool.query(
    `INSERT INTO gateway (id, tenant_id, site_id, name) SELECT g, $2, $3, g FROM unnest($1::text[]) AS g`,
    [ids, fleet.tenantId, fleet.siteId],
  );
  const strings = fleet.gateways.flatMap((g) => g.strings.map((s) => ({ ...s, gatewayId: g.id })));
  await pool.query(
    `INSERT INTO bms_string (id, tenant_id, site_id, gateway_id, bus, bms_address, name)
     SELECT u.id, $4, $5, u.gw, 'can0', u.addr, 'String ' || u.addr
       FROM unnest($1::uuid[], $2::text[], $3::int2[]) AS u(id, gw, addr)`,
    [
      strings.map((s) => s.id),
      strings.map((s) => s.gatewayId),
      strings.map((s) => s.bmsAddress),
      fleet.tenantId,
      fleet.siteId,
    ],
  );
}

/** A discharging string's reading: every field an agent fills from one 0x42x0 burst. */
function reading(bmsAddress: number, ts: number, k: number): PackSample {
  const soc = 80 - Math.floor(k / 60);
  return {
    kind: 'pack',
    ts: new Date(ts).toISOString(),
    bus: 'can0',
    bmsAddress,
    packVoltageDv: 4000 - (k % 7),
    packCurrentDa: -150 - (k % 5),
    bmsTempDc: 215 + (k % 3),
    socPct: soc,
    sohPct: 98,
    chargeCutoffDv: 4380,
    dischargeCutoffDv: 3600,
    chargeLimitDa: 250,
    dischargeLimitDa: -250,
    cellMaxMv: 3340 - (k % 4),
    cellMinMv: 3312 - (k % 3),
    cellMaxNo: 17,
    cellMinNo: 3 + (k % 2),
    cellTempMaxDc: 231,
    cellTempMinDc: 198,
    cellTempMaxNo: 2,
    cellTempMinNo: 9,
    state: 'discharge',
    statusByte: 2,
    errorBits: 0,
    alarmBits: 0,
    protectionBits: 0,
    chargeForbidden: false,
    dischargeForbidden: false,
  };
}

function cells(bmsAddress: number, ts: number, k: number): CellSnapshot {
  return {
    kind: 'cells',
    ts: new Date(ts).toISOString(),
    bus: 'can0',
    bmsAddress,
    source: 'console',
    trigger: 'schedule',
    cellVoltagesMv: Array.from({ length: MODULES }, (_, m) =>
      Array.from({ length: CELLS }, (_, c) => 3300 + ((m * CELLS + c + k) % 40)),
    ),
  };
}

export interface BenchMessage {
  subject: string;
  msgId: string;
  data: Uint8Array;
}

export interface BenchLoad {
  messages: BenchMessage[];
  /** The same rows as plain rows, for the raw COPY baseline and the loss count. */
  rows: PackSampleRow[];
  cellSnapshots: CellSnapshotRow[];
}

/**
 * `batches` envelopes per gateway as agents send them: per string one `packs` series of 6
 * readings 5 s apart, and every 4th batch a 15 × 15 cell snapshot per string. Times end a
 * minute ago, so the load is recent data (monthly partitions exist on PostgreSQL).
 */
export function benchLoad(fleet: BenchFleet, batches: number, now = Date.now()): BenchLoad {
  const start = now - 60_000 - batches * ROWS_PER_SERIES * SAMPLE_MS;
  const load: BenchLoad = { messages: [], rows: [], cellSnapshots: [] };
  const bootId = randomUUID();
  for (let seq = 0; seq < batches; seq++) {
    const t0 = start + seq * ROWS_PER_SERIES * SAMPLE_MS;
    for (const gateway of fleet.gateways) {
      const samples: KnownSample[] = [];
      for (const string of gateway.strings) {
        const readings = Array.from({ length: ROWS_PER_SERIES }, (_, i) =>
          reading(string.bmsAddress, t0 + i * SAMPLE_MS, seq * ROWS_PER_SERIES + i),
        );
        const series = encodePackSeries(readings);
        samples.push(series);
        load.rows.push(
          ...expandPackSeries(series).samples.map((sample) => ({ stringId: string.id, sample })),
        );
        if (seq % CELLS_EVERY === 0) {
          const snapshot = cells(string.bmsAddress, t0, seq);
          samples.push(snapshot);
          load.cellSnapshots.push({ stringId: string.id, snapshot });
        }
      }
      const envelope = {
        // Cast to its own literal type: read from the sources (scripts/tsconfig.json) it widens to string.
        schema: TELEMETRY_SCHEMA as typeof TELEMETRY_SCHEMA,
        gatewayId: gateway.id,
        bootId,
        seq,
        sentAt: new Date(t0 + ROWS_PER_SERIES * SAMPLE_MS).toISOString(),
        samples,
      };
      load.messages.push({
        subject: `bms.v1.tlm.${gateway.id}`,
        msgId: batchMessageId(gateway.id, bootId, seq),
        data: encodeTelemetryEnvelope(envelope),
      });
    }
  }
  return load;
}
