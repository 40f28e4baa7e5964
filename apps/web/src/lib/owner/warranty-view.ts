import { interpolate } from '../../i18n/dictionary';
import type { Dictionary } from '../../i18n/en';
import type { UnitFormatter } from '../format/units';
import { formatDate } from './local-time';

// The owner's warranty card from GET /api/strings/{id}/warranty (apps/api/src/warranty, built
// from packages/analytics warrantyStatus). The owner sees three plain sentences and two bars;
// everything the status cannot judge (no terms, no commissioning date) reads as "not set up".

/** What the owner card needs, whatever else the status carries. */
export interface OwnerWarranty {
  commissionedAt: string | null;
  time: { fraction: number; usedYears: number; termYears: number; endsAt: string } | null;
  throughput: { usedWh: number; capWh: number | null; fraction: number | null };
  soh: { latestPct: number | null; guaranteedPct: number | null };
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined;
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
/** An instant given as epoch ms or as an ISO string (the DTO may use either). */
function instant(v: unknown): string | null {
  if (typeof v === 'number' && Number.isFinite(v)) {
    return new Date(v).toISOString();
  }
  return typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? v : null;
}
const first = (o: Json | undefined, ...keys: string[]) => keys.map((k) => o?.[k]).find((v) => v != null);

const YEAR_MS = 365.25 * 86_400_000;

function readTime(time: Json | undefined): OwnerWarranty['time'] {
  const start = instant(first(time, 'startMs', 'startAt', 'start'));
  const end = instant(first(time, 'endMs', 'endAt', 'end'));
  const fraction = num(time?.fraction);
  if (!start || !end || fraction === null) {
    return null;
  }
  const termMs = Date.parse(end) - Date.parse(start);
  return {
    fraction,
    usedYears: (fraction * termMs) / YEAR_MS,
    termYears: Math.round(termMs / YEAR_MS),
    endsAt: end,
  };
}

/**
 * The owner's view of a warranty status, or null when there is nothing to show: no terms for
 * this product and region, no commissioning date, or a body of another shape.
 */
export function readOwnerWarranty(body: unknown): OwnerWarranty | null {
  const root = obj(body);
  const status = obj(root?.status) ?? root;
  const gaps = Array.isArray(status?.gaps) ? status.gaps : [];
  const time = readTime(obj(status?.time));
  if (!status || gaps.includes('no-terms') || gaps.includes('no-commissioning') || time === null) {
    return null;
  }
  const throughput = obj(status.throughput);
  const soh = obj(status.soh);
  const commissioning = obj(root?.commissioning) ?? obj(status.commissioning);
  return {
    commissionedAt: instant(first(commissioning, 'commissionedAt') ?? root?.commissionedAt) ?? null,
    time,
    throughput: {
      usedWh: num(throughput?.usedWh) ?? 0,
      capWh: num(throughput?.capWh),
      fraction: num(throughput?.fraction),
    },
    soh: {
      latestPct: num(obj(soh?.latest)?.sohPct),
      guaranteedPct: num(soh?.guaranteedAtLatestPct),
    },
  };
}

/** The card's sentences, in order: commissioning, time, energy, capacity against the guarantee. */
export function warrantySentences(w: OwnerWarranty, t: Dictionary, units: UnitFormatter): string[] {
  const words = t.owner.warranty;
  const out: string[] = [];
  if (w.commissionedAt) {
    out.push(interpolate(words.commissioned, { date: formatDate(w.commissionedAt, units.locale) }));
  }
  if (w.time) {
    const years = new Intl.NumberFormat(units.locale, { maximumFractionDigits: 1 });
    out.push(interpolate(words.timeUsed, { used: years.format(w.time.usedYears), term: w.time.termYears }));
    out.push(interpolate(words.endsOn, { date: formatDate(w.time.endsAt, units.locale) }));
  }
  const used = units.kilowattHours(w.throughput.usedWh / 1000);
  out.push(
    w.throughput.capWh === null
      ? interpolate(words.throughputNoCap, { used })
      : interpolate(words.throughputUsed, { used, cap: units.kilowattHours(w.throughput.capWh / 1000) }),
  );
  const { latestPct, guaranteedPct } = w.soh;
  if (latestPct === null || guaranteedPct === null) {
    out.push(words.sohUnknown);
  } else {
    const values = { soh: units.percent(latestPct), guaranteed: units.percent(guaranteedPct) };
    out.push(interpolate(latestPct >= guaranteedPct ? words.sohAbove : words.sohBelow, values));
  }
  return out;
}
