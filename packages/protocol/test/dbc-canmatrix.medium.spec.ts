// Independent check of the generated DBC files: python3-canmatrix (Debian package, code
// nobody here wrote) loads dbc/pylontech-hv.dbc and dbc/pylontech-lv.dbc and decodes every
// H and L golden vector; each signal that names a codec field must equal our decoder's value.
// /usr/bin/python3 is used on purpose: a pyenv python earlier on PATH lacks the Debian package.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hexToBytes } from '../src/bytes/hex.js';
import type { CanMessageDefinition } from '../src/dbc/can-signal.js';
import { decodeHvCanFrame } from '../src/hv-can/decode-hv-can-frame.js';
import { HV_CAN_SIGNALS } from '../src/hv-can/hv-can-signals.table.js';
import { decodeLvCanFrame } from '../src/lv-can/decode-lv-can-frame.js';
import { LV_CAN_CODECS } from '../src/lv-can/lv-can-codecs.table.js';
import hvFixture from './fixtures/hv-can-vectors.json' with { type: 'json' };
import lvFixture from './fixtures/lv-can-vectors.json' with { type: 'json' };

const PYTHON = '/usr/bin/python3';
const dbcPath = (name: string) => fileURLToPath(new URL(`../dbc/${name}`, import.meta.url));

// Frames shorter than the DBC's DLC (0x355 in its 4-byte form) are zero-padded, as tools that
// decode partial frames do; only signals inside the received bytes are compared.
const SCRIPT = `
import json, sys, logging
logging.disable(logging.CRITICAL)
import canmatrix, canmatrix.formats
req = json.load(sys.stdin)
dbs = {k: canmatrix.formats.loadp_flat(v) for k, v in req["dbc"].items()}
out = []
for f in req["frames"]:
    frame = dbs[f["db"]].frame_by_id(canmatrix.ArbitrationId(id=f["id"], extended=f["extended"]))
    data = bytes.fromhex(f["hex"])
    data = data + bytes(max(0, frame.size - len(data)))
    out.append({k: str(v.phys_value) for k, v in frame.decode(data).items()})
json.dump(out, sys.stdout)
`;

interface Vector {
  id: string;
  canId: string;
  extended: boolean;
  dataHex: string;
}

function canmatrixDecode(frames: { db: 'hv' | 'lv'; vector: Vector }[]): Record<string, string>[] {
  const input = JSON.stringify({
    dbc: { hv: dbcPath('pylontech-hv.dbc'), lv: dbcPath('pylontech-lv.dbc') },
    frames: frames.map(({ db, vector }) => ({
      db,
      // HV replies carry the BMS address in the low nibble; the DBC declares address 0.
      id: db === 'hv' ? Number(vector.canId) & ~0xf : Number(vector.canId),
      extended: vector.extended,
      hex: vector.dataHex,
    })),
  });
  const run = spawnSync(PYTHON, ['-c', SCRIPT], { input, encoding: 'utf8', timeout: 60_000 });
  if (run.status !== 0) {
    throw new Error(`canmatrix failed (${run.status}): ${run.stderr}`);
  }
  return JSON.parse(run.stdout) as Record<string, string>[];
}

function valueAt(value: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((v, key) => (v as Record<string, unknown> | undefined)?.[key], value);
}

/** What canmatrix must show for each mapped signal: field × scale (flags as 0/1). */
function expectedPhysical(definition: CanMessageDefinition, message: unknown, length: number) {
  const out: Record<string, number> = {};
  for (const s of definition.signals) {
    if (s.field === undefined || s.startByte + Math.ceil(s.bits / 8) > length) {
      continue;
    }
    const v = valueAt(message, s.field);
    out[s.name] = typeof v === 'boolean' ? Number(v) : Number((Number(v) * s.scale).toPrecision(12));
  }
  return out;
}

function pick(decoded: Record<string, string>, names: string[]): Record<string, number> {
  return Object.fromEntries(names.map((n) => [n, Number(decoded[n])]));
}

describe('python3-canmatrix decodes our DBC files like our decoders', () => {
  const hv = hvFixture.hvCan.map((vector) => ({ db: 'hv' as const, vector }));
  const lv = lvFixture.lvCan.map((vector) => ({ db: 'lv' as const, vector }));
  const results = canmatrixDecode([...hv, ...lv]);

  it('reads H3 as 246.9 V, 0.0 A, 18.1 °C, 46 %, 100 % and L9 as 49.86 V, −27.0 A, 36.3 °C', () => {
    const h3 = results[hv.findIndex((f) => f.vector.id === 'H3')]!;
    expect(pick(h3, ['PackVoltage', 'PackCurrent', 'BmsTemperature', 'SOC', 'SOH'])).toEqual({
      PackVoltage: 246.9,
      PackCurrent: 0,
      BmsTemperature: 18.1,
      SOC: 46,
      SOH: 100,
    });
    const l9 = results[hv.length + lv.findIndex((f) => f.vector.id === 'L9')]!;
    expect(pick(l9, ['BatteryVoltage', 'BatteryCurrent', 'BatteryTemperature'])).toEqual({
      BatteryVoltage: 49.86,
      BatteryCurrent: -27,
      BatteryTemperature: 36.3,
    });
  });

  hv.forEach(({ vector }, i) => {
    it(`${vector.id} (${vector.canId}): every mapped signal equals decodeHvCanFrame`, () => {
      const data = hexToBytes(vector.dataHex)!;
      const ours = decodeHvCanFrame({ id: Number(vector.canId), extended: vector.extended, data });
      if (ours.status !== 'ok') {
        throw new Error(`${vector.id} did not decode`);
      }
      const want = expectedPhysical(HV_CAN_SIGNALS[ours.message.type], ours.message, data.length);
      expect(Object.keys(want).length).toBeGreaterThan(0);
      expect(pick(results[i]!, Object.keys(want))).toEqual(want);
    });
  });

  lv.forEach(({ vector }, i) => {
    it(`${vector.id} (${vector.canId}): every mapped signal equals decodeLvCanFrame`, () => {
      const data = hexToBytes(vector.dataHex)!;
      const ours = decodeLvCanFrame({ id: Number(vector.canId), extended: vector.extended, data });
      if (ours.status !== 'ok') {
        throw new Error(`${vector.id} did not decode`);
      }
      const want = expectedPhysical(LV_CAN_CODECS[ours.message.type].definition, ours.message, data.length);
      expect(pick(results[hv.length + i]!, Object.keys(want))).toEqual(want);
    });
  });
});
