import {
  CHECKLIST_FULL_CHARGE_SOC_PCT,
  type ChecklistItem,
  type CommissioningChecklist,
  commissioningChecklist,
} from '@fleet/analytics';
import type { CommissioningRepository, SiteCommissioningRow } from '@fleet/db';
import { Inject, Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error.js';
import type { AuthContext } from '../logging/api-request.js';
import type {
  ChecklistItemDto,
  CommissioningRecordDto,
  CommissioningStatusDto,
} from './commissioning.dto.js';
import { COMMISSIONING_REPO } from './commissioning.tokens.js';
import { checklistInput } from './commissioning-inputs.js';

const itemDto = (i: ChecklistItem): ChecklistItemDto => ({
  id: i.id,
  state: i.state,
  reason: i.reason,
  explanation: i.explanation,
  evidence: i.evidence,
  observedAt: i.observedAtMs === null ? null : new Date(i.observedAtMs).toISOString(),
});

/** The stored snapshot: the items as they were at completion, with their times. */
function recordDto(row: SiteCommissioningRow): CommissioningRecordDto {
  const checklist = row.checklist as { items?: ChecklistItemDto[] };
  return {
    completedAt: row.completedAt.toISOString(),
    completedBy: row.completedBy,
    installerName: row.installerName,
    items: checklist.items ?? [],
    serials: row.serials,
  };
}

/**
 * A site's commissioning checklist (issue 10), judged from live data on every read so the page
 * turns green as data arrives, and its completion: stored only when every item passed, by the
 * managing organisation (a site seen through a grant or an invitation is 404, like a missing one).
 */
@Injectable()
export class CommissioningService {
  constructor(@Inject(COMMISSIONING_REPO) private readonly repo: CommissioningRepository) {}

  async status(siteId: string): Promise<CommissioningStatusDto> {
    if (!(await this.repo.siteVisible(siteId))) {
      throw new AppError('NOT_FOUND', `site ${siteId} not found`);
    }
    const [checklist, record] = await Promise.all([this.evaluate(siteId), this.repo.record(siteId)]);
    return {
      siteId,
      evaluatedAt: new Date().toISOString(),
      state: checklist.state,
      complete: checklist.complete,
      items: checklist.items.map(itemDto),
      record: record === null ? null : recordDto(record),
    };
  }

  /** The stored record of the site a string belongs to, null when not commissioned (or not visible). */
  async recordForString(stringId: string): Promise<CommissioningRecordDto | null> {
    const row = await this.repo.recordForString(stringId);
    return row === null ? null : recordDto(row);
  }

  async complete(auth: AuthContext, siteId: string): Promise<CommissioningRecordDto> {
    if (!(await this.repo.siteVisible(siteId))) {
      throw new AppError('NOT_FOUND', `site ${siteId} not found`);
    }
    if ((await this.repo.record(siteId)) !== null) {
      throw new AppError('CONFLICT', `site ${siteId} is already commissioned`);
    }
    const checklist = await this.evaluate(siteId);
    if (!checklist.complete) {
      const open = checklist.items.filter((i) => i.state !== 'passed').map((i) => `${i.id} (${i.state})`);
      throw new AppError('CONFLICT', `commissioning needs every item passed; not yet: ${open.join(', ')}`);
    }
    const row = await this.repo.complete(auth.tenantId, siteId, {
      completedAt: new Date(),
      completedBy: auth.userId,
      checklist: { state: checklist.state, items: checklist.items.map(itemDto) },
      serials: await this.repo.serials(siteId),
    });
    if (row === null) {
      // Visible but not the caller's organisation's (a support grant), or completed meanwhile.
      const now = await this.repo.record(siteId);
      throw now === null
        ? new AppError('NOT_FOUND', `site ${siteId} not found`)
        : new AppError('CONFLICT', `site ${siteId} is already commissioned`);
    }
    return recordDto(row);
  }

  private async evaluate(siteId: string): Promise<CommissioningChecklist> {
    const [strings, gateways] = await Promise.all([
      this.repo.strings(siteId, CHECKLIST_FULL_CHARGE_SOC_PCT),
      this.repo.gateways(siteId),
    ]);
    return commissioningChecklist(checklistInput(strings, gateways));
  }
}
