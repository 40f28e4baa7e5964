import type { FirmwareVersions } from '@fleet/telemetry';
import type pg from 'pg';

/**
 * The firmware text the fleet analysis groups by: the 0x7310 software version V.R (bytes 4-5,
 * protocol reference §1.4.10), e.g. "1.3". Hardware and development versions stay in the raw
 * fields: a development build of the same release is the same firmware line for cohorts.
 */
export function firmwareText(v: FirmwareVersions): string {
  return `${v.softwareMajor}.${v.softwareMinor}`;
}

/** Which string a report describes: by id (composition) or by its place on a gateway's bus (topology). */
export type FirmwareTarget = { stringId: string } | { gatewayId: string; bus: string; bmsAddress: number };

/**
 * Stores a reported firmware on the string, inside the caller's transaction. Forward only: a report
 * older than the one that set the stored firmware (a late replay) changes nothing. A report without
 * versions is not called here — the string keeps what it had, never an invented value.
 */
export async function applyFirmware(
  client: pg.ClientBase,
  target: FirmwareTarget,
  at: Date,
  versions: FirmwareVersions,
): Promise<void> {
  const where = 'stringId' in target ? 'id = $4' : 'gateway_id = $4 AND bus = $5 AND bms_address = $6';
  const keys = 'stringId' in target ? [target.stringId] : [target.gatewayId, target.bus, target.bmsAddress];
  await client.query(
    `UPDATE bms_string SET firmware = $1, firmware_versions = $2, firmware_at = $3
      WHERE ${where} AND (firmware_at IS NULL OR firmware_at <= $3)`,
    [firmwareText(versions), JSON.stringify(pickVersions(versions)), at, ...keys],
  );
}

/** The seven fields only, in wire order (a body may carry more keys than the schema names). */
function pickVersions(v: FirmwareVersions): FirmwareVersions {
  return {
    hardwareType: v.hardwareType,
    hardwareMajor: v.hardwareMajor,
    hardwareMinor: v.hardwareMinor,
    softwareMajor: v.softwareMajor,
    softwareMinor: v.softwareMinor,
    softwareDevMajor: v.softwareDevMajor,
    softwareDevMinor: v.softwareDevMinor,
  };
}
