import type { PgPool } from '../client.js';

/** A string as the wire names it under one gateway. */
export interface StringKey {
  bus: string;
  bmsAddress: number;
}

export type ResolveStringsResult =
  /** No gateway with this id: ingest dead-letters the batch. */
  | { gateway: 'unknown' }
  | {
      gateway: 'known';
      /** stringKey(key) → bms_string.id, for every requested key. */
      ids: Map<string, string>;
      /** Keys that had no string yet and were registered now (discovery). */
      discovered: StringKey[];
    };

export function stringKey(key: StringKey): string {
  return `${key.bus}#${key.bmsAddress}`;
}

interface StringRow {
  id: string;
  bus: string;
  bms_address: number;
}

/** Maps wire identities (gatewayId, bus, bmsAddress) to string ids, registering new strings. */
export class StringRegistryRepository {
  constructor(private readonly pool: PgPool) {}

  async resolve(gatewayId: string, keys: StringKey[]): Promise<ResolveStringsResult> {
    // One query for the common case: the gateway and all its strings (a handful per gateway).
    const { rows } = await this.pool.query<{ tenant_id: string; site_id: string } & Partial<StringRow>>(
      `SELECT g.tenant_id, g.site_id, s.id, s.bus, s.bms_address
         FROM gateway g LEFT JOIN bms_string s ON s.gateway_id = g.id
        WHERE g.id = $1`,
      [gatewayId],
    );
    const gateway = rows[0];
    if (!gateway) {
      return { gateway: 'unknown' };
    }
    const ids = new Map<string, string>();
    for (const row of rows) {
      if (row.id && row.bus !== undefined && row.bms_address !== undefined) {
        ids.set(stringKey({ bus: row.bus, bmsAddress: row.bms_address }), row.id);
      }
    }
    const missing = uniqueKeys(keys).filter((k) => !ids.has(stringKey(k)));
    if (missing.length) {
      for (const row of await this.register(gatewayId, gateway, missing)) {
        ids.set(stringKey({ bus: row.bus, bmsAddress: row.bms_address }), row.id);
      }
    }
    return { gateway: 'known', ids, discovered: missing };
  }

  /**
   * Registers strings seen for the first time, in the gateway's tenant and site. ON CONFLICT
   * covers a concurrent ingest registering the same string; the final SELECT returns both.
   */
  private async register(
    gatewayId: string,
    gateway: { tenant_id: string; site_id: string },
    keys: StringKey[],
  ): Promise<StringRow[]> {
    const buses = keys.map((k) => k.bus);
    const addresses = keys.map((k) => k.bmsAddress);
    await this.pool.query(
      `INSERT INTO bms_string (id, tenant_id, site_id, gateway_id, bus, bms_address, name)
       SELECT gen_random_uuid(), $2, $3, $1, k.bus, k.address, 'String ' || k.address
         FROM unnest($4::text[], $5::smallint[]) AS k(bus, address)
       ON CONFLICT (gateway_id, bus, bms_address) DO NOTHING`,
      [gatewayId, gateway.tenant_id, gateway.site_id, buses, addresses],
    );
    const { rows } = await this.pool.query<StringRow>(
      `SELECT s.id, s.bus, s.bms_address FROM bms_string s
         JOIN unnest($2::text[], $3::smallint[]) AS k(bus, address) ON s.bus = k.bus AND s.bms_address = k.address
        WHERE s.gateway_id = $1`,
      [gatewayId, buses, addresses],
    );
    return rows;
  }
}

function uniqueKeys(keys: StringKey[]): StringKey[] {
  return [...new Map(keys.map((k) => [stringKey(k), k])).values()];
}
