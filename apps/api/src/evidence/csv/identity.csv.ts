import type { EvidenceIdentity } from '@fleet/db';
import type { EvidenceInstallRecord } from '../warranty-source.js';
import { iso } from './csv-lines.js';

export const IDENTITY_CSV = 'identity.csv';

export const IDENTITY_HEADER = [
  'string_id',
  'string_name',
  'site_name',
  'site_address',
  'gateway_id',
  'bus',
  'bms_address',
  'module_type',
  'module_count',
  'cells_per_module',
  'commissioned_at',
  'commissioned_by',
  'module_position',
  'module_type_seen',
  'module_serial',
  'module_first_seen_at',
  'module_last_seen_at',
  'module_removed_at',
] as const;

/**
 * One row per module the string was seen with (present ones by position, then replaced ones),
 * each carrying the string's identity and install record, so a single sheet reads on its own.
 * A string without module rows still gets one row.
 */
export function* identityRows(
  identity: EvidenceIdentity,
  install: EvidenceInstallRecord | null,
): Generator<unknown[]> {
  const head = [
    identity.stringId,
    identity.stringName,
    identity.siteName,
    identity.siteAddress,
    identity.gatewayId,
    identity.bus,
    identity.bmsAddress,
    identity.moduleType,
    identity.moduleCount,
    identity.cellsPerModule,
    iso(install?.commissionedAt),
    install?.commissionedBy ?? '',
  ];
  if (identity.modules.length === 0) {
    yield [...head, '', '', '', '', '', ''];
    return;
  }
  for (const m of identity.modules) {
    yield [
      ...head,
      m.position,
      m.moduleType,
      m.serial,
      iso(m.firstSeenAt),
      iso(m.lastSeenAt),
      iso(m.removedAt),
    ];
  }
}
