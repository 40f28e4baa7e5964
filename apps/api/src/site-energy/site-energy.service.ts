import type { ScopeArg, SiteEnergyRepository } from '@fleet/db';
import { Inject, Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error.js';
import type { SiteEnergyDto } from './site-energy.dto.js';
import { SITE_ENERGY_READER } from './site-energy.tokens.js';

/** Wh → kWh, kept to 1 Wh so sums of many hours do not show float noise. */
const kwh = (wh: number) => Math.round(wh) / 1000;

/**
 * Charged and discharged energy per hour of a site's local day, from the 1-hour rollups of its
 * strings. A site outside the caller's scope is a 404, like one that does not exist.
 */
@Injectable()
export class SiteEnergyService {
  constructor(@Inject(SITE_ENERGY_READER) private readonly energy: SiteEnergyRepository) {}

  async day(scope: ScopeArg, siteId: string, date?: string): Promise<SiteEnergyDto> {
    const day = await this.energy.day(scope, siteId, date);
    if (!day) {
      throw new AppError('NOT_FOUND', `site ${siteId} not found`);
    }
    const hours = day.hours.map((h) => ({
      start: h.start.toISOString(),
      localTime: h.localTime,
      inKwh: kwh(h.energyInWh),
      outKwh: kwh(h.energyOutWh),
      strings: h.strings,
    }));
    return {
      siteId,
      timezone: day.timezone,
      date: day.date,
      dayStart: day.dayStart.toISOString(),
      dayEnd: day.dayEnd.toISOString(),
      hours,
      totalInKwh: kwh(day.hours.reduce((sum, h) => sum + h.energyInWh, 0)),
      totalOutKwh: kwh(day.hours.reduce((sum, h) => sum + h.energyOutWh, 0)),
    };
  }
}
