import type { TopologyString } from '@fleet/telemetry';
import type pg from 'pg';

export interface KnownString {
  id: string;
  bus: string;
  bms_address: number;
  bms_serial: string | null;
}

/** The module serials a report names for a string, sorted: its identity where no BMS serial is read. */
export function moduleSerialSet(s: TopologyString): string[] {
  return (s.modules ?? []).flatMap((m) => (m.serial === undefined ? [] : [m.serial])).sort();
}

/**
 * For each reported string (by address), the gateway's string whose present modules carry
 * exactly the same serials (rule in docs/architecture.md: "identity from module serials"),
 * wherever it is now; absent when none does. Inside the caller's transaction (rows locked).
 */
export async function matchByModuleSerials(
  client: pg.ClientBase,
  gatewayId: string,
  reported: readonly TopologyString[],
): Promise<Map<number, KnownString>> {
  const { rows } = await client.query<KnownString & { serials: string[] }>(
    `SELECT s.id, s.bus, s.bms_address, s.bms_serial,
            ARRAY(SELECT m.serial FROM bms_module m
                   WHERE m.string_id = s.id AND m.removed_at IS NULL AND m.serial IS NOT NULL
                   ORDER BY m.serial) AS serials
       FROM bms_string s WHERE s.gateway_id = $1 FOR UPDATE`,
    [gatewayId],
  );
  const byKey = new Map(
    rows.filter((r) => r.serials.length > 0).map(({ serials, ...row }) => [serials.join('\n'), row]),
  );
  const matches = new Map<number, KnownString>();
  for (const s of reported) {
    const known = byKey.get(moduleSerialSet(s).join('\n'));
    if (known) {
      matches.set(s.bmsAddress, known);
    }
  }
  return matches;
}
