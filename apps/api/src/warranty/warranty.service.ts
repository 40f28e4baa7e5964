import {
  currentLimitA,
  type OperatingLimits,
  type ProtectionTrip,
  stringNominalWh,
  type WarrantyTermsInput,
  warrantyStatus,
} from '@fleet/analytics';
import type {
  BmsModuleRepository,
  ScopeArg,
  WarrantySeriesRepository,
  WarrantyStringIdentity,
  WarrantyStringRepository,
  WarrantyTermsRepository,
  WarrantyTermsRow,
} from '@fleet/db';
import { Inject, Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error.js';
import { PROTECTION_CODES, STRING_BMS_MODEL } from './protection-codes.js';
import {
  WARRANTY_MODULE_REPO,
  WARRANTY_SERIES_REPO,
  WARRANTY_STRING_REPO,
  WARRANTY_TERMS_REPO,
} from './warranty.tokens.js';
import type { WarrantyStatusDto } from './warranty-status.dto.js';
import { computedToDto } from './warranty-status.map.js';
import { termsToDto } from './warranty-terms.map.js';

const HOUR_MS = 3_600_000;

/** What `statusFor` may be asked besides the string. */
export interface WarrantyStatusOptions {
  /** The instant the status is computed for (default now). */
  now?: Date;
  /** Only excursions starting in [from, to) (default: the string's whole life up to now). */
  from?: Date;
  to?: Date;
  /** The page of excursions returned, newest first (default 0 and 50; `total` counts them all). */
  excursionOffset?: number;
  excursionLimit?: number;
}

/**
 * A string's warranty status: identity (commissioning, module serials), the terms used, time,
 * throughput and SOH against them with projected dates, and the excursions. Loads on the scoped
 * pool and computes with @fleet/analytics' `warrantyStatus`. Exported for the evidence pack.
 * A string outside `scope` is NOT_FOUND. Queries run under the current request's row-level scope,
 * so a caller outside a request must run it inside one.
 */
@Injectable()
export class WarrantyService {
  constructor(
    @Inject(WARRANTY_STRING_REPO) private readonly strings: WarrantyStringRepository,
    @Inject(WARRANTY_TERMS_REPO) private readonly terms: WarrantyTermsRepository,
    @Inject(WARRANTY_SERIES_REPO) private readonly series: WarrantySeriesRepository,
    @Inject(WARRANTY_MODULE_REPO) private readonly modules: BmsModuleRepository,
  ) {}

  async statusFor(
    scope: ScopeArg,
    stringId: string,
    options: WarrantyStatusOptions = {},
  ): Promise<WarrantyStatusDto> {
    const now = options.now ?? new Date();
    const identity = await this.strings.identity(scope, stringId);
    if (!identity) {
      throw new AppError('NOT_FOUND', `string ${stringId} not found`);
    }
    const commissionedAt = identity.commissioning?.commissionedAt ?? null;
    const termsRow = await this.termsOf(identity, commissionedAt ?? now);
    const limits = termsRow ? limitsOf(termsRow, identity.moduleType) : null;
    const from = options.from ?? new Date(0);
    const to = options.to ?? new Date(now.getTime() + HOUR_MS);
    const [modules, days, hours, trips] = await Promise.all([
      this.modules.list(stringId),
      this.series.days(stringId),
      limits
        ? this.series.hoursOutside(stringId, from, to, {
            ...limits,
            maxCurrentDa: tenths(limits.maxCurrentA),
          })
        : [],
      this.series.trips(stringId, PROTECTION_CODES, from, to),
    ]);
    const nominalWh = stringNominalWh(identity.moduleType, identity.moduleCount ?? 0);
    const dayPoints = days.map((d) => ({
      dayMs: d.dayStart.getTime(),
      energyOutWh: d.energyOutWh,
      sohPct: d.sohPct,
    }));
    const status = warrantyStatus({
      nowMs: now.getTime(),
      commissionedAtMs: commissionedAt?.getTime() ?? null,
      terms: termsRow && limits ? termsInput(termsRow, limits) : null,
      nominalWh,
      days: dayPoints,
      buckets: hours.map((h) => ({ ...h, startMs: h.bucketStart.getTime() })),
      bucketMs: HOUR_MS,
      trips: trips.map(
        (t): ProtectionTrip => ({
          startMs: t.firedAt.getTime(),
          endMs: t.resolvedAt?.getTime() ?? null,
          code: t.code,
          title: t.title,
          source: 'alarm',
        }),
      ),
    });
    const offset = options.excursionOffset ?? 0;
    const limit = options.excursionLimit ?? 50;
    const sinceMs = commissionedAt?.getTime() ?? Number.NEGATIVE_INFINITY;
    const sohDays = dayPoints.filter(
      (d): d is { dayMs: number; energyOutWh: number; sohPct: number } =>
        d.sohPct !== null && d.dayMs >= sinceMs - 86_400_000,
    );
    return {
      computedAt: now.toISOString(),
      string: {
        id: identity.id,
        name: identity.name,
        siteId: identity.siteId,
        siteName: identity.siteName,
        moduleType: identity.moduleType,
        moduleCount: identity.moduleCount,
        nominalWh,
        warrantyRegion: identity.warrantyRegion,
      },
      modules: modules
        .filter((m) => m.removedAt === null)
        .map((m) => ({ position: m.position, moduleType: m.moduleType, serial: m.serial })),
      commissioning: identity.commissioning && {
        ...identity.commissioning,
        commissionedAt: identity.commissioning.commissionedAt.toISOString(),
        updatedAt: identity.commissioning.updatedAt.toISOString(),
      },
      terms: termsRow ? termsToDto(termsRow) : null,
      gaps: [...(identity.warrantyRegion === null ? (['no-region'] as const) : []), ...status.gaps],
      ...computedToDto(status, sohDays),
      excursions: {
        total: status.excursions.length,
        offset,
        limit,
        items: status.excursions.slice(offset, offset + limit).map((e) => ({
          ...e,
          start: new Date(e.startMs).toISOString(),
          end: e.endMs === null ? null : new Date(e.endMs).toISOString(),
        })),
      },
    };
  }

  /** The managing organisation's terms for the string's product and site region, valid on the commissioning day. */
  private termsOf(identity: WarrantyStringIdentity, on: Date): Promise<WarrantyTermsRow | null> {
    if (identity.warrantyRegion === null) {
      return Promise.resolve(null);
    }
    return this.terms.applicable({
      tenantId: identity.tenantId,
      moduleType: identity.moduleType,
      region: identity.warrantyRegion,
      bmsModel: STRING_BMS_MODEL,
      onDay: on.toISOString().slice(0, 10),
    });
  }
}

function limitsOf(t: WarrantyTermsRow, moduleType: string): OperatingLimits {
  return {
    cellTempMinDc: t.cellTempMinDc,
    cellTempMaxDc: t.cellTempMaxDc,
    cellVoltageMinMv: t.cellVoltageMinMv,
    cellVoltageMaxMv: t.cellVoltageMaxMv,
    maxCurrentA: currentLimitA(t.maxCurrentA, t.maxCRate, moduleType),
  };
}

function termsInput(t: WarrantyTermsRow, limits: OperatingLimits): WarrantyTermsInput {
  return {
    termYears: t.termYears,
    throughputMwhPerKwh: t.throughputMwhPerKwh,
    retainedCapacityPct: t.retainedCapacityPct,
    limits,
  };
}

/** A limit in A as the rollups' 0.1 A (rounded down, so the SQL pre-filter never drops a bucket the check keeps). */
function tenths(a: number | null): number | null {
  return a === null ? null : Math.floor(a * 10);
}
