import { describe, expect, it } from 'vitest';
import { type ExpectedString, type FoundString, findMismatches } from './topology-mismatches.js';

const at = (bmsAddress: number, more: Partial<FoundString> = {}): FoundString => ({
  gatewayId: 'gw-1',
  bus: 'can0',
  bmsAddress,
  ...more,
});
const installed = (bmsAddress: number, moduleCount: number, bmsSerial?: string): ExpectedString => ({
  ...at(bmsAddress),
  moduleCount,
  ...(bmsSerial ? { bmsSerial } : {}),
});

describe('findMismatches', () => {
  it('finds nothing when every installed string answers where confirmed with all its modules', () => {
    const found = [at(1, { moduleCount: 5, bmsSerial: 'A' }), at(2, { moduleCount: 7 })];
    expect(findMismatches(found, [installed(1, 5, 'A'), installed(2, 7)])).toEqual([]);
  });

  it('without a confirmation tells only duplicated addresses, once per address', () => {
    const found = [at(1, { bmsSerial: 'A' }), at(1, { bmsSerial: 'B' }), at(1), at(2)];
    expect(findMismatches(found, null)).toEqual([{ kind: 'address-duplicated', place: at(1) }]);
  });

  it('flags a missing module with both counts', () => {
    expect(findMismatches([at(1, { moduleCount: 4 })], [installed(1, 5)])).toEqual([
      { kind: 'module-missing', place: at(1), expectedModules: 5, foundModules: 4 },
    ]);
  });

  it('follows a BMS serial to another address: wrong address, not absent plus unexpected', () => {
    expect(findMismatches([at(3, { moduleCount: 5, bmsSerial: 'A' })], [installed(1, 5, 'A')])).toEqual([
      { kind: 'wrong-address', place: at(3), expectedPlace: at(1), bmsSerial: 'A' },
    ]);
  });

  it('without serials a moved string is an absent installed string and an unexpected one', () => {
    expect(findMismatches([at(3, { moduleCount: 5 })], [installed(1, 5)])).toEqual([
      { kind: 'expected-absent', place: at(1) },
      { kind: 'unexpected-string', place: at(3) },
    ]);
  });

  it('does not pair another BMS (other serial) at the confirmed address', () => {
    expect(findMismatches([at(1, { moduleCount: 5, bmsSerial: 'B' })], [installed(1, 5, 'A')])).toEqual([
      { kind: 'expected-absent', place: at(1), bmsSerial: 'A' },
      { kind: 'unexpected-string', place: at(1), bmsSerial: 'B' },
    ]);
  });

  it('tells strings apart by gateway and bus, not by address alone', () => {
    const found = [at(1, { moduleCount: 5, bus: 'can1' })];
    expect(findMismatches(found, [installed(1, 5)]).map((m) => m.kind)).toEqual([
      'expected-absent',
      'unexpected-string',
    ]);
  });

  it('does not call a module missing when the BMS did not report a count', () => {
    expect(findMismatches([at(1)], [installed(1, 5)])).toEqual([]);
  });
});
