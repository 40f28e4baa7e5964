import type { TopologyRepository } from '@fleet/db';
import { Inject, Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error.js';
import type { AuthContext } from '../logging/api-request.js';
import type { ConfirmationDto, ConfirmTopologyBody, SiteTopologyDto } from './topology.dto.js';
import { TOPOLOGY_REPO } from './topology.tokens.js';
import { expectedOf, foundOf } from './topology-found.js';
import { findMismatches, placeKey } from './topology-mismatches.js';

/**
 * A site's topology (issue 10): what its gateways last found on their buses, what the installer
 * confirmed was installed, and the mismatches between them. Confirmations are appended (the
 * newest is current) and only by the managing organisation; every reader of the site reads.
 */
@Injectable()
export class TopologyService {
  constructor(@Inject(TOPOLOGY_REPO) private readonly repo: TopologyRepository) {}

  async topology(siteId: string): Promise<SiteTopologyDto> {
    if (!(await this.repo.siteExists(siteId))) {
      throw new AppError('NOT_FOUND', `site ${siteId} not found`);
    }
    const [reports, strings, confirmation] = await Promise.all([
      this.repo.reports(siteId),
      this.repo.strings(siteId),
      this.repo.latestConfirmation(siteId),
    ]);
    const found = foundOf(reports, strings);
    const expected = confirmation ? expectedOf(confirmation.expected) : null;
    const mismatches = findMismatches(
      found.map((f) => ({
        ...f,
        moduleCount: f.moduleCount ?? undefined,
        bmsSerial: f.bmsSerial ?? undefined,
      })),
      expected,
    );
    return {
      siteId,
      reports: reports.map((r) => ({
        gatewayId: r.gatewayId,
        bus: r.bus,
        protocol: typeof r.body.protocol === 'string' ? r.body.protocol : null,
        reportedAt: r.reportedAt.toISOString(),
        receivedAt: r.receivedAt.toISOString(),
      })),
      found,
      confirmation: confirmation && expected ? confirmationDto(confirmation, expected) : null,
      mismatches,
    };
  }

  async confirm(auth: AuthContext, siteId: string, body: ConfirmTopologyBody): Promise<SiteTopologyDto> {
    if (!(await this.repo.siteExists(siteId, auth.tenantId))) {
      throw new AppError('NOT_FOUND', `site ${siteId} not found`);
    }
    checkUnique(body);
    const gateways = new Set(await this.repo.gatewayIds(siteId));
    const foreign = body.strings.find((s) => !gateways.has(s.gatewayId));
    if (foreign) {
      throw new AppError(
        'VALIDATION_FAILED',
        `strings: gateway ${foreign.gatewayId} is not a gateway of this site`,
      );
    }
    const row = await this.repo.confirm({
      tenantId: auth.tenantId,
      siteId,
      userId: auth.userId,
      expected: { strings: body.strings },
      note: body.note,
    });
    if (!row) {
      throw new AppError('NOT_FOUND', `site ${siteId} not found`);
    }
    return this.topology(siteId);
  }
}

/** Two installed strings cannot share an address, nor a BMS serial. */
function checkUnique(body: ConfirmTopologyBody): void {
  const places = new Set<string>();
  const serials = new Set<string>();
  for (const s of body.strings) {
    const key = placeKey(s);
    if (places.has(key)) {
      throw new AppError(
        'VALIDATION_FAILED',
        `strings: two strings at ${s.gatewayId} ${s.bus} address ${s.bmsAddress}`,
      );
    }
    places.add(key);
    if (s.bmsSerial && serials.has(s.bmsSerial)) {
      throw new AppError('VALIDATION_FAILED', `strings: BMS serial ${s.bmsSerial} given twice`);
    }
    if (s.bmsSerial) {
      serials.add(s.bmsSerial);
    }
  }
}

function confirmationDto(
  row: {
    id: string;
    confirmedAt: Date;
    confirmedBy: string;
    confirmedByName: string | null;
    note: string | null;
  },
  strings: ConfirmationDto['strings'],
): ConfirmationDto {
  return {
    id: row.id,
    confirmedAt: row.confirmedAt.toISOString(),
    confirmedBy: row.confirmedBy,
    confirmedByName: row.confirmedByName,
    note: row.note,
    strings,
  };
}
