import { BmsStringRepository, type FindingRow, FleetIntelRepository, type ScopeArg } from '@fleet/db';
import { Inject, Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error.js';
import type { FindingDto, FleetFindingsDto, StringFindingsDto } from './findings.dto.js';

const DAY_MS = 86_400_000;
/** The analysis looks back a year (ingest FLEET_INTEL_LOOKBACK_DAYS); the chart shows the same. */
const CHART_DAYS = 365;

function toDto(f: FindingRow): FindingDto {
  return {
    stringId: f.stringId,
    stringName: f.stringName,
    kind: f.kind as FindingDto['kind'],
    primary: f.isPrimary,
    severity: 'info',
    evidence: f.evidence as FindingDto['evidence'],
    chartField: f.chartField,
    explanation: f.explanation,
    cohort: f.cohort,
    foundAt: f.foundAt.toISOString(),
  };
}

/** Early warnings (fleet_finding, written by ingest's daily sweep) and the days behind them. */
@Injectable()
export class FindingsService {
  constructor(
    @Inject(FleetIntelRepository) private readonly findings: FleetIntelRepository,
    @Inject(BmsStringRepository) private readonly strings: BmsStringRepository,
  ) {}

  async fleet(scope: ScopeArg): Promise<FleetFindingsDto> {
    return { items: (await this.findings.findings(scope)).map(toDto) };
  }

  async ofString(scope: ScopeArg, stringId: string, now = Date.now()): Promise<StringFindingsDto> {
    const string = await this.strings.findDetail(scope, stringId);
    if (!string) {
      throw new AppError('NOT_FOUND', `string ${stringId} not found`);
    }
    const [items, days] = await Promise.all([
      this.findings.findings(scope, stringId),
      this.findings.daysOfString(stringId, string.moduleType, string.moduleCount, now - CHART_DAYS * DAY_MS),
    ]);
    return { items: items.map(toDto), days };
  }
}
