import type pg from 'pg';
import type { TopologyUpdate } from './topology-apply.js';

interface PresentModule {
  id: string;
  serial: string | null;
}

/**
 * Module identity by serial (issue 10), inside the caller's transaction: at each position a
 * report names a serial for, the present module takes it when it has none yet (first read); the
 * same serial only moves last_seen_at forward; another serial is a replaced module, so the old row
 * gets removed_at and a new row opens on the same string. Positions without a serial are left to
 * composition events.
 */
export async function applyModuleSerials(client: pg.ClientBase, u: TopologyUpdate): Promise<void> {
  for (const s of u.strings) {
    const modules = (s.modules ?? []).filter((m) => m.serial !== undefined);
    if (modules.length === 0) {
      continue;
    }
    const { rows } = await client.query<{ id: string }>(
      'SELECT id FROM bms_string WHERE gateway_id = $1 AND bus = $2 AND bms_address = $3',
      [u.gatewayId, u.bus, s.bmsAddress],
    );
    const stringId = rows[0]?.id;
    if (!stringId) {
      continue; // no string yet: its first telemetry or composition registers it
    }
    for (const m of modules) {
      await applyModule(client, stringId, m.position, m.serial as string, u.at);
    }
  }
}

async function applyModule(
  client: pg.ClientBase,
  stringId: string,
  position: number,
  serial: string,
  at: Date,
): Promise<void> {
  const { rows } = await client.query<PresentModule>(
    `SELECT id, serial FROM bms_module
      WHERE string_id = $1 AND position = $2 AND removed_at IS NULL FOR UPDATE`,
    [stringId, position],
  );
  const present = rows[0];
  if (present && (present.serial === null || present.serial === serial)) {
    await client.query(
      `UPDATE bms_module SET serial = $2, last_seen_at = greatest(last_seen_at, $3) WHERE id = $1`,
      [present.id, serial, at],
    );
    return;
  }
  if (present) {
    await client.query('UPDATE bms_module SET removed_at = greatest(first_seen_at, $2) WHERE id = $1', [
      present.id,
      at,
    ]);
  }
  await client.query(
    `INSERT INTO bms_module (id, string_id, position, module_type, serial, first_seen_at, last_seen_at)
     SELECT gen_random_uuid(), s.id, $2, s.module_type, $3, $4, $4 FROM bms_string s WHERE s.id = $1`,
    [stringId, position, serial, at],
  );
}
