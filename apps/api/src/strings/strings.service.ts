import { BmsStringRepository, type ScopeArg, TelemetryReadRepository } from '@fleet/db';
import { Inject, Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error.js';
import { isoOrNull } from '../common/iso.js';
import type { LatestPackSampleDto, StringDetailDto } from './strings.dto.js';

@Injectable()
export class StringsService {
  constructor(
    @Inject(BmsStringRepository) private readonly strings: BmsStringRepository,
    @Inject(TelemetryReadRepository) private readonly telemetry: TelemetryReadRepository,
  ) {}

  async detail(scope: ScopeArg, stringId: string): Promise<StringDetailDto> {
    const found = await this.strings.findDetail(scope, stringId);
    if (!found) {
      throw new AppError('NOT_FOUND', `string ${stringId} not found`);
    }
    return { ...found, lastSampleAt: isoOrNull(found.lastSampleAt) };
  }

  /**
   * The newest pack sample. Another tenant's string and a string without samples give the same
   * NOT_FOUND and message: the repository cannot tell them apart, so neither can the caller.
   */
  async latest(scope: ScopeArg, stringId: string): Promise<LatestPackSampleDto> {
    const sample = await this.telemetry.latestPackSample(scope, stringId);
    if (!sample) {
      throw new AppError('NOT_FOUND', `no pack sample for string ${stringId}`);
    }
    return { ...sample, ts: sample.ts.toISOString() };
  }
}
