// Real LV broadcast cycles (test/fixtures/lv-can-cycles.json, reference §2.3) as CAN frames.
import { readFileSync } from 'node:fs';
import { type CanFrame, hexToBytes } from '@fleet/protocol';

interface FixtureFrame {
  id: string;
  canId: string;
  dataHex: string;
}

const fixture = JSON.parse(
  readFileSync(new URL('./fixtures/lv-can-cycles.json', import.meta.url), 'utf8'),
) as Record<'old' | 'us5000New', FixtureFrame[]>;

function toFrame(f: FixtureFrame): CanFrame {
  const data = hexToBytes(f.dataHex);
  if (data === undefined) {
    throw new Error(`fixture ${f.id}: bad hex`);
  }
  return { id: Number.parseInt(f.canId, 16), extended: false, data };
}

/** L1-L6: 0x351, 0x355, 0x356, 0x359, 0x35C, 0x35E of an older Pylontech LV battery. */
export const OLD_CYCLE: CanFrame[] = fixture.old.map(toFrame);
/** L11-L15 + L6: a US5000 on newer firmware (0x35A, 0x35F; no 0x359, 0x35C; 6-byte 0x355). */
export const NEW_CYCLE: CanFrame[] = fixture.us5000New.map(toFrame);
