import { describe, expect, it } from 'vitest';
import { stringNominalWh } from './string-nominal-wh.js';

describe('stringNominalWh', () => {
  it('multiplies the module count by the product page capacities', () => {
    expect(stringNominalWh('H48050', 5)).toBe(12_000);
    expect(stringNominalWh('H48074', 15)).toBe(53_280);
  });

  it('does not invent a capacity for an unknown module or a bad count', () => {
    expect(stringNominalWh('FH48074', 5)).toBeNull();
    expect(stringNominalWh('toString', 5)).toBeNull();
    expect(stringNominalWh('H48050', 0)).toBeNull();
    expect(stringNominalWh('H48050', 2.5)).toBeNull();
  });
});
