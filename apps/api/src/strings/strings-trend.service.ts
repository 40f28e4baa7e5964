import { Readable } from 'node:stream';
import { stringNominalWh } from '@fleet/analytics';
import { BmsStringRepository, type ScopeArg, TelemetryReadRepository, type TrendTier } from '@fleet/db';
import { Inject, Injectable } from '@nestjs/common';
import { csvRow } from '../audit/csv-row.js';
import { AppError } from '../common/app-error.js';
import type { ExportQuery, StringTrendDto, TrendPointDto, TrendQuery } from './strings.dto.js';
import {
  EXPORT_MAX_MS,
  EXPORT_WINDOW_MS,
  resolveTrendRange,
  TREND_MAX_MS,
  windowsOf,
} from './trend-range.js';
import { TREND_COLUMNS, trendPointDto } from './trend-rows.js';

export interface TrendExport {
  stream: Readable;
  contentType: string;
  filename: string;
}

/** A string's history over a range: one JSON answer for charts, a streamed file for export. */
@Injectable()
export class StringsTrendService {
  constructor(
    @Inject(BmsStringRepository) private readonly strings: BmsStringRepository,
    @Inject(TelemetryReadRepository) private readonly telemetry: TelemetryReadRepository,
  ) {}

  async trend(scope: ScopeArg, stringId: string, q: TrendQuery): Promise<StringTrendDto> {
    const { from, to, tier, nominalWh } = await this.prepare(scope, stringId, q, TREND_MAX_MS);
    const trend = await this.telemetry.stringTrend(scope, stringId, { from, to, bucket: tier });
    return { stringId, from: q.from, to: q.to, tier, nominalWh, points: trend.points.map(trendPointDto) };
  }

  /**
   * The range as CSV or JSON, read window by window (`EXPORT_WINDOW_MS`) while the client takes
   * it, so a month of raw samples never sits in memory at once. The checks run before the first
   * byte, so a refused export is an ordinary error response.
   */
  async export(scope: ScopeArg, stringId: string, q: ExportQuery): Promise<TrendExport> {
    const { from, to, tier, nominalWh } = await this.prepare(scope, stringId, q, EXPORT_MAX_MS);
    const telemetry = this.telemetry;
    async function* points() {
      for (const w of windowsOf(from, to, EXPORT_WINDOW_MS[tier])) {
        const { points: rows } = await telemetry.stringTrend(scope, stringId, { ...w, bucket: tier });
        yield* rows.map(trendPointDto);
      }
    }
    const stem = `string-${stringId}-${tier}-${q.from.slice(0, 10)}-${q.to.slice(0, 10)}`;
    if (q.format === 'json') {
      return {
        stream: Readable.from(jsonLines({ stringId, tier, nominalWh }, q, points())),
        contentType: 'application/json',
        filename: `${stem}.json`,
      };
    }
    return {
      stream: Readable.from(csvLines(points())),
      contentType: 'text/csv; charset=utf-8',
      filename: `${stem}.csv`,
    };
  }

  private async prepare(
    scope: ScopeArg,
    stringId: string,
    q: TrendQuery,
    limits: Readonly<Record<TrendTier, number>>,
  ): Promise<{ from: Date; to: Date; tier: TrendTier; nominalWh: number | null }> {
    const from = new Date(q.from);
    const to = new Date(q.to);
    const range = resolveTrendRange({ from, to, bucket: q.bucket }, limits, new Date());
    if (!range.ok) {
      throw new AppError('VALIDATION_FAILED', range.message);
    }
    // Another tenant's string has no points either; only this lookup can tell it from an empty range.
    const detail = await this.strings.findDetail(scope, stringId);
    if (!detail) {
      throw new AppError('NOT_FOUND', `string ${stringId} not found`);
    }
    const nominalWh =
      detail.moduleCount === null ? null : stringNominalWh(detail.moduleType, detail.moduleCount);
    return { from, to, tier: range.tier, nominalWh };
  }
}

type PointDto = TrendPointDto;

async function* csvLines(points: AsyncIterable<PointDto>): AsyncGenerator<string> {
  yield csvRow(TREND_COLUMNS.map(([name]) => name));
  for await (const p of points) {
    yield csvRow(TREND_COLUMNS.map(([, key]) => p[key]));
  }
}

/** The same object as the trend answer, written as it is read. */
async function* jsonLines(
  head: { stringId: string; tier: TrendTier; nominalWh: number | null },
  q: ExportQuery,
  points: AsyncIterable<PointDto>,
): AsyncGenerator<string> {
  const { stringId, tier, nominalWh } = head;
  yield `{"stringId":${JSON.stringify(stringId)},"from":${JSON.stringify(q.from)},"to":${JSON.stringify(q.to)},"tier":"${tier}","nominalWh":${JSON.stringify(nominalWh)},"points":[`;
  let first = true;
  for await (const p of points) {
    yield `${first ? '' : ','}\n${JSON.stringify(p)}`;
    first = false;
  }
  yield '\n]}\n';
}
