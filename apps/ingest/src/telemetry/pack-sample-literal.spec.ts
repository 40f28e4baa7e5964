import { PACK_SERIES_FIELDS } from '@fleet/telemetry';
import { describe, expect, it } from 'vitest';
import { packSampleLiteral } from './pack-sample-literal.js';

describe('packSampleLiteral', () => {
  it('puts value i under PACK_SERIES_FIELDS[i], for every field of the table', () => {
    const values = PACK_SERIES_FIELDS.map((_, i) => i + 1000);
    const sut = packSampleLiteral('2026-11-25T10:00:00.000Z', 'can0', 3, values);
    expect(Object.keys(sut)).toEqual(['kind', 'ts', 'bus', 'bmsAddress', ...PACK_SERIES_FIELDS]);
    for (const [i, field] of PACK_SERIES_FIELDS.entries()) {
      expect(sut[field]).toBe(i + 1000);
    }
  });

  it('leaves a null (absent) field undefined', () => {
    const values = PACK_SERIES_FIELDS.map(() => null);
    const sut = packSampleLiteral('2026-11-25T10:00:00.000Z', 'can0', 3, values);
    expect(sut).toEqual({ kind: 'pack', ts: '2026-11-25T10:00:00.000Z', bus: 'can0', bmsAddress: 3 });
    expect(Object.values(sut).filter((x) => x !== undefined)).toHaveLength(4);
  });
});
