// The signal definitions (which the DBC files are generated from) must say what the codecs
// do: for random payloads, every signal that names a codec field reads the same value as the
// codec decodes. HV codecs are hand-written, so this is what keeps them and the DBC in step.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HV_CAN_CODECS } from '../hv-can/hv-can-codecs.table.js';
import { HV_CAN_SIGNALS } from '../hv-can/hv-can-signals.table.js';
import { LV_CAN_CODECS } from '../lv-can/lv-can-codecs.table.js';
import type { CanMessageDefinition } from './can-signal.js';
import { readFlag, readNumberField } from './signal-access.js';

function valueAt(value: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((v, key) => (v as Record<string, unknown> | undefined)?.[key], value);
}

function expectSignalsMatch(
  definition: CanMessageDefinition,
  decode: (d: Uint8Array) => { status: string; value?: unknown },
  lengths: number[],
) {
  const mapped = definition.signals.filter((s) => s.field !== undefined);
  fc.assert(
    fc.property(
      fc.constantFrom(...lengths).chain((n) => fc.uint8Array({ minLength: n, maxLength: n })),
      (data) => {
        const decoded = decode(data);
        expect(decoded.status).toBe('ok');
        for (const s of mapped) {
          if (s.startByte + Math.ceil(s.bits / 8) > data.length) {
            continue;
          }
          const want = s.flag ? readFlag(data, s) : readNumberField(data, s);
          expect({ [s.name]: valueAt(decoded.value, s.field!) }).toEqual({ [s.name]: want });
        }
      },
    ),
    { numRuns: 2_000 },
  );
}

describe('HV signal definitions agree with the HV codecs', () => {
  for (const [type, codec] of Object.entries(HV_CAN_CODECS)) {
    const definition = HV_CAN_SIGNALS[type as keyof typeof HV_CAN_SIGNALS];
    it(`0x${type}: id, addressing and every mapped signal`, () => {
      expect({ id: definition.id, addressed: definition.addressed }).toEqual({
        id: codec.baseId,
        addressed: codec.addressed,
      });
      expectSignalsMatch(definition, codec.decode, [8]);
    });
  }
});

describe('LV signal definitions agree with the LV codecs', () => {
  const lengths: Record<string, number[]> = { '351': [6, 8], '355': [4, 6] };
  for (const [type, codec] of Object.entries(LV_CAN_CODECS)) {
    it(`0x${type}: id and every mapped signal`, () => {
      expect(codec.definition.id).toBe(codec.id);
      expectSignalsMatch(codec.definition, codec.decode, lengths[type] ?? [codec.definition.dlc]);
    });
  }
});

describe('signal names', () => {
  it('are unique within each message and valid DBC identifiers', () => {
    const all = [...Object.values(HV_CAN_SIGNALS), ...Object.values(LV_CAN_CODECS).map((c) => c.definition)];
    for (const definition of all) {
      const names = definition.signals.map((s) => s.name);
      expect(new Set(names).size, definition.name).toBe(names.length);
      for (const name of [definition.name, ...names]) {
        expect(name).toMatch(/^[A-Za-z_][A-Za-z0-9_]{0,31}$/);
      }
    }
  });
});
