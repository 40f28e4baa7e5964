import { interpolate } from '../../../../i18n/dictionary';
import type { Dictionary } from '../../../../i18n/en';
import type { components } from '../../../../lib/api/schema.gen';

export type WarrantyStatus = components['schemas']['StringWarranty'];
type Texts = Dictionary['warranty']['string'];

/** A day in UTC as YYYY-MM-DD: the value of the commissioning form's date input. */
export const day = (iso: string) => iso.slice(0, 10);

/** How the page writes a date: the projections as the site's calendar day, in the reader's language. */
export type DateText = (iso: string) => string;

/** The throughput cap's projected date, or why there is none, in words. */
export function throughputProjectionText(
  p: WarrantyStatus['throughput']['projection'],
  w: Texts,
  day: DateText,
): string {
  switch (p.kind) {
    case 'projected':
      return interpolate(w.projected, { date: day(p.at) });
    case 'reached':
      return w.reached;
    case 'insufficient':
      return interpolate(w.insufficientThroughput, { days: p.daysWithData, min: p.minDays });
    case 'not-discharging':
      return w.notDischarging;
    case 'no-cap':
      return w.notApplicable;
  }
}

/** The retained capacity's projected date with its 95 % range, or why there is none. */
export function sohProjectionText(p: WarrantyStatus['soh']['projection'], w: Texts, day: DateText): string {
  switch (p.kind) {
    case 'projected':
      return p.latest === null
        ? interpolate(w.projectedOpenEnd, { date: day(p.at), earliest: day(p.earliest) })
        : interpolate(w.projectedRange, {
            date: day(p.at),
            earliest: day(p.earliest),
            latest: day(p.latest),
          });
    case 'not-fading':
      return w.notReached;
    case 'already-below':
      return w.alreadyBelow;
    case 'insufficient':
      return interpolate(w.insufficientSoh, { n: p.n, days: Math.round(p.spanDays) });
    case 'no-guarantee':
      return w.notApplicable;
  }
}
