import { describe, expect, it } from 'vitest';
import { dictionaryFor } from '../../i18n/dictionary';
import { createUnitFormatter } from '../format/units';
import { readOwnerWarranty, warrantySentences } from './warranty-view';

const start = Date.parse('2024-03-01T00:00:00Z');
const end = Date.parse('2034-03-01T00:00:00Z');

/** The shape of packages/analytics warrantyStatus, as the API passes it on. */
function status(overrides: Record<string, unknown> = {}) {
  return {
    gaps: [],
    time: {
      startMs: start,
      endMs: end,
      elapsedDays: 730,
      remainingDays: 2922,
      fraction: 0.2,
      expired: false,
    },
    throughput: { usedWh: 4_200_000, capWh: 30_000_000, fraction: 0.14 },
    soh: { latest: { atMs: end, sohPct: 96 }, guaranteedAtLatestPct: 94, marginPct: 2 },
    excursions: [],
    ...overrides,
  };
}

describe('readOwnerWarranty', () => {
  it('reads time, energy and capacity of a status, ms or ISO times alike', () => {
    const w = readOwnerWarranty({
      status: status(),
      commissioning: { commissionedAt: '2024-03-01T00:00:00Z' },
    });
    expect(w?.time?.termYears).toBe(10);
    expect(w?.time?.usedYears).toBeCloseTo(2, 1);
    expect(w?.throughput).toEqual({ usedWh: 4_200_000, capWh: 30_000_000, fraction: 0.14 });
    expect(w?.soh).toEqual({ latestPct: 96, guaranteedPct: 94 });
    const iso = readOwnerWarranty(
      status({ time: { startAt: '2024-03-01T00:00:00Z', endAt: '2034-03-01T00:00:00Z', fraction: 0.5 } }),
    );
    expect(iso?.time?.endsAt).toBe('2034-03-01T00:00:00Z');
  });

  it('has nothing to show without terms, commissioning or a readable body', () => {
    expect(readOwnerWarranty(status({ gaps: ['no-terms'], time: null }))).toBeNull();
    expect(readOwnerWarranty(status({ gaps: ['no-commissioning'] }))).toBeNull();
    expect(readOwnerWarranty('Not Found')).toBeNull();
    expect(readOwnerWarranty(null)).toBeNull();
  });
});

describe('warrantySentences', () => {
  const en = dictionaryFor('en');
  const units = createUnitFormatter('en');

  it('says time, energy and capacity against the guarantee in words', () => {
    const w = readOwnerWarranty({
      status: status(),
      commissioning: { commissionedAt: '2024-03-01T00:00:00Z' },
    });
    expect(w && warrantySentences(w, en, units)).toEqual([
      'Your battery was put into service on Mar 1, 2024.',
      'Time: 2 of 10 years used.',
      'The warranty runs until Mar 1, 2034.',
      'Energy: 4,200.0\u00a0kWh of the 30,000.0\u00a0kWh the warranty covers has flowed out of the battery.',
      'Capacity: 96\u00a0% today, above the 94\u00a0% the warranty guarantees at this age.',
    ]);
  });

  it('asks the owner to tell the installer when the capacity is below the guarantee', () => {
    const w = readOwnerWarranty(status({ soh: { latest: { sohPct: 90 }, guaranteedAtLatestPct: 93 } }));
    expect(w && warrantySentences(w, en, units).at(-1)).toContain('below the 93\u00a0%');
  });

  it('says when there is no energy cap or too little data for the capacity', () => {
    const w = readOwnerWarranty(status({ throughput: { usedWh: 0, capWh: null, fraction: null }, soh: {} }));
    const text = w ? warrantySentences(w, dictionaryFor('de'), createUnitFormatter('de')) : [];
    expect(text).toContain(
      'Energie: 0,0\u00a0kWh sind aus dem Speicher geflossen; die Garantie setzt keine Energiegrenze.',
    );
    expect(text.at(-1)).toBe('Kapazität: noch zu wenige Daten für einen Vergleich mit der Zusicherung.');
  });
});
