import type { TopologyString } from '@fleet/telemetry';
import type pg from 'pg';
import { applyFirmware } from './string-firmware.js';
import { type KnownString, matchByModuleSerials, moduleSerialSet } from './topology-module-match.js';
import { applyModuleSerials } from './topology-modules.js';

/** One `topology` event as ingest applies it (issue 10). */
export interface TopologyUpdate {
  gatewayId: string;
  /** The event batch's `<gatewayId>:<bootId>:e<seq>`. */
  msgId: string;
  at: Date;
  bus: string;
  protocol: string;
  strings: TopologyString[];
}

type StringRow = KnownString;

interface Move {
  row: StringRow;
  to: number;
  /** What told the string apart: its BMS serial, or (none read) its modules' serials. */
  identity: { bmsSerial: string } | { moduleSerials: string[] };
}

/**
 * Applies a topology report inside the caller's transaction: keeps it as the bus's latest report
 * (forward only: an older report, e.g. a late replay, changes nothing), then resolves identity by
 * BMS serial — a serial seen before under another (bus, address) is the SAME string, moved there
 * with its history and a `renumbered` bms_event; a serial new to the gateway is given to the
 * serial-less string at its address, or gets a string of its own. A string reported without a
 * BMS serial but with module serials (RS485 0x93) is the known string whose present modules carry
 * exactly those serials, moved the same way; with no such string it is registered at its address
 * so its modules can be recorded. Then module serials, and each reported 0x7310 version on the
 * string at its address (a string not registered yet gets it from its composition event). Reports
 * without serials (HV CAN) update only the report and the firmware.
 */
export async function applyTopology(client: pg.ClientBase, u: TopologyUpdate): Promise<void> {
  const { rowCount } = await client.query(
    `INSERT INTO topology_report (gateway_id, bus, site_id, tenant_id, reported_at, msg_id, body)
     SELECT g.id, $2, g.site_id, g.tenant_id, $3, $4, $5 FROM gateway g WHERE g.id = $1
     ON CONFLICT (gateway_id, bus) DO UPDATE
       SET reported_at = EXCLUDED.reported_at, msg_id = EXCLUDED.msg_id, body = EXCLUDED.body,
           received_at = now()
     WHERE topology_report.reported_at <= EXCLUDED.reported_at`,
    [u.gatewayId, u.bus, u.at, u.msgId, JSON.stringify({ protocol: u.protocol, strings: u.strings })],
  );
  if (!rowCount) {
    return;
  }
  const withSerial = u.strings.filter((s) => s.bmsSerial !== undefined);
  if (withSerial.length > 0) {
    await resolveBySerial(client, u, withSerial);
  }
  const byModules = u.strings.filter((s) => s.bmsSerial === undefined && moduleSerialSet(s).length > 0);
  if (byModules.length > 0) {
    await resolveByModules(client, u, byModules);
  }
  await applyModuleSerials(client, u);
  // After identity: the versions belong to whichever string now holds the address.
  for (const s of u.strings) {
    if (s.versions) {
      await applyFirmware(
        client,
        { gatewayId: u.gatewayId, bus: u.bus, bmsAddress: s.bmsAddress },
        u.at,
        s.versions,
      );
    }
  }
}

async function resolveByModules(client: pg.ClientBase, u: TopologyUpdate, reported: TopologyString[]) {
  const matches = await matchByModuleSerials(client, u.gatewayId, reported);
  const moves: Move[] = [];
  for (const s of reported) {
    const known = matches.get(s.bmsAddress);
    if (known && (known.bus !== u.bus || known.bms_address !== s.bmsAddress)) {
      moves.push({ row: known, to: s.bmsAddress, identity: { moduleSerials: moduleSerialSet(s) } });
    }
  }
  await applyMoves(client, u, moves);
  for (const s of reported) {
    if (!matches.has(s.bmsAddress)) {
      await registerIfAbsent(client, u, s.bmsAddress);
    }
  }
}

async function resolveBySerial(client: pg.ClientBase, u: TopologyUpdate, reported: TopologyString[]) {
  const { rows } = await client.query<StringRow>(
    `SELECT id, bus, bms_address, bms_serial FROM bms_string WHERE gateway_id = $1 FOR UPDATE`,
    [u.gatewayId],
  );
  const bySerial = new Map(rows.filter((r) => r.bms_serial).map((r) => [r.bms_serial as string, r]));
  const moves: Move[] = [];
  const fresh: { serial: string; address: number }[] = [];
  for (const s of reported) {
    const serial = s.bmsSerial as string;
    const known = bySerial.get(serial);
    if (known && (known.bus !== u.bus || known.bms_address !== s.bmsAddress)) {
      moves.push({ row: known, to: s.bmsAddress, identity: { bmsSerial: serial } });
    } else if (!known) {
      fresh.push({ serial, address: s.bmsAddress });
    }
  }
  await applyMoves(client, u, moves);
  for (const f of fresh) {
    await claimOrRegister(client, u, f);
  }
}

async function applyMoves(client: pg.ClientBase, u: TopologyUpdate, moves: Move[]): Promise<void> {
  const moving = new Set(moves.map((m) => m.row.id));
  // Two phases so strings may swap addresses: park every mover, then clear and take each target.
  for (const m of moves) {
    await park(client, u.gatewayId, m.row.id);
  }
  for (const m of moves) {
    await clearAddress(client, u, m.to, moving);
    await client.query(`UPDATE bms_string SET bus = $2, bms_address = $3 WHERE id = $1`, [
      m.row.id,
      u.bus,
      m.to,
    ]);
    await recordRenumbering(client, u, m);
  }
}

/** Moves a string out of the wire's address space (negative addresses never come from a BMS). */
async function park(client: pg.ClientBase, gatewayId: string, stringId: string): Promise<void> {
  await client.query(
    `UPDATE bms_string SET bms_address = (
       SELECT least(coalesce(min(bms_address), 0), 0) - 1 FROM bms_string WHERE gateway_id = $1)
      WHERE id = $2`,
    [gatewayId, stringId],
  );
}

/**
 * Frees (bus, address) for a string moving there. The string found there is another one: a
 * serial-less placeholder telemetry registered before this report arrived is dropped when it holds
 * no samples yet; any other is parked (kept with its history, off the wire's addresses).
 */
async function clearAddress(
  client: pg.ClientBase,
  u: TopologyUpdate,
  address: number,
  moving: ReadonlySet<string>,
): Promise<void> {
  const { rows } = await client.query<{ id: string; bms_serial: string | null; has_samples: boolean }>(
    `SELECT s.id, s.bms_serial,
            EXISTS (SELECT 1 FROM pack_sample p WHERE p.string_id = s.id) AS has_samples
       FROM bms_string s WHERE s.gateway_id = $1 AND s.bus = $2 AND s.bms_address = $3`,
    [u.gatewayId, u.bus, address],
  );
  const occupant = rows[0];
  if (!occupant || moving.has(occupant.id)) {
    return;
  }
  if (occupant.bms_serial === null && !occupant.has_samples) {
    await client.query('DELETE FROM bms_string WHERE id = $1', [occupant.id]);
  } else {
    await park(client, u.gatewayId, occupant.id);
  }
}

async function recordRenumbering(client: pg.ClientBase, u: TopologyUpdate, m: Move): Promise<void> {
  const body = {
    kind: 'renumbered',
    ts: u.at.toISOString(),
    ...m.identity,
    from: { bus: m.row.bus, bmsAddress: m.row.bms_address },
    to: { bus: u.bus, bmsAddress: m.to },
  };
  await client.query(
    `INSERT INTO bms_event (gateway_id, msg_id, idx, string_id, ts, kind, body)
     VALUES ($1, $2, $3, $4, $5, 'renumbered', $6) ON CONFLICT DO NOTHING`,
    [u.gatewayId, `${u.msgId}:renumber`, m.to, m.row.id, u.at, JSON.stringify(body)],
  );
}

/** A string identified by its modules alone and new here: registered so its modules are recorded. */
async function registerIfAbsent(client: pg.ClientBase, u: TopologyUpdate, address: number): Promise<void> {
  await client.query(
    `INSERT INTO bms_string (id, tenant_id, site_id, gateway_id, bus, bms_address, name)
     SELECT gen_random_uuid(), g.tenant_id, g.site_id, g.id, $2, $3, $4 FROM gateway g WHERE g.id = $1
     ON CONFLICT (gateway_id, bus, bms_address) DO NOTHING`,
    [u.gatewayId, u.bus, address, `String ${address}`],
  );
}

/**
 * A serial the gateway has not seen: the string at its address takes it when it has none yet
 * (the first report with a serial); one with another serial is a different BMS and is parked,
 * and the new serial gets a string of its own.
 */
async function claimOrRegister(
  client: pg.ClientBase,
  u: TopologyUpdate,
  f: { serial: string; address: number },
): Promise<void> {
  const { rowCount } = await client.query(
    `UPDATE bms_string SET bms_serial = $4
      WHERE gateway_id = $1 AND bus = $2 AND bms_address = $3 AND bms_serial IS NULL`,
    [u.gatewayId, u.bus, f.address, f.serial],
  );
  if (rowCount) {
    return;
  }
  const { rows } = await client.query<{ id: string }>(
    'SELECT id FROM bms_string WHERE gateway_id = $1 AND bus = $2 AND bms_address = $3',
    [u.gatewayId, u.bus, f.address],
  );
  if (rows[0]) {
    await park(client, u.gatewayId, rows[0].id);
  }
  await client.query(
    `INSERT INTO bms_string (id, tenant_id, site_id, gateway_id, bus, bms_address, name, bms_serial)
     SELECT gen_random_uuid(), g.tenant_id, g.site_id, g.id, $2, $3, $5, $4
       FROM gateway g WHERE g.id = $1`,
    [u.gatewayId, u.bus, f.address, f.serial, `String ${f.address}`],
  );
}
