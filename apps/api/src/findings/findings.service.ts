import { type FindingTextLanguage, findingExplanation } from '@fleet/analytics';
import { BmsStringRepository, type FindingRow, FleetIntelRepository, type ScopeArg } from '@fleet/db';
import { Inject, Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error.js';
import type { FindingDto, FleetFindingsDto, StringFindingsDto } from './findings.dto.js';

const DAY_MS = 86_400_000;
/** The analysis looks back a year (ingest FLEET_INTEL_LOOKBACK_DAYS); the chart shows the same. */
const CHART_DAYS = 365;

/**
 * The finding with its explanation in `lang`, rendered from its kind and stored evidence; the
 * stored English sentence when this build cannot (a kind it does not know, evidence of an older
 * shape).
 */
function toDto(f: FindingRow, lang: FindingTextLanguage): FindingDto {
  return {
    stringId: f.stringId,
    stringName: f.stringName,
    kind: f.kind as FindingDto['kind'],
    primary: f.isPrimary,
    severity: 'info',
    evidence: f.evidence as FindingDto['evidence'],
    chartField: f.chartField,
    explanation: findingExplanation(f.kind, f.evidence, lang) ?? f.explanation,
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

  async fleet(scope: ScopeArg, lang: FindingTextLanguage = 'en'): Promise<FleetFindingsDto> {
    return { items: (await this.findings.findings(scope)).map((f) => toDto(f, lang)) };
  }

  async ofString(
    scope: ScopeArg,
    stringId: string,
    lang: FindingTextLanguage = 'en',
    now = Date.now(),
  ): Promise<StringFindingsDto> {
    const string = await this.strings.findDetail(scope, stringId);
    if (!string) {
      throw new AppError('NOT_FOUND', `string ${stringId} not found`);
    }
    const [items, days] = await Promise.all([
      this.findings.findings(scope, stringId),
      this.findings.daysOfString(stringId, string.moduleType, string.moduleCount, now - CHART_DAYS * DAY_MS),
    ]);
    return { items: items.map((f) => toDto(f, lang)), days };
  }
}
