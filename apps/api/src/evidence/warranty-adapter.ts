import type { IncomingMessage, ServerResponse } from 'node:http';
import { type AccessScope, type ScopeArg, toScope } from '@fleet/db';
import { Inject, Injectable } from '@nestjs/common';
import { requestScope, setRequestScope } from '../access/request-scope.js';
import type { CommissioningRecordDto } from '../commissioning/commissioning.dto.js';
import { CommissioningService } from '../commissioning/commissioning.service.js';
import { WarrantyService } from '../warranty/warranty.service.js';
import type { WarrantyStatusDto } from '../warranty/warranty-status.dto.js';
import type { WarrantyTermsDto } from '../warranty/warranty-terms.dto.js';
import type {
  EvidenceChecklist,
  EvidenceExcursion,
  EvidenceWarranty,
  EvidenceWarrantySource,
} from './warranty-source.js';

/** Excursions per statusFor call (its page limit) and the most a pack lists. */
const PAGE = 500;
const MAX_EXCURSIONS = 20_000;

const GAP_NOTES: Record<WarrantyStatusDto['gaps'][number], string> = {
  'no-region': 'The site has no warranty region, so no warranty terms apply.',
  'no-terms': 'No warranty terms were entered for this product and region.',
  'no-commissioning': 'No install record: the warranty term has no start.',
  'no-nominal-capacity': 'The nominal capacity is unknown, so throughput and capacity are not judged.',
};

/**
 * The warranty sections of a pack from task D's WarrantyService: the same install record,
 * terms and excursions the string's warranty page shows. The service reads on the request-scoped
 * pool, and the runner is no request, so each call runs inside a scope store of its own.
 */
@Injectable()
export class WarrantyEvidenceSource implements EvidenceWarrantySource {
  constructor(
    @Inject(WarrantyService) private readonly warranty: WarrantyService,
    @Inject(CommissioningService) private readonly commissioning: CommissioningService,
  ) {}

  async warrantyFor(scope: ScopeArg, stringId: string, from: Date, to: Date): Promise<EvidenceWarranty> {
    const first = await this.page(toScope(scope), stringId, from, to, 0);
    const excursions = first.excursions.items.map(excursionOf);
    for (let offset = PAGE; offset < Math.min(first.excursions.total, MAX_EXCURSIONS); offset += PAGE) {
      const next = await this.page(toScope(scope), stringId, from, to, offset);
      excursions.push(...next.excursions.items.map(excursionOf));
    }
    excursions.sort((a, b) => a.start.getTime() - b.start.getTime());
    const notes = first.gaps.map((g) => GAP_NOTES[g]);
    if (first.excursions.total > MAX_EXCURSIONS) {
      notes.push(`${first.excursions.total} excursions in all; the newest ${MAX_EXCURSIONS} are listed.`);
    }
    const c = first.commissioning;
    const record = await inRequestScope(toScope(scope), () => this.commissioning.recordForString(stringId));
    return {
      checklist: record === null ? null : checklistOf(record),
      install: c
        ? { commissionedAt: new Date(c.commissionedAt), commissionedBy: c.commissionedBy, notes: c.notes }
        : null,
      terms: first.terms ? termLines(first.terms) : null,
      excursions,
      notes,
    };
  }

  private page(
    scope: AccessScope,
    stringId: string,
    from: Date,
    to: Date,
    offset: number,
  ): Promise<WarrantyStatusDto> {
    return inRequestScope(scope, () =>
      this.warranty.statusFor(scope, stringId, { from, to, excursionOffset: offset, excursionLimit: PAGE }),
    );
  }
}

/** Runs `work` as if it served a request of `scope` (the scoped pool reads the scope from there). */
function inRequestScope<T>(scope: AccessScope, work: () => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    requestScope()({} as IncomingMessage, {} as ServerResponse, () => {
      setRequestScope(scope);
      work().then(resolve, reject);
    });
  });
}

function checklistOf(r: CommissioningRecordDto): EvidenceChecklist {
  return {
    completedAt: new Date(r.completedAt),
    installerName: r.installerName,
    items: r.items.map((i) => ({
      id: i.id,
      state: i.state,
      explanation: i.explanation,
      observedAt: i.observedAt === null ? null : new Date(i.observedAt),
    })),
  };
}

function excursionOf(x: WarrantyStatusDto['excursions']['items'][number]): EvidenceExcursion {
  return { ...x, start: new Date(x.start), end: x.end === null ? null : new Date(x.end) };
}

const orUnset = (v: number | null, unit: string, scale = 1) =>
  v === null ? 'not set' : `${v / scale} ${unit}`;

function termLines(t: WarrantyTermsDto): Array<{ label: string; value: string }> {
  return [
    { label: 'Product', value: `${t.moduleType}${t.bmsModel ? ` with ${t.bmsModel}` : ''}` },
    { label: 'Region', value: t.region },
    { label: 'Term', value: `${t.termYears} years` },
    { label: 'Throughput cap', value: orUnset(t.throughputMwhPerKwh, 'MWh per kWh nominal') },
    { label: 'Retained capacity at term end', value: orUnset(t.retainedCapacityPct, '%') },
    {
      label: 'Cell temperature min / max',
      value: `${orUnset(t.cellTempMinDc, 'C', 10)} / ${orUnset(t.cellTempMaxDc, 'C', 10)}`,
    },
    {
      label: 'Cell voltage min / max',
      value: `${orUnset(t.cellVoltageMinMv, 'mV')} / ${orUnset(t.cellVoltageMaxMv, 'mV')}`,
    },
    { label: 'Max C-rate / current', value: `${orUnset(t.maxCRate, 'C')} / ${orUnset(t.maxCurrentA, 'A')}` },
    { label: 'Valid from', value: t.validFrom },
    { label: 'Source', value: t.source },
    { label: 'Notes', value: t.notes ?? '' },
  ];
}
