import type { EvidenceExcursion } from '../warranty-source.js';
import { iso } from './csv-lines.js';

export const EXCURSIONS_CSV = 'excursions.csv';

export const EXCURSIONS_HEADER = [
  'kind',
  'start',
  'end',
  'worst',
  'limit',
  'unit',
  'source',
  'code',
  'title',
] as const;

/** Every period outside the operating limits of the terms used, as the warranty module found them. */
export function* excursionRows(excursions: readonly EvidenceExcursion[]): Generator<unknown[]> {
  for (const x of excursions) {
    yield [x.kind, iso(x.start), iso(x.end), x.worst, x.limit, x.unit, x.source, x.code, x.title];
  }
}
