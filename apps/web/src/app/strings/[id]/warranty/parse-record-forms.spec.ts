import { describe, expect, it } from 'vitest';
import { dictionaryFor } from '../../../../i18n/dictionary';
import { parseCommissioningForm, parseRegionForm } from './parse-record-forms';

const p = dictionaryFor('en').warranty.string.problems;
const form = (values: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) {
    f.set(k, v);
  }
  return f;
};
const NOW = Date.parse('2026-06-01T12:00:00Z');

describe('record forms', () => {
  it('turns a commissioning day into midnight UTC and refuses a future day or a missing name', () => {
    expect(
      parseCommissioningForm(form({ commissionedAt: '2025-03-04', commissionedBy: 'Solar AG' }), p, NOW),
    ).toEqual({
      ok: true,
      body: { commissionedAt: '2025-03-04T00:00:00.000Z', commissionedBy: 'Solar AG', notes: null },
    });
    expect(
      parseCommissioningForm(form({ commissionedAt: '2026-06-02', commissionedBy: 'x' }), p, NOW),
    ).toEqual({
      ok: false,
      fieldErrors: { commissionedAt: p.date, commissionedBy: p.name },
    });
  });

  it('upper-cases a region, clears it when empty, and refuses a malformed one', () => {
    expect(parseRegionForm(form({ warrantyRegion: ' de ' }), p)).toEqual({
      ok: true,
      body: { warrantyRegion: 'DE' },
    });
    expect(parseRegionForm(form({ warrantyRegion: '' }), p)).toEqual({
      ok: true,
      body: { warrantyRegion: null },
    });
    expect(parseRegionForm(form({ warrantyRegion: 'Europe!' }), p)).toEqual({
      ok: false,
      fieldErrors: { warrantyRegion: p.region },
    });
  });
});
